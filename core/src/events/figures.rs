//! Figures an event log writes into a map: measures from the survey answers on the map's
//! scales, the scales themselves, and the evidence of where they come from (used by discovery and
//! calibration).

use std::collections::BTreeMap;

use serde_json::Value;

use super::aggregate::{Aggregate, Histogram};
use super::stats::moments;
use super::{MetricKind, timestamps};
use crate::model::{
    EffortDirection, EffortScale, Evidence, EvidenceSource, Measures, Scale, XFields,
};

/// Measures from survey histograms: emotion, effort (CES), satisfaction (CSAT) means on the
/// log's scales (which the discovered map declares), NPS and CSAT top-2-box as `x-` keys.
pub(crate) fn measures_from(agg: &Aggregate, hists: &BTreeMap<u8, Histogram>) -> Measures {
    let mut m = Measures::default();
    for (&k, h) in hists {
        let Some(&(kind, scale)) = agg.spec.metrics.get(k as usize) else {
            continue;
        };
        let (n, mean) = moments(h);
        if n == 0 {
            continue;
        }
        let summary = super::stats::metric_summary(String::new(), kind, scale, h);
        match kind {
            MetricKind::Emotion => m.emotion = Some(mean),
            MetricKind::Ces => m.effort = Some(mean),
            MetricKind::Csat => {
                m.satisfaction = Some(mean);
                if let Some(t) = summary.top2box {
                    m.x.insert("x-csat-top2box".to_owned(), number(t));
                }
            }
            MetricKind::Nps => {
                if let Some(v) = summary.nps {
                    m.x.insert("x-nps".to_owned(), number(v));
                }
            }
        }
        m.x.insert(format!("x-{}-n", kind.as_str()), Value::from(n));
    }
    m
}

/// A JSON number, integral values written as integers (as the format writes numbers).
fn number(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9e15 {
        return Value::from(v as i64);
    }
    serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
}

/// The scales a map built from this aggregate declares: those of its metric columns.
pub(crate) fn scales_of(agg: &Aggregate) -> crate::model::Scales {
    let mut scales = crate::model::Scales::default();
    for &(kind, s) in &agg.spec.metrics {
        match kind {
            MetricKind::Emotion => scales.emotion = Some(Scale::new(s.min, s.max)),
            MetricKind::Ces => {
                scales.effort = Some(EffortScale {
                    min: s.min,
                    max: s.max,
                    direction: Some(if s.higher_is_easier {
                        EffortDirection::HigherIsEasier
                    } else {
                        EffortDirection::HigherIsMoreEffort
                    }),
                    x: XFields::new(),
                });
            }
            MetricKind::Csat => scales.satisfaction = Some(Scale::new(s.min, s.max)),
            MetricKind::Nps => {}
        }
    }
    scales
}

/// The evidence of an observed figure: analytics over `n` cases in the log's date range.
pub(crate) fn evidence(agg: &Aggregate, n: u64, note: &str) -> Evidence {
    Evidence {
        source: EvidenceSource::Analytics,
        n: Some(n),
        date: agg.time_range.map(|(a, b)| {
            format!(
                "{}/{}",
                timestamps::format_date(a),
                timestamps::format_date(b)
            )
        }),
        note: Some(note.to_owned()),
        x: XFields::new(),
    }
}
