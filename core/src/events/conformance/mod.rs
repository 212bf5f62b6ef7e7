//! Conformance: planned (the map) versus actual (each case of a log), after CJML (Halvorsrud,
//! Kvale & Følstad 2016) with a token-replay fitness (Rozinat & van der Aalst 2008); the
//! definitions are in docs/scoring.md §15.
//!
//! A case is replayed over the map's graph for its persona (the map persona whose id is the
//! case's persona value, else the first persona by id), cut at its first outcome. Each step that
//! names no touchpoint of that persona is ad hoc. Each move the map does not have is a deviation,
//! of the first kind that applies: a **backtrack** (back to a touchpoint already visited, or to an
//! earlier stage), a **skip** (the target is reachable through other touchpoints, which are then
//! missing), an **unexpected channel switch** (another channel, where the map plans a step of
//! that stage in the same channel), or a **move the map does not have**. Each planned touchpoint
//! of the case is completed, missing (skipped, or on the shortest way to success after the case
//! stopped short of it) or failing (the case ended there without an outcome, or went from it
//! straight to a failure outcome).

mod plan;
mod replay;
mod results;
mod summary;

use std::collections::BTreeMap;

use super::aggregate::Aggregate;
use super::calibrate::unmapped_report;
use super::ingest::EventLog;
use super::mapping::{ActivityMapping, Resolver};
use super::{Error, NONE};
use crate::model::JourneyMap;
use plan::Plan;
use replay::{Replay, replay};
use summary::summarize;

pub use results::{
    CaseConformance, ConformanceOptions, ConformanceReport, DEFAULT_TOP_VARIANTS, DeviatingVariant,
    Deviation, DeviationKind, TouchpointConformance,
};

/// Replays every case of `log` over `map` (see the module documentation). Without `mapping`,
/// an activity stands for the touchpoint or outcome with the same id.
pub fn conformance(
    map: &JourneyMap,
    log: &EventLog,
    mapping: Option<&ActivityMapping>,
    options: &ConformanceOptions,
) -> Result<ConformanceReport, Error> {
    let resolver: Resolver = match mapping {
        Some(m) => m.resolve(map)?,
        None => ActivityMapping::identity(map),
    };
    let (agg, case_variant) = Aggregate::with_case_variants(log);
    let targets = agg.step_targets(&resolver);
    let (unmapped, mut diagnostics) = unmapped_report(&agg, &agg.map_flows(&targets));
    if let Some(m) = mapping {
        diagnostics.extend(m.issues.iter().map(super::RowIssue::to_diagnostic));
    }
    // One plan per map persona actually needed.
    let mut persona_ids: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    persona_ids.sort_unstable();
    let default_persona = persona_ids.first().copied();
    let mut plans: BTreeMap<Option<String>, Plan> = BTreeMap::new();
    let plan_key = |p: u32| -> Option<String> {
        let named = (p != NONE).then(|| agg.personas[p as usize].as_str());
        named
            .filter(|n| persona_ids.contains(n))
            .or(default_persona)
            .map(str::to_owned)
    };
    let replays: Vec<Replay> = (0..agg.variants.len())
        .map(|v| {
            let key = plan_key(agg.variants[v].persona);
            let plan = plans
                .entry(key.clone())
                .or_insert_with(|| Plan::new(map, key.as_deref()));
            replay(&agg, v, &targets, plan, map)
        })
        .collect();
    Ok(summarize(
        map,
        &agg,
        log,
        &case_variant,
        &replays,
        &plans,
        unmapped,
        diagnostics,
        options,
    ))
}
