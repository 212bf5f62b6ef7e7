//! Scoring settings ([`ScoringConfig`]) and the errors of scoring calls that take arguments from
//! the caller.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Diagnostic, ErrorKind, ErrorReport, JsonPointer, codes};
use crate::validate::ObjectInput;

/// Errors of scoring calls that take ids from the caller.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// The persona id is not in the map.
    #[error("unknown persona \"{0}\"")]
    UnknownPersona(String),
    /// The persona exists but has no journey to score; `reasons` say why.
    #[error("persona \"{persona}\" is not scored")]
    NotScored {
        /// The persona id.
        persona: String,
        /// The diagnostics that say why (JM100 and the like).
        reasons: Vec<Diagnostic>,
    },
    /// The effort budget of a portfolio is negative or not a finite number.
    #[error("invalid budget {0}: a budget is a finite effort >= 0")]
    InvalidBudget(f64),
    /// An opportunity id given to a call is not in the map.
    #[error("unknown opportunity \"{0}\"")]
    UnknownOpportunity(String),
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
            Error::UnknownPersona(_) => codes::UNKNOWN_PERSONA_REQUESTED,
            Error::NotScored { .. } => codes::PERSONA_NOT_SCORED,
            Error::InvalidConfig { .. } => codes::INVALID_CONFIG,
            Error::InvalidBudget(_) => codes::INVALID_BUDGET,
            Error::UnknownOpportunity(_) => codes::UNKNOWN_OPPORTUNITY,
        }
    }

    /// The kind of failure: invalid settings, or another argument the call cannot use.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::InvalidConfig { .. } => ErrorKind::Config,
            _ => ErrorKind::Scoring,
        }
    }

    /// The error as the bindings raise it: kind, code, message and diagnostics.
    pub fn report(&self) -> ErrorReport {
        ErrorReport::new(self.kind(), self.code(), self, self.to_diagnostics())
    }

    /// The error as diagnostics (code, severity, path, message): the reasons of `NotScored`,
    /// else one diagnostic.
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::NotScored { reasons, .. } => reasons.clone(),
            _ => vec![self.to_diagnostic()],
        }
    }

    /// The error as one diagnostic; for a config error the path points into the settings and the
    /// message does not repeat it.
    pub fn to_diagnostic(&self) -> Diagnostic {
        match self {
            Error::UnknownPersona(_) | Error::InvalidBudget(_) | Error::UnknownOpportunity(_) => {
                Diagnostic::new(self.code(), "", self.to_string())
            }
            Error::NotScored { reasons, .. } => reasons
                .first()
                .cloned()
                .unwrap_or_else(|| Diagnostic::new(self.code(), "", self.to_string())),
            Error::InvalidConfig { path, message } => Diagnostic::new(
                self.code(),
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

/// Predicted health-index gain per reached customer (points) from which a predicted RICE
/// impact takes each level of Intercom's scale; any smaller positive gain is minimal (0.25).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ImpactThresholds {
    /// Massive impact (3).
    pub massive: f64,
    /// High impact (2).
    pub high: f64,
    /// Medium impact (1).
    pub medium: f64,
    /// Low impact (0.5).
    pub low: f64,
}

impl Default for ImpactThresholds {
    fn default() -> Self {
        Self {
            massive: 10.0,
            high: 5.0,
            medium: 2.0,
            low: 1.0,
        }
    }
}

/// The scale an opportunity's declared `value` is on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ValueScale {
    /// The lowest value (a rating of 1, minimal impact).
    pub min: f64,
    /// The highest value (a rating of 5, massive impact).
    pub max: f64,
}

impl Default for ValueScale {
    fn default() -> Self {
        Self { min: 1.0, max: 5.0 }
    }
}

/// Settings of the opportunity scores: RICE impact levels and the value × effort grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct OpportunityConfig {
    /// Levels of a predicted RICE impact.
    pub impact: ImpactThresholds,
    /// Scale of declared `value`s, read as a rating 1..5 (5 massive, 4 high, 3 medium, 2 low,
    /// 1 minimal impact) when an opportunity has no prediction.
    pub value_scale: ValueScale,
    /// Confidence of an opportunity that declares none (Intercom's "low confidence", 0.5).
    pub default_confidence: f64,
    /// RICE impact from which an opportunity is of high value in the value × effort grid
    /// (default 1, "medium").
    pub high_impact: f64,
    /// Effort above which an opportunity is of high effort in the value × effort grid; by
    /// default (`null`) the median of the efforts the map's opportunities declare.
    pub high_effort: Option<f64>,
}

impl Default for OpportunityConfig {
    fn default() -> Self {
        Self {
            impact: ImpactThresholds::default(),
            value_scale: ValueScale::default(),
            default_confidence: 0.5,
            high_impact: 1.0,
            high_effort: None,
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
    /// Opportunity scores: RICE impact levels and the value × effort grid.
    pub opportunities: OpportunityConfig,
}

impl ScoringConfig {
    /// Reads settings from a JSON value (as the bindings receive them) and checks them with
    /// [`ScoringConfig::check`]. Errors carry a JSON pointer into the settings.
    pub fn from_value(value: serde_json::Value) -> Result<Self, Error> {
        let config: ScoringConfig =
            serde_path_to_error::deserialize(value).map_err(|e| Error::InvalidConfig {
                path: JsonPointer::from_serde_path(e.path()).into(),
                message: e.inner().to_string(),
            })?;
        config.check()?;
        Ok(config)
    }

    /// Reads settings from a host object (a Python dict, a JavaScript object) read by
    /// [`ObjectInput::read`]: what the walk reports (a NaN weight, a value JSON cannot hold) is
    /// the error, at its pointer into the settings; then as [`ScoringConfig::from_value`].
    pub fn from_object(input: ObjectInput) -> Result<Self, Error> {
        match input.into_value() {
            Ok(value) => Self::from_value(value),
            Err(d) => Err(Error::InvalidConfig {
                path: d.path.into(),
                message: d.message,
            }),
        }
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
        self.opportunities.check()
    }

    pub(crate) fn top(&self) -> usize {
        self.top.unwrap_or(5)
    }
}

impl OpportunityConfig {
    /// Checks the values: impact thresholds finite, positive and in decreasing order, a value
    /// scale with finite `min < max`, a confidence in `0..=1`, grid thresholds finite and `>= 0`.
    fn check(&self) -> Result<(), Error> {
        let invalid = |path: &str, message: String| {
            Err(Error::InvalidConfig {
                path: format!("/opportunities/{path}"),
                message,
            })
        };
        let i = &self.impact;
        let levels = [
            ("impact/massive", i.massive),
            ("impact/high", i.high),
            ("impact/medium", i.medium),
            ("impact/low", i.low),
        ];
        for (k, &(path, v)) in levels.iter().enumerate() {
            if !(v.is_finite() && v > 0.0) {
                return invalid(
                    path,
                    format!("an impact threshold must be a finite number > 0, not {v}"),
                );
            }
            if let Some(&(above, w)) = k.checked_sub(1).and_then(|p| levels.get(p))
                && v > w
            {
                return invalid(
                    path,
                    format!(
                        "the thresholds must not increase from massive to low: {v} is above {above} ({w})"
                    ),
                );
            }
        }
        let s = &self.value_scale;
        if !(s.min.is_finite() && s.max.is_finite() && s.min < s.max) {
            return invalid(
                "value_scale",
                format!(
                    "the value scale needs finite bounds with min < max (min {}, max {})",
                    s.min, s.max
                ),
            );
        }
        let c = self.default_confidence;
        if !(0.0..=1.0).contains(&c) {
            return invalid(
                "default_confidence",
                format!("a confidence is in 0..1, not {c}"),
            );
        }
        if !(self.high_impact.is_finite() && self.high_impact >= 0.0) {
            return invalid(
                "high_impact",
                format!(
                    "the high-value threshold must be a finite impact >= 0, not {}",
                    self.high_impact
                ),
            );
        }
        if let Some(e) = self.high_effort.filter(|e| !(e.is_finite() && *e >= 0.0)) {
            return invalid(
                "high_effort",
                format!("the high-effort threshold must be a finite effort >= 0, not {e}"),
            );
        }
        Ok(())
    }
}
