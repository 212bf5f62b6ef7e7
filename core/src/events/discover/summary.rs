//! The summary of a discovery for people and tools: the report, with the observed conversion and
//! every touchpoint's removal effect from the discovered map's chain.

use serde::Serialize;

use super::{Discovery, DiscoveryReport};
use crate::score::ScoringConfig;

/// What `journeymap discover` reports besides the map (its JSON summary; the text is
/// [`crate::report::text_discovery`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiscoverySummary<'a> {
    /// Counts and diagnostics of the discovery.
    #[serde(flatten)]
    pub report: &'a DiscoveryReport,
    /// Rows of the log rejected (JM300).
    pub rejected: usize,
    /// Observed conversion: the success probability of the discovered map.
    pub conversion: f64,
    /// Every touchpoint's removal effect, largest first (ties by id).
    pub removal_effects: Vec<(String, Option<f64>)>,
}

impl Discovery {
    /// The summary of this discovery, the discovered map scored with the default settings;
    /// `rejected`: the rows of the log rejected.
    pub fn summary(&self, rejected: usize) -> DiscoverySummary<'_> {
        let scores = self.map.score(&ScoringConfig::default());
        let mut effects: Vec<(String, Option<f64>)> = scores
            .overall
            .touchpoints
            .iter()
            .map(|t| (t.touchpoint.clone(), t.removal_effect))
            .collect();
        effects.sort_by(|a, b| {
            b.1.unwrap_or(0.0)
                .total_cmp(&a.1.unwrap_or(0.0))
                .then_with(|| a.0.cmp(&b.0))
        });
        DiscoverySummary {
            report: &self.report,
            rejected,
            conversion: scores.overall.success_probability,
            removal_effects: effects,
        }
    }
}
