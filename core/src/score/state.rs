//! The state of a persona's chain as the scores read it: each touchpoint's measures for the
//! persona, normalized to their scales, and the conversions back to the declared scales.

use foldhash::HashMap;

use super::{Level, StageValue};
use crate::model::{EffortDirection, EffortScale, JourneyMap, Measures, Scale, Touchpoint};

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

/// The scales in force of a map, through which every measure is normalized.
#[derive(Debug, Clone)]
pub(crate) struct Norms {
    emotion: Scale,
    effort: EffortScale,
    importance: Scale,
    satisfaction: Scale,
}

fn finite(v: Option<f64>) -> Option<f64> {
    v.filter(|v| v.is_finite())
}

impl Norms {
    pub(crate) fn of(map: &JourneyMap) -> Self {
        let s = &map.scales;
        Self {
            emotion: s.emotion(),
            effort: s.effort(),
            importance: s.importance(),
            satisfaction: s.satisfaction(),
        }
    }

    /// An emotion (perceived or expected) normalized to -1..1.
    fn emotion(&self, v: Option<f64>) -> Option<f64> {
        finite(v).map(|v| self.emotion.signed(v).clamp(-1.0, 1.0))
    }

    /// An effort normalized to 0..1, 1 = most effort.
    fn effort(&self, v: Option<f64>) -> Option<f64> {
        finite(v).map(|v| self.effort.normalized_effort(v).clamp(0.0, 1.0))
    }
}

/// Normalized measures of a touchpoint for a persona (`None`: the base measures).
pub(crate) fn state_data<'m>(
    map: &'m JourneyMap,
    tp: &'m Touchpoint,
    persona: Option<&str>,
    ranks: &HashMap<&str, usize>,
) -> StateData<'m> {
    let n = Norms::of(map);
    let m = persona.map_or_else(|| tp.measures.clone(), |p| tp.measures_for(p));
    StateData {
        tp,
        stage_rank: ranks.get(tp.stage.as_str()).copied().unwrap_or(usize::MAX),
        emotion: n.emotion(m.emotion),
        expected: n.emotion(m.expected_emotion),
        effort: n.effort(m.effort),
        importance: finite(m.importance).map(|v| n.importance.unit(v).clamp(0.0, 1.0)),
        satisfaction: finite(m.satisfaction).map(|v| n.satisfaction.unit(v).clamp(0.0, 1.0)),
        measures: m,
    }
}

/// What the figures of a prediction read of a state: its normalized emotion, expected emotion
/// and effort, and its touchpoint (channel, owner). The full scores read [`StateData`];
/// predictions read [`Light`], which normalizes the same measures the same way without building
/// them, so both give the same figures to the last bit.
pub(crate) trait Read {
    fn touchpoint(&self) -> &Touchpoint;
    fn emotion(&self) -> Option<f64>;
    fn expected(&self) -> Option<f64>;
    fn effort(&self) -> Option<f64>;
}

impl Read for StateData<'_> {
    fn touchpoint(&self) -> &Touchpoint {
        self.tp
    }
    fn emotion(&self) -> Option<f64> {
        self.emotion
    }
    fn expected(&self) -> Option<f64> {
        self.expected
    }
    fn effort(&self) -> Option<f64> {
        self.effort
    }
}

/// A state as predictions read it (see [`Read`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Light<'m> {
    tp: &'m Touchpoint,
    emotion: Option<f64>,
    expected: Option<f64>,
    effort: Option<f64>,
}

impl<'m> Light<'m> {
    /// The state of `tp` for `persona`: each measure its persona override, else its base value
    /// (as [`Touchpoint::measures_for`] merges them), normalized.
    pub(crate) fn of(norms: &Norms, tp: &'m Touchpoint, persona: &str) -> Self {
        let over = tp.persona_measures.get(persona);
        let field = |f: fn(&Measures) -> Option<f64>| over.and_then(f).or_else(|| f(&tp.measures));
        Self {
            tp,
            emotion: norms.emotion(field(|m| m.emotion)),
            expected: norms.emotion(field(|m| m.expected_emotion)),
            effort: norms.effort(field(|m| m.effort)),
        }
    }
}

impl Read for Light<'_> {
    fn touchpoint(&self) -> &Touchpoint {
        self.tp
    }
    fn emotion(&self) -> Option<f64> {
        self.emotion
    }
    fn expected(&self) -> Option<f64> {
        self.expected
    }
    fn effort(&self) -> Option<f64> {
        self.effort
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
