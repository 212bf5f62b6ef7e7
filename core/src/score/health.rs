//! The journey health index: a weighted mean of conversion, remembered emotion, ease and met
//! expectations, 0..100. docs/scoring.md §8.

use super::{Health, ScoringConfig};

/// The health index of these parts (each part left out when unknown).
pub(crate) fn health(
    config: &ScoringConfig,
    conversion: f64,
    peak_end: Option<f64>,
    effort: Option<f64>,
    shortfall: Option<f64>,
) -> Health {
    let w = &config.health;
    let emotion = peak_end.map(|p| ((p + 1.0) / 2.0).clamp(0.0, 1.0));
    let effort = effort.map(|e| (1.0 - e).clamp(0.0, 1.0));
    let experience = shortfall.map(|s| (1.0 - s).clamp(0.0, 1.0));
    let parts = [
        (w.conversion, Some(conversion)),
        (w.emotion, emotion),
        (w.effort, effort),
        (w.experience, experience),
    ];
    let (num, den) = parts.iter().fold((0.0, 0.0), |(a, b), &(w, v)| match v {
        Some(v) if w.is_finite() && w > 0.0 => (a + w * v, b + w),
        _ => (a, b),
    });
    Health {
        index: if den > 0.0 { 100.0 * num / den } else { 0.0 },
        conversion,
        emotion,
        effort,
        experience,
    }
}
