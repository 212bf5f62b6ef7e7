//! Reading and writing maps: the JSON format v1, and the formats maps live in elsewhere —
//! Mermaid `journey` diagrams ([`mermaid`]) and CSV touchpoint tables ([`csv`]). [`read_path`]
//! and [`write`] choose the format by file extension ([`Format`]).
//!
//! Loading always validates: a map that has any error-severity diagnostic is refused with all of
//! its diagnostics. Saving writes every field, `x-` keys and `extensions` included, so a
//! load/save round trip loses nothing. The importers also return the map built from what could
//! be read ([`Imported`]), bad lines and rows left out.

pub mod csv;
mod format;
mod ids;
mod imported;
mod linear;
pub mod mermaid;
pub(crate) mod objects;

pub use format::{Format, WriteOptions, read_bytes, read_path, write};
pub use imported::{Imported, ReadOptions};

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::diagnostics::{Code, Diagnostic, ErrorKind, ErrorReport, codes};
use crate::model::JourneyMap;
use crate::validate::{self, Bounded, Limits, ObjectInput, read_bounded};

/// Why a map could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The document is not a valid map; every problem found is listed.
    #[error("{}", invalid_summary(diagnostics))]
    Invalid {
        /// Every diagnostic of the document (errors, and warnings found alongside).
        diagnostics: Vec<Diagnostic>,
    },
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The map could not be written as JSON.
    #[error("cannot write the map as JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// The map could not be written in the requested format (Mermaid, CSV).
    #[error("{}", export_summary(diagnostics))]
    Export {
        /// Why (JM206 for an unknown persona).
        diagnostics: Vec<Diagnostic>,
    },
}

fn export_summary(diagnostics: &[Diagnostic]) -> String {
    match diagnostics.first() {
        Some(d) => format!("cannot export the map: {}", d.message),
        None => "cannot export the map".to_owned(),
    }
}

fn invalid_summary(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = diagnostics.iter().filter(|d| d.is_error()).collect();
    match errors.as_slice() {
        [] => "invalid journey map".to_owned(),
        [only] => format!("invalid journey map: {only}"),
        [first, rest @ ..] => format!(
            "invalid journey map: {first} (and {} more error{})",
            rest.len(),
            if rest.len() == 1 { "" } else { "s" }
        ),
    }
}

impl Error {
    /// The stable code: the first error's code for an invalid map or a failed export, JM009
    /// for a read failure, JM019 for a write failure.
    pub fn code(&self) -> Code {
        match self {
            Error::Invalid { diagnostics } => diagnostics
                .iter()
                .find(|d| d.is_error())
                .map_or(codes::SCHEMA_VIOLATION, |d| d.code),
            Error::Export { diagnostics } => diagnostics
                .iter()
                .find(|d| d.is_error())
                .map_or(codes::CANNOT_SERIALIZE, |d| d.code),
            Error::Io { .. } => codes::IO_ERROR,
            Error::Json(_) => codes::CANNOT_SERIALIZE,
        }
    }

    /// The kind of failure: an invalid map, a file that cannot be read, a map that cannot be
    /// written (as JSON, or in the requested format).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Invalid { .. } => ErrorKind::Validation,
            Error::Io { .. } => ErrorKind::Read,
            Error::Json(_) | Error::Export { .. } => ErrorKind::Write,
        }
    }

    /// The error as the bindings raise it: kind, code, message and diagnostics.
    pub fn report(&self) -> ErrorReport {
        ErrorReport::new(self.kind(), self.code(), self, self.to_diagnostics())
    }

    /// The diagnostics of an invalid map or a failed export (empty for other errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            Error::Invalid { diagnostics } | Error::Export { diagnostics } => diagnostics,
            _ => &[],
        }
    }

    /// Every error as diagnostics: an invalid map's own, or one error-severity diagnostic
    /// (JM009 for a read failure, JM019 for a write failure) at the document's root.
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Invalid { diagnostics } | Error::Export { diagnostics } => diagnostics.clone(),
            Error::Io { path, source } => vec![validate::io_error(path, source)],
            Error::Json(_) => vec![Diagnostic::new(self.code(), "", self.to_string())],
        }
    }
}

fn finish((report, map): (validate::Report, Option<JourneyMap>)) -> Result<JourneyMap, Error> {
    match map {
        Some(map) if report.is_valid() => Ok(map),
        _ => Err(Error::Invalid {
            diagnostics: report.diagnostics,
        }),
    }
}

/// Reads a map from JSON text, with the default [`Limits`].
pub fn from_str(text: &str) -> Result<JourneyMap, Error> {
    finish(validate::check_str(text, &Limits::default()))
}

/// Reads a map from JSON text with explicit limits.
pub fn from_str_with_limits(text: &str, limits: &Limits) -> Result<JourneyMap, Error> {
    finish(validate::check_str(text, limits))
}

/// Reads a map from UTF-8 JSON bytes.
pub fn from_slice(bytes: &[u8]) -> Result<JourneyMap, Error> {
    finish(validate::check_bytes(bytes, &Limits::default()))
}

/// Reads a map from a parsed JSON value.
pub fn from_value(value: Value) -> Result<JourneyMap, Error> {
    finish(validate::check_value(&value, &Limits::default()))
}

/// Reads a map from a host object (a Python dict, a JavaScript object) read by
/// [`ObjectInput::read`]: refused with the walker's diagnostics and the value's (see
/// [`validate::validate_object`]).
pub fn from_object(input: &ObjectInput) -> Result<JourneyMap, Error> {
    finish(validate::object::check_object(input, &Limits::default()))
}

/// Reads a map from a JSON file, with the default [`Limits`].
pub fn from_path(path: impl AsRef<Path>) -> Result<JourneyMap, Error> {
    from_path_with_limits(path, &Limits::default())
}

/// Reads a map from a JSON file with explicit limits. A file larger than `limits.max_bytes` is
/// refused (JM001) from its metadata, without being read.
pub fn from_path_with_limits(path: impl AsRef<Path>, limits: &Limits) -> Result<JourneyMap, Error> {
    let path = path.as_ref();
    match read_bounded(path, limits.max_bytes) {
        Ok(Bounded::Bytes(bytes)) => finish(validate::check_bytes(&bytes, limits)),
        Ok(Bounded::TooLarge(len)) => Err(Error::Invalid {
            diagnostics: vec![validate::too_large(len, limits)],
        }),
        Err(source) => Err(Error::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// Writes a map as compact JSON.
pub fn to_string(map: &JourneyMap) -> Result<String, Error> {
    Ok(serde_json::to_string(map)?)
}

/// Writes a map as indented JSON.
pub fn to_string_pretty(map: &JourneyMap) -> Result<String, Error> {
    Ok(serde_json::to_string_pretty(map)?)
}

/// Turns a map into a JSON value.
pub fn to_value(map: &JourneyMap) -> Result<Value, Error> {
    Ok(serde_json::to_value(map)?)
}

impl JourneyMap {
    /// Reads and validates a map from JSON text (see [`from_str`]).
    pub fn from_json(text: &str) -> Result<Self, Error> {
        from_str(text)
    }

    /// Writes the map as indented JSON (see [`to_string_pretty`]).
    pub fn to_json(&self) -> Result<String, Error> {
        to_string_pretty(self)
    }
}
