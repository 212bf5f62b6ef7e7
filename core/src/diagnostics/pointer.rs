//! JSON pointers (RFC 6901): where in a document a diagnostic points.

use std::borrow::Cow;
use std::fmt;

use serde::Serialize;

/// A JSON pointer (RFC 6901), kept in its text form: `""` is the whole document, `/a/0/b~1c`
/// the key `b/c` of the first item of `a`. Build one with [`JsonPointer::push_key`] and
/// [`JsonPointer::push_index`] (keys are escaped), read it with [`JsonPointer::tokens`] or
/// [`JsonPointer::parts`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer(String);

/// One reference token of a pointer, as [`JsonPointer::parts`] reads it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum PathPart {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Why a text is not a JSON pointer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PointerError {
    /// A non-empty pointer must start with `/`.
    #[error("a JSON pointer is empty or starts with \"/\"")]
    NoLeadingSlash,
    /// `~` must be followed by `0` or `1`.
    #[error("\"~\" in a JSON pointer must be followed by 0 or 1")]
    BadEscape,
}

/// Escapes one reference token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub fn escape_token(token: &str) -> Cow<'_, str> {
    if token.contains(['~', '/']) {
        Cow::Owned(token.replace('~', "~0").replace('/', "~1"))
    } else {
        Cow::Borrowed(token)
    }
}

/// Reads one escaped reference token back (`~1` → `/`, `~0` → `~`).
pub(crate) fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

impl JsonPointer {
    /// The whole document, `""`.
    pub fn root() -> Self {
        Self(String::new())
    }

    /// Reads a pointer from its text form, checking its syntax.
    pub fn parse(text: &str) -> Result<Self, PointerError> {
        if !text.is_empty() && !text.starts_with('/') {
            return Err(PointerError::NoLeadingSlash);
        }
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c == '~' && !matches!(chars.next(), Some('0' | '1')) {
                return Err(PointerError::BadEscape);
            }
        }
        Ok(Self(text.to_owned()))
    }

    /// Appends an object key (escaped).
    pub fn push_key(&mut self, key: &str) {
        self.0.push('/');
        self.0.push_str(&escape_token(key));
    }

    /// Appends an array index.
    pub fn push_index(&mut self, index: usize) {
        use std::fmt::Write;
        let _ = write!(self.0, "/{index}");
    }

    /// This pointer with a key appended.
    pub fn key(&self, key: &str) -> Self {
        let mut out = self.clone();
        out.push_key(key);
        out
    }

    /// This pointer with an index appended.
    pub fn index(&self, index: usize) -> Self {
        let mut out = self.clone();
        out.push_index(index);
        out
    }

    /// Removes the last token; `false` at the root.
    pub fn pop(&mut self) -> bool {
        match self.0.rfind('/') {
            Some(at) => {
                self.0.truncate(at);
                true
            }
            None => false,
        }
    }

    /// Truncates the text form to `len` bytes (a length [`JsonPointer::len`] gave before
    /// pushing), to go back up after visiting a child.
    pub fn truncate(&mut self, len: usize) {
        self.0.truncate(len);
    }

    /// The reference tokens, unescaped.
    pub fn tokens(&self) -> impl Iterator<Item = Cow<'_, str>> {
        self.0.split('/').skip(1).map(unescape_token)
    }

    /// The reference tokens, a token of decimal digits without a leading zero (or `0`) read as an
    /// array index: `/a/0/b~1c` → `["a", 0, "b/c"]`. A pointer alone cannot tell an index from a
    /// key made of digits; every journeymap diagnostic that points into an object keyed by ids
    /// (`persona_measures`) names ids, which are rarely bare numbers.
    pub fn parts(&self) -> Vec<PathPart> {
        self.tokens()
            .map(|t| match t.parse::<usize>() {
                Ok(i) if !t.starts_with('0') || t == "0" => PathPart::Index(i),
                _ => PathPart::Key(t.into_owned()),
            })
            .collect()
    }

    /// The pointer of a `serde_path_to_error` path: `stages[0].order` → `/stages/0/order`.
    pub fn from_serde_path(path: &serde_path_to_error::Path) -> Self {
        use serde_path_to_error::Segment;
        let mut out = Self::root();
        for segment in path.iter() {
            match segment {
                Segment::Seq { index } => out.push_index(*index),
                Segment::Map { key } => out.push_key(key),
                Segment::Enum { .. } | Segment::Unknown => {}
            }
        }
        out
    }

    /// The text form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text form, `/` for the whole document (for messages).
    pub fn display_or_root(&self) -> &str {
        if self.0.is_empty() { "/" } else { &self.0 }
    }
}

impl std::ops::Deref for JsonPointer {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A pointer already in text form, as the rules write them (`format!("/touchpoints/{i}")`):
/// not checked, the writer escapes keys.
impl From<String> for JsonPointer {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl From<&str> for JsonPointer {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl From<&String> for JsonPointer {
    fn from(text: &String) -> Self {
        Self(text.clone())
    }
}

impl From<JsonPointer> for String {
    fn from(p: JsonPointer) -> Self {
        p.0
    }
}

impl PartialEq<str> for JsonPointer {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for JsonPointer {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl PartialEq<String> for JsonPointer {
    fn eq(&self, other: &String) -> bool {
        &self.0 == other
    }
}

impl Serialize for JsonPointer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl schemars::JsonSchema for JsonPointer {
    fn schema_name() -> Cow<'static, str> {
        "JsonPointer".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "JSON pointer (RFC 6901) to the offending value; \"\" is the whole document."
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn builds_escapes_and_reads_back() {
        let mut p = JsonPointer::root();
        p.push_key("a");
        p.push_index(0);
        p.push_key("b/c~d");
        assert_eq!(p.as_str(), "/a/0/b~1c~0d");
        assert_eq!(p.tokens().collect::<Vec<_>>(), ["a", "0", "b/c~d"]);
        assert_eq!(
            p.parts(),
            [
                PathPart::Key("a".into()),
                PathPart::Index(0),
                PathPart::Key("b/c~d".into())
            ]
        );
        assert!(p.pop());
        assert_eq!(p, "/a/0");
        assert_eq!(
            JsonPointer::parse("/x/007").unwrap().parts()[1],
            PathPart::Key("007".into())
        );
        assert_eq!(JsonPointer::parse("a"), Err(PointerError::NoLeadingSlash));
        assert_eq!(JsonPointer::parse("/a~2"), Err(PointerError::BadEscape));
        assert_eq!(JsonPointer::root().display_or_root(), "/");
        assert!(JsonPointer::root().parts().is_empty());
    }
}
