//! Reports for people (core `report`).

use pyo3::prelude::*;

use crate::errors::guard;
use crate::map::JourneyMap;

#[pymethods]
impl JourneyMap {
    /// A small HTML summary of the map (title, personas, stages), without scoring it.
    fn html_summary(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(journeymap::report::html_summary(&self.inner)))
    }
}
