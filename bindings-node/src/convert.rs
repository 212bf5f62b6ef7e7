//! What crosses the N-API boundary, and the conversions from the core types. Nothing here
//! decides anything: each function reshapes a value the core crate produced, and `JsHost` says
//! what a JavaScript value is for the core's object walker (`journeymap::validate::object`).
//!
//! Failures are returned, not thrown: a fallible native call gives `{ kind: 'ok', value }` or
//! `{ kind: 'error', error: { kind, code, message, diagnostics } }`, and `lib/index.cjs` turns
//! the second into the error class of its kind. Only panics (bugs), argument conversion errors
//! and exceptions thrown by the caller's own getters throw.

use journeymap::diagnostics::{ErrorKind, ErrorReport, PathPart};
use journeymap::score::{self, ScoringConfig};
use journeymap::validate::object::{Host, HostKey, HostValue};
use journeymap::validate::{Limits, ObjectInput};
use journeymap::{Diagnostic, io};
use napi::bindgen_prelude::{
    Either, JsObjectValue, KeyCollectionMode, KeyConversion, KeyFilter, Object,
};
use napi::{Env, JsValue, Unknown, ValueType};
use napi_derive::napi;

use crate::NativeMap;

/// One problem found in a map.
#[napi(object, object_from_js = false, use_nullable = true)]
#[derive(Debug, Clone)]
pub struct NativeDiagnostic {
    /// Stable code, e.g. `JM040`.
    pub code: String,
    /// How bad it is.
    #[napi(ts_type = "'error' | 'warning' | 'info'")]
    pub severity: String,
    /// JSON pointer (RFC 6901) to the offending value; `""` is the whole document.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
    /// 1-based line of the offending value, when the input was text; `null` otherwise.
    pub line: Option<u32>,
    /// 1-based column of the offending value, when the input was text; `null` otherwise.
    pub column: Option<u32>,
    /// The path as keys and array indices, `/a/0/b~1c` → `['a', 0, 'b/c']` (computed by the
    /// core).
    #[napi(js_name = "path_parts", ts_type = "Array<string | number>")]
    pub path_parts: Vec<Either<String, f64>>,
}

/// Why a call failed: its kind, the stable code, a sentence, and every diagnostic.
#[napi(object, object_from_js = false)]
#[derive(Debug, Clone)]
pub struct Failure {
    /// The kind of failure, which names the error class `lib/index.cjs` throws.
    #[napi(
        ts_type = "'validation' | 'read' | 'write' | 'scoring' | 'config' | 'render' | 'event_log' | 'internal'"
    )]
    pub kind: String,
    /// Stable code (JMxxx); `null` for an internal error.
    pub code: Option<String>,
    /// What went wrong.
    pub message: String,
    /// Every problem found.
    pub diagnostics: Vec<NativeDiagnostic>,
}

/// The result of a call that returns JSON text.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
pub enum TextOutcome {
    /// The JSON text.
    Ok { value: String },
    /// Why it failed.
    Error { error: Failure },
}

/// The result of loading a map.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
pub enum MapOutcome {
    /// The validated map.
    Ok { map: NativeMap },
    /// Why it was refused.
    Error { error: Failure },
}

impl From<Result<String, Failure>> for TextOutcome {
    fn from(result: Result<String, Failure>) -> Self {
        match result {
            Ok(value) => TextOutcome::Ok { value },
            Err(error) => TextOutcome::Error { error },
        }
    }
}

impl From<Result<NativeMap, Failure>> for MapOutcome {
    fn from(result: Result<NativeMap, Failure>) -> Self {
        match result {
            Ok(map) => MapOutcome::Ok { map },
            Err(error) => MapOutcome::Error { error },
        }
    }
}

impl From<io::Imported> for MapOutcome {
    /// A map read from Mermaid or CSV: the map when it is valid, else every diagnostic.
    fn from(imported: io::Imported) -> Self {
        imported
            .into_result()
            .map(NativeMap::new)
            .map_err(Failure::from)
            .into()
    }
}

impl From<&Diagnostic> for NativeDiagnostic {
    fn from(d: &Diagnostic) -> Self {
        Self {
            code: d.code.as_str().to_owned(),
            severity: d.severity.as_str().to_owned(),
            path: d.path.to_string(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
            path_parts: d
                .path_parts()
                .into_iter()
                .map(|p| match p {
                    PathPart::Key(k) => Either::A(k),
                    #[allow(clippy::cast_precision_loss, reason = "indices are far below 2^53")]
                    PathPart::Index(i) => Either::B(i as f64),
                })
                .collect(),
        }
    }
}

impl From<ErrorReport> for Failure {
    fn from(r: ErrorReport) -> Self {
        Self {
            kind: r.kind.as_str().to_owned(),
            code: Some(r.code.as_str().to_owned()),
            message: r.message,
            diagnostics: diagnostics(&r.diagnostics),
        }
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Self::from(e.report())
    }
}

impl From<score::Error> for Failure {
    fn from(e: score::Error) -> Self {
        Self::from(e.report())
    }
}

impl From<journeymap::render::Error> for Failure {
    fn from(e: journeymap::render::Error) -> Self {
        Self::from(e.report())
    }
}

impl From<journeymap::events::Error> for Failure {
    fn from(e: journeymap::events::Error) -> Self {
        Self::from(e.report())
    }
}

impl Failure {
    /// A failure that is a bug: an `InternalError`, without code or diagnostics.
    pub fn internal(what: &str) -> Self {
        Self {
            kind: ErrorKind::Internal.as_str().to_owned(),
            code: None,
            message: ErrorKind::internal_message(what),
            diagnostics: Vec::new(),
        }
    }
}

/// Diagnostics as they cross the boundary.
pub fn diagnostics(ds: &[Diagnostic]) -> Vec<NativeDiagnostic> {
    ds.iter().map(NativeDiagnostic::from).collect()
}

/// Observed paths as `lib/index.cjs` encodes them, resolved to step indices: each distinct id
/// once in `ids`, the paths laid end to end in `steps` as indices into `ids`, and each path's
/// length in `lengths`. Each distinct id is resolved once with `step`.
pub fn resolve_paths(
    ids: &[String],
    lengths: &[u32],
    steps: &[u32],
    step: impl Fn(&str) -> Option<u32>,
) -> napi::Result<Vec<Vec<Option<u32>>>> {
    let malformed = || {
        napi::Error::new(
            napi::Status::InvalidArg,
            "malformed encoded paths (lengths, steps and ids do not agree)",
        )
    };
    let resolved: Vec<Option<u32>> = ids.iter().map(|id| step(id)).collect();
    let mut rest = steps;
    let mut out = Vec::with_capacity(lengths.len());
    for &len in lengths {
        let len = usize::try_from(len).map_err(|_| malformed())?;
        if len > rest.len() {
            return Err(malformed());
        }
        let (path, tail) = rest.split_at(len);
        rest = tail;
        let path = path
            .iter()
            .map(|&k| {
                usize::try_from(k)
                    .ok()
                    .and_then(|k| resolved.get(k).copied())
                    .ok_or_else(malformed)
            })
            .collect::<napi::Result<Vec<_>>>()?;
        out.push(path);
    }
    if rest.is_empty() {
        Ok(out)
    } else {
        Err(malformed())
    }
}

/// A JavaScript value as the core's object walker reads it: `null`, booleans, numbers
/// (integral ones within ±(2^53 − 1) become integers), `BigInt`s (integers of any size),
/// strings (a lone surrogate is JM002), arrays, and plain objects (prototype `Object.prototype`
/// or `null`) by their own enumerable string keys; an `undefined` member is skipped. Anything
/// else (a function, a symbol, a `Date`, a `Map`, a class instance) is a value JSON cannot hold,
/// named by its type or constructor. Getters run; an exception they throw propagates.
#[derive(Clone, Copy)]
pub struct JsHost<'s, 'env> {
    scope: &'s JsScope<'env>,
    value: Unknown<'env>,
}

/// What every `JsHost` of one walk shares: the environment and `Object.prototype`.
pub struct JsScope<'env> {
    env: Env,
    object_prototype: Unknown<'env>,
}

impl std::fmt::Debug for JsHost<'_, '_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsHost")
    }
}

impl std::fmt::Debug for JsScope<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JsScope")
    }
}

impl<'env> JsScope<'env> {
    fn new(env: &Env) -> napi::Result<Self> {
        let object: Object<'env> = env.get_global()?.get_named_property_unchecked("Object")?;
        Ok(Self {
            env: *env,
            object_prototype: object.get_named_property_unchecked("prototype")?,
        })
    }
}

/// A string's text, or `None` for one that is not Unicode (a lone surrogate).
fn text(value: &Unknown<'_>) -> napi::Result<Option<String>> {
    let units = value.coerce_to_string()?.into_utf16()?;
    // The buffer ends with a NUL that is not part of the string.
    let units = units.as_slice().split_last().map_or(&[][..], |(_, s)| s);
    Ok(String::from_utf16(units).ok())
}

fn lossy(value: &Unknown<'_>) -> napi::Result<String> {
    let units = value.coerce_to_string()?.into_utf16()?;
    let units = units.as_slice().split_last().map_or(&[][..], |(_, s)| s);
    Ok(String::from_utf16_lossy(units))
}

/// A `BigInt` as an integer of the walker, from its decimal text.
fn bigint<V>(value: &Unknown<'_>) -> napi::Result<Host<V>> {
    let digits = lossy(value)?;
    Ok(Host::integer(&digits).unwrap_or_else(|| Host::Other("bigint".to_owned())))
}

impl<'s, 'env> JsHost<'s, 'env> {
    fn child(&self, value: Unknown<'env>) -> Self {
        Self {
            scope: self.scope,
            value,
        }
    }

    fn object(&self) -> napi::Result<Host<Self>> {
        let obj: Object<'env> = self.value.coerce_to_object()?;
        if obj.is_array()? {
            let len = obj.get_array_length_unchecked()?;
            let items = (0..len)
                .map(|i| obj.get_element::<Unknown<'env>>(i).map(|v| self.child(v)))
                .collect::<napi::Result<Vec<_>>>()?;
            return Ok(Host::Array(items));
        }
        let proto = obj.get_prototype()?;
        let plain = proto.get_type()? == ValueType::Null
            || self
                .scope
                .env
                .strict_equals(proto, self.scope.object_prototype)?;
        if !plain {
            return Ok(Host::Other(constructor_name(&proto)));
        }
        let keys: Object<'env> = obj.get_all_property_names(
            KeyCollectionMode::OwnOnly,
            KeyFilter::Enumerable,
            KeyConversion::NumbersToStrings,
        )?;
        let len = keys.get_array_length_unchecked()?;
        let mut members = Vec::with_capacity(len as usize);
        for i in 0..len {
            let key = keys.get_element::<Unknown<'env>>(i)?;
            if key.get_type()? != ValueType::String {
                continue; // a symbol: JSON has no such key
            }
            let value = obj.get_property_unchecked::<_, Unknown<'env>>(key)?;
            let key = match text(&key)? {
                Some(k) => HostKey::Str(k),
                None => HostKey::NotUnicode(lossy(&key)?),
            };
            members.push((key, self.child(value)));
        }
        Ok(Host::Object(members))
    }
}

/// The name of an object's constructor (`Date`, `Map`, a class name), `object` when it has none.
fn constructor_name(proto: &Unknown<'_>) -> String {
    let name = || -> napi::Result<Option<String>> {
        if proto.get_type()? != ValueType::Object {
            return Ok(None);
        }
        let constructor: Unknown<'_> = proto
            .coerce_to_object()?
            .get_named_property_unchecked("constructor")?;
        if constructor.get_type()? != ValueType::Function {
            return Ok(None);
        }
        let name: Unknown<'_> = constructor
            .coerce_to_object()?
            .get_named_property_unchecked("name")?;
        if name.get_type()? != ValueType::String {
            return Ok(None);
        }
        Ok(Some(lossy(&name)?).filter(|n| !n.is_empty()))
    };
    name().ok().flatten().unwrap_or_else(|| "object".to_owned())
}

impl<'env> HostValue for JsHost<'_, 'env> {
    type Error = napi::Error;

    fn read(&self) -> napi::Result<Host<Self>> {
        let v = &self.value;
        Ok(match v.get_type()? {
            ValueType::Undefined => Host::Absent,
            ValueType::Null => Host::Null,
            ValueType::Boolean => Host::Bool(v.coerce_to_bool()?),
            ValueType::Number => Host::Float(v.coerce_to_number()?.get_double()?),
            ValueType::String => text(v)?.map_or(Host::NotUnicode, Host::Str),
            ValueType::BigInt => bigint(v)?,
            ValueType::Object => self.object()?,
            ValueType::Symbol => Host::Other("symbol".to_owned()),
            ValueType::Function => Host::Other("function".to_owned()),
            ValueType::External => Host::Other("external".to_owned()),
            ValueType::Unknown => Host::Other("unknown".to_owned()),
        })
    }
}

/// A JavaScript value read by the core's object walker. Fails only with a JavaScript exception
/// (a getter that throws).
pub fn object_input(env: &Env, value: Unknown<'_>) -> napi::Result<ObjectInput> {
    let scope = JsScope::new(env)?;
    ObjectInput::read(
        &JsHost {
            scope: &scope,
            value,
        },
        &Limits::default(),
    )
}

/// Scoring settings from a JavaScript object (`None`: the defaults), read and checked by the
/// core; the outer `Err` is a JavaScript exception thrown while reading.
pub fn config(
    env: &Env,
    value: Option<Unknown<'_>>,
) -> napi::Result<Result<ScoringConfig, score::Error>> {
    Ok(match value {
        None => Ok(ScoringConfig::default()),
        Some(v) => ScoringConfig::from_object(object_input(env, v)?),
    })
}

/// JSON text of a result, compact or indented (JM019 if it cannot be written).
pub fn to_json<T: serde::Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, Failure> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map_err(|e| Failure::from(io::Error::Json(e)))
}
