//! The portfolio: the opportunities to do first within an effort budget, chosen greedily by
//! marginal predicted gain per unit of effort, every candidate set re-scored with its effects
//! combined (effects interact: gains do not add up). docs/scoring.md §13.

use super::predict::{Predictor, change};
use super::{Error, Portfolio, PortfolioStep};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::OpportunityStatus;

/// A candidate: position, id and effort.
struct Candidate<'m> {
    position: usize,
    id: &'m str,
    effort: f64,
}

/// Whether candidate `a` (ratio, gain) beats `b`: larger gain per effort, then larger gain,
/// then smaller effort, then smaller id.
fn better(a: (&Candidate<'_>, f64, f64), b: (&Candidate<'_>, f64, f64)) -> bool {
    let ((ca, ra, ga), (cb, rb, gb)) = (a, b);
    ra.total_cmp(&rb)
        .then(ga.total_cmp(&gb))
        .then(cb.effort.total_cmp(&ca.effort))
        .then(cb.id.cmp(ca.id))
        .is_gt()
}

/// The portfolio within `budget` (see the module documentation); JM109 for every opportunity
/// left out before the choice.
pub(crate) fn portfolio(
    predictor: &mut Predictor<'_>,
    budget: Option<f64>,
) -> Result<Portfolio, Error> {
    if let Some(b) = budget.filter(|b| !(b.is_finite() && *b >= 0.0)) {
        return Err(Error::InvalidBudget(b));
    }
    let map = predictor.map;
    let mut diagnostics = Vec::new();
    let candidates = candidates(predictor, &mut diagnostics);
    let mut chosen: Vec<usize> = Vec::new();
    let mut taken = vec![false; candidates.len()];
    let mut steps: Vec<PortfolioStep> = Vec::new();
    let mut spent = 0.0;
    let mut health = predictor.base.totals.health.index;
    while let Some((k, ratio, gain, after)) = best_next(
        predictor,
        &candidates,
        &taken,
        &chosen,
        (budget, spent),
        health,
    ) {
        let c = &candidates[k];
        taken[k] = true;
        chosen.push(c.position);
        spent += c.effort;
        health = after;
        steps.push(PortfolioStep {
            opportunity: c.id.to_owned(),
            effort: c.effort,
            gain,
            gain_per_effort: ratio.is_finite().then_some(ratio),
            spent,
        });
    }
    let (after, skipped) = predictor.predict(&chosen);
    diagnostics.extend(skipped);
    Ok(Portfolio {
        budget,
        chosen: steps.iter().map(|s| s.opportunity.clone()).collect(),
        effort: spent,
        predicted: change(map, &predictor.base, &after),
        steps,
        diagnostics,
    })
}

/// The opportunities that can be chosen (first of each id, with effects that can be predicted,
/// not done or rejected, with an effort); a JM109 note for each of the others.
fn candidates<'m>(
    predictor: &Predictor<'m>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Candidate<'m>> {
    let map = predictor.map;
    let mut candidates: Vec<Candidate<'_>> = Vec::new();
    for (i, o) in map.opportunities.iter().enumerate() {
        if map.opportunities[..i].iter().any(|x| x.id == o.id) {
            continue;
        }
        let reason = if !o.has_effects() {
            Some("it declares no effects, so it has no predicted gain")
        } else if !predictor.predictable(i) {
            Some("its effects have errors (JM108)")
        } else if matches!(
            o.status,
            Some(OpportunityStatus::Done | OpportunityStatus::Rejected)
        ) {
            Some("it is done or rejected")
        } else {
            None
        };
        let effort = o.effort.filter(|e| e.is_finite() && *e >= 0.0);
        let reason = reason.or(effort.is_none().then_some("it declares no effort"));
        match (reason, effort) {
            (None, Some(effort)) => candidates.push(Candidate {
                position: i,
                id: &o.id,
                effort,
            }),
            (reason, _) => diagnostics.push(Diagnostic::new(
                codes::NOT_IN_PORTFOLIO,
                format!("/opportunities/{i}"),
                format!(
                    "opportunity \"{}\" is left out of the portfolio: {}",
                    o.id,
                    reason.unwrap_or("it declares no effort")
                ),
            )),
        }
    }
    candidates
}

/// The best candidate to add to `chosen` (health `health`, `spent` of `budget` spent):
/// (candidate index, gain per effort, gain, health after), `None` when no candidate left fits or
/// helps.
fn best_next(
    predictor: &mut Predictor<'_>,
    candidates: &[Candidate<'_>],
    taken: &[bool],
    chosen: &[usize],
    (budget, spent): (Option<f64>, f64),
    health: f64,
) -> Option<(usize, f64, f64, f64)> {
    let mut best: Option<(usize, f64, f64, f64)> = None;
    for (k, c) in candidates.iter().enumerate() {
        if taken[k] || budget.is_some_and(|b| spent + c.effort > b) {
            continue;
        }
        let mut set = chosen.to_vec();
        set.push(c.position);
        let (after, _) = predictor.predict(&set);
        let gain = after.totals.health.index - health;
        // A gain that is not positive (or NaN) buys nothing.
        if gain.is_nan() || gain <= 0.0 {
            continue;
        }
        let ratio = if c.effort > 0.0 {
            gain / c.effort
        } else {
            f64::INFINITY
        };
        let wins =
            best.is_none_or(|(b, br, bg, _)| better((c, ratio, gain), (&candidates[b], br, bg)));
        if wins {
            best = Some((k, ratio, gain, after.totals.health.index));
        }
    }
    best
}
