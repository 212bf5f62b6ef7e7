//! Customer effort (CES 1.0 and 2.0 scales, normalized so that 1 is always the most effort):
//! expected effort along the journey, per stage, hot spots, channel switches and hand-offs.
//! docs/scoring.md §3.

use super::state::{StateData, effort_raw, weighted_stage_values};
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

/// The effort scores of one persona, with the mean normalized effort per visit (health index).
pub(crate) fn persona(
    map: &JourneyMap,
    config: &ScoringConfig,
    chain: &Chain,
    data: &[StateData<'_>],
    solution: &Solution,
) -> (EffortScores, Option<f64>) {
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
    let expected_total: f64 = efforts
        .iter()
        .map(|e| e.contribution)
        .fold(0.0, |a, b| a + b);
    let mut hot_spots: Vec<TouchpointEffort> = efforts
        .iter()
        .filter(|e| e.contribution > 0.0)
        .cloned()
        .collect();
    rank_hot_spots(&mut hot_spots, config);
    let (mut switches, mut handoffs) = (0.0, 0.0);
    for i in 0..n {
        for (j, p) in chain.successors.row(i) {
            if data[i].tp.channel != data[j].tp.channel {
                switches += visits[i] * p;
            }
            if let (Some(a), Some(b)) = (&data[i].tp.owner, &data[j].tp.owner)
                && a != b
            {
                handoffs += visits[i] * p;
            }
        }
    }
    let stages = weighted_stage_values(map, data, reach, |d| d.effort, |v| effort_raw(map, v));
    let total_visits: f64 = (0..n)
        .filter(|&i| data[i].effort.is_some())
        .map(|i| visits[i])
        .fold(0.0, |a, b| a + b);
    let mean_effort = (total_visits > 0.0).then(|| expected_total / total_visits);
    (
        EffortScores {
            touchpoints: efforts,
            stages,
            expected_total,
            expected_channel_switches: switches,
            expected_handoffs: handoffs,
            hot_spots,
        },
        mean_effort,
    )
}
