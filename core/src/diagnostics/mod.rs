//! Diagnostics: what is wrong, where, and how badly. The bottom layer of the crate: every other
//! module reports through it, and it depends on none of them.
//!
//! A [`Diagnostic`] has a stable [`Code`] from the one catalogue ([`codes`]), the severity and
//! title the catalogue gives that code, a [`JsonPointer`] to the offending value, a message and,
//! for text input, a line and column. [`Diagnostic`]'s `Display` is the one text form, used by
//! the CLI, the reports and the bindings' messages.

mod catalogue;
pub mod codes;
mod pointer;

use std::fmt;

use serde::Serialize;

pub use catalogue::{CodeEntry, ErrorKind, ErrorReport, code_entries};
pub(crate) use pointer::unescape_token;
pub use pointer::{JsonPointer, PathPart, PointerError, escape_token};

/// A stable diagnostic code, `JM` followed by three digits, with its catalogue entry. Codes never
/// change meaning; every code is listed in [`codes::ALL`] and in docs/diagnostics.md.
#[derive(Clone, Copy)]
pub struct Code(&'static CodeInfo);

/// The catalogue entry of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CodeInfo {
    /// The code as text, e.g. `"JM040"`.
    pub id: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// Short title.
    pub title: &'static str,
    /// When it fires and how to fix it.
    pub explanation: &'static str,
}

impl Code {
    /// The code as text, e.g. `"JM040"`.
    pub fn as_str(self) -> &'static str {
        self.0.id
    }

    /// The severity the catalogue gives it.
    pub fn severity(self) -> Severity {
        self.0.severity
    }

    /// Short title.
    pub fn title(self) -> &'static str {
        self.0.title
    }

    /// When it fires and how to fix it.
    pub fn explanation(self) -> &'static str {
        self.0.explanation
    }

    /// The anchor of its section in docs/diagnostics.md, e.g. `jm040`.
    pub fn anchor(self) -> String {
        self.0.id.to_ascii_lowercase()
    }

    /// The link to its section, relative to the repository root: `docs/diagnostics.md#jm040`.
    pub fn doc_link(self) -> String {
        format!("docs/diagnostics.md#{}", self.anchor())
    }

    /// The catalogue entry.
    pub fn info(self) -> &'static CodeInfo {
        self.0
    }

    /// The code with this text (`"JM040"`), if the catalogue has it.
    pub fn parse(text: &str) -> Option<Code> {
        codes::ALL.iter().copied().find(|c| c.as_str() == text)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.0.id == other.0.id
    }
}

impl Eq for Code {}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.id.hash(state);
    }
}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.id.cmp(other.0.id)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Code({})", self.0.id)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.id)
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
        serializer.serialize_str(self.0.id)
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

/// One problem found in a map, or in an input or a call that works on one.
#[derive(Debug, Clone, PartialEq, Serialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// Stable code, e.g. `JM040`.
    pub code: Code,
    /// How bad it is (the catalogue's severity of the code).
    pub severity: Severity,
    /// JSON pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: JsonPointer,
    /// What is wrong, in a sentence.
    pub message: String,
    /// 1-based line of the offending value, when the input was text.
    pub line: Option<u32>,
    /// 1-based column of the offending value, when the input was text.
    pub column: Option<u32>,
}

impl Diagnostic {
    /// A diagnostic without position; its severity is the catalogue's for `code`.
    pub fn new(code: Code, path: impl Into<JsonPointer>, message: impl Into<String>) -> Self {
        Self {
            code,
            severity: code.severity(),
            path: path.into(),
            message: message.into(),
            line: None,
            column: None,
        }
    }

    /// This diagnostic at a 1-based line and column.
    #[must_use]
    pub fn at(mut self, line: Option<u32>, column: Option<u32>) -> Self {
        self.line = line;
        self.column = column;
        self
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The path as keys and array indices (see [`JsonPointer::parts`]).
    pub fn path_parts(&self) -> Vec<PathPart> {
        self.path.parts()
    }

    /// The diagnostic as compiler-style text prefixed by the file it was found in:
    /// `map.json:12:5: error[JM023]: no stage has id "x" (at /touchpoints/0/stage)`.
    pub fn in_file<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        InFile {
            diagnostic: self,
            file,
        }
    }
}

struct InFile<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
}

impl fmt::Display for InFile<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.file)?;
        if self.diagnostic.line.is_none() {
            f.write_str(" ")?;
        }
        fmt::Display::fmt(self.diagnostic, f)
    }
}

/// The one text form: `12:5: error[JM023]: no stage has id "x" (at /touchpoints/0/stage)`, the
/// position left out when unknown.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let (Some(l), Some(c)) = (self.line, self.column) {
            write!(f, "{l}:{c}: ")?;
        }
        write!(
            f,
            "{}[{}]: {} (at {})",
            self.severity,
            self.code,
            self.message,
            self.path.display_or_root()
        )
    }
}

/// Every code of the catalogue, in code order.
pub fn catalogue() -> &'static [Code] {
    codes::ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_and_title_come_from_the_catalogue() {
        let d = Diagnostic::new(codes::UNKNOWN_STAGE, "/touchpoints/0/stage", "no stage");
        assert_eq!(d.severity, Severity::Error);
        assert_eq!(d.code.title(), "Unknown stage");
        let d = Diagnostic::new(codes::EMPTY_STAGE, "/stages/1", "empty");
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(d.to_string(), "warning[JM042]: empty (at /stages/1)");
        let d = d.at(Some(3), Some(7));
        assert_eq!(d.to_string(), "3:7: warning[JM042]: empty (at /stages/1)");
        assert_eq!(
            d.in_file("m.json").to_string(),
            "m.json:3:7: warning[JM042]: empty (at /stages/1)"
        );
        let d = Diagnostic::new(codes::IO_ERROR, "", "cannot read");
        assert_eq!(
            d.in_file("m.json").to_string(),
            "m.json: error[JM009]: cannot read (at /)"
        );
        assert_eq!(Code::parse("JM042"), Some(codes::EMPTY_STAGE));
        assert_eq!(codes::EMPTY_STAGE.doc_link(), "docs/diagnostics.md#jm042");
    }

    #[test]
    fn codes_are_unique_well_formed_and_in_order() {
        let ids: Vec<&str> = catalogue().iter().map(|c| c.as_str()).collect();
        for id in &ids {
            assert!(
                id.len() == 5
                    && id.starts_with("JM")
                    && id[2..].bytes().all(|b| b.is_ascii_digit()),
                "{id}"
            );
        }
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    }
}
