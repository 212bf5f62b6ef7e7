//! Extra fields in maps built in code: every key kept in an `x` map must start with `x-`.

use crate::diagnostics::codes;
use crate::model::XFields;
use crate::model::{Effects, JourneyMap, Touchpoint};

use super::{Sink, esc};

/// JM015 for every key of `x` (at `base`) that does not start with `x-`.
fn check(sink: &mut Sink, base: &str, x: &XFields) {
    for key in x.keys().filter(|k| !k.starts_with("x-")) {
        sink.add(
            codes::UNKNOWN_FIELD_IN_MAP,
            format!("{base}/{}", esc(key)),
            format!("unknown field \"{key}\"; extra keys must start with \"x-\""),
        );
    }
}

pub(super) fn unknown_fields(map: &JourneyMap, sink: &mut Sink) {
    check(sink, "", &map.x);
    check(sink, "/metadata", &map.metadata.x);
    check(sink, "/scales", &map.scales.x);
    let s = &map.scales;
    for (name, x) in [
        ("emotion", s.emotion.as_ref().map(|v| &v.x)),
        ("effort", s.effort.as_ref().map(|v| &v.x)),
        ("importance", s.importance.as_ref().map(|v| &v.x)),
        ("satisfaction", s.satisfaction.as_ref().map(|v| &v.x)),
    ] {
        if let Some(x) = x {
            check(sink, &format!("/scales/{name}"), x);
        }
    }
    for (i, p) in map.personas.iter().enumerate() {
        check(sink, &format!("/personas/{i}"), &p.x);
    }
    for (i, c) in map.channels.iter().enumerate() {
        check(sink, &format!("/channels/{i}"), &c.x);
    }
    for (i, st) in map.stages.iter().enumerate() {
        check(sink, &format!("/stages/{i}"), &st.x);
        for (k, kpi) in st.kpis.iter().enumerate() {
            check(sink, &format!("/stages/{i}/kpis/{k}"), &kpi.x);
        }
    }
    for (i, t) in map.touchpoints.iter().enumerate() {
        touchpoint(sink, &format!("/touchpoints/{i}"), t);
    }
    for (i, t) in map.transitions.iter().enumerate() {
        check(sink, &format!("/transitions/{i}"), &t.x);
    }
    for (i, e) in map.entries.iter().enumerate() {
        check(sink, &format!("/entries/{i}"), &e.x);
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        check(sink, &format!("/outcomes/{i}"), &o.x);
    }
    for (i, o) in map.opportunities.iter().enumerate() {
        check(sink, &format!("/opportunities/{i}"), &o.x);
        if let Some(e) = &o.effects {
            effects(sink, &format!("/opportunities/{i}/effects"), e);
        }
    }
}

/// A touchpoint at `base` and the objects it holds: measures, per-persona measures (whose keys
/// must not start with `x-`), evidence, survey, pains and gains.
fn touchpoint(sink: &mut Sink, base: &str, t: &Touchpoint) {
    check(sink, base, &t.x);
    check(sink, &format!("{base}/measures"), &t.measures.x);
    let pm_base = format!("{base}/persona_measures");
    check(sink, &pm_base, &t.persona_measures.x);
    for (p, m) in &t.persona_measures {
        if p.starts_with("x-") {
            sink.add(
                codes::UNKNOWN_FIELD_IN_MAP,
                format!("{pm_base}/{}", esc(p)),
                format!("\"{p}\" starts with \"x-\", so it would be read back as tool data, not as a persona id; keep it in \"persona_measures.x\""),
            );
        }
        check(sink, &format!("{pm_base}/{}", esc(p)), &m.x);
    }
    if let Some(e) = &t.evidence {
        check(sink, &format!("{base}/evidence"), &e.x);
    }
    if let Some(s) = &t.survey {
        check(sink, &format!("{base}/survey"), &s.x);
    }
    for (list, notes) in [("pains", &t.pains), ("gains", &t.gains)] {
        for (j, n) in notes.iter().enumerate() {
            check(sink, &format!("{base}/{list}/{j}"), &n.x);
        }
    }
}

/// The effects of an opportunity at `base`, and each of them.
fn effects(sink: &mut Sink, base: &str, e: &Effects) {
    check(sink, base, &e.x);
    for (j, m) in e.measures.iter().enumerate() {
        check(sink, &format!("{base}/measures/{j}"), &m.x);
        check(
            sink,
            &format!("{base}/measures/{j}/measures"),
            &m.measures.x,
        );
    }
    for (j, t) in e.transitions.iter().enumerate() {
        check(sink, &format!("{base}/transitions/{j}"), &t.x);
    }
    for (j, t) in e.removed_transitions.iter().enumerate() {
        check(sink, &format!("{base}/removed_transitions/{j}"), &t.x);
    }
    for (j, r) in e.removed_touchpoints.iter().enumerate() {
        check(sink, &format!("{base}/removed_touchpoints/{j}"), &r.x);
    }
}
