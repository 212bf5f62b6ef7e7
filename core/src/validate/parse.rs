//! JSON text to `serde_json::Value`, with a nesting limit and duplicate-key detection.
//!
//! `serde_json::Value` silently keeps the last of two equal keys; a map that says two things
//! at once must be reported instead, so values are built here by a visitor that sees every key.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::anchors::{Anchors, Key, Noter};
use crate::diagnostics::codes;
use crate::diagnostics::{Code, Diagnostic, escape_token};

#[derive(Debug, Clone)]
enum Segment {
    Key(String),
    Index(usize),
}

#[derive(Debug)]
struct Context {
    max_depth: usize,
    /// Whether to keep the path of the current value. The first pass does not (it costs an
    /// allocation per key); a text with a duplicate key or too deep is parsed again with paths,
    /// to say where.
    track: bool,
    /// A duplicate key or an excess of depth was seen (untracked pass).
    flagged: std::cell::Cell<bool>,
    path: RefCell<Vec<Segment>>,
    duplicates: RefCell<Vec<(String, String)>>,
    too_deep: RefCell<Option<String>>,
    noter: Noter,
}

impl Context {
    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in self.path.borrow().iter() {
            out.push('/');
            match segment {
                Segment::Key(k) => out.push_str(&escape_token(k)),
                Segment::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

struct ValueSeed<'c> {
    ctx: &'c Context,
    depth: usize,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // serde_json never hands a non-finite float to a visitor; `from_f64` maps one to null.
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.enter::<A::Error>()?;
        let noted = self.ctx.noter.array(depth);
        let mut items = Vec::new();
        loop {
            if self.ctx.track {
                self.ctx.path.borrow_mut().push(Segment::Index(items.len()));
            }
            if noted {
                self.ctx.noter.item();
            }
            let next = seq.next_element_seed(ValueSeed {
                ctx: self.ctx,
                depth,
            });
            if self.ctx.track {
                self.ctx.path.borrow_mut().pop();
            }
            match next? {
                Some(item) => items.push(item),
                None => break,
            }
        }
        self.ctx.noter.array_end();
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let depth = self.enter::<A::Error>()?;
        let mut item = self.ctx.noter.object(depth);
        let mut map = Map::new();
        while let Some(key) = access.next_key_seed(Key)? {
            self.ctx.noter.key(depth, &mut item, &key);
            let key = key.into_owned();
            if !self.ctx.track {
                let value = access.next_value_seed(ValueSeed {
                    ctx: self.ctx,
                    depth,
                })?;
                if map.insert(key, value).is_some() {
                    self.ctx.flagged.set(true);
                }
                continue;
            }
            self.ctx.path.borrow_mut().push(Segment::Key(key.clone()));
            let value = access.next_value_seed(ValueSeed {
                ctx: self.ctx,
                depth,
            });
            if value.is_ok() && map.contains_key(&key) {
                let pointer = self.ctx.pointer();
                self.ctx
                    .duplicates
                    .borrow_mut()
                    .push((pointer, key.clone()));
            }
            self.ctx.path.borrow_mut().pop();
            map.insert(key, value?);
        }
        Ok(Value::Object(map))
    }
}

impl ValueSeed<'_> {
    fn enter<E: de::Error>(&self) -> Result<usize, E> {
        let depth = self.depth + 1;
        if depth > self.ctx.max_depth {
            self.ctx.flagged.set(true);
            *self.ctx.too_deep.borrow_mut() = Some(self.ctx.pointer());
            return Err(E::custom("nesting too deep"));
        }
        Ok(depth)
    }
}

/// Outcome of parsing JSON text.
#[derive(Debug)]
pub(crate) struct Parsed {
    /// The value, when the text is JSON.
    pub value: Option<Value>,
    /// Parse problems: syntax, depth, duplicate keys, numbers out of range.
    pub diagnostics: Vec<Diagnostic>,
    /// Where the root's members and their items are in the text.
    pub anchors: Anchors,
}

/// Parses `text`, allowing at most `max_depth` nested arrays/objects.
pub(crate) fn parse(text: &str, max_depth: usize) -> Parsed {
    let fast = parse_with(text, max_depth, false);
    if fast.1 {
        parse_with(text, max_depth, true).0
    } else {
        fast.0
    }
}

/// One parse; `track` keeps paths. Also says whether a duplicate key or an excess of depth was
/// seen.
fn parse_with(text: &str, max_depth: usize, track: bool) -> (Parsed, bool) {
    let ctx = Context {
        max_depth,
        track,
        flagged: std::cell::Cell::new(false),
        path: RefCell::new(Vec::new()),
        duplicates: RefCell::new(Vec::new()),
        too_deep: RefCell::new(None),
        noter: Noter::new(text),
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // The visitor enforces the depth limit itself (lower than serde_json's own of 128).
    let result = ValueSeed {
        ctx: &ctx,
        depth: 0,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    let flagged = ctx.flagged.get();
    let mut diagnostics: Vec<Diagnostic> = ctx
        .duplicates
        .into_inner()
        .into_iter()
        .map(|(pointer, key)| {
            Diagnostic::new(
                codes::DUPLICATE_KEY,
                pointer,
                format!("key \"{key}\" appears more than once in the same object"),
            )
        })
        .collect();
    let anchors = ctx.noter.into_anchors();
    let parsed = match result {
        Ok(value) => Parsed {
            value: Some(value),
            diagnostics,
            anchors,
        },
        Err(error) => {
            let too_deep = ctx.too_deep.into_inner();
            diagnostics.push(parse_error(&error, too_deep, max_depth));
            Parsed {
                value: None,
                diagnostics,
                anchors,
            }
        }
    };
    (parsed, flagged)
}

fn parse_error(
    error: &serde_json::Error,
    too_deep: Option<String>,
    max_depth: usize,
) -> Diagnostic {
    let full = error.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m);
    let (code, path, message): (Code, String, String) = if let Some(pointer) = too_deep {
        (
            codes::TOO_DEEP,
            pointer,
            format!("arrays and objects are nested deeper than {max_depth} levels"),
        )
    } else if message.contains("recursion limit exceeded") {
        (
            codes::TOO_DEEP,
            String::new(),
            "arrays and objects are nested too deeply".to_owned(),
        )
    } else if message.contains("number out of range") {
        (
            codes::NUMBER_OUT_OF_RANGE,
            String::new(),
            "a number is too large to be represented as a 64-bit float".to_owned(),
        )
    } else if error.is_eof() && error.line() == 1 && error.column() == 0 {
        (
            codes::INVALID_JSON,
            String::new(),
            "the input is empty".to_owned(),
        )
    } else if error.is_eof() {
        (
            codes::INVALID_JSON,
            String::new(),
            format!("the document is truncated: {message}"),
        )
    } else {
        (
            codes::INVALID_JSON,
            String::new(),
            format!("invalid JSON: {message}"),
        )
    };
    let mut diagnostic = Diagnostic::new(code, path, message);
    diagnostic.line = u32::try_from(error.line()).ok().filter(|&l| l > 0);
    diagnostic.column = u32::try_from(error.column())
        .ok()
        .filter(|&c| c > 0)
        .or(diagnostic.line.map(|_| 1));
    diagnostic
}

/// Depth of the deepest array/object in `value` (a scalar has depth 0), without recursion.
pub(crate) fn depth_exceeds(value: &Value, max_depth: usize) -> bool {
    let mut stack = vec![(value, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match v {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(map) => Box::new(map.values()),
            _ => continue,
        };
        let depth = depth + 1;
        if depth > max_depth {
            return true;
        }
        stack.extend(children.map(|c| (c, depth)));
    }
    false
}
