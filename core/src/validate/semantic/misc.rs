//! Rules on single objects: empty stages, unused channels, stage order, backstage steps in a
//! customer view, moment-of-truth kinds, baselines, duplicate moves, success outcomes.

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt, HashSet};

use crate::diagnostics::codes;
use crate::model::JourneyMap;
use crate::model::{MapState, MapView, OutcomeKind, Visibility};

use super::Sink;

/// The rules, each a short loop over one kind of object.
pub(super) fn misc(map: &JourneyMap, sink: &mut Sink) {
    stages(map, sink);
    channels(map, sink);
    touchpoints(map, sink);
    baseline(map, sink);
    moves(map, sink);
    outcomes(map, sink);
}

/// Stages without touchpoints, and stage orders used twice.
fn stages(map: &JourneyMap, sink: &mut Sink) {
    let used_stages: HashSet<&str> = map.touchpoints.iter().map(|t| t.stage.as_str()).collect();
    for (i, stage) in map.stages.iter().enumerate() {
        if !used_stages.contains(stage.id.as_str()) {
            sink.add(
                codes::EMPTY_STAGE,
                format!("/stages/{i}"),
                format!("stage \"{}\" has no touchpoint", stage.id),
            );
        }
    }
    let mut orders: HashMap<i64, usize> = HashMap::new();
    for (i, stage) in map.stages.iter().enumerate() {
        if let Some(order) = stage.order {
            if let Some(first) = orders.get(&order) {
                sink.add(
                    codes::DUPLICATE_STAGE_ORDER,
                    format!("/stages/{i}/order"),
                    format!("order {order} is already used by /stages/{first}"),
                );
            } else {
                orders.insert(order, i);
            }
        }
    }
}

/// Channels no touchpoint uses.
fn channels(map: &JourneyMap, sink: &mut Sink) {
    let used_channels: HashSet<&str> = map.touchpoints.iter().map(|t| t.channel.as_str()).collect();
    for (i, channel) in map.channels.iter().enumerate() {
        if !used_channels.contains(channel.id.as_str()) {
            sink.add(
                codes::UNUSED_CHANNEL,
                format!("/channels/{i}"),
                format!("no touchpoint uses channel \"{}\"", channel.id),
            );
        }
    }
}

/// Backstage steps in a customer view, moment-of-truth kinds without a moment of truth.
fn touchpoints(map: &JourneyMap, sink: &mut Sink) {
    for (i, t) in map.touchpoints.iter().enumerate() {
        if map.view() == MapView::Customer && t.visibility() == Visibility::Backstage {
            sink.add(
                codes::BACKSTAGE_IN_CUSTOMER_VIEW,
                format!("/touchpoints/{i}/visibility"),
                format!(
                    "touchpoint \"{}\" is backstage in a customer-facing map; set \"view\": \"service_blueprint\" or move it to a blueprint",
                    t.id
                ),
            );
        }
        if t.moment_of_truth_kind.is_some() && !t.moment_of_truth {
            sink.add(
                codes::KIND_WITHOUT_MOMENT_OF_TRUTH,
                format!("/touchpoints/{i}/moment_of_truth_kind"),
                format!("touchpoint \"{}\" has a moment-of-truth kind but \"moment_of_truth\" is not true", t.id),
            );
        }
    }
}

/// A to-be or actual map that does not name the map it derives from.
fn baseline(map: &JourneyMap, sink: &mut Sink) {
    if matches!(map.state(), MapState::ToBe | MapState::Actual) && map.metadata.based_on.is_none() {
        sink.add(
            codes::MISSING_BASELINE,
            "/metadata",
            "this map derives from another one: name it in \"metadata.based_on\" so the two can be compared",
        );
    }
}

/// Duplicate moves, and moves and entries with both a probability and a count.
fn moves(map: &JourneyMap, sink: &mut Sink) {
    let mut seen: HashMap<(&str, &str, BTreeSet<&str>), usize> =
        HashMap::with_capacity(map.transitions.len());
    for (i, t) in map.transitions.iter().enumerate() {
        let key = (
            t.from.as_str(),
            t.to.as_str(),
            t.personas.iter().map(String::as_str).collect(),
        );
        if let Some(first) = seen.get(&key) {
            sink.add(
                codes::DUPLICATE_TRANSITION,
                format!("/transitions/{i}"),
                format!("same move {} → {} as /transitions/{first}", t.from, t.to),
            );
        } else {
            seen.insert(key, i);
        }
        if t.probability.is_some() && t.count.is_some() {
            sink.add(
                codes::PROBABILITY_AND_COUNT,
                format!("/transitions/{i}"),
                "both \"probability\" and \"count\" are given; the probability is used",
            );
        }
    }
    for (i, e) in map.entries.iter().enumerate() {
        if e.probability.is_some() && e.count.is_some() {
            sink.add(
                codes::PROBABILITY_AND_COUNT,
                format!("/entries/{i}"),
                "both \"probability\" and \"count\" are given; the probability is used",
            );
        }
    }
}

/// No success outcome, or no outcome at all.
fn outcomes(map: &JourneyMap, sink: &mut Sink) {
    if !map.outcomes.is_empty() && !map.outcomes.iter().any(|o| o.kind == OutcomeKind::Success) {
        sink.add(
            codes::NO_SUCCESS_OUTCOME,
            "/outcomes",
            "no outcome has kind \"success\", so conversion cannot be computed",
        );
    } else if map.outcomes.is_empty() && !map.touchpoints.is_empty() {
        sink.add(
            codes::NO_SUCCESS_OUTCOME,
            "",
            "the map declares no outcomes, so conversion cannot be computed",
        );
    }
}
