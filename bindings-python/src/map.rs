//! `journeymap.JourneyMap`: a validated map held by the native side. Its methods are defined
//! beside the core module each one calls (`io.rs`, `validate.rs`, `score.rs`, `report.rs`, ...).

use pyo3::prelude::*;

use crate::convert;
use crate::errors::guard;

/// A validated journey map.
#[pyclass(frozen, module = "journeymap._native")]
#[derive(Debug)]
pub struct JourneyMap {
    pub(crate) inner: journeymap::JourneyMap,
}

impl From<journeymap::JourneyMap> for JourneyMap {
    fn from(inner: journeymap::JourneyMap) -> Self {
        Self { inner }
    }
}

#[pymethods]
impl JourneyMap {
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
