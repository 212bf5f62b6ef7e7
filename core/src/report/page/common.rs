//! The section of the report for the whole map: survey plan, opportunities and diagnostics.

use super::tables::table;
use super::{Page, num, pct};
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{OpportunityStatus, SurveyMetric};
use crate::render::esc;

impl Page<'_> {
    /// The section for the whole map: survey plan, opportunities and diagnostics.
    pub(super) fn common(&self, out: &mut String, diagnostics: &[Diagnostic]) {
        out.push_str("<section class=\"common\"><h2>For the whole map</h2><div class=\"tables\">");
        self.survey_plan(out);
        self.opportunities(out);
        self.diagnostics(out, diagnostics);
        out.push_str("</div></section>");
    }

    /// The survey plan: where to ask for what, and why.
    fn survey_plan(&self, out: &mut String) {
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
    }

    /// The opportunities the map declares.
    fn opportunities(&self, out: &mut String) {
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
    }

    /// The diagnostics of the map and of its scores.
    fn diagnostics(&self, out: &mut String, diagnostics: &[Diagnostic]) {
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
    }
}
