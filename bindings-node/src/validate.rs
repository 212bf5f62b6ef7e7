//! Validation (core `validate`).

use journeymap::validate::Limits;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, NativeDiagnostic};

/// Every problem in a map given as JSON text; positions are lines and columns of that text.
#[napi(catch_unwind)]
pub fn validate_text(text: String) -> Vec<NativeDiagnostic> {
    convert::diagnostics(&journeymap::validate::validate_str(&text, &Limits::default()).diagnostics)
}

/// Every problem in a map given as UTF-8 bytes (a `Buffer` or `Uint8Array`).
#[napi(catch_unwind)]
pub fn validate_bytes(bytes: Uint8Array) -> Vec<NativeDiagnostic> {
    convert::diagnostics(
        &journeymap::validate::validate_bytes(&bytes, &Limits::default()).diagnostics,
    )
}

/// Every problem in a JavaScript value, given as the JSON text the JS layer wrote from it;
/// diagnostics have no line or column (that text is not the caller's).
#[napi(catch_unwind)]
pub fn validate_document(json: String) -> Vec<NativeDiagnostic> {
    let report = journeymap::validate::validate_str(&json, &Limits::default());
    convert::diagnostics(&convert::without_positions(report.diagnostics))
}
