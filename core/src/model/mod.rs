//! The journey map model: typed Rust values for format v1.
//!
//! A [`JourneyMap`] holds, for one brand and one or more personas, the stages of the journey, the
//! channels, the touchpoints (a step at the crossing of a stage and a channel), the transitions
//! between them (the journey graph), where each persona enters and the outcomes it can end in.
//!
//! Every object keeps the `x-` prefixed keys it was given (see [`XFields`]), and the map has a
//! free-form `extensions` object, so a load/save round trip never loses data.
//!
//! References between objects are ids (strings). [`JourneyMap::index`] resolves them once.

mod graph;
mod index;
mod schema_support;
mod serde_support;

pub use graph::{GraphEdge, GraphNode, PersonaGraph};
pub use index::MapIndex;
pub use schema_support::{SCHEMA_ID, json_schema};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The only major format version this library reads and writes.
pub const FORMAT_VERSION: &str = "1.0";

/// Identifier of an object in a map: a non-empty string without white space, unique among
/// objects of the same kind (touchpoints and outcomes share one namespace, since transitions
/// point at both).
pub type Id = String;

/// Keys starting with `x-` kept on any object, in the order they were given.
pub type XFields = Map<String, Value>;

/// A customer journey map, format v1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(
    title = "Journey map",
    transform = schema_support::x_fields,
    example = schema_support::example_map()
)]
pub struct JourneyMap {
    /// Format version of this document. Must be `"1.0"` (a later `1.x` is read with a warning).
    #[schemars(example = &"1.0")]
    pub format_version: String,
    /// Identifier of the map.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Human-readable title.
    pub title: String,
    /// What the map describes and for whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Which journey this is: today's (`as_is`, the default), the designed target (`to_be`), or
    /// one observed customer's journey (`actual`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MapState>,
    /// Who the map is for: a customer-facing journey (`customer`, the default) shows only what the
    /// customer perceives; a `service_blueprint` also holds backstage steps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<MapView>,
    /// BCP 47 language tag of the texts, e.g. `fr-FR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// Authors, dates, tags and provenance.
    #[serde(default, skip_serializing_if = "Metadata::is_empty")]
    pub metadata: Metadata,
    /// Scales of every measured quantity. Omitted scales take the documented defaults.
    #[serde(default, skip_serializing_if = "Scales::is_unset")]
    pub scales: Scales,
    /// Customer types, each with its own journey through the graph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Persona>,
    /// The media through which touchpoints happen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub channels: Vec<Channel>,
    /// The steps of the journey as the customer sees it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub stages: Vec<Stage>,
    /// The scored units: a step at the crossing of a stage and a channel.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub touchpoints: Vec<Touchpoint>,
    /// The journey graph: moves from a touchpoint to a touchpoint or an outcome.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<Transition>,
    /// Where each persona's journey starts.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<Entry>,
    /// Terminal states of the journey (signed, abandoned, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<Outcome>,
    /// Improvement ideas linked to touchpoints and pains.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub opportunities: Vec<Opportunity>,
    /// Free JSON for tools that extend the format; kept as is.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub extensions: Map<String, Value>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// Which journey a map describes.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MapState {
    /// Today's journey.
    #[default]
    AsIs,
    /// The designed target journey.
    ToBe,
    /// The journey one observed customer really went through.
    Actual,
}

/// Who a map is for.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MapView {
    /// Customer-facing: only what the customer perceives (frontstage).
    #[default]
    Customer,
    /// A service blueprint: frontstage and backstage steps.
    ServiceBlueprint,
}

/// Authors, dates, tags and provenance of a map.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Metadata {
    /// People or teams who built the map.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Creation date, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<String>,
    /// Last update, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Free tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Revision of the map's content (free text, e.g. `2026-Q3`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// For a `to_be` or `actual` map: id of the map it derives from (the as-is or planned map).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub based_on: Option<Id>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Metadata {
    fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A numeric scale: the closed interval `[min, max]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Scale {
    /// Lowest value of the scale.
    #[serde(serialize_with = "serde_support::number")]
    pub min: f64,
    /// Highest value of the scale (must be greater than `min`).
    #[serde(serialize_with = "serde_support::number")]
    pub max: f64,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Scale {
    /// A scale from `min` to `max`.
    pub fn new(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            x: XFields::new(),
        }
    }

    /// `value` mapped linearly to `0..1` (`min` → 0, `max` → 1). Not clamped.
    pub fn unit(&self, value: f64) -> f64 {
        (value - self.min) / (self.max - self.min)
    }

    /// `value` mapped linearly to `-1..1` (`min` → -1, midpoint → 0, `max` → 1). Not clamped.
    pub fn signed(&self, value: f64) -> f64 {
        2.0 * self.unit(value) - 1.0
    }

    /// Whether `value` lies within `[min, max]`.
    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }

    /// Whether the declaration is usable: finite bounds with `min < max`.
    pub fn is_valid(&self) -> bool {
        self.min.is_finite() && self.max.is_finite() && self.min < self.max
    }
}

/// Which way an effort scale points. CES 1.0 ("how much effort did you put forth", 1..5) is
/// `higher_is_more_effort`; CES 2.0 ("the company made it easy", 1..7) is `higher_is_easier`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EffortDirection {
    /// A higher value means more effort (CES 1.0 style).
    #[default]
    HigherIsMoreEffort,
    /// A higher value means an easier experience (CES 2.0 style).
    HigherIsEasier,
}

/// The effort scale: bounds and direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct EffortScale {
    /// Lowest value of the scale.
    #[serde(serialize_with = "serde_support::number")]
    pub min: f64,
    /// Highest value of the scale (must be greater than `min`).
    #[serde(serialize_with = "serde_support::number")]
    pub max: f64,
    /// Which way the scale points; default `higher_is_more_effort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<EffortDirection>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl EffortScale {
    /// The declared direction, or the default.
    pub fn direction(&self) -> EffortDirection {
        self.direction.unwrap_or_default()
    }

    /// The bounds as a plain [`Scale`].
    pub fn bounds(&self) -> Scale {
        Scale::new(self.min, self.max)
    }

    /// Effort normalized to `0..1` where 1 is always the most effort, whatever the direction.
    pub fn normalized_effort(&self, value: f64) -> f64 {
        let u = self.bounds().unit(value);
        match self.direction() {
            EffortDirection::HigherIsMoreEffort => u,
            EffortDirection::HigherIsEasier => 1.0 - u,
        }
    }
}

/// Unit of `duration` measures.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    /// Seconds.
    Seconds,
    /// Minutes (the default).
    #[default]
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
}

/// Scales of the measured quantities. Each omitted scale takes its default:
/// emotion -2..+2, effort 1..7 (`higher_is_more_effort`), importance 1..5, satisfaction 1..5,
/// durations in minutes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Scales {
    /// Emotional intensity; default -2..+2 (negative = bad, midpoint = neutral).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emotion: Option<Scale>,
    /// Customer effort; default 1..7, `higher_is_more_effort`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<EffortScale>,
    /// Importance of a touchpoint to the customer; default 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Scale>,
    /// Satisfaction (CSAT-style); default 1..5.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub satisfaction: Option<Scale>,
    /// Unit of every `duration`; default minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<TimeUnit>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Scales {
    fn is_unset(&self) -> bool {
        self == &Self::default()
    }

    /// The emotion scale in force (declared or default -2..+2).
    pub fn emotion(&self) -> Scale {
        self.emotion
            .clone()
            .unwrap_or_else(|| Scale::new(-2.0, 2.0))
    }

    /// The effort scale in force (declared or default 1..7, higher is more effort).
    pub fn effort(&self) -> EffortScale {
        self.effort.clone().unwrap_or(EffortScale {
            min: 1.0,
            max: 7.0,
            direction: None,
            x: XFields::new(),
        })
    }

    /// The importance scale in force (declared or default 1..5).
    pub fn importance(&self) -> Scale {
        self.importance
            .clone()
            .unwrap_or_else(|| Scale::new(1.0, 5.0))
    }

    /// The satisfaction scale in force (declared or default 1..5).
    pub fn satisfaction(&self) -> Scale {
        self.satisfaction
            .clone()
            .unwrap_or_else(|| Scale::new(1.0, 5.0))
    }

    /// The time unit in force (declared or minutes).
    pub fn time_unit(&self) -> TimeUnit {
        self.time_unit.unwrap_or_default()
    }
}

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

/// Whether the customer sees a touchpoint.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Seen by the customer (the default).
    #[default]
    Frontstage,
    /// Internal process, not seen by the customer (service blueprints only).
    Backstage,
}

/// Measured or estimated values of a touchpoint, each on the map's declared scale.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Measures {
    /// Perceived emotion, on the emotion scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub emotion: Option<f64>,
    /// Emotion the customer expected, on the emotion scale (SERVQUAL expectation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub expected_emotion: Option<f64>,
    /// Customer effort, on the effort scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub effort: Option<f64>,
    /// Importance to the customer, on the importance scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub importance: Option<f64>,
    /// Satisfaction, on the satisfaction scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub satisfaction: Option<f64>,
    /// Time the step takes, in the map's time unit (>= 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub duration: Option<f64>,
    /// Number of customers passing through per period (>= 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub volume: Option<f64>,
    /// Share of customers who abandon the journey at this touchpoint, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub drop_off: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Measures {
    /// These measures with every unset field taken from `base`.
    pub fn or(&self, base: &Measures) -> Measures {
        Measures {
            emotion: self.emotion.or(base.emotion),
            expected_emotion: self.expected_emotion.or(base.expected_emotion),
            effort: self.effort.or(base.effort),
            importance: self.importance.or(base.importance),
            satisfaction: self.satisfaction.or(base.satisfaction),
            duration: self.duration.or(base.duration),
            volume: self.volume.or(base.volume),
            drop_off: self.drop_off.or(base.drop_off),
            x: XFields::new(),
        }
    }

    /// Every numeric field with its JSON name, in declaration order.
    pub fn fields(&self) -> [(&'static str, Option<f64>); 8] {
        [
            ("emotion", self.emotion),
            ("expected_emotion", self.expected_emotion),
            ("effort", self.effort),
            ("importance", self.importance),
            ("satisfaction", self.satisfaction),
            ("duration", self.duration),
            ("volume", self.volume),
            ("drop_off", self.drop_off),
        ]
    }
}

/// Per-persona overrides of a touchpoint's measures: persona id → [`Measures`], plus the keys
/// starting with `x-`, which are tool data and never persona ids.
///
/// It dereferences to the map by persona id, so `get`, `keys`, `iter` and `insert` work as on a
/// `BTreeMap`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PersonaMeasures {
    /// Overrides by persona id, sorted by id.
    pub by_persona: std::collections::BTreeMap<Id, Measures>,
    /// `x-` prefixed keys, kept as is, in the order they were given.
    pub x: XFields,
}

impl PersonaMeasures {
    /// Whether there is neither an override nor an `x-` key.
    pub fn is_empty(&self) -> bool {
        self.by_persona.is_empty() && self.x.is_empty()
    }
}

impl std::ops::Deref for PersonaMeasures {
    type Target = std::collections::BTreeMap<Id, Measures>;

    fn deref(&self) -> &Self::Target {
        &self.by_persona
    }
}

impl std::ops::DerefMut for PersonaMeasures {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.by_persona
    }
}

impl<'a> IntoIterator for &'a PersonaMeasures {
    type Item = (&'a Id, &'a Measures);
    type IntoIter = std::collections::btree_map::Iter<'a, Id, Measures>;

    fn into_iter(self) -> Self::IntoIter {
        self.by_persona.iter()
    }
}

impl From<std::collections::BTreeMap<Id, Measures>> for PersonaMeasures {
    fn from(by_persona: std::collections::BTreeMap<Id, Measures>) -> Self {
        Self {
            by_persona,
            x: XFields::new(),
        }
    }
}

impl FromIterator<(Id, Measures)> for PersonaMeasures {
    fn from_iter<I: IntoIterator<Item = (Id, Measures)>>(iter: I) -> Self {
        Self::from(
            iter.into_iter()
                .collect::<std::collections::BTreeMap<_, _>>(),
        )
    }
}

impl Serialize for PersonaMeasures {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.by_persona.len() + self.x.len()))?;
        for (persona, measures) in &self.by_persona {
            map.serialize_entry(persona, measures)?;
        }
        for (key, value) in &self.x {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for PersonaMeasures {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> serde::de::Visitor<'de> for Keys {
            type Value = PersonaMeasures;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object mapping persona ids to measures")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut access: A,
            ) -> Result<Self::Value, A::Error> {
                let mut out = PersonaMeasures::default();
                while let Some(key) = access.next_key::<String>()? {
                    if key.starts_with("x-") {
                        let value: Value = access.next_value()?;
                        out.x.insert(key, value);
                    } else {
                        let measures: Measures = access.next_value()?;
                        out.by_persona.insert(key, measures);
                    }
                }
                Ok(out)
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

impl JsonSchema for PersonaMeasures {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PersonaMeasures".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let measures = generator.subschema_for::<Measures>();
        schemars::json_schema!({
            "type": "object",
            "additionalProperties": measures,
            "patternProperties": { "^x-": true }
        })
    }
}

/// Where a figure comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceSource {
    /// Estimated in a workshop.
    Workshop,
    /// Measured by a survey.
    Survey,
    /// Measured from behavioural data (web analytics, CRM events).
    Analytics,
    /// Heard in customer interviews.
    Interview,
    /// Seen in field observation.
    Observation,
    /// A working assumption, not yet checked.
    Assumption,
}

/// How well-founded a touchpoint's measures are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Evidence {
    /// Where the figures come from.
    pub source: EvidenceSource,
    /// Number of customers measured.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "serde_support::option_u64"
    )]
    #[schemars(range(min = 0, max = serde_support::MAX_SAFE_INTEGER))]
    pub n: Option<u64>,
    /// Date of the measure, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Free note (survey name, dashboard, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// How strongly a pain hurts or a gain delights.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum NoteSeverity {
    /// Barely noticed (an irritant).
    Low,
    /// Noticed.
    Medium,
    /// Strongly felt.
    High,
    /// Can end the relationship (pain) or win it (gain).
    Critical,
}

impl NoteSeverity {
    /// Weight of the severity: low 0.25, medium 0.5, high 0.75, critical 1.
    pub fn weight(self) -> f64 {
        match self {
            NoteSeverity::Low => 0.25,
            NoteSeverity::Medium => 0.5,
            NoteSeverity::High => 0.75,
            NoteSeverity::Critical => 1.0,
        }
    }
}

/// A pain (irritant) or a gain (enchanter) felt at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Note {
    /// Identifier, for opportunities that address it. Unique among pains and gains of the map.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Option<Id>,
    /// What the customer feels, in their words.
    pub text: String,
    /// How strongly; default `medium`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<NoteSeverity>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Note {
    /// The declared severity, or `medium`.
    pub fn severity(&self) -> NoteSeverity {
        self.severity.unwrap_or(NoteSeverity::Medium)
    }
}

/// Kind of moment of truth.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MomentOfTruthKind {
    /// Zero moment of truth: online research before purchase (Google, 2011).
    Zero,
    /// First moment of truth: at the shelf, the choice (P&G, 2005).
    First,
    /// Second moment of truth: at use (P&G, 2005).
    Second,
    /// Any brief contact where the customer forms an impression (Carlzon, 1987).
    Contact,
}

/// Indicator a survey asks for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum SurveyMetric {
    /// Customer Effort Score.
    Ces,
    /// Customer satisfaction.
    Csat,
    /// Net Promoter Score.
    Nps,
    /// Another question.
    Custom,
}

/// How often a survey is sent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    /// After every interaction at this touchpoint.
    EveryInteraction,
    /// Once per customer.
    Once,
    /// At most once a month per customer.
    Monthly,
    /// At most once a quarter per customer.
    Quarterly,
    /// At most once a year per customer.
    Yearly,
}

/// How the voice of the customer is collected at a touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct SurveyPlan {
    /// Which indicator.
    pub metric: SurveyMetric,
    /// The question asked, for `custom` or to record the wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    /// How often.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recurrence: Option<Recurrence>,
    /// Share of customers asked, 0..1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub sample_rate: Option<f64>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// A step at the crossing of a stage and a channel: the unit that is scored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Touchpoint {
    /// Identifier, referenced by transitions, entries and opportunities. Shares one namespace with
    /// outcome ids.
    #[schemars(extend("pattern" = r"^\S+$", "maxLength" = 256))]
    pub id: Id,
    /// Display name, e.g. "Reads the product page".
    pub name: String,
    /// Stage id.
    pub stage: Id,
    /// Channel id.
    pub channel: Id,
    /// What happens here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the customer does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_action: Option<String>,
    /// Persona ids this touchpoint applies to; empty or absent means every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// Frontstage (seen by the customer, default) or backstage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Internal team responsible for the touchpoint. A change of owner between consecutive
    /// touchpoints is a hand-off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Measures for every persona.
    #[serde(default, skip_serializing_if = "is_default_measures")]
    pub measures: Measures,
    /// Per-persona overrides of `measures`, keyed by persona id; unset fields fall back to
    /// `measures`. Keys starting with `x-` are tool data, not persona ids.
    #[serde(default, skip_serializing_if = "PersonaMeasures::is_empty")]
    pub persona_measures: PersonaMeasures,
    /// How well-founded the measures are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    /// Irritants felt here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pains: Vec<Note>,
    /// Enchanters felt here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub gains: Vec<Note>,
    /// Declared moment of truth: the relationship can tip here.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moment_of_truth: bool,
    /// Kind of moment of truth, when declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moment_of_truth_kind: Option<MomentOfTruthKind>,
    /// Voice-of-the-customer plan at this touchpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey: Option<SurveyPlan>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

fn is_default_measures(m: &Measures) -> bool {
    m == &Measures::default()
}

impl Touchpoint {
    /// Whether the touchpoint applies to `persona` (an empty persona list applies to all).
    pub fn applies_to(&self, persona: &str) -> bool {
        self.personas.is_empty() || self.personas.iter().any(|p| p == persona)
    }

    /// The measures in force for `persona`: its overrides, falling back to `measures`.
    pub fn measures_for(&self, persona: &str) -> Measures {
        match self.persona_measures.get(persona) {
            Some(over) => over.or(&self.measures),
            None => self.measures.clone(),
        }
    }

    /// The `drop_off` in force for `persona` (its override, else the base measure), without
    /// building the merged measures.
    pub fn drop_off_for(&self, persona: &str) -> Option<f64> {
        self.persona_measures
            .get(persona)
            .and_then(|m| m.drop_off)
            .or(self.measures.drop_off)
    }

    /// The declared visibility, or frontstage.
    pub fn visibility(&self) -> Visibility {
        self.visibility.unwrap_or_default()
    }
}

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

impl JourneyMap {
    /// An empty map with the current format version.
    pub fn new(id: impl Into<Id>, title: impl Into<String>) -> Self {
        Self {
            format_version: FORMAT_VERSION.to_owned(),
            id: id.into(),
            title: title.into(),
            description: None,
            state: None,
            view: None,
            locale: None,
            metadata: Metadata::default(),
            scales: Scales::default(),
            personas: Vec::new(),
            channels: Vec::new(),
            stages: Vec::new(),
            touchpoints: Vec::new(),
            transitions: Vec::new(),
            entries: Vec::new(),
            outcomes: Vec::new(),
            opportunities: Vec::new(),
            extensions: Map::new(),
            x: XFields::new(),
        }
    }

    /// The declared state, or `as_is`.
    pub fn state(&self) -> MapState {
        self.state.unwrap_or_default()
    }

    /// The declared view, or `customer`.
    pub fn view(&self) -> MapView {
        self.view.unwrap_or_default()
    }

    /// Id lookups over this map. Where ids are duplicated the first object wins (the validator
    /// reports duplicates).
    pub fn index(&self) -> MapIndex<'_> {
        MapIndex::new(self)
    }

    /// The journey graph of one persona: its touchpoints and every outcome as nodes, the
    /// transitions that apply to it as edges. `None` when the persona id is unknown.
    pub fn persona_graph(&self, persona: &str) -> Option<PersonaGraph> {
        PersonaGraph::build(self, persona)
    }

    /// [`JourneyMap::persona_graph`] with id lookups already built (when building many graphs).
    pub fn persona_graph_with(&self, index: &MapIndex<'_>, persona: &str) -> Option<PersonaGraph> {
        PersonaGraph::build_with(self, index, persona)
    }

    /// Stages in journey order: by `order`, then by array position.
    pub fn stages_in_order(&self) -> Vec<&Stage> {
        let mut stages: Vec<(usize, &Stage)> = self.stages.iter().enumerate().collect();
        stages.sort_by_key(|(i, s)| (s.order.unwrap_or(i64::MAX), *i));
        stages.into_iter().map(|(_, s)| s).collect()
    }
}
