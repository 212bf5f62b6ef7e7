//! Improvement opportunities linked to touchpoints and pains.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, XFields, schema_support, serde_support};

/// Where an improvement idea stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OpportunityStatus {
    /// Proposed.
    Idea,
    /// Decided.
    Planned,
    /// Being built.
    InProgress,
    /// Delivered.
    Done,
    /// Dropped.
    Rejected,
}

/// An improvement idea linked to touchpoints and pains.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Opportunity {
    /// Identifier.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Short title.
    pub title: String,
    /// What would change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Touchpoint ids it improves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touchpoints: Vec<Id>,
    /// Pain ids it relieves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pains: Vec<Id>,
    /// Expected value or impact (> 0, any consistent unit, e.g. 1..5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub value: Option<f64>,
    /// Expected effort to deliver (> 0, any consistent unit, e.g. person-weeks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub effort: Option<f64>,
    /// Confidence in the value estimate, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub confidence: Option<f64>,
    /// Where it stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpportunityStatus>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}
