//! CSV touchpoint tables (core `io::csv`).

use journeymap::io::ReadOptions;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{Failure, MapOutcome, TextOutcome};
use crate::map::NativeMap;

/// Reads a CSV touchpoint table from text; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn csv_text(text: String) -> MapOutcome {
    journeymap::io::csv::read(&text, &ReadOptions::default()).into()
}

/// Reads a CSV touchpoint table from bytes (UTF-8, with or without BOM); refused with every
/// diagnostic.
#[napi(catch_unwind)]
pub fn csv_bytes(bytes: Uint8Array) -> MapOutcome {
    journeymap::io::csv::read_bytes(&bytes, &ReadOptions::default()).into()
}

#[napi]
impl NativeMap {
    /// The map as a CSV touchpoint table, `;`-separated with decimal commas when `semicolon`.
    #[napi(catch_unwind)]
    pub fn to_csv(&self, semicolon: Option<bool>) -> TextOutcome {
        let options = journeymap::io::csv::WriteOptions {
            delimiter: if semicolon.unwrap_or(false) {
                b';'
            } else {
                b','
            },
            bom: false,
        };
        journeymap::io::csv::to_string_with(&self.inner, &options)
            .map_err(Failure::from)
            .into()
    }
}
