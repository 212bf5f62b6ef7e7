//! Reports for people (core `report`).

use pyo3::prelude::*;

use crate::errors::guard;
use crate::map::JourneyMap;

#[pymethods]
impl JourneyMap {
    /// An HTML summary for notebooks.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || Ok(journeymap::report::html_summary(&self.inner)))
    }
}
