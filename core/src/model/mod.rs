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

pub mod effects;
mod frame;
mod graph;
mod index;
mod moves;
mod opportunities;
mod scales;
mod schema_support;
mod serde_support;
mod touchpoints;
pub mod weights;

pub use frame::*;
pub use graph::{GraphEdge, GraphNode, Move, PersonaGraph};
pub(crate) use index::End;
pub use index::MapIndex;
pub use moves::*;
pub use opportunities::*;
pub use scales::*;
pub use schema_support::{SCHEMA_ID, json_schema};
pub use touchpoints::*;

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
    /// For a `to_be` map made by applying opportunities' effects to the map named in
    /// `based_on`: the ids of those opportunities, in the order their effects were applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applied_opportunities: Vec<Id>,
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
