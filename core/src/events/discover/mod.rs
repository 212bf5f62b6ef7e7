//! Discovery: the observed map (format v1) of an aggregate. Each activity is a touchpoint (each
//! activity × channel with `by_channel`); observed moves and starts are transitions and entries
//! with their `count`, per persona when the log has a persona column; personas get their share of
//! cases. Activities named as success or failure outcomes end a case at their first occurrence and
//! become outcomes of that kind; a case that ends without one moves to the outcome
//! `ended_without_outcome` (a failure). The map's chain is then the empirical first-order Markov
//! chain of the log, so scoring it gives the observed conversion and every touchpoint's exact
//! removal effect (docs/scoring.md §14).

mod build;
mod flows;
mod names;
mod summary;

use schemars::JsonSchema;
use serde::Serialize;

use super::Error;
use super::aggregate::Aggregate;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{JourneyMap, OutcomeKind};

pub use summary::DiscoverySummary;

/// Id of the outcome of cases that end without a success or failure activity.
pub const ENDED: &str = "ended_without_outcome";

/// Settings of [`discover`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DiscoverOptions {
    /// Activities that are success outcomes.
    pub success: Vec<String>,
    /// Activities that are failure outcomes.
    pub failure: Vec<String>,
    /// One touchpoint per activity × channel (needs a channel column).
    pub by_channel: bool,
    /// Map id (default `observed`).
    pub id: Option<String>,
    /// Map title (default `Observed journeys`).
    pub title: Option<String>,
}

/// Cases that reached one outcome.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct OutcomeCount {
    /// Outcome id in the map.
    pub outcome: String,
    /// Its kind.
    pub kind: OutcomeKind,
    /// Number of cases.
    pub cases: u64,
}

/// What discovery did besides the map.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DiscoveryReport {
    /// Cases in the log.
    pub cases: u64,
    /// Cases in the map (all but those starting with an outcome).
    pub cases_in_map: u64,
    /// Cases whose first event is an outcome activity (JM321).
    pub cases_starting_at_outcome: u64,
    /// Events after a case's first outcome, left out.
    pub events_after_outcome: u64,
    /// Cases per outcome.
    pub outcomes: Vec<OutcomeCount>,
    /// JM321, JM322.
    pub diagnostics: Vec<Diagnostic>,
}

/// A discovered map and its report.
#[derive(Debug, Clone, PartialEq)]
pub struct Discovery {
    /// The observed map.
    pub map: JourneyMap,
    /// Counts and diagnostics.
    pub report: DiscoveryReport,
}

/// Checks outcome lists: an activity in both is an error (JM320); one not in the log is a
/// warning (JM322).
fn check_outcomes(
    agg: &Aggregate,
    success: &[String],
    failure: &[String],
) -> Result<Vec<Diagnostic>, Error> {
    if let Some(a) = success.iter().find(|a| failure.contains(a)) {
        return Err(Error::OutcomeConflict(a.clone()));
    }
    Ok(success
        .iter()
        .chain(failure)
        .filter(|a| !agg.activities.contains(a))
        .map(|a| {
            Diagnostic::new(
                codes::OUTCOME_NOT_IN_LOG,
                "",
                format!("outcome activity \"{a}\" does not occur in the event log"),
            )
        })
        .collect())
}

/// Builds the observed map of an aggregate (see the module documentation).
pub fn discover(agg: &Aggregate, options: &DiscoverOptions) -> Result<Discovery, Error> {
    let mut diagnostics = check_outcomes(agg, &options.success, &options.failure)?;
    if options.by_channel && !agg.spec.channels {
        return Err(Error::Options(
            "touchpoints per channel need a channel column".to_owned(),
        ));
    }
    let outcome_of = agg.outcome_of(&options.success, &options.failure);
    let f = agg.flows(&outcome_of, options.by_channel);
    if f.at_outcome > 0 {
        diagnostics.push(Diagnostic::new(
            codes::CASE_STARTS_AT_OUTCOME,
            "",
            format!("{} cases start with an outcome activity and have no touchpoint; they are left out of the map", f.at_outcome),
        ));
    }
    let (map, outcomes) = build::observed_map(agg, options, &f);
    let total: u64 = f.personas.values().sum();
    Ok(Discovery {
        map,
        report: DiscoveryReport {
            cases: agg.cases(),
            cases_in_map: total - f.at_outcome,
            cases_starting_at_outcome: f.at_outcome,
            events_after_outcome: f.after_outcome,
            outcomes,
            diagnostics,
        },
    })
}

impl super::EventLog {
    /// The observed map of this log (see [`discover`]).
    pub fn discover(&self, options: &DiscoverOptions) -> Result<Discovery, Error> {
        discover(&self.aggregate(), options)
    }
}
