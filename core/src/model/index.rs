//! Id lookups over a map, and what its transitions and entries name (for the persona graphs).

use std::borrow::Cow;
use std::sync::OnceLock;

use foldhash::{HashMap, HashMapExt};

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

/// What an id of a transition names, looked up once per map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum End {
    /// The touchpoint at this position (the first with the id).
    Touchpoint(usize),
    /// The outcome at this position (the first with the id; no touchpoint has it).
    Outcome(usize),
    /// Neither.
    Missing,
}

/// The id lookups every persona's graph needs, made once per map: which touchpoints and
/// outcomes may become nodes, and what each transition and entry names.
#[derive(Debug, Clone)]
pub(crate) struct GraphEnds {
    /// Whether each touchpoint is the first with its id.
    pub(super) first_touchpoints: Vec<bool>,
    /// Whether each outcome becomes a node: the first with its id, which no touchpoint has.
    pub(super) outcomes: Vec<bool>,
    /// The touchpoint each transition leaves and what it reaches.
    transitions: Vec<(Option<usize>, End)>,
    /// The touchpoint of each entry.
    entries: Vec<Option<usize>>,
}

impl GraphEnds {
    pub(crate) fn new(map: &JourneyMap, index: &MapIndex<'_>) -> Self {
        let end = |id: &str| match index.touchpoint_position(id) {
            Some(p) => End::Touchpoint(p),
            None => index
                .outcome_position(id)
                .map_or(End::Missing, End::Outcome),
        };
        Self {
            first_touchpoints: (map.touchpoints.iter().enumerate())
                .map(|(i, tp)| index.touchpoint_position(&tp.id) == Some(i))
                .collect(),
            outcomes: (map.outcomes.iter().enumerate())
                .map(|(i, o)| {
                    index.outcome_position(&o.id) == Some(i) && index.touchpoint(&o.id).is_none()
                })
                .collect(),
            transitions: (map.transitions.iter())
                .map(|t| (index.touchpoint_position(&t.from), end(&t.to)))
                .collect(),
            entries: (map.entries.iter())
                .map(|e| index.touchpoint_position(&e.touchpoint))
                .collect(),
        }
    }

    /// The touchpoint each transition leaves and what it reaches, in array order.
    pub(crate) fn transitions(&self) -> &[(Option<usize>, End)] {
        &self.transitions
    }

    /// The touchpoint of each entry, in array order.
    pub(crate) fn entries(&self) -> &[Option<usize>] {
        &self.entries
    }
}
