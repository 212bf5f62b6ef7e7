//! Aggregates over personas: each persona weighted by its share of the customer base (its
//! normalized `weight`), so that every figure reads "per customer". docs/scoring.md §9.

use std::collections::BTreeMap;

use foldhash::HashMap;

use super::conversion::rank_crossroads;
use super::effort::rank_hot_spots;
use super::gap::rank_shortfalls;
use super::health::health;
use super::moments::{crosshair_of, moment, performance, quadrant_of, rank};
use super::persona::{Figures, PersonaResult};
use super::state::{
    StateData, effort_raw, emotion_raw, gap, gap_raw, level, stage_means, state_data,
};
use super::{
    Crossroad, Factors, Health, MomentOfTruth, OutcomeProbability, Overall, ScoringConfig,
    StageValue, TouchpointAggregate, TouchpointEffort, TouchpointGap,
};
use crate::model::{JourneyMap, OutcomeKind};
use crate::score::chain::DROP_OFF;

/// A weighted mean: `(Σ w·v, Σ w)`.
#[derive(Debug, Clone, Copy, Default)]
struct Mean(f64, f64);

impl Mean {
    fn add(&mut self, w: f64, v: Option<f64>) {
        if let Some(v) = v {
            self.0 += w * v;
            self.1 += w;
        }
    }

    fn get(self) -> Option<f64> {
        (self.1 > 0.0).then(|| self.0 / self.1)
    }
}

/// Measures of one touchpoint accumulated over personas, weighted by share × visit probability,
/// with plain share weights as the fallback for a touchpoint no persona reaches.
#[derive(Debug, Clone, Copy, Default)]
struct Measured {
    reached: Mean,
    plain: Mean,
}

impl Measured {
    fn add(&mut self, share: f64, reach: f64, v: Option<f64>) {
        self.reached.add(share * reach, v);
        self.plain.add(share, v);
    }

    fn get(self) -> Option<f64> {
        self.reached.get().or_else(|| self.plain.get())
    }
}

/// One aggregated touchpoint, with the raw perceived and expected emotions the shortfall list
/// reports.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub row: TouchpointAggregate,
    perceived: Option<f64>,
    expected: Option<f64>,
}

/// Every touchpoint scored for at least one persona, sorted by id.
pub(crate) fn touchpoints(results: &[PersonaResult<'_>]) -> Vec<Row> {
    #[derive(Default)]
    struct Acc {
        stage: String,
        reach: f64,
        visits: f64,
        drop_off: f64,
        conversions: f64,
        contribution: f64,
        betweenness: f64,
        emotion: Measured,
        effort: Measured,
        gap: Measured,
        perceived: Measured,
        expected: Measured,
    }
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
    let total_success = results
        .iter()
        .map(|r| r.scores.weight * r.solution.success)
        .fold(0.0, |a, b| a + b);
    let mut acc: BTreeMap<&str, Acc> = BTreeMap::new();
    for r in results {
        let w = r.scores.weight;
        for (i, d) in r.data.iter().enumerate() {
            let reach = r.solution.visit_probability[i];
            let visits = r.solution.expected_visits[i];
            let a = acc.entry(d.tp.id.as_str()).or_insert_with(|| Acc {
                stage: d.tp.stage.clone(),
                ..Acc::default()
            });
            a.reach += w * reach;
            a.visits += w * visits;
            a.drop_off += w * r.drop_off[i];
            a.conversions += w * reach * r.solution.success_from[i];
            a.contribution += w * visits * d.effort.unwrap_or(0.0);
            a.betweenness += w * r.between.get(i).copied().unwrap_or(0.0);
            a.emotion.add(w, reach, d.emotion);
            a.effort.add(w, reach, d.effort);
            a.gap.add(w, reach, gap(d));
            if gap(d).is_some() {
                a.perceived.add(w, reach, finite(d.measures.emotion));
                a.expected
                    .add(w, reach, finite(d.measures.expected_emotion));
            }
        }
    }
    acc.into_iter()
        .map(|(id, a)| Row {
            row: TouchpointAggregate {
                touchpoint: id.to_owned(),
                stage: a.stage,
                visit_probability: a.reach.clamp(0.0, 1.0),
                expected_visits: a.visits,
                drop_off: a.drop_off,
                removal_effect: (total_success > 0.0)
                    .then(|| (a.conversions / total_success).clamp(0.0, 1.0)),
                emotion: a.emotion.get(),
                effort: a.effort.get(),
                gap: a.gap.get(),
                effort_contribution: a.contribution,
                betweenness: a.betweenness,
            },
            perceived: a.perceived.get(),
            expected: a.expected.get(),
        })
        .collect()
}

/// Per stage, the mean of `value` over every persona's touchpoints, weighted by share × visit
/// probability.
pub(crate) fn stages(
    map: &JourneyMap,
    results: &[PersonaResult<'_>],
    value: impl Fn(&StateData<'_>) -> Option<f64>,
    raw: impl Fn(f64) -> f64,
) -> Vec<StageValue> {
    let items = results.iter().flat_map(|r| {
        r.data.iter().enumerate().filter_map(|(i, d)| {
            Some((
                d.tp.stage.as_str(),
                r.scores.weight * r.solution.visit_probability[i],
                value(d)?,
            ))
        })
    });
    stage_means(map, items, raw)
}

/// Probability of each outcome over the customer base, sorted by id, `__drop_off` last.
pub(crate) fn outcomes(results: &[PersonaResult<'_>]) -> Vec<OutcomeProbability> {
    let mut acc: BTreeMap<&str, (OutcomeKind, f64)> = BTreeMap::new();
    for r in results {
        for o in &r.scores.conversion.outcomes {
            let e = acc.entry(o.outcome.as_str()).or_insert((o.kind, 0.0));
            e.1 += r.scores.weight * o.probability;
        }
    }
    let drop = acc.remove(DROP_OFF);
    acc.into_iter()
        .chain(drop.map(|v| (DROP_OFF, v)))
        .map(|(id, (kind, p))| OutcomeProbability {
            outcome: id.to_owned(),
            kind,
            probability: p.clamp(0.0, 1.0),
        })
        .collect()
}

/// The touchpoints contributing most to the expected effort of the customer base.
pub(crate) fn effort_hot_spots(
    map: &JourneyMap,
    config: &ScoringConfig,
    rows: &[Row],
) -> Vec<TouchpointEffort> {
    let mut out: Vec<TouchpointEffort> = rows
        .iter()
        .filter(|r| r.row.effort_contribution > 0.0)
        .filter_map(|r| {
            let normalized = r.row.effort?;
            Some(TouchpointEffort {
                touchpoint: r.row.touchpoint.clone(),
                effort: effort_raw(map, normalized),
                normalized,
                expected_visits: r.row.expected_visits,
                contribution: r.row.effort_contribution,
            })
        })
        .collect();
    rank_hot_spots(&mut out, config);
    out
}

/// The largest experience shortfalls over the customer base.
pub(crate) fn shortfalls(config: &ScoringConfig, rows: &[Row]) -> Vec<TouchpointGap> {
    let mut out: Vec<TouchpointGap> = rows
        .iter()
        .filter_map(|r| {
            let (normalized, perceived, expected) = (r.row.gap?, r.perceived?, r.expected?);
            (normalized < 0.0).then(|| TouchpointGap {
                touchpoint: r.row.touchpoint.clone(),
                perceived,
                expected,
                gap: perceived - expected,
                normalized,
            })
        })
        .collect();
    rank_shortfalls(&mut out, config);
    out
}

/// Crossroads over the customer base, most visited first.
pub(crate) fn crossroads(rows: &[Row]) -> Vec<Crossroad> {
    let mut out: Vec<Crossroad> = rows
        .iter()
        .map(|r| Crossroad {
            touchpoint: r.row.touchpoint.clone(),
            visit_probability: r.row.visit_probability,
            betweenness: r.row.betweenness,
        })
        .collect();
    rank_crossroads(&mut out);
    out
}

/// The figures predictions compare (docs/scoring.md §13), over the customer base.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Totals {
    pub success: f64,
    pub effort: f64,
    pub switches: f64,
    pub handoffs: f64,
    pub peak_end: Option<f64>,
    pub health: Health,
}

/// The totals of personas given as (weight, figures), in scoring order: sums `Σ_p w_p x_p`, and
/// for the values a persona may lack, `Σ_p w_p x_p / Σ_p w_p` over the personas that have them.
pub(crate) fn totals(config: &ScoringConfig, personas: &[(f64, &Figures)]) -> Totals {
    let sum = |f: &dyn Fn(&Figures) -> f64| {
        personas
            .iter()
            .map(|&(w, x)| w * f(x))
            .fold(0.0, |a, b| a + b)
    };
    let optional = |f: &dyn Fn(&Figures) -> Option<f64>| {
        let (num, den) = personas
            .iter()
            .fold((0.0, 0.0), |(a, b), &(w, x)| match f(x) {
                Some(v) => (a + w * v, b + w),
                None => (a, b),
            });
        (den > 0.0).then(|| num / den)
    };
    let success = sum(&|x| x.success);
    let peak_end = optional(&|x| x.peak_end);
    Totals {
        success,
        effort: sum(&|x| x.effort.expected_total),
        switches: sum(&|x| x.effort.switches),
        handoffs: sum(&|x| x.effort.handoffs),
        peak_end,
        health: health(
            config,
            success,
            peak_end,
            optional(&|x| x.effort.mean),
            optional(&|x| x.mean_shortfall),
        ),
    }
}

/// Every aggregate over the customer base.
pub(crate) fn overall(
    map: &JourneyMap,
    config: &ScoringConfig,
    results: &[PersonaResult<'_>],
) -> Overall {
    let sum = |f: &dyn Fn(&PersonaResult<'_>) -> f64| {
        results
            .iter()
            .map(|r| r.scores.weight * f(r))
            .fold(0.0, |a, b| a + b)
    };
    let optional = |f: &dyn Fn(&PersonaResult<'_>) -> Option<f64>| {
        let (num, den) = results.iter().fold((0.0, 0.0), |(a, b), r| match f(r) {
            Some(v) => (a + r.scores.weight * v, b + r.scores.weight),
            None => (a, b),
        });
        (den > 0.0).then(|| num / den)
    };
    let figures: Vec<(f64, &Figures)> = results
        .iter()
        .map(|r| (r.scores.weight, &r.figures))
        .collect();
    let totals = totals(config, &figures);
    let touchpoint_rows = touchpoints(results);
    let touchpoints = touchpoint_rows.iter().map(|t| t.row.clone()).collect();
    Overall {
        personas: results
            .iter()
            .map(|r| (r.scores.persona.clone(), r.scores.weight))
            .collect(),
        success_probability: totals.success,
        expected_steps: sum(&|r| r.scores.conversion.expected_steps),
        expected_time: sum(&|r| r.scores.conversion.expected_time),
        expected_effort: totals.effort,
        expected_channel_switches: totals.switches,
        expected_handoffs: totals.handoffs,
        peak_end: totals.peak_end,
        health: totals.health,
        outcomes: outcomes(results),
        expected_emotion: optional(&|r| {
            r.scores
                .emotion
                .expected_mean
                .as_ref()
                .map(|l| l.normalized)
        })
        .map(|v| level(map, v)),
        emotion_stages: stages(map, results, |d| d.emotion, |v| emotion_raw(map, v)),
        effort_stages: stages(map, results, |d| d.effort, |v| effort_raw(map, v)),
        gap_stages: stages(map, results, gap, |v| gap_raw(map, v)),
        touchpoints,
        effort_hot_spots: effort_hot_spots(map, config, &touchpoint_rows),
        shortfalls: shortfalls(config, &touchpoint_rows),
        crossroads: crossroads(&touchpoint_rows),
    }
}

/// A touchpoint's moment-of-truth figures summed over the personas: (Σ w·reach, Σ w·reach·factor
/// ..., Σ w, Σ factor ... for the unreached case).
struct MomentSums<'m> {
    data: StateData<'m>,
    reach: f64,
    weighted: [f64; 4],
    weight: f64,
    plain: [f64; 4],
    personas: f64,
    /// Known importance and performance: (Σ w·reach·v, Σ w·reach, Σ w·v, Σ w).
    importance: [f64; 4],
    performance: [f64; 4],
}

impl<'m> MomentSums<'m> {
    fn new(data: StateData<'m>) -> Self {
        Self {
            data,
            reach: 0.0,
            weighted: [0.0; 4],
            weight: 0.0,
            plain: [0.0; 4],
            personas: 0.0,
            importance: [0.0; 4],
            performance: [0.0; 4],
        }
    }

    /// Adds the factors of a persona of weight `w` at the touchpoint, and its known importance
    /// and performance there.
    fn add(&mut self, w: f64, f: &Factors, d: &StateData<'_>) {
        let values = [f.importance, f.pain, f.swing, f.criticality];
        self.reach += w * f.reach;
        self.weight += w * f.reach;
        self.personas += 1.0;
        for (k, value) in values.iter().enumerate() {
            self.weighted[k] += w * f.reach * value;
            self.plain[k] += value;
        }
        add_known(&mut self.importance, w, f.reach, d.importance);
        add_known(&mut self.performance, w, f.reach, performance(d));
    }

    /// The factors over the customer base: reach-weighted means (plain means when no persona
    /// reaches the touchpoint).
    fn factors(&self) -> Factors {
        let v = |k: usize| {
            if self.weight > 0.0 {
                self.weighted[k] / self.weight
            } else {
                self.plain[k] / self.personas.max(1.0)
            }
        };
        Factors {
            reach: self.reach,
            importance: v(0),
            pain: v(1),
            swing: v(2),
            criticality: v(3),
        }
    }
}

/// Adds a known value `v` of a persona of weight `w` reaching a touchpoint with `reach`.
fn add_known(acc: &mut [f64; 4], w: f64, reach: f64, v: Option<f64>) {
    if let Some(v) = v {
        acc[0] += w * reach * v;
        acc[1] += w * reach;
        acc[2] += w * v;
        acc[3] += w;
    }
}

/// The reach-weighted mean of the sums of [`add_known`] (the plain weighted mean when nobody
/// reaches), `None` when no value is known.
fn known_mean(acc: &[f64; 4]) -> Option<f64> {
    if acc[1] > 0.0 {
        Some(acc[0] / acc[1])
    } else {
        (acc[3] > 0.0).then(|| acc[2] / acc[3])
    }
}

/// The moments of truth over the customer base, ranked: one pass over the personas' moments,
/// then one over the summed touchpoints.
pub(crate) fn aggregate_moments<'m>(
    map: &'m JourneyMap,
    config: &ScoringConfig,
    results: &[PersonaResult<'m>],
    ranks: &HashMap<&str, usize>,
) -> Vec<MomentOfTruth> {
    let mut sums: BTreeMap<&str, MomentSums<'_>> = BTreeMap::new();
    for r in results {
        let w = r.scores.weight;
        for m in &r.scores.moments_of_truth {
            let Some(&i) = r.states.get(m.touchpoint.as_str()) else {
                continue;
            };
            let d = &r.data[i];
            // The map-level measures (no persona override) describe the aggregated touchpoint.
            sums.entry(d.tp.id.as_str())
                .or_insert_with(|| MomentSums::new(state_data(map, d.tp, None, ranks)))
                .add(w, &m.factors, d);
        }
    }
    // The crosshair over the aggregated touchpoints.
    let (imp_mid, perf_mid) = crosshair_of(
        config,
        sums.values().filter_map(|a| known_mean(&a.importance)),
        sums.values().filter_map(|a| known_mean(&a.performance)),
    );
    let mut out: Vec<MomentOfTruth> = sums
        .into_values()
        .map(|a| {
            let importance = known_mean(&a.importance);
            let quadrant = quadrant_of(importance, known_mean(&a.performance), imp_mid, perf_mid);
            moment(config, &a.data, a.factors(), quadrant, importance.is_some())
        })
        .collect();
    rank(&mut out);
    out
}
