//! The text reports of `journeymap score` and `journeymap diff`.

use std::fmt::Write;

use crate::model::{JourneyMap, MapIndex};
use crate::score::{Comparison, Delta, MomentOfTruth, PersonaScores, Scores};

const BAR_WIDTH: usize = 20;

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

/// A signed bar for a value in -1..1, centred on neutral: `····▇▇▇|` or `|▇▇▇····`.
fn emotion_bar(v: f64) -> String {
    let half = BAR_WIDTH / 2;
    let filled = ((v.abs().min(1.0)) * half as f64).round() as usize;
    if v < 0.0 {
        format!(
            "{}{}|{}",
            " ".repeat(half - filled),
            "▇".repeat(filled),
            " ".repeat(half)
        )
    } else {
        format!(
            "{}|{}{}",
            " ".repeat(half),
            "▇".repeat(filled),
            " ".repeat(half - filled)
        )
    }
}

/// The map with its id lookups, built once per report.
struct Ctx<'m> {
    map: &'m JourneyMap,
    index: MapIndex<'m>,
}

impl<'m> Ctx<'m> {
    /// A touchpoint's display name (its id when unknown).
    fn name<'a>(&self, touchpoint: &'a str) -> &'a str
    where
        'm: 'a,
    {
        self.index
            .touchpoint(touchpoint)
            .map_or(touchpoint, |t| t.name.as_str())
    }
}

fn persona_section(out: &mut String, ctx: &Ctx<'_>, p: &PersonaScores, top: usize) {
    let map = ctx.map;
    let title = ctx
        .index
        .persona(&p.persona)
        .map_or(p.persona.as_str(), |x| x.name.as_str());
    let _ = writeln!(
        out,
        "\n## {title} ({}, weight {})",
        p.persona,
        pct(p.weight)
    );
    let c = &p.conversion;
    let _ = writeln!(
        out,
        "Conversion {}  ·  {:.1} steps  ·  {:.1} {}  ·  health {:.0}/100",
        pct(c.success_probability),
        c.expected_steps,
        c.expected_time,
        format!("{:?}", map.scales.time_unit()).to_lowercase(),
        p.health.index
    );
    let outcomes: Vec<String> = c
        .outcomes
        .iter()
        .map(|o| format!("{} {}", o.outcome, pct(o.probability)))
        .collect();
    let _ = writeln!(out, "Outcomes: {}", outcomes.join(", "));
    let _ = writeln!(
        out,
        "\nEmotion along the most likely successful journey ({} of journeys):",
        pct(c.most_likely_probability)
    );
    for point in &p.emotion.curve {
        let _ = writeln!(
            out,
            "  {:<32} {} {:+.2}",
            truncate(ctx.name(&point.touchpoint), 32),
            emotion_bar(point.normalized),
            point.normalized
        );
    }
    if let Some(s) = &p.emotion.summary {
        let _ = writeln!(
            out,
            "  peak {:+.2} · end {:+.2} · remembered (peak-end) {:+.2} · volatility {:.2}",
            s.peak.normalized, s.end.normalized, s.peak_end.normalized, s.volatility
        );
    } else {
        let _ = writeln!(out, "  (no emotion data)");
    }
    moments_list(out, ctx, &p.moments_of_truth, top);
    let _ = writeln!(
        out,
        "\nEffort: expected total {:.2} · {:.2} channel switches · {:.2} hand-offs",
        p.effort.expected_total, p.effort.expected_channel_switches, p.effort.expected_handoffs
    );
    for h in &p.effort.hot_spots {
        let _ = writeln!(
            out,
            "  hot spot: {} (effort {:.2}, {:.2} visits)",
            ctx.name(&h.touchpoint),
            h.normalized,
            h.expected_visits
        );
    }
    for g in &p.gap.shortfalls {
        let _ = writeln!(
            out,
            "  shortfall: {} (perceived {} vs expected {})",
            ctx.name(&g.touchpoint),
            g.perceived,
            g.expected
        );
    }
}

/// The aggregates over personas: emotion per stage, the moments of truth, hot spots, crossroads.
fn customer_base_section(out: &mut String, ctx: &Ctx<'_>, scores: &Scores, top: usize) {
    let o = &scores.overall;
    let _ = writeln!(out, "\n## Across the customer base");
    let _ = writeln!(out, "Emotion per stage (share × visit weighted):");
    for st in &o.emotion_stages {
        let title = ctx
            .index
            .stage(&st.stage)
            .map_or(st.stage.as_str(), |s| s.name.as_str());
        let _ = writeln!(
            out,
            "  {:<32} {} {:+.2}",
            truncate(title, 32),
            emotion_bar(st.normalized),
            st.normalized
        );
    }
    moments_list(out, ctx, &scores.moments_of_truth, top);
    for h in o.effort_hot_spots.iter().take(3) {
        let _ = writeln!(
            out,
            "  hot spot: {} (effort {:.2}, {:.2} visits per customer)",
            ctx.name(&h.touchpoint),
            h.normalized,
            h.expected_visits
        );
    }
    for c in o.crossroads.iter().take(3) {
        let _ = writeln!(
            out,
            "  crossroad: {} (reached by {})",
            ctx.name(&c.touchpoint),
            pct(c.visit_probability)
        );
    }
}

/// The top moments of truth with their strongest reason.
fn moments_list(out: &mut String, ctx: &Ctx<'_>, moments: &[MomentOfTruth], top: usize) {
    let _ = writeln!(out, "\nTop moments of truth:");
    for m in moments.iter().take(top) {
        let flag = if m.declared { " [declared]" } else { "" };
        let _ = writeln!(
            out,
            "  {}. {} — priority {:.2}{flag}",
            m.rank,
            ctx.name(&m.touchpoint),
            m.priority
        );
        if let Some(reason) = m.reasons.first() {
            let _ = writeln!(out, "     {reason}");
        }
    }
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        s.chars().take(n - 1).collect::<String>() + "…"
    }
}

/// The text report of `journeymap score`: per persona (or one persona), conversion, the emotion
/// curve as a small chart, top moments of truth with their reasons, effort hot spots.
pub fn text_report(map: &JourneyMap, scores: &Scores, persona: Option<&str>) -> String {
    let ctx = Ctx {
        map,
        index: map.index(),
    };
    let mut out = String::new();
    let _ = writeln!(out, "# {} ({})", map.title, map.id);
    let o = &scores.overall;
    let _ = writeln!(
        out,
        "Overall: conversion {} · health {:.0}/100 · remembered emotion {}",
        pct(o.success_probability),
        o.health.index,
        o.peak_end
            .map_or_else(|| "n/a".to_owned(), |v| format!("{v:+.2}"))
    );
    if persona.is_none() && scores.personas.len() > 1 {
        customer_base_section(&mut out, &ctx, scores, 5);
    }
    for p in scores
        .personas
        .iter()
        .filter(|p| persona.is_none_or(|id| id == p.persona))
    {
        persona_section(&mut out, &ctx, p, 5);
    }
    if persona.is_none() && !scores.survey_plan.is_empty() {
        let _ = writeln!(out, "\nSurvey plan:");
        for s in &scores.survey_plan {
            let metric = match s.metric {
                crate::model::SurveyMetric::Ces => "CES",
                crate::model::SurveyMetric::Csat => "CSAT",
                crate::model::SurveyMetric::Nps => "NPS",
                crate::model::SurveyMetric::Custom => "custom",
            };
            let _ = writeln!(
                out,
                "  {metric} at {} via {} — {}",
                ctx.name(&s.touchpoint),
                s.channel,
                s.reason
            );
        }
    }
    if persona.is_none() && !scores.opportunities.is_empty() {
        super::opportunities::summary(&mut out, &scores.opportunities, 5);
    }
    if !scores.diagnostics.is_empty() {
        let _ = writeln!(out, "\nNotes:");
        for d in &scores.diagnostics {
            let _ = writeln!(out, "  {d}");
        }
    }
    out
}

fn delta(label: &str, d: &Delta, percent: bool) -> String {
    let f = |v: f64| if percent { pct(v) } else { format!("{v:.2}") };
    match (d.before, d.after, d.change) {
        (Some(b), Some(a), Some(c)) => format!(
            "{label}: {} → {} ({}{})",
            f(b),
            f(a),
            if c >= 0.0 { "+" } else { "" },
            f(c)
        ),
        _ => format!("{label}: n/a"),
    }
}

/// The text report of `journeymap diff`.
pub fn text_diff(comparison: &Comparison) -> String {
    let c = comparison;
    let mut out = String::new();
    let _ = writeln!(out, "# {} → {}", c.as_is, c.to_be);
    for line in [
        delta("conversion", &c.conversion, true),
        delta("expected effort", &c.expected_effort, false),
        delta("expected steps", &c.expected_steps, false),
        delta("channel switches", &c.expected_channel_switches, false),
        delta("hand-offs", &c.expected_handoffs, false),
        delta("remembered emotion", &c.peak_end, false),
        delta("health index", &c.health, false),
    ] {
        let _ = writeln!(out, "{line}");
    }
    if !c.added.is_empty() {
        let _ = writeln!(out, "added: {}", c.added.join(", "));
    }
    if !c.removed.is_empty() {
        let _ = writeln!(out, "removed: {}", c.removed.join(", "));
    }
    let _ = writeln!(out, "\nTouchpoints whose priority changes most:");
    let mut changed: Vec<_> = c
        .touchpoints
        .iter()
        .filter(|t| t.priority.change.is_some())
        .collect();
    changed.sort_by(|a, b| {
        let (x, y) = (
            a.priority.change.unwrap_or(0.0).abs(),
            b.priority.change.unwrap_or(0.0).abs(),
        );
        y.total_cmp(&x)
            .then_with(|| a.touchpoint.cmp(&b.touchpoint))
    });
    for t in changed.iter().take(5) {
        let _ = writeln!(out, "  {}", delta(&t.touchpoint, &t.priority, false));
    }
    out
}
