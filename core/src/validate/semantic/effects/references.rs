//! The ids effects name and their values (JM054–JM056, JM059 for a measure effect with no value,
//! non-finite weights).

use super::{Context, personas_text, quoted};
use crate::diagnostics::codes;
use crate::model::Effects;
use crate::model::effects::same_personas;
use crate::validate::semantic::Sink;

/// Ids, values on their scales, empty measure effects, personas a touchpoint does not apply to.
pub(super) fn references(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
    measures(ctx, base, e, sink);
    transitions(ctx, base, e, sink);
    removed_transitions(ctx, base, e, sink);
    removed_touchpoints(ctx, base, e, sink);
}

/// Measure effects: their touchpoint and personas, their values on the map's scales, and a value
/// at least.
fn measures(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
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
}

/// Moves set by effects: their ends and personas, finite weights.
fn transitions(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
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
}

/// Moves removed by effects: their ends and personas, and a move of the map to remove.
fn removed_transitions(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
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
}

/// Touchpoints removed by effects: the touchpoint and where its moves go, which must apply to
/// every persona the removed one applies to.
fn removed_touchpoints(ctx: &Context<'_>, base: &str, e: &Effects, sink: &mut Sink) {
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
