//! Scoring (core `score`): the scores of a map, observed paths, as-is/to-be comparison, the
//! scoring settings and the scores schema.

use journeymap::score::{PathScorer, ScoringConfig};
use journeymap::validate::{Limits, ObjectInput};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

use crate::convert::{self, PyHost};
use crate::errors::{self, guard};
use crate::map::JourneyMap;

/// The scoring settings of a call (see `convert::config_dict`), read and checked by the core.
pub fn config(
    py: Python<'_>,
    config: Option<&Bound<'_, PyAny>>,
    settings: Option<&Bound<'_, PyDict>>,
) -> PyResult<ScoringConfig> {
    match convert::config_dict(config, settings)? {
        None => Ok(ScoringConfig::default()),
        Some(dict) => {
            let input = ObjectInput::read(&PyHost(dict.into_any()), &Limits::default())?;
            ScoringConfig::from_object(input).map_err(|e| errors::scoring(py, e))
        }
    }
}

/// The checked scoring settings of `value` (a dict), every field filled in, as a dict.
#[pyfunction]
pub fn scoring_config<'py>(
    py: Python<'py>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
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

/// The JSON Schema of the scoring results, as a dict.
#[pyfunction]
pub fn scores_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(py, || {
        convert::from_value(py, &journeymap::score::scores_schema())
    })
}

/// Compares an as-is map with its to-be version; returns the comparison as a dict.
#[pyfunction]
#[pyo3(signature = (as_is, to_be, config=None, **settings))]
pub fn compare<'py>(
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
        convert::json_text(py, &scores, pretty, "the scores")
    }
}

#[pymethods]
impl JourneyMap {
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
    /// The scores keep the map and the settings, so that a notebook can draw them.
    #[pyo3(signature = (config=None, **settings))]
    fn score<'py>(
        slf: &Bound<'py, Self>,
        config: Option<&Bound<'py, PyAny>>,
        settings: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let py = slf.py();
        guard(py, || {
            let this = slf.get();
            let cfg = self::config(py, config, settings)?;
            let scores = py.detach(|| this.inner.score(&cfg));
            let text = serde_json::to_string(&scores).map_err(|e| {
                errors::internal(py, &format!("cannot write the scores as JSON: {e}"))
            })?;
            SCORES.import(py, "journeymap._scores", "Scores")?.call1((
                text,
                slf,
                convert::to_python(py, &cfg)?,
            ))
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
                .score_path(&ids, persona)
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
            let scorer =
                PathScorer::new(&self.inner, persona).map_err(|e| errors::scoring(py, e))?;
            let steps = convert::resolve_paths(paths, |id| scorer.step(id))?;
            let columns = py.detach(|| scorer.score_many_steps(&steps));
            convert::columns(py, &columns)
        })
    }
}
