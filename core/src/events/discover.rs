//! Discovery: the observed map (format v1) of an aggregate. Each activity is a touchpoint (each
//! activity × channel with `by_channel`); observed moves and starts are transitions and entries
//! with their `count`, per persona when the log has a persona column; personas get their share of
//! cases. Activities named as success or failure outcomes end a case at their first occurrence and
//! become outcomes of that kind; a case that ends without one moves to the outcome
//! `ended_without_outcome` (a failure). The map's chain is then the empirical first-order Markov
//! chain of the log, so scoring it gives the observed conversion and every touchpoint's exact
//! removal effect (docs/scoring.md §14).

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Map;

use super::aggregate::{Aggregate, Histogram};
use super::figures::{evidence, measures_from, scales_of};
use super::{Error, NONE, timestamps};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{
    Channel, ChannelKind, Entry, JourneyMap, Metadata, Outcome, OutcomeKind, Persona, Stage,
    Touchpoint, Transition, XFields,
};

/// Id of the outcome of cases that end without a success or failure activity.
pub const ENDED: &str = "ended_without_outcome";

/// Settings of [`discover`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DiscoverOptions {
    /// Activities that are success outcomes.
    pub success: Vec<String>,
    /// Activities that are failure outcomes.
    pub failure: Vec<String>,
    /// One touchpoint per activity × channel (needs a channel column).
    pub by_channel: bool,
    /// Map id (default `observed`).
    pub id: Option<String>,
    /// Map title (default `Observed journeys`).
    pub title: Option<String>,
}

/// Cases that reached one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeCount {
    /// Outcome id in the map.
    pub outcome: String,
    /// Its kind.
    pub kind: OutcomeKind,
    /// Number of cases.
    pub cases: u64,
}

/// What discovery did besides the map.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DiscoveryReport {
    /// Cases in the log.
    pub cases: u64,
    /// Cases in the map (all but those starting with an outcome).
    pub cases_in_map: u64,
    /// Cases whose first event is an outcome activity (JM321).
    pub cases_starting_at_outcome: u64,
    /// Events after a case's first outcome, left out.
    pub events_after_outcome: u64,
    /// Cases per outcome.
    pub outcomes: Vec<OutcomeCount>,
    /// JM321, JM322.
    pub diagnostics: Vec<Diagnostic>,
}

/// A discovered map and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovery {
    /// The observed map.
    pub map: JourneyMap,
    /// Counts and diagnostics.
    pub report: DiscoveryReport,
}

/// A valid id from a name: white space becomes `_`, at most 200 characters, unique among `used`
/// (a `~2`, `~3`, ... suffix otherwise).
pub(crate) fn slug(name: &str, used: &mut BTreeSet<String>) -> String {
    let mut base: String = name
        .trim()
        .chars()
        .map(|c| if c.is_whitespace() { '_' } else { c })
        .take(200)
        .collect();
    if base.is_empty() {
        base = "_".to_owned();
    }
    let mut id = base.clone();
    let mut k = 2;
    while used.contains(&id) {
        id = format!("{base}~{k}");
        k += 1;
    }
    used.insert(id.clone());
    id
}

/// A channel kind guessed from its name.
pub(crate) fn channel_kind(name: &str) -> ChannelKind {
    let n = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&[
        "email", "e-mail", "web", "site", "app", "mobile", "online", "chat", "sms", "social",
        "push", "digital", "portal",
    ]) {
        ChannelKind::Digital
    } else if has(&[
        "phone",
        "call",
        "agent",
        "advisor",
        "adviser",
        "rep",
        "human",
        "face",
        "visit",
        "installer",
    ]) {
        ChannelKind::Human
    } else if has(&[
        "store", "shop", "branch", "agency", "kiosk", "atm", "office", "counter",
    ]) {
        ChannelKind::Physical
    } else if has(&["mail", "letter", "post", "print", "leaflet", "paper"]) {
        ChannelKind::Print
    } else {
        ChannelKind::Other
    }
}

/// Node of the map: (activity, channel or NONE).
type Node = (u32, u32);

/// Counts gathered from the variants.
#[derive(Default)]
struct Flows {
    entries: BTreeMap<(u32, Node), u64>,
    moves: BTreeMap<(u32, Node, Node), u64>,
    /// (persona, node, outcome index or NONE for "ended") → cases.
    ends: BTreeMap<(u32, Node, u32), u64>,
    visits: BTreeMap<(u32, Node), u64>,
    /// Node → (sum of first positions × cases, cases), to order touchpoints.
    position: BTreeMap<Node, (u128, u128)>,
    personas: BTreeMap<u32, u64>,
    outcomes: BTreeMap<u32, u64>,
    at_outcome: u64,
    after_outcome: u64,
}

impl Aggregate {
    fn node(&self, step: u32, by_channel: bool) -> Node {
        let (a, c) = self.steps[step as usize];
        (a, if by_channel { c } else { NONE })
    }

    /// The outcome index of every activity (position in `success ++ failure`), NONE if none.
    pub(crate) fn outcome_of(&self, success: &[String], failure: &[String]) -> Vec<u32> {
        self.activities
            .iter()
            .map(|a| {
                success
                    .iter()
                    .chain(failure)
                    .position(|o| o == a)
                    .map_or(NONE, |i| i as u32)
            })
            .collect()
    }

    fn flows(&self, outcome_of: &[u32], by_channel: bool) -> Flows {
        let mut f = Flows::default();
        let mut nodes: Vec<Node> = Vec::new();
        for v in 0..self.variants.len() {
            let (p, k) = (self.variants[v].persona, self.variants[v].cases);
            *f.personas.entry(p).or_default() += k;
            let seq = self.seq(v);
            let cut = seq
                .iter()
                .position(|&s| outcome_of[self.step_activity(s) as usize] != NONE);
            let outcome = cut.map_or(NONE, |j| outcome_of[self.step_activity(seq[j]) as usize]);
            let j = cut.unwrap_or(seq.len());
            f.after_outcome += (seq.len() - j).saturating_sub(1) as u64 * k;
            nodes.clear();
            nodes.extend(seq[..j].iter().map(|&s| self.node(s, by_channel)));
            let (Some(&first), Some(&last)) = (nodes.first(), nodes.last()) else {
                f.at_outcome += k;
                continue;
            };
            *f.outcomes.entry(outcome).or_default() += k;
            *f.entries.entry((p, first)).or_default() += k;
            for w in nodes.windows(2) {
                *f.moves.entry((p, w[0], w[1])).or_default() += k;
            }
            *f.ends.entry((p, last, outcome)).or_default() += k;
            let mut seen: BTreeSet<Node> = BTreeSet::new();
            for (i, &n) in nodes.iter().enumerate() {
                if seen.insert(n) {
                    *f.visits.entry((p, n)).or_default() += k;
                    let e = f.position.entry(n).or_default();
                    e.0 += i as u128 * u128::from(k);
                    e.1 += u128::from(k);
                }
            }
        }
        f
    }
}

/// Checks outcome lists: an activity in both is an error (JM320); one not in the log is a
/// warning (JM322).
pub(crate) fn check_outcomes(
    agg: &Aggregate,
    success: &[String],
    failure: &[String],
) -> Result<Vec<Diagnostic>, Error> {
    if let Some(a) = success.iter().find(|a| failure.contains(a)) {
        return Err(Error::OutcomeConflict(a.clone()));
    }
    Ok(success
        .iter()
        .chain(failure)
        .filter(|a| !agg.activities.contains(a))
        .map(|a| {
            Diagnostic::new(
                codes::OUTCOME_NOT_IN_LOG,
                "",
                format!("outcome activity \"{a}\" does not occur in the event log"),
            )
        })
        .collect())
}

/// Builds the observed map of an aggregate (see the module documentation).
pub fn discover(agg: &Aggregate, options: &DiscoverOptions) -> Result<Discovery, Error> {
    let mut diagnostics = check_outcomes(agg, &options.success, &options.failure)?;
    if options.by_channel && !agg.spec.channels {
        return Err(Error::Options(
            "touchpoints per channel need a channel column".to_owned(),
        ));
    }
    let outcome_of = agg.outcome_of(&options.success, &options.failure);
    let f = agg.flows(&outcome_of, options.by_channel);
    if f.at_outcome > 0 {
        diagnostics.push(Diagnostic::new(
            codes::CASE_STARTS_AT_OUTCOME,
            "",
            format!("{} cases start with an outcome activity and have no touchpoint; they are left out of the map", f.at_outcome),
        ));
    }
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
    // Personas.
    let total: u64 = f.personas.values().sum();
    let mut persona_ids: BTreeMap<u32, String> = BTreeMap::new();
    if agg.spec.personas {
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
            persona_ids.insert(p, id.clone());
            map.personas.push(persona(id, name, f.personas[&p], total));
        }
    } else {
        persona_ids.insert(NONE, "customers".to_owned());
        map.personas.push(persona(
            "customers".to_owned(),
            "All customers".to_owned(),
            total,
            total,
        ));
    }
    let single = map.personas.len() <= 1;
    let personas_of = |p: u32| -> Vec<String> {
        if single {
            Vec::new()
        } else {
            persona_ids.get(&p).cloned().into_iter().collect()
        }
    };
    // Channels and the stage.
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
    let nodes: BTreeSet<Node> = f.position.keys().copied().collect();
    let mut channel_ids: BTreeMap<u32, String> = BTreeMap::new();
    {
        let mut used = BTreeSet::new();
        let mut named: Vec<(String, u32)> = nodes
            .iter()
            .map(|&(_, c)| c)
            .collect::<BTreeSet<u32>>()
            .into_iter()
            .map(|c| {
                let name = if c == NONE {
                    if options.by_channel {
                        "unspecified".to_owned()
                    } else {
                        "any".to_owned()
                    }
                } else {
                    agg.channels[c as usize].clone()
                };
                (name, c)
            })
            .collect();
        named.sort();
        for (name, c) in named {
            let id = slug(&name, &mut used);
            channel_ids.insert(c, id.clone());
            map.channels.push(Channel {
                id,
                name: if c == NONE && !options.by_channel {
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
    // Touchpoints, ordered by mean first position in the cases, then by name.
    let mut used = BTreeSet::new();
    let mut order: Vec<Node> = nodes.into_iter().collect();
    let key = |n: &Node| -> (String, String) {
        let c = if n.1 == NONE {
            String::new()
        } else {
            agg.channels[n.1 as usize].clone()
        };
        (agg.activities[n.0 as usize].clone(), c)
    };
    order.sort_by(|a, b| {
        let (pa, pb) = (f.position[a], f.position[b]);
        (pa.0 * pb.1)
            .cmp(&(pb.0 * pa.1))
            .then_with(|| key(a).cmp(&key(b)))
    });
    // Outcome ids are reserved first so that touchpoints never take them.
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
    let ended_cases = f.outcomes.get(&NONE).copied().unwrap_or(0);
    let ended_id = slug(ENDED, &mut used);
    let mut node_ids: BTreeMap<Node, String> = BTreeMap::new();
    let pooled = pool_metrics(agg, options.by_channel);
    let visits_all: BTreeMap<Node, u64> =
        f.visits
            .iter()
            .fold(BTreeMap::new(), |mut acc, (&(_, n), &k)| {
                *acc.entry(n).or_default() += k;
                acc
            });
    for n in &order {
        let (activity, channel) = key(n);
        let label = if !options.by_channel {
            activity.clone()
        } else if n.1 == NONE {
            format!("{activity}@unspecified")
        } else {
            format!("{activity}@{channel}")
        };
        let id = slug(&label, &mut used);
        node_ids.insert(*n, id.clone());
        let visitors: Vec<String> = f
            .visits
            .keys()
            .filter(|(_, m)| m == n)
            .filter_map(|(p, _)| persona_ids.get(p).cloned())
            .collect();
        let mut tp = Touchpoint {
            id,
            name: if options.by_channel {
                format!(
                    "{activity} ({})",
                    if n.1 == NONE { "unspecified" } else { &channel }
                )
            } else {
                activity
            },
            stage: "observed".to_owned(),
            channel: channel_ids.get(&n.1).cloned().unwrap_or_default(),
            description: None,
            customer_action: None,
            personas: if single || visitors.len() == map.personas.len() {
                Vec::new()
            } else {
                visitors
            },
            visibility: None,
            owner: None,
            measures: pooled
                .get(&(ALL, *n))
                .map(|h| measures_from(agg, h))
                .unwrap_or_default(),
            persona_measures: Default::default(),
            evidence: Some(evidence(
                agg,
                visits_all.get(n).copied().unwrap_or(0),
                "cases that reached this step in the event log",
            )),
            pains: Vec::new(),
            gains: Vec::new(),
            moment_of_truth: false,
            moment_of_truth_kind: None,
            survey: None,
            x: XFields::new(),
        };
        if !single {
            for (p, pid) in &persona_ids {
                if let Some(h) = pooled.get(&(*p, *n)) {
                    tp.persona_measures
                        .insert(pid.clone(), measures_from(agg, h));
                }
            }
        }
        map.touchpoints.push(tp);
    }
    // Outcomes.
    let mut outcomes = Vec::new();
    for (i, (activity, kind)) in outcome_names.iter().enumerate() {
        let cases = f.outcomes.get(&(i as u32)).copied().unwrap_or(0);
        map.outcomes
            .push(outcome(outcome_ids[i].clone(), activity.clone(), *kind));
        outcomes.push(OutcomeCount {
            outcome: outcome_ids[i].clone(),
            kind: *kind,
            cases,
        });
    }
    if ended_cases > 0 {
        map.outcomes.push(outcome(
            ended_id.clone(),
            "Ended without outcome".to_owned(),
            OutcomeKind::Failure,
        ));
        outcomes.push(OutcomeCount {
            outcome: ended_id.clone(),
            kind: OutcomeKind::Failure,
            cases: ended_cases,
        });
    }
    outcome_ids.push(ended_id);
    let target = |o: u32| -> String {
        if o == NONE {
            outcome_ids[outcome_ids.len() - 1].clone()
        } else {
            outcome_ids[o as usize].clone()
        }
    };
    // Transitions and entries, by persona, then touchpoint order.
    let rank: BTreeMap<Node, usize> = order.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let mut moves: Vec<(u32, usize, usize, String, u64)> = Vec::new();
    for (&(p, a, b), &k) in &f.moves {
        moves.push((p, rank[&a], 0, node_ids[&b].clone(), k));
        let last = moves.len() - 1;
        moves[last].2 = rank[&b];
    }
    for (&(p, a, o), &k) in &f.ends {
        moves.push((p, rank[&a], usize::MAX, target(o), k));
    }
    moves.sort_by(|x, y| {
        (persona_ids.get(&x.0), x.1, x.2, &x.3).cmp(&(persona_ids.get(&y.0), y.1, y.2, &y.3))
    });
    for (p, a, _, to, k) in moves {
        map.transitions.push(Transition {
            from: node_ids[&order[a]].clone(),
            to,
            personas: personas_of(p),
            probability: None,
            count: Some(k as f64),
            label: None,
            x: XFields::new(),
        });
    }
    let mut entries: Vec<(u32, usize, u64)> = f
        .entries
        .iter()
        .map(|(&(p, n), &k)| (p, rank[&n], k))
        .collect();
    entries.sort_by(|x, y| (persona_ids.get(&x.0), x.1).cmp(&(persona_ids.get(&y.0), y.1)));
    for (p, n, k) in entries {
        map.entries.push(Entry {
            touchpoint: node_ids[&order[n]].clone(),
            personas: personas_of(p),
            probability: None,
            count: Some(k as f64),
            x: XFields::new(),
        });
    }
    Ok(Discovery {
        map,
        report: DiscoveryReport {
            cases: agg.cases(),
            cases_in_map: total - f.at_outcome,
            cases_starting_at_outcome: f.at_outcome,
            events_after_outcome: f.after_outcome,
            outcomes,
            diagnostics,
        },
    })
}

/// Key of the histograms pooled over every persona.
const ALL: u32 = u32::MAX - 1;

/// Metric histograms pooled per (persona, node) and per ([`ALL`], node).
fn pool_metrics(
    agg: &Aggregate,
    by_channel: bool,
) -> BTreeMap<(u32, Node), BTreeMap<u8, Histogram>> {
    let mut out: BTreeMap<(u32, Node), BTreeMap<u8, Histogram>> = BTreeMap::new();
    for (&(p, s, k), h) in &agg.metrics {
        let n = agg.node(s, by_channel);
        for key in [(p, n), (ALL, n)] {
            let into = out.entry(key).or_default().entry(k).or_default();
            for (&v, &c) in h {
                *into.entry(v).or_default() += c;
            }
        }
    }
    out
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

impl super::EventLog {
    /// The observed map of this log (see [`discover`]).
    pub fn discover(&self, options: &DiscoverOptions) -> Result<Discovery, Error> {
        discover(&self.aggregate(), options)
    }
}
