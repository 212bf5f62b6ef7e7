//! The catalogue of diagnostic codes (core `diagnostics`).

use napi_derive::napi;

/// One code of the catalogue, as `journeymap codes --format json` prints it.
#[napi(object, object_from_js = false)]
#[derive(Debug, Clone)]
pub struct CodeEntry {
    /// The code, e.g. `JM040`.
    pub code: String,
    /// Its severity.
    #[napi(ts_type = "'error' | 'warning' | 'info'")]
    pub severity: String,
    /// Short title.
    pub title: String,
    /// When it fires and how to fix it.
    pub explanation: String,
    /// Its section in the reference, relative to the repository root:
    /// `docs/diagnostics.md#jm040`.
    pub link: String,
}

/// Every code of the catalogue, in code order.
#[napi(catch_unwind)]
pub fn codes() -> Vec<CodeEntry> {
    journeymap::diagnostics::code_entries()
        .into_iter()
        .map(|e| CodeEntry {
            code: e.code.to_owned(),
            severity: e.severity.to_owned(),
            title: e.title.to_owned(),
            explanation: e.explanation.to_owned(),
            link: e.link,
        })
        .collect()
}
