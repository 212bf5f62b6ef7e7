//! Opportunities (core `score`: what-if and portfolio): the map's typed opportunities,
//! `JourneyMap.apply` (the to-be map of chosen opportunities), `JourneyMap.portfolio` and
//! `JourneyMap.portfolio_json`.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::convert;
use crate::errors::{self, guard};
use crate::map::JourneyMap;
use crate::score::config;

#[pymethods]
impl JourneyMap {
    #[getter]
    fn opportunities<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            convert::typed(py, "Opportunity", &self.inner.opportunities)
        })
    }

    /// The to-be map of these opportunities (ids): their effects applied, `state` `to_be`,
    /// provenance in `metadata` (`based_on`, `applied_opportunities`). `ScoringError` (JM110)
    /// for an unknown id.
    fn apply(&self, py: Python<'_>, ids: &Bound<'_, PyAny>) -> PyResult<JourneyMap> {
        guard(py, || {
            let ids = convert::strings(ids, "the ids", "opportunity ids")?;
            let to_be = py
                .detach(|| self.inner.apply(&ids))
                .map_err(|e| errors::scoring(py, e))?;
            Ok(JourneyMap::from(to_be))
        })
    }

    /// The opportunities to do first within an effort budget (`None`: no limit), chosen
    /// greedily by marginal predicted gain per unit of effort; a dict (`journeymap.Portfolio`).
    /// `ScoringError` (JM109) for a negative or non-finite budget. The GIL is released while
    /// planning.
    #[pyo3(signature = (budget=None, config=None, **settings))]
    fn portfolio<'py>(
        &self,
        py: Python<'py>,
        budget: Option<f64>,
        config: Option<&Bound<'py, PyAny>>,
        settings: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(py, || {
            let cfg = self::config(py, config, settings)?;
            let portfolio = py
                .detach(|| self.inner.portfolio(budget, &cfg))
                .map_err(|e| errors::scoring(py, e))?;
            convert::to_python(py, &portfolio)
        })
    }

    /// The portfolio of `portfolio` as JSON text (compact, or indented when `pretty`), byte for
    /// byte what Rust and Node write. The GIL is released while planning.
    #[pyo3(signature = (budget=None, pretty=false, config=None, **settings))]
    fn portfolio_json<'py>(
        &self,
        py: Python<'py>,
        budget: Option<f64>,
        pretty: bool,
        config: Option<&Bound<'py, PyAny>>,
        settings: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<String> {
        guard(py, || {
            let cfg = self::config(py, config, settings)?;
            let portfolio = py
                .detach(|| self.inner.portfolio(budget, &cfg))
                .map_err(|e| errors::scoring(py, e))?;
            convert::json_text(py, &portfolio, pretty, "the portfolio")
        })
    }
}
