//! Observed journeys: event logs (one row per customer interaction) turned into directly-follows
//! counts, variants and survey aggregates, observed maps, calibrated maps and conformance reports.
//!
//! The flow, by concern:
//! - [`timestamps`]: ISO 8601 and Unix epoch timestamps to nanoseconds.
//! - [`ingest`]: an [`EventLog`] from CSV readers, from any iterator of [`Event`]s, or from columns
//!   ([`columns`]; Arrow arrays with the `arrow` feature). Bad rows are reported with their row
//!   number and reason, every valid row is kept; events are ordered by timestamp within a case,
//!   ties in input order.
//! - [`aggregate`]: the mergeable [`Aggregate`] of a log (variants per persona, survey answers),
//!   serializable to bytes, from which [`stats`], [`discover`] and [`calibrate`] are computed, so
//!   partitions of a log can be aggregated apart and merged.
//! - [`discover`]: an observed map (format v1) whose chain gives observed conversion and removal
//!   effects.
//! - [`mapping`] and [`calibrate`]: observed figures written into a designed map.
//! - [`conformance`]: planned versus actual, case by case (CJML), with a token-replay fitness.

pub mod aggregate;
#[cfg(feature = "arrow")]
pub mod arrow;
pub mod calibrate;
pub mod columns;
pub mod conformance;
mod csv_log;
mod csv_rows;
pub mod discover;
mod figures;
pub mod ingest;
mod intern;
pub mod mapping;
mod parallel;
pub mod stats;
pub mod timestamps;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Code, Diagnostic, ErrorKind, ErrorReport, codes};

pub use aggregate::Aggregate;
pub use calibrate::{Calibration, calibrate};
pub use conformance::{ConformanceOptions, ConformanceReport, conformance};
pub use csv_log::{read_csv, read_csv_path};
pub use discover::{DiscoverOptions, Discovery, discover};
pub use ingest::{Event, EventLog, LogBuilder, Time};
pub use mapping::ActivityMapping;
pub use stats::{Stats, StatsOptions};

/// Marks a missing interned value (no channel, no persona, a missing metric).
pub const NONE: u32 = u32::MAX;

/// The case id column when none is named.
pub const DEFAULT_CASE: &str = "case_id";
/// The activity column when none is named.
pub const DEFAULT_ACTIVITY: &str = "activity";
/// The timestamp column when none is named.
pub const DEFAULT_TIMESTAMP: &str = "timestamp";

/// A survey metric read from a column of the log.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Emotion at the step (default scale -2..+2).
    Emotion,
    /// Customer Effort Score (default scale 1..7, higher is more effort, as the map's effort).
    Ces,
    /// Customer satisfaction (default scale 1..5; reported as % top-2-box).
    Csat,
    /// Likelihood to recommend, 0..10 (reported as % promoters minus % detractors).
    Nps,
}

impl MetricKind {
    /// Every kind, in output order.
    pub const ALL: [MetricKind; 4] = [
        MetricKind::Emotion,
        MetricKind::Ces,
        MetricKind::Csat,
        MetricKind::Nps,
    ];

    /// `emotion`, `ces`, `csat` or `nps`.
    pub fn as_str(self) -> &'static str {
        match self {
            MetricKind::Emotion => "emotion",
            MetricKind::Ces => "ces",
            MetricKind::Csat => "csat",
            MetricKind::Nps => "nps",
        }
    }

    /// The default scale: emotion -2..2, CES 1..7 (higher is more effort), CSAT 1..5, NPS 0..10.
    pub fn default_scale(self) -> MetricScale {
        let (min, max) = match self {
            MetricKind::Emotion => (-2.0, 2.0),
            MetricKind::Ces => (1.0, 7.0),
            MetricKind::Csat => (1.0, 5.0),
            MetricKind::Nps => (0.0, 10.0),
        };
        MetricScale {
            min,
            max,
            higher_is_easier: false,
        }
    }
}

/// A survey answer written as text (a cell of a CSV log, a text column): white space around it is
/// ignored, empty is no answer (`Ok(None)`), and text that is not a number is `Err`, with the
/// white space trimmed. Every reader of survey answers reads them so.
#[inline]
pub fn survey_number(text: &str) -> Result<Option<f64>, &str> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<f64>().map(Some).map_err(|_| t)
}

/// The declared scale of a metric column.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MetricScale {
    /// Lowest answer. When read, `"NaN"`, `"Infinity"` and `"-Infinity"` are accepted for the
    /// numbers JSON cannot hold, so that [`ColumnNames::check`] reports them (JM305).
    #[serde(deserialize_with = "number_or_non_finite")]
    pub min: f64,
    /// Highest answer (read as `min`).
    #[serde(deserialize_with = "number_or_non_finite")]
    pub max: f64,
    /// For CES: a higher answer means less effort (CES 2.0, "the company made it easy").
    #[serde(default)]
    pub higher_is_easier: bool,
}

/// A number, or one of the texts `NaN`, `Infinity`, `-Infinity` that stand for the numbers JSON
/// cannot hold (the bindings write non-finite scales so, and the check refuses them).
fn number_or_non_finite<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumberOrText {
        Number(f64),
        Text(String),
    }
    if !d.is_human_readable() {
        return f64::deserialize(d); // binary partials hold plain numbers
    }
    match NumberOrText::deserialize(d)? {
        NumberOrText::Number(v) => Ok(v),
        NumberOrText::Text(t) => match t.as_str() {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(serde::de::Error::custom(format!(
                "expected a number, \"NaN\", \"Infinity\" or \"-Infinity\", got \"{t}\""
            ))),
        },
    }
}

/// A metric column: which metric, which column, on which scale. When read, the scale may be left
/// out, and so may its `min` and `max`: the metric's default scale fills in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(from = "MetricColumnSettings")]
pub struct MetricColumn {
    /// The metric.
    pub kind: MetricKind,
    /// Column name in the log.
    pub column: String,
    /// Its declared scale.
    pub scale: MetricScale,
}

/// A metric column as read: the scale, and its bounds, may be left out.
#[derive(Deserialize, JsonSchema)]
struct MetricColumnSettings {
    kind: MetricKind,
    column: String,
    #[serde(default)]
    scale: Option<ScaleSettings>,
}

/// A scale as read: either bound may be left out (read as [`MetricScale::min`]).
#[derive(Deserialize, JsonSchema)]
struct ScaleSettings {
    min: Option<Bound>,
    max: Option<Bound>,
    #[serde(default)]
    higher_is_easier: bool,
}

/// A scale bound as read (see [`MetricScale::min`]).
#[derive(Deserialize, JsonSchema)]
struct Bound(#[serde(deserialize_with = "number_or_non_finite")] f64);

impl From<MetricColumnSettings> for MetricColumn {
    fn from(m: MetricColumnSettings) -> Self {
        let default = m.kind.default_scale();
        let scale = match m.scale {
            None => default,
            Some(s) => MetricScale {
                min: s.min.map_or(default.min, |b| b.0),
                max: s.max.map_or(default.max, |b| b.0),
                higher_is_easier: s.higher_is_easier,
            },
        };
        MetricColumn {
            kind: m.kind,
            column: m.column,
            scale,
        }
    }
}

/// Which columns of a log hold what. Defaults: [`DEFAULT_CASE`], [`DEFAULT_ACTIVITY`],
/// [`DEFAULT_TIMESTAMP`], no channel, persona or metric column; when read, any field may be left
/// out for its default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct ColumnNames {
    /// Case (customer or session) id column.
    pub case: String,
    /// Activity column.
    pub activity: String,
    /// Timestamp column.
    pub timestamp: String,
    /// Channel column, when channels are read.
    pub channel: Option<String>,
    /// Persona or segment column, when personas are read.
    pub persona: Option<String>,
    /// Survey metric columns (at most one per kind).
    pub metrics: Vec<MetricColumn>,
}

impl Default for ColumnNames {
    fn default() -> Self {
        Self {
            case: DEFAULT_CASE.to_owned(),
            activity: DEFAULT_ACTIVITY.to_owned(),
            timestamp: DEFAULT_TIMESTAMP.to_owned(),
            channel: None,
            persona: None,
            metrics: Vec::new(),
        }
    }
}

impl ColumnNames {
    /// Adds a metric column on the metric's default scale (replacing one of the same kind).
    #[must_use]
    pub fn with_metric(mut self, kind: MetricKind, column: impl Into<String>) -> Self {
        self.metrics.retain(|m| m.kind != kind);
        self.metrics.push(MetricColumn {
            kind,
            column: column.into(),
            scale: kind.default_scale(),
        });
        self
    }

    /// The columns read, each once: case, activity, timestamp, channel, persona, then the
    /// metric columns.
    pub fn columns(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        let named = [&self.case, &self.activity, &self.timestamp]
            .into_iter()
            .chain(self.channel.as_ref())
            .chain(self.persona.as_ref())
            .chain(self.metrics.iter().map(|m| &m.column));
        for c in named {
            if !out.contains(&c.as_str()) {
                out.push(c);
            }
        }
        out
    }

    /// Column settings from JSON in which any field may be left out for its default (see
    /// [`ColumnNames`] and [`MetricColumn`]), as the bindings send them; JM305 when unreadable.
    pub fn from_settings_json(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|e| Error::Options(format!("column settings: {e}")))
    }

    /// What a log read with these columns holds (partials must agree on it to merge).
    pub fn spec(&self) -> LogSpec {
        let mut metrics: Vec<(MetricKind, MetricScale)> =
            self.metrics.iter().map(|m| (m.kind, m.scale)).collect();
        metrics.sort_by_key(|m| m.0);
        metrics.dedup_by_key(|m| m.0);
        LogSpec {
            channels: self.channel.is_some(),
            personas: self.persona.is_some(),
            metrics,
        }
    }

    /// Checks the settings: distinct metric kinds, valid scales (NPS on 0..10).
    pub fn check(&self) -> Result<(), Error> {
        for (i, m) in self.metrics.iter().enumerate() {
            let s = m.scale;
            if !(s.min.is_finite() && s.max.is_finite() && s.min < s.max) {
                return Err(Error::Options(format!(
                    "the {} scale {}..{} is not a scale (min < max, finite)",
                    m.kind.as_str(),
                    s.min,
                    s.max
                )));
            }
            if m.kind == MetricKind::Nps && (s.min != 0.0 || s.max != 10.0) {
                return Err(Error::Options(
                    "NPS is defined on 0..10 only (promoters 9-10, detractors 0-6)".to_owned(),
                ));
            }
            if self.metrics[..i].iter().any(|o| o.kind == m.kind) {
                return Err(Error::Options(format!(
                    "two columns are given for {}",
                    m.kind.as_str()
                )));
            }
        }
        Ok(())
    }
}

/// What a log holds beyond case, activity and timestamp: partial aggregates merge only when they
/// agree on it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct LogSpec {
    /// Whether a channel column was read.
    pub channels: bool,
    /// Whether a persona column was read.
    pub personas: bool,
    /// Metric columns read, by kind, with their scales.
    pub metrics: Vec<(MetricKind, MetricScale)>,
}

/// A problem with one row (or one cell) of a log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RowIssue {
    /// Row number: for CSV the 1-based line where the record starts (the header is line 1); for
    /// frames, columns and iterators the 0-based position of the row; plus the builder's row
    /// offset ([`LogBuilder::with_row_offset`]) for a part of a larger log.
    pub row: u64,
    /// The stable code (JM300 rejected row, JM301 ignored value, JM303 conflicting persona).
    pub code: String,
    /// Why.
    pub reason: String,
}

impl RowIssue {
    pub(crate) fn new(row: u64, code: Code, reason: impl Into<String>) -> Self {
        Self {
            row,
            code: code.as_str().to_owned(),
            reason: reason.into(),
        }
    }

    /// The issue as a diagnostic (path `/rows/<row>`).
    pub fn to_diagnostic(&self) -> Diagnostic {
        let code = Code::parse(&self.code).unwrap_or(codes::ROW_REJECTED);
        Diagnostic::new(code, format!("/rows/{}", self.row), self.reason.clone())
    }
}

/// Why event-log work failed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    /// A column asked for is not in the log (JM302).
    #[error("the event log has no column \"{column}\" (columns: {available})")]
    MissingColumn {
        /// The column asked for.
        column: String,
        /// The columns the log has, comma-separated.
        available: String,
    },
    /// The log cannot be read (JM304).
    #[error("cannot read the event log: {0}")]
    Unreadable(String),
    /// Invalid options: scales, batch columns, column types, touchpoints per channel without a
    /// channel column (JM305).
    #[error("{0}")]
    Options(String),
    /// An activity is named both as a success and as a failure (JM320).
    #[error("activity \"{0}\" is named both as a success and as a failure outcome")]
    OutcomeConflict(String),
    /// Two partials hold the same case (JM310).
    #[error("case \"{0}\" is found in both partial aggregates; partitions must hold whole cases")]
    CaseInTwoPartials(String),
    /// Partials built with different settings (JM311).
    #[error("the partial aggregates are not compatible: {0}")]
    Incompatible(String),
    /// Bytes that are not a partial aggregate (JM312).
    #[error("not a journeymap partial aggregate: {0}")]
    Corrupt(String),
    /// The activity mapping names ids the map does not have (JM331), or cannot be read.
    #[error("invalid activity mapping: {}", .0.first().map_or_else(String::new, |d| d.message.clone()))]
    Mapping(Vec<Diagnostic>),
}

impl Error {
    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Error::MissingColumn { .. } => codes::MISSING_COLUMN,
            Error::Unreadable(_) => codes::EVENT_LOG_UNREADABLE,
            Error::Options(_) => codes::INVALID_LOG_OPTIONS,
            Error::OutcomeConflict(_) => codes::OUTCOME_ACTIVITY_CONFLICT,
            Error::CaseInTwoPartials(_) => codes::CASE_IN_TWO_PARTIALS,
            Error::Incompatible(_) => codes::INCOMPATIBLE_PARTIALS,
            Error::Corrupt(_) => codes::CORRUPT_PARTIAL,
            Error::Mapping(ds) => ds.first().map_or(codes::UNKNOWN_MAPPING_TARGET, |d| d.code),
        }
    }

    /// The kind of failure: always an event-log error.
    pub fn kind(&self) -> ErrorKind {
        ErrorKind::EventLog
    }

    /// The error as the bindings raise it: kind, code, message and diagnostics.
    pub fn report(&self) -> ErrorReport {
        ErrorReport::new(self.kind(), self.code(), self, self.to_diagnostics())
    }

    /// The error as diagnostics.
    pub fn to_diagnostics(&self) -> Vec<Diagnostic> {
        match self {
            Error::Mapping(ds) => ds.clone(),
            _ => vec![Diagnostic::new(self.code(), "", self.to_string())],
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn survey_answers_read_from_text() {
        assert_eq!(survey_number(" 4.0 "), Ok(Some(4.0)));
        assert_eq!(survey_number("-2"), Ok(Some(-2.0)));
        assert_eq!(survey_number(" \t"), Ok(None));
        assert_eq!(survey_number(" n/a "), Err("n/a"));
    }

    #[test]
    fn settings_left_out_are_the_defaults() {
        assert_eq!(
            ColumnNames::from_settings_json("{}").unwrap(),
            ColumnNames::default()
        );
        let names = ColumnNames::from_settings_json(
            r#"{"case": "id", "persona": "id", "metrics": [
                {"kind": "csat", "column": "c"},
                {"kind": "ces", "column": "e", "scale": {"higher_is_easier": true}},
                {"kind": "emotion", "column": "m", "scale": {"min": -3, "max": "NaN"}}]}"#,
        )
        .unwrap();
        assert_eq!(names.activity, DEFAULT_ACTIVITY);
        assert_eq!(names.metrics[0].scale, MetricKind::Csat.default_scale());
        let ces = names.metrics[1].scale;
        assert_eq!((ces.min, ces.max, ces.higher_is_easier), (1.0, 7.0, true));
        assert_eq!(names.metrics[2].scale.min, -3.0);
        assert!(names.metrics[2].scale.max.is_nan());
        assert_eq!(
            names.columns(),
            ["id", "activity", "timestamp", "c", "e", "m"]
        );
        let bad = ColumnNames::from_settings_json(r#"{"case": 5}"#).unwrap_err();
        assert_eq!(bad.code(), codes::INVALID_LOG_OPTIONS);
    }
}

// The Rust examples of docs/events.md are compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/events.md")]
struct EventsDoctests;
