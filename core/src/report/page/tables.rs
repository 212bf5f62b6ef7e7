//! The tables of the report: the table element, and the tables of moments of truth, effort hot
//! spots, experience shortfalls and outcomes.

use std::fmt::Write;

use super::{Page, num, pct};
use crate::model::OutcomeKind;
use crate::render::esc;
use crate::score::{MomentOfTruth, OutcomeProbability, Quadrant, TouchpointEffort, TouchpointGap};

/// A table with a caption; `numeric` marks the right-aligned columns.
pub(super) fn table(
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

impl Page<'_> {
    pub(super) fn moments(&self, out: &mut String, moments: &[MomentOfTruth], caption: &str) {
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

    pub(super) fn hot_spots(&self, out: &mut String, spots: &[TouchpointEffort], caption: &str) {
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

    pub(super) fn shortfalls(&self, out: &mut String, gaps: &[TouchpointGap], caption: &str) {
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

    pub(super) fn outcomes(
        &self,
        out: &mut String,
        outcomes: &[OutcomeProbability],
        caption: &str,
    ) {
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
}
