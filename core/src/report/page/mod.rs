//! The HTML report: one self-contained page a CX lead can mail around. Both pictures per persona
//! (and for the whole customer base) behind a persona switcher made of radio buttons and CSS
//! (no script, no network), the tables a reader wants beside the pictures, and the map's
//! diagnostics. Printed on A4 landscape, every persona gets its own pages.

mod common;
mod panels;
mod tables;

use std::fmt::Write;

use crate::diagnostics::Diagnostic;
use crate::model::{JourneyMap, MapIndex};
use crate::render::{Options, esc};
use crate::score::{Scores, ScoringConfig};
use crate::validate::validate_map;

const STYLE: &str = include_str!("../report.css");

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

fn num(v: f64) -> String {
    format!("{v:.2}")
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
    head(&mut out, map, &panels);
    header(&mut out, map, scores);
    switcher(&mut out, &panels);
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

/// The document up to `<body>`: title, style sheet, and which panel each radio button of
/// `panels` (id, label) shows.
fn head(out: &mut String, map: &JourneyMap, panels: &[(String, String)]) {
    let lang = esc(map.locale.as_deref().unwrap_or("en"));
    let _ = write!(
        out,
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{} — journey report</title><style>",
        esc(&map.title)
    );
    out.push_str(STYLE);
    // Which panel each radio button shows.
    for (id, _) in panels {
        let _ = write!(
            out,
            "#show-{id}:checked~main #panel-{id}{{display:block}}#show-{id}:checked~nav label[for=show-{id}]{{background:#1f3a5f;color:#fff;border-color:#1f3a5f}}"
        );
    }
    out.push_str("</style></head><body>");
}

/// The page header: title, state, id, revision, date and authors, description, key figures.
fn header(out: &mut String, map: &JourneyMap, scores: &Scores) {
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
}

/// The persona switcher: a radio button per panel (the first checked) and, with several panels,
/// their labels.
fn switcher(out: &mut String, panels: &[(String, String)]) {
    for (k, (id, _)) in panels.iter().enumerate() {
        let _ = write!(
            out,
            "<input type=\"radio\" name=\"persona\" class=\"switch\" id=\"show-{id}\"{}>",
            if k == 0 { " checked" } else { "" }
        );
    }
    if panels.len() > 1 {
        out.push_str("<nav aria-label=\"Persona\"><span>Show:</span>");
        for (id, name) in panels {
            let _ = write!(out, "<label for=\"show-{id}\">{}</label>", esc(name));
        }
        out.push_str("</nav>");
    }
}

/// Validates and scores the map with `config`, then writes its HTML report: what the bindings
/// call.
pub fn html(map: &JourneyMap, config: &ScoringConfig) -> String {
    let report = validate_map(map);
    html_report(map, &map.score(config), &report.diagnostics)
}
