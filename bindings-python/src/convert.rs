//! Conversions between Python objects and JSON values / core types. No logic beyond that: a
//! Python object that should be a map or settings is read by the core's object walker
//! (`journeymap::validate::object`), for which `PyHost` says what each Python value is.

use std::path::PathBuf;

use journeymap::diagnostics::{Diagnostic, PathPart, codes};
use journeymap::validate::object::{Host, HostKey, HostValue};
use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyBytes, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use serde_json::Value;

use crate::errors;

/// Why a top-level `str` argument could not be read: a Python error, or a diagnostic (JM002, a
/// lone surrogate).
#[derive(Debug)]
pub enum Error {
    /// A Python error: a wrong type (`TypeError`) or an exception raised while reading.
    Py(PyErr),
    /// The argument is the right type but not Unicode.
    Invalid(Diagnostic),
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Self::Py(e)
    }
}

/// A Python object as the core's object walker reads it: `None`, `bool`, `int`, `float`, `str`,
/// `dict` (and subclasses), `list` and `tuple`; other integers (`numbers.Integral`, such as
/// numpy's) through `__index__` and other reals (`numbers.Real`) through `__float__`. Anything
/// else is a value JSON cannot hold, named by its type.
#[derive(Debug)]
pub struct PyHost<'py>(pub Bound<'py, PyAny>);

static INTEGRAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static REAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// A Python `int` as an integer of the walker (any size).
fn int<V>(i: &Bound<'_, PyInt>) -> PyResult<Host<V>> {
    if let Ok(v) = i.extract::<i64>() {
        return Ok(Host::Int(v));
    }
    if let Ok(v) = i.extract::<u64>() {
        return Ok(Host::UInt(v));
    }
    match i.extract::<f64>() {
        Ok(f) => Ok(Host::BigInt(f)),
        Err(e) if e.is_instance_of::<PyOverflowError>(i.py()) => Ok(Host::BigInt(f64::INFINITY)),
        Err(e) => Err(e),
    }
}

fn key(k: &Bound<'_, PyAny>) -> HostKey {
    match k.cast::<PyString>() {
        Ok(s) => match s.to_cow() {
            Ok(s) => HostKey::Str(s.into_owned()),
            Err(_) => HostKey::NotUnicode(s.to_string_lossy().into_owned()),
        },
        Err(_) => HostKey::Other {
            type_name: type_name(k),
            text: k
                .str()
                .map_or_else(|_| "?".to_owned(), |s| s.to_string_lossy().into_owned()),
        },
    }
}

impl<'py> HostValue for PyHost<'py> {
    type Error = PyErr;

    fn read(&self) -> PyResult<Host<Self>> {
        let obj = &self.0;
        let py = obj.py();
        if obj.is_none() {
            return Ok(Host::Null);
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Ok(Host::Bool(b.is_true()));
        }
        if let Ok(i) = obj.cast::<PyInt>() {
            return int(i);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Ok(Host::Float(f.value()));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return Ok(s
                .to_cow()
                .map_or(Host::NotUnicode, |s| Host::Str(s.into_owned())));
        }
        if let Ok(d) = obj.cast::<PyDict>() {
            return Ok(Host::Object(
                d.iter().map(|(k, v)| (key(&k), PyHost(v))).collect(),
            ));
        }
        if let Ok(l) = obj.cast::<PyList>() {
            return Ok(Host::Array(l.iter().map(PyHost).collect()));
        }
        if let Ok(t) = obj.cast::<PyTuple>() {
            return Ok(Host::Array(t.iter().map(PyHost).collect()));
        }
        if obj.is_instance(INTEGRAL.import(py, "numbers", "Integral")?)? {
            let index = obj.call_method0("__index__")?;
            return int(index.cast::<PyInt>()?);
        }
        if obj.is_instance(REAL.import(py, "numbers", "Real")?)? {
            return Ok(Host::Float(obj.call_method0("__float__")?.extract()?));
        }
        Ok(Host::Other(type_name(obj)))
    }
}

/// The name of an object's type, for messages.
pub fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string())
}

/// A top-level `str` argument as Rust text (JM002 at the root for a lone surrogate).
fn string(s: &Bound<'_, PyString>) -> Result<String, Error> {
    match s.to_cow() {
        Ok(s) => Ok(s.into_owned()),
        Err(_) => Err(Error::Invalid(Diagnostic::new(
            codes::NOT_UTF8,
            "",
            "a string is not valid Unicode (it holds a lone surrogate)",
        ))),
    }
}

static PATH_LIKE: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCORING_CONFIG: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SETTINGS: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// What a Python input to `validate`/`loads` is.
#[derive(Debug)]
pub enum Input<'py> {
    /// JSON text.
    Text(String),
    /// JSON bytes.
    Bytes(Vec<u8>),
    /// A Python value (dict, list, number, ...), read by the core's object walker.
    Object(Bound<'py, PyAny>),
    /// A file.
    Path(PathBuf),
}

/// Where an interchange reader takes its input from.
#[derive(Debug)]
pub enum Source {
    /// The text itself.
    Text(String),
    /// UTF-8 bytes.
    Bytes(Vec<u8>),
    /// A file.
    Path(PathBuf),
}

/// Classifies the argument of `from_mermaid` and `from_csv`: `os.PathLike` → path; `bytes` →
/// bytes; `str` → text, or with `str_path` a path when it holds no line break.
pub fn source(obj: &Bound<'_, PyAny>, str_path: bool) -> PyResult<Source> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?.into_owned();
        return Ok(if str_path && !text.contains(['\n', '\r']) {
            Source::Path(PathBuf::from(text))
        } else {
            Source::Text(text)
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Source::Bytes(b.as_bytes().to_vec()));
    }
    if obj.is_instance(PATH_LIKE.import(py, "os", "PathLike")?)? {
        return Ok(Source::Path(obj.extract::<PathBuf>()?));
    }
    Err(PyTypeError::new_err(format!(
        "expected text (str), bytes or a path (os.PathLike); got {}",
        type_name(obj)
    )))
}

/// Reads `source` as `format` (a file by its path, text and bytes as they are): the map when it
/// is valid, else the error with every diagnostic.
pub fn read(
    source: Source,
    format: journeymap::io::Format,
) -> Result<journeymap::JourneyMap, journeymap::io::Error> {
    let options = journeymap::io::ReadOptions::default();
    match source {
        Source::Text(t) => journeymap::io::read_bytes(t.as_bytes(), format, &options),
        Source::Bytes(b) => journeymap::io::read_bytes(&b, format, &options),
        Source::Path(p) => journeymap::io::read_path(&p, Some(format), &options)?,
    }
    .into_result()
}

/// Classifies the argument of `validate` (`allow_path`) or `loads`:
/// `os.PathLike` → path; `bytes` → JSON bytes; `str` → JSON text when it is empty, starts with
/// `{` or `[` after white space, or parses as JSON, otherwise a path; any other JSON value
/// (dict, list, int, ...) → the value itself. `what` names the function in type errors.
pub fn input<'py>(
    obj: &Bound<'py, PyAny>,
    allow_path: bool,
    what: &str,
) -> Result<Input<'py>, Error> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let s = string(s)?;
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
        return Ok(Input::Object(obj.clone()));
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

/// The scoring settings of a call as one dict: `config` (a `journeymap.ScoringConfig`, a dict or
/// `None`) with the keyword `settings` replacing its top-level keys, for the core to read. `None`
/// when neither is given (the defaults). Settings objects (`journeymap.PriorityWeights`, ...)
/// become dicts.
pub fn config_dict<'py>(
    config: Option<&Bound<'py, PyAny>>,
    settings: Option<&Bound<'py, PyDict>>,
) -> PyResult<Option<Bound<'py, PyDict>>> {
    let config = config.filter(|c| !c.is_none());
    let settings = settings.filter(|s| !s.is_empty());
    let Some(py) = config.map(Bound::py).or(settings.map(Bound::py)) else {
        return Ok(None);
    };
    let out = match config {
        None => PyDict::new(py),
        Some(c) if c.cast::<PyDict>().is_ok() => c.cast::<PyDict>()?.copy()?,
        Some(c)
            if c.is_instance(SCORING_CONFIG.import(
                py,
                "journeymap._config",
                "ScoringConfig",
            )?)? =>
        {
            let d = c.call_method0("to_dict")?;
            d.cast::<PyDict>()
                .map_err(|_| PyTypeError::new_err("ScoringConfig.to_dict() must return a dict"))?
                .copy()?
        }
        Some(c) => {
            return Err(PyTypeError::new_err(format!(
                "config must be a journeymap.ScoringConfig or a dict, got {}",
                type_name(c)
            )));
        }
    };
    if let Some(settings) = settings {
        let base = SETTINGS.import(py, "journeymap._config", "Settings")?;
        for (k, v) in settings.iter() {
            let v = if v.is_instance(base)? {
                v.call_method0("to_dict")?
            } else {
                v
            };
            out.set_item(k, v)?;
        }
    }
    Ok(Some(out))
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

/// Any serializable core value as JSON text: compact, or indented when `pretty` (the text
/// Rust and Node write). `what` names the value in the error.
pub fn json_text<T: serde::Serialize>(
    py: Python<'_>,
    value: &T,
    pretty: bool,
    what: &str,
) -> PyResult<String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map_err(|e| errors::internal(py, &format!("cannot write {what} as JSON: {e}")))
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
