//! The catalogue as data ([`CodeEntry`]) and the kinds of error a call can fail with
//! ([`ErrorKind`]): what the CLI (`journeymap codes`), Python (`journeymap.codes()`) and Node
//! (`codes()`) print, and how the bindings pick their exception classes.

use serde::Serialize;

use super::{Code, Diagnostic, codes};

/// One code of the catalogue as a record: what `journeymap codes --format json`,
/// `journeymap.codes()` and Node's `codes()` list, in code order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct CodeEntry {
    /// The code, e.g. `"JM040"`.
    pub code: &'static str,
    /// `"error"`, `"warning"` or `"info"`.
    pub severity: &'static str,
    /// Short title.
    pub title: &'static str,
    /// When it fires and how to fix it.
    pub explanation: &'static str,
    /// Its section in the reference, relative to the repository root:
    /// `docs/diagnostics.md#jm040`.
    pub link: String,
}

impl From<Code> for CodeEntry {
    fn from(c: Code) -> Self {
        Self {
            code: c.as_str(),
            severity: c.severity().as_str(),
            title: c.title(),
            explanation: c.explanation(),
            link: c.doc_link(),
        }
    }
}

/// Every code of the catalogue as a record, in code order.
pub fn code_entries() -> Vec<CodeEntry> {
    codes::ALL.iter().copied().map(CodeEntry::from).collect()
}

/// What kind of failure an error of a call is. Python raises one exception class per kind
/// (`journeymap.ValidationError`, ...) and Node throws one error class per kind, each with the
/// error's code and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The input is not a valid journey map (its first error's code).
    Validation,
    /// A file cannot be read (JM009).
    Read,
    /// A map cannot be written (JM019).
    Write,
    /// A scoring call got an argument it cannot use (an unknown persona, JM104).
    Scoring,
    /// The scoring settings are not valid (JM107); a kind of scoring error.
    Config,
    /// A picture call got options it cannot use (JM400).
    Render,
    /// An event log cannot be used: a missing column, an unreadable file, partial aggregates
    /// that do not merge, an activity mapping naming ids the map lacks (JM3xx).
    EventLog,
    /// Something that cannot happen did (a panic): a bug to report. It has no code.
    Internal,
}

impl ErrorKind {
    /// `"validation"`, `"read"`, `"write"`, `"scoring"`, `"config"`, `"render"`,
    /// `"event_log"` or `"internal"`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Validation => "validation",
            ErrorKind::Read => "read",
            ErrorKind::Write => "write",
            ErrorKind::Scoring => "scoring",
            ErrorKind::Config => "config",
            ErrorKind::Render => "render",
            ErrorKind::EventLog => "event_log",
            ErrorKind::Internal => "internal",
        }
    }

    /// The name of its exception class in Python and its error class in Node:
    /// `ValidationError`, `ReadError`, `WriteError`, `ScoringError`, `ConfigError`,
    /// `RenderError`, `EventLogError`, `InternalError`.
    pub fn class_name(self) -> &'static str {
        match self {
            ErrorKind::Validation => "ValidationError",
            ErrorKind::Read => "ReadError",
            ErrorKind::Write => "WriteError",
            ErrorKind::Scoring => "ScoringError",
            ErrorKind::Config => "ConfigError",
            ErrorKind::Render => "RenderError",
            ErrorKind::EventLog => "EventLogError",
            ErrorKind::Internal => "InternalError",
        }
    }

    /// The message of an internal error: `internal error: {what} (please report this bug)`.
    pub fn internal_message(what: &str) -> String {
        format!("internal error: {what} (please report this bug)")
    }
}

/// An error of a call as the bindings raise it: its kind (which names the exception or error
/// class), code, message and diagnostics. Made by `io::Error::report` and
/// `score::Error::report`.
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorReport {
    /// The kind of failure.
    pub kind: ErrorKind,
    /// The stable code.
    pub code: Code,
    /// The error's message (its `Display`).
    pub message: String,
    /// Every diagnostic behind it.
    pub diagnostics: Vec<Diagnostic>,
}

impl ErrorReport {
    /// The report of `error`, its message being its `Display`.
    pub fn new(
        kind: ErrorKind,
        code: Code,
        error: &impl std::fmt::Display,
        diagnostics: Vec<Diagnostic>,
    ) -> Self {
        Self {
            kind,
            code,
            message: error.to_string(),
            diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_follow_the_catalogue() {
        let entries = code_entries();
        assert_eq!(entries.len(), codes::ALL.len());
        let e = CodeEntry::from(codes::EMPTY_STAGE);
        assert_eq!(
            (e.code, e.severity, e.title, e.link.as_str()),
            (
                "JM042",
                "warning",
                "Empty stage",
                "docs/diagnostics.md#jm042"
            )
        );
        assert!(entries.contains(&e));
        assert_eq!(ErrorKind::Config.class_name(), "ConfigError");
        assert_eq!(ErrorKind::Internal.as_str(), "internal");
    }
}
