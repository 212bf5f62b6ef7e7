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

/// Every problem in a JavaScript value, read by the core's object walker (no line or column).
#[napi(catch_unwind)]
pub fn validate_object(env: Env, value: Unknown<'_>) -> Result<Vec<NativeDiagnostic>> {
    let input = convert::object_input(&env, value)?;
    Ok(convert::diagnostics(
        &journeymap::validate::validate_object(&input, &Limits::default()).diagnostics,
    ))
}
