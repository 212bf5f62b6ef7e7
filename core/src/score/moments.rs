//! Moments of truth: every frontstage touchpoint ranked by a priority that weighs reach,
//! importance, pain, emotional swing and criticality (removal effect), with its
//! importance-performance quadrant (Martilla & James 1977) and the reasons in words.
//! docs/scoring.md §7.

use super::state::StateData;
use super::{CrosshairRule, Factors, MomentOfTruth, PriorityWeights, Quadrant, ScoringConfig};
use crate::model::Visibility;
use crate::score::chain::{Chain, Solution};

/// The moments of truth of one persona, ranked.
pub(crate) fn persona(
    config: &ScoringConfig,
    chain: &Chain,
    data: &[StateData<'_>],
    solution: &Solution,
) -> Vec<MomentOfTruth> {
    let n = data.len();
    let visits = &solution.expected_visits;
    let reach = &solution.visit_probability;
    // Moments of truth.
    let previous: Vec<Option<f64>> = (0..n)
        .map(|c| {
            let (num, den) =
                chain
                    .predecessors
                    .row(c)
                    .fold((0.0, 0.0), |(a, b), (j, q)| match data[j].emotion {
                        Some(e) if j != c => (a + visits[j] * q * e, b + visits[j] * q),
                        _ => (a, b),
                    });
            (den > 0.0).then(|| num / den)
        })
        .collect();
    // The crosshair over the touchpoints that are ranked (frontstage), as for the aggregates.
    let (imp_mid, perf_mid) = crosshair(config, data);
    // Backstage steps are not seen by the customer: they are not moments of truth.
    let mut moments: Vec<MomentOfTruth> = (0..n)
        .filter(|&i| data[i].tp.visibility() == Visibility::Frontstage)
        .map(|i| {
            let d = &data[i];
            let factors = Factors {
                reach: reach[i],
                importance: d.importance.unwrap_or(0.5),
                pain: pain_factor(d),
                swing: match (d.emotion, previous[i]) {
                    (Some(e), Some(p)) => (e - p).abs() / 2.0,
                    _ => 0.0,
                },
                criticality: solution.removal_effect[i].unwrap_or(0.0),
            };
            moment(
                config,
                d,
                factors,
                quadrant(d, imp_mid, perf_mid),
                d.importance.is_some(),
            )
        })
        .collect();
    rank(&mut moments);
    moments
}

/// The pain factor: the largest of the shortfall against expectation, the negative emotion and
/// the severity of declared pains, each 0..1.
pub(crate) fn pain_factor(d: &StateData<'_>) -> f64 {
    let shortfall = match (d.emotion, d.expected) {
        (Some(e), Some(x)) => ((x - e).max(0.0) / 2.0).min(1.0),
        _ => 0.0,
    };
    let negativity = d.emotion.map_or(0.0, |e| (-e).max(0.0));
    let declared =
        d.tp.pains
            .iter()
            .map(|p| p.severity().weight())
            .fold(0.0, f64::max);
    shortfall.max(negativity).max(declared)
}

fn crosshair(config: &ScoringConfig, data: &[StateData<'_>]) -> (f64, f64) {
    let ranked = || {
        data.iter()
            .filter(|d| d.tp.visibility() == Visibility::Frontstage)
    };
    crosshair_of(
        config,
        ranked().filter_map(|d| d.importance),
        ranked().filter_map(performance),
    )
}

/// Where the importance-performance crosshair sits for these known importances and
/// performances: the scale midpoint, or their means (0.5 without data).
pub(crate) fn crosshair_of(
    config: &ScoringConfig,
    importance: impl Iterator<Item = f64>,
    performance: impl Iterator<Item = f64>,
) -> (f64, f64) {
    match config.crosshair {
        CrosshairRule::ScaleMidpoint => (0.5, 0.5),
        CrosshairRule::DataMean => (mean_or_half(importance), mean_or_half(performance)),
    }
}

/// The mean of the values, 0.5 (the middle of a normalized scale) when there are none.
pub(crate) fn mean_or_half(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.5 } else { sum / n as f64 }
}

/// Performance of a touchpoint, 0..1: satisfaction when measured, else emotion.
pub(crate) fn performance(d: &StateData<'_>) -> Option<f64> {
    d.satisfaction.or(d.emotion.map(|e| (e + 1.0) / 2.0))
}

fn quadrant(d: &StateData<'_>, importance_mid: f64, performance_mid: f64) -> Option<Quadrant> {
    quadrant_of(
        d.importance,
        performance(d),
        importance_mid,
        performance_mid,
    )
}

/// The importance-performance quadrant of known importance and performance (both 0..1).
pub(crate) fn quadrant_of(
    importance: Option<f64>,
    performance: Option<f64>,
    importance_mid: f64,
    performance_mid: f64,
) -> Option<Quadrant> {
    let (importance, performance) = (importance?, performance?);
    Some(
        match (importance >= importance_mid, performance >= performance_mid) {
            (true, false) => Quadrant::ConcentrateHere,
            (true, true) => Quadrant::KeepUpTheGoodWork,
            (false, false) => Quadrant::LowPriority,
            (false, true) => Quadrant::PossibleOverkill,
        },
    )
}

/// The priority of a set of factors: their weighted mean, with each factor's contribution.
pub(crate) fn priority(weights: &PriorityWeights, f: &Factors) -> (f64, Factors) {
    let clean = |w: f64| if w.is_finite() && w > 0.0 { w } else { 0.0 };
    let w = [
        clean(weights.reach),
        clean(weights.importance),
        clean(weights.pain),
        clean(weights.swing),
        clean(weights.criticality),
    ];
    let total: f64 = w.iter().fold(0.0, |a, b| a + b);
    let share = |k: usize, v: f64| if total > 0.0 { w[k] * v / total } else { 0.0 };
    let contributions = Factors {
        reach: share(0, f.reach),
        importance: share(1, f.importance),
        pain: share(2, f.pain),
        swing: share(3, f.swing),
        criticality: share(4, f.criticality),
    };
    let p = contributions.reach
        + contributions.importance
        + contributions.pain
        + contributions.swing
        + contributions.criticality;
    (p, contributions)
}

/// One ranked item: its priority, the factor breakdown and the reasons. `importance_known` says
/// whether the importance factor is measured (else it is the 0.5 default and is not a reason).
pub(crate) fn moment(
    config: &ScoringConfig,
    d: &StateData<'_>,
    factors: Factors,
    quadrant: Option<Quadrant>,
    importance_known: bool,
) -> MomentOfTruth {
    let (priority, contributions) = priority(&config.weights, &factors);
    // Reasons are ranked by contribution first and only then written out.
    #[derive(Clone, Copy)]
    enum Reason {
        Reach,
        Importance,
        Pain,
        Swing,
        Criticality,
    }
    // On the stack: at most five candidate reasons.
    let mut candidates = [
        (contributions.reach, Reason::Reach),
        (
            if importance_known {
                contributions.importance
            } else {
                0.0
            },
            Reason::Importance,
        ),
        (contributions.pain, Reason::Pain),
        (contributions.swing, Reason::Swing),
        (contributions.criticality, Reason::Criticality),
    ];
    // Strongest first; a stable sort keeps the listed order on ties.
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    // The three strongest reasons; the full breakdown is in `factors` and `contributions`.
    let ranked = candidates.into_iter().filter(|(c, _)| *c > 0.0).take(3);
    let pct = |v: f64| (v * 100.0).round() as i64;
    let mut reasons: Vec<String> = Vec::with_capacity(4);
    reasons.extend(ranked.map(|(_, reason)| match reason {
        Reason::Reach => format!("reached by {}% of journeys", pct(factors.reach)),
        Reason::Importance => format!("importance {}%", pct(factors.importance)),
        Reason::Pain => match (d.measures.emotion, d.measures.expected_emotion) {
            (Some(p), Some(e)) if p < e => {
                format!("falls short of expectation (perceived {p:.2}, expected {e:.2})")
            }
            (Some(p), _) if d.emotion.is_some_and(|e| e < 0.0) => {
                format!("negative emotion ({p:.2})")
            }
            _ if !d.tp.pains.is_empty() => {
                format!("declared pain of severity {}%", pct(factors.pain))
            }
            // Aggregated items quote the map's own measures; the pain came from persona measures.
            _ => format!(
                "shortfall or negative emotion for some personas (pain {}%)",
                pct(factors.pain)
            ),
        },
        Reason::Swing => format!(
            "emotional swing of {}% from the previous step",
            pct(factors.swing)
        ),
        Reason::Criticality => format!(
            "{}% of conversions pass through it (removal effect)",
            pct(factors.criticality)
        ),
    }));
    if d.tp.moment_of_truth {
        reasons.push("declared moment of truth".to_owned());
    }
    MomentOfTruth {
        touchpoint: d.tp.id.clone(),
        rank: 0,
        priority,
        factors,
        contributions,
        declared: d.tp.moment_of_truth,
        quadrant,
        reasons,
    }
}

/// Ranks by priority (highest first, ties by id) and numbers the ranks from 1.
pub(crate) fn rank(moments: &mut [MomentOfTruth]) {
    moments.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    for (i, m) in moments.iter_mut().enumerate() {
        m.rank = i + 1;
    }
}
