//! Mermaid `journey` diagrams (core `io::mermaid`).

use journeymap::io::ReadOptions;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{Failure, MapOutcome, TextOutcome};
use crate::map::NativeMap;

/// Reads a Mermaid `journey` diagram from text; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn mermaid_text(text: String) -> MapOutcome {
    journeymap::io::mermaid::read(&text, &ReadOptions::default()).into()
}

/// Reads a Mermaid `journey` diagram from UTF-8 bytes; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn mermaid_bytes(bytes: Uint8Array) -> MapOutcome {
    journeymap::io::mermaid::read_bytes(&bytes, &ReadOptions::default()).into()
}

#[napi]
impl NativeMap {
    /// The map as a Mermaid `journey`: `persona`'s most likely journey, or every persona's merged
    /// (JM206 for an unknown persona).
    #[napi(catch_unwind)]
    pub fn to_mermaid(&self, persona: Option<String>) -> TextOutcome {
        journeymap::io::mermaid::to_string(&self.inner, persona.as_deref())
            .map_err(Failure::from)
            .into()
    }
}
