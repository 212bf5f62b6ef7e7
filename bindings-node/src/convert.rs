//! What crosses the N-API boundary, and the conversions from the core types. Nothing here
//! decides anything: each function reshapes a value the core crate produced.
//!
//! Failures are returned, not thrown: a fallible native call gives `{ kind: 'ok', value }` or
//! `{ kind: 'error', error: { code, message, diagnostics } }`, and `lib/index.cjs` turns the
//! second into a `JourneyMapError`. Only panics (bugs) and argument conversion errors throw.

use journeymap::score::{self, ScoringConfig};
use journeymap::{Diagnostic, io};
use napi_derive::napi;

use crate::NativeMap;

/// One problem found in a map.
#[napi(object, object_from_js = false, use_nullable = true)]
#[derive(Debug, Clone)]
pub struct NativeDiagnostic {
    /// Stable code, e.g. `JM040`.
    pub code: String,
    /// How bad it is.
    #[napi(ts_type = "'error' | 'warning' | 'info'")]
    pub severity: String,
    /// JSON pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// 1-based line of the offending value, when the input was text; `null` otherwise.
    pub line: Option<u32>,
    /// 1-based column of the offending value, when the input was text; `null` otherwise.
    pub column: Option<u32>,
}

/// Why a call failed: the stable code, a sentence, and every diagnostic.
#[napi(object, object_from_js = false)]
#[derive(Debug, Clone)]
pub struct Failure {
    /// Stable code (JMxxx).
    pub code: String,
    /// What went wrong.
    pub message: String,
    /// Every problem found.
    pub diagnostics: Vec<NativeDiagnostic>,
}

/// The result of a call that returns JSON text.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
pub enum TextOutcome {
    /// The JSON text.
    Ok { value: String },
    /// Why it failed.
    Error { error: Failure },
}

/// The result of loading a map.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
pub enum MapOutcome {
    /// The validated map.
    Ok { map: NativeMap },
    /// Why it was refused.
    Error { error: Failure },
}

impl From<Result<String, Failure>> for TextOutcome {
    fn from(result: Result<String, Failure>) -> Self {
        match result {
            Ok(value) => TextOutcome::Ok { value },
            Err(error) => TextOutcome::Error { error },
        }
    }
}

impl From<Result<NativeMap, Failure>> for MapOutcome {
    fn from(result: Result<NativeMap, Failure>) -> Self {
        match result {
            Ok(map) => MapOutcome::Ok { map },
            Err(error) => MapOutcome::Error { error },
        }
    }
}

impl From<&Diagnostic> for NativeDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        Self {
            code: d.code.as_str().to_owned(),
            severity: d.severity.as_str().to_owned(),
            path: d.path.to_string(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
        }
    }
}

impl From<&io::Error> for Failure {
    fn from(e: &io::Error) -> Self {
        Self {
            code: e.code().as_str().to_owned(),
            message: e.to_string(),
            diagnostics: diagnostics(&e.to_diagnostics()),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::from(&e)
    }
}

impl From<score::Error> for Failure {
    fn from(e: score::Error) -> Self {
        Self {
            code: e.code().as_str().to_owned(),
            message: e.to_string(),
            diagnostics: diagnostics(&e.to_diagnostics()),
        }
    }
}

impl From<journeymap::events::Error> for Failure {
    fn from(e: journeymap::events::Error) -> Self {
        Self {
            code: e.code().as_str().to_owned(),
            message: e.to_string(),
            diagnostics: diagnostics(&e.to_diagnostics()),
        }
    }
}

impl Failure {
    /// A failure that is a bug (JM019 is the closest code: a value that cannot cross).
    pub fn internal(what: &str) -> Self {
        Self {
            code: journeymap::diagnostics::codes::CANNOT_SERIALIZE
                .as_str()
                .to_owned(),
            message: format!("internal error: {what} (please report this bug)"),
            diagnostics: Vec::new(),
        }
    }
}

/// Diagnostics as they cross the boundary.
pub fn diagnostics(ds: &[Diagnostic]) -> Vec<NativeDiagnostic> {
    ds.iter().map(NativeDiagnostic::from).collect()
}

/// Drops line and column: for a JavaScript object, the binding writes the JSON text itself, so
/// positions would point into text the caller never saw.
pub fn without_positions(mut ds: Vec<Diagnostic>) -> Vec<Diagnostic> {
    for d in &mut ds {
        d.line = None;
        d.column = None;
    }
    ds
}

/// A load error of a JavaScript object: the same error without positions, so that its message
/// does not cite them either.
pub fn object_error(e: io::Error) -> io::Error {
    match e {
        io::Error::Invalid { diagnostics } => io::Error::Invalid {
            diagnostics: without_positions(diagnostics),
        },
        other => other,
    }
}

/// Observed paths as `lib/index.cjs` encodes them, resolved to step indices: each distinct id
/// once in `ids`, the paths laid end to end in `steps` as indices into `ids`, and each path's
/// length in `lengths`. Each distinct id is resolved once with `step`.
pub fn resolve_paths(
    ids: &[String],
    lengths: &[u32],
    steps: &[u32],
    step: impl Fn(&str) -> Option<u32>,
) -> napi::Result<Vec<Vec<Option<u32>>>> {
    let malformed = || {
        napi::Error::new(
            napi::Status::InvalidArg,
            "malformed encoded paths (lengths, steps and ids do not agree)",
        )
    };
    let resolved: Vec<Option<u32>> = ids.iter().map(|id| step(id)).collect();
    let mut rest = steps;
    let mut out = Vec::with_capacity(lengths.len());
    for &len in lengths {
        let len = usize::try_from(len).map_err(|_| malformed())?;
        if len > rest.len() {
            return Err(malformed());
        }
        let (path, tail) = rest.split_at(len);
        rest = tail;
        let path = path
            .iter()
            .map(|&k| {
                usize::try_from(k)
                    .ok()
                    .and_then(|k| resolved.get(k).copied())
                    .ok_or_else(malformed)
            })
            .collect::<napi::Result<Vec<_>>>()?;
        out.push(path);
    }
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(malformed())
    }
}

/// Scoring settings from the JSON text the JS layer wrote (`None`: the defaults).
pub fn config(json: Option<&str>) -> Result<ScoringConfig, score::Error> {
    json.map_or_else(|| Ok(ScoringConfig::default()), ScoringConfig::from_json)
}

/// JSON text of a result, compact or indented (JM019 if it cannot be written).
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Failure> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map_err(|e| Failure::from(io::Error::Json(e)))
}
