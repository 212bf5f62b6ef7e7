//! The formats a map is read from and written to, chosen by file extension.

use std::path::Path;

use super::imported::{Imported, ReadOptions};
use super::{Error, csv, mermaid};
use crate::model::JourneyMap;
use crate::validate::{self, Bounded, read_bounded};

/// A file format of maps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// The JSON format v1 (`.json`).
    Json,
    /// A Mermaid `journey` diagram (`.mmd`, `.mermaid`).
    Mermaid,
    /// A CSV touchpoint table (`.csv`).
    Csv,
}

impl Format {
    /// The format of a file by its extension (any case); `None` for another extension.
    pub fn from_path(path: impl AsRef<Path>) -> Option<Self> {
        let ext = path.as_ref().extension()?.to_str()?.to_ascii_lowercase();
        Self::from_name(&ext)
    }

    /// The format named `json`, `mmd`, `mermaid` or `csv` (any case).
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "json" => Some(Self::Json),
            "mmd" | "mermaid" => Some(Self::Mermaid),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }

    /// `json`, `mermaid` or `csv`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Mermaid => "mermaid",
            Self::Csv => "csv",
        }
    }
}

/// How [`write`] writes a map.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WriteOptions {
    /// Mermaid: whose journey to write (see [`mermaid::to_string`]).
    pub persona: Option<String>,
    /// CSV: delimiter and byte order mark.
    pub csv: csv::WriteOptions,
}

/// Reads a map file in `format` (by extension when `None`; JSON for any other extension), with
/// every diagnostic. The file is refused (JM001) from its size before it is read when it is over
/// `options.limits.max_bytes`. Mermaid and CSV maps are named after the file's stem unless
/// `options.name` says otherwise. [`Error::Io`] when the file cannot be read.
pub fn read_path(
    path: impl AsRef<Path>,
    format: Option<Format>,
    options: &ReadOptions,
) -> Result<Imported, Error> {
    let path = path.as_ref();
    let format = format
        .or_else(|| Format::from_path(path))
        .unwrap_or(Format::Json);
    let bytes = match read_bounded(path, options.limits.max_bytes) {
        Ok(Bounded::Bytes(bytes)) => bytes,
        Ok(Bounded::TooLarge(len)) => {
            return Ok(Imported::failed(validate::too_large(len, &options.limits)));
        }
        Err(source) => {
            return Err(Error::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let mut options = options.clone();
    if options.name.is_none() {
        options.name = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned);
    }
    Ok(read_bytes(&bytes, format, &options))
}

/// Reads a map from bytes in `format`, with every diagnostic (JSON: only a valid map is
/// returned).
pub fn read_bytes(bytes: &[u8], format: Format, options: &ReadOptions) -> Imported {
    match format {
        Format::Json => {
            let (report, map) = validate::check_bytes(bytes, &options.limits);
            Imported {
                map,
                diagnostics: report.diagnostics,
            }
        }
        Format::Mermaid => mermaid::read_bytes(bytes, options),
        Format::Csv => csv::read_bytes(bytes, options),
    }
}

/// Writes a map in `format`: indented JSON, a Mermaid `journey`, or a CSV table.
pub fn write(map: &JourneyMap, format: Format, options: &WriteOptions) -> Result<String, Error> {
    match format {
        Format::Json => super::to_string_pretty(map).map(|mut s| {
            s.push('\n');
            s
        }),
        Format::Mermaid => mermaid::to_string(map, options.persona.as_deref()),
        Format::Csv => csv::to_string_with(map, &options.csv),
    }
}
