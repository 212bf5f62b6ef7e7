//! Opportunities (core `score`: what-if and portfolio): the to-be map of chosen opportunities
//! and the portfolio within an effort budget.

use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, MapOutcome, TextOutcome};
use crate::map::NativeMap;

#[napi]
impl NativeMap {
    /// The to-be map of these opportunities: their effects applied, `state` `to_be`, provenance
    /// in `metadata` (JM110 for an unknown id).
    #[napi(catch_unwind)]
    pub fn apply(&self, ids: Vec<String>) -> MapOutcome {
        self.inner
            .apply(&ids)
            .map(NativeMap::new)
            .map_err(Failure::from)
            .into()
    }

    /// The opportunities to do first within an effort budget (`null`: no limit), as JSON text,
    /// compact or indented when `pretty` (JM109 for a negative or non-finite budget, JM107 for
    /// invalid settings). `config` is a `ScoringConfig` object read by the core's object walker.
    #[napi(catch_unwind)]
    pub fn portfolio_json(
        &self,
        env: Env,
        budget: Option<f64>,
        config: Option<Unknown<'_>>,
        pretty: Option<bool>,
    ) -> Result<TextOutcome> {
        Ok(convert::config(&env, config)?
            .and_then(|config| self.inner.portfolio(budget, &config))
            .map_err(Failure::from)
            .and_then(|portfolio| convert::to_json(&portfolio, pretty.unwrap_or(false)))
            .into())
    }
}
