//! Emotion: the curve along the most likely successful journey, its peak-end summary (Kahneman,
//! Fredrickson, Schreiber & Redelmeier 1993), per-stage means and the expected mean emotion.
//! docs/scoring.md §2.

use foldhash::{HashMap, HashMapExt};

use super::state::{Read, StateData, emotion_raw, level, weighted_stage_values};
use super::{CurvePoint, EmotionScores, EmotionSummary};
use crate::model::JourneyMap;
use crate::score::chain::Solution;

/// Positions of the valleys of a curve: points below neutral and no higher than their
/// neighbours.
pub(crate) fn valleys(curve: &[f64]) -> impl Iterator<Item = usize> + '_ {
    (0..curve.len()).filter(|&k| {
        let v = curve[k];
        let left = k.checked_sub(1).map_or(f64::INFINITY, |l| curve[l]);
        let right = curve.get(k + 1).copied().unwrap_or(f64::INFINITY);
        v < 0.0 && v <= left && v <= right
    })
}

/// Summary of a curve of normalized emotions (peak-end rule, Kahneman et al. 1993).
pub(crate) struct CurveStats {
    pub peak: f64,
    pub best: f64,
    pub worst: f64,
    pub end: f64,
    pub mean: f64,
    pub volatility: f64,
}

impl CurveStats {
    /// Streaming accumulation, so observed paths are scored without allocating.
    pub(crate) fn from_iter(values: impl Iterator<Item = f64>) -> Option<Self> {
        let (mut n, mut sum, mut abs_change) = (0usize, 0.0, 0.0);
        let (mut best, mut worst, mut peak, mut last) =
            (f64::NEG_INFINITY, f64::INFINITY, 0.0f64, f64::NAN);
        for v in values {
            if n > 0 {
                abs_change += (v - last).abs();
            }
            if n == 0 || v.abs() > peak.abs() || (v.abs() == peak.abs() && v < peak) {
                peak = v;
            }
            best = best.max(v);
            worst = worst.min(v);
            sum += v;
            last = v;
            n += 1;
        }
        (n > 0).then(|| CurveStats {
            peak,
            best,
            worst,
            end: last,
            mean: sum / n as f64,
            volatility: if n > 1 {
                abs_change / (n - 1) as f64
            } else {
                0.0
            },
        })
    }

    pub(crate) fn peak_end(&self) -> f64 {
        (self.peak + self.end) / 2.0
    }
}

/// The emotion scores of one persona.
pub(crate) struct PersonaEmotion {
    pub scores: EmotionScores,
    /// State → its first position on the most likely path.
    pub path_positions: HashMap<usize, usize>,
}

/// Remembered emotion (normalized) of the curve along `path` (state indices): peak-end of the
/// emotions met on it, `None` when it meets none.
pub(crate) fn peak_end<S: Read>(data: &[S], path: Option<&[usize]>) -> Option<f64> {
    let curve = path
        .unwrap_or_default()
        .iter()
        .filter_map(|&i| data[i].emotion());
    CurveStats::from_iter(curve).map(|st| st.peak_end())
}

/// Emotion of one persona: `path` is the most likely journey (state indices) the curve follows.
pub(crate) fn persona(
    map: &JourneyMap,
    data: &[StateData<'_>],
    solution: &Solution,
    path: Option<&[usize]>,
) -> PersonaEmotion {
    let n = data.len();
    let visits = &solution.expected_visits;
    let reach = &solution.visit_probability;
    let emotion_scale = map.scales.emotion();
    let stages = weighted_stage_values(map, data, reach, |d| d.emotion, |v| emotion_raw(map, v));
    let mut curve = Vec::new();
    let mut path_positions = HashMap::new();
    for (pos, &i) in path.unwrap_or_default().iter().enumerate() {
        path_positions.entry(i).or_insert(pos);
        if let Some(e) = data[i].emotion {
            curve.push(CurvePoint {
                touchpoint: data[i].tp.id.clone(),
                stage: data[i].tp.stage.clone(),
                emotion: emotion_raw(map, e),
                normalized: e,
            });
        }
    }
    let summary = CurveStats::from_iter(curve.iter().map(|p| p.normalized)).map(|st| {
        let valleys = valleys(&curve.iter().map(|p| p.normalized).collect::<Vec<_>>())
            .map(|k| curve[k].clone())
            .collect();
        EmotionSummary {
            peak: level(map, st.peak),
            best: level(map, st.best),
            worst: level(map, st.worst),
            end: level(map, st.end),
            peak_end: level(map, st.peak_end()),
            mean: level(map, st.mean),
            volatility: st.volatility,
            volatility_raw: st.volatility / 2.0 * (emotion_scale.max - emotion_scale.min),
            valleys,
        }
    });
    let (num, den) = (0..n).fold((0.0, 0.0), |(a, b), i| match data[i].emotion {
        Some(e) => (a + visits[i] * e, b + visits[i]),
        None => (a, b),
    });
    let expected_mean = (den > 0.0).then(|| level(map, num / den));
    PersonaEmotion {
        scores: EmotionScores {
            stages,
            curve,
            summary,
            expected_mean,
        },
        path_positions,
    }
}
