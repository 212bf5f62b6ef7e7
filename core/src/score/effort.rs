//! Customer effort (CES 1.0 and 2.0 scales, normalized so that 1 is always the most effort):
//! expected effort along the journey, per stage, hot spots, channel switches and hand-offs.
//! docs/scoring.md §3.

use super::state::{Read, StateData, effort_raw, weighted_stage_values};
use super::{EffortScores, ScoringConfig, TouchpointEffort};
use crate::model::JourneyMap;
use crate::score::chain::{Chain, Solution};

/// Effort hot spots: largest contribution first (ties by id), at most `top`.
pub(crate) fn rank_hot_spots(list: &mut Vec<TouchpointEffort>, config: &ScoringConfig) {
    list.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    list.truncate(config.top());
}

/// The expected effort, channel switches and hand-offs of one persona.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EffortTotals {
    /// Expected total normalized effort: `Σ v_j f_j` over the states with an effort measure.
    pub expected_total: f64,
    /// Mean normalized effort per visit (health index), when some state measures effort.
    pub mean: Option<f64>,
    /// Expected channel switches: `Σ_i v_i Σ_j Q_ij [channel_i ≠ channel_j]`.
    pub switches: f64,
    /// Expected hand-offs: the same with known, different owners.
    pub handoffs: f64,
}

/// The effort totals of one persona (states in id order, as the chain orders them).
pub(crate) fn totals<S: Read>(chain: &Chain, data: &[S], visits: &[f64]) -> EffortTotals {
    let n = data.len();
    let (mut expected_total, mut total_visits) = (0.0, 0.0);
    for i in 0..n {
        if let Some(f) = data[i].effort() {
            expected_total += visits[i] * f;
            total_visits += visits[i];
        }
    }
    let (mut switches, mut handoffs) = (0.0, 0.0);
    for i in 0..n {
        let a = data[i].touchpoint();
        for (j, p) in chain.successors.row(i) {
            let b = data[j].touchpoint();
            if a.channel != b.channel {
                switches += visits[i] * p;
            }
            if let (Some(x), Some(y)) = (&a.owner, &b.owner)
                && x != y
            {
                handoffs += visits[i] * p;
            }
        }
    }
    EffortTotals {
        expected_total,
        mean: (total_visits > 0.0).then(|| expected_total / total_visits),
        switches,
        handoffs,
    }
}

/// The effort scores of one persona, with its totals already computed.
pub(crate) fn persona(
    map: &JourneyMap,
    config: &ScoringConfig,
    data: &[StateData<'_>],
    solution: &Solution,
    totals: &EffortTotals,
) -> EffortScores {
    let n = data.len();
    let visits = &solution.expected_visits;
    let reach = &solution.visit_probability;
    let effort_scale = map.scales.effort();
    let mut efforts: Vec<TouchpointEffort> = (0..n)
        .filter_map(|i| {
            let normalized = data[i].effort?;
            Some(TouchpointEffort {
                touchpoint: data[i].tp.id.clone(),
                effort: data[i].measures.effort.unwrap_or(effort_scale.min),
                normalized,
                expected_visits: visits[i],
                contribution: visits[i] * normalized,
            })
        })
        .collect();
    efforts.sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
    let mut hot_spots: Vec<TouchpointEffort> = efforts
        .iter()
        .filter(|e| e.contribution > 0.0)
        .cloned()
        .collect();
    rank_hot_spots(&mut hot_spots, config);
    let stages = weighted_stage_values(map, data, reach, |d| d.effort, |v| effort_raw(map, v));
    EffortScores {
        touchpoints: efforts,
        stages,
        expected_total: totals.expected_total,
        expected_channel_switches: totals.switches,
        expected_handoffs: totals.handoffs,
        hot_spots,
    }
}
