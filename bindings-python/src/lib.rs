//! Python bindings of journeymap: the native module `journeymap._native`.
//!
//! Thin by design: each function converts its arguments (see `convert`), makes one call into the
//! core crate, and converts the result back. The pure-Python package `journeymap` adds the
//! notebook conveniences (DataFrames, HTML) on top.

mod convert;
mod errors;

use journeymap::score::{PathScorer, ScoringConfig};
use journeymap::validate::{Diagnostic as CoreDiagnostic, Limits};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

use convert::Input;
use errors::guard;

/// One problem found in a map.
#[pyclass(frozen, eq, module = "journeymap._native")]
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    inner: CoreDiagnostic,
}

impl From<CoreDiagnostic> for Diagnostic {
    fn from(inner: CoreDiagnostic) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl Diagnostic {
    /// Stable code, e.g. `"JM023"`.
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// `"error"`, `"warning"` or `"info"`.
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// JSON pointer to the offending value (`""` is the whole document).
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// What is wrong.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// 1-based line, when the input was text.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.inner.line
    }

    /// 1-based column, when the input was text.
    #[getter]
    fn column(&self) -> Option<u32> {
        self.inner.column
    }

    /// The pointer as a list of keys and indices.
    #[getter]
    fn path_parts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        convert::pointer_parts(py, &self.inner.path)
    }

    /// The diagnostic as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("code", self.code())?;
        d.set_item("severity", self.severity())?;
        d.set_item("path", &self.inner.path)?;
        d.set_item("message", &self.inner.message)?;
        d.set_item("line", self.inner.line)?;
        d.set_item("column", self.inner.column)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Diagnostic(code={:?}, severity={:?}, path={:?}, message={:?})",
            self.code(),
            self.severity(),
            self.inner.path,
            self.inner.message
        )
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }
}

fn diagnostics(ds: Vec<CoreDiagnostic>) -> Vec<Diagnostic> {
    ds.into_iter().map(Diagnostic::from).collect()
}

/// The scoring settings of a call (see `convert::config_value`), checked by the core.
fn config(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<ScoringConfig> {
    match convert::config_value(config, settings) {
        Ok(None) => Ok(ScoringConfig::default()),
        Ok(Some(value)) => ScoringConfig::from_value(value).map_err(|e| errors::scoring(py, e)),
        Err(convert::Error::Py(e)) => Err(e),
        Err(convert::Error::Invalid(d)) => Err(errors::scoring(
            py,
            journeymap::score::Error::InvalidConfig {
                path: d.path,
                message: d.message,
            },
        )),
    }
}

/// Every problem in a map; never raises for an invalid map. `obj` is a path (`os.PathLike`, or
/// a `str` that is not JSON), JSON text (`bytes`, or a `str` that is JSON or starts with `{`/`[`)
/// or a JSON value (dict, list, ...). A file that cannot be read gives a JM009 diagnostic.
#[pyfunction]
fn validate(py: Python<'_>, obj: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
    guard(py, || {
        let limits = Limits::default();
        let report = match convert::input(obj, true, "validate()") {
            Ok(Input::Text(t)) => py.detach(|| journeymap::validate::validate_str(&t, &limits)),
            Ok(Input::Bytes(b)) => py.detach(|| journeymap::validate::validate_bytes(&b, &limits)),
            Ok(Input::Value(v)) => py.detach(|| journeymap::validate::validate_value(&v, &limits)),
            Ok(Input::Path(p)) => py.detach(|| journeymap::validate::validate_path(&p, &limits)),
            Err(convert::Error::Invalid(d)) => return Ok(vec![Diagnostic::from(d)]),
            Err(convert::Error::Py(e)) => return Err(e),
        };
        Ok(diagnostics(report.diagnostics))
    })
}

/// The checked scoring settings of `value` (a dict), every field filled in, as a dict.
#[pyfunction]
fn scoring_config<'py>(py: Python<'py>, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        if value.cast::<PyDict>().is_err() {
            return Err(PyTypeError::new_err(format!(
                "scoring settings must be a dict, got {}",
                convert::type_name(value)
            )));
        }
        let cfg = config(py, Some(value), None)?;
        convert::to_python(py, &cfg)
    })
}

/// The JSON Schema of format v1, as a dict.
#[pyfunction]
fn schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || convert::from_value(py, &journeymap::json_schema()))
}

/// The JSON Schema of the scoring results, as a dict.
#[pyfunction]
fn scores_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || {
        convert::from_value(py, &journeymap::score::scores_schema())
    })
}

/// Reads and validates a map file (`str` or `os.PathLike`).
#[pyfunction]
fn load(py: Python<'_>, path: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let path = convert::path(path)?;
        py.detach(|| journeymap::io::from_path(&path))
            .map(JourneyMap::from)
            .map_err(|e| errors::io(py, e))
    })
}

/// Reads and validates a map from JSON text (`str` or `bytes`).
#[pyfunction]
fn loads(py: Python<'_>, text: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
    guard(py, || {
        let result = match convert::input(text, false, "loads()") {
            Ok(Input::Text(t)) => py.detach(|| journeymap::io::from_str(&t)),
            Ok(Input::Bytes(b)) => py.detach(|| journeymap::io::from_slice(&b)),
            Ok(Input::Value(_) | Input::Path(_)) => {
                return Err(PyTypeError::new_err(
                    "loads() takes JSON text (str or bytes)",
                ));
            }
            Err(convert::Error::Invalid(d)) => return Err(errors::invalid(py, d)),
            Err(convert::Error::Py(e)) => return Err(e),
        };
        result.map(JourneyMap::from).map_err(|e| errors::io(py, e))
    })
}

/// Compares an as-is map with its to-be version; returns the comparison as a dict.
#[pyfunction]
#[pyo3(signature = (as_is, to_be, config=None, **settings))]
fn compare<'py>(
    py: Python<'py>,
    as_is: &JourneyMap,
    to_be: &JourneyMap,
    config: Option<&Bound<'py, PyAny>>,
    settings: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(py, || {
        let cfg = self::config(py, config, settings)?;
        let comparison = py.detach(|| journeymap::score::compare(&as_is.inner, &to_be.inner, &cfg));
        convert::to_python(py, &comparison)
    })
}

static SCORES: PyOnceLock<Py<PyType>> = PyOnceLock::new();

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

impl JourneyMap {
    fn scores_text(
        &self,
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        settings: Option<&Bound<'_, PyDict>>,
        pretty: bool,
    ) -> PyResult<String> {
        let cfg = self::config(py, config, settings)?;
        let scores = py.detach(|| self.inner.score(&cfg));
        let text = if pretty {
            serde_json::to_string_pretty(&scores)
        } else {
            serde_json::to_string(&scores)
        };
        text.map_err(|e| errors::internal(py, &format!("cannot write the scores as JSON: {e}")))
    }
}

#[pymethods]
impl JourneyMap {
    /// Validates a dict and builds a map from it.
    #[staticmethod]
    fn from_dict(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(py, || {
            if data.cast::<PyDict>().is_err() {
                return Err(PyTypeError::new_err(format!(
                    "from_dict() takes a dict, got {}",
                    convert::type_name(data)
                )));
            }
            let value = match convert::to_value(data) {
                Ok(value) => value,
                Err(convert::Error::Invalid(d)) => return Err(errors::invalid(py, d)),
                Err(convert::Error::Py(e)) => return Err(e),
            };
            py.detach(|| journeymap::io::from_value(value))
                .map(Self::from)
                .map_err(|e| errors::io(py, e))
        })
    }

    /// Reads and validates JSON text.
    #[staticmethod]
    fn from_json(py: Python<'_>, text: &str) -> PyResult<Self> {
        guard(py, || {
            py.detach(|| journeymap::io::from_str(text))
                .map(Self::from)
                .map_err(|e| errors::io(py, e))
        })
    }

    /// The map as a dict (`x-` keys and `extensions` included).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::to_python(py, &self.inner))
    }

    /// The map as JSON text; indented when `indent` is true.
    #[pyo3(signature = (indent=false))]
    fn to_json(&self, py: Python<'_>, indent: bool) -> PyResult<String> {
        guard(py, || {
            let r = if indent {
                journeymap::io::to_string_pretty(&self.inner)
            } else {
                journeymap::io::to_string(&self.inner)
            };
            r.map_err(|e| errors::io(py, e))
        })
    }

    /// Every problem of the map (warnings and notes included; a loaded map has no errors).
    fn validate(&self, py: Python<'_>) -> PyResult<Vec<Diagnostic>> {
        guard(py, || {
            let report = py.detach(|| journeymap::validate::validate_map(&self.inner));
            Ok(diagnostics(report.diagnostics))
        })
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
    fn state<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::to_python(py, &self.inner.state()))
    }

    #[getter]
    fn personas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "Persona", &self.inner.personas))
    }

    #[getter]
    fn channels<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "Channel", &self.inner.channels))
    }

    #[getter]
    fn stages<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "Stage", &self.inner.stages))
    }

    #[getter]
    fn touchpoints<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::typed(py, "Touchpoint", &self.inner.touchpoints)
        })
    }

    #[getter]
    fn transitions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::typed(py, "Transition", &self.inner.transitions)
        })
    }

    #[getter]
    fn entries<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "Entry", &self.inner.entries))
    }

    #[getter]
    fn outcomes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "Outcome", &self.inner.outcomes))
    }

    /// The whole document as typed, read-only objects (`journeymap.JourneyMapData`).
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || convert::typed(py, "JourneyMapData", &self.inner))
    }

    /// Scores the map; returns the scores as JSON text (compact, or indented when `pretty`).
    /// `config` is a `ScoringConfig`, a dict or `None`; keyword settings replace its top-level
    /// keys. The GIL is released while scoring.
    #[pyo3(signature = (config=None, pretty=false, **settings))]
    fn score_json(
        &self,
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        pretty: bool,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        guard(py, || self.scores_text(py, config, settings, pretty))
    }

    /// Scores the map; returns a `journeymap.Scores`. `config` is a `ScoringConfig`, a dict or
    /// `None`; keyword settings (`top=3`, `weights={...}`) replace its top-level keys. The GIL is
    /// released while scoring.
    #[pyo3(signature = (config=None, **settings))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        config: Option<&Bound<'py, PyAny>>,
        settings: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let text = self.scores_text(py, config, settings, false)?;
            SCORES
                .import(py, "journeymap._scores", "Scores")?
                .call1((text,))
        })
    }

    /// Scores one observed path of touchpoint ids and explains it step by step; returns the
    /// core's `PathReport` as a dict (`journeymap.PathReport`).
    #[pyo3(signature = (path, persona=None))]
    fn score_path<'py>(
        &self,
        py: Python<'py>,
        path: &Bound<'py, PyAny>,
        persona: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let ids = convert::ids(path)?;
            let score = self
                .inner
                .score_path(&ids, persona, &ScoringConfig::default())
                .map_err(|e| errors::scoring(py, e))?;
            convert::to_python(py, &score)
        })
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
        guard(py, || {
            let scorer = PathScorer::new(&self.inner, persona, &ScoringConfig::default())
                .map_err(|e| errors::scoring(py, e))?;
            let steps = convert::resolve_paths(paths, |id| scorer.step(id))?;
            let columns = py.detach(|| scorer.score_many_steps(&steps));
            convert::columns(py, &columns)
        })
    }

    /// An HTML summary for notebooks.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(journeymap::render::html_summary(&self.inner)))
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

/// Raises a Rust panic inside the guard every entry point uses, so the tests can check that a
/// panic reaches Python as `journeymap.JourneyMapError`, not as pyo3's `PanicException`.
#[pyfunction]
#[allow(clippy::panic, reason = "the point of this function")]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    guard(py, || panic!("deliberate panic to test the guard"))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Diagnostic>()?;
    m.add_class::<JourneyMap>()?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(scores_schema, m)?)?;
    m.add_function(wrap_pyfunction!(scoring_config, m)?)?;
    m.add_function(wrap_pyfunction!(load, m)?)?;
    m.add_function(wrap_pyfunction!(loads, m)?)?;
    m.add_function(wrap_pyfunction!(compare, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
