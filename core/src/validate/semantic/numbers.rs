//! Numbers: finite values, declared scales, measures within their scales, persona shares.

use foldhash::{HashMap, HashMapExt};

use crate::diagnostics::codes;
use crate::model::JourneyMap;
use crate::model::weights::SUM_TOLERANCE;
use crate::model::{Measures, Scale};

use super::{Sink, esc};

// A flat list of checks, one short loop per kind of object, sharing the scale validity found
// first.
pub(super) fn numbers(map: &JourneyMap, sink: &mut Sink) {
    // Paths are written only for the values that need a diagnostic (most maps have none).
    let finite = |sink: &mut Sink, path: &dyn Fn() -> String, v: Option<f64>| {
        if let Some(v) = v.filter(|v| !v.is_finite()) {
            sink.add(
                codes::NON_FINITE,
                path(),
                crate::validate::object::non_finite_message(v),
            );
        }
    };
    // Scales: declared bounds must be finite with min < max.
    let s = &map.scales;
    let mut valid = HashMap::new();
    let declared: [(&str, Option<(f64, f64)>); 4] = [
        ("emotion", s.emotion.as_ref().map(|x| (x.min, x.max))),
        ("effort", s.effort.as_ref().map(|x| (x.min, x.max))),
        ("importance", s.importance.as_ref().map(|x| (x.min, x.max))),
        (
            "satisfaction",
            s.satisfaction.as_ref().map(|x| (x.min, x.max)),
        ),
    ];
    for (name, bounds) in declared {
        let Some((min, max)) = bounds else {
            valid.insert(name, true);
            continue;
        };
        let ok = Scale::new(min, max).is_valid();
        valid.insert(name, ok);
        if !ok {
            sink.add(
                codes::INVALID_SCALE,
                format!("/scales/{name}"),
                format!(
                    "the {name} scale must have finite bounds with min < max (min {min}, max {max})"
                ),
            );
        }
    }
    for (i, p) in map.personas.iter().enumerate() {
        finite(sink, &|| format!("/personas/{i}/share"), p.share);
    }
    for (i, st) in map.stages.iter().enumerate() {
        for (k, kpi) in st.kpis.iter().enumerate() {
            finite(sink, &|| format!("/stages/{i}/kpis/{k}/target"), kpi.target);
            finite(sink, &|| format!("/stages/{i}/kpis/{k}/actual"), kpi.actual);
        }
    }
    let scales: [(&str, &str, Scale); 5] = [
        ("emotion", "emotion", s.emotion()),
        ("expected_emotion", "emotion", s.emotion()),
        ("effort", "effort", s.effort().bounds()),
        ("importance", "importance", s.importance()),
        ("satisfaction", "satisfaction", s.satisfaction()),
    ];
    let measures = |sink: &mut Sink, base: &dyn Fn() -> String, m: &Measures| {
        for (field, value) in m.fields() {
            let Some(v) = value else { continue };
            if !v.is_finite() {
                sink.add(
                    codes::NON_FINITE,
                    format!("{}/{field}", base()),
                    crate::validate::object::non_finite_message(v),
                );
                continue;
            }
            if let Some((_, scale_name, scale)) = scales.iter().find(|(f, _, _)| *f == field)
                && valid.get(scale_name).copied().unwrap_or(true)
                && !scale.contains(v)
            {
                sink.add(
                    codes::OUTSIDE_SCALE,
                    format!("{}/{field}", base()),
                    format!(
                        "{field} {v} is outside the {scale_name} scale {}..{}",
                        scale.min, scale.max
                    ),
                );
            }
        }
    };
    for (i, t) in map.touchpoints.iter().enumerate() {
        measures(sink, &|| format!("/touchpoints/{i}/measures"), &t.measures);
        for (persona, m) in &t.persona_measures {
            measures(
                sink,
                &|| format!("/touchpoints/{i}/persona_measures/{}", esc(persona)),
                m,
            );
        }
        if let Some(survey) = &t.survey {
            finite(
                sink,
                &|| format!("/touchpoints/{i}/survey/sample_rate"),
                survey.sample_rate,
            );
        }
    }
    for (i, t) in map.transitions.iter().enumerate() {
        finite(
            sink,
            &|| format!("/transitions/{i}/probability"),
            t.probability,
        );
        finite(sink, &|| format!("/transitions/{i}/count"), t.count);
    }
    for (i, e) in map.entries.iter().enumerate() {
        finite(sink, &|| format!("/entries/{i}/probability"), e.probability);
        finite(sink, &|| format!("/entries/{i}/count"), e.count);
    }
    for (i, o) in map.outcomes.iter().enumerate() {
        finite(sink, &|| format!("/outcomes/{i}/value"), o.value);
    }
    for (i, o) in map.opportunities.iter().enumerate() {
        finite(sink, &|| format!("/opportunities/{i}/value"), o.value);
        finite(sink, &|| format!("/opportunities/{i}/effort"), o.effort);
        finite(
            sink,
            &|| format!("/opportunities/{i}/confidence"),
            o.confidence,
        );
    }
    let shares: f64 = map
        .personas
        .iter()
        .filter_map(|p| p.share)
        .filter(|s| s.is_finite())
        .sum();
    if shares > 1.0 + SUM_TOLERANCE {
        sink.add(
            codes::SHARES_OVER_ONE,
            "/personas",
            format!("persona shares sum to {shares}, more than 1 (the whole customer base)"),
        );
    }
}
