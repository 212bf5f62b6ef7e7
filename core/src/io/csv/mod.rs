//! CSV touchpoint tables, as teams keep maps in spreadsheets: import and export (docs/csv.md).
//!
//! One row per touchpoint, plus one row per persona whose measures, entry or moves differ, plus
//! one row per outcome. The header names the columns (case, spacing and `_`/`-` ignored; measure
//! headers may carry their scale, `emotion [1..10]`); a column the layout does not define is kept
//! on each touchpoint under an `x-` key. The delimiter, `,` or `;`, is sniffed from the header
//! row; with `;`, decimal commas (`0,5`) are read and written. UTF-8 with or without BOM. A row
//! with a bad cell is reported with its row and column and left out; the other rows are kept.
//! Export writes the same layout, and reading it back gives the same map for every field the
//! layout holds (docs/csv.md lists the ones it does not).

mod build;
mod cells;
mod columns;
mod read;
mod table;
mod write;

use super::Error;
use super::imported::{Imported, ReadOptions};
use crate::model::JourneyMap;

/// How a table is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// `b','` (the default) or `b';'`; with `;`, numbers are written with a decimal comma, as
    /// spreadsheets in French and most European locales expect.
    pub delimiter: u8,
    /// Start with a UTF-8 byte order mark, which Excel needs to open the file as UTF-8.
    pub bom: bool,
}

impl Default for WriteOptions {
    fn default() -> Self {
        Self {
            delimiter: b',',
            bom: false,
        }
    }
}

/// Reads a table from text: the map built from the rows that could be read, with every
/// diagnostic (see [`Imported`]).
pub fn read(text: &str, options: &ReadOptions) -> Imported {
    read::read(text.as_bytes(), options)
}

/// Reads a table from bytes; a cell that is not UTF-8 is reported (JM231) and its row left out.
pub fn read_bytes(bytes: &[u8], options: &ReadOptions) -> Imported {
    read::read(bytes, options)
}

/// Reads a table into a valid map; [`Error::Invalid`] with every diagnostic otherwise.
pub fn from_str(text: &str) -> Result<JourneyMap, Error> {
    read(text, &ReadOptions::default()).into_result()
}

/// Reads a table from bytes into a valid map; [`Error::Invalid`] otherwise.
pub fn from_slice(bytes: &[u8]) -> Result<JourneyMap, Error> {
    read_bytes(bytes, &ReadOptions::default()).into_result()
}

/// Writes the map as a table, comma-separated.
pub fn to_string(map: &JourneyMap) -> Result<String, Error> {
    to_string_with(map, &WriteOptions::default())
}

/// Writes the map as a table with explicit options. Columns in the layout's order (every column
/// always present), then the `x-` keys of touchpoints and outcomes. Rows: one persona-only row
/// per persona (the persona list, in map order); for each stage in
/// journey order, its touchpoints in map order, each followed by its persona rows (a stage
/// without touchpoint gets a stage-only row); touchpoints of unknown stages; then the outcomes.
pub fn to_string_with(map: &JourneyMap, options: &WriteOptions) -> Result<String, Error> {
    write::write(map, options)
}

impl JourneyMap {
    /// Reads a CSV touchpoint table into a valid map (see [`from_str`]).
    pub fn from_csv(text: &str) -> Result<Self, Error> {
        from_str(text)
    }

    /// Writes the map as a CSV touchpoint table (see [`to_string`]).
    pub fn to_csv(&self) -> Result<String, Error> {
        to_string(self)
    }
}
