//! The state of a persona's chain as the scores read it: each touchpoint's measures for the
//! persona, normalized to their scales, and the conversions back to the declared scales.

use foldhash::HashMap;

use super::{Level, StageValue};
use crate::model::{EffortDirection, JourneyMap, Measures, Touchpoint};

/// Per transient state, the persona's normalized measures.
#[derive(Debug, Clone)]
pub(crate) struct StateData<'m> {
    pub tp: &'m Touchpoint,
    pub stage_rank: usize,
    /// Emotion normalized to -1..1.
    pub emotion: Option<f64>,
    /// Expected emotion normalized to -1..1.
    pub expected: Option<f64>,
    /// Effort 0..1 (1 = most effort).
    pub effort: Option<f64>,
    /// Importance 0..1.
    pub importance: Option<f64>,
    /// Satisfaction 0..1.
    pub satisfaction: Option<f64>,
    pub measures: Measures,
}

/// Normalized measures of a touchpoint for a persona (`None`: the base measures).
pub(crate) fn state_data<'m>(
    map: &'m JourneyMap,
    tp: &'m Touchpoint,
    persona: Option<&str>,
    ranks: &HashMap<&str, usize>,
) -> StateData<'m> {
    let s = &map.scales;
    let m = persona.map_or_else(|| tp.measures.clone(), |p| tp.measures_for(p));
    let finite = |v: Option<f64>| v.filter(|v| v.is_finite());
    StateData {
        tp,
        stage_rank: ranks.get(tp.stage.as_str()).copied().unwrap_or(usize::MAX),
        emotion: finite(m.emotion).map(|v| s.emotion().signed(v).clamp(-1.0, 1.0)),
        expected: finite(m.expected_emotion).map(|v| s.emotion().signed(v).clamp(-1.0, 1.0)),
        effort: finite(m.effort).map(|v| s.effort().normalized_effort(v).clamp(0.0, 1.0)),
        importance: finite(m.importance).map(|v| s.importance().unit(v).clamp(0.0, 1.0)),
        satisfaction: finite(m.satisfaction).map(|v| s.satisfaction().unit(v).clamp(0.0, 1.0)),
        measures: m,
    }
}

/// Stage id → rank in journey order.
pub(crate) fn stage_ranks(map: &JourneyMap) -> HashMap<&str, usize> {
    map.stages_in_order()
        .into_iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect()
}

/// Emotion on the declared scale from its -1..1 normalization.
pub(crate) fn emotion_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let s = map.scales.emotion();
    s.min + (normalized + 1.0) / 2.0 * (s.max - s.min)
}

/// A normalized emotion with its value on the declared scale.
pub(crate) fn level(map: &JourneyMap, normalized: f64) -> Level {
    Level {
        raw: emotion_raw(map, normalized),
        normalized,
    }
}

/// Effort on the declared scale from its 0..1 normalization.
pub(crate) fn effort_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let effort = map.scales.effort();
    let s = effort.bounds();
    match effort.direction() {
        EffortDirection::HigherIsMoreEffort => s.min + normalized * (s.max - s.min),
        EffortDirection::HigherIsEasier => s.max - normalized * (s.max - s.min),
    }
}

/// A normalized gap (-2..2) in emotion-scale units.
pub(crate) fn gap_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let s = map.scales.emotion();
    normalized / 2.0 * (s.max - s.min)
}

/// The gap of a state, normalized (-2..2): perceived minus expected emotion.
pub(crate) fn gap(d: &StateData<'_>) -> Option<f64> {
    Some(d.emotion? - d.expected?)
}

/// Per stage in journey order, the weighted mean of `(stage id, weight, value)` items; stages with
/// no weight are left out.
pub(crate) fn stage_means<'a>(
    map: &JourneyMap,
    items: impl Iterator<Item = (&'a str, f64, f64)>,
    raw: impl Fn(f64) -> f64,
) -> Vec<StageValue> {
    let stages = map.stages_in_order();
    let slot: HashMap<&str, usize> = stages
        .iter()
        .enumerate()
        .map(|(k, s)| (s.id.as_str(), k))
        .collect();
    let mut sums = vec![(0.0, 0.0); stages.len()];
    for (stage, w, v) in items {
        if let Some(&k) = slot.get(stage) {
            sums[k].0 += w * v;
            sums[k].1 += w;
        }
    }
    stages
        .iter()
        .zip(sums)
        .filter(|(_, (_, den))| *den > 0.0)
        .map(|(stage, (num, den))| {
            let normalized = num / den;
            StageValue {
                stage: stage.id.clone(),
                raw: raw(normalized),
                normalized,
            }
        })
        .collect()
}

/// Per stage, the mean of `value` over the states weighted by `weights` (one per state).
pub(crate) fn weighted_stage_values(
    map: &JourneyMap,
    data: &[StateData<'_>],
    weights: &[f64],
    value: impl Fn(&StateData<'_>) -> Option<f64>,
    raw: impl Fn(f64) -> f64,
) -> Vec<StageValue> {
    stage_means(
        map,
        data.iter()
            .zip(weights)
            .filter_map(|(d, &w)| Some((d.tp.stage.as_str(), w, value(d)?))),
        raw,
    )
}
