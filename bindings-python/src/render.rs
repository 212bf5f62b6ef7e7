//! Pictures (core `render`) and the HTML report and notebook display (core `report`).

use std::str::FromStr;

use journeymap::render::{SvgOptions, View};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::{self, guard};
use crate::map::JourneyMap;
use crate::score::config;

#[pymethods]
impl JourneyMap {
    /// The map as SVG: the journey map (`view="journey"`) or the flow view (`view="flow"`), of
    /// `persona` (default: the first persona with a journey) or of every persona
    /// (`all_personas=True`). `config` and keyword settings are the scoring settings. The GIL
    /// is released while drawing.
    #[pyo3(signature = (persona=None, view="journey", all_personas=false, config=None, **settings))]
    fn to_svg(
        &self,
        py: Python<'_>,
        persona: Option<String>,
        view: &str,
        all_personas: bool,
        config: Option<&Bound<'_, PyAny>>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        guard(py, || {
            let cfg = self::config(py, config, settings)?;
            let view = View::from_str(view).map_err(|e| errors::render(py, e))?;
            let options = SvgOptions {
                view,
                persona,
                all_personas,
                moments: None,
            };
            py.detach(|| journeymap::render::svg(&self.inner, &cfg, &options))
                .map_err(|e| errors::render(py, e))
        })
    }

    /// The self-contained HTML report: both pictures per persona, the tables, the diagnostics.
    #[pyo3(signature = (config=None, **settings))]
    fn to_html(
        &self,
        py: Python<'_>,
        config: Option<&Bound<'_, PyAny>>,
        settings: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<String> {
        guard(py, || {
            let cfg = self::config(py, config, settings)?;
            Ok(py.detach(|| journeymap::report::html(&self.inner, &cfg)))
        })
    }

    /// What a notebook shows: the journey map with the top moments of truth and a summary.
    #[pyo3(signature = (config=None))]
    fn _repr_html_(&self, py: Python<'_>, config: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
        guard(py, || {
            let cfg = self::config(py, config, None)?;
            Ok(py.detach(|| journeymap::report::notebook_html(&self.inner, &cfg)))
        })
    }
}
