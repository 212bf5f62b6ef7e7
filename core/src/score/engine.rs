//! The computation behind [`JourneyMap::score`](crate::JourneyMap::score).

use std::collections::BTreeMap;

use foldhash::{HashMap, HashMapExt};
use std::rc::Rc;

use super::aggregate;
use super::*;
use crate::analytics::{Chain, DROP_OFF, Solution, betweenness, most_likely_path};
use crate::model::{
    ChannelKind, JourneyMap, Measures, OutcomeKind, PersonaGraph, ServiceMode, SurveyMetric,
    Touchpoint,
};
use crate::validate::Diagnostic;

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

/// Normalized measures of a touchpoint for a persona.
pub(crate) fn state_data<'m>(
    map: &'m JourneyMap,
    tp: &'m Touchpoint,
    persona: &str,
    ranks: &HashMap<&str, usize>,
) -> StateData<'m> {
    let s = &map.scales;
    let m = tp.measures_for(persona);
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
fn emotion_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let s = map.scales.emotion();
    s.min + (normalized + 1.0) / 2.0 * (s.max - s.min)
}

fn level(map: &JourneyMap, normalized: f64) -> Level {
    Level {
        raw: emotion_raw(map, normalized),
        normalized,
    }
}

fn diag(code: Code, path: String, message: String) -> Diagnostic {
    let severity = CODES
        .iter()
        .find(|c| c.code == code)
        .map_or(Severity::Warning, |c| c.severity);
    Diagnostic::new(code, severity, path, message)
}

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

/// Everything scored for one persona, with the per-state values the aggregates need.
pub(crate) struct PersonaResult<'m> {
    pub scores: PersonaScores,
    pub solution: Solution,
    /// Per state (touchpoints in id order), the normalized measures.
    pub data: Vec<StateData<'m>>,
    /// Per state, probability that the journey fails right after it.
    pub drop_off: Vec<f64>,
    /// Per state, betweenness centrality.
    pub between: Rc<Vec<f64>>,
    /// Touchpoint id → state index.
    pub states: HashMap<&'m str, usize>,
    pub path_positions: HashMap<usize, usize>,
    pub mean_effort: Option<f64>,
    pub mean_shortfall: Option<f64>,
    pub peak_end: Option<f64>,
}

pub(crate) fn score(map: &JourneyMap, config: &ScoringConfig) -> Scores {
    let mut diagnostics = Vec::new();
    let ranks = stage_ranks(map);
    let index = map.index();
    if map.personas.is_empty() {
        diagnostics.push(diag(
            NO_PERSONA,
            "/personas".into(),
            "the map declares no persona, so nothing is scored".into(),
        ));
    }
    // Personas in id order; duplicates (reported by validation) keep the first.
    let mut personas: Vec<(usize, &crate::model::Persona)> = map
        .personas
        .iter()
        .enumerate()
        .filter(|(_, p)| index.persona(&p.id).is_some_and(|x| std::ptr::eq(x, *p)))
        .collect();
    personas.sort_by(|a, b| a.1.id.cmp(&b.1.id));

    let mut results: Vec<PersonaResult<'_>> = Vec::new();
    // Chains already built, by journey signature: personas with the same journey share one chain;
    // personas whose chains have the same transient part share its factorization and centrality.
    let mut built: Vec<(Vec<u64>, Option<Rc<Chain>>)> = Vec::new();
    type Solved = (Rc<Chain>, Rc<faer::Mat<f64>>, Rc<Vec<f64>>);
    let mut solved: Vec<Solved> = Vec::new();
    for (pi, persona) in &personas {
        let signature = journey_signature(map, &persona.id);
        let chain = match built.iter().find(|(s, _)| *s == signature) {
            Some((_, chain)) => chain.clone(),
            None => {
                let Some(graph) = PersonaGraph::build_with(map, &index, &persona.id) else {
                    continue;
                };
                let chain = (!graph.entries.is_empty()).then(|| Rc::new(Chain::build(map, &graph)));
                built.push((signature, chain.clone()));
                chain
            }
        };
        let Some(chain) = chain else {
            diagnostics.push(diag(
                PERSONA_NOT_SCORED,
                format!("/personas/{pi}"),
                format!("persona \"{}\" has no entry and is not scored", persona.id),
            ));
            continue;
        };
        for &t in &chain.repairs.normalized {
            diagnostics.push(diag(
                PROBABILITIES_SCALED,
                format!("/touchpoints/{t}"),
                format!(
                    "moves out of \"{}\" sum over 1 for persona \"{}\" and were scaled to 1",
                    map.touchpoints[t].id, persona.id
                ),
            ));
        }
        for &t in &chain.repairs.trapped {
            diagnostics.push(diag(
                TRAPPED_PROBABILITY,
                format!("/touchpoints/{t}"),
                format!(
                    "no outcome can be reached from \"{}\" for persona \"{}\"; customers there are counted as abandoning",
                    map.touchpoints[t].id, persona.id
                ),
            ));
        }
        let shared = solved
            .iter()
            .find(|(c, _, _)| Rc::ptr_eq(c, &chain) || c.same_transient_part(&chain));
        let (fundamental, between) = match shared {
            Some((_, f, b)) => (f.clone(), b.clone()),
            None => {
                let f = Rc::new(chain.fundamental());
                let b = Rc::new(betweenness(&chain));
                solved.push((chain.clone(), f.clone(), b.clone()));
                (f, b)
            }
        };
        let solution = chain.solve_with(&fundamental);
        if solution.success <= 0.0 {
            diagnostics.push(diag(
                NO_CONVERSION,
                format!("/personas/{pi}"),
                format!(
                    "no success outcome can be reached by persona \"{}\"",
                    persona.id
                ),
            ));
        }
        let result = score_persona(map, config, &persona.id, &chain, solution, between, &ranks);
        if result.scores.emotion.summary.is_none() {
            diagnostics.push(diag(
                NO_EMOTION_DATA,
                format!("/personas/{pi}"),
                format!(
                    "no emotion measure along the most likely path of persona \"{}\"",
                    persona.id
                ),
            ));
        }
        results.push(result);
    }

    // Weights: normalized shares; equal weights when any scored persona has no share.
    let shares: Vec<Option<f64>> = results
        .iter()
        .map(|r| {
            index
                .persona(&r.scores.persona)
                .and_then(|p| p.share)
                .filter(|s| s.is_finite() && *s >= 0.0)
        })
        .collect();
    let total: f64 = shares.iter().flatten().fold(0.0, |a, b| a + b);
    let equal = shares.iter().any(Option::is_none) || total <= 0.0;
    let count = results.len().max(1) as f64;
    for (r, share) in results.iter_mut().zip(&shares) {
        r.scores.weight = if equal {
            1.0 / count
        } else {
            share.unwrap_or(0.0) / total
        };
    }

    let moments_of_truth = aggregate_moments(map, config, &results, &ranks);
    let survey_plan = survey_plan(map, config, &moments_of_truth, &results);
    let overall = overall(map, config, &results);
    Scores {
        map: map.id.clone(),
        personas: results.into_iter().map(|r| r.scores).collect(),
        overall,
        moments_of_truth,
        survey_plan,
        diagnostics,
    }
}

/// What a persona's chain depends on: which touchpoints, transitions and entries apply to it and
/// its drop-off rates. Personas with equal signatures have identical chains.
fn journey_signature(map: &JourneyMap, persona: &str) -> Vec<u64> {
    let mut signature =
        Vec::with_capacity(2 * map.touchpoints.len() + map.transitions.len() + map.entries.len());
    for tp in &map.touchpoints {
        signature.push(u64::from(tp.applies_to(persona)));
        signature.push(tp.drop_off_for(persona).map_or(u64::MAX, f64::to_bits));
    }
    signature.extend(
        map.transitions
            .iter()
            .map(|t| u64::from(t.applies_to(persona))),
    );
    signature.extend(map.entries.iter().map(|e| u64::from(e.applies_to(persona))));
    signature
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

fn weighted_stage_values(
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

/// Effort on the declared scale from its 0..1 normalization.
pub(crate) fn effort_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let effort = map.scales.effort();
    let s = effort.bounds();
    match effort.direction() {
        crate::model::EffortDirection::HigherIsMoreEffort => s.min + normalized * (s.max - s.min),
        crate::model::EffortDirection::HigherIsEasier => s.max - normalized * (s.max - s.min),
    }
}

/// A normalized gap (-2..2) in emotion-scale units.
pub(crate) fn gap_raw(map: &JourneyMap, normalized: f64) -> f64 {
    let s = map.scales.emotion();
    normalized / 2.0 * (s.max - s.min)
}

fn score_persona<'m>(
    map: &'m JourneyMap,
    config: &ScoringConfig,
    persona: &str,
    chain: &Chain,
    solution: Solution,
    between: Rc<Vec<f64>>,
    ranks: &HashMap<&str, usize>,
) -> PersonaResult<'m> {
    let n = chain.len();
    let data: Vec<StateData<'m>> = chain
        .touchpoints
        .iter()
        .map(|&t| state_data(map, &map.touchpoints[t], persona, ranks))
        .collect();
    let id = |i: usize| data[i].tp.id.clone();
    let visits = &solution.expected_visits;
    let reach = &solution.visit_probability;

    // Emotion.
    let emotion_scale = map.scales.emotion();
    let stages = weighted_stage_values(map, &data, reach, |d| d.emotion, |v| emotion_raw(map, v));
    // The curve follows the most likely journey that succeeds (the one the map is designed for);
    // when no success can be reached, the most likely journey of all.
    let path = most_likely_path(chain, |k| chain.outcome_kinds[k] == OutcomeKind::Success)
        .or_else(|| most_likely_path(chain, |_| true));
    let mut curve = Vec::new();
    let mut path_positions = HashMap::new();
    if let Some((states, _, _)) = &path {
        for (pos, &i) in states.iter().enumerate() {
            path_positions.entry(i).or_insert(pos);
            if let Some(e) = data[i].emotion {
                curve.push(CurvePoint {
                    touchpoint: id(i),
                    stage: data[i].tp.stage.clone(),
                    emotion: emotion_raw(map, e),
                    normalized: e,
                });
            }
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
    let peak_end = summary.as_ref().map(|s| s.peak_end.normalized);

    // Effort.
    let effort_scale = map.scales.effort();
    let mut efforts: Vec<TouchpointEffort> = (0..n)
        .filter_map(|i| {
            let normalized = data[i].effort?;
            Some(TouchpointEffort {
                touchpoint: id(i),
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
    let effort_stages =
        weighted_stage_values(map, &data, reach, |d| d.effort, |v| effort_raw(map, v));
    let total_visits: f64 = (0..n)
        .filter(|&i| data[i].effort.is_some())
        .map(|i| visits[i])
        .fold(0.0, |a, b| a + b);
    let mean_effort = (total_visits > 0.0).then(|| expected_total / total_visits);

    // Experience gap (SERVQUAL gap 5: perceived - expected).
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
                touchpoint: id(i),
                perceived: p,
                expected: e,
                gap: p - e,
                normalized: data[i].emotion? - data[i].expected?,
            })
        })
        .collect();
    gaps.sort_by(|a, b| a.touchpoint.cmp(&b.touchpoint));
    let gap_stages = weighted_stage_values(
        map,
        &data,
        reach,
        |d| Some(d.emotion? - d.expected?),
        |v| gap_raw(map, v),
    );
    let mut shortfalls: Vec<TouchpointGap> = gaps
        .iter()
        .filter(|g| g.normalized < 0.0)
        .cloned()
        .collect();
    rank_shortfalls(&mut shortfalls, config);
    let (num, den) = (0..n).fold((0.0, 0.0), |(a, b), i| {
        match (data[i].emotion, data[i].expected) {
            (Some(e), Some(x)) => (a + visits[i] * ((x - e).max(0.0) / 2.0), b + visits[i]),
            _ => (a, b),
        }
    });
    let mean_shortfall = (den > 0.0).then(|| num / den);

    // Conversion.
    let m = chain.outcomes.len();
    let outcomes: Vec<OutcomeProbability> = (0..m)
        .map(|k| OutcomeProbability {
            outcome: chain.outcomes[k]
                .map_or_else(|| DROP_OFF.to_owned(), |o| map.outcomes[o].id.clone()),
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
            touchpoint: id(i),
            expected_visits: visits[i],
            visit_probability: reach[i],
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
            .as_ref()
            .map(|(s, _, _)| s.iter().map(|&i| id(i)).collect())
            .unwrap_or_default(),
        most_likely_outcome: path.as_ref().map(|&(_, k, _)| {
            chain.outcomes[k].map_or_else(|| DROP_OFF.to_owned(), |o| map.outcomes[o].id.clone())
        }),
        most_likely_probability: path.as_ref().map_or(0.0, |&(_, _, p)| p),
    };

    // Crossroads.
    let mut crossroads: Vec<Crossroad> = (0..n)
        .map(|i| Crossroad {
            touchpoint: id(i),
            visit_probability: reach[i],
            betweenness: between[i],
        })
        .collect();
    rank_crossroads(&mut crossroads);

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
    let (imp_mid, perf_mid) = crosshair(config, &data);
    // Backstage steps are not seen by the customer: they are not moments of truth.
    let mut moments: Vec<MomentOfTruth> = (0..n)
        .filter(|&i| data[i].tp.visibility() == crate::model::Visibility::Frontstage)
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

    let health = health(
        config,
        solution.success,
        peak_end,
        mean_effort,
        mean_shortfall,
    );
    PersonaResult {
        scores: PersonaScores {
            persona: persona.to_owned(),
            weight: 0.0,
            emotion: EmotionScores {
                stages,
                curve,
                summary,
                expected_mean,
            },
            effort: EffortScores {
                touchpoints: efforts,
                stages: effort_stages,
                expected_total,
                expected_channel_switches: switches,
                expected_handoffs: handoffs,
                hot_spots,
            },
            gap: GapScores {
                touchpoints: gaps,
                stages: gap_stages,
                shortfalls,
            },
            conversion,
            crossroads,
            moments_of_truth: moments,
            health,
        },
        solution,
        drop_off,
        between,
        states: data
            .iter()
            .enumerate()
            .map(|(i, d)| (d.tp.id.as_str(), i))
            .collect(),
        data,
        path_positions,
        mean_effort,
        mean_shortfall,
        peak_end,
    }
}

/// Effort hot spots: largest contribution first (ties by id), at most `top`.
pub(crate) fn rank_hot_spots(list: &mut Vec<TouchpointEffort>, config: &ScoringConfig) {
    list.sort_by(|a, b| {
        b.contribution
            .total_cmp(&a.contribution)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    list.truncate(config.top());
}

/// Experience shortfalls: most negative gap first (ties by id), at most `top`.
pub(crate) fn rank_shortfalls(list: &mut Vec<TouchpointGap>, config: &ScoringConfig) {
    list.sort_by(|a, b| {
        a.normalized
            .total_cmp(&b.normalized)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    list.truncate(config.top());
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
            .filter(|d| d.tp.visibility() == crate::model::Visibility::Frontstage)
    };
    crosshair_of(
        config,
        ranked().filter_map(|d| d.importance),
        ranked().filter_map(performance),
    )
}

/// Where the importance-performance crosshair sits for these known importances and
/// performances: the scale midpoint, or their means (0.5 without data).
fn crosshair_of(
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
fn mean_or_half(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.5 } else { sum / n as f64 }
}

/// Performance of a touchpoint, 0..1: satisfaction when measured, else emotion.
fn performance(d: &StateData<'_>) -> Option<f64> {
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
fn quadrant_of(
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
fn moment(
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
                format!("falls short of expectation (perceived {p}, expected {e})")
            }
            (Some(p), _) if d.emotion.is_some_and(|e| e < 0.0) => {
                format!("negative emotion ({p})")
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

fn rank(moments: &mut [MomentOfTruth]) {
    moments.sort_by(|a, b| {
        b.priority
            .total_cmp(&a.priority)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    for (i, m) in moments.iter_mut().enumerate() {
        m.rank = i + 1;
    }
}

fn health(
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

fn aggregate_moments<'m>(
    map: &'m JourneyMap,
    config: &ScoringConfig,
    results: &[PersonaResult<'m>],
    ranks: &HashMap<&str, usize>,
) -> Vec<MomentOfTruth> {
    // touchpoint id → (Σ w·reach, Σ w·reach·factor..., Σ w, Σ w·factor... for the unreached case)
    struct Acc<'m> {
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
    fn add(acc: &mut [f64; 4], w: f64, reach: f64, v: Option<f64>) {
        if let Some(v) = v {
            acc[0] += w * reach * v;
            acc[1] += w * reach;
            acc[2] += w * v;
            acc[3] += w;
        }
    }
    fn mean(acc: &[f64; 4]) -> Option<f64> {
        if acc[1] > 0.0 {
            Some(acc[0] / acc[1])
        } else {
            (acc[3] > 0.0).then(|| acc[2] / acc[3])
        }
    }
    let mut acc: BTreeMap<&str, Acc<'_>> = BTreeMap::new();
    for r in results {
        let w = r.scores.weight;
        for m in &r.scores.moments_of_truth {
            let Some(&i) = r.states.get(m.touchpoint.as_str()) else {
                continue;
            };
            let d = &r.data[i];
            let f = &m.factors;
            let values = [f.importance, f.pain, f.swing, f.criticality];
            // The map-level measures (no persona override) describe the aggregated touchpoint.
            let e = acc.entry(d.tp.id.as_str()).or_insert_with(|| Acc {
                data: state_data(map, d.tp, "", ranks),
                reach: 0.0,
                weighted: [0.0; 4],
                weight: 0.0,
                plain: [0.0; 4],
                personas: 0.0,
                importance: [0.0; 4],
                performance: [0.0; 4],
            });
            e.reach += w * f.reach;
            e.weight += w * f.reach;
            e.personas += 1.0;
            for (k, value) in values.iter().enumerate() {
                e.weighted[k] += w * f.reach * value;
                e.plain[k] += value;
            }
            add(&mut e.importance, w, f.reach, d.importance);
            add(&mut e.performance, w, f.reach, performance(d));
        }
    }
    // The crosshair over the aggregated touchpoints.
    let (imp_mid, perf_mid) = crosshair_of(
        config,
        acc.values().filter_map(|a| mean(&a.importance)),
        acc.values().filter_map(|a| mean(&a.performance)),
    );
    let mut out: Vec<MomentOfTruth> = acc
        .into_values()
        .map(|a| {
            let v = |k: usize| {
                if a.weight > 0.0 {
                    a.weighted[k] / a.weight
                } else {
                    a.plain[k] / a.personas.max(1.0)
                }
            };
            let factors = Factors {
                reach: a.reach,
                importance: v(0),
                pain: v(1),
                swing: v(2),
                criticality: v(3),
            };
            let quadrant =
                quadrant_of(mean(&a.importance), mean(&a.performance), imp_mid, perf_mid);
            let importance_known = mean(&a.importance).is_some();
            moment(config, &a.data, factors, quadrant, importance_known)
        })
        .collect();
    rank(&mut out);
    out
}

fn survey_plan(
    map: &JourneyMap,
    config: &ScoringConfig,
    moments: &[MomentOfTruth],
    results: &[PersonaResult<'_>],
) -> Vec<SurveyItem> {
    let index = map.index();
    let mut plan: Vec<SurveyItem> = Vec::new();
    for m in moments {
        if plan.len() >= config.survey.max_surveys {
            break;
        }
        if m.factors.reach <= 0.0 {
            continue;
        }
        // Spacing on every persona's most likely path.
        let too_close = plan.iter().any(|chosen| {
            results.iter().any(|r| {
                let pos = |id: &str| {
                    r.states
                        .get(id)
                        .and_then(|i| r.path_positions.get(i).copied())
                };
                match (pos(&m.touchpoint), pos(&chosen.touchpoint)) {
                    (Some(a), Some(b)) => a.abs_diff(b) < config.survey.min_spacing,
                    _ => false,
                }
            })
        });
        if too_close {
            continue;
        }
        let Some(tp) = index.touchpoint(&m.touchpoint) else {
            continue;
        };
        let channel = index.channel(&tp.channel);
        let ends_relationship = map.transitions.iter().any(|t| {
            t.from == tp.id
                && index
                    .outcome(&t.to)
                    .is_some_and(|o| o.kind == OutcomeKind::Success)
        });
        let effort = results
            .iter()
            .filter_map(|r| r.states.get(tp.id.as_str()).and_then(|&i| r.data[i].effort))
            .fold(None, |acc: Option<f64>, e| {
                Some(acc.map_or(e, |a| a.max(e)))
            });
        let service = channel
            .is_some_and(|c| c.kind == ChannelKind::Human || c.mode == Some(ServiceMode::Assisted));
        let (metric, reason) = if let Some(declared) = &tp.survey {
            (declared.metric, "survey declared in the map".to_owned())
        } else if ends_relationship {
            (
                SurveyMetric::Nps,
                "ends the journey with a success: ask for the relationship (NPS)".to_owned(),
            )
        } else if effort.is_some_and(|e| e >= config.survey.effort_threshold) || service {
            (
                SurveyMetric::Ces,
                "effortful or assisted service step: ask how easy it was (CES)".to_owned(),
            )
        } else {
            (
                SurveyMetric::Csat,
                "transactional step: ask for satisfaction (CSAT)".to_owned(),
            )
        };
        plan.push(SurveyItem {
            touchpoint: tp.id.clone(),
            metric,
            channel: tp.channel.clone(),
            reason,
            priority: m.priority,
        });
    }
    plan
}

fn overall(map: &JourneyMap, config: &ScoringConfig, results: &[PersonaResult<'_>]) -> Overall {
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
    let success = sum(&|r| r.solution.success);
    let peak_end = optional(&|r| r.peak_end);
    let touchpoint_rows = aggregate::touchpoints(results);
    let touchpoints = touchpoint_rows.iter().map(|t| t.row.clone()).collect();
    let health = health(
        config,
        success,
        peak_end,
        optional(&|r| r.mean_effort),
        optional(&|r| r.mean_shortfall),
    );
    Overall {
        personas: results
            .iter()
            .map(|r| (r.scores.persona.clone(), r.scores.weight))
            .collect(),
        success_probability: success,
        expected_steps: sum(&|r| r.scores.conversion.expected_steps),
        expected_time: sum(&|r| r.scores.conversion.expected_time),
        expected_effort: sum(&|r| r.scores.effort.expected_total),
        expected_channel_switches: sum(&|r| r.scores.effort.expected_channel_switches),
        expected_handoffs: sum(&|r| r.scores.effort.expected_handoffs),
        peak_end,
        health,
        outcomes: aggregate::outcomes(results),
        expected_emotion: optional(&|r| {
            r.scores
                .emotion
                .expected_mean
                .as_ref()
                .map(|l| l.normalized)
        })
        .map(|v| level(map, v)),
        emotion_stages: aggregate::stages(map, results, |d| d.emotion, |v| emotion_raw(map, v)),
        effort_stages: aggregate::stages(map, results, |d| d.effort, |v| effort_raw(map, v)),
        gap_stages: aggregate::stages(
            map,
            results,
            |d| Some(d.emotion? - d.expected?),
            |v| gap_raw(map, v),
        ),
        touchpoints,
        effort_hot_spots: aggregate::effort_hot_spots(map, config, &touchpoint_rows),
        shortfalls: aggregate::shortfalls(config, &touchpoint_rows),
        crossroads: aggregate::crossroads(&touchpoint_rows),
    }
}
