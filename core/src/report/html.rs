//! HTML for notebooks and reports.

use std::fmt::Write;

use crate::model::{JourneyMap, MapState};

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
