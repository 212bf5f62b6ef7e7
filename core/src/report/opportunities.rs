//! The text report of `journeymap opportunities`: the ranked opportunities as a table, the
//! reasons of each, and the portfolio.

use std::fmt::Write;

use crate::model::JourneyMap;
use crate::score::{ImpactSource, OpportunityScore, Portfolio, Prediction, ValueEffort};

fn signed(v: f64, decimals: usize) -> String {
    format!("{v:+.decimals$}").replacen('-', "−", 1)
}

fn quadrant(q: Option<ValueEffort>) -> &'static str {
    match q {
        Some(ValueEffort::QuickWin) => "quick win",
        Some(ValueEffort::BigBet) => "big bet",
        Some(ValueEffort::FillIn) => "fill-in",
        Some(ValueEffort::MoneyPit) => "money pit",
        None => "—",
    }
}

/// The predicted change in one line: conversion, effort, remembered emotion, health.
fn change(p: &Prediction) -> String {
    let mut parts = vec![
        format!("conversion {} pt", signed(p.conversion * 100.0, 1)),
        format!("expected effort {}", signed(p.effort, 2)),
    ];
    if let Some(e) = p.peak_end {
        parts.push(format!("remembered emotion {}", signed(e, 2)));
    }
    parts.push(format!("hand-offs {}", signed(p.handoffs, 2)));
    parts.push(format!("health {}", signed(p.health, 1)));
    parts.join(" · ")
}

/// The ranked opportunities of `map` as a table with their reasons, then the portfolio when
/// there is one.
pub fn text_opportunities(
    map: &JourneyMap,
    list: &[OpportunityScore],
    portfolio: Option<&Portfolio>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({}): opportunities", map.title, map.id);
    if list.is_empty() {
        let _ = writeln!(out, "The map declares no opportunity.");
        return out;
    }
    table(&mut out, list);
    reasons(&mut out, map, list);
    if let Some(p) = portfolio {
        portfolio_text(&mut out, p);
    }
    out
}

/// The table: rank, opportunity, reach, impact, RICE, quadrant and the predicted changes.
fn table(out: &mut String, list: &[OpportunityScore]) {
    let width = list
        .iter()
        .map(|o| o.opportunity.chars().count())
        .max()
        .unwrap_or(0)
        .max("opportunity".len());
    let _ = writeln!(
        out,
        "\n  # {:<width$}  reach  impact        RICE  quadrant    Δ conversion  Δ health",
        "opportunity"
    );
    for o in list {
        let impact = match (o.rice.impact, o.rice.impact_source) {
            (Some(i), Some(ImpactSource::Predicted)) => format!("{i} predicted"),
            (Some(i), _) => format!("{i} declared"),
            (None, _) => "—".to_owned(),
        };
        let rice = o
            .rice
            .score
            .map_or_else(|| "—".to_owned(), |s| format!("{s:.3}"));
        let (conversion, health) = o.predicted.as_ref().map_or_else(
            || ("—".to_owned(), "—".to_owned()),
            |p| {
                (
                    format!("{} pt", signed(p.conversion * 100.0, 1)),
                    signed(p.health, 1),
                )
            },
        );
        let _ = writeln!(
            out,
            "{:>3} {:<width$}  {:>4.0}%  {:<12} {:>5}  {:<10}  {:>12}  {:>8}",
            o.rank,
            o.opportunity,
            o.reach * 100.0,
            impact,
            rice,
            quadrant(o.quadrant),
            conversion,
            health
        );
    }
}

/// Why each opportunity ranks where it does: its reasons and the pains it addresses.
fn reasons(out: &mut String, map: &JourneyMap, list: &[OpportunityScore]) {
    let _ = writeln!(out, "\nWhy:");
    let index = map.index();
    for o in list {
        let title = map
            .opportunities
            .iter()
            .find(|x| x.id == o.opportunity)
            .map_or("", |x| x.title.as_str());
        let _ = writeln!(out, "{:>3} {} — {title}", o.rank, o.opportunity);
        for reason in &o.reasons {
            let _ = writeln!(out, "      {reason}");
        }
        for pain in &o.pains {
            let name = index
                .touchpoint(&pain.touchpoint)
                .map_or(pain.touchpoint.as_str(), |t| t.name.as_str());
            let _ = writeln!(out, "      · pain {} at {name}", pain.pain);
        }
    }
}

/// The portfolio: its steps, what they buy together, and its notes.
fn portfolio_text(out: &mut String, p: &Portfolio) {
    let budget = p
        .budget
        .map_or_else(|| "no budget limit".to_owned(), |b| format!("budget {b}"));
    let _ = writeln!(out, "\nPortfolio ({budget}):");
    if p.chosen.is_empty() {
        let _ = writeln!(out, "  nothing: no opportunity with effects fits and helps");
    } else {
        for s in &p.steps {
            let _ = writeln!(
                out,
                "  {} (effort {}, health {}, total effort {})",
                s.opportunity,
                s.effort,
                signed(s.gain, 2),
                s.spent
            );
        }
        let _ = writeln!(out, "  together: {}", change(&p.predicted));
    }
    for d in &p.diagnostics {
        let _ = writeln!(out, "  note: {}", d.message);
    }
}

/// The first `top` opportunities in a few lines, for the text report of the scores (the whole
/// table is `journeymap opportunities`).
pub(super) fn summary(out: &mut String, list: &[OpportunityScore], top: usize) {
    let _ = writeln!(out, "\nOpportunities (see `journeymap opportunities`):");
    for o in list.iter().take(top) {
        let _ = writeln!(
            out,
            "  {}. {} — {}",
            o.rank,
            o.opportunity,
            quadrant(o.quadrant)
        );
        if let Some(reason) = o.reasons.first() {
            let _ = writeln!(out, "     {reason}");
        }
    }
}
