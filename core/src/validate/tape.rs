//! A read-only view of a JSON text for the common case, a map with no parse problem.
//!
//! Building a `serde_json::Value` allocates every key and string and hashes every key into an
//! ordered map; for validation, which only reads, that is most of the time spent. The tape keeps
//! the values in one vector, in document order, with strings borrowed from the text where they
//! have no escape, and each array and object knowing where its subtree ends. The schema is
//! checked on it through `jsonschema`'s interface for custom representations, and the map is
//! read from it with serde ([`super::tape_de`]).
//!
//! The tape answers only the yes-or-no questions of the fast path. Anything unusual (a syntax
//! error, a repeated key, too deep, over a size limit, against the schema, not readable as a
//! map) sends the text down the full path, which reports it exactly as before.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;

use jsonschema::JsonType;
use jsonschema::json::{Array, Json, JsonNumber, Node, NodeIdentity, Object};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Number, Value};

use super::anchors::{Anchors, Key, Noter};

/// One value of the tape.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind<'t> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(Cow<'t, str>),
    /// An array with `len` items, the next entries.
    Array(usize),
    /// An object with `len` members, the next entries (each with its key).
    Object(usize),
}

/// A value on the tape, with its key when it is an object member.
#[derive(Debug, Clone)]
pub(crate) struct Entry<'t> {
    pub(crate) key: Cow<'t, str>,
    pub(crate) kind: Kind<'t>,
    /// Index just past the value's subtree: its next sibling.
    pub(crate) end: usize,
}

/// The values of a JSON text, in document order (the root first).
#[derive(Debug)]
pub(crate) struct Tape<'t> {
    pub(crate) entries: Vec<Entry<'t>>,
    pub(crate) anchors: Anchors,
}

/// Builds the tape of `text`, or `None` when the text has a parse problem of any kind (the full
/// path then reports it).
pub(crate) fn build(text: &str, max_depth: usize) -> Option<Tape<'_>> {
    let builder = Builder {
        max_depth,
        // A map has about one value per 18 to 30 bytes: most texts fit in this at once.
        entries: RefCell::new(Vec::with_capacity(text.len() / 16)),
        repeated: Cell::new(false),
        noter: Noter::new(text),
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    Level {
        builder: &builder,
        depth: 0,
        key: Cow::Borrowed(""),
    }
    .deserialize(&mut deserializer)
    .ok()?;
    deserializer.end().ok()?;
    if builder.repeated.get() {
        return None;
    }
    Some(Tape {
        entries: builder.entries.into_inner(),
        anchors: builder.noter.into_anchors(),
    })
}

struct Builder<'t> {
    max_depth: usize,
    entries: RefCell<Vec<Entry<'t>>>,
    /// An object has a key twice.
    repeated: Cell<bool>,
    noter: Noter,
}

impl<'t> Builder<'t> {
    /// Appends a scalar.
    fn push(&self, key: Cow<'t, str>, kind: Kind<'t>) {
        let mut entries = self.entries.borrow_mut();
        let end = entries.len() + 1;
        entries.push(Entry { key, kind, end });
    }

    /// Appends an array or object whose items follow; returns its index.
    fn open(&self, key: Cow<'t, str>) -> usize {
        let mut entries = self.entries.borrow_mut();
        entries.push(Entry {
            key,
            kind: Kind::Null,
            end: 0,
        });
        entries.len() - 1
    }

    /// Closes the container at `at` with its kind.
    fn close(&self, at: usize, kind: Kind<'t>) {
        let mut entries = self.entries.borrow_mut();
        let end = entries.len();
        if let Some(entry) = entries.get_mut(at) {
            entry.kind = kind;
            entry.end = end;
        }
    }
}

/// Reads one value at `depth` below the root, as the member `key` (or an item, key `""`).
struct Level<'b, 't> {
    builder: &'b Builder<'t>,
    depth: usize,
    key: Cow<'t, str>,
}

impl<'de> DeserializeSeed<'de> for Level<'_, 'de> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Level<'_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<(), E> {
        self.builder.push(self.key, Kind::Bool(v));
        Ok(())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<(), E> {
        self.builder.push(self.key, Kind::I64(v));
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        self.builder.push(self.key, Kind::U64(v));
        Ok(())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<(), E> {
        // serde_json never hands a non-finite float to a visitor.
        self.builder.push(self.key, Kind::F64(v));
        Ok(())
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<(), E> {
        self.builder.push(self.key, Kind::Str(Cow::Borrowed(v)));
        Ok(())
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.builder
            .push(self.key, Kind::Str(Cow::Owned(v.to_owned())));
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.builder.push(self.key, Kind::Null);
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let depth = self.enter::<A::Error>()?;
        let noted = self.builder.noter.array(depth);
        let at = self.builder.open(self.key);
        let mut len = 0;
        loop {
            if noted {
                self.builder.noter.item();
            }
            let level = Level {
                builder: self.builder,
                depth,
                key: Cow::Borrowed(""),
            };
            if seq.next_element_seed(level)?.is_none() {
                break;
            }
            len += 1;
        }
        self.builder.noter.array_end();
        self.builder.close(at, Kind::Array(len));
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<(), A::Error> {
        let depth = self.enter::<A::Error>()?;
        let mut item = self.builder.noter.object(depth);
        let at = self.builder.open(self.key);
        let mut len = 0;
        while let Some(key) = access.next_key_seed(Key)? {
            self.builder.noter.key(depth, &mut item, &key);
            access.next_value_seed(Level {
                builder: self.builder,
                depth,
                key,
            })?;
            len += 1;
        }
        self.builder.close(at, Kind::Object(len));
        if has_repeat(&self.builder.entries.borrow(), at) {
            self.builder.repeated.set(true);
        }
        Ok(())
    }
}

impl Level<'_, '_> {
    fn enter<E: de::Error>(&self) -> Result<usize, E> {
        let depth = self.depth + 1;
        if depth > self.builder.max_depth {
            return Err(E::custom("nesting too deep"));
        }
        Ok(depth)
    }
}

/// Most members of an object whose keys are compared pairwise rather than hashed.
const SMALL_OBJECT: usize = 16;

/// Whether the object at `at` has a key twice.
fn has_repeat(entries: &[Entry<'_>], at: usize) -> bool {
    let object = TapeNode { entries, at };
    let Kind::Object(len) = object.kind() else {
        return false;
    };
    if *len <= SMALL_OBJECT {
        // The keys side by side, each compared with those before it.
        let mut keys = [""; SMALL_OBJECT];
        for (slot, member) in keys.iter_mut().zip(object.children()) {
            *slot = member.key();
        }
        let keys = keys.get(..*len).unwrap_or_default();
        return (1..keys.len()).any(|i| keys[..i].contains(&keys[i]));
    }
    let mut seen: foldhash::HashSet<&str> = foldhash::HashSet::default();
    !object.children().all(|c| seen.insert(c.key()))
}

/// The children of an array or object, in order.
#[derive(Debug, Clone)]
pub(crate) struct Children<'a> {
    entries: &'a [Entry<'a>],
    next: usize,
    end: usize,
}

impl<'a> Children<'a> {
    fn of(entries: &'a [Entry<'a>], at: usize) -> Self {
        Self {
            entries,
            next: at + 1,
            end: entries.get(at).map_or(at, |e| e.end),
        }
    }
}

impl<'a> Iterator for Children<'a> {
    type Item = TapeNode<'a>;

    fn next(&mut self) -> Option<TapeNode<'a>> {
        if self.next >= self.end {
            return None;
        }
        let at = self.next;
        self.next = self.entries.get(at).map_or(self.end, |e| e.end.max(at + 1));
        Some(TapeNode {
            entries: self.entries,
            at,
        })
    }
}

/// The members of an object: key and value.
#[derive(Debug, Clone)]
pub(crate) struct Members<'a>(Children<'a>);

impl<'a> Iterator for Members<'a> {
    type Item = (&'a str, TapeNode<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.0.next().map(|c| (c.key(), c))
    }
}

/// One value of a tape, as `jsonschema` and serde read it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TapeNode<'a> {
    pub(crate) entries: &'a [Entry<'a>],
    pub(crate) at: usize,
}

impl<'a> TapeNode<'a> {
    /// The root of `tape`, when it has one.
    pub(crate) fn root(tape: &'a Tape<'a>) -> Option<Self> {
        (!tape.entries.is_empty()).then_some(Self {
            entries: &tape.entries,
            at: 0,
        })
    }

    pub(crate) fn kind(&self) -> &'a Kind<'a> {
        self.entries.get(self.at).map_or(&Kind::Null, |e| &e.kind)
    }

    pub(crate) fn key(&self) -> &'a str {
        self.entries.get(self.at).map_or("", |e| e.key.as_ref())
    }

    /// The children of this array or object.
    pub(crate) fn children(self) -> Children<'a> {
        Children::of(self.entries, self.at)
    }

    /// The member `key` of this object (the last one, as in a parsed value; the tape has no
    /// repeated keys).
    pub(crate) fn get(self, key: &str) -> Option<TapeNode<'a>> {
        match self.kind() {
            Kind::Object(_) => self.children().find(|c| c.key() == key),
            _ => None,
        }
    }

    /// The number of items of this array (0 for anything else).
    pub(crate) fn array_len(&self) -> usize {
        match self.kind() {
            Kind::Array(len) => *len,
            _ => 0,
        }
    }

    /// This value as a `serde_json::Value` (for error messages and comparisons only).
    pub(crate) fn value(&self) -> Value {
        match self.kind() {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::U64(n) => Value::from(*n),
            Kind::I64(n) => Value::from(*n),
            Kind::F64(n) => Number::from_f64(*n).map_or(Value::Null, Value::Number),
            Kind::Str(s) => Value::String(s.to_string()),
            Kind::Array(_) => Value::Array(self.children().map(|c| c.value()).collect()),
            Kind::Object(_) => Value::Object(
                self.children()
                    .map(|c| (c.key().to_owned(), c.value()))
                    .collect(),
            ),
        }
    }
}

/// The tape as a JSON representation `jsonschema` validates.
#[derive(Debug)]
pub(crate) struct TapeJson;

impl Json for TapeJson {
    type Node<'a> = TapeNode<'a>;
    type PreparedKey = String;
    type StringBuffer = Vec<Entry<'static>>;

    // Lookups scan the members: one pass over them is never worse than two lookups.
    const KEYS_PER_LOOKUP: usize = 2;
    const ACYCLIC: bool = true;

    fn prepare_key(key: &str) -> String {
        key.to_owned()
    }

    fn with_string_node<T>(
        buffer: &mut Vec<Entry<'static>>,
        string: &str,
        f: impl FnOnce(TapeNode<'_>) -> T,
    ) -> T {
        buffer.clear();
        buffer.push(Entry {
            key: Cow::Borrowed(""),
            kind: Kind::Str(Cow::Owned(string.to_owned())),
            end: 1,
        });
        f(TapeNode {
            entries: buffer,
            at: 0,
        })
    }
}

/// A number on the tape, with `serde_json::Number`'s readings.
#[derive(Debug, Clone, Copy)]
pub(crate) enum TapeNumber {
    U64(u64),
    I64(i64),
    F64(f64),
}

impl TapeNumber {
    fn number(self) -> Number {
        match self {
            Self::U64(n) => Number::from(n),
            Self::I64(n) => Number::from(n),
            // Only finite floats are on a tape.
            Self::F64(n) => Number::from_f64(n).unwrap_or_else(|| Number::from(0)),
        }
    }
}

impl JsonNumber for TapeNumber {
    fn as_u64(&self) -> Option<u64> {
        self.number().as_u64()
    }

    fn as_i64(&self) -> Option<i64> {
        self.number().as_i64()
    }

    fn as_f64(&self) -> Option<f64> {
        self.number().as_f64()
    }

    fn as_str(&self) -> Cow<'_, str> {
        Cow::Owned(self.number().to_string())
    }

    fn to_number(&self) -> Cow<'_, Number> {
        Cow::Owned(self.number())
    }

    fn is_written_as_integer(&self) -> bool {
        !matches!(self, Self::F64(_))
    }
}

impl<'a> Node<'a, TapeJson> for TapeNode<'a> {
    type Object = TapeNode<'a>;
    type Array = TapeNode<'a>;
    type Number = TapeNumber;

    fn as_object(&self) -> Option<TapeNode<'a>> {
        matches!(self.kind(), Kind::Object(_)).then_some(*self)
    }

    fn as_array(&self) -> Option<TapeNode<'a>> {
        matches!(self.kind(), Kind::Array(_)).then_some(*self)
    }

    fn as_string(&self) -> Option<Cow<'a, str>> {
        match self.kind() {
            Kind::Str(s) => Some(Cow::Borrowed(s.as_ref())),
            _ => None,
        }
    }

    fn as_number(&self) -> Option<TapeNumber> {
        match self.kind() {
            Kind::U64(n) => Some(TapeNumber::U64(*n)),
            Kind::I64(n) => Some(TapeNumber::I64(*n)),
            Kind::F64(n) => Some(TapeNumber::F64(*n)),
            _ => None,
        }
    }

    fn as_boolean(&self) -> Option<bool> {
        match self.kind() {
            Kind::Bool(b) => Some(*b),
            _ => None,
        }
    }

    fn is_null(&self) -> bool {
        matches!(self.kind(), Kind::Null)
    }

    fn json_type(&self) -> JsonType {
        match self.kind() {
            Kind::Null => JsonType::Null,
            Kind::Bool(_) => JsonType::Boolean,
            Kind::U64(_) | Kind::I64(_) | Kind::F64(_) => JsonType::Number,
            Kind::Str(_) => JsonType::String,
            Kind::Array(_) => JsonType::Array,
            Kind::Object(_) => JsonType::Object,
        }
    }

    fn equals_value(&self, expected: &Value) -> bool {
        match (self.kind(), expected) {
            (Kind::Str(s), Value::String(e)) => s == e,
            (Kind::Str(_), _) | (_, Value::String(_)) => false,
            _ => jsonschema::json::cmp::equal(&self.value(), expected),
        }
    }

    fn to_value(&self) -> Cow<'a, Value> {
        Cow::Owned(self.value())
    }

    fn identity(&self) -> Option<NodeIdentity> {
        let at = u32::try_from(self.at).ok()?;
        Some(NodeIdentity::tagged(self.entries.as_ptr().addr(), at))
    }
}

impl<'a> Object<'a, TapeJson> for TapeNode<'a> {
    type Node = TapeNode<'a>;
    type MemberName = &'a str;
    type MembersIter = Members<'a>;

    fn len(&self) -> usize {
        match self.kind() {
            Kind::Object(len) => *len,
            _ => 0,
        }
    }

    fn get(&self, key: &String) -> Option<TapeNode<'a>> {
        TapeNode::get(*self, key)
    }

    fn members(&self) -> Self::MembersIter {
        Members(self.children())
    }
}

impl<'a> Array<'a, TapeJson> for TapeNode<'a> {
    type Node = TapeNode<'a>;
    type ElementsIter = Children<'a>;

    fn len(&self) -> usize {
        self.array_len()
    }

    fn elements(&self) -> Self::ElementsIter {
        self.children()
    }
}
