//! Conversions between Python objects and JSON values / core types. No logic beyond that.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest Python structure accepted (a journey map needs about 6 levels).
const MAX_DEPTH: usize = 128;

/// A Python object (dict, list, str, int, float, bool, None) as a JSON value.
pub fn to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_value_at(obj, 0, "")
}

fn to_value_at(obj: &Bound<'_, PyAny>, depth: usize, at: &str) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(PyValueError::new_err(format!(
            "structure nested deeper than {MAX_DEPTH} levels at {at} (is it circular?)"
        )));
    }
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
        let f: f64 = i.extract()?;
        return number(f, at);
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return number(f.value(), at);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let key = k.cast::<PyString>().map_err(|_| {
                PyTypeError::new_err(format!(
                    "keys must be strings, found {} at {at}",
                    type_name(&k)
                ))
            })?;
            let key = key.to_cow()?.into_owned();
            let child = format!("{at}/{}", key.replace('~', "~0").replace('/', "~1"));
            map.insert(key, to_value_at(&v, depth + 1, &child)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.cast::<PyList>().is_ok() || obj.cast::<PyTuple>().is_ok() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(to_value_at(&item?, depth + 1, &format!("{at}/{i}"))?);
        }
        return Ok(Value::Array(items));
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert {} to JSON at {} (expected dict, list, str, int, float, bool or None)",
        type_name(obj),
        if at.is_empty() { "/" } else { at }
    )))
}

fn number(f: f64, at: &str) -> PyResult<Value> {
    Number::from_f64(f).map(Value::Number).ok_or_else(|| {
        PyValueError::new_err(format!(
            "{f} is not a finite number (at {})",
            if at.is_empty() { "/" } else { at }
        ))
    })
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string())
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
    let value = serde_json::to_value(value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    from_value(py, &value)
}

/// The reference tokens of a JSON pointer, array indices as ints: `/a/0/b~1c` → `["a", 0, "b/c"]`.
pub fn pointer_parts<'py>(py: Python<'py>, pointer: &str) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        match token.parse::<usize>() {
            Ok(i) if !token.starts_with('0') || token == "0" => list.append(i)?,
            _ => list.append(token)?,
        }
    }
    Ok(list)
}

/// Observed paths (an iterable of iterables of str) resolved to step indices with `step`. Each
/// distinct string object is resolved once (paths usually repeat the same few ids).
pub fn resolve_paths(
    paths: &Bound<'_, PyAny>,
    step: impl Fn(&str) -> Option<u32>,
) -> PyResult<Vec<Vec<Option<u32>>>> {
    let mut cache: std::collections::HashMap<usize, Option<u32>> = std::collections::HashMap::new();
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
                            item.get_type()
                                .name()
                                .map_or_else(|_| "object".to_owned(), |n| n.to_string())
                        ))
                    })?;
                    let index = step(&s.to_cow()?);
                    cache.insert(key, index);
                    index
                }
            };
            resolved.push(index);
        }
        out.push(resolved);
    }
    // The cache keys are object addresses: they stay valid because `paths` keeps every item alive.
    Ok(out)
}

/// Path score columns as a dict of Python lists, built directly.
pub fn columns<'py>(
    py: Python<'py>,
    c: &journeymap::score::PathColumns,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("steps", &c.steps)?;
    d.set_item("on_map", &c.on_map)?;
    d.set_item("off_map", &c.off_map)?;
    d.set_item("unexpected_moves", &c.unexpected_moves)?;
    d.set_item("backtracks", &c.backtracks)?;
    d.set_item("skipped_stages", &c.skipped_stages)?;
    d.set_item("channel_switches", &c.channel_switches)?;
    d.set_item("handoffs", &c.handoffs)?;
    d.set_item("effort_total", &c.effort_total)?;
    d.set_item("effort_mean", &c.effort_mean)?;
    d.set_item("duration_total", &c.duration_total)?;
    d.set_item("emotion_mean", &c.emotion_mean)?;
    d.set_item("peak", &c.peak)?;
    d.set_item("best", &c.best)?;
    d.set_item("worst", &c.worst)?;
    d.set_item("end", &c.end)?;
    d.set_item("peak_end", &c.peak_end)?;
    d.set_item("volatility", &c.volatility)?;
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
