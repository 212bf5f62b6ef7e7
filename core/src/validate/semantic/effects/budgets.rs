//! Probabilities the effects of one opportunity push over 1 (JM058).

use std::collections::BTreeSet;

use super::{Context, quoted};
use crate::diagnostics::codes;
use crate::model::effects::{redirect_transitions, same_personas, set_measures, set_transition};
use crate::model::weights::Budget;
use crate::model::{Effects, Id, Touchpoint, Transition};
use crate::validate::semantic::Sink;

/// Probabilities the effects push over 1 (JM058). For each touchpoint whose moves or drop-off the
/// effects change, and each persona: the move-weight rule's [`Budget`] of its moves (as the graph
/// of the persona counts them: moves that apply to the persona, into an outcome or a touchpoint
/// that applies to it) and its drop-off, with the effects applied. Only the moves the effects
/// touch are rebuilt; the budget of all moves is computed once per touchpoint and persona, so the
/// rule stays linear in the size of the map and its effects.
pub(super) fn budgets(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
    let removed: Vec<&str> = e
        .removed_touchpoints
        .iter()
        .map(|r| r.touchpoint.as_str())
        .collect();
    for (id, path) in affected(ctx, base, e) {
        if removed.contains(&id) {
            continue;
        }
        let Some(tp) = ctx.index.touchpoint(id) else {
            continue;
        };
        let (before, moves) = touched_moves(ctx, id, e, &removed);
        let mut after = tp.clone();
        let everyone = e.measures.iter().filter(|m| m.for_everyone());
        let some = e.measures.iter().filter(|m| !m.for_everyone());
        for m in everyone.chain(some).filter(|m| m.touchpoint == id) {
            set_measures(&mut after, m);
        }
        let (over, largest) = over_one(ctx, id, tp, &after, &before, &moves);
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

/// Touchpoints whose budget can rise, with the path of the first effect that changes each.
fn affected<'m>(ctx: &Context<'m>, base: &str, e: &Effects) -> Vec<(&'m str, String)> {
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
    affected
}

/// The moves out of `id` the effects touch, as they are and as they would be (applied in the
/// order the map applies them); the others keep their probabilities.
fn touched_moves<'m>(
    ctx: &Context<'m>,
    id: &str,
    e: &Effects,
    removed: &[&str],
) -> (Vec<&'m Transition>, Vec<Transition>) {
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
    (before, moves)
}

/// The personas of `tp` (touchpoint `id`) whose moves go over 1 once `before` become `moves`
/// and the touchpoint becomes `after`, and the largest sum.
fn over_one<'m>(
    ctx: &Context<'m>,
    id: &'m str,
    tp: &Touchpoint,
    after: &Touchpoint,
    before: &[&Transition],
    moves: &[Transition],
) -> (Vec<&'m str>, f64) {
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
    (over, largest)
}

/// Whether a move into `to` is an edge of `persona`'s graph: `to` is an outcome, or a touchpoint
/// that applies to the persona.
fn reaches(ctx: &Context<'_>, to: &str, persona: &str) -> bool {
    match ctx.index.touchpoint(to) {
        Some(tp) => tp.applies_to(persona),
        None => ctx.index.outcome(to).is_some(),
    }
}
