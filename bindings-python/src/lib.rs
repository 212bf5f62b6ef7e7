//! Python bindings of journeymap: the native module `journeymap._native`.
//!
//! Thin by design: each function converts its arguments (see `convert`), makes one call into the
//! core crate, and converts the result back. The pure-Python package `journeymap` adds the
//! notebook conveniences (DataFrames, HTML) on top.

mod convert;

use std::path::PathBuf;

use journeymap::score::{PathScorer, ScoringConfig};
use journeymap::validate::{Diagnostic as CoreDiagnostic, Limits};
use pyo3::create_exception;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

create_exception!(
    _native,
    JourneyMapError,
    PyValueError,
    "Base class of every journeymap error."
);
create_exception!(
    _native,
    ValidationError,
    JourneyMapError,
    "The input is not a valid journey map; see `.diagnostics`."
);
create_exception!(
    _native,
    ScoringError,
    JourneyMapError,
    "A scoring call got an argument it cannot use (for example an unknown persona)."
);

/// One problem found in a map.
#[pyclass(frozen, eq, module = "journeymap._native")]
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// Stable code, e.g. `"JM023"`.
    #[pyo3(get)]
    code: String,
    /// `"error"`, `"warning"` or `"info"`.
    #[pyo3(get)]
    severity: String,
    /// JSON pointer to the offending value (`""` is the whole document).
    #[pyo3(get)]
    path: String,
    /// What is wrong.
    #[pyo3(get)]
    message: String,
    /// 1-based line, when the input was text.
    #[pyo3(get)]
    line: Option<u32>,
    /// 1-based column, when the input was text.
    #[pyo3(get)]
    column: Option<u32>,
}

#[pymethods]
impl Diagnostic {
    /// The pointer as a list of keys and indices.
    #[getter]
    fn path_parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::pointer_parts(py, &self.path)
    }

    /// The diagnostic as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", &self.code)?;
        d.set_item("severity", &self.severity)?;
        d.set_item("path", &self.path)?;
        d.set_item("message", &self.message)?;
        d.set_item("line", self.line)?;
        d.set_item("column", self.column)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, severity={:?}, path={:?}, message={:?})",
            self.code, self.severity, self.path, self.message
        )
    }

    fn __str__(&self) -> String {
        let position = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{l}:{c}: "),
            _ => String::new(),
        };
        format!(
            "{position}{}[{}]: {} (at {})",
            self.severity,
            self.code,
            self.message,
            if self.path.is_empty() {
                "/"
            } else {
                &self.path
            }
        )
    }
}

impl From<&CoreDiagnostic> for Diagnostic {
    fn from(d: &CoreDiagnostic) -> Self {
        Self {
            code: d.code.to_string(),
            severity: d.severity.to_string(),
            path: d.path.clone(),
            message: d.message.clone(),
            line: d.line,
            column: d.column,
        }
    }
}

fn diagnostics(ds: &[CoreDiagnostic]) -> Vec<Diagnostic> {
    ds.iter().map(Diagnostic::from).collect()
}

/// Maps a core io error to the Python exception family, with structured fields.
fn io_error(py: Python<'_>, e: journeymap::io::Error) -> PyErr {
    let err = match &e {
        journeymap::io::Error::Io { .. } => PyErr::new::<JourneyMapError, _>(e.to_string()),
        _ => PyErr::new::<ValidationError, _>(e.to_string()),
    };
    let value = err.value(py);
    let _ = value.setattr("code", e.code().as_str());
    let _ = value.setattr("diagnostics", diagnostics(e.diagnostics()));
    err
}

fn score_error(py: Python<'_>, e: journeymap::score::Error) -> PyErr {
    let err = PyErr::new::<ScoringError, _>(e.to_string());
    let _ = err.value(py).setattr("code", e.code().as_str());
    let _ = err
        .value(py)
        .setattr("diagnostics", Vec::<Diagnostic>::new());
    err
}

fn config(obj: Option<&Bound<'_, PyAny>>) -> PyResult<ScoringConfig> {
    match obj {
        None => Ok(ScoringConfig::default()),
        Some(o) if o.is_none() => Ok(ScoringConfig::default()),
        Some(o) => {
            let value = convert::to_value(o)?;
            serde_json::from_value(value)
                .map_err(|e| PyErr::new::<ScoringError, _>(format!("invalid scoring config: {e}")))
        }
    }
}

/// What a Python input to `validate`/`loads` is.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
    Value(serde_json::Value),
    Path(PathBuf),
}

fn input(obj: &Bound<'_, PyAny>, allow_path: bool) -> PyResult<Input> {
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        let looks_like_json = s.trim_start().starts_with(['{', '[']) || s.trim().is_empty();
        return Ok(if allow_path && !looks_like_json {
            Input::Path(PathBuf::from(s.as_ref()))
        } else {
            Input::Text(s.into_owned())
        });
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(Input::Bytes(b.as_bytes().to_vec()));
    }
    if allow_path && let Ok(p) = obj.extract::<PathBuf>() {
        return Ok(Input::Path(p));
    }
    if obj.cast::<PyDict>().is_ok() {
        return Ok(Input::Value(convert::to_value(obj)?));
    }
    Err(PyTypeError::new_err(format!(
        "expected a dict, JSON text (str or bytes){}; got {}",
        if allow_path { " or a path" } else { "" },
        obj.get_type()
            .name()
            .map_or_else(|_| "object".to_owned(), |n| n.to_string())
    )))
}

/// Every problem in a map, never raising for an invalid one. `obj` is a dict, JSON text
/// (`str` starting with `{` or `[`, or `bytes`), or a path (`pathlib.Path`, or any other `str`).
#[pyfunction]
fn validate(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
    let limits = Limits::default();
    let report = match input(obj, true)? {
        Input::Text(t) => py.detach(|| journeymap::validate::validate_str(&t, &limits)),
        Input::Bytes(b) => py.detach(|| journeymap::validate::validate_bytes(&b, &limits)),
        Input::Value(v) => py.detach(|| journeymap::validate::validate_value(&v, &limits)),
        Input::Path(p) => match std::fs::read(&p) {
            Ok(b) => py.detach(|| journeymap::validate::validate_bytes(&b, &limits)),
            Err(source) => return Err(io_error(py, journeymap::io::Error::Io { path: p, source })),
        },
    };
    Ok(diagnostics(&report.diagnostics))
}

/// The JSON Schema of format v1, as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::from_value(py, &journeymap::json_schema())
}

/// The JSON Schema of the scoring results, as a dict.
#[pyfunction]
fn scores_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    convert::from_value(py, &journeymap::score::scores_schema())
}

/// Reads and validates a map file.
#[pyfunction]
fn load(py: Python<'_>, path: PathBuf) -> PyResult<JourneyMap> {
    py.detach(|| journeymap::io::from_path(&path))
        .map(JourneyMap::from)
        .map_err(|e| io_error(py, e))
}

/// Reads and validates a map from JSON text (`str` or `bytes`).
#[pyfunction]
fn loads(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    let result = match input(text, false)? {
        Input::Text(t) => py.detach(|| journeymap::io::from_str(&t)),
        Input::Bytes(b) => py.detach(|| journeymap::io::from_slice(&b)),
        Input::Value(_) | Input::Path(_) => {
            return Err(PyTypeError::new_err(
                "loads() takes JSON text; use JourneyMap.from_dict for a dict",
            ));
        }
    };
    result.map(JourneyMap::from).map_err(|e| io_error(py, e))
}

/// Compares an as-is map with its to-be version; returns the comparison as a dict.
#[pyfunction]
#[pyo3(signature = (as_is, to_be, config=None))]
fn compare<'py>(
    py: Python<'py>,
    as_is: &JourneyMap,
    to_be: &JourneyMap,
    config: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let cfg = self::config(config)?;
    let comparison = py.detach(|| journeymap::score::compare(&as_is.inner, &to_be.inner, &cfg));
    convert::to_python(py, &comparison)
}

/// A validated journey map.
#[pyclass(frozen, module = "journeymap._native")]
#[derive(Debug)]
pub struct JourneyMap {
    inner: journeymap::JourneyMap,
}

impl From<journeymap::JourneyMap> for JourneyMap {
    fn from(inner: journeymap::JourneyMap) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl JourneyMap {
    /// Validates a dict and builds a map from it.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if data.cast::<PyDict>().is_err() {
            return Err(PyTypeError::new_err(format!(
                "from_dict() takes a dict, got {}",
                data.get_type()
                    .name()
                    .map_or_else(|_| "object".to_owned(), |n| n.to_string())
            )));
        }
        let value = convert::to_value(data)?;
        py.detach(|| journeymap::io::from_value(value))
            .map(Self::from)
            .map_err(|e| io_error(py, e))
    }

    /// Reads and validates JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        py.detach(|| journeymap::io::from_str(text))
            .map(Self::from)
            .map_err(|e| io_error(py, e))
    }

    /// The map as a dict (`x-` keys and `extensions` included).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::to_python(py, &self.inner)
    }

    /// The map as JSON text; indented when `indent` is true.
    #[pyo3(signature = (indent=false))]
    fn to_json(&self, py: Python<'_>, indent: bool) -> PyResult<String> {
        let r = if indent {
            journeymap::io::to_string_pretty(&self.inner)
        } else {
            journeymap::io::to_string(&self.inner)
        };
        r.map_err(|e| io_error(py, e))
    }

    /// Every problem of the map (warnings and notes included; a loaded map has no errors).
    fn validate(&self) -> Vec<Diagnostic> {
        diagnostics(&journeymap::validate::validate_map(&self.inner).diagnostics)
    }

    #[getter]
    fn id(&self) -> &str {
        &self.inner.id
    }

    #[getter]
    fn title(&self) -> &str {
        &self.inner.title
    }

    #[getter]
    fn state(&self) -> String {
        serde_json::to_value(self.inner.state())
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    #[getter]
    fn personas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Persona", &self.inner.personas)
    }

    #[getter]
    fn channels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Channel", &self.inner.channels)
    }

    #[getter]
    fn stages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Stage", &self.inner.stages)
    }

    #[getter]
    fn touchpoints<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Touchpoint", &self.inner.touchpoints)
    }

    #[getter]
    fn transitions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Transition", &self.inner.transitions)
    }

    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Entry", &self.inner.entries)
    }

    #[getter]
    fn outcomes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "Outcome", &self.inner.outcomes)
    }

    /// Scores the map; returns the scores as JSON text (compact, or indented when `pretty`).
    /// The GIL is released while scoring.
    #[pyo3(signature = (config=None, pretty=false))]
    fn score_json(
        &self,
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        pretty: bool,
    ) -> PyResult<String> {
        let cfg = self::config(config)?;
        let scores = py.detach(|| self.inner.score(&cfg));
        let text = if pretty {
            serde_json::to_string_pretty(&scores)
        } else {
            serde_json::to_string(&scores)
        };
        text.map_err(|e| PyValueError::new_err(e.to_string()))
    }

    /// The whole document as typed, read-only objects (`journeymap.JourneyMapData`).
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        convert::typed(py, "JourneyMapData", &self.inner)
    }

    /// Scores the map; returns a `journeymap.Scores`. The GIL is released while scoring.
    #[pyo3(signature = (config=None))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        config: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let text = self.score_json(py, config, false)?;
        py.import("journeymap")?.getattr("Scores")?.call1((text,))
    }

    /// Scores one observed path of touchpoint ids; returns a dict.
    #[pyo3(signature = (path, persona=None))]
    fn score_path<'py>(
        &self,
        py: Python<'py>,
        path: Vec<String>,
        persona: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let score = self
            .inner
            .score_path(&path, persona, &ScoringConfig::default())
            .map_err(|e| score_error(py, e))?;
        convert::to_python(py, &score)
    }

    /// Scores many observed paths; returns columns (a dict of lists). The GIL is released while
    /// scoring.
    #[pyo3(signature = (paths, persona=None))]
    fn score_paths<'py>(
        &self,
        py: Python<'py>,
        paths: &Bound<'py, PyAny>,
        persona: Option<&str>,
    ) -> PyResult<Bound<'py, PyDict>> {
        let scorer = PathScorer::new(&self.inner, persona, &ScoringConfig::default())
            .map_err(|e| score_error(py, e))?;
        let steps = convert::resolve_paths(paths, |id| scorer.step(id))?;
        let columns = py.detach(|| scorer.score_many_steps(&steps));
        convert::columns(py, &columns)
    }

    /// An HTML summary for notebooks.
    fn _repr_html_(&self) -> String {
        journeymap::render::html_summary(&self.inner)
    }

    fn __repr__(&self) -> String {
        format!(
            "JourneyMap(id={:?}, title={:?}, personas={}, touchpoints={})",
            self.inner.id,
            self.inner.title,
            self.inner.personas.len(),
            self.inner.touchpoints.len()
        )
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other
            .cast::<JourneyMap>()
            .is_ok_and(|o| o.get().inner == self.inner)
    }
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("JourneyMapError", m.py().get_type::<JourneyMapError>())?;
    m.add("ValidationError", m.py().get_type::<ValidationError>())?;
    m.add("ScoringError", m.py().get_type::<ScoringError>())?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<JourneyMap>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(scores_schema, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
