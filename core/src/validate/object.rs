//! Objects of a host language (a Python dict, a JavaScript object) read as JSON, in one place
//! for every binding, so that one input object gives the same diagnostics in every language.
//!
//! A binding implements [`HostValue`] for its native values: it says what each value is
//! ([`Host`]) and nothing more. [`ObjectInput::read`] walks the value: it builds the JSON value,
//! tracks the JSON pointer and the nesting limit, and reports what JSON cannot hold, each at its
//! own path:
//!
//! - a NaN or infinite number: JM031 (every one of them, not the first only);
//! - an integer that no 64-bit float can hold: JM006;
//! - a string (or a key) that is not Unicode, such as a lone surrogate: JM002;
//! - a value of a type JSON does not have (a Python `set`, a JavaScript function or `Date`), or a
//!   key that is not a string: JM011, naming the host type;
//! - nesting deeper than [`Limits::max_depth`], which is also where a circular structure ends
//!   up: one JM003 at the pointer where the limit is hit, and nothing else is checked.
//!
//! A value reported this way is replaced by `null` and the schema's diagnostics at its path are
//! dropped, so each fault is reported once. A float that is an integer within ±(2^53 − 1) becomes
//! an integer, so Python's `5.0` and JavaScript's `5` give the same value, and the same output.
//!
//! [`validate_object`] and [`crate::io::from_object`] then run the normal pipeline (limits,
//! schema, semantic rules) on the value and put the walker's diagnostics first.

use serde_json::{Map, Number, Value};

use super::{Limits, Report, check_value};
use crate::diagnostics::{Diagnostic, JsonPointer, codes};
use crate::model::JourneyMap;

/// Largest integer a float holds exactly with all smaller ones: 2^53 − 1.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// The deepest nesting walked whatever the limits say, as for JSON text (serde_json's recursion
/// limit): the walk recurses once per level.
const MAX_RECURSION: usize = 128;

/// What a host value is, as [`HostValue::read`] reports it. Containers hand over their children,
/// which the walker reads in turn.
#[derive(Debug, Clone, PartialEq)]
pub enum Host<V> {
    /// `None`, `null`.
    Null,
    /// A member that is not there: a JavaScript `undefined` member is skipped, as
    /// `JSON.stringify` skips it. As an array item or the whole input, it is a value JSON cannot
    /// hold (JM011).
    Absent,
    /// A boolean.
    Bool(bool),
    /// An integer that fits `i64`.
    Int(i64),
    /// An integer that fits `u64` but not `i64`.
    UInt(u64),
    /// A larger integer (a Python `int`, a JavaScript `BigInt`), as the nearest float; infinite
    /// when no float can hold it (JM006).
    BigInt(f64),
    /// A float; non-finite ones are reported (JM031).
    Float(f64),
    /// A string.
    Str(String),
    /// A string that is not Unicode (a lone surrogate): JM002.
    NotUnicode,
    /// An array (a list, a tuple), its items in order.
    Array(Vec<V>),
    /// An object (a dict, a plain JavaScript object), its members in order.
    Object(Vec<(HostKey, V)>),
    /// A value of a type JSON does not have, with the host's name of its type (`set`,
    /// `function`, `Date`): JM011.
    Other(String),
}

impl<V> Host<V> {
    /// An integer given as decimal text, such as a JavaScript `BigInt`'s: `Int`, `UInt` or
    /// `BigInt` by its size; `None` when the text is not an integer.
    pub fn integer(digits: &str) -> Option<Self> {
        let unsigned = digits.strip_prefix('-').unwrap_or(digits);
        if unsigned.is_empty() || !unsigned.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(if let Ok(i) = digits.parse::<i64>() {
            Host::Int(i)
        } else if let Ok(u) = digits.parse::<u64>() {
            Host::UInt(u)
        } else {
            // Decimal digits always read as a float, infinite when none holds them.
            Host::BigInt(digits.parse::<f64>().unwrap_or(f64::INFINITY))
        })
    }

    /// The same value with each child mapped by `f` (scalars are unchanged).
    pub fn map<W>(self, mut f: impl FnMut(V) -> W) -> Host<W> {
        match self {
            Host::Null => Host::Null,
            Host::Absent => Host::Absent,
            Host::Bool(b) => Host::Bool(b),
            Host::Int(i) => Host::Int(i),
            Host::UInt(u) => Host::UInt(u),
            Host::BigInt(f) => Host::BigInt(f),
            Host::Float(x) => Host::Float(x),
            Host::Str(s) => Host::Str(s),
            Host::NotUnicode => Host::NotUnicode,
            Host::Array(items) => Host::Array(items.into_iter().map(f).collect()),
            Host::Object(members) => {
                Host::Object(members.into_iter().map(|(k, v)| (k, f(v))).collect())
            }
            Host::Other(t) => Host::Other(t),
        }
    }
}

/// The key of an object member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostKey {
    /// A string.
    Str(String),
    /// A string that is not Unicode, as lossy text for the pointer: JM002.
    NotUnicode(String),
    /// A key that is not a string (a Python `int`): its type and its text, which names it in
    /// the pointer. JM011.
    Other {
        /// The host's name of the key's type.
        type_name: String,
        /// The key as text (Python's `str(key)`).
        text: String,
    },
}

/// A value of a host language that the walker can read. Implemented by the bindings for their
/// native values; reading may fail with the host's own error (a Python exception raised while
/// iterating, a JavaScript getter that throws), which the walk hands back unchanged.
pub trait HostValue: Sized {
    /// The host's error.
    type Error;

    /// What the value is; containers with their children.
    fn read(&self) -> Result<Host<Self>, Self::Error>;
}

/// A host object read as JSON: the value and what the walk found wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ObjectInput {
    /// The JSON value, `None` when the nesting limit stopped the walk.
    value: Option<Value>,
    /// The walker's diagnostics, in document order.
    diagnostics: Vec<Diagnostic>,
    /// The paths whose value was replaced by `null`.
    replaced: Vec<JsonPointer>,
}

enum Stop<E> {
    Host(E),
    /// The nesting limit, hit at this pointer.
    TooDeep(JsonPointer),
}

struct Walker {
    max_depth: usize,
    at: JsonPointer,
    diagnostics: Vec<Diagnostic>,
    replaced: Vec<JsonPointer>,
}

/// The text of a non-finite number in messages, the same in every language: `NaN`, `Infinity`,
/// `-Infinity`.
pub(crate) fn non_finite_text(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

/// The JM031 message of a non-finite number.
pub(crate) fn non_finite_message(v: f64) -> String {
    format!("{} is not a finite number", non_finite_text(v))
}

impl Walker {
    /// Reports a value that JSON cannot hold and replaces it with `null`.
    fn replace(&mut self, code: crate::Code, message: String) -> Value {
        self.diagnostics
            .push(Diagnostic::new(code, self.at.clone(), message));
        self.replaced.push(self.at.clone());
        Value::Null
    }

    fn other(&mut self, type_name: &str) -> Value {
        self.replace(
            codes::WRONG_TYPE,
            format!(
                "a value of type {type_name} has no JSON form; a map holds objects, arrays, strings, numbers, booleans and null"
            ),
        )
    }

    fn number(&mut self, f: f64) -> Value {
        if !f.is_finite() {
            return self.replace(codes::NON_FINITE, non_finite_message(f));
        }
        if f.fract() == 0.0 && f.abs() <= MAX_SAFE_INTEGER {
            // Exact: |f| < 2^53 and integral.
            return Value::from(f as i64);
        }
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }

    /// Enters a container at the current pointer: `Err` when it is one level too deep.
    fn enter<E>(&self, depth: usize) -> Result<usize, Stop<E>> {
        let depth = depth + 1;
        if depth > self.max_depth {
            return Err(Stop::TooDeep(self.at.clone()));
        }
        Ok(depth)
    }

    fn walk<H: HostValue>(
        &mut self,
        v: &H,
        depth: usize,
        member: bool,
    ) -> Result<Option<Value>, Stop<H::Error>> {
        let value = match v.read().map_err(Stop::Host)? {
            Host::Absent if member => return Ok(None),
            Host::Absent => self.other("undefined"),
            Host::Null => Value::Null,
            Host::Bool(b) => Value::Bool(b),
            Host::Int(i) => Value::from(i),
            Host::UInt(u) => Value::from(u),
            Host::BigInt(f) if f.is_finite() => self.number(f),
            Host::BigInt(_) => self.replace(
                codes::NUMBER_OUT_OF_RANGE,
                "an integer is too large to be represented as a 64-bit float".to_owned(),
            ),
            Host::Float(f) => self.number(f),
            Host::Str(s) => Value::String(s),
            Host::NotUnicode => self.replace(
                codes::NOT_UTF8,
                "a string is not valid Unicode (it holds a lone surrogate)".to_owned(),
            ),
            Host::Other(type_name) => self.other(&type_name),
            Host::Array(items) => {
                let depth = self.enter(depth)?;
                let len = self.at.len();
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    self.at.push_index(i);
                    let child = self.walk(item, depth, false);
                    self.at.truncate(len);
                    out.push(child?.unwrap_or(Value::Null));
                }
                Value::Array(out)
            }
            Host::Object(members) => {
                let depth = self.enter(depth)?;
                let mut out = Map::with_capacity(members.len());
                for (key, item) in &members {
                    let len = self.at.len();
                    let child = self.member(key, item, depth);
                    self.at.truncate(len);
                    if let Some((k, c)) = child? {
                        out.insert(k, c);
                    }
                }
                Value::Object(out)
            }
        };
        Ok(Some(value))
    }

    /// One member of an object: its key and value, `None` when it is left out (an absent value,
    /// a key that is reported).
    fn member<H: HostValue>(
        &mut self,
        key: &HostKey,
        item: &H,
        depth: usize,
    ) -> Result<Option<(String, Value)>, Stop<H::Error>> {
        match key {
            HostKey::Str(k) => {
                self.at.push_key(k);
                Ok(self.walk(item, depth, true)?.map(|c| (k.clone(), c)))
            }
            HostKey::NotUnicode(lossy) => {
                self.at.push_key(lossy);
                self.diagnostics.push(Diagnostic::new(
                    codes::NOT_UTF8,
                    self.at.clone(),
                    "a key is not valid Unicode (it holds a lone surrogate)",
                ));
                Ok(None)
            }
            HostKey::Other { type_name, text } => {
                self.at.push_key(text);
                self.diagnostics.push(Diagnostic::new(
                    codes::WRONG_TYPE,
                    self.at.clone(),
                    format!("a key of type {type_name} is not a string; object keys are strings"),
                ));
                Ok(None)
            }
        }
    }
}

impl ObjectInput {
    /// Reads a host value as JSON (see the module documentation). Fails only with the host's own
    /// error.
    pub fn read<H: HostValue>(root: &H, limits: &Limits) -> Result<Self, H::Error> {
        let max_depth = limits.max_depth.min(MAX_RECURSION);
        let mut walker = Walker {
            max_depth,
            at: JsonPointer::root(),
            diagnostics: Vec::new(),
            replaced: Vec::new(),
        };
        match walker.walk(root, 0, false) {
            Ok(value) => Ok(Self {
                value: Some(value.unwrap_or(Value::Null)),
                diagnostics: walker.diagnostics,
                replaced: walker.replaced,
            }),
            Err(Stop::Host(e)) => Err(e),
            Err(Stop::TooDeep(at)) => Ok(Self {
                value: None,
                diagnostics: vec![Diagnostic::new(
                    codes::TOO_DEEP,
                    at,
                    format!(
                        "arrays and objects are nested deeper than {max_depth} levels (or the structure is circular)"
                    ),
                )],
                replaced: Vec::new(),
            }),
        }
    }

    /// A JSON value as it is: nothing to report.
    pub fn from_value(value: Value) -> Self {
        Self {
            value: Some(value),
            diagnostics: Vec::new(),
            replaced: Vec::new(),
        }
    }

    /// The JSON value, `None` when the nesting limit stopped the walk.
    pub fn value(&self) -> Option<&Value> {
        self.value.as_ref()
    }

    /// The walker's diagnostics, in document order.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// The value, or the first diagnostic of the walk.
    pub(crate) fn into_value(self) -> Result<Value, Diagnostic> {
        match (self.diagnostics.into_iter().next(), self.value) {
            (None, Some(value)) => Ok(value),
            (Some(d), _) => Err(d),
            (None, None) => Err(Diagnostic::new(
                codes::TOO_DEEP,
                "",
                "arrays and objects are nested too deeply",
            )),
        }
    }
}

/// The report and map of an object: the walker's diagnostics first, then the pipeline's on the
/// value, without the schema's diagnostics at the paths of replaced values.
pub(crate) fn check_object(input: &ObjectInput, limits: &Limits) -> (Report, Option<JourneyMap>) {
    let Some(value) = &input.value else {
        return (
            Report {
                diagnostics: input.diagnostics.clone(),
            },
            None,
        );
    };
    let (report, map) = check_value(value, limits);
    let mut diagnostics = input.diagnostics.clone();
    diagnostics.extend(
        report
            .diagnostics
            .into_iter()
            .filter(|d| !input.replaced.contains(&d.path)),
    );
    let map = map.filter(|_| input.diagnostics.is_empty());
    (Report { diagnostics }, map)
}

/// Validates a host object read by [`ObjectInput::read`]: the walker's diagnostics, then those of
/// the value (as [`super::validate_value`] gives them), without positions.
pub fn validate_object(input: &ObjectInput, limits: &Limits) -> Report {
    check_object(input, limits).0
}

/// A JSON value as a host value, so that Rust callers can run the object walker (and its
/// integral-float rule) on a parsed value.
impl HostValue for &Value {
    type Error = std::convert::Infallible;

    fn read(&self) -> Result<Host<Self>, Self::Error> {
        Ok(match *self {
            Value::Null => Host::Null,
            Value::Bool(b) => Host::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Host::Int(i),
                (None, Some(u), _) => Host::UInt(u),
                (None, None, Some(f)) => Host::Float(f),
                (None, None, None) => Host::Null,
            },
            Value::String(s) => Host::Str(s.clone()),
            Value::Array(items) => Host::Array(items.iter().collect()),
            Value::Object(map) => Host::Object(
                map.iter()
                    .map(|(k, v)| (HostKey::Str(k.clone()), v))
                    .collect(),
            ),
        })
    }
}
