//! The frame of a journey: personas, channels and stages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use serde_json::{Map, Value};

use super::{Id, XFields, schema_support, serde_support};

/// A named, semi-fictional customer type with its own journey.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Persona {
    /// Identifier, referenced by touchpoints, transitions and entries.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name, e.g. "Julie, busy parent".
    pub name: String,
    /// Who this customer is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Share of the customer base this persona stands for, 0..1. Shares of all personas
    /// should not sum over 1. Scores aggregated over personas are weighted by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub share: Option<f64>,
    /// What the customer wants to achieve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    /// What drives the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub motivations: Vec<String>,
    /// What annoys the customer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frustrations: Vec<String>,
    /// Channels the customer prefers (channel ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub preferred_channels: Vec<Id>,
    /// Free attributes (age band, region, segment, ...).
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub attributes: Map<String, Value>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// Kind of medium a channel is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Web, app, email, chat, social.
    Digital,
    /// Store, agency, branch, kiosk, the product itself.
    Physical,
    /// A person: phone advisor, sales rep, installer, face to face.
    Human,
    /// Mail, leaflets, printed documents.
    Print,
    /// Anything else.
    Other,
}

/// Whether the customer acts alone or with an employee.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ServiceMode {
    /// The customer acts alone.
    SelfService,
    /// An employee helps.
    Assisted,
}

/// A medium through which touchpoints happen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Channel {
    /// Identifier, referenced by touchpoints and personas.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name, e.g. "Mobile app".
    pub name: String,
    /// Kind of medium.
    pub kind: ChannelKind,
    /// Self-service or assisted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<ServiceMode>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// Which way a KPI is good.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum KpiDirection {
    /// Higher is better (conversion, CSAT).
    HigherIsBetter,
    /// Lower is better (time to resolution, churn).
    LowerIsBetter,
}

/// A key performance indicator attached to a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Kpi {
    /// Name, e.g. "conversion rate", "CSAT", "time to resolution".
    pub name: String,
    /// Unit, e.g. "%", "hours", "EUR".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Target value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub target: Option<f64>,
    /// Measured value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub actual: Option<f64>,
    /// Which way is good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<KpiDirection>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// A step of the journey as the customer sees it (discover, compare, buy, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Stage {
    /// Identifier, referenced by touchpoints.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name.
    pub name: String,
    /// Position in the journey (ascending). Stages without it follow in array order.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "serde_support::option_i64"
    )]
    #[schemars(range(min = -serde_support::MAX_SAFE_INTEGER, max = serde_support::MAX_SAFE_INTEGER))]
    pub order: Option<i64>,
    /// What happens in this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the customer wants from this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_goal: Option<String>,
    /// What the business wants from this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_goal: Option<String>,
    /// Indicators followed for this stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kpis: Vec<Kpi>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}
