//! Opportunity effects: the ids they name, their values on the map's scales, effects of one
//! opportunity that contradict each other, probabilities that the effects would push over 1,
//! and opportunities whose effects change the same thing (JM054–JM061).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use super::Sink;
use super::numbers::MeasureScales;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::effects::{redirect_transitions, same_personas, set_measures, set_transition};
use crate::model::weights::Budget;
use crate::model::{Effects, Id, JourneyMap, MapIndex, Transition};

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
    let ctx = Context::new(map);
    for (i, o) in map.opportunities.iter().enumerate() {
        let Some(e) = &o.effects else { continue };
        if e.is_empty() {
            sink.add(
                codes::EMPTY_EFFECT,
                format!("/opportunities/{i}/effects"),
                format!("opportunity \"{}\" declares no effect", o.id),
            );
        }
        opportunity(&ctx, i, e, sink);
    }
    overlaps(map, sink);
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

/// Ids, values on their scales, empty measure effects, personas a touchpoint does not apply to.
fn references(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
    for (j, m) in e.measures.iter().enumerate() {
        let here = format!("{base}/measures/{j}");
        ctx.touchpoint_ref(sink, format!("{here}/touchpoint"), &m.touchpoint, false);
        ctx.persona_refs(sink, &here, &m.personas);
        if let Some(tp) = ctx.index.touchpoint(&m.touchpoint) {
            for (k, p) in m.personas.iter().enumerate() {
                if ctx.index.persona(p).is_some() && !tp.applies_to(p) {
                    sink.add(
                        codes::EFFECT_PERSONA_MISMATCH,
                        format!("{here}/personas/{k}"),
                        format!("touchpoint \"{}\" does not apply to persona \"{p}\"", tp.id),
                    );
                }
            }
        }
        ctx.scales.check(
            sink,
            &|| format!("{here}/measures"),
            &m.measures,
            codes::EFFECT_OUTSIDE_SCALE,
        );
        if m.measures.is_unset() {
            sink.add(
                codes::EMPTY_EFFECT,
                format!("{here}/measures"),
                format!("the effect on \"{}\" gives no new value", m.touchpoint),
            );
        }
    }
    for (j, t) in e.transitions.iter().enumerate() {
        let here = format!("{base}/transitions/{j}");
        ctx.touchpoint_ref(sink, format!("{here}/from"), &t.from, false);
        ctx.touchpoint_ref(sink, format!("{here}/to"), &t.to, true);
        ctx.persona_refs(sink, &here, &t.personas);
        for (field, v) in [("probability", t.probability), ("count", t.count)] {
            if let Some(v) = v.filter(|v| !v.is_finite()) {
                sink.add(
                    codes::NON_FINITE,
                    format!("{here}/{field}"),
                    crate::validate::object::non_finite_message(v),
                );
            }
        }
    }
    for (j, t) in e.removed_transitions.iter().enumerate() {
        let here = format!("{base}/removed_transitions/{j}");
        ctx.touchpoint_ref(sink, format!("{here}/from"), &t.from, false);
        ctx.touchpoint_ref(sink, format!("{here}/to"), &t.to, true);
        ctx.persona_refs(sink, &here, &t.personas);
        let exists = ctx.from.get(t.from.as_str()).is_some_and(|list| {
            list.iter().any(|&k| {
                let x = &ctx.map.transitions[k];
                x.to == t.to && same_personas(&x.personas, &t.personas)
            })
        });
        if !exists && ctx.is_touchpoint(&t.from) {
            sink.add(
                codes::EFFECT_MISSING_TRANSITION,
                here,
                format!(
                    "the map has no move {} → {} for {} to remove",
                    t.from,
                    t.to,
                    personas_text(&t.personas)
                ),
            );
        }
    }
    for (j, r) in e.removed_touchpoints.iter().enumerate() {
        let here = format!("{base}/removed_touchpoints/{j}");
        ctx.touchpoint_ref(sink, format!("{here}/touchpoint"), &r.touchpoint, false);
        ctx.touchpoint_ref(sink, format!("{here}/redirect_to"), &r.redirect_to, false);
        if let (Some(removed), Some(target)) = (
            ctx.index.touchpoint(&r.touchpoint),
            ctx.index.touchpoint(&r.redirect_to),
        ) {
            let lost: Vec<&str> = ctx
                .personas
                .iter()
                .map(|&(_, p)| p)
                .filter(|p| removed.applies_to(p) && !target.applies_to(p))
                .collect();
            if !lost.is_empty() {
                sink.add(
                    codes::EFFECT_PERSONA_MISMATCH,
                    format!("{here}/redirect_to"),
                    format!(
                        "\"{}\" applies to persona(s) {} but \"{}\" does not: their moves into \"{}\" would be lost",
                        removed.id,
                        quoted(lost.iter().copied()),
                        target.id,
                        removed.id
                    ),
                );
            }
        }
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

/// A measure set by an effect: (position, value, personas).
type MeasureSet<'a> = (usize, f64, &'a [Id]);

/// A move set by an effect: (position, personas, (probability, count) as bits).
type MoveSet<'a> = (usize, &'a [Id], (Option<u64>, Option<u64>));

/// Effects of one opportunity that cannot all hold (JM057).
fn contradictions(base: &str, e: &Effects, sink: &mut Sink) {
    let mut contradict = |path: String, message: String| {
        sink.add(codes::CONTRADICTORY_EFFECTS, path, message);
    };
    let mut removed: HashMap<&str, (&str, usize)> = HashMap::new();
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
    // Measures: the same field of the same touchpoint set twice to different values, at the same
    // level (every persona, or overlapping persona lists).
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
    // Moves: the same move given different weights, or changed and removed.
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

/// Probabilities the effects push over 1 (JM058). For each touchpoint whose moves or drop-off the
/// effects change, and each persona: the move-weight rule's [`Budget`] of its moves (as the graph
/// of the persona counts them: moves that apply to the persona, into an outcome or a touchpoint
/// that applies to it) and its drop-off, with the effects applied. Only the moves the effects
/// touch are rebuilt; the budget of all moves is computed once per touchpoint and persona, so the
/// rule stays linear in the size of the map and its effects.
fn budgets<'m>(ctx: &Context<'m>, base: &str, e: &Effects, sink: &mut Sink) {
    // Touchpoints whose budget can rise, with the path of the first effect that changes each.
    let mut affected: Vec<(&'m str, String)> = Vec::new();
    let mut seen = BTreeSet::new();
    let mut note = |id: &str, path: String, affected: &mut Vec<(&'m str, String)>| {
        if seen.insert(id.to_owned()) {
            if let Some(tp) = ctx.index.touchpoint(id) {
                affected.push((tp.id.as_str(), path));
            }
        }
    };
    for (j, t) in e.transitions.iter().enumerate() {
        note(&t.from, format!("{base}/transitions/{j}"), &mut affected);
    }
    for (j, m) in e.measures.iter().enumerate() {
        if m.measures.drop_off.is_some() {
            note(
                &m.touchpoint,
                format!("{base}/measures/{j}/measures/drop_off"),
                &mut affected,
            );
        }
    }
    for (j, r) in e.removed_touchpoints.iter().enumerate() {
        for &k in ctx.into.get(r.touchpoint.as_str()).into_iter().flatten() {
            let from = &ctx.map.transitions[k].from;
            note(
                from,
                format!("{base}/removed_touchpoints/{j}"),
                &mut affected,
            );
        }
    }
    let removed: Vec<&str> = e
        .removed_touchpoints
        .iter()
        .map(|r| r.touchpoint.as_str())
        .collect();
    for (id, path) in affected {
        if removed.contains(&id) {
            continue;
        }
        let Some(tp) = ctx.index.touchpoint(id) else {
            continue;
        };
        // The moves out of `id` the effects touch, as they are and as they would be (applied in
        // the order the map applies them); the others keep their probabilities.
        let touched: Vec<usize> = ctx
            .from
            .get(id)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&k| {
                let t = &ctx.map.transitions[k];
                let key =
                    |to: &str, personas: &[Id]| t.to == to && same_personas(&t.personas, personas);
                e.removed_transitions
                    .iter()
                    .any(|r| r.from == id && key(&r.to, &r.personas))
                    || e.transitions
                        .iter()
                        .any(|s| s.from == id && key(&s.to, &s.personas))
                    || removed.contains(&t.to.as_str())
            })
            .collect();
        let before: Vec<&Transition> = touched.iter().map(|&k| &ctx.map.transitions[k]).collect();
        let mut moves: Vec<Transition> = before.iter().map(|&t| t.clone()).collect();
        for r in e.removed_transitions.iter().filter(|r| r.from == id) {
            moves.retain(|t| !(t.to == r.to && same_personas(&t.personas, &r.personas)));
        }
        for t in e.transitions.iter().filter(|t| t.from == id) {
            set_transition(&mut moves, t);
        }
        for r in &e.removed_touchpoints {
            moves = redirect_transitions(moves, &r.touchpoint, &r.redirect_to);
        }
        let mut after = tp.clone();
        let everyone = e.measures.iter().filter(|m| m.for_everyone());
        let some = e.measures.iter().filter(|m| !m.for_everyone());
        for m in everyone.chain(some).filter(|m| m.touchpoint == id) {
            set_measures(&mut after, m);
        }
        let mut over: Vec<&str> = Vec::new();
        let mut largest: f64 = 0.0;
        for &(pi, p) in ctx.personas.iter().filter(|&&(_, p)| tp.applies_to(p)) {
            // The moves as the persona's graph counts them.
            let budget = |list: &mut dyn Iterator<Item = &Transition>| {
                Budget::of(
                    list.filter(|t| t.applies_to(p) && reaches(ctx, &t.to, p))
                        .map(|t| (t.probability, t.count)),
                    0.0,
                )
            };
            let all = *ctx.budgets.borrow_mut().entry((id, pi)).or_insert_with(|| {
                budget(
                    &mut ctx
                        .from
                        .get(id)
                        .into_iter()
                        .flatten()
                        .map(|&k| &ctx.map.transitions[k]),
                )
            });
            let with_effects = all.replaced(
                budget(&mut before.iter().copied()),
                budget(&mut moves.iter()),
                after.drop_off_for(p).unwrap_or(0.0),
            );
            if with_effects.over_one() {
                over.push(p);
                largest = largest.max(with_effects.fixed);
            }
        }
        if !over.is_empty() {
            sink.add(
                codes::EFFECT_PROBABILITIES_OVER_ONE,
                path,
                format!(
                    "with these effects, the moves out of \"{id}\" (with its drop_off) sum to {largest} for persona(s) {}",
                    quoted(over.into_iter())
                ),
            );
        }
    }
}

/// Whether a move into `to` is an edge of `persona`'s graph: `to` is an outcome, or a touchpoint
/// that applies to the persona.
fn reaches(ctx: &Context<'_>, to: &str, persona: &str) -> bool {
    match ctx.index.touchpoint(to) {
        Some(tp) => tp.applies_to(persona),
        None => ctx.index.outcome(to).is_some(),
    }
}

/// Opportunities whose effects change the same thing (JM061, info), once per pair.
fn overlaps<'m>(map: &'m JourneyMap, sink: &mut Sink) {
    // What an effect changes, with the persona list it is for.
    let mut changes: HashMap<String, Vec<(usize, &'m [Id])>> = HashMap::new();
    for (i, o) in map.opportunities.iter().enumerate() {
        let Some(e) = &o.effects else { continue };
        let mut add = |key: String, personas: &'m [Id]| {
            let list = changes.entry(key).or_default();
            if !list.iter().any(|&(k, p)| k == i && p == personas) {
                list.push((i, personas));
            }
        };
        for m in &e.measures {
            for (field, v) in m.measures.fields() {
                if v.is_some() {
                    add(format!("the {field} of \"{}\"", m.touchpoint), &m.personas);
                }
            }
        }
        for t in &e.transitions {
            add(format!("the move {} → {}", t.from, t.to), &t.personas);
        }
        for t in &e.removed_transitions {
            add(format!("the move {} → {}", t.from, t.to), &t.personas);
        }
        for r in &e.removed_touchpoints {
            add(
                format!("the removal of touchpoint \"{}\"", r.touchpoint),
                &[],
            );
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut keys: Vec<&String> = changes.keys().collect();
    keys.sort();
    for key in keys {
        let list = &changes[key];
        for (x, &(a, pa)) in list.iter().enumerate() {
            for &(b, pb) in &list[x + 1..] {
                if a != b && overlap(pa, pb) && pairs.insert((a.min(b), a.max(b))) {
                    found.push((a.min(b), a.max(b), key.clone()));
                }
            }
        }
    }
    found.sort();
    for (a, b, what) in found {
        let (first, second) = (&map.opportunities[a].id, &map.opportunities[b].id);
        let later = if first <= second { second } else { first };
        sink.add(
            codes::OVERLAPPING_OPPORTUNITIES,
            format!("/opportunities/{b}/effects"),
            format!(
                "opportunities \"{first}\" and \"{second}\" both change {what}; applied together, the effects of \"{later}\" win"
            ),
        );
    }
}
