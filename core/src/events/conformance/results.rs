//! What conformance reports: per case, per touchpoint, per deviating variant and over the log.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::events::calibrate::UnmappedActivity;

/// How many deviating variants [`ConformanceOptions`] lists by default.
pub const DEFAULT_TOP_VARIANTS: usize = 10;

/// Settings of [`conformance`](super::conformance()).
#[derive(Debug, Clone, PartialEq)]
pub struct ConformanceOptions {
    /// How many deviating variants to list.
    pub top_variants: usize,
    /// Whether to list every case (for very large logs the summaries may be enough).
    pub include_cases: bool,
}

impl Default for ConformanceOptions {
    fn default() -> Self {
        Self {
            top_variants: DEFAULT_TOP_VARIANTS,
            include_cases: true,
        }
    }
}

/// Kind of a deviation from the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DeviationKind {
    /// Back to a touchpoint already visited, or to an earlier stage.
    Backtrack,
    /// Forward past planned touchpoints (they are missing).
    Skip,
    /// To another channel where the map plans the step in the same channel.
    ChannelSwitch,
    /// A move the map does not have.
    UnplannedMove,
}

impl DeviationKind {
    /// `backtrack`, `skip`, `channel_switch` or `unplanned_move` (as in the JSON).
    pub fn as_str(self) -> &'static str {
        match self {
            DeviationKind::Backtrack => "backtrack",
            DeviationKind::Skip => "skip",
            DeviationKind::ChannelSwitch => "channel_switch",
            DeviationKind::UnplannedMove => "unplanned_move",
        }
    }
}

/// One deviating move of a case.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Deviation {
    /// Position of the step in the case (0-based, ad-hoc steps counted).
    pub position: usize,
    /// Its kind.
    pub kind: DeviationKind,
    /// Touchpoint left (`null` at the start of the case).
    pub from: Option<String>,
    /// Touchpoint or outcome reached.
    pub to: String,
    /// Planned touchpoints passed over (skips).
    pub missing: Vec<String>,
}

/// One case, planned versus actual.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct CaseConformance {
    /// Case id.
    pub case: String,
    /// The map persona it was replayed for (`null` for a map without personas).
    pub persona: Option<String>,
    /// Steps replayed (ad-hoc steps and the outcome included).
    pub steps: usize,
    /// Outcome reached (`null` when the case ended without one).
    pub outcome: Option<String>,
    /// Token-replay fitness, 1 - m / (steps + 1), in 0..1.
    pub fitness: f64,
    /// Planned touchpoints completed.
    pub completed: Vec<String>,
    /// Planned touchpoints missing.
    pub missing: Vec<String>,
    /// Planned touchpoints failing.
    pub failing: Vec<String>,
    /// Activities of ad-hoc steps (off the map), in order.
    pub ad_hoc: Vec<String>,
    /// Deviating moves, in order.
    pub deviations: Vec<Deviation>,
}

/// Deviation figures of one touchpoint.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointConformance {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Cases in which it was completed, missing or failing.
    pub cases: u64,
    /// Cases that completed it.
    pub completed: u64,
    /// Cases in which it was missing.
    pub missing: u64,
    /// Cases in which it was failing.
    pub failing: u64,
    /// Arrivals at it (every visit).
    pub arrivals: u64,
    /// Arrivals by a deviating move.
    pub deviating_arrivals: u64,
    /// Deviating arrivals by kind.
    pub by_kind: BTreeMap<DeviationKind, u64>,
    /// missing / cases.
    pub missing_rate: f64,
    /// failing / cases.
    pub failing_rate: f64,
    /// deviating_arrivals / arrivals.
    pub deviation_rate: f64,
}

/// A variant of cases that deviate.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DeviatingVariant {
    /// Its steps (`activity`, or `activity@channel` when the log has channels), cut after the
    /// first outcome.
    pub steps: Vec<String>,
    /// Number of cases.
    pub cases: u64,
    /// Fitness of its cases.
    pub fitness: f64,
    /// Its deviations, in order.
    pub deviations: Vec<DeviationKind>,
}

/// Planned versus actual over a log.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ConformanceReport {
    /// Cases.
    pub cases: u64,
    /// Cases without deviation or ad-hoc step (fitness 1).
    pub conforming_cases: u64,
    /// Log fitness: 1 - Σm / Σ(steps + 1).
    pub fitness: f64,
    /// Mean of the case fitnesses.
    pub mean_case_fitness: f64,
    /// Deviating moves by kind, over all cases.
    pub deviations: BTreeMap<DeviationKind, u64>,
    /// Ad-hoc steps over all cases.
    pub ad_hoc_steps: u64,
    /// Per touchpoint of the map, in map order.
    pub touchpoints: Vec<TouchpointConformance>,
    /// The most common deviating variants.
    pub variants: Vec<DeviatingVariant>,
    /// Per case, in log order (empty when not asked for).
    pub case_results: Vec<CaseConformance>,
    /// Activities without a touchpoint or outcome (their steps are ad hoc).
    pub unmapped: Vec<UnmappedActivity>,
    /// JM330 and mapping notes.
    pub diagnostics: Vec<Diagnostic>,
}
