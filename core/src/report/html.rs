//! HTML for notebooks and reports.

use std::fmt::Write;

use crate::model::{JourneyMap, MapState};
use crate::render::{self, Options, Personas};
use crate::score::ScoringConfig;

use crate::render::esc as escape;

/// A small HTML summary of a map (title, state, personas with shares, stages with their
/// touchpoint counts), for notebooks.
pub fn html_summary(map: &JourneyMap) -> String {
    let mut out = String::new();
    let state = match map.state() {
        MapState::AsIs => "as-is",
        MapState::ToBe => "to-be",
        MapState::Actual => "actual",
    };
    let _ = write!(
        out,
        "<div class=\"journeymap\"><h4>{} <small>({}, {state})</small></h4>",
        escape(&map.title),
        escape(&map.id)
    );
    let _ = write!(out, "<table><tr><th>persona</th><th>share</th></tr>");
    for p in &map.personas {
        let share = p
            .share
            .map_or_else(|| "–".to_owned(), |s| format!("{:.1}%", s * 100.0));
        let _ = write!(out, "<tr><td>{}</td><td>{share}</td></tr>", escape(&p.name));
    }
    let _ = write!(
        out,
        "</table><table><tr><th>stage</th><th>touchpoints</th></tr>"
    );
    for s in map.stages_in_order() {
        let count = map.touchpoints.iter().filter(|t| t.stage == s.id).count();
        let _ = write!(out, "<tr><td>{}</td><td>{count}</td></tr>", escape(&s.name));
    }
    let _ = write!(
        out,
        "</table><p>{} touchpoints, {} transitions, {} outcomes</p></div>",
        map.touchpoints.len(),
        map.transitions.len(),
        map.outcomes.len()
    );
    out
}

/// What a notebook shows for a map or its scores: the journey map (every persona's curve when
/// the map has several), conversion and health, the top moments of truth, and the summary.
pub fn notebook_html(map: &JourneyMap, config: &ScoringConfig) -> String {
    let scores = map.score(config);
    let personas = if map.personas.len() > 1 {
        Personas::All
    } else {
        Personas::First
    };
    let mut out = String::from("<div class=\"journeymap-notebook\">");
    let options = Options {
        id: format!("jm-nb-{}", escape(&map.id)),
        ..Options::default()
    };
    if let Ok(svg) = render::journey_svg(map, &scores, &personas, &options) {
        let _ = write!(
            out,
            "<div style=\"overflow-x:auto;max-width:100%\">{}</div>",
            svg.replacen("<svg ", "<svg style=\"max-width:100%;height:auto\" ", 1)
        );
    }
    let o = &scores.overall;
    let _ = write!(
        out,
        "<p>conversion {:.1}% · health {:.0}/100 · {} personas</p>",
        o.success_probability * 100.0,
        o.health.index,
        scores.personas.len()
    );
    out.push_str("<table><tr><th>#</th><th>moment of truth</th><th>priority</th><th>why</th></tr>");
    let index = map.index();
    for m in scores.moments_of_truth.iter().take(5) {
        let name = index
            .touchpoint(&m.touchpoint)
            .map_or(m.touchpoint.as_str(), |t| t.name.as_str());
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{:.2}</td><td>{}</td></tr>",
            m.rank,
            escape(name),
            m.priority,
            escape(m.reasons.first().map_or("", String::as_str))
        );
    }
    out.push_str("</table>");
    out.push_str(&html_summary(map));
    out.push_str("</div>");
    out
}
