//! Effects of one opportunity that cannot all hold (JM057): a touchpoint removed twice or
//! redirected to itself or to another removed one, a measure set twice to different values, a
//! move given different weights, or changed and removed.

use foldhash::{HashMap, HashMapExt};

use super::overlap;
use crate::diagnostics::codes;
use crate::model::effects::same_personas;
use crate::model::{Effects, Id};
use crate::validate::semantic::Sink;

/// A measure set by an effect: (position, value, personas).
type MeasureSet<'a> = (usize, f64, &'a [Id]);

/// A move set by an effect: (position, personas, (probability, count) as bits).
type MoveSet<'a> = (usize, &'a [Id], (Option<u64>, Option<u64>));

/// Touchpoints removed by the effects: id → (redirect target, position).
type Removed<'a> = HashMap<&'a str, (&'a str, usize)>;

/// Effects of one opportunity that cannot all hold (JM057).
pub(super) fn contradictions(base: &str, e: &Effects, sink: &mut Sink) {
    let removed = removals(base, e, sink);
    measures(base, e, &removed, sink);
    moves(base, e, &removed, sink);
}

/// Touchpoints redirected to themselves, removed twice into different targets, or redirected to
/// a touchpoint also removed; the touchpoints removed.
fn removals<'e>(base: &str, e: &'e Effects, sink: &mut Sink) -> Removed<'e> {
    let mut contradict = |path: String, message: String| {
        sink.add(codes::CONTRADICTORY_EFFECTS, path, message);
    };
    let mut removed: Removed<'_> = HashMap::new();
    for (j, r) in e.removed_touchpoints.iter().enumerate() {
        let here = format!("{base}/removed_touchpoints/{j}");
        if r.touchpoint == r.redirect_to {
            contradict(
                here.clone(),
                format!("\"{}\" is redirected to itself", r.touchpoint),
            );
        }
        match removed.get(r.touchpoint.as_str()) {
            Some(&(target, _)) if target != r.redirect_to => contradict(
                here,
                format!(
                    "\"{}\" is removed twice, into \"{target}\" and into \"{}\"",
                    r.touchpoint, r.redirect_to
                ),
            ),
            Some(_) => {}
            None => {
                removed.insert(&r.touchpoint, (&r.redirect_to, j));
            }
        }
    }
    for (j, r) in e.removed_touchpoints.iter().enumerate() {
        if r.redirect_to != r.touchpoint && removed.contains_key(r.redirect_to.as_str()) {
            contradict(
                format!("{base}/removed_touchpoints/{j}/redirect_to"),
                format!(
                    "\"{}\" is redirected to \"{}\", which this opportunity also removes",
                    r.touchpoint, r.redirect_to
                ),
            );
        }
    }
    removed
}

/// Measures of a removed touchpoint, and the same field of the same touchpoint set twice to
/// different values at the same level (every persona, or overlapping persona lists).
fn measures(base: &str, e: &Effects, removed: &Removed<'_>, sink: &mut Sink) {
    let mut contradict = |path: String, message: String| {
        sink.add(codes::CONTRADICTORY_EFFECTS, path, message);
    };
    let mut set: HashMap<(&str, &str, bool), Vec<MeasureSet<'_>>> = HashMap::new();
    for (j, m) in e.measures.iter().enumerate() {
        if removed.contains_key(m.touchpoint.as_str()) {
            contradict(
                format!("{base}/measures/{j}"),
                format!(
                    "the effect sets measures of \"{}\", which this opportunity removes",
                    m.touchpoint
                ),
            );
        }
        for (field, value) in m.measures.fields() {
            let Some(v) = value else { continue };
            let key = (m.touchpoint.as_str(), field, m.for_everyone());
            let earlier = set.entry(key).or_default();
            if let Some(&(k, w, _)) = earlier
                .iter()
                .find(|(_, w, p)| w.to_bits() != v.to_bits() && overlap(p, &m.personas))
            {
                contradict(
                    format!("{base}/measures/{j}/measures/{field}"),
                    format!(
                        "{field} of \"{}\" is set to {v} here and to {w} by {base}/measures/{k}",
                        m.touchpoint
                    ),
                );
            }
            earlier.push((j, v, &m.personas));
        }
    }
}

/// Moves into or out of a removed touchpoint, the same move given different weights, or changed
/// and removed.
fn moves(base: &str, e: &Effects, removed: &Removed<'_>, sink: &mut Sink) {
    let mut contradict = |path: String, message: String| {
        sink.add(codes::CONTRADICTORY_EFFECTS, path, message);
    };
    let mut moves: HashMap<(&str, &str), Vec<MoveSet<'_>>> = HashMap::new();
    for (j, t) in e.transitions.iter().enumerate() {
        let here = format!("{base}/transitions/{j}");
        for end in [&t.from, &t.to] {
            if removed.contains_key(end.as_str()) {
                contradict(
                    here.clone(),
                    format!(
                        "the move {} → {} changes a touchpoint this opportunity removes (\"{end}\")",
                        t.from, t.to
                    ),
                );
            }
        }
        let weights = (t.probability.map(f64::to_bits), t.count.map(f64::to_bits));
        let earlier = moves.entry((&t.from, &t.to)).or_default();
        if let Some(&(k, _, _)) = earlier
            .iter()
            .find(|(_, p, w)| same_personas(p, &t.personas) && *w != weights)
        {
            contradict(
                here,
                format!(
                    "the move {} → {} gets other weights at {base}/transitions/{k}",
                    t.from, t.to
                ),
            );
        }
        earlier.push((j, &t.personas, weights));
    }
    for (j, r) in e.removed_transitions.iter().enumerate() {
        let changed = moves
            .get(&(r.from.as_str(), r.to.as_str()))
            .and_then(|list| list.iter().find(|(_, p, _)| same_personas(p, &r.personas)));
        if let Some(&(k, _, _)) = changed {
            contradict(
                format!("{base}/removed_transitions/{j}"),
                format!(
                    "the move {} → {} is removed here and changed at {base}/transitions/{k}",
                    r.from, r.to
                ),
            );
        }
    }
}
