//! Numbers: finite values, declared scales, measures within their scales, persona shares.

use crate::diagnostics::{Code, codes};
use crate::model::JourneyMap;
use crate::model::weights::SUM_TOLERANCE;
use crate::model::{Measures, Scale};

use super::{Sink, esc};

/// JM044 for a value that is not finite (`path` is written only then: most maps have none).
fn finite(sink: &mut Sink, path: &dyn Fn() -> String, v: Option<f64>) {
    if let Some(v) = v.filter(|v| !v.is_finite()) {
        sink.add(
            codes::NON_FINITE,
            path(),
            crate::validate::object::non_finite_message(v),
        );
    }
}

/// The checks, one short loop per kind of object, sharing the scale validity found first.
pub(super) fn numbers(map: &JourneyMap, sink: &mut Sink) {
    // Scales: declared bounds must be finite with min < max.
    let scales = MeasureScales::of(map);
    for (name, min, max) in scales.invalid() {
        sink.add(
            codes::INVALID_SCALE,
            format!("/scales/{name}"),
            format!(
                "the {name} scale must have finite bounds with min < max (min {min}, max {max})"
            ),
        );
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
    touchpoints(map, &scales, sink);
    weights_and_values(map, sink);
    shares(map, sink);
}

/// Measures within their scales (per persona too), finite survey sample rates.
fn touchpoints(map: &JourneyMap, scales: &MeasureScales, sink: &mut Sink) {
    let measures = |sink: &mut Sink, base: &dyn Fn() -> String, m: &Measures| {
        scales.check(sink, base, m, codes::OUTSIDE_SCALE);
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
}

/// Finite weights of moves and entries, values of outcomes, figures of opportunities.
fn weights_and_values(map: &JourneyMap, sink: &mut Sink) {
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
}

/// Persona shares over 1 (the whole customer base).
fn shares(map: &JourneyMap, sink: &mut Sink) {
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

/// The scales measures are read on, with whether each declaration is usable (an invalid scale
/// is reported once, as JM029, and its values are not checked against it).
pub(super) struct MeasureScales {
    /// Declared bounds by scale name.
    declared: [(&'static str, Option<(f64, f64)>); 4],
    /// (measure field, scale name, scale in force).
    scales: [(&'static str, &'static str, Scale); 5],
}

impl MeasureScales {
    pub(super) fn of(map: &JourneyMap) -> Self {
        let s = &map.scales;
        Self {
            declared: [
                ("emotion", s.emotion.as_ref().map(|x| (x.min, x.max))),
                ("effort", s.effort.as_ref().map(|x| (x.min, x.max))),
                ("importance", s.importance.as_ref().map(|x| (x.min, x.max))),
                (
                    "satisfaction",
                    s.satisfaction.as_ref().map(|x| (x.min, x.max)),
                ),
            ],
            scales: [
                ("emotion", "emotion", s.emotion()),
                ("expected_emotion", "emotion", s.emotion()),
                ("effort", "effort", s.effort().bounds()),
                ("importance", "importance", s.importance()),
                ("satisfaction", "satisfaction", s.satisfaction()),
            ],
        }
    }

    /// The declared scales that are not usable: (name, min, max).
    fn invalid(&self) -> impl Iterator<Item = (&'static str, f64, f64)> + '_ {
        self.declared.iter().filter_map(|&(name, bounds)| {
            let (min, max) = bounds?;
            (!Scale::new(min, max).is_valid()).then_some((name, min, max))
        })
    }

    fn usable(&self, scale_name: &str) -> bool {
        !self.invalid().any(|(name, _, _)| name == scale_name)
    }

    /// Reports every non-finite value of `m` (JM031) and every value outside its usable scale
    /// (`outside`), at `base/<field>` (`base` is written only for a diagnostic).
    pub(super) fn check(
        &self,
        sink: &mut Sink,
        base: &dyn Fn() -> String,
        m: &Measures,
        outside: Code,
    ) {
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
            if let Some((_, scale_name, scale)) = self.scales.iter().find(|(f, _, _)| *f == field)
                && self.usable(scale_name)
                && !scale.contains(v)
            {
                sink.add(
                    outside,
                    format!("{}/{field}", base()),
                    format!(
                        "{field} {v} is outside the {scale_name} scale {}..{}",
                        scale.min, scale.max
                    ),
                );
            }
        }
    }
}
