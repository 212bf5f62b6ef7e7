//! Diagnostics: what is wrong with a map, where, and how badly.

use std::fmt;

use serde::Serialize;

/// A stable diagnostic code, `JM` followed by three digits. Codes never change meaning; every
/// code is listed in [`crate::validate::catalogue`] and in docs/diagnostics.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub &'static str);

impl Code {
    /// The code as text, e.g. `"JM040"`.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl schemars::JsonSchema for Code {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Code".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": "^JM[0-9]{3}$", "description": "Stable diagnostic code." })
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

/// How bad a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The map cannot be used as it is.
    Error,
    /// The map can be used, but something is probably wrong.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// `"error"`, `"warning"` or `"info"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem found in a map.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// Stable code, e.g. `JM040`.
    pub code: Code,
    /// How bad it is.
    pub severity: Severity,
    /// JSON pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// 1-based line of the offending value, when the input was text.
    pub line: Option<u32>,
    /// 1-based column of the offending value, when the input was text.
    pub column: Option<u32>,
}

impl Diagnostic {
    /// A diagnostic without position.
    pub fn new(
        code: Code,
        severity: Severity,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            severity,
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            self.path.as_str()
        };
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(
                f,
                "{l}:{c}: {} {}: {} (at {path})",
                self.severity, self.code, self.message
            ),
            _ => write!(
                f,
                "{} {}: {} (at {path})",
                self.severity, self.code, self.message
            ),
        }
    }
}

/// A documented diagnostic code.
#[derive(Debug, Clone, Copy)]
pub struct CodeInfo {
    /// The code.
    pub code: Code,
    /// Its usual severity.
    pub severity: Severity,
    /// Short title.
    pub title: &'static str,
    /// When it fires and how to fix it.
    pub explanation: &'static str,
}

/// Escapes one JSON-pointer reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}
