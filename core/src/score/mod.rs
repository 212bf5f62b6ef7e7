//! Scores of a journey map, each following a published method (docs/scoring.md): emotion curve
//! and peak-end memory, customer effort, SERVQUAL experience gap, conversion and removal effect
//! on the absorbing Markov chain, crossroads, moments-of-truth ranking with importance-performance
//! quadrants, a health index, a survey plan, as-is/to-be comparison and observed-path scoring.
//!
//! Every number is deterministic: states are ordered by id, lists are sorted by a stable key,
//! and floats are written at full precision. What cannot be computed is a diagnostic (JM1xx)
//! inside the result, never a failure.

mod aggregate;
mod compare;
mod engine;
mod path;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use compare::{Comparison, Delta, StageDelta, TouchpointDelta, compare};
pub use path::{PathColumns, PathReport, PathScore, PathScorer, PathStep};

use crate::model::{OutcomeKind, SurveyMetric};
use crate::validate::{Code, CodeInfo, Diagnostic, Severity};

/// A persona without entries: it has no journey and is left out of every score.
pub const PERSONA_NOT_SCORED: Code = Code("JM100");
/// No success outcome can be reached: conversion is 0 and removal effects are undefined.
pub const NO_CONVERSION: Code = Code("JM101");
/// Probabilities out of a touchpoint summed over 1 and were scaled to 1.
pub const PROBABILITIES_SCALED: Code = Code("JM102");
/// Probability was trapped in a closed loop and was counted as abandonment.
pub const TRAPPED_PROBABILITY: Code = Code("JM103");
/// The requested persona does not exist.
pub const UNKNOWN_PERSONA: Code = Code("JM104");
/// No emotion measure along the persona's journey: the emotion curve is empty.
pub const NO_EMOTION_DATA: Code = Code("JM105");
/// The map has no persona: nothing to score.
pub const NO_PERSONA: Code = Code("JM106");
/// The scoring settings given by the caller are not valid.
pub const INVALID_CONFIG: Code = Code("JM107");

/// Diagnostic codes the scoring engine can report (JM1xx).
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: PERSONA_NOT_SCORED,
        severity: Severity::Warning,
        title: "Persona not scored",
        explanation: "The persona has no entry, so it has no journey; it is left out of every score and of the aggregates.",
    },
    CodeInfo {
        code: NO_CONVERSION,
        severity: Severity::Warning,
        title: "No conversion possible",
        explanation: "No success outcome can be reached from the persona's entries: its conversion is 0 and removal effects are undefined (null).",
    },
    CodeInfo {
        code: PROBABILITIES_SCALED,
        severity: Severity::Warning,
        title: "Probabilities scaled to 1",
        explanation: "The probabilities out of a touchpoint (with its drop_off) summed over 1 (validation error JM032); scoring scaled them to sum to 1.",
    },
    CodeInfo {
        code: TRAPPED_PROBABILITY,
        severity: Severity::Warning,
        title: "Trapped probability counted as abandonment",
        explanation: "From some touchpoints no outcome can be reached (a closed loop or a dead end): customers there are counted as abandoning, so the chain can be solved.",
    },
    CodeInfo {
        code: UNKNOWN_PERSONA,
        severity: Severity::Error,
        title: "Unknown persona",
        explanation: "A persona id given to a scoring call does not exist in the map.",
    },
    CodeInfo {
        code: NO_EMOTION_DATA,
        severity: Severity::Info,
        title: "No emotion data",
        explanation: "No touchpoint along the persona's most likely path has an emotion measure, so the emotion curve and peak-end score are empty.",
    },
    CodeInfo {
        code: NO_PERSONA,
        severity: Severity::Warning,
        title: "No persona",
        explanation: "The map declares no persona; journeys are scored per persona, so there is nothing to score.",
    },
    CodeInfo {
        code: INVALID_CONFIG,
        severity: Severity::Error,
        title: "Invalid scoring config",
        explanation: "The scoring settings given to a scoring call have an unknown field, a value of the wrong type, a negative or non-finite weight, or an effort threshold outside 0..1. The path points into the settings, not into the map.",
    },
];

/// Errors of scoring calls that take ids from the caller.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The persona id is not in the map.
    #[error("unknown persona \"{0}\"")]
    UnknownPersona(String),
    /// The scoring settings are not valid.
    #[error("invalid scoring config at \"{path}\": {message}")]
    InvalidConfig {
        /// JSON pointer into the settings.
        path: String,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    /// The stable code of the error.
    pub fn code(&self) -> Code {
        match self {
            Error::UnknownPersona(_) => UNKNOWN_PERSONA,
            Error::InvalidConfig { .. } => INVALID_CONFIG,
        }
    }

    /// The error as a diagnostic (code, severity, path, message); for a config error the path
    /// points into the settings and the message does not repeat it.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Error::UnknownPersona(_) => Diagnostic::new(
                self.code(),
                Severity::Error,
                String::new(),
                self.to_string(),
            ),
            Error::InvalidConfig { path, message } => Diagnostic::new(
                self.code(),
                Severity::Error,
                path.clone(),
                format!("invalid scoring config: {message}"),
            ),
        }
    }
}

/// Weights of the moment-of-truth priority factors (any non-negative numbers; they are divided
/// by their sum).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PriorityWeights {
    /// Share of journeys that visit the touchpoint.
    pub reach: f64,
    /// Importance to the customer.
    pub importance: f64,
    /// Experience shortfall, negative emotion or declared pain.
    pub pain: f64,
    /// Emotional swing versus the previous step.
    pub swing: f64,
    /// Removal effect: share of conversions that pass through the touchpoint.
    pub criticality: f64,
}

impl Default for PriorityWeights {
    fn default() -> Self {
        Self {
            reach: 0.25,
            importance: 0.2,
            pain: 0.25,
            swing: 0.1,
            criticality: 0.2,
        }
    }
}

/// Where the importance-performance crosshair sits (Martilla & James 1977).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CrosshairRule {
    /// The middle of each scale (0.5 after normalization).
    #[default]
    ScaleMidpoint,
    /// The mean importance and mean performance of the persona's touchpoints.
    DataMean,
}

/// Weights of the health index parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct HealthWeights {
    /// Probability of success.
    pub conversion: f64,
    /// Remembered emotion (peak-end).
    pub emotion: f64,
    /// Ease (1 - mean normalized effort).
    pub effort: f64,
    /// Met expectations (1 - mean shortfall).
    pub experience: f64,
}

impl Default for HealthWeights {
    fn default() -> Self {
        Self {
            conversion: 0.35,
            emotion: 0.25,
            effort: 0.2,
            experience: 0.2,
        }
    }
}

/// Settings of the survey plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SurveyConfig {
    /// Most surveys in the plan.
    pub max_surveys: usize,
    /// Fewest steps between two surveyed touchpoints on a persona's most likely path.
    pub min_spacing: usize,
    /// Normalized effort (0..1) from which a step counts as effortful (CES).
    pub effort_threshold: f64,
}

impl Default for SurveyConfig {
    fn default() -> Self {
        Self {
            max_surveys: 3,
            min_spacing: 2,
            effort_threshold: 0.5,
        }
    }
}

/// Settings of [`JourneyMap::score`](crate::JourneyMap::score). Every field has a documented
/// default; unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ScoringConfig {
    /// Weights of the moment-of-truth priority.
    pub weights: PriorityWeights,
    /// Importance-performance crosshair.
    pub crosshair: CrosshairRule,
    /// Health index weights.
    pub health: HealthWeights,
    /// Survey plan settings.
    pub survey: SurveyConfig,
    /// Length of the short lists (effort hot spots, largest shortfalls); default 5.
    pub top: Option<usize>,
}

impl ScoringConfig {
    /// Reads settings from a JSON value (as the bindings receive them) and checks them with
    /// [`ScoringConfig::check`]. Errors carry a JSON pointer into the settings.
    pub fn from_value(value: serde_json::Value) -> Result<Self, Error> {
        let config: ScoringConfig =
            serde_path_to_error::deserialize(value).map_err(|e| Error::InvalidConfig {
                path: crate::validate::pointer_from_serde_path(e.path()),
                message: e.inner().to_string(),
            })?;
        config.check()?;
        Ok(config)
    }

    /// Reads settings from JSON text; see [`ScoringConfig::from_value`].
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::InvalidConfig {
                path: String::new(),
                message: e.to_string(),
            })?;
        Self::from_value(value)
    }

    /// Checks the values: weights finite and non-negative, effort threshold in `0..=1`.
    pub fn check(&self) -> Result<(), Error> {
        let w = &self.weights;
        let h = &self.health;
        let weights = [
            ("/weights/reach", w.reach),
            ("/weights/importance", w.importance),
            ("/weights/pain", w.pain),
            ("/weights/swing", w.swing),
            ("/weights/criticality", w.criticality),
            ("/health/conversion", h.conversion),
            ("/health/emotion", h.emotion),
            ("/health/effort", h.effort),
            ("/health/experience", h.experience),
        ];
        for (path, v) in weights {
            if !(v.is_finite() && v >= 0.0) {
                return Err(Error::InvalidConfig {
                    path: path.to_owned(),
                    message: format!("a weight must be a finite number >= 0, not {v}"),
                });
            }
        }
        let t = self.survey.effort_threshold;
        if !(0.0..=1.0).contains(&t) {
            return Err(Error::InvalidConfig {
                path: "/survey/effort_threshold".to_owned(),
                message: format!("the effort threshold is a normalized effort in 0..1, not {t}"),
            });
        }
        Ok(())
    }

    pub(crate) fn top(&self) -> usize {
        self.top.unwrap_or(5)
    }
}

/// A value on the map's declared scale and normalized (emotion: -1..1; effort: 0..1).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Level {
    /// On the declared scale.
    pub raw: f64,
    /// Normalized.
    pub normalized: f64,
}

/// One point of an emotion curve.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CurvePoint {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Stage id.
    pub stage: String,
    /// Emotion on the declared scale.
    pub emotion: f64,
    /// Emotion normalized to -1..1.
    pub normalized: f64,
}

/// Summary of an emotion curve (Kahneman et al. 1993).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EmotionSummary {
    /// The most intense moment (largest distance from neutral; the negative one on a tie).
    pub peak: Level,
    /// The best moment.
    pub best: Level,
    /// The worst moment (valley).
    pub worst: Level,
    /// The last moment.
    pub end: Level,
    /// Remembered experience: (peak + end) / 2.
    pub peak_end: Level,
    /// Mean of the curve.
    pub mean: Level,
    /// Mean absolute change between consecutive points (normalized units).
    pub volatility: f64,
    /// The same mean absolute change on the declared emotion scale.
    pub volatility_raw: f64,
    /// Local minima below neutral.
    pub valleys: Vec<CurvePoint>,
}

/// Expected emotion of a stage.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StageValue {
    /// Stage id.
    pub stage: String,
    /// On the declared scale (emotion, effort) or in gap units.
    pub raw: f64,
    /// Normalized.
    pub normalized: f64,
}

/// Emotion scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EmotionScores {
    /// Per stage (journey order), the visit-probability-weighted mean emotion.
    pub stages: Vec<StageValue>,
    /// The curve along the most likely successful path (see `Conversion::most_likely_path`).
    pub curve: Vec<CurvePoint>,
    /// Summary of the curve; `None` without emotion data.
    pub summary: Option<EmotionSummary>,
    /// Expected-visits-weighted mean emotion over the whole journey.
    pub expected_mean: Option<Level>,
}

/// Effort at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointEffort {
    /// Touchpoint id.
    pub touchpoint: String,
    /// On the declared scale.
    pub effort: f64,
    /// 0..1, 1 = most effort, whatever the scale's direction.
    pub normalized: f64,
    /// Expected visits.
    pub expected_visits: f64,
    /// Contribution to the expected total effort (visits × normalized effort).
    pub contribution: f64,
}

/// Effort scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct EffortScores {
    /// Per touchpoint with an effort measure, sorted by id.
    pub touchpoints: Vec<TouchpointEffort>,
    /// Per stage, visit-probability-weighted mean.
    pub stages: Vec<StageValue>,
    /// Expected total normalized effort from entry to outcome.
    pub expected_total: f64,
    /// Expected number of channel switches along the journey.
    pub expected_channel_switches: f64,
    /// Expected number of hand-offs between owners (silo effect).
    pub expected_handoffs: f64,
    /// Touchpoints contributing most to the total.
    pub hot_spots: Vec<TouchpointEffort>,
}

/// Experience gap at a touchpoint (SERVQUAL gap 5).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointGap {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Perceived emotion.
    pub perceived: f64,
    /// Expected emotion.
    pub expected: f64,
    /// perceived - expected, on the emotion scale; negative is a shortfall.
    pub gap: f64,
    /// The gap in normalized units (-2..2).
    pub normalized: f64,
}

/// Experience gap scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct GapScores {
    /// Per touchpoint with both measures, sorted by id.
    pub touchpoints: Vec<TouchpointGap>,
    /// Per stage, visit-probability-weighted mean gap.
    pub stages: Vec<StageValue>,
    /// Largest shortfalls first.
    pub shortfalls: Vec<TouchpointGap>,
}

/// Probability of ending in one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeProbability {
    /// Outcome id (`__drop_off` for implicit abandonment).
    pub outcome: String,
    /// Its kind.
    pub kind: OutcomeKind,
    /// Probability from the persona's entries.
    pub probability: f64,
}

/// Flow through one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointFlow {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Expected number of visits.
    pub expected_visits: f64,
    /// Probability of at least one visit.
    pub visit_probability: f64,
    /// Probability that the journey fails right after this touchpoint.
    pub drop_off: f64,
    /// Probability of success once here.
    pub success_from_here: f64,
    /// Removal effect: 1 - P_without(success) / P(success); `None` without conversion.
    pub removal_effect: Option<f64>,
}

/// Conversion analytics of one persona (absorbing Markov chain).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Conversion {
    /// Probability of each outcome, sorted by id, `__drop_off` last.
    pub outcomes: Vec<OutcomeProbability>,
    /// Probability of a success outcome.
    pub success_probability: f64,
    /// Expected number of touchpoints visited before an outcome.
    pub expected_steps: f64,
    /// Expected time to an outcome, in the map's time unit (touchpoints without duration count 0).
    pub expected_time: f64,
    /// Per touchpoint, sorted by id.
    pub touchpoints: Vec<TouchpointFlow>,
    /// The most likely path that ends in success (touchpoint ids); when no success can be
    /// reached, the most likely path of all.
    pub most_likely_path: Vec<String>,
    /// Outcome the most likely path ends in.
    pub most_likely_outcome: Option<String>,
    /// Probability of the most likely path.
    pub most_likely_probability: f64,
}

/// A touchpoint many journeys go through.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Crossroad {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Probability of at least one visit.
    pub visit_probability: f64,
    /// Normalized betweenness centrality on the persona graph (0..1).
    pub betweenness: f64,
}

/// Importance-performance quadrant (Martilla & James 1977).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Quadrant {
    /// High importance, low performance.
    ConcentrateHere,
    /// High importance, high performance.
    KeepUpTheGoodWork,
    /// Low importance, low performance.
    LowPriority,
    /// Low importance, high performance.
    PossibleOverkill,
}

/// The factors of a moment-of-truth priority, each 0..1.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Factors {
    /// Share of journeys that visit it (times persona share when aggregated).
    pub reach: f64,
    /// Normalized importance (0.5 when not measured).
    pub importance: f64,
    /// The largest of shortfall, negative emotion and declared pain severity.
    pub pain: f64,
    /// Emotional change from the previous step, halved to 0..1.
    pub swing: f64,
    /// Removal effect (0 when undefined).
    pub criticality: f64,
}

/// One ranked touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MomentOfTruth {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Rank, 1 = fix first.
    pub rank: usize,
    /// Weighted mean of the factors, 0..1.
    pub priority: f64,
    /// The factors.
    pub factors: Factors,
    /// Each factor's share of the priority (weight × factor / sum of weights).
    pub contributions: Factors,
    /// Declared as a moment of truth in the map.
    pub declared: bool,
    /// Importance-performance quadrant, when importance and performance are known.
    pub quadrant: Option<Quadrant>,
    /// Why it ranks here: the three strongest factors, strongest first (then the declared flag).
    pub reasons: Vec<String>,
}

/// Journey health index, 0..100, with its parts (each 0..1).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Health {
    /// The index.
    pub index: f64,
    /// Probability of success.
    pub conversion: f64,
    /// Remembered emotion mapped to 0..1.
    pub emotion: Option<f64>,
    /// 1 - mean normalized effort.
    pub effort: Option<f64>,
    /// 1 - mean shortfall.
    pub experience: Option<f64>,
}

/// Scores of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PersonaScores {
    /// Persona id.
    pub persona: String,
    /// Weight in the aggregates (normalized share).
    pub weight: f64,
    /// Emotion curve.
    pub emotion: EmotionScores,
    /// Effort.
    pub effort: EffortScores,
    /// Experience gap.
    pub gap: GapScores,
    /// Conversion analytics.
    pub conversion: Conversion,
    /// Crossroads, most visited first.
    pub crossroads: Vec<Crossroad>,
    /// Moments of truth, highest priority first.
    pub moments_of_truth: Vec<MomentOfTruth>,
    /// Health index.
    pub health: Health,
}

/// Aggregates over personas, weighted by share.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Overall {
    /// Personas scored, with their weights (sorted by id).
    pub personas: Vec<(String, f64)>,
    /// Weighted probability of success.
    pub success_probability: f64,
    /// Weighted expected number of steps.
    pub expected_steps: f64,
    /// Weighted expected time.
    pub expected_time: f64,
    /// Weighted expected total effort.
    pub expected_effort: f64,
    /// Weighted expected channel switches.
    pub expected_channel_switches: f64,
    /// Weighted expected hand-offs.
    pub expected_handoffs: f64,
    /// Weighted remembered emotion (peak-end), normalized -1..1.
    pub peak_end: Option<f64>,
    /// Health index of the whole map.
    pub health: Health,
    /// Probability of each outcome over the customer base (share-weighted), sorted by id,
    /// `__drop_off` last.
    pub outcomes: Vec<OutcomeProbability>,
    /// Share-weighted mean of the personas' expected-visits-weighted mean emotion.
    pub expected_emotion: Option<Level>,
    /// Per stage (journey order), the mean emotion over the customer base: each persona's
    /// touchpoints weighted by share × visit probability.
    pub emotion_stages: Vec<StageValue>,
    /// Per stage, the mean effort over the customer base, weighted like `emotion_stages`.
    pub effort_stages: Vec<StageValue>,
    /// Per stage, the mean experience gap over the customer base, weighted like `emotion_stages`.
    pub gap_stages: Vec<StageValue>,
    /// Every touchpoint scored for at least one persona, over the customer base, sorted by id.
    pub touchpoints: Vec<TouchpointAggregate>,
    /// Touchpoints contributing most to the expected effort of the customer base.
    pub effort_hot_spots: Vec<TouchpointEffort>,
    /// Largest experience shortfalls over the customer base, largest first.
    pub shortfalls: Vec<TouchpointGap>,
    /// Crossroads over the customer base, most visited first.
    pub crossroads: Vec<Crossroad>,
}

/// One touchpoint over the customer base: share-weighted over the personas it applies to.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointAggregate {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Stage id.
    pub stage: String,
    /// Probability that a customer visits it at least once: Σ share × visit probability.
    pub visit_probability: f64,
    /// Expected visits per customer: Σ share × expected visits.
    pub expected_visits: f64,
    /// Probability that a customer's journey fails right after it.
    pub drop_off: f64,
    /// Share of all conversions that pass through it: Σ share × P(visit) × P(success from
    /// here) / Σ share × P(success); `None` when no persona converts.
    pub removal_effect: Option<f64>,
    /// Mean normalized emotion (-1..1) over the personas that measure it, weighted by share ×
    /// visit probability.
    pub emotion: Option<f64>,
    /// Mean normalized effort (0..1), weighted like `emotion`.
    pub effort: Option<f64>,
    /// Mean normalized experience gap (-2..2), weighted like `emotion`.
    pub gap: Option<f64>,
    /// Contribution to the expected effort: Σ share × expected visits × normalized effort.
    pub effort_contribution: f64,
    /// Σ share × betweenness.
    pub betweenness: f64,
}

/// One survey of the voice-of-the-customer plan.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct SurveyItem {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Indicator to ask for.
    pub metric: SurveyMetric,
    /// Channel id to ask through (the touchpoint's own).
    pub channel: String,
    /// Why this indicator here.
    pub reason: String,
    /// The touchpoint's priority.
    pub priority: f64,
}

/// Everything [`JourneyMap::score`](crate::JourneyMap::score) computes.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Scores {
    /// Map id.
    pub map: String,
    /// Per persona, sorted by id.
    pub personas: Vec<PersonaScores>,
    /// Aggregates over personas.
    pub overall: Overall,
    /// Moments of truth over all personas, highest priority first.
    pub moments_of_truth: Vec<MomentOfTruth>,
    /// Survey plan.
    pub survey_plan: Vec<SurveyItem>,
    /// What could not be computed, and repairs made.
    pub diagnostics: Vec<Diagnostic>,
}

impl Scores {
    /// The scores of one persona.
    pub fn persona(&self, id: &str) -> Option<&PersonaScores> {
        self.personas.iter().find(|p| p.persona == id)
    }
}

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
        config: &ScoringConfig,
    ) -> Result<PathReport, Error> {
        Ok(PathScorer::new(self, persona, config)?.explain(path))
    }
}

/// The moment-of-truth priority of a set of factors under `weights`: the weighted mean of the
/// factors (weights that are not finite and positive count as 0), in 0..1 for factors in 0..1.
pub fn priority(weights: &PriorityWeights, factors: &Factors) -> f64 {
    engine::priority(weights, factors).0
}

/// JSON Schema of the scoring types: `Scores`, `Comparison`, `PathScore`, `PathReport`,
/// `PathColumns` and `ScoringConfig` under `$defs`.
pub fn scores_schema() -> serde_json::Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    generator.subschema_for::<Scores>();
    generator.subschema_for::<Comparison>();
    generator.subschema_for::<PathScore>();
    generator.subschema_for::<PathReport>();
    generator.subschema_for::<PathColumns>();
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
