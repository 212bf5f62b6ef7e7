//! Conversion from the solved absorbing chain (Kemeny & Snell 1960): outcome probabilities,
//! flow through each touchpoint with its removal effect (Anderl et al. 2016), the most likely
//! path, and crossroads (betweenness, Brandes 2001). docs/scoring.md §5–6.

use super::state::StateData;
use super::{Conversion, Crossroad, OutcomeProbability, TouchpointFlow};
use crate::model::{JourneyMap, OutcomeKind};
use crate::score::chain::{Chain, DROP_OFF, Solution};

/// The most likely path: its states, the absorbing state it ends in, its probability.
pub(crate) type LikelyPath = (Vec<usize>, usize, f64);

/// The conversion of one persona, with the per-state probability that the journey fails right
/// after each state (the aggregates need it).
pub(crate) fn persona(
    map: &JourneyMap,
    chain: &Chain,
    data: &[StateData<'_>],
    solution: &Solution,
    path: Option<&LikelyPath>,
) -> (Conversion, Vec<f64>) {
    let n = data.len();
    let visits = &solution.expected_visits;
    let outcome_id = |k: usize| {
        chain.outcomes[k].map_or_else(|| DROP_OFF.to_owned(), |o| map.outcomes[o].id.clone())
    };
    let m = chain.outcomes.len();
    let outcomes: Vec<OutcomeProbability> = (0..m)
        .map(|k| OutcomeProbability {
            outcome: outcome_id(k),
            kind: chain.outcome_kinds[k],
            probability: solution.absorption[k],
        })
        .collect();
    let failure_cols: Vec<usize> = (0..m)
        .filter(|&k| chain.outcome_kinds[k] == OutcomeKind::Failure)
        .collect();
    let drop_off: Vec<f64> = (0..n)
        .map(|i| {
            visits[i]
                * failure_cols
                    .iter()
                    .map(|&k| chain.r(i, k))
                    .fold(0.0, |a, b| a + b)
        })
        .collect();
    let mut flows: Vec<TouchpointFlow> = (0..n)
        .map(|i| TouchpointFlow {
            touchpoint: data[i].tp.id.clone(),
            expected_visits: visits[i],
            visit_probability: solution.visit_probability[i],
            drop_off: drop_off[i],
            success_from_here: solution.success_from[i],
            removal_effect: solution.removal_effect[i],
        })
        .collect();
    flows.sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
    let expected_time: f64 = (0..n)
        .map(|i| {
            visits[i]
                * data[i]
                    .measures
                    .duration
                    .filter(|d| d.is_finite())
                    .unwrap_or(0.0)
        })
        .fold(0.0, |a, b| a + b);
    let conversion = Conversion {
        outcomes,
        success_probability: solution.success,
        expected_steps: visits.iter().fold(0.0, |a, b| a + b),
        expected_time,
        touchpoints: flows,
        most_likely_path: path
            .map(|(s, _, _)| s.iter().map(|&i| data[i].tp.id.clone()).collect())
            .unwrap_or_default(),
        most_likely_outcome: path.map(|&(_, k, _)| outcome_id(k)),
        most_likely_probability: path.map_or(0.0, |&(_, _, p)| p),
    };
    (conversion, drop_off)
}

/// Crossroads: most visited first, then highest betweenness, then id.
pub(crate) fn rank_crossroads(list: &mut [Crossroad]) {
    list.sort_by(|a, b| {
        b.visit_probability
            .total_cmp(&a.visit_probability)
            .then_with(|| b.betweenness.total_cmp(&a.betweenness))
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
}

/// The crossroads of one persona.
pub(crate) fn crossroads(
    data: &[StateData<'_>],
    solution: &Solution,
    between: &[f64],
) -> Vec<Crossroad> {
    let mut out: Vec<Crossroad> = (0..data.len())
        .map(|i| Crossroad {
            touchpoint: data[i].tp.id.clone(),
            visit_probability: solution.visit_probability[i],
            betweenness: between[i],
        })
        .collect();
    rank_crossroads(&mut out);
    out
}
