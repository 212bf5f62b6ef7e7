//! Conformance: planned (the map) versus actual (each case of a log), after CJML (Halvorsrud,
//! Kvale & Følstad 2016) with a token-replay fitness (Rozinat & van der Aalst 2008); the
//! definitions are in docs/scoring.md §15.
//!
//! A case is replayed over the map's graph for its persona (the map persona whose id is the
//! case's persona value, else the first persona by id), cut at its first outcome. Each step that
//! names no touchpoint of that persona is ad hoc. Each move the map does not have is a deviation,
//! of the first kind that applies: a **backtrack** (back to a touchpoint already visited, or to an
//! earlier stage), a **skip** (the target is reachable through other touchpoints, which are then
//! missing), an **unexpected channel switch** (another channel, where the map plans a step of
//! that stage in the same channel), or a **move the map does not have**. Each planned touchpoint
//! of the case is completed, missing (skipped, or on the shortest way to success after the case
//! stopped short of it) or failing (the case ended there without an outcome, or went from it
//! straight to a failure outcome).

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use foldhash::{HashMap, HashSet};
use schemars::JsonSchema;
use serde::Serialize;

use super::aggregate::Aggregate;
use super::calibrate::{UnmappedActivity, unmapped_report};
use super::ingest::EventLog;
use super::mapping::{ActivityMapping, Resolver, Target};
use super::{Error, NONE};
use crate::diagnostics::Diagnostic;
use crate::model::weights::flows;
use crate::model::{JourneyMap, OutcomeKind};

/// Settings of [`conformance`].
#[derive(Debug, Clone, PartialEq)]
pub struct ConformanceOptions {
    /// How many deviating variants to list.
    pub top_variants: usize,
    /// Whether to list every case (for very large logs the summaries may be enough).
    pub include_cases: bool,
}

impl Default for ConformanceOptions {
    fn default() -> Self {
        Self {
            top_variants: 10,
            include_cases: true,
        }
    }
}

/// Kind of a deviation from the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// Back to a touchpoint already visited, or to an earlier stage.
    Backtrack,
    /// Forward past planned touchpoints (they are missing).
    Skip,
    /// To another channel where the map plans the step in the same channel.
    ChannelSwitch,
    /// A move the map does not have.
    UnplannedMove,
}

/// One deviating move of a case.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Deviation {
    /// Position of the step in the case (0-based, ad-hoc steps counted).
    pub position: usize,
    /// Its kind.
    pub kind: DeviationKind,
    /// Touchpoint left (`null` at the start of the case).
    pub from: Option<String>,
    /// Touchpoint or outcome reached.
    pub to: String,
    /// Planned touchpoints passed over (skips).
    pub missing: Vec<String>,
}

/// One case, planned versus actual.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CaseConformance {
    /// Case id.
    pub case: String,
    /// The map persona it was replayed for (`null` for a map without personas).
    pub persona: Option<String>,
    /// Steps replayed (ad-hoc steps and the outcome included).
    pub steps: usize,
    /// Outcome reached (`null` when the case ended without one).
    pub outcome: Option<String>,
    /// Token-replay fitness, 1 - m / (steps + 1), in 0..1.
    pub fitness: f64,
    /// Planned touchpoints completed.
    pub completed: Vec<String>,
    /// Planned touchpoints missing.
    pub missing: Vec<String>,
    /// Planned touchpoints failing.
    pub failing: Vec<String>,
    /// Activities of ad-hoc steps (off the map), in order.
    pub ad_hoc: Vec<String>,
    /// Deviating moves, in order.
    pub deviations: Vec<Deviation>,
}

/// Deviation figures of one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointConformance {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Cases in which it was completed, missing or failing.
    pub cases: u64,
    /// Cases that completed it.
    pub completed: u64,
    /// Cases in which it was missing.
    pub missing: u64,
    /// Cases in which it was failing.
    pub failing: u64,
    /// Arrivals at it (every visit).
    pub arrivals: u64,
    /// Arrivals by a deviating move.
    pub deviating_arrivals: u64,
    /// Deviating arrivals by kind.
    pub by_kind: BTreeMap<DeviationKind, u64>,
    /// missing / cases.
    pub missing_rate: f64,
    /// failing / cases.
    pub failing_rate: f64,
    /// deviating_arrivals / arrivals.
    pub deviation_rate: f64,
}

/// A variant of cases that deviate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DeviatingVariant {
    /// Its steps (`activity`, or `activity@channel` when the log has channels), cut after the
    /// first outcome.
    pub steps: Vec<String>,
    /// Number of cases.
    pub cases: u64,
    /// Fitness of its cases.
    pub fitness: f64,
    /// Its deviations, in order.
    pub deviations: Vec<DeviationKind>,
}

/// Planned versus actual over a log.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConformanceReport {
    /// Cases.
    pub cases: u64,
    /// Cases without deviation or ad-hoc step (fitness 1).
    pub conforming_cases: u64,
    /// Log fitness: 1 - Σm / Σ(steps + 1).
    pub fitness: f64,
    /// Mean of the case fitnesses.
    pub mean_case_fitness: f64,
    /// Deviating moves by kind, over all cases.
    pub deviations: BTreeMap<DeviationKind, u64>,
    /// Ad-hoc steps over all cases.
    pub ad_hoc_steps: u64,
    /// Per touchpoint of the map, in map order.
    pub touchpoints: Vec<TouchpointConformance>,
    /// The most common deviating variants.
    pub variants: Vec<DeviatingVariant>,
    /// Per case, in log order (empty when not asked for).
    pub case_results: Vec<CaseConformance>,
    /// Activities without a touchpoint or outcome (their steps are ad hoc).
    pub unmapped: Vec<UnmappedActivity>,
    /// JM330 and mapping notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// The map as seen by one persona.
struct Plan {
    persona: Option<String>,
    applies: Vec<bool>,
    entry: Vec<bool>,
    moves: HashSet<(usize, Target)>,
    succ: Vec<Vec<usize>>,
    into_success: Vec<bool>,
    into_outcome: Vec<Vec<usize>>,
    rank: Vec<usize>,
    stage: Vec<usize>,
    channel: Vec<usize>,
}

impl Plan {
    fn new(map: &JourneyMap, persona: Option<&str>) -> Plan {
        let index = map.index();
        let n = map.touchpoints.len();
        let applies_to =
            |ps: &[String]| persona.is_none_or(|p| ps.is_empty() || ps.iter().any(|x| x == p));
        let stages: Vec<&str> = map
            .stages_in_order()
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let mut channels: Vec<&str> = Vec::new();
        let mut plan = Plan {
            persona: persona.map(str::to_owned),
            applies: (0..n)
                .map(|i| {
                    index.touchpoint_position(&map.touchpoints[i].id) == Some(i)
                        && applies_to(&map.touchpoints[i].personas)
                })
                .collect(),
            entry: vec![false; n],
            moves: HashSet::default(),
            succ: vec![Vec::new(); n],
            into_success: vec![false; n],
            into_outcome: vec![Vec::new(); n],
            rank: Vec::with_capacity(n),
            stage: Vec::with_capacity(n),
            channel: Vec::with_capacity(n),
        };
        for tp in &map.touchpoints {
            let s = stages
                .iter()
                .position(|s| *s == tp.stage)
                .unwrap_or(usize::MAX);
            plan.rank.push(s);
            plan.stage.push(s);
            let c = channels
                .iter()
                .position(|c| *c == tp.channel)
                .unwrap_or_else(|| {
                    channels.push(tp.channel.as_str());
                    channels.len() - 1
                });
            plan.channel.push(c);
        }
        for e in &map.entries {
            if let Some(p) = index.touchpoint_position(&e.touchpoint) {
                if plan.applies[p] && applies_to(&e.personas) && flows(e.probability, e.count) {
                    plan.entry[p] = true;
                }
            }
        }
        for t in &map.transitions {
            let Some(from) = index.touchpoint_position(&t.from) else {
                continue;
            };
            if !plan.applies[from] || !applies_to(&t.personas) || !flows(t.probability, t.count) {
                continue;
            }
            if let Some(to) = index.touchpoint_position(&t.to) {
                if plan.applies[to] {
                    plan.moves.insert((from, Target::Touchpoint(to)));
                    plan.succ[from].push(to);
                }
            } else if let Some(o) = index.outcome_position(&t.to) {
                plan.moves.insert((from, Target::Outcome(o)));
                plan.into_outcome[from].push(o);
                if map.outcomes[o].kind == OutcomeKind::Success {
                    plan.into_success[from] = true;
                }
            }
        }
        for s in &mut plan.succ {
            s.sort_unstable();
            s.dedup();
        }
        plan
    }

    /// Shortest way (fewest moves) from `sources` to a touchpoint satisfying `goal`: the
    /// touchpoints on it in order, the source kept when `include_source`, the goal kept when
    /// `include_goal`; `None` when there is no way. A source is never its own goal.
    fn path(
        &self,
        sources: &[usize],
        goal: impl Fn(usize) -> bool,
        include_source: bool,
        include_goal: bool,
    ) -> Option<Vec<usize>> {
        let mut parent: HashMap<usize, usize> = HashMap::default();
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &s in sources {
            parent.insert(s, usize::MAX);
            queue.push_back(s);
        }
        while let Some(u) = queue.pop_front() {
            if goal(u) && !sources.contains(&u) {
                let mut out = if include_goal { vec![u] } else { Vec::new() };
                let mut x = parent[&u];
                while x != usize::MAX {
                    out.push(x);
                    x = parent[&x];
                }
                out.reverse();
                if !include_source && !out.is_empty() {
                    out.remove(0);
                }
                return Some(out);
            }
            for &v in &self.succ[u] {
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(v) {
                    e.insert(u);
                    queue.push_back(v);
                }
            }
        }
        None
    }
}

/// A deviating move of a replay: position, kind, touchpoint left, target, missing touchpoints.
type Move = (usize, DeviationKind, Option<usize>, Target, Vec<usize>);

/// A deviating variant while counting: (cases, fitness, kinds).
type VariantCount = (u64, f64, Vec<DeviationKind>);

/// The result of one variant (shared by its cases).
struct Replay {
    persona: Option<String>,
    steps: usize,
    outcome: Option<usize>,
    m: usize,
    completed: Vec<usize>,
    missing: Vec<usize>,
    failing: Vec<usize>,
    ad_hoc: Vec<u32>,
    deviations: Vec<Move>,
    arrivals: Vec<(usize, Option<DeviationKind>)>,
    labels: Vec<u32>,
}

impl Replay {
    fn fitness(&self) -> f64 {
        1.0 - self.m as f64 / (self.steps + 1) as f64
    }
}

fn classify(
    plan: &Plan,
    prev: Option<usize>,
    t: usize,
    visited: &BTreeSet<usize>,
) -> (DeviationKind, Vec<usize>) {
    let Some(p) = prev else {
        let entries: Vec<usize> = (0..plan.entry.len()).filter(|&i| plan.entry[i]).collect();
        return match plan.path(&entries, |u| u == t, true, false) {
            Some(between) => (DeviationKind::Skip, between),
            None => (DeviationKind::UnplannedMove, Vec::new()),
        };
    };
    if visited.contains(&t) || plan.rank[t] < plan.rank[p] {
        return (DeviationKind::Backtrack, Vec::new());
    }
    if let Some(between) = plan.path(&[p], |u| u == t, false, false) {
        return (DeviationKind::Skip, between);
    }
    if plan.channel[t] != plan.channel[p]
        && plan.succ[p]
            .iter()
            .any(|&u| plan.stage[u] == plan.stage[t] && plan.channel[u] == plan.channel[p])
    {
        return (DeviationKind::ChannelSwitch, Vec::new());
    }
    (DeviationKind::UnplannedMove, Vec::new())
}

fn replay(agg: &Aggregate, v: usize, targets: &[Target], plan: &Plan, map: &JourneyMap) -> Replay {
    let mut r = Replay {
        persona: plan.persona.clone(),
        steps: 0,
        outcome: None,
        m: 0,
        completed: Vec::new(),
        missing: Vec::new(),
        failing: Vec::new(),
        ad_hoc: Vec::new(),
        deviations: Vec::new(),
        arrivals: Vec::new(),
        labels: Vec::new(),
    };
    let mut visited: BTreeSet<usize> = BTreeSet::new();
    let mut missing: BTreeSet<usize> = BTreeSet::new();
    let mut prev: Option<usize> = None;
    for &s in agg.seq(v) {
        let position = r.steps;
        r.steps += 1;
        r.labels.push(s);
        match targets[s as usize] {
            Target::Touchpoint(t) if plan.applies[t] => {
                let planned = match prev {
                    None => plan.entry[t],
                    Some(p) => plan.moves.contains(&(p, Target::Touchpoint(t))),
                };
                let mut kind = None;
                if !planned {
                    let (k, between) = classify(plan, prev, t, &visited);
                    r.m += 1;
                    missing.extend(between.iter().copied());
                    r.deviations
                        .push((position, k, prev, Target::Touchpoint(t), between));
                    kind = Some(k);
                }
                r.arrivals.push((t, kind));
                visited.insert(t);
                prev = Some(t);
            }
            Target::Outcome(o) => {
                r.outcome = Some(o);
                let planned = prev.is_some_and(|p| plan.moves.contains(&(p, Target::Outcome(o))));
                if !planned {
                    r.m += 1;
                    let between = prev.and_then(|p| {
                        plan.path(&[p], |u| plan.into_outcome[u].contains(&o), false, true)
                    });
                    let kind = if between.is_some() {
                        DeviationKind::Skip
                    } else {
                        DeviationKind::UnplannedMove
                    };
                    let between = between.unwrap_or_default();
                    missing.extend(between.iter().copied());
                    r.deviations
                        .push((position, kind, prev, Target::Outcome(o), between));
                }
                if map.outcomes[o].kind == OutcomeKind::Failure {
                    if let Some(p) = prev {
                        r.failing.push(p);
                    }
                }
                break;
            }
            _ => {
                r.m += 1;
                r.ad_hoc.push(agg.step_activity(s));
            }
        }
    }
    let succeeded = r
        .outcome
        .is_some_and(|o| map.outcomes[o].kind == OutcomeKind::Success);
    if r.outcome.is_none() {
        if let Some(p) = prev {
            r.failing.push(p);
        }
    }
    if !succeeded {
        if let Some(p) = prev.filter(|&p| !plan.into_success[p]) {
            if let Some(rest) = plan.path(&[p], |u| plan.into_success[u], false, true) {
                missing.extend(rest);
            }
        }
    }
    r.failing.sort_unstable();
    r.failing.dedup();
    r.missing = missing
        .into_iter()
        .filter(|u| !visited.contains(u) && !r.failing.contains(u))
        .collect();
    r.completed = visited
        .into_iter()
        .filter(|u| !r.failing.contains(u))
        .collect();
    r
}

/// Replays every case of `log` over `map` (see the module documentation). Without `mapping`,
/// an activity stands for the touchpoint or outcome with the same id.
pub fn conformance(
    map: &JourneyMap,
    log: &EventLog,
    mapping: Option<&ActivityMapping>,
    options: &ConformanceOptions,
) -> Result<ConformanceReport, Error> {
    let resolver: Resolver = match mapping {
        Some(m) => m.resolve(map)?,
        None => ActivityMapping::identity(map),
    };
    let (agg, case_variant) = Aggregate::with_case_variants(log);
    let targets = agg.step_targets(&resolver);
    let (unmapped, mut diagnostics) = unmapped_report(&agg, &agg.map_flows(&targets));
    if let Some(m) = mapping {
        diagnostics.extend(m.issues.iter().map(super::RowIssue::to_diagnostic));
    }
    // One plan per map persona actually needed.
    let mut persona_ids: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    persona_ids.sort_unstable();
    let default_persona = persona_ids.first().copied();
    let mut plans: BTreeMap<Option<String>, Plan> = BTreeMap::new();
    let plan_key = |p: u32| -> Option<String> {
        let named = (p != NONE).then(|| agg.personas[p as usize].as_str());
        named
            .filter(|n| persona_ids.contains(n))
            .or(default_persona)
            .map(str::to_owned)
    };
    let replays: Vec<Replay> = (0..agg.variants.len())
        .map(|v| {
            let key = plan_key(agg.variants[v].persona);
            let plan = plans
                .entry(key.clone())
                .or_insert_with(|| Plan::new(map, key.as_deref()));
            replay(&agg, v, &targets, plan, map)
        })
        .collect();
    Ok(summarize(
        map,
        &agg,
        log,
        &case_variant,
        &replays,
        &plans,
        unmapped,
        diagnostics,
        options,
    ))
}

#[allow(
    clippy::too_many_arguments,
    reason = "the parts of one report, gathered above"
)]
fn summarize(
    map: &JourneyMap,
    agg: &Aggregate,
    log: &EventLog,
    case_variant: &[usize],
    replays: &[Replay],
    plans: &BTreeMap<Option<String>, Plan>,
    unmapped: Vec<UnmappedActivity>,
    diagnostics: Vec<Diagnostic>,
    options: &ConformanceOptions,
) -> ConformanceReport {
    let n = map.touchpoints.len();
    let mut tp = vec![[0u64; 6]; n]; // completed, missing, failing, arrivals, deviating, cases
    let mut by_kind: Vec<BTreeMap<DeviationKind, u64>> = vec![BTreeMap::new(); n];
    let mut kinds: BTreeMap<DeviationKind, u64> = BTreeMap::new();
    let (mut sum_m, mut sum_p, mut sum_fit, mut conforming, mut ad_hoc) =
        (0u64, 0u64, 0.0, 0u64, 0u64);
    let mut variants: BTreeMap<Vec<String>, VariantCount> = BTreeMap::new();
    let label = |s: u32| -> String {
        let (a, c) = agg.steps[s as usize];
        if c == NONE {
            agg.activities[a as usize].clone()
        } else {
            format!(
                "{}@{}",
                agg.activities[a as usize], agg.channels[c as usize]
            )
        }
    };
    for (v, r) in replays.iter().enumerate() {
        let k = agg.variants[v].cases;
        sum_m += r.m as u64 * k;
        sum_p += (r.steps as u64 + 1) * k;
        sum_fit += r.fitness() * k as f64;
        ad_hoc += r.ad_hoc.len() as u64 * k;
        if r.m == 0 {
            conforming += k;
        }
        for (list, slot) in [(&r.completed, 0), (&r.missing, 1), (&r.failing, 2)] {
            for &t in list {
                tp[t][slot] += k;
                tp[t][5] += k;
            }
        }
        for &(t, kind) in &r.arrivals {
            tp[t][3] += k;
            if let Some(kind) = kind {
                tp[t][4] += k;
                *by_kind[t].entry(kind).or_default() += k;
            }
        }
        for d in &r.deviations {
            *kinds.entry(d.1).or_default() += k;
        }
        if r.m > 0 {
            let steps: Vec<String> = r.labels.iter().map(|&s| label(s)).collect();
            let e = variants.entry(steps).or_insert((
                0,
                r.fitness(),
                r.deviations.iter().map(|d| d.1).collect(),
            ));
            e.0 += k;
        }
    }
    let cases = agg.cases();
    let ratio = |a: u64, b: u64| if b > 0 { a as f64 / b as f64 } else { 0.0 };
    let touchpoints = (0..n)
        .filter(|&t| plans.values().any(|p| p.applies[t]))
        .map(|t| {
            let x = tp[t];
            TouchpointConformance {
                touchpoint: map.touchpoints[t].id.clone(),
                cases: x[5],
                completed: x[0],
                missing: x[1],
                failing: x[2],
                arrivals: x[3],
                deviating_arrivals: x[4],
                by_kind: by_kind[t].clone(),
                missing_rate: ratio(x[1], x[5]),
                failing_rate: ratio(x[2], x[5]),
                deviation_rate: ratio(x[4], x[3]),
            }
        })
        .collect();
    let mut top: Vec<(Vec<String>, VariantCount)> = variants.into_iter().collect();
    top.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
    top.truncate(options.top_variants);
    let id = |t: Target| match t {
        Target::Touchpoint(p) => map.touchpoints[p].id.clone(),
        Target::Outcome(o) => map.outcomes[o].id.clone(),
        Target::Unmapped => String::new(),
    };
    let ids = |l: &[usize]| {
        l.iter()
            .map(|&t| map.touchpoints[t].id.clone())
            .collect::<Vec<_>>()
    };
    let case_results = if options.include_cases {
        (0..log.cases())
            .map(|c| {
                let v = case_variant[c];
                let r = &replays[v];
                CaseConformance {
                    case: log.case_id(c).to_owned(),
                    persona: r.persona.clone(),
                    steps: r.steps,
                    outcome: r.outcome.map(|o| map.outcomes[o].id.clone()),
                    fitness: r.fitness(),
                    completed: ids(&r.completed),
                    missing: ids(&r.missing),
                    failing: ids(&r.failing),
                    ad_hoc: r
                        .ad_hoc
                        .iter()
                        .map(|&a| agg.activities[a as usize].clone())
                        .collect(),
                    deviations: r
                        .deviations
                        .iter()
                        .map(|d| Deviation {
                            position: d.0,
                            kind: d.1,
                            from: d.2.map(|p| map.touchpoints[p].id.clone()),
                            to: id(d.3),
                            missing: ids(&d.4),
                        })
                        .collect(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    ConformanceReport {
        cases,
        conforming_cases: conforming,
        fitness: if sum_p > 0 {
            1.0 - sum_m as f64 / sum_p as f64
        } else {
            1.0
        },
        mean_case_fitness: if cases > 0 {
            sum_fit / cases as f64
        } else {
            1.0
        },
        deviations: kinds,
        ad_hoc_steps: ad_hoc,
        touchpoints,
        variants: top
            .into_iter()
            .map(|(steps, (cases, fitness, deviations))| DeviatingVariant {
                steps,
                cases,
                fitness,
                deviations,
            })
            .collect(),
        case_results,
        unmapped,
        diagnostics,
    }
}
