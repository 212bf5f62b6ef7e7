//! Improvement opportunities linked to touchpoints and pains, and the effects they are expected
//! to have on the map (what the map would be once the opportunity is delivered).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Measures, XFields, schema_support, serde_support};

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
    /// What the map would be once it is delivered: new measure values, changed, added or
    /// removed moves, removed touchpoints. Scoring re-scores the map with them applied to
    /// predict the opportunity's impact.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effects: Option<Effects>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Opportunity {
    /// Whether it declares at least one effect.
    pub fn has_effects(&self) -> bool {
        self.effects.as_ref().is_some_and(|e| !e.is_empty())
    }
}

/// The expected effects of an opportunity on the map. Applied together (with those of other
/// opportunities) kind by kind: removed moves, then changed or added moves, then removed
/// touchpoints, then new measure values.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct Effects {
    /// New values of touchpoint measures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureEffect>,
    /// Moves changed (the transition with the same `from`, `to` and personas gets these
    /// weights; duplicates of it are dropped) or added (when the map has no such transition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub transitions: Vec<TransitionEffect>,
    /// Moves removed: the transitions with this `from`, `to` and personas.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_transitions: Vec<RemovedTransition>,
    /// Touchpoints removed, the moves and entries into each sent to another touchpoint.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub removed_touchpoints: Vec<RemovedTouchpoint>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl Effects {
    /// Whether no effect is declared (`x-` keys aside).
    pub fn is_empty(&self) -> bool {
        self.measures.is_empty()
            && self.transitions.is_empty()
            && self.removed_transitions.is_empty()
            && self.removed_touchpoints.is_empty()
    }

    /// Whether the effects change the journey graph of `persona`: its moves, entries or
    /// drop-off rates (so that its Markov chain must be solved again), as opposed to measures
    /// read along the journey.
    pub fn changes_chain_of(&self, persona: &str) -> bool {
        !self.removed_touchpoints.is_empty()
            || self
                .transitions
                .iter()
                .any(|t| applies(&t.personas, persona))
            || self
                .removed_transitions
                .iter()
                .any(|t| applies(&t.personas, persona))
            || self
                .measures
                .iter()
                .any(|m| m.measures.drop_off.is_some() && applies(&m.personas, persona))
    }

    /// Whether the effects change the journey graph of some persona (see
    /// [`Effects::changes_chain_of`]).
    pub fn changes_chains(&self) -> bool {
        !self.removed_touchpoints.is_empty()
            || !self.transitions.is_empty()
            || !self.removed_transitions.is_empty()
            || self.measures.iter().any(|m| m.measures.drop_off.is_some())
    }

    /// The touchpoint ids the effects act on: the touchpoint of a measure effect, the `from` of
    /// a changed, added or removed move, a removed touchpoint. In declaration order, with
    /// repeats.
    pub fn touchpoints(&self) -> impl Iterator<Item = &str> {
        self.measures
            .iter()
            .map(|m| m.touchpoint.as_str())
            .chain(self.transitions.iter().map(|t| t.from.as_str()))
            .chain(self.removed_transitions.iter().map(|t| t.from.as_str()))
            .chain(
                self.removed_touchpoints
                    .iter()
                    .map(|r| r.touchpoint.as_str()),
            )
    }
}

/// Whether a persona list (empty = every persona) includes `persona`.
fn applies(personas: &[Id], persona: &str) -> bool {
    personas.is_empty() || personas.iter().any(|p| p == persona)
}

/// New values of a touchpoint's measures, for every persona or for some.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct MeasureEffect {
    /// Touchpoint id.
    pub touchpoint: Id,
    /// Persona ids the new values are for (written to `persona_measures`); empty or absent
    /// means every persona: the values are written to `measures` and the same fields of every
    /// persona override are dropped, so that the new value holds for everyone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// The new values, on the map's scales; fields left out keep their value.
    pub measures: Measures,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

impl MeasureEffect {
    /// Whether the effect is for every persona.
    pub fn for_everyone(&self) -> bool {
        self.personas.is_empty()
    }
}

/// A move changed or added: after the change, the transition from `from` to `to` for these
/// personas has these weights.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct TransitionEffect {
    /// Touchpoint id the customer leaves.
    pub from: Id,
    /// Touchpoint or outcome id the customer reaches.
    pub to: Id,
    /// Persona ids of the transition (matched as a set); empty or absent means the transition
    /// for every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// New probability of the move, 0..1 (replaces the transition's `probability` and `count`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub probability: Option<f64>,
    /// New number of observed moves (>= 0), when no probability is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0.0))]
    #[serde(serialize_with = "serde_support::optional_number")]
    pub count: Option<f64>,
    /// New label; the transition keeps its own when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// A move removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct RemovedTransition {
    /// Touchpoint id the customer leaves.
    pub from: Id,
    /// Touchpoint or outcome id the customer reaches.
    pub to: Id,
    /// Persona ids of the transition (matched as a set); empty or absent means the transition
    /// for every persona.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub personas: Vec<Id>,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}

/// A touchpoint removed from the journey: its moves out are dropped, and the moves and entries
/// into it go to `redirect_to` instead.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[schemars(transform = schema_support::x_fields)]
pub struct RemovedTouchpoint {
    /// Touchpoint id removed.
    pub touchpoint: Id,
    /// Touchpoint id that the moves and entries into the removed touchpoint go to.
    pub redirect_to: Id,
    /// `x-` prefixed keys, kept as is.
    #[serde(flatten)]
    #[schemars(skip)]
    pub x: XFields,
}
