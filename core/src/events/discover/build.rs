//! The observed map, part by part: its frame (id, title, description, scales, the one stage),
//! personas, channels, touchpoints, outcomes, transitions and entries.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Map;

use super::flows::{ALL, Flows, Node, pool_metrics};
use super::names::{channel_kind, slug};
use super::{DiscoverOptions, ENDED, OutcomeCount};
use crate::events::aggregate::{Aggregate, Histogram};
use crate::events::figures::{evidence, measures_from, scales_of};
use crate::events::{NONE, timestamps};
use crate::model::{
    Channel, Entry, JourneyMap, Metadata, Outcome, OutcomeKind, Persona, Stage, Touchpoint,
    Transition, XFields,
};

/// The observed map of the flows of `agg`, and the cases per outcome.
pub(super) fn observed_map(
    agg: &Aggregate,
    options: &DiscoverOptions,
    f: &Flows,
) -> (JourneyMap, Vec<OutcomeCount>) {
    let mut b = Builder {
        agg,
        options,
        f,
        map: frame(agg, options),
        persona_ids: BTreeMap::new(),
        channel_ids: BTreeMap::new(),
    };
    b.add_personas();
    let nodes: BTreeSet<Node> = f.position.keys().copied().collect();
    b.add_channels(&nodes);
    let order = b.touchpoint_order(nodes);
    // Outcome ids are reserved first so that touchpoints never take them.
    let mut used = BTreeSet::new();
    let outcome_names: Vec<(String, OutcomeKind)> = options
        .success
        .iter()
        .map(|a| (a.clone(), OutcomeKind::Success))
        .chain(
            options
                .failure
                .iter()
                .map(|a| (a.clone(), OutcomeKind::Failure)),
        )
        .collect();
    let mut outcome_ids: Vec<String> = outcome_names
        .iter()
        .map(|(a, _)| slug(a, &mut used))
        .collect();
    let ended_id = slug(ENDED, &mut used);
    let node_ids = b.add_touchpoints(&order, &mut used);
    let outcomes = b.add_outcomes(&outcome_names, &outcome_ids, &ended_id);
    outcome_ids.push(ended_id);
    b.add_moves(&order, &node_ids, &outcome_ids);
    b.add_entries(&order, &node_ids);
    (b.map, outcomes)
}

/// The map before its personas, channels and graph: id, title, description, tags, scales and the
/// one stage.
fn frame(agg: &Aggregate, options: &DiscoverOptions) -> JourneyMap {
    let mut map = JourneyMap::new(
        options.id.clone().unwrap_or_else(|| "observed".to_owned()),
        options
            .title
            .clone()
            .unwrap_or_else(|| "Observed journeys".to_owned()),
    );
    let range = agg
        .time_range
        .map(|(a, b)| {
            format!(
                ", {} to {}",
                timestamps::format_date(a),
                timestamps::format_date(b)
            )
        })
        .unwrap_or_default();
    map.description = Some(format!(
        "Discovered from an event log: {} cases, {} events{range}.",
        agg.cases(),
        agg.events
    ));
    map.metadata = Metadata {
        tags: vec!["observed".to_owned()],
        ..Metadata::default()
    };
    map.scales = scales_of(agg);
    map.stages.push(Stage {
        id: "observed".to_owned(),
        name: "Observed journey".to_owned(),
        order: Some(1),
        description: None,
        customer_goal: None,
        business_goal: None,
        kpis: Vec::new(),
        x: XFields::new(),
    });
    map
}

/// The map under construction, with the ids given so far.
struct Builder<'a> {
    agg: &'a Aggregate,
    options: &'a DiscoverOptions,
    f: &'a Flows,
    map: JourneyMap,
    /// Persona of the log (or NONE) → persona id.
    persona_ids: BTreeMap<u32, String>,
    /// Channel of the log (or NONE) → channel id.
    channel_ids: BTreeMap<u32, String>,
}

impl Builder<'_> {
    /// One persona per persona value of the log (by name), each with its share of the cases;
    /// `customers` for a log without a persona column.
    fn add_personas(&mut self) {
        let (agg, f) = (self.agg, self.f);
        let total: u64 = f.personas.values().sum();
        if !agg.spec.personas {
            self.persona_ids.insert(NONE, "customers".to_owned());
            self.map.personas.push(persona(
                "customers".to_owned(),
                "All customers".to_owned(),
                total,
                total,
            ));
            return;
        }
        let mut used = BTreeSet::new();
        let mut named: Vec<(String, u32)> = f
            .personas
            .keys()
            .map(|&p| {
                let name = if p == NONE {
                    "unassigned".to_owned()
                } else {
                    agg.personas[p as usize].clone()
                };
                (name, p)
            })
            .collect();
        named.sort();
        for (name, p) in named {
            let id = slug(&name, &mut used);
            self.persona_ids.insert(p, id.clone());
            self.map
                .personas
                .push(persona(id, name, f.personas[&p], total));
        }
    }

    /// Whether the map has one persona (or none): then nothing names personas.
    fn single(&self) -> bool {
        self.map.personas.len() <= 1
    }

    /// The `personas` of a move or entry of persona `p`.
    fn personas_of(&self, p: u32) -> Vec<String> {
        if self.single() {
            Vec::new()
        } else {
            self.persona_ids.get(&p).cloned().into_iter().collect()
        }
    }

    /// One channel per channel of the nodes (by name; `any` without touchpoints per channel).
    fn add_channels(&mut self, nodes: &BTreeSet<Node>) {
        let by_channel = self.options.by_channel;
        let mut used = BTreeSet::new();
        let mut named: Vec<(String, u32)> = nodes
            .iter()
            .map(|&(_, c)| c)
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .map(|c| {
                let name = if c == NONE {
                    if by_channel { "unspecified" } else { "any" }.to_owned()
                } else {
                    self.agg.channels[c as usize].clone()
                };
                (name, c)
            })
            .collect();
        named.sort();
        for (name, c) in named {
            let id = slug(&name, &mut used);
            self.channel_ids.insert(c, id.clone());
            self.map.channels.push(Channel {
                id,
                name: if c == NONE && !by_channel {
                    "Any channel".to_owned()
                } else {
                    name.clone()
                },
                kind: channel_kind(&name),
                mode: None,
                x: XFields::new(),
            });
        }
    }

    /// The activity and channel names of a node (the channel empty without one).
    fn names(&self, n: &Node) -> (String, String) {
        let c = if n.1 == NONE {
            String::new()
        } else {
            self.agg.channels[n.1 as usize].clone()
        };
        (self.agg.activities[n.0 as usize].clone(), c)
    }

    /// The nodes ordered by mean first position in the cases, then by name.
    fn touchpoint_order(&self, nodes: BTreeSet<Node>) -> Vec<Node> {
        let position = &self.f.position;
        let mut order: Vec<Node> = nodes.into_iter().collect();
        order.sort_by(|a, b| {
            let (pa, pb) = (position[a], position[b]);
            (pa.0 * pb.1)
                .cmp(&(pb.0 * pa.1))
                .then_with(|| self.names(a).cmp(&self.names(b)))
        });
        order
    }

    /// One touchpoint per node, in `order`, with ids unique among `used`; their ids by node.
    fn add_touchpoints(
        &mut self,
        order: &[Node],
        used: &mut BTreeSet<String>,
    ) -> BTreeMap<Node, String> {
        let pooled = pool_metrics(self.agg, self.options.by_channel);
        let visits_all: BTreeMap<Node, u64> =
            self.f
                .visits
                .iter()
                .fold(BTreeMap::new(), |mut acc, (&(_, n), &k)| {
                    *acc.entry(n).or_default() += k;
                    acc
                });
        let mut node_ids: BTreeMap<Node, String> = BTreeMap::new();
        for n in order {
            let (activity, channel) = self.names(n);
            let label = if !self.options.by_channel {
                activity
            } else if n.1 == NONE {
                format!("{activity}@unspecified")
            } else {
                format!("{activity}@{channel}")
            };
            let id = slug(&label, used);
            node_ids.insert(*n, id.clone());
            let visits = visits_all.get(n).copied().unwrap_or(0);
            let tp = self.touchpoint(n, id, &pooled, visits);
            self.map.touchpoints.push(tp);
        }
        node_ids
    }

    /// The touchpoint of a node: names, the personas that reach it, measures (pooled and per
    /// persona) and evidence.
    fn touchpoint(
        &self,
        n: &Node,
        id: String,
        pooled: &BTreeMap<(u32, Node), BTreeMap<u8, Histogram>>,
        visits: u64,
    ) -> Touchpoint {
        let agg = self.agg;
        let (activity, channel) = self.names(n);
        let visitors: Vec<String> = self
            .f
            .visits
            .keys()
            .filter(|(_, m)| m == n)
            .filter_map(|(p, _)| self.persona_ids.get(p).cloned())
            .collect();
        let name = if self.options.by_channel {
            format!(
                "{activity} ({})",
                if n.1 == NONE { "unspecified" } else { &channel }
            )
        } else {
            activity
        };
        let channel = self.channel_ids.get(&n.1).cloned().unwrap_or_default();
        let mut tp = crate::io::objects::touchpoint(id, name, "observed".to_owned(), channel);
        if !self.single() && visitors.len() != self.map.personas.len() {
            tp.personas = visitors;
        }
        tp.measures = pooled
            .get(&(ALL, *n))
            .map(|h| measures_from(agg, h))
            .unwrap_or_default();
        tp.evidence = Some(evidence(
            agg,
            visits,
            "cases that reached this step in the event log",
        ));
        if !self.single() {
            for (p, pid) in &self.persona_ids {
                if let Some(h) = pooled.get(&(*p, *n)) {
                    tp.persona_measures
                        .insert(pid.clone(), measures_from(agg, h));
                }
            }
        }
        tp
    }

    /// The outcomes named in the options, then `ended_without_outcome` when a case ended without
    /// one; the cases of each.
    fn add_outcomes(
        &mut self,
        names: &[(String, OutcomeKind)],
        ids: &[String],
        ended_id: &str,
    ) -> Vec<OutcomeCount> {
        let mut outcomes = Vec::new();
        for (i, (activity, kind)) in names.iter().enumerate() {
            let cases = self.f.outcomes.get(&(i as u32)).copied().unwrap_or(0);
            self.map
                .outcomes
                .push(outcome(ids[i].clone(), activity.clone(), *kind));
            outcomes.push(OutcomeCount {
                outcome: ids[i].clone(),
                kind: *kind,
                cases,
            });
        }
        let ended_cases = self.f.outcomes.get(&NONE).copied().unwrap_or(0);
        if ended_cases > 0 {
            self.map.outcomes.push(outcome(
                ended_id.to_owned(),
                "Ended without outcome".to_owned(),
                OutcomeKind::Failure,
            ));
            outcomes.push(OutcomeCount {
                outcome: ended_id.to_owned(),
                kind: OutcomeKind::Failure,
                cases: ended_cases,
            });
        }
        outcomes
    }

    /// The observed moves and ends as transitions with their counts, by persona, then
    /// touchpoint order (`outcome_ids` ends with the id of the cases that ended without one).
    fn add_moves(
        &mut self,
        order: &[Node],
        node_ids: &BTreeMap<Node, String>,
        outcome_ids: &[String],
    ) {
        let target = |o: u32| -> String {
            if o == NONE {
                outcome_ids[outcome_ids.len() - 1].clone()
            } else {
                outcome_ids[o as usize].clone()
            }
        };
        let rank: BTreeMap<Node, usize> = order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let mut moves: Vec<(u32, usize, usize, String, u64)> = Vec::new();
        for (&(p, a, b), &k) in &self.f.moves {
            moves.push((p, rank[&a], rank[&b], node_ids[&b].clone(), k));
        }
        for (&(p, a, o), &k) in &self.f.ends {
            moves.push((p, rank[&a], usize::MAX, target(o), k));
        }
        let ids = &self.persona_ids;
        moves.sort_by(|x, y| (ids.get(&x.0), x.1, x.2, &x.3).cmp(&(ids.get(&y.0), y.1, y.2, &y.3)));
        for (p, a, _, to, k) in moves {
            let personas = self.personas_of(p);
            self.map.transitions.push(Transition {
                from: node_ids[&order[a]].clone(),
                to,
                personas,
                probability: None,
                count: Some(k as f64),
                label: None,
                x: XFields::new(),
            });
        }
    }

    /// The observed starts as entries with their counts, by persona, then touchpoint order.
    fn add_entries(&mut self, order: &[Node], node_ids: &BTreeMap<Node, String>) {
        let rank: BTreeMap<Node, usize> = order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
        let mut entries: Vec<(u32, usize, u64)> = self
            .f
            .entries
            .iter()
            .map(|(&(p, n), &k)| (p, rank[&n], k))
            .collect();
        let ids = &self.persona_ids;
        entries.sort_by(|x, y| (ids.get(&x.0), x.1).cmp(&(ids.get(&y.0), y.1)));
        for (p, n, k) in entries {
            let personas = self.personas_of(p);
            self.map.entries.push(Entry {
                touchpoint: node_ids[&order[n]].clone(),
                personas,
                probability: None,
                count: Some(k as f64),
                x: XFields::new(),
            });
        }
    }
}

fn persona(id: String, name: String, cases: u64, total: u64) -> Persona {
    Persona {
        id,
        name,
        description: None,
        share: Some(if total > 0 {
            cases as f64 / total as f64
        } else {
            0.0
        }),
        goals: Vec::new(),
        motivations: Vec::new(),
        frustrations: Vec::new(),
        preferred_channels: Vec::new(),
        attributes: Map::new(),
        x: XFields::new(),
    }
}

fn outcome(id: String, name: String, kind: OutcomeKind) -> Outcome {
    Outcome {
        id,
        name,
        kind,
        description: None,
        value: None,
        x: XFields::new(),
    }
}
