//! Conversions between Python objects and JSON values / core types. No logic beyond that.

use std::path::PathBuf;

use journeymap::diagnostics::{Diagnostic, PathPart, codes, escape_token};
use journeymap::validate::Limits;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

use crate::errors;

/// Why a Python object could not become a JSON value.
#[derive(Debug)]
pub enum Error {
    /// A Python error: a wrong type (`TypeError`) or an exception raised while reading the object.
    Py(PyErr),
    /// The object is the right type but no JSON value can hold it (JM003 nesting too deep, JM006
    /// non-finite or out-of-range number, JM002 a str that is not valid Unicode), at a pointer.
    Invalid(Diagnostic),
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Self::Py(e)
    }
}

fn invalid(code: journeymap::Code, at: &str, message: String) -> Error {
    Error::Invalid(Diagnostic::new(code, at, message))
}

/// A Python object (dict, list, tuple, str, int, float, bool, None) as a JSON value. Nesting is
/// bounded by the same limit as JSON text (`Limits::max_depth`), which also stops circular
/// structures.
pub fn to_value(obj: &Bound<'_, PyAny>) -> Result<Value, Error> {
    to_value_at(obj, 0, &mut String::new())
}

fn to_value_at(obj: &Bound<'_, PyAny>, depth: usize, at: &mut String) -> Result<Value, Error> {
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = obj.cast::<PyInt>() {
        if let Ok(v) = i.extract::<i64>() {
            return Ok(Value::from(v));
        }
        if let Ok(v) = i.extract::<u64>() {
            return Ok(Value::from(v));
        }
        return match i.extract::<f64>() {
            Ok(f) => number(f, at),
            Err(_) => Err(invalid(
                codes::NUMBER_OUT_OF_RANGE,
                at,
                "an integer is too large to be represented as a 64-bit float".to_owned(),
            )),
        };
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return number(f.value(), at);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return string(s, at).map(Value::String);
    }
    let is_dict = obj.cast::<PyDict>().is_ok();
    let is_list = obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok();
    if (is_dict || is_list) && depth >= Limits::default().max_depth {
        return Err(invalid(
            codes::TOO_DEEP,
            at,
            format!(
                "arrays and objects are nested deeper than {} levels (is the structure circular?)",
                Limits::default().max_depth
            ),
        ));
    }
    let len = at.len();
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "dict keys must be str, found {} at {}",
                    type_name(&k),
                    pointer(at)
                ))
            })?;
            let key = string(key, at)?;
            at.push('/');
            at.push_str(&escape_token(&key));
            let child = to_value_at(&v, depth + 1, at);
            at.truncate(len);
            map.insert(key, child?);
        }
        return Ok(Value::Object(map));
    }
    if is_list {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            at.push('/');
            at.push_str(&i.to_string());
            let child = to_value_at(&item?, depth + 1, at);
            at.truncate(len);
            items.push(child?);
        }
        return Ok(Value::Array(items));
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert {} to JSON at {} (expected dict, list, str, int, float, bool or None)",
        type_name(obj),
        pointer(at)
    ))
    .into())
}

fn string(s: &Bound<'_, PyString>, at: &str) -> Result<String, Error> {
    match s.to_cow() {
        Ok(s) => Ok(s.into_owned()),
        Err(_) => Err(invalid(
            codes::NOT_UTF8,
            at,
            "a string is not valid Unicode (it holds a lone surrogate)".to_owned(),
        )),
    }
}

fn number(f: f64, at: &str) -> Result<Value, Error> {
    Number::from_f64(f).map(Value::Number).ok_or_else(|| {
        invalid(
            codes::NUMBER_OUT_OF_RANGE,
            at,
            format!("{f} is not a finite number; JSON numbers are finite"),
        )
    })
}

fn pointer(at: &str) -> &str {
    if at.is_empty() { "/" } else { at }
}

/// The name of an object's type, for error messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string())
}

static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCORING_CONFIG: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SETTINGS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// What a Python input to `validate`/`loads` is.
#[derive(Debug)]
pub enum Input {
    /// JSON text.
    Text(String),
    /// JSON bytes.
    Bytes(Vec<u8>),
    /// A Python value converted to JSON.
    Value(Value),
    /// A file.
    Path(PathBuf),
}

/// Classifies the argument of `validate` (`allow_path`) or `loads`:
/// `os.PathLike` → path; `bytes` → JSON bytes; `str` → JSON text when it is empty, starts with
/// `{` or `[` after white space, or parses as JSON, otherwise a path; any other JSON value
/// (dict, list, int, ...) → the value itself. `what` names the function in type errors.
pub fn input(obj: &Bound<'_, PyAny>, allow_path: bool, what: &str) -> Result<Input, Error> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let s = string(s, "")?;
        let t = s.trim_start();
        let json = t.is_empty()
            || t.starts_with(['{', '['])
            || serde_json::from_str::<serde::de::IgnoredAny>(&s).is_ok();
        return Ok(if allow_path && !json {
            Input::Path(PathBuf::from(s))
        } else {
            Input::Text(s)
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if allow_path && obj.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        return Ok(Input::Path(obj.extract::<PathBuf>()?));
    }
    let json_value = obj.is_none()
        || obj.cast::<PyDict>().is_ok()
        || obj.cast::<PyList>().is_ok()
        || obj.cast::<PyTuple>().is_ok()
        || obj.cast::<PyInt>().is_ok()
        || obj.cast::<PyFloat>().is_ok();
    if allow_path && json_value {
        return Ok(Input::Value(to_value(obj)?));
    }
    Err(PyTypeError::new_err(format!(
        "{what} takes {}; got {}",
        if allow_path {
            "a dict or other JSON value, JSON text (str or bytes) or a path (str or os.PathLike)"
        } else {
            "JSON text (str or bytes)"
        },
        type_name(obj)
    ))
    .into())
}

/// The argument of `load`: a path given as `str` or `os.PathLike`.
pub fn path(obj: &Bound<'_, PyAny>) -> PyResult<PathBuf> {
    let py = obj.py();
    if obj.cast::<PyString>().is_ok() || obj.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        return obj.extract::<PathBuf>();
    }
    Err(PyTypeError::new_err(format!(
        "load() takes a path (str or os.PathLike), got {}; use loads() for JSON text or bytes",
        type_name(obj)
    )))
}

/// The scoring settings of a call as one JSON object: `config` (a `journeymap.ScoringConfig`, a
/// dict or `None`) with the keyword `settings` replacing its top-level keys. `None` when neither
/// is given (the defaults). Settings objects (`journeymap.PriorityWeights`, ...) become dicts.
pub fn config_value(
    config: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> Result<Option<Value>, Error> {
    let config = config.filter(|c| !c.is_none());
    let settings = settings.filter(|s| !s.is_empty());
    let Some(py) = config.map(Bound::py).or(settings.map(Bound::py)) else {
        return Ok(None);
    };
    let mut out = match config {
        None => Map::new(),
        Some(c) if c.cast::<PyDict>().is_ok() => object(to_value(c)?),
        Some(c)
            if c.is_instance(SCORING_CONFIG.import(
                py,
                "journeymap._config",
                "ScoringConfig",
            )?)? =>
        {
            let d = c.call_method0("to_dict")?;
            d.cast::<PyDict>()
                .map_err(|_| PyTypeError::new_err("ScoringConfig.to_dict() must return a dict"))?;
            object(to_value(&d)?)
        }
        Some(c) => {
            return Err(PyTypeError::new_err(format!(
                "config must be a journeymap.ScoringConfig or a dict, got {}",
                type_name(c)
            ))
            .into());
        }
    };
    if let Some(settings) = settings {
        let base = SETTINGS.import(py, "journeymap._config", "Settings")?;
        for (k, v) in settings.iter() {
            let key: String = k.extract()?;
            let v = if v.is_instance(base)? {
                v.call_method0("to_dict")?
            } else {
                v
            };
            let mut at = format!("/{}", escape_token(&key));
            out.insert(key, to_value_at(&v, 1, &mut at)?);
        }
    }
    Ok(Some(Value::Object(out)))
}

/// The members of a value converted from a dict (always an object).
fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}

/// A JSON value as Python objects.
pub fn from_value<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, None, Some(f)) => PyFloat::new(py, f).into_any(),
            _ => py.None().into_bound(py),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(from_value(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, from_value(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// Any serializable core value as Python objects.
pub fn to_python<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    match serde_json::to_value(value) {
        Ok(value) => from_value(py, &value),
        Err(e) => Err(errors::internal(
            py,
            &format!("cannot convert a result to JSON: {e}"),
        )),
    }
}

/// The reference tokens of a diagnostic's path (computed by the core), array indices as ints:
/// `/a/0/b~1c` → `["a", 0, "b/c"]`.
pub fn path_parts<'py>(py: Python<'py>, d: &Diagnostic) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for part in d.path_parts() {
        match part {
            PathPart::Key(k) => list.append(k)?,
            PathPart::Index(i) => list.append(i)?,
        }
    }
    Ok(list)
}

/// One observed path: an iterable of touchpoint ids (str), not a str itself.
pub fn ids(path: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    strings(path, "the path", "touchpoint ids")
}

/// An iterable of ids (str), not a str itself; `what` names the argument in errors (`the path`),
/// `kind` the ids it holds (`touchpoint ids`).
pub fn strings(value: &Bound<'_, PyAny>, what: &str, kind: &str) -> PyResult<Vec<String>> {
    if value.cast::<PyString>().is_ok() {
        return Err(PyTypeError::new_err(format!(
            "{what} is a str; expected a list of {kind}"
        )));
    }
    let items = value.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{what} is a {}; expected a list of {kind}",
            type_name(value)
        ))
    })?;
    let mut out = Vec::new();
    for item in items {
        let item = item?;
        let s = item.cast::<PyString>().map_err(|_| {
            PyTypeError::new_err(format!("{what} holds a {}, expected str", type_name(&item)))
        })?;
        out.push(s.to_cow()?.into_owned());
    }
    Ok(out)
}

/// Observed paths (an iterable of iterables of str) resolved to step indices with `step`. Each
/// distinct string object is resolved once (paths usually repeat the same few ids).
pub fn resolve_paths(
    paths: &Bound<'_, PyAny>,
    step: impl Fn(&str) -> Option<u32>,
) -> PyResult<Vec<Vec<Option<u32>>>> {
    let mut cache: std::collections::HashMap<usize, Option<u32>> = std::collections::HashMap::new();
    // Every cached object is held here, so its address cannot be reused by another string while
    // the cache lives (paths from a generator are freed as soon as they are consumed).
    let mut held: Vec<Bound<'_, PyAny>> = Vec::new();
    let mut out = Vec::new();
    for (i, path) in paths.try_iter()?.enumerate() {
        let path = path?;
        if path.cast::<PyString>().is_ok() {
            return Err(PyTypeError::new_err(format!(
                "path {i} is a str; expected a list of touchpoint ids"
            )));
        }
        let mut resolved = Vec::new();
        for item in path.try_iter().map_err(|_| {
            PyTypeError::new_err(format!("path {i} is not a list of touchpoint ids"))
        })? {
            let item = item?;
            let key = item.as_ptr() as usize;
            let index = match cache.get(&key) {
                Some(&index) => index,
                None => {
                    let s = item.cast::<PyString>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "path {i} holds a {}, expected str",
                            type_name(&item)
                        ))
                    })?;
                    let index = step(&s.to_cow()?);
                    cache.insert(key, index);
                    held.push(item);
                    index
                }
            };
            resolved.push(index);
        }
        out.push(resolved);
    }
    Ok(out)
}

/// Path score columns as a dict of Python lists, built directly from the core's column list.
pub fn columns<'py>(
    py: Python<'py>,
    c: &journeymap::score::PathColumns,
) -> PyResult<Bound<'py, PyDict>> {
    use journeymap::score::PathColumn;
    let d = PyDict::new(py);
    for (name, column) in c.columns() {
        match column {
            PathColumn::Count(v) => d.set_item(name, v)?,
            PathColumn::Number(v) => d.set_item(name, v)?,
            PathColumn::Optional(v) => d.set_item(name, v)?,
        }
    }
    Ok(d)
}

/// Core values as instances of a generated class of `journeymap._model` (a list of them for a
/// slice), built by the class's `from_dict`.
pub fn typed<'py, T: serde::Serialize>(
    py: Python<'py>,
    class: &str,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let from_dict = py
        .import("journeymap._model")?
        .getattr(class)?
        .getattr("from_dict")?;
    let value = to_python(py, value)?;
    match value.cast::<PyList>() {
        Ok(list) => {
            let out = PyList::empty(py);
            for item in list.iter() {
                out.append(from_dict.call1((item,))?)?;
            }
            Ok(out.into_any())
        }
        Err(_) => from_dict.call1((value,)),
    }
}
