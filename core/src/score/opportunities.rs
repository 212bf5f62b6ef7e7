//! Improvement opportunities, scored with the journey model (docs/scoring.md §13): the share of
//! the customer base that reaches each, the pains it addresses, its predicted impact when it
//! declares effects, its RICE score (Intercom, McBride 2016) with reach from the model and
//! impact from the prediction, its value × effort quadrant, and a rank with reasons.

use std::collections::BTreeSet;

use faer::Mat;
use faer::linalg::solvers::Solve;

use super::predict::{Predictor, change};
use super::solve::Solved;
use super::{
    AddressedPain, Error, ImpactSource, OpportunityConfig, OpportunityScore, Portfolio, Prediction,
    Rice, ScoringConfig, ValueEffort, portfolio,
};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{JourneyMap, Opportunity};

/// Scores and plans the opportunities of one map, reusing its solved chains and earlier
/// predictions between calls (a portfolio after the ranked list costs little more than the
/// list).
#[derive(Debug)]
pub struct Planner<'m> {
    predictor: Predictor<'m>,
}

impl<'m> Planner<'m> {
    /// Solves the map's personas for the opportunity scores. Settings are used as given (see
    /// [`ScoringConfig::check`]).
    pub fn new(map: &'m JourneyMap, config: &ScoringConfig) -> Self {
        Self {
            predictor: Predictor::solving(map, config),
        }
    }

    /// The ranked opportunities, as in [`Scores::opportunities`](super::Scores), with the
    /// diagnostics of opportunities that cannot be predicted (JM108).
    pub fn opportunities(&mut self) -> (Vec<OpportunityScore>, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        let list = score(&mut self.predictor, &mut diagnostics);
        (list, diagnostics)
    }

    /// The predicted change of the map when the effects of these opportunities are applied
    /// together (an opportunity without effects, or with errors in them, changes nothing).
    pub fn predict<S: AsRef<str>>(&mut self, ids: &[S]) -> Result<Prediction, Error> {
        let positions = positions(self.predictor.map, ids)?;
        let (after, _) = self.predictor.predict(&positions);
        Ok(change(self.predictor.map, &self.predictor.base, &after))
    }

    /// The opportunities to do first within an effort budget (`None`: no limit), chosen greedily
    /// by marginal predicted gain per unit of effort (see [`Portfolio`]).
    pub fn portfolio(&mut self, budget: Option<f64>) -> Result<Portfolio, Error> {
        portfolio::portfolio(&mut self.predictor, budget)
    }
}

impl JourneyMap {
    /// The opportunities to do first within an effort budget (`None`: no limit). See
    /// [`Planner::portfolio`].
    pub fn portfolio(
        &self,
        budget: Option<f64>,
        config: &ScoringConfig,
    ) -> Result<Portfolio, Error> {
        Planner::new(self, config).portfolio(budget)
    }
}

/// Positions of opportunity ids in the map (the first of a duplicated id).
pub(crate) fn positions<S: AsRef<str>>(map: &JourneyMap, ids: &[S]) -> Result<Vec<usize>, Error> {
    ids.iter()
        .map(|id| {
            let id = id.as_ref();
            map.opportunities
                .iter()
                .position(|o| o.id == id)
                .ok_or_else(|| Error::UnknownOpportunity(id.to_owned()))
        })
        .collect()
}

/// The ranked opportunities of the predictor's map.
pub(crate) fn score(
    predictor: &mut Predictor<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<OpportunityScore> {
    let map = predictor.map;
    let config = predictor.config.opportunities.clone();
    let threshold = config.high_effort.or_else(|| median_effort(map));
    let mut out = Vec::with_capacity(map.opportunities.len());
    for (i, o) in map.opportunities.iter().enumerate() {
        if map.opportunities[..i].iter().any(|x| x.id == o.id) {
            continue; // a duplicated id (JM022) is scored once
        }
        let predicted = if predictor.predictable(i) {
            let (after, _) = predictor.predict(&[i]);
            Some(change(map, &predictor.base, &after))
        } else {
            if o.has_effects() {
                diagnostics.push(Diagnostic::new(
                    codes::OPPORTUNITY_NOT_PREDICTED,
                    format!("/opportunities/{i}/effects"),
                    format!(
                        "the effects of opportunity \"{}\" have errors ({}); it is not predicted",
                        o.id,
                        predictor.errors[i]
                            .iter()
                            .map(|d| d.code.as_str())
                            .collect::<BTreeSet<_>>()
                            .into_iter()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            None
        };
        let reach = reach(map, &predictor.solved, &predictor.base.personas, o);
        let rice = rice(&config, o, reach, predicted.as_ref());
        let quadrant = quadrant(&config, &rice, threshold);
        let pains = pains(map, o);
        let reasons = reasons(o, &rice, quadrant, predicted.as_ref(), &pains);
        out.push(OpportunityScore {
            opportunity: o.id.clone(),
            rank: 0,
            reach,
            rice,
            quadrant,
            predicted,
            pains,
            reasons,
        });
    }
    rank(&mut out);
    out
}

/// Ranks by RICE score, then predicted gain, then reach (highest first; unknown values last),
/// then id, and numbers the ranks from 1.
fn rank(list: &mut [OpportunityScore]) {
    let key = |v: Option<f64>| v.filter(|v| v.is_finite()).unwrap_or(f64::NEG_INFINITY);
    list.sort_by(|a, b| {
        key(b.rice.score)
            .total_cmp(&key(a.rice.score))
            .then_with(|| {
                key(b.predicted.as_ref().map(|p| p.health))
                    .total_cmp(&key(a.predicted.as_ref().map(|p| p.health)))
            })
            .then_with(|| b.reach.total_cmp(&a.reach))
            .then_with(|| a.opportunity.cmp(&b.opportunity))
    });
    for (k, o) in list.iter_mut().enumerate() {
        o.rank = k + 1;
    }
}

/// The share of the customer base that reaches at least one of the opportunity's touchpoints:
/// those it lists and those its effects act on.
fn reach(
    map: &JourneyMap,
    solved: &[Solved],
    personas: &[(usize, f64, super::persona::Figures)],
    o: &Opportunity,
) -> f64 {
    let index = map.index();
    let ids: BTreeSet<&str> = o
        .touchpoints
        .iter()
        .map(String::as_str)
        .chain(o.effects.iter().flat_map(|e| e.touchpoints()))
        .collect();
    let positions: Vec<usize> = ids
        .into_iter()
        .filter_map(|id| index.touchpoint_position(id))
        .collect();
    solved
        .iter()
        .zip(personas)
        .map(|(s, (_, w, _))| w * persona_reach(s, &positions))
        .fold(0.0, |a, b| a + b)
        .clamp(0.0, 1.0)
}

/// Probability that one persona's journey visits at least one of the touchpoints at
/// `positions`. With `S` those states, `v` the expected visits and `N` the fundamental matrix,
/// the first state of `S` a journey enters has the distribution `d` that solves `d N_SS = v_S`
/// (every visit to `S` follows a first entry), so the probability is `Σ d`. For one state it is
/// its visit probability `v_s / N_ss`.
fn persona_reach(s: &Solved, positions: &[usize]) -> f64 {
    let Some((fundamental, solution)) = &s.full else {
        return 0.0; // the base of a prediction is always fully solved
    };
    let states: Vec<usize> = s
        .chain
        .touchpoints
        .iter()
        .enumerate()
        .filter(|(_, t)| positions.contains(t))
        .map(|(i, _)| i)
        .collect();
    let visits = &solution.expected_visits;
    match states.as_slice() {
        [] => 0.0,
        [one] => solution.visit_probability[*one],
        _ => {
            let k = states.len();
            let n = fundamental;
            // d N_SS = v_S, solved as N_SS^T d^T = v_S^T.
            let a = Mat::<f64>::from_fn(k, k, |r, c| n[(states[c], states[r])]);
            let b = Mat::<f64>::from_fn(k, 1, |r, _| visits[states[r]]);
            let d = a.partial_piv_lu().solve(&b);
            let total = (0..k).map(|r| d[(r, 0)]).fold(0.0, |x, y| x + y);
            if total.is_finite() {
                total.clamp(0.0, 1.0)
            } else {
                // A singular block (rounding): the most visited state is a lower bound.
                states
                    .iter()
                    .map(|&i| solution.visit_probability[i])
                    .fold(0.0, f64::max)
            }
        }
    }
}

/// The pains the opportunity addresses, most severe first (then by id).
fn pains(map: &JourneyMap, o: &Opportunity) -> Vec<AddressedPain> {
    let mut out: Vec<AddressedPain> = o
        .pains
        .iter()
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter_map(|id| {
            map.touchpoints.iter().find_map(|t| {
                let note = t
                    .pains
                    .iter()
                    .find(|n| n.id.as_deref() == Some(id.as_str()))?;
                Some(AddressedPain {
                    pain: id.clone(),
                    touchpoint: t.id.clone(),
                    severity: note.severity(),
                    weight: note.severity().weight(),
                })
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.pain.cmp(&b.pain))
    });
    out
}

/// Intercom's impact scale, lowest first: minimal, low, medium, high, massive.
const LEVELS: [f64; 5] = [0.25, 0.5, 1.0, 2.0, 3.0];

/// The RICE impact of a predicted health gain per customer reached: the highest level whose
/// threshold it reaches (massive, high, medium, low), minimal for any smaller gain above 0, none
/// (0) for no gain.
fn predicted_impact(config: &OpportunityConfig, gain: f64) -> f64 {
    let t = &config.impact;
    let thresholds = [t.low, t.medium, t.high, t.massive];
    match thresholds.iter().rposition(|&x| gain >= x) {
        Some(k) => LEVELS[k + 1],
        None if gain > 0.0 => LEVELS[0],
        None => 0.0,
    }
}

/// The RICE impact of a declared value: read on the value scale as a rating 1..5 (rounded to
/// the nearest whole rating), then 1 minimal .. 5 massive.
fn declared_impact(config: &OpportunityConfig, value: f64) -> Option<f64> {
    let s = &config.value_scale;
    let rating = 1.0 + 4.0 * (value - s.min) / (s.max - s.min);
    if !rating.is_finite() {
        return None;
    }
    let k = rating.round().clamp(1.0, 5.0) as usize;
    LEVELS.get(k - 1).copied()
}

fn rice(
    config: &OpportunityConfig,
    o: &Opportunity,
    reach: f64,
    predicted: Option<&Prediction>,
) -> Rice {
    let (impact, impact_source) = match predicted {
        Some(p) => {
            let per_customer = if reach > 0.0 {
                p.health / reach
            } else {
                p.health
            };
            (
                Some(predicted_impact(config, per_customer)),
                Some(ImpactSource::Predicted),
            )
        }
        None => match o.value.and_then(|v| declared_impact(config, v)) {
            Some(i) => (Some(i), Some(ImpactSource::Declared)),
            None => (None, None),
        },
    };
    let confidence = o
        .confidence
        .filter(|c| c.is_finite())
        .unwrap_or(config.default_confidence)
        .clamp(0.0, 1.0);
    let effort = o.effort.filter(|e| e.is_finite() && *e >= 0.0);
    let score = impact
        .zip(effort.filter(|e| *e > 0.0))
        .map(|(i, e)| reach * i * confidence / e);
    Rice {
        score,
        reach,
        impact,
        impact_source,
        confidence,
        effort,
    }
}

/// The median of the efforts the map's opportunities declare.
fn median_effort(map: &JourneyMap) -> Option<f64> {
    let mut efforts: Vec<f64> = map
        .opportunities
        .iter()
        .filter_map(|o| o.effort)
        .filter(|e| e.is_finite() && *e >= 0.0)
        .collect();
    efforts.sort_by(f64::total_cmp);
    let n = efforts.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(efforts[n / 2]),
        _ => Some((efforts[n / 2 - 1] + efforts[n / 2]) / 2.0),
    }
}

/// The value × effort quadrant: high value when the RICE impact reaches `high_impact`, high
/// effort when the effort is above `threshold`.
fn quadrant(
    config: &OpportunityConfig,
    rice: &Rice,
    threshold: Option<f64>,
) -> Option<ValueEffort> {
    let (impact, effort, threshold) = (rice.impact?, rice.effort?, threshold?);
    Some(match (impact >= config.high_impact, effort > threshold) {
        (true, false) => ValueEffort::QuickWin,
        (true, true) => ValueEffort::BigBet,
        (false, false) => ValueEffort::FillIn,
        (false, true) => ValueEffort::MoneyPit,
    })
}

/// A signed number with `decimals` decimals, with a true minus sign.
fn signed(v: f64, decimals: usize) -> String {
    let s = format!("{v:+.decimals$}");
    s.replacen('-', "−", 1)
}

/// Health-index points, signed: one decimal, two below 0.1.
fn points(v: f64) -> String {
    signed(v, if v.abs() < 0.1 { 2 } else { 1 })
}

/// Impact level name on Intercom's scale.
fn level_name(impact: f64) -> &'static str {
    match impact {
        i if i >= 3.0 => "massive",
        i if i >= 2.0 => "high",
        i if i >= 1.0 => "medium",
        i if i >= 0.5 => "low",
        i if i > 0.0 => "minimal",
        _ => "none",
    }
}

/// Why an opportunity ranks where it does, in words: its impact (predicted or declared), its
/// reach, the pains it addresses, its quadrant, and what is missing.
fn reasons(
    o: &Opportunity,
    rice: &Rice,
    quadrant: Option<ValueEffort>,
    predicted: Option<&Prediction>,
    pains: &[AddressedPain],
) -> Vec<String> {
    let mut out = Vec::with_capacity(5);
    out.push(impact_reason(o, rice, predicted));
    out.push(format!(
        "reaches {}% of customers",
        (rice.reach * 100.0).round()
    ));
    if let Some(worst) = pains.first() {
        let severity = match worst.severity {
            crate::model::NoteSeverity::Low => "low",
            crate::model::NoteSeverity::Medium => "medium",
            crate::model::NoteSeverity::High => "high",
            crate::model::NoteSeverity::Critical => "critical",
        };
        let more = match pains.len() {
            1 => String::new(),
            2 => " and 1 more".to_owned(),
            n => format!(" and {} more", n - 1),
        };
        out.push(format!(
            "addresses the {severity} pain \"{}\" at \"{}\"{more}",
            worst.pain, worst.touchpoint
        ));
    }
    if let Some(q) = quadrant {
        out.push(
            match q {
                ValueEffort::QuickWin => "quick win: high value for low effort",
                ValueEffort::BigBet => "big bet: high value for high effort",
                ValueEffort::FillIn => "fill-in: low value for low effort",
                ValueEffort::MoneyPit => "money pit: low value for high effort",
            }
            .to_owned(),
        );
    }
    match rice.effort {
        None => out.push("no effort declared: no RICE score".to_owned()),
        Some(e) if e <= 0.0 => out.push("effort 0: no RICE score".to_owned()),
        _ => {}
    }
    if o.confidence.is_none() {
        out.push(format!(
            "no confidence declared: {}% assumed",
            (rice.confidence * 100.0).round()
        ));
    }
    out
}

/// The first reason: the predicted change in health (with what moves it), or the declared
/// value, and the impact level they give.
fn impact_reason(o: &Opportunity, rice: &Rice, predicted: Option<&Prediction>) -> String {
    let level = rice
        .impact
        .map(|i| format!("impact {i} ({})", level_name(i)))
        .unwrap_or_default();
    let Some(p) = predicted else {
        return match (o.value, rice.impact) {
            (Some(v), Some(_)) => format!("declared value {v}: {level}"),
            _ => "no effects and no declared value: impact unknown".to_owned(),
        };
    };
    let mut parts = Vec::new();
    if p.conversion.abs() >= 0.0005 {
        parts.push(format!("conversion {} pt", signed(p.conversion * 100.0, 1)));
    }
    if p.effort.abs() >= 0.005 {
        parts.push(format!("expected effort {}", signed(p.effort, 2)));
    }
    if let Some(e) = p.peak_end.filter(|e| e.abs() >= 0.005) {
        parts.push(format!("remembered emotion {}", signed(e, 2)));
    }
    if p.handoffs.abs() >= 0.005 {
        parts.push(format!("hand-offs {}", signed(p.handoffs, 2)));
    }
    let detail = if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    };
    let per_reached = if rice.reach > 0.0 {
        format!(", {} per customer reached", points(p.health / rice.reach))
    } else {
        String::new()
    };
    format!(
        "predicted health {} points per customer{detail}{per_reached}: {level}",
        points(p.health)
    )
}
