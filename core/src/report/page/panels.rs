//! The panels of the report: the whole customer base, and each persona, with their pictures.

use std::fmt::Write;

use super::{Page, options, pct};
use crate::model::Persona;
use crate::render::{self, Personas, esc};
use crate::score::{EffortScores, GapScores};

impl Page<'_> {
    pub(super) fn figure(
        &self,
        out: &mut String,
        svg: Result<String, render::Error>,
        caption: &str,
    ) {
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

    /// The journey map and the flow view of `personas`, their SVG ids starting with `id`.
    fn pictures(&self, out: &mut String, personas: &Personas, id: &str, captions: [&str; 2]) {
        let journey = options(&format!("{id}-journey"));
        let flow = options(&format!("{id}-flow"));
        self.figure(
            out,
            render::journey_svg_in(self.map, &self.index, self.scores, personas, &journey),
            captions[0],
        );
        self.figure(
            out,
            render::flow_svg_in(self.map, &self.index, self.scores, personas, &flow),
            captions[1],
        );
    }

    pub(super) fn panel_all(&self, out: &mut String) {
        let o = &self.scores.overall;
        out.push_str("<section class=\"panel\" id=\"panel-all\" aria-label=\"All customers\"><h2>All customers</h2>");
        let _ = write!(
            out,
            "<p class=\"lead\">Every persona weighted by its share of the customer base: conversion {}, health {:.0}/100.</p>",
            pct(o.success_probability),
            o.health.index
        );
        self.pictures(
            out,
            &Personas::All,
            "jm-all",
            [
                "Journey map: each persona's emotion curve along its most likely successful journey.",
                "Flow view of the customer base: arrow width is the expected number of moves per customer.",
            ],
        );
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

    /// The panel of persona `k`: who the persona is, its figures, both pictures and its tables.
    pub(super) fn panel_persona(&self, out: &mut String, k: usize) {
        let persona = &self.map.personas[k];
        let _ = write!(
            out,
            "<section class=\"panel\" id=\"panel-{k}\" aria-label=\"{}\"><h2>{}</h2>",
            esc(&persona.name),
            esc(&persona.name)
        );
        persona_facts(out, persona);
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
        self.pictures(
            out,
            &one,
            &format!("jm-p{k}"),
            [
                "Journey map along the most likely successful journey.",
                "Flow view: arrow width is the expected number of moves per customer.",
            ],
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
}

/// What the map says about a persona: its share, description, goals and frustrations.
fn persona_facts(out: &mut String, persona: &Persona) {
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
}
