//! The HTML report: one self-contained page a CX lead can mail around. Both pictures per persona
//! (and for the whole customer base) behind a persona switcher made of radio buttons and CSS
//! (no script, no network), the tables a reader wants beside the pictures, and the map's
//! diagnostics. Printed on A4 landscape, every persona gets its own pages.

use std::fmt::Write;

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{JourneyMap, MapIndex, OpportunityStatus, OutcomeKind, SurveyMetric};
use crate::render::{self, Options, Personas, esc};
use crate::score::{
    EffortScores, GapScores, MomentOfTruth, OutcomeProbability, Quadrant, Scores, ScoringConfig,
    TouchpointEffort, TouchpointGap,
};
use crate::validate::validate_map;

const STYLE: &str = include_str!("report.css");

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

fn num(v: f64) -> String {
    format!("{v:.2}")
}

/// A table with a caption; `numeric` marks the right-aligned columns.
fn table(
    out: &mut String,
    caption: &str,
    headers: &[&str],
    numeric: &[usize],
    rows: &[Vec<String>],
) {
    let _ = write!(out, "<table><caption>{}</caption><thead><tr>", esc(caption));
    for (i, h) in headers.iter().enumerate() {
        let class = if numeric.contains(&i) {
            " class=\"num\""
        } else {
            ""
        };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    if rows.is_empty() {
        let _ = write!(
            out,
            "<tr><td colspan=\"{}\" class=\"none\">none</td></tr>",
            headers.len()
        );
    }
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if numeric.contains(&i) {
                " class=\"num\""
            } else {
                ""
            };
            // Cells are escaped by their builders (some hold lists).
            let _ = write!(out, "<td{class}>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

struct Page<'a> {
    map: &'a JourneyMap,
    index: MapIndex<'a>,
    scores: &'a Scores,
}

impl Page<'_> {
    fn tp(&self, id: &str) -> String {
        esc(self.index.touchpoint(id).map_or(id, |t| t.name.as_str()))
    }

    fn stage_of(&self, id: &str) -> String {
        let stage = self
            .index
            .touchpoint(id)
            .map(|t| t.stage.as_str())
            .unwrap_or("");
        esc(self.index.stage(stage).map_or(stage, |s| s.name.as_str()))
    }

    fn moments(&self, out: &mut String, moments: &[MomentOfTruth], caption: &str) {
        let rows: Vec<Vec<String>> = moments
            .iter()
            .take(10)
            .map(|m| {
                let quadrant = m.quadrant.map_or("", |q| match q {
                    Quadrant::ConcentrateHere => "concentrate here",
                    Quadrant::KeepUpTheGoodWork => "keep up the good work",
                    Quadrant::LowPriority => "low priority",
                    Quadrant::PossibleOverkill => "possible overkill",
                });
                let reasons: Vec<String> = m
                    .reasons
                    .iter()
                    .map(|r| format!("<li>{}</li>", esc(r)))
                    .collect();
                vec![
                    m.rank.to_string(),
                    format!(
                        "{}{}",
                        self.tp(&m.touchpoint),
                        if m.declared {
                            " <span class=\"tag\">declared</span>"
                        } else {
                            ""
                        }
                    ),
                    self.stage_of(&m.touchpoint),
                    num(m.priority),
                    esc(quadrant),
                    format!("<ul>{}</ul>", reasons.join("")),
                ]
            })
            .collect();
        table(
            out,
            caption,
            &["#", "Touchpoint", "Stage", "Priority", "Quadrant", "Why"],
            &[0, 3],
            &rows,
        );
    }

    fn hot_spots(&self, out: &mut String, spots: &[TouchpointEffort], caption: &str) {
        let rows: Vec<Vec<String>> = spots
            .iter()
            .map(|h| {
                vec![
                    self.tp(&h.touchpoint),
                    self.stage_of(&h.touchpoint),
                    num(h.effort),
                    num(h.normalized),
                    num(h.expected_visits),
                    num(h.contribution),
                ]
            })
            .collect();
        table(
            out,
            caption,
            &[
                "Touchpoint",
                "Stage",
                "Effort",
                "Normalized (0–1)",
                "Visits per customer",
                "Share of total effort",
            ],
            &[2, 3, 4, 5],
            &rows,
        );
    }

    fn shortfalls(&self, out: &mut String, gaps: &[TouchpointGap], caption: &str) {
        let rows: Vec<Vec<String>> = gaps
            .iter()
            .map(|g| {
                vec![
                    self.tp(&g.touchpoint),
                    self.stage_of(&g.touchpoint),
                    num(g.perceived),
                    num(g.expected),
                    num(g.gap),
                ]
            })
            .collect();
        table(
            out,
            caption,
            &["Touchpoint", "Stage", "Perceived", "Expected", "Gap"],
            &[2, 3, 4],
            &rows,
        );
    }

    fn outcomes(&self, out: &mut String, outcomes: &[OutcomeProbability], caption: &str) {
        let rows: Vec<Vec<String>> = outcomes
            .iter()
            .map(|o| {
                let name = self
                    .index
                    .outcome(&o.outcome)
                    .map_or("Left without an outcome", |x| x.name.as_str());
                let kind = match o.kind {
                    OutcomeKind::Success => "success",
                    OutcomeKind::Failure => "failure",
                    OutcomeKind::Neutral => "neutral",
                };
                vec![
                    esc(name),
                    format!("<span class=\"kind {kind}\">{kind}</span>"),
                    pct(o.probability),
                ]
            })
            .collect();
        table(
            out,
            caption,
            &["Outcome", "Kind", "Share of journeys"],
            &[2],
            &rows,
        );
    }

    fn figure(&self, out: &mut String, svg: Result<String, render::Error>, caption: &str) {
        match svg {
            Ok(svg) => {
                let _ = write!(
                    out,
                    "<figure>{svg}<figcaption>{}</figcaption></figure>",
                    esc(caption)
                );
            }
            Err(e) => {
                let _ = write!(out, "<p class=\"none\">{}</p>", esc(&e.to_string()));
            }
        }
    }

    fn panel_all(&self, out: &mut String) {
        let o = &self.scores.overall;
        out.push_str("<section class=\"panel\" id=\"panel-all\" aria-label=\"All customers\"><h2>All customers</h2>");
        let _ = write!(
            out,
            "<p class=\"lead\">Every persona weighted by its share of the customer base: conversion {}, health {:.0}/100.</p>",
            pct(o.success_probability),
            o.health.index
        );
        self.figure(
            out,
            render::journey_svg_in(
                self.map,
                &self.index,
                self.scores,
                &Personas::All,
                &options("jm-all-journey"),
            ),
            "Journey map: each persona's emotion curve along its most likely successful journey.",
        );
        self.figure(out, render::flow_svg_in(self.map, &self.index, self.scores, &Personas::All, &options("jm-all-flow")), "Flow view of the customer base: arrow width is the expected number of moves per customer.");
        out.push_str("<div class=\"tables\">");
        self.moments(
            out,
            &self.scores.moments_of_truth,
            "Moments of truth over the customer base",
        );
        self.hot_spots(out, &o.effort_hot_spots, "Effort hot spots");
        self.shortfalls(
            out,
            &o.shortfalls,
            "Experience shortfalls (perceived below expected)",
        );
        self.outcomes(out, &o.outcomes, "Outcomes");
        out.push_str("</div></section>");
    }

    fn panel_persona(&self, out: &mut String, k: usize) {
        let persona = &self.map.personas[k];
        let _ = write!(
            out,
            "<section class=\"panel\" id=\"panel-{k}\" aria-label=\"{}\"><h2>{}</h2>",
            esc(&persona.name),
            esc(&persona.name)
        );
        let mut facts: Vec<String> = Vec::new();
        if let Some(s) = persona.share {
            facts.push(format!("{} of customers", pct(s)));
        }
        if let Some(d) = &persona.description {
            facts.push(esc(d));
        }
        if !facts.is_empty() {
            let _ = write!(out, "<p class=\"lead\">{}</p>", facts.join(" · "));
        }
        for (label, items) in [
            ("Goals", &persona.goals),
            ("Frustrations", &persona.frustrations),
        ] {
            if !items.is_empty() {
                let list: Vec<String> = items.iter().map(|g| esc(g)).collect();
                let _ = write!(
                    out,
                    "<p class=\"facts\"><b>{label}:</b> {}</p>",
                    list.join("; ")
                );
            }
        }
        let Some(p) = self.scores.persona(&persona.id) else {
            let reasons = match self.scores.persona_report(self.map, &persona.id) {
                Err(e) => e
                    .to_diagnostics()
                    .iter()
                    .map(|d| esc(&d.message))
                    .collect::<Vec<_>>()
                    .join("; "),
                Ok(_) => String::new(),
            };
            let _ = write!(
                out,
                "<p class=\"none\">This persona is not scored: {reasons}</p></section>"
            );
            return;
        };
        let one = Personas::One(persona.id.clone());
        let _ = write!(
            out,
            "<p class=\"lead\">Conversion {} · health {:.0}/100 · {:.1} steps · {:.1} channel switches · {:.1} hand-offs</p>",
            pct(p.conversion.success_probability),
            p.health.index,
            p.conversion.expected_steps,
            p.effort.expected_channel_switches,
            p.effort.expected_handoffs
        );
        self.figure(
            out,
            render::journey_svg_in(
                self.map,
                &self.index,
                self.scores,
                &one,
                &options(&format!("jm-p{k}-journey")),
            ),
            "Journey map along the most likely successful journey.",
        );
        self.figure(
            out,
            render::flow_svg_in(
                self.map,
                &self.index,
                self.scores,
                &one,
                &options(&format!("jm-p{k}-flow")),
            ),
            "Flow view: arrow width is the expected number of moves per customer.",
        );
        out.push_str("<div class=\"tables\">");
        self.moments(out, &p.moments_of_truth, "Moments of truth, by priority");
        let EffortScores { hot_spots, .. } = &p.effort;
        self.hot_spots(out, hot_spots, "Effort hot spots");
        let GapScores { shortfalls, .. } = &p.gap;
        self.shortfalls(
            out,
            shortfalls,
            "Experience shortfalls (perceived below expected)",
        );
        self.outcomes(out, &p.conversion.outcomes, "Outcomes");
        out.push_str("</div></section>");
    }

    fn common(&self, out: &mut String, diagnostics: &[Diagnostic]) {
        out.push_str("<section class=\"common\"><h2>For the whole map</h2><div class=\"tables\">");
        let rows: Vec<Vec<String>> = self
            .scores
            .survey_plan
            .iter()
            .map(|s| {
                let metric = match s.metric {
                    SurveyMetric::Ces => "CES",
                    SurveyMetric::Csat => "CSAT",
                    SurveyMetric::Nps => "NPS",
                    SurveyMetric::Custom => "custom",
                };
                let channel = self
                    .index
                    .channel(&s.channel)
                    .map_or(s.channel.as_str(), |c| c.name.as_str());
                vec![
                    self.tp(&s.touchpoint),
                    metric.to_owned(),
                    esc(channel),
                    esc(&s.reason),
                    num(s.priority),
                ]
            })
            .collect();
        table(
            out,
            "Survey plan (voice of the customer)",
            &["Touchpoint", "Ask for", "Through", "Why", "Priority"],
            &[4],
            &rows,
        );
        let rows: Vec<Vec<String>> = self
            .map
            .opportunities
            .iter()
            .map(|o| {
                let tps: Vec<String> = o.touchpoints.iter().map(|t| self.tp(t)).collect();
                let pains: Vec<String> = o
                    .pains
                    .iter()
                    .map(|id| {
                        let text = self
                            .map
                            .touchpoints
                            .iter()
                            .flat_map(|t| &t.pains)
                            .find(|p| p.id.as_deref() == Some(id.as_str()))
                            .map_or(id.as_str(), |p| p.text.as_str());
                        esc(text)
                    })
                    .collect();
                let status = o.status.map_or("", |s| match s {
                    OpportunityStatus::Idea => "idea",
                    OpportunityStatus::Planned => "planned",
                    OpportunityStatus::InProgress => "in progress",
                    OpportunityStatus::Done => "done",
                    OpportunityStatus::Rejected => "rejected",
                });
                let opt = |v: Option<f64>| v.map_or(String::new(), |v| format!("{v}"));
                vec![
                    esc(&o.title),
                    tps.join(", "),
                    pains.join("; "),
                    opt(o.value),
                    opt(o.effort),
                    o.confidence.map_or(String::new(), pct),
                    status.to_owned(),
                ]
            })
            .collect();
        table(
            out,
            "Opportunities",
            &[
                "Opportunity",
                "Touchpoints",
                "Pains relieved",
                "Value",
                "Effort",
                "Confidence",
                "Status",
            ],
            &[3, 4, 5],
            &rows,
        );
        let rows: Vec<Vec<String>> = diagnostics
            .iter()
            .chain(&self.scores.diagnostics)
            .map(|d| {
                let at = match (d.line, d.column) {
                    (Some(l), Some(c)) => format!("{} (line {l}, column {c})", d.path),
                    _ => d.path.to_string(),
                };
                let sev = match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "info",
                };
                vec![
                    format!("<span class=\"sev {sev}\">{sev}</span>"),
                    format!(
                        "<a href=\"{}\">{}</a>",
                        esc(&d.code.doc_link()),
                        d.code.as_str()
                    ),
                    format!("<code>{}</code>", esc(&at)),
                    esc(&d.message),
                ]
            })
            .collect();
        table(
            out,
            "Diagnostics of the map and its scores",
            &["Severity", "Code", "Where", "Message"],
            &[],
            &rows,
        );
        out.push_str("</div></section>");
    }
}

fn options(id: &str) -> Options {
    Options {
        id: id.to_owned(),
        ..Options::default()
    }
}

/// The HTML report of a map with its scores and the diagnostics of its validation (shown with
/// the scores' own diagnostics).
pub fn html_report(map: &JourneyMap, scores: &Scores, diagnostics: &[Diagnostic]) -> String {
    let page = Page {
        map,
        index: map.index(),
        scores,
    };
    let mut panels: Vec<(String, String)> = Vec::new();
    if map.personas.len() > 1 {
        panels.push(("all".to_owned(), "All customers".to_owned()));
    }
    for (k, p) in map.personas.iter().enumerate() {
        let share = p
            .share
            .map(|s| format!(" ({})", pct(s)))
            .unwrap_or_default();
        panels.push((k.to_string(), format!("{}{share}", p.name)));
    }
    let mut out = String::with_capacity(1 << 20);
    let lang = esc(map.locale.as_deref().unwrap_or("en"));
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — journey report</title><style>",
        esc(&map.title)
    );
    out.push_str(STYLE);
    // Which panel each radio button shows.
    for (id, _) in &panels {
        let _ = write!(
            out,
            "#show-{id}:checked~main #panel-{id}{{display:block}}#show-{id}:checked~nav label[for=show-{id}]{{background:#1f3a5f;color:#fff;border-color:#1f3a5f}}"
        );
    }
    out.push_str("</style></head><body>");
    let o = &scores.overall;
    let _ = write!(
        out,
        "<header><h1>{}</h1><p class=\"meta\">{} · <code>{}</code>",
        esc(&map.title),
        esc(crate::render::state_name(map)),
        esc(&map.id)
    );
    if let Some(r) = &map.metadata.revision {
        let _ = write!(out, " · revision {}", esc(r));
    }
    if let Some(u) = map
        .metadata
        .updated
        .as_ref()
        .or(map.metadata.created.as_ref())
    {
        let _ = write!(out, " · {}", esc(u));
    }
    if !map.metadata.authors.is_empty() {
        let _ = write!(out, " · {}", esc(&map.metadata.authors.join(", ")));
    }
    out.push_str("</p>");
    if let Some(d) = &map.description {
        let _ = write!(out, "<p class=\"lead\">{}</p>", esc(d));
    }
    let _ = write!(
        out,
        "<div class=\"kpis\"><div><span>Conversion</span><b>{}</b></div><div><span>Health index</span><b>{:.0}/100</b></div><div><span>Expected steps</span><b>{:.1}</b></div><div><span>Channel switches</span><b>{:.1}</b></div><div><span>Personas</span><b>{}</b></div></div></header>",
        pct(o.success_probability),
        o.health.index,
        o.expected_steps,
        o.expected_channel_switches,
        map.personas.len()
    );
    for (k, (id, _)) in panels.iter().enumerate() {
        let _ = write!(
            out,
            "<input type=\"radio\" name=\"persona\" class=\"switch\" id=\"show-{id}\"{}>",
            if k == 0 { " checked" } else { "" }
        );
    }
    if panels.len() > 1 {
        out.push_str("<nav aria-label=\"Persona\"><span>Show:</span>");
        for (id, name) in &panels {
            let _ = write!(out, "<label for=\"show-{id}\">{}</label>", esc(name));
        }
        out.push_str("</nav>");
    }
    out.push_str("<main>");
    if map.personas.len() > 1 {
        page.panel_all(&mut out);
    }
    for k in 0..map.personas.len() {
        page.panel_persona(&mut out, k);
    }
    if map.personas.is_empty() {
        out.push_str("<section class=\"panel always\"><p class=\"none\">The map declares no persona, so nothing is scored.</p></section>");
    }
    page.common(&mut out, diagnostics);
    let _ = write!(
        out,
        "</main><footer>Made with journeymap {} from map format {}. Scores and methods: docs/scoring.md; how to read the pictures: docs/pictures.md.</footer></body></html>",
        env!("CARGO_PKG_VERSION"),
        esc(&map.format_version)
    );
    out.push('\n');
    out
}

/// Validates and scores the map with `config`, then writes its HTML report: what the bindings
/// call.
pub fn html(map: &JourneyMap, config: &ScoringConfig) -> String {
    let report = validate_map(map);
    html_report(map, &map.score(config), &report.diagnostics)
}
