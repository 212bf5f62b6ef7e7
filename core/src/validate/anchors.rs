//! Offsets the parser notes on its way, so that placing a diagnostic does not mean walking the
//! whole text again.
//!
//! While building the value, the parser sees the keys of the root object and the first key of
//! every object directly inside a root array as slices of the text (when they hold no escape),
//! which gives their offsets for free. A diagnostic at `/transitions/567/to` then needs a walk
//! of one transition, not of the 566 before it.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, DeserializeSeed, Visitor};

use crate::diagnostics::unescape_token;

/// Whitespace between JSON tokens.
fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// One member of the root object.
#[derive(Debug)]
struct Member {
    key: String,
    /// Offset of the key's closing quote.
    key_end: usize,
    /// For an array value: per item, the offset of the first key of an object item (an item
    /// that is not an object, or whose first key has escapes, has none).
    items: Vec<Option<usize>>,
}

/// What the parser noted about where things are in the text.
#[derive(Debug, Default)]
pub(crate) struct Anchors {
    /// Whether the root value is an object.
    root_object: bool,
    /// Whether every key of the root object was noted (none had escapes).
    complete: bool,
    /// The root object's members, in text order (a repeated key appears twice; the last wins,
    /// as in the parsed value).
    members: Vec<Member>,
}

impl Anchors {
    /// The root value is an object; its members follow.
    pub(crate) fn root_object(&mut self) {
        self.root_object = true;
        self.complete = true;
    }

    /// A key of the root object; `start` is the offset of its first character when it was read
    /// from the text as is.
    pub(crate) fn member(&mut self, key: &str, start: Option<usize>) {
        match start {
            Some(start) => self.members.push(Member {
                key: key.to_owned(),
                key_end: start + key.len(),
                items: Vec::new(),
            }),
            None => self.complete = false,
        }
    }

    /// An item of the array value of the last root member begins.
    pub(crate) fn item(&mut self) {
        if let Some(member) = self.members.last_mut() {
            member.items.push(None);
        }
    }

    /// The current item is an object whose first key starts at `start`.
    pub(crate) fn item_key(&mut self, start: usize) {
        if let Some(slot) = self
            .members
            .last_mut()
            .and_then(|member| member.items.last_mut())
        {
            *slot = Some(start);
        }
    }

    /// Where to look for `pointer`: the offset of a value and the part of the pointer below it
    /// (`""` when the value itself is the target, or its nearest existing parent). `None` when
    /// nothing was noted that helps: the whole text is walked then.
    pub(crate) fn start<'p>(&self, text: &str, pointer: &'p str) -> Option<(usize, &'p str)> {
        if !self.root_object {
            return None;
        }
        let bytes = text.as_bytes();
        let root = bytes.iter().position(|&b| !is_ws(b))?;
        let Some(rest) = pointer.strip_prefix('/') else {
            return Some((root, ""));
        };
        let (token, below) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let key = unescape_token(token);
        let Some(member) = self.members.iter().rev().find(|m| m.key == key) else {
            // Every root key is known: the member does not exist, its parent is the root.
            return self.complete.then_some((root, ""));
        };
        if let Some(index) = below.strip_prefix('/') {
            let (index, deeper) = index.split_at(index.find('/').unwrap_or(index.len()));
            let item = index
                .parse::<usize>()
                .ok()
                .filter(|_| !index.starts_with('+'))
                .and_then(|i| member.items.get(i).copied().flatten())
                .and_then(|first_key| object_start(bytes, first_key));
            if let Some(item) = item {
                return Some((item, deeper));
            }
        }
        Some((value_start(bytes, member.key_end)?, below))
    }
}

/// Notes anchors while a parser builds a value: the parser calls it as it enters arrays and
/// objects and reads keys (depth 1 is the root).
#[derive(Debug)]
pub(crate) struct Noter {
    /// Address of the text's first byte: a key read from the text as is lies at its address
    /// minus this one.
    base: usize,
    /// Length of the text.
    len: usize,
    anchors: RefCell<Anchors>,
    /// Inside an array that is the value of a root member (its object items are noted).
    items: Cell<bool>,
}

impl Noter {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            base: text.as_ptr().addr(),
            len: text.len(),
            anchors: RefCell::new(Anchors::default()),
            items: Cell::new(false),
        }
    }

    /// An array begins at `depth`: whether its items are noted.
    pub(crate) fn array(&self, depth: usize) -> bool {
        depth == 2 && self.items.replace(false)
    }

    /// An item of a noted array begins.
    pub(crate) fn item(&self) {
        self.anchors.borrow_mut().item();
        self.items.set(true);
    }

    /// An array ends.
    pub(crate) fn array_end(&self) {
        self.items.set(false);
    }

    /// An object begins at `depth`: whether it is an item of a noted array (its first key is
    /// noted).
    pub(crate) fn object(&self, depth: usize) -> bool {
        match depth {
            1 => {
                self.anchors.borrow_mut().root_object();
                false
            }
            // A root member's value has no items.
            2 => {
                self.items.set(false);
                false
            }
            3 => self.items.replace(false),
            _ => false,
        }
    }

    /// A key of an object at `depth` (its offset is known when it is a slice of the text);
    /// `item` is the answer of [`Noter::object`], cleared once its first key is noted.
    pub(crate) fn key(&self, depth: usize, item: &mut bool, key: &str) {
        // A key that had escapes lives in its own allocation, never inside the text.
        let start = key
            .as_ptr()
            .addr()
            .checked_sub(self.base)
            .filter(|start| start + key.len() <= self.len);
        if depth == 1 {
            self.anchors.borrow_mut().member(key, start);
            self.items.set(true);
        } else if std::mem::take(item)
            && let Some(start) = start
        {
            self.anchors.borrow_mut().item_key(start);
        }
    }

    pub(crate) fn into_anchors(self) -> Anchors {
        self.anchors.into_inner()
    }
}

/// Reads a key, borrowed from the text when it has no escape (its offset is then known).
pub(crate) struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

/// The offset of the value after the key whose closing quote is at `key_end`.
fn value_start(bytes: &[u8], key_end: usize) -> Option<usize> {
    let mut i = key_end + 1;
    while bytes.get(i).copied().is_some_and(is_ws) {
        i += 1;
    }
    if bytes.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    while bytes.get(i).copied().is_some_and(is_ws) {
        i += 1;
    }
    (i < bytes.len()).then_some(i)
}

/// The offset of the `{` of the object whose first key starts at `first_key`.
fn object_start(bytes: &[u8], first_key: usize) -> Option<usize> {
    // `first_key - 1` is the key's opening quote; before it only whitespace and the brace.
    let before = bytes.get(..first_key.checked_sub(1)?)?;
    let brace = before.iter().rposition(|&b| !is_ws(b))?;
    (before.get(brace) == Some(&b'{')).then_some(brace)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use proptest::prelude::*;
    use serde_json::Value;

    use super::Anchors;
    use crate::diagnostics::{Diagnostic, codes, escape_token};
    use crate::validate::parse::parse;
    use crate::validate::position::fill_positions;

    /// Every pointer of `value`, and beside each container one pointer that does not exist.
    fn pointers(value: &Value, at: &str, out: &mut Vec<String>) {
        out.push(at.to_owned());
        match value {
            Value::Object(map) => {
                out.push(format!("{at}/absent/deeper"));
                for (k, v) in map {
                    pointers(v, &format!("{at}/{}", escape_token(k)), out);
                }
            }
            Value::Array(items) => {
                out.push(format!("{at}/{}", items.len()));
                for (i, v) in items.iter().enumerate() {
                    pointers(v, &format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// Places every pointer of `text` with the parser's offsets and by walking the whole text,
    /// and checks both agree.
    fn agree(text: &str) {
        let parsed = parse(text, 64);
        let value = parsed.value.as_ref().unwrap();
        let mut all = Vec::new();
        pointers(value, "", &mut all);
        let make = || -> Vec<Diagnostic> {
            all.iter()
                .map(|p| Diagnostic::new(codes::WRONG_TYPE, p.as_str(), "m"))
                .collect()
        };
        let (mut noted, mut walked) = (make(), make());
        fill_positions(text, &parsed.anchors, &mut noted);
        fill_positions(text, &Anchors::default(), &mut walked);
        for (n, w) in noted.iter().zip(&walked) {
            assert!(w.line.is_some(), "{}", w.path);
            assert_eq!((n.line, n.column), (w.line, w.column), "{}", n.path);
        }
    }

    #[test]
    fn offsets_noted_while_parsing_place_like_a_whole_walk() {
        for text in [
            include_str!("../../../examples/bank-personal-loan.as-is.json"),
            include_str!("../../../examples/retail-click-and-collect.json"),
            // Escaped keys (not noted), an empty object item, items that are not objects,
            // a repeated root key, whitespace everywhere.
            "{ \"a\\u0062\" : [ {\"x\": 1}, {}, 3, [ {\"y\": [2]} ] ] ,\r\n \"c\":{\"d\":[{\"e\":{}}]},\n\t\"c\" : [ { \"z\" :\"q\" } ] }",
            "[{\"a\": 1}, {\"b\": [2]}]",
            "\"text\"",
        ] {
            agree(text);
        }
    }

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            "[a-c~/\"\\\\é ]{0,4}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 5, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec(("[a-c~/\"\\\\é]{0,3}", inner), 0..5)
                    .prop_map(|kv| Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn noted_offsets_agree_on_any_document(value in json(), pretty in any::<bool>()) {
            let text = if pretty {
                serde_json::to_string_pretty(&value).unwrap()
            } else {
                serde_json::to_string(&value).unwrap()
            };
            agree(&text);
        }
    }
}
