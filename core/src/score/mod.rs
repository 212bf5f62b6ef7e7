//! Scores of a journey map, each following a published method (docs/scoring.md): emotion curve
//! and peak-end memory, customer effort, SERVQUAL experience gap, conversion and removal effect
//! on the absorbing Markov chain, crossroads, moments-of-truth ranking with importance-performance
//! quadrants, a health index, a survey plan, improvement opportunities (reach, predicted impact,
//! RICE, value × effort, portfolio, what-if), as-is/to-be comparison and observed-path scoring.
//!
//! Every number is deterministic: states are ordered by id, lists are sorted by a stable key,
//! and floats are written at full precision. What cannot be computed is a diagnostic (JM1xx)
//! inside the result, never a failure.

mod aggregate;
pub mod chain;
mod compare;
mod conversion;
mod effort;
mod emotion;
mod engine;
mod gap;
mod health;
mod moments;
mod opportunities;
mod output;
mod path;
mod persona;
mod portfolio;
mod predict;
mod select;
mod settings;
mod solve;
mod state;
mod survey;
mod whatif;

pub use compare::{Comparison, Delta, StageDelta, TouchpointDelta, compare};
pub use opportunities::Planner;
pub use output::*;
pub use path::{PathColumn, PathColumns, PathReport, PathScore, PathScorer, PathStep};
pub use select::PersonaReport;
pub use settings::{
    CrosshairRule, Error, HealthWeights, ImpactThresholds, OpportunityConfig, PriorityWeights,
    ScoringConfig, SurveyConfig, ValueScale,
};
pub(crate) use solve::ScoredChain;
pub use whatif::{APPLIED_EFFECTS_KEY, WhatIf, whatif};

impl crate::JourneyMap {
    /// Scores the map (never fails: see `Scores::diagnostics`).
    pub fn score(&self, config: &ScoringConfig) -> Scores {
        engine::score(self, config)
    }

    /// Scores one observed path of touchpoint ids for a persona (the first persona when `None`):
    /// its scores, its emotion curve step by step with valleys, and how each step deviates from
    /// the map. For many paths, prepare a [`PathScorer`] once and use
    /// [`PathScorer::score_many`].
    pub fn score_path<S: AsRef<str>>(
        &self,
        path: &[S],
        persona: Option<&str>,
    ) -> Result<PathReport, Error> {
        Ok(PathScorer::new(self, persona)?.explain(path))
    }
}

/// The moment-of-truth priority of a set of factors under `weights`: the weighted mean of the
/// factors (weights that are not finite and positive count as 0), in 0..1 for factors in 0..1.
pub fn priority(weights: &PriorityWeights, factors: &Factors) -> f64 {
    moments::priority(weights, factors).0
}

/// JSON Schema of the scoring types: `Scores`, `Comparison`, `PathScore`, `PathReport`,
/// `PathColumns`, `Portfolio` and `ScoringConfig` under `$defs`.
pub fn scores_schema() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Scores>();
    generator.subschema_for::<Comparison>();
    generator.subschema_for::<PathScore>();
    generator.subschema_for::<PathReport>();
    generator.subschema_for::<PathColumns>();
    generator.subschema_for::<Portfolio>();
    generator.subschema_for::<ScoringConfig>();
    let defs: serde_json::Map<String, serde_json::Value> =
        generator.take_definitions(true).into_iter().collect();
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://journeymap.dev/schema/v1/scores.schema.json",
        "title": "journeymap scores",
        "$defs": defs,
    })
}
