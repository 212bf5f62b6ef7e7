//! References between objects: every id a map names exists.

use foldhash::HashSet;

use crate::diagnostics::codes;
use crate::model::{End, JourneyMap, MapIndex};

use super::{Sink, esc};

/// Every id the map names, one short loop per kind of object, over one id index.
pub(super) fn references(map: &JourneyMap, index: &MapIndex<'_>, sink: &mut Sink) {
    for (i, p) in map.personas.iter().enumerate() {
        for (j, c) in p.preferred_channels.iter().enumerate() {
            if index.channel(c).is_none() {
                sink.add(
                    codes::UNKNOWN_CHANNEL,
                    format!("/personas/{i}/preferred_channels/{j}"),
                    format!("no channel has id \"{c}\""),
                );
            }
        }
    }
    touchpoints(map, index, sink);
    moves_and_entries(map, index, sink);
    opportunities(map, index, sink);
}

/// JM025 for each persona of a `personas` list (at `base`) the map does not have.
fn persona_refs(
    index: &MapIndex<'_>,
    sink: &mut Sink,
    base: &dyn Fn() -> String,
    personas: &[String],
) {
    for (j, p) in personas.iter().enumerate() {
        if index.persona(p).is_none() {
            sink.add(
                codes::UNKNOWN_PERSONA,
                format!("{}/{j}", base()),
                format!("no persona has id \"{p}\""),
            );
        }
    }
}

/// The stage, channel and personas of every touchpoint.
fn touchpoints(map: &JourneyMap, index: &MapIndex<'_>, sink: &mut Sink) {
    for (i, t) in map.touchpoints.iter().enumerate() {
        if index.stage(&t.stage).is_none() {
            sink.add(
                codes::UNKNOWN_STAGE,
                format!("/touchpoints/{i}/stage"),
                format!("no stage has id \"{}\"", t.stage),
            );
        }
        if index.channel(&t.channel).is_none() {
            sink.add(
                codes::UNKNOWN_CHANNEL,
                format!("/touchpoints/{i}/channel"),
                format!("no channel has id \"{}\"", t.channel),
            );
        }
        persona_refs(
            index,
            sink,
            &|| format!("/touchpoints/{i}/personas"),
            &t.personas,
        );
        for persona in t.persona_measures.keys() {
            if index.persona(persona).is_none() {
                sink.add(
                    codes::UNKNOWN_PERSONA,
                    format!("/touchpoints/{i}/persona_measures/{}", esc(persona)),
                    format!("no persona has id \"{persona}\""),
                );
            }
        }
    }
}

/// The ends and personas of every move, the touchpoint and personas of every entry.
fn moves_and_entries(map: &JourneyMap, index: &MapIndex<'_>, sink: &mut Sink) {
    // What each move and entry names, looked up once for the references and every persona graph.
    let ends = index.graph_ends(map);
    for (i, (t, &(from, to))) in map.transitions.iter().zip(ends.transitions()).enumerate() {
        if from.is_none() {
            if index.outcome(&t.from).is_some() {
                sink.add(
                    codes::TRANSITION_FROM_OUTCOME,
                    format!("/transitions/{i}/from"),
                    format!("\"{}\" is an outcome; nothing leaves an outcome", t.from),
                );
            } else {
                sink.add(
                    codes::UNKNOWN_TOUCHPOINT,
                    format!("/transitions/{i}/from"),
                    format!("no touchpoint has id \"{}\"", t.from),
                );
            }
        }
        if to == End::Missing {
            sink.add(
                codes::UNKNOWN_TARGET,
                format!("/transitions/{i}/to"),
                format!("no touchpoint or outcome has id \"{}\"", t.to),
            );
        }
        persona_refs(
            index,
            sink,
            &|| format!("/transitions/{i}/personas"),
            &t.personas,
        );
    }
    for (i, (e, at)) in map.entries.iter().zip(ends.entries()).enumerate() {
        if at.is_none() {
            sink.add(
                codes::UNKNOWN_TOUCHPOINT,
                format!("/entries/{i}/touchpoint"),
                format!("no touchpoint has id \"{}\"", e.touchpoint),
            );
        }
        persona_refs(
            index,
            sink,
            &|| format!("/entries/{i}/personas"),
            &e.personas,
        );
    }
}

/// The touchpoints and pains of every opportunity.
fn opportunities(map: &JourneyMap, index: &MapIndex<'_>, sink: &mut Sink) {
    let pains: HashSet<&str> = map
        .touchpoints
        .iter()
        .flat_map(|t| t.pains.iter().filter_map(|n| n.id.as_deref()))
        .collect();
    for (i, o) in map.opportunities.iter().enumerate() {
        for (j, t) in o.touchpoints.iter().enumerate() {
            if index.touchpoint(t).is_none() {
                sink.add(
                    codes::UNKNOWN_TOUCHPOINT,
                    format!("/opportunities/{i}/touchpoints/{j}"),
                    format!("no touchpoint has id \"{t}\""),
                );
            }
        }
        for (j, p) in o.pains.iter().enumerate() {
            if !pains.contains(p.as_str()) {
                sink.add(
                    codes::UNKNOWN_PAIN,
                    format!("/opportunities/{i}/pains/{j}"),
                    format!("no pain has id \"{p}\""),
                );
            }
        }
    }
}
