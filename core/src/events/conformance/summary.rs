//! The replays of the variants summed into the report: per touchpoint, per deviating variant,
//! per case and over the log.

use std::collections::BTreeMap;

use super::plan::Plan;
use super::replay::Replay;
use super::results::{
    CaseConformance, ConformanceOptions, ConformanceReport, DeviatingVariant, Deviation,
    DeviationKind, TouchpointConformance,
};
use crate::diagnostics::Diagnostic;
use crate::events::NONE;
use crate::events::aggregate::Aggregate;
use crate::events::calibrate::UnmappedActivity;
use crate::events::ingest::EventLog;
use crate::events::mapping::Target;
use crate::model::JourneyMap;

/// A deviating variant while counting: (cases, fitness, kinds).
type VariantCount = (u64, f64, Vec<DeviationKind>);

/// Sums over the variants, each weighted by its cases.
struct Tally {
    /// Per touchpoint: completed, missing, failing, arrivals, deviating arrivals, cases.
    tp: Vec<[u64; 6]>,
    /// Per touchpoint: deviating arrivals by kind.
    by_kind: Vec<BTreeMap<DeviationKind, u64>>,
    /// Deviating moves by kind.
    kinds: BTreeMap<DeviationKind, u64>,
    /// Σm, Σ(steps + 1), Σ fitness.
    sum_m: u64,
    sum_p: u64,
    sum_fit: f64,
    conforming: u64,
    ad_hoc: u64,
    /// Deviating variants by their step labels.
    variants: BTreeMap<Vec<String>, VariantCount>,
}

impl Tally {
    fn new(n: usize) -> Self {
        Self {
            tp: vec![[0u64; 6]; n],
            by_kind: vec![BTreeMap::new(); n],
            kinds: BTreeMap::new(),
            sum_m: 0,
            sum_p: 0,
            sum_fit: 0.0,
            conforming: 0,
            ad_hoc: 0,
            variants: BTreeMap::new(),
        }
    }

    /// Adds the replay of a variant of `k` cases.
    fn add(&mut self, agg: &Aggregate, r: &Replay, k: u64) {
        self.sum_m += r.m as u64 * k;
        self.sum_p += (r.steps as u64 + 1) * k;
        self.sum_fit += r.fitness() * k as f64;
        self.ad_hoc += r.ad_hoc.len() as u64 * k;
        if r.m == 0 {
            self.conforming += k;
        }
        for (list, slot) in [(&r.completed, 0), (&r.missing, 1), (&r.failing, 2)] {
            for &t in list {
                self.tp[t][slot] += k;
                self.tp[t][5] += k;
            }
        }
        for &(t, kind) in &r.arrivals {
            self.tp[t][3] += k;
            if let Some(kind) = kind {
                self.tp[t][4] += k;
                *self.by_kind[t].entry(kind).or_default() += k;
            }
        }
        for d in &r.deviations {
            *self.kinds.entry(d.1).or_default() += k;
        }
        if r.m > 0 {
            let steps: Vec<String> = r.labels.iter().map(|&s| label(agg, s)).collect();
            let e = self.variants.entry(steps).or_insert((
                0,
                r.fitness(),
                r.deviations.iter().map(|d| d.1).collect(),
            ));
            e.0 += k;
        }
    }

    /// The figures of the touchpoints some plan has, in map order.
    fn touchpoints(
        &self,
        map: &JourneyMap,
        plans: &BTreeMap<Option<String>, Plan>,
    ) -> Vec<TouchpointConformance> {
        let ratio = |a: u64, b: u64| if b > 0 { a as f64 / b as f64 } else { 0.0 };
        (0..map.touchpoints.len())
            .filter(|&t| plans.values().any(|p| p.applies[t]))
            .map(|t| {
                let x = self.tp[t];
                TouchpointConformance {
                    touchpoint: map.touchpoints[t].id.clone(),
                    cases: x[5],
                    completed: x[0],
                    missing: x[1],
                    failing: x[2],
                    arrivals: x[3],
                    deviating_arrivals: x[4],
                    by_kind: self.by_kind[t].clone(),
                    missing_rate: ratio(x[1], x[5]),
                    failing_rate: ratio(x[2], x[5]),
                    deviation_rate: ratio(x[4], x[3]),
                }
            })
            .collect()
    }

    /// The `top` most common deviating variants (ties by steps).
    fn top_variants(&mut self, top: usize) -> Vec<DeviatingVariant> {
        let mut all: Vec<(Vec<String>, VariantCount)> =
            std::mem::take(&mut self.variants).into_iter().collect();
        all.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(&b.0)));
        all.truncate(top);
        all.into_iter()
            .map(|(steps, (cases, fitness, deviations))| DeviatingVariant {
                steps,
                cases,
                fitness,
                deviations,
            })
            .collect()
    }
}

/// A step as a variant shows it: `activity`, or `activity@channel`.
fn label(agg: &Aggregate, s: u32) -> String {
    let (a, c) = agg.steps[s as usize];
    if c == NONE {
        agg.activities[a as usize].clone()
    } else {
        format!(
            "{}@{}",
            agg.activities[a as usize], agg.channels[c as usize]
        )
    }
}

/// The result of every case of the log, from the replay of its variant.
fn case_results(
    map: &JourneyMap,
    agg: &Aggregate,
    log: &EventLog,
    case_variant: &[usize],
    replays: &[Replay],
) -> Vec<CaseConformance> {
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
    (0..log.cases())
        .map(|c| {
            let r = &replays[case_variant[c]];
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
}

#[allow(
    clippy::too_many_arguments,
    reason = "the parts of one report, gathered by `conformance`"
)]
pub(super) fn summarize(
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
    let mut tally = Tally::new(map.touchpoints.len());
    for (v, r) in replays.iter().enumerate() {
        tally.add(agg, r, agg.variants[v].cases);
    }
    let cases = agg.cases();
    let touchpoints = tally.touchpoints(map, plans);
    let variants = tally.top_variants(options.top_variants);
    let case_results = if options.include_cases {
        case_results(map, agg, log, case_variant, replays)
    } else {
        Vec::new()
    };
    ConformanceReport {
        cases,
        conforming_cases: tally.conforming,
        fitness: if tally.sum_p > 0 {
            1.0 - tally.sum_m as f64 / tally.sum_p as f64
        } else {
            1.0
        },
        mean_case_fitness: if cases > 0 {
            tally.sum_fit / cases as f64
        } else {
            1.0
        },
        deviations: tally.kinds,
        ad_hoc_steps: tally.ad_hoc,
        touchpoints,
        variants,
        case_results,
        unmapped,
        diagnostics,
    }
}
