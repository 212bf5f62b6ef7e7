//! Calibration: the observed figures of a log written into a designed map, through an activity
//! mapping. Each case becomes a path of touchpoints (unmapped activities are left out of the path,
//! counted and reported), cut at its first outcome. Then, for every touchpoint customers left:
//! the moves out of it get their observed `count` (their declared `probability` is cleared, so
//! the map's weight rule turns counts into the observed shares), its `drop_off` is the share of
//! cases that ended there without an outcome, and observed moves the map lacks are added (marked
//! `x-observed`, JM333). Entries get the observed starts. Survey answers become the touchpoint's
//! measures on the map's own scales, with evidence (analytics, n, date range). Ids, order, texts,
//! extensions and every other value are kept; `journeymap diff` shows what changed.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;
use serde_json::Value;

use super::aggregate::{Aggregate, Histogram};
use super::figures::{evidence, measures_from};
use super::mapping::{ActivityMapping, Resolver, Target};
use super::{Error, MetricKind, MetricScale, NONE, RowIssue};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{Entry, JourneyMap, MapIndex, Measures, Transition, XFields};

/// An activity of the log that no mapping row covers.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct UnmappedActivity {
    /// Activity name.
    pub activity: String,
    /// Its events.
    pub events: u64,
    /// Cases with at least one of its events.
    pub cases: u64,
}

/// What calibration did.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CalibrationReport {
    /// Cases in the log.
    pub cases: u64,
    /// Cases with at least one mapped touchpoint before any outcome.
    pub cases_used: u64,
    /// Activities without a mapping, most events first (JM330).
    pub unmapped: Vec<UnmappedActivity>,
    /// Touchpoints of the map no case reached (left as designed).
    pub not_observed: Vec<String>,
    /// Touchpoints whose figures were written.
    pub calibrated: Vec<String>,
    /// Transitions added for observed moves the map lacks.
    pub added_transitions: usize,
    /// Entries added for observed starts the map lacks.
    pub added_entries: usize,
    /// Mapping rows left out (JM332).
    pub mapping_issues: Vec<RowIssue>,
    /// JM330, JM333 and persona notes.
    pub diagnostics: Vec<Diagnostic>,
}

/// A calibrated map and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Calibration {
    /// The designed map with the observed figures.
    pub map: JourneyMap,
    /// What changed and what could not be used.
    pub report: CalibrationReport,
}

/// Observed flows in map terms.
#[derive(Default)]
pub(crate) struct MapFlows {
    /// Touchpoint position → cases starting there.
    pub(crate) starts: BTreeMap<usize, u64>,
    /// (from touchpoint, target) → moves.
    pub(crate) moves: BTreeMap<(usize, Target), u64>,
    /// Touchpoint → cases ending there without an outcome.
    pub(crate) ends: BTreeMap<usize, u64>,
    /// Touchpoint → cases visiting.
    pub(crate) visits: BTreeMap<usize, u64>,
    pub(crate) used: u64,
    /// Activity → (events, cases) unmapped.
    pub(crate) unmapped: BTreeMap<u32, (u64, u64)>,
}

impl Ord for Target {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let key = |t: &Target| match *t {
            Target::Touchpoint(p) => (0, p),
            Target::Outcome(p) => (1, p),
            Target::Unmapped => (2, 0),
        };
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for Target {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Aggregate {
    /// The target of every step.
    pub(crate) fn step_targets(&self, resolver: &Resolver) -> Vec<Target> {
        self.steps
            .iter()
            .map(|&(a, c)| {
                let channel = (c != NONE).then(|| self.channels[c as usize].as_str());
                resolver.target(&self.activities[a as usize], channel)
            })
            .collect()
    }

    pub(crate) fn map_flows(&self, targets: &[Target]) -> MapFlows {
        let mut f = MapFlows::default();
        let mut path: Vec<usize> = Vec::new();
        let mut seen: BTreeMap<u32, ()> = BTreeMap::new();
        for v in 0..self.variants.len() {
            let k = self.variants[v].cases;
            path.clear();
            seen.clear();
            let mut outcome = None;
            for &s in self.seq(v) {
                match targets[s as usize] {
                    Target::Touchpoint(t) => path.push(t),
                    Target::Outcome(o) => {
                        outcome = Some(o);
                        break;
                    }
                    Target::Unmapped => {
                        let a = self.step_activity(s);
                        let e = f.unmapped.entry(a).or_default();
                        e.0 += k;
                        if seen.insert(a, ()).is_none() {
                            e.1 += k;
                        }
                    }
                }
            }
            let (Some(&first), Some(&last)) = (path.first(), path.last()) else {
                continue;
            };
            f.used += k;
            *f.starts.entry(first).or_default() += k;
            for w in path.windows(2) {
                *f.moves.entry((w[0], Target::Touchpoint(w[1]))).or_default() += k;
            }
            match outcome {
                Some(o) => *f.moves.entry((last, Target::Outcome(o))).or_default() += k,
                None => *f.ends.entry(last).or_default() += k,
            }
            let mut distinct = path.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for t in distinct {
                *f.visits.entry(t).or_default() += k;
            }
        }
        f
    }
}

/// The unmapped activities, most events first, and their JM330 diagnostics.
pub(crate) fn unmapped_report(
    agg: &Aggregate,
    f: &MapFlows,
) -> (Vec<UnmappedActivity>, Vec<Diagnostic>) {
    let mut list: Vec<UnmappedActivity> = f
        .unmapped
        .iter()
        .map(|(&a, &(events, cases))| UnmappedActivity {
            activity: agg.activities[a as usize].clone(),
            events,
            cases,
        })
        .collect();
    list.sort_by(|a, b| {
        b.events
            .cmp(&a.events)
            .then_with(|| a.activity.cmp(&b.activity))
    });
    let diagnostics = list
        .iter()
        .map(|u| {
            Diagnostic::new(
                codes::UNMAPPED_ACTIVITY,
                "",
                format!(
                    "activity \"{}\" ({} events in {} cases) has no touchpoint in the mapping",
                    u.activity, u.events, u.cases
                ),
            )
        })
        .collect();
    (list, diagnostics)
}

/// A survey mean converted from the log's scale to the map's: linear, with CES flipped when the
/// two effort directions differ.
fn convert(kind: MetricKind, from: MetricScale, map: &JourneyMap, v: f64) -> Option<f64> {
    let unit = (v - from.min) / (from.max - from.min);
    match kind {
        MetricKind::Emotion => {
            let s = map.scales.emotion();
            Some(s.min + unit * (s.max - s.min))
        }
        MetricKind::Csat => {
            let s = map.scales.satisfaction();
            Some(s.min + unit * (s.max - s.min))
        }
        MetricKind::Ces => {
            let s = map.scales.effort();
            let effort = if from.higher_is_easier {
                1.0 - unit
            } else {
                unit
            };
            let unit = match s.direction() {
                crate::model::EffortDirection::HigherIsMoreEffort => effort,
                crate::model::EffortDirection::HigherIsEasier => 1.0 - effort,
            };
            Some(s.min + unit * (s.max - s.min))
        }
        MetricKind::Nps => None,
    }
}

/// Survey measures of one touchpoint on the map's scales.
fn measures_on_map(agg: &Aggregate, map: &JourneyMap, hists: &BTreeMap<u8, Histogram>) -> Measures {
    let mut m = measures_from(agg, hists);
    for (k, &(kind, scale)) in agg.spec.metrics.iter().enumerate() {
        if !hists.contains_key(&(k as u8)) {
            continue;
        }
        let field = match kind {
            MetricKind::Emotion => &mut m.emotion,
            MetricKind::Ces => &mut m.effort,
            MetricKind::Csat => &mut m.satisfaction,
            MetricKind::Nps => continue,
        };
        *field = field.and_then(|v| convert(kind, scale, map, v));
    }
    m
}

/// Writes the observed figures of `agg` into `map` through `mapping` (see the module
/// documentation). JM331 when the mapping names ids the map lacks.
pub fn calibrate(
    map: &JourneyMap,
    agg: &Aggregate,
    mapping: &ActivityMapping,
) -> Result<Calibration, Error> {
    let resolver = mapping.resolve(map)?;
    let targets = agg.step_targets(&resolver);
    let f = agg.map_flows(&targets);
    let mut out = map.clone();
    let (unmapped, mut diagnostics) = unmapped_report(agg, &f);
    let index = map.index();
    // Moves out of every touchpoint customers left.
    let mut out_total: BTreeMap<usize, u64> = f.ends.clone();
    for (&(a, _), &k) in &f.moves {
        *out_total.entry(a).or_default() += k;
    }
    let added_transitions = write_moves(map, &index, &f, &out_total, &mut out, &mut diagnostics);
    let added_entries = write_entries(map, &index, &f, &mut out, &mut diagnostics);
    let (calibrated, not_observed) =
        write_touchpoints(agg, map, &index, &f, &targets, &out_total, &mut out);
    write_persona_shares(agg, &mut out);
    Ok(Calibration {
        map: out,
        report: CalibrationReport {
            cases: agg.cases(),
            cases_used: f.used,
            unmapped,
            not_observed,
            calibrated,
            added_transitions,
            added_entries,
            mapping_issues: mapping.issues.clone(),
            diagnostics,
        },
    })
}

/// `x-observed: true`, the mark of what calibration adds.
fn observed() -> XFields {
    let mut x = XFields::new();
    x.insert("x-observed".to_owned(), Value::Bool(true));
    x
}

/// The observed counts on the moves out of every touchpoint customers left (`out_total`), and
/// the observed moves the map lacks added (JM333); the number added.
fn write_moves(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    f: &MapFlows,
    out_total: &BTreeMap<usize, u64>,
    out: &mut JourneyMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    let id_of = |t: Target| -> String {
        match t {
            Target::Touchpoint(p) => map.touchpoints[p].id.clone(),
            Target::Outcome(p) => map.outcomes[p].id.clone(),
            Target::Unmapped => String::new(),
        }
    };
    let position_of = |id: &str| -> Option<Target> {
        index
            .touchpoint_position(id)
            .map(Target::Touchpoint)
            .or_else(|| index.outcome_position(id).map(Target::Outcome))
    };
    let mut covered: BTreeMap<(usize, Target), ()> = BTreeMap::new();
    for t in &mut out.transitions {
        let (Some(from), Some(to)) = (index.touchpoint_position(&t.from), position_of(&t.to))
        else {
            continue;
        };
        if !out_total.contains_key(&from) {
            continue;
        }
        t.probability = None;
        t.count = Some(f.moves.get(&(from, to)).copied().unwrap_or(0) as f64);
        covered.insert((from, to), ());
    }
    let mut added = 0;
    for (&(from, to), &k) in &f.moves {
        if covered.contains_key(&(from, to)) {
            continue;
        }
        let (from_id, to_id) = (id_of(Target::Touchpoint(from)), id_of(to));
        diagnostics.push(Diagnostic::new(
            codes::OBSERVED_MOVE_ADDED,
            format!("/transitions/{}", out.transitions.len()),
            format!("observed move {from_id} → {to_id} ({k} cases) is not in the map; added"),
        ));
        out.transitions.push(Transition {
            from: from_id,
            to: to_id,
            personas: Vec::new(),
            probability: None,
            count: Some(k as f64),
            label: None,
            x: observed(),
        });
        added += 1;
    }
    added
}

/// The observed starts as the entries' counts, and the starts the map lacks added (JM333); the
/// number added. Entries are left as they are when no case starts at a touchpoint.
fn write_entries(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    f: &MapFlows,
    out: &mut JourneyMap,
    diagnostics: &mut Vec<Diagnostic>,
) -> usize {
    if f.starts.is_empty() {
        return 0;
    }
    let mut seen: BTreeMap<usize, ()> = BTreeMap::new();
    for e in &mut out.entries {
        if let Some(p) = index.touchpoint_position(&e.touchpoint) {
            e.probability = None;
            e.count = Some(f.starts.get(&p).copied().unwrap_or(0) as f64);
            seen.insert(p, ());
        }
    }
    let mut added = 0;
    for (&p, &k) in &f.starts {
        if seen.contains_key(&p) {
            continue;
        }
        diagnostics.push(Diagnostic::new(
            codes::OBSERVED_MOVE_ADDED,
            format!("/entries/{}", out.entries.len()),
            format!(
                "{k} cases start at {}, which is not an entry of the map; added",
                map.touchpoints[p].id
            ),
        ));
        out.entries.push(Entry {
            touchpoint: map.touchpoints[p].id.clone(),
            personas: Vec::new(),
            probability: None,
            count: Some(k as f64),
            x: observed(),
        });
        added += 1;
    }
    added
}

/// The drop-off, survey measures and evidence of every touchpoint customers reached; the ids of
/// those calibrated and of those not observed.
fn write_touchpoints(
    agg: &Aggregate,
    map: &JourneyMap,
    index: &MapIndex<'_>,
    f: &MapFlows,
    targets: &[Target],
    out_total: &BTreeMap<usize, u64>,
    out: &mut JourneyMap,
) -> (Vec<String>, Vec<String>) {
    let mut pooled: BTreeMap<usize, BTreeMap<u8, Histogram>> = BTreeMap::new();
    for (&(_, s, k), h) in &agg.metrics {
        if let Target::Touchpoint(t) = targets[s as usize] {
            let into = pooled.entry(t).or_default().entry(k).or_default();
            for (&v, &c) in h {
                *into.entry(v).or_default() += c;
            }
        }
    }
    let mut calibrated = Vec::new();
    let mut not_observed = Vec::new();
    for (p, tp) in out.touchpoints.iter_mut().enumerate() {
        if index.touchpoint_position(&tp.id) != Some(p) {
            continue;
        }
        let Some(&visits) = f.visits.get(&p) else {
            not_observed.push(tp.id.clone());
            continue;
        };
        calibrated.push(tp.id.clone());
        if let Some(&total) = out_total.get(&p) {
            tp.measures.drop_off = Some(f.ends.get(&p).copied().unwrap_or(0) as f64 / total as f64);
        }
        if let Some(h) = pooled.get(&p) {
            let m = measures_on_map(agg, map, h);
            tp.measures.emotion = m.emotion.or(tp.measures.emotion);
            tp.measures.effort = m.effort.or(tp.measures.effort);
            tp.measures.satisfaction = m.satisfaction.or(tp.measures.satisfaction);
            for (k, v) in m.x {
                tp.measures.x.insert(k, v);
            }
        }
        let mut ev = evidence(agg, visits, "calibrated from an event log");
        if let Some(old) = &tp.evidence {
            ev.x = old.x.clone();
        }
        tp.evidence = Some(ev);
    }
    (calibrated, not_observed)
}

/// Persona shares, when the log's persona values are the map's persona ids.
fn write_persona_shares(agg: &Aggregate, out: &mut JourneyMap) {
    if !agg.spec.personas {
        return;
    }
    let total = agg.cases() as f64;
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for v in &agg.variants {
        if v.persona != NONE {
            *counts
                .entry(agg.personas[v.persona as usize].as_str())
                .or_default() += v.cases;
        }
    }
    for persona in &mut out.personas {
        if let Some(&k) = counts.get(persona.id.as_str()) {
            persona.share = Some(k as f64 / total);
        }
    }
}

impl super::EventLog {
    /// Calibrates `map` from this log (see [`calibrate`]).
    pub fn calibrate(
        &self,
        map: &JourneyMap,
        mapping: &ActivityMapping,
    ) -> Result<Calibration, Error> {
        calibrate(map, &self.aggregate(), mapping)
    }
}
