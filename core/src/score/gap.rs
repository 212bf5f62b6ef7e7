//! Experience gap, SERVQUAL gap 5 (Parasuraman, Zeithaml & Berry 1985): perceived minus
//! expected emotion per touchpoint, per stage, and the largest shortfalls. docs/scoring.md §4.

use super::state::{Read, StateData, gap, gap_raw, weighted_stage_values};
use super::{GapScores, ScoringConfig, TouchpointGap};
use crate::model::JourneyMap;
use crate::score::chain::Solution;

/// Experience shortfalls: most negative gap first (ties by id), at most `top`.
pub(crate) fn rank_shortfalls(list: &mut Vec<TouchpointGap>, config: &ScoringConfig) {
    list.sort_by(|a, b| {
        a.normalized
            .total_cmp(&b.normalized)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    list.truncate(config.top());
}

/// The gap scores of one persona.
pub(crate) fn persona(
    map: &JourneyMap,
    config: &ScoringConfig,
    data: &[StateData<'_>],
    solution: &Solution,
) -> GapScores {
    let n = data.len();
    let reach = &solution.visit_probability;
    let mut gaps: Vec<TouchpointGap> = (0..n)
        .filter_map(|i| {
            let (p, e) = (
                data[i].measures.emotion?,
                data[i].measures.expected_emotion?,
            );
            if !p.is_finite() || !e.is_finite() {
                return None;
            }
            Some(TouchpointGap {
                touchpoint: data[i].tp.id.clone(),
                perceived: p,
                expected: e,
                gap: p - e,
                normalized: data[i].emotion? - data[i].expected?,
            })
        })
        .collect();
    gaps.sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
    let stages = weighted_stage_values(map, data, reach, gap, |v| gap_raw(map, v));
    let mut shortfalls: Vec<TouchpointGap> = gaps
        .iter()
        .filter(|g| g.normalized < 0.0)
        .cloned()
        .collect();
    rank_shortfalls(&mut shortfalls, config);
    GapScores {
        touchpoints: gaps,
        stages,
        shortfalls,
    }
}

/// Mean shortfall per visit (health index): `Σ v_j max(0, x_j − e_j)/2 / Σ v_j` over the states
/// with both emotions.
pub(crate) fn mean_shortfall<S: Read>(data: &[S], visits: &[f64]) -> Option<f64> {
    let (num, den) = data.iter().zip(visits).fold((0.0, 0.0), |(a, b), (d, &v)| {
        match (d.emotion(), d.expected()) {
            (Some(e), Some(x)) => (a + v * ((x - e).max(0.0) / 2.0), b + v),
            _ => (a, b),
        }
    });
    (den > 0.0).then(|| num / den)
}
