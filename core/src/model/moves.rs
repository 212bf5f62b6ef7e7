//! The journey graph as declared: transitions, entries and outcomes.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, XFields, schema_support, serde_support};

/// A move of the customer from a touchpoint to a touchpoint or an outcome.
///
/// Weights: when `probability` is given it is used; otherwise `count` (observed moves) is
/// turned into a probability by dividing by the counts out of the same touchpoint; when neither
/// is given, the moves out of a touchpoint share its remaining probability equally.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Transition {
    /// Touchpoint id the customer leaves.
    pub from: Id,
    /// Touchpoint or outcome id the customer reaches.
    pub to: Id,
    /// Persona ids this move applies to; empty or absent means every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// Probability of this move from `from`, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub probability: Option<f64>,
    /// Number of observed moves (>= 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub count: Option<f64>,
    /// Free label ("retry", "asks for a call back").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Transition {
    /// Whether the move applies to `persona` (an empty persona list applies to all).
    pub fn applies_to(&self, persona: &str) -> bool {
        self.personas.is_empty() || self.personas.iter().any(|p| p == persona)
    }
}

/// Where a persona's journey starts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Entry {
    /// Touchpoint id where the journey starts.
    pub touchpoint: Id,
    /// Persona ids this entry applies to; empty or absent means every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// Probability of starting here, 0..1. Entries of a persona without probabilities share
    /// the remaining probability equally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub probability: Option<f64>,
    /// Number of observed journeys starting here (>= 0), used when no probability is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub count: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Entry {
    /// Whether the entry applies to `persona` (an empty persona list applies to all).
    pub fn applies_to(&self, persona: &str) -> bool {
        self.personas.is_empty() || self.personas.iter().any(|p| p == persona)
    }
}

/// Kind of terminal state.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The journey reached its goal (signed, bought, installed).
    Success,
    /// The journey failed (abandoned, churned, refused).
    Failure,
    /// Neither (postponed, redirected elsewhere).
    Neutral,
}

/// A terminal state of the journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Outcome {
    /// Identifier, referenced by transitions. Shares one namespace with touchpoint ids.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name, e.g. "Loan signed".
    pub name: String,
    /// Success, failure or neutral.
    pub kind: OutcomeKind,
    /// What it means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Value of reaching it (revenue, lifetime value), in any unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub value: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}
