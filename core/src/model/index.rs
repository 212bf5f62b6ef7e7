//! Id lookups over a map.

use std::borrow::Cow;
use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};

use super::graph::GraphEnds;
use super::{Channel, JourneyMap, Outcome, Persona, Stage, Touchpoint};

/// Id → object lookups for one map, built once. Where an id is duplicated the first object wins.
#[derive(Debug, Clone)]
pub struct MapIndex<'a> {
    map: &'a JourneyMap,
    personas: HashMap<&'a str, usize>,
    channels: HashMap<&'a str, usize>,
    stages: HashMap<&'a str, usize>,
    touchpoints: HashMap<&'a str, usize>,
    outcomes: HashMap<&'a str, usize>,
    /// What the transitions and entries name, for the persona graphs (made on first use).
    graph_ends: OnceLock<GraphEnds>,
}

fn positions<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> HashMap<&'a str, usize> {
    let mut out = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        out.entry(id(item)).or_insert(i);
    }
    out
}

impl<'a> MapIndex<'a> {
    /// Builds the lookups.
    pub fn new(map: &'a JourneyMap) -> Self {
        Self {
            map,
            personas: positions(&map.personas, |p| p.id.as_str()),
            channels: positions(&map.channels, |c| c.id.as_str()),
            stages: positions(&map.stages, |s| s.id.as_str()),
            touchpoints: positions(&map.touchpoints, |t| t.id.as_str()),
            outcomes: positions(&map.outcomes, |o| o.id.as_str()),
            graph_ends: OnceLock::new(),
        }
    }

    /// The persona with this id.
    pub fn persona(&self, id: &str) -> Option<&'a Persona> {
        self.personas.get(id).map(|&i| &self.map.personas[i])
    }

    /// The channel with this id.
    pub fn channel(&self, id: &str) -> Option<&'a Channel> {
        self.channels.get(id).map(|&i| &self.map.channels[i])
    }

    /// The stage with this id.
    pub fn stage(&self, id: &str) -> Option<&'a Stage> {
        self.stages.get(id).map(|&i| &self.map.stages[i])
    }

    /// The touchpoint with this id.
    pub fn touchpoint(&self, id: &str) -> Option<&'a Touchpoint> {
        self.touchpoints.get(id).map(|&i| &self.map.touchpoints[i])
    }

    /// Array position of the touchpoint with this id.
    pub fn touchpoint_position(&self, id: &str) -> Option<usize> {
        self.touchpoints.get(id).copied()
    }

    /// The outcome with this id.
    pub fn outcome(&self, id: &str) -> Option<&'a Outcome> {
        self.outcomes.get(id).map(|&i| &self.map.outcomes[i])
    }

    /// Array position of the outcome with this id.
    pub fn outcome_position(&self, id: &str) -> Option<usize> {
        self.outcomes.get(id).copied()
    }

    /// What the transitions and entries of `map` name, for its persona graphs: looked up once
    /// per index when `map` is this index's map, else now.
    pub(crate) fn graph_ends(&self, map: &JourneyMap) -> Cow<'_, GraphEnds> {
        if std::ptr::eq(self.map, map) {
            Cow::Borrowed(
                self.graph_ends
                    .get_or_init(|| GraphEnds::new(self.map, self)),
            )
        } else {
            Cow::Owned(GraphEnds::new(map, self))
        }
    }
}
