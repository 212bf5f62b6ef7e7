//! Opportunity effects: the ids they name, their values on the map's scales, effects of one
//! opportunity that contradict each other, probabilities that the effects would push over 1,
//! and opportunities whose effects change the same thing (JM054–JM061).

mod budgets;
mod contradictions;
mod overlaps;
mod references;

use foldhash::{HashMap, HashMapExt};
use std::cell::RefCell;

use super::Sink;
use super::numbers::MeasureScales;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::weights::Budget;
use crate::model::{Effects, Id, JourneyMap, MapIndex};
use budgets::budgets;
use contradictions::contradictions;
use overlaps::overlaps;
use references::references;

/// What the rules look up once per map.
struct Context<'m> {
    map: &'m JourneyMap,
    index: MapIndex<'m>,
    scales: MeasureScales,
    /// Transition positions by `from`.
    from: HashMap<&'m str, Vec<usize>>,
    /// Transition positions by `to`.
    into: HashMap<&'m str, Vec<usize>>,
    /// Personas, first of each id, with their positions.
    personas: Vec<(usize, &'m str)>,
    /// The budget of the moves out of a touchpoint for a persona (position), as the persona's
    /// graph counts them: computed once, whatever the number of opportunities.
    budgets: RefCell<HashMap<(&'m str, usize), Budget>>,
}

impl<'m> Context<'m> {
    fn new(map: &'m JourneyMap) -> Self {
        let index = map.index();
        let mut from: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut into: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, t) in map.transitions.iter().enumerate() {
            from.entry(t.from.as_str()).or_default().push(k);
            into.entry(t.to.as_str()).or_default().push(k);
        }
        let personas = map
            .personas
            .iter()
            .enumerate()
            .filter(|(_, p)| index.persona(&p.id).is_some_and(|x| std::ptr::eq(x, *p)))
            .map(|(i, p)| (i, p.id.as_str()))
            .collect();
        Self {
            map,
            scales: MeasureScales::of(map),
            index,
            from,
            into,
            personas,
            budgets: RefCell::new(HashMap::new()),
        }
    }

    fn is_touchpoint(&self, id: &str) -> bool {
        self.index.touchpoint(id).is_some()
    }

    /// JM054 unless `id` is a touchpoint (`outcome_ok`: or an outcome).
    fn touchpoint_ref(&self, sink: &mut Sink, path: String, id: &str, outcome_ok: bool) {
        if self.is_touchpoint(id) || (outcome_ok && self.index.outcome(id).is_some()) {
            return;
        }
        let message = if self.index.outcome(id).is_some() {
            format!("\"{id}\" is an outcome; this effect needs a touchpoint")
        } else if outcome_ok {
            format!("no touchpoint or outcome has id \"{id}\"")
        } else {
            format!("no touchpoint has id \"{id}\"")
        };
        sink.add(codes::EFFECT_UNKNOWN_ID, path, message);
    }

    fn persona_refs(&self, sink: &mut Sink, base: &str, personas: &[Id]) {
        for (k, p) in personas.iter().enumerate() {
            if self.index.persona(p).is_none() {
                sink.add(
                    codes::EFFECT_UNKNOWN_ID,
                    format!("{base}/personas/{k}"),
                    format!("no persona has id \"{p}\""),
                );
            }
        }
    }
}

pub(super) fn effects(map: &JourneyMap, sink: &mut Sink) {
    // The lookups serve effects only: most maps declare none.
    if map.opportunities.iter().any(|o| o.effects.is_some()) {
        let ctx = Context::new(map);
        each_effect(&ctx, sink);
    }
    overlaps(map, sink);
}

/// JM059 for each empty effect, and the rules of [`opportunity`] on every effect.
fn each_effect(ctx: &Context<'_>, sink: &mut Sink) {
    for (i, o) in ctx.map.opportunities.iter().enumerate() {
        let Some(e) = &o.effects else { continue };
        if e.is_empty() {
            sink.add(
                codes::EMPTY_EFFECT,
                format!("/opportunities/{i}/effects"),
                format!("opportunity \"{}\" declares no effect", o.id),
            );
        }
        opportunity(ctx, i, e, sink);
    }
}

/// Per opportunity, the errors of its effects (JM054–JM058): an opportunity with any cannot be
/// re-scored with its effects.
pub(crate) fn effect_errors(map: &JourneyMap) -> Vec<Vec<Diagnostic>> {
    let ctx = Context::new(map);
    map.opportunities
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let mut sink = Sink { out: Vec::new() };
            if let Some(e) = &o.effects {
                opportunity(&ctx, i, e, &mut sink);
            }
            sink.out.retain(Diagnostic::is_error);
            sink.out
        })
        .collect()
}

fn opportunity(ctx: &Context<'_>, i: usize, e: &Effects, sink: &mut Sink) {
    let base = format!("/opportunities/{i}/effects");
    let before = sink.out.len();
    references(ctx, &base, e, sink);
    contradictions(&base, e, sink);
    if !sink.out[before..].iter().any(Diagnostic::is_error) {
        budgets(ctx, &base, e, sink);
    }
}

fn quoted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

fn personas_text(personas: &[Id]) -> String {
    if personas.is_empty() {
        "every persona".to_owned()
    } else {
        format!("persona(s) {}", quoted(personas.iter().map(String::as_str)))
    }
}

/// Two sets of personas (empty = every persona) have a persona in common.
fn overlap(a: &[Id], b: &[Id]) -> bool {
    a.is_empty() || b.is_empty() || a.iter().any(|p| b.contains(p))
}
