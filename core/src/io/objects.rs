//! Objects of a map built from a format that gives only some of their fields (Mermaid, CSV):
//! the rest take their defaults.

use crate::model::{
    Channel, ChannelKind, JourneyMap, Measures, Persona, Stage, Touchpoint, XFields,
};

/// Id of the persona added to a map whose source names none.
pub(crate) const DEFAULT_PERSONA: &str = "customer";
/// Id of the channel of touchpoints whose source gives none.
pub(crate) const UNSPECIFIED_CHANNEL: &str = "unspecified";
/// A persona with only an id and a name.
pub(crate) fn persona(id: &str, name: &str) -> Persona {
    Persona {
        id: id.to_owned(),
        name: name.to_owned(),
        description: None,
        share: None,
        goals: Vec::new(),
        motivations: Vec::new(),
        frustrations: Vec::new(),
        preferred_channels: Vec::new(),
        attributes: serde_json::Map::new(),
        x: XFields::new(),
    }
}

/// Adds the persona `customer` when the map has none, so that its journey can be scored.
pub(crate) fn ensure_persona(map: &mut JourneyMap) {
    if map.personas.is_empty() {
        map.personas.push(persona(DEFAULT_PERSONA, "Customer"));
    }
}

/// The channel `unspecified` (kind `other`).
pub(crate) fn unspecified_channel() -> Channel {
    Channel {
        id: UNSPECIFIED_CHANNEL.to_owned(),
        name: "Unspecified".to_owned(),
        kind: ChannelKind::Other,
        mode: None,
        x: XFields::new(),
    }
}

/// A stage with only an id, a name and an order.
pub(crate) fn stage(id: &str, name: &str, order: Option<i64>) -> Stage {
    Stage {
        id: id.to_owned(),
        name: name.to_owned(),
        order,
        description: None,
        customer_goal: None,
        business_goal: None,
        kpis: Vec::new(),
        x: XFields::new(),
    }
}

/// A touchpoint with only an id, a name, a stage and a channel.
pub(crate) fn touchpoint(id: String, name: String, stage: String, channel: String) -> Touchpoint {
    Touchpoint {
        id,
        name,
        stage,
        channel,
        description: None,
        customer_action: None,
        personas: Vec::new(),
        visibility: None,
        owner: None,
        measures: Measures::default(),
        persona_measures: Default::default(),
        evidence: None,
        pains: Vec::new(),
        gains: Vec::new(),
        moment_of_truth: false,
        moment_of_truth_kind: None,
        survey: None,
        x: XFields::new(),
    }
}
