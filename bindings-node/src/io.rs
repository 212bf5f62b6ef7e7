//! Reading and writing maps as JSON (core `io`), and the JSON Schema of the format.

use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, MapOutcome, TextOutcome};
use crate::map::NativeMap;

/// The JSON Schema of format v1, as JSON text.
#[napi(catch_unwind)]
pub fn schema_json() -> TextOutcome {
    convert::to_json(&journeymap::json_schema(), false).into()
}

/// Reads and validates a map from JSON text; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn load_text(text: String) -> MapOutcome {
    journeymap::io::from_str(&text)
        .map(NativeMap::new)
        .map_err(Failure::from)
        .into()
}

/// Reads and validates a map from UTF-8 bytes; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn load_bytes(bytes: Uint8Array) -> MapOutcome {
    journeymap::io::from_slice(&bytes)
        .map(NativeMap::new)
        .map_err(Failure::from)
        .into()
}

/// Reads and validates a JavaScript object, read by the core's object walker; refused with every
/// diagnostic (no line or column).
#[napi(catch_unwind)]
pub fn load_object(env: Env, value: Unknown<'_>) -> Result<MapOutcome> {
    let input = convert::object_input(&env, value)?;
    Ok(journeymap::io::from_object(&input)
        .map(NativeMap::new)
        .map_err(Failure::from)
        .into())
}

#[napi]
impl NativeMap {
    /// The map as JSON text (`x-` keys and `extensions` included).
    #[napi(catch_unwind)]
    pub fn to_json(&self, pretty: Option<bool>) -> TextOutcome {
        convert::to_json(self.inner.as_ref(), pretty.unwrap_or(false)).into()
    }
}
