//! Event logs (core `events`): logs from columns the JS layer extracted from arrays of objects,
//! from CSV text or files; statistics, mergeable aggregates, discovery, calibration and
//! conformance. Results cross as JSON text; failures as outcomes (`lib/index.cjs` throws them).

use journeymap::events::columns::{Columns, NumColumn, StrColumn};
use journeymap::events::{
    ActivityMapping, Aggregate, ColumnNames, ConformanceOptions, DiscoverOptions, EventLog,
    LogBuilder, StatsOptions, read_csv, read_csv_path, survey_number,
};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, TextOutcome};
use crate::map::NativeMap;

/// Survey answers as the JS layer gives them: text (empty or null is no answer).
struct TextNumbers(Vec<Option<String>>);

impl NumColumn for TextNumbers {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn value(&self, i: usize) -> std::result::Result<Option<f64>, String> {
        self.0[i]
            .as_deref()
            .map_or(Ok(None), |t| survey_number(t).map_err(str::to_owned))
    }
}

/// The column settings from the JSON `lib/events.cjs` writes (fields left out for the core's
/// defaults; non-finite scale bounds as text, refused by the core's check: JM305).
fn names(json: &str) -> std::result::Result<ColumnNames, Failure> {
    ColumnNames::from_settings_json(json).map_err(Failure::from)
}

/// A builder numbering its rows from `row_offset` (a non-negative integer, checked by the JS
/// layer).
fn builder(names_json: &str, row_offset: Option<i64>) -> std::result::Result<LogBuilder, Failure> {
    let offset = u64::try_from(row_offset.unwrap_or(0)).unwrap_or(0);
    Ok(LogBuilder::new(names(names_json)?)
        .map_err(Failure::from)?
        .with_row_offset(offset))
}

/// A mapping from the JS layer: `[[activity, channel | null, touchpoint], ...]` as JSON text, CSV
/// text, or the path of a CSV file.
fn mapping(
    rows_json: Option<&str>,
    csv: Option<&str>,
    path: Option<&str>,
) -> std::result::Result<Option<ActivityMapping>, Failure> {
    if let Some(path) = path {
        return ActivityMapping::from_path(path)
            .map(Some)
            .map_err(Failure::from);
    }
    if let Some(text) = csv {
        return ActivityMapping::from_csv(text.as_bytes())
            .map(Some)
            .map_err(Failure::from);
    }
    match rows_json {
        Some(json) => {
            let rows: Vec<(String, Option<String>, String)> = serde_json::from_str(json)
                .map_err(|e| Failure::internal(&format!("mapping rows: {e}")))?;
            Ok(Some(ActivityMapping::from_rows(rows)))
        }
        None => Ok(None),
    }
}

/// The result of reading an event log.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "made once per call and handed to JavaScript at once"
)]
pub enum EventLogOutcome {
    /// The log.
    Ok { log: NativeEventLog },
    /// Why it could not be read.
    Error { error: Failure },
}

/// The result of a call that gives an aggregate.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "made once per call and handed to JavaScript at once"
)]
pub enum AggregateOutcome {
    /// The aggregate.
    Ok { aggregate: NativeAggregate },
    /// Why it failed.
    Error { error: Failure },
}

/// A map with a report (JSON text): discovery and calibration.
#[napi(
    discriminant = "kind",
    discriminant_case = "lowercase",
    object_from_js = false
)]
#[derive(Debug)]
pub enum MapReportOutcome {
    /// The map and the report.
    Ok { map: NativeMap, report: String },
    /// Why it failed.
    Error { error: Failure },
}

fn log_outcome(r: std::result::Result<EventLog, Failure>) -> EventLogOutcome {
    match r {
        Ok(inner) => EventLogOutcome::Ok {
            log: NativeEventLog { inner },
        },
        Err(error) => EventLogOutcome::Error { error },
    }
}

/// How many variants the statistics list when not told: the core's default.
#[napi]
pub const DEFAULT_TOP_VARIANTS: u32 = {
    let top = journeymap::events::stats::DEFAULT_TOP_VARIANTS;
    assert!(top <= u32::MAX as usize);
    top as u32
};

/// An event log held by the native side.
#[napi]
#[derive(Debug)]
pub struct NativeEventLog {
    inner: EventLog,
}

/// A mergeable partial aggregate held by the native side.
#[napi]
#[derive(Debug)]
pub struct NativeAggregate {
    inner: Aggregate,
}

/// The column settings with the core's defaults filled in, as JSON text (the keys
/// `lib/events.cjs` reads records by).
#[napi(catch_unwind)]
pub fn event_log_columns(names_json: String) -> TextOutcome {
    names(&names_json)
        .and_then(|n| convert::to_json(&n, false))
        .into()
}

/// Reads a log from columns (rows numbered from `row_offset`, 0 by default). `metrics` follow
/// the metric columns of the settings.
#[napi(catch_unwind)]
#[allow(
    clippy::too_many_arguments,
    reason = "one native call per log: the columns, the settings and the offset"
)]
pub fn event_log_from_columns(
    names_json: String,
    case_ids: Vec<Option<String>>,
    activity: Vec<Option<String>>,
    timestamp: Vec<Option<String>>,
    channel: Option<Vec<Option<String>>>,
    persona: Option<Vec<Option<String>>>,
    metrics: Vec<Vec<Option<String>>>,
    row_offset: Option<i64>,
) -> EventLogOutcome {
    let read = || -> std::result::Result<EventLog, Failure> {
        let mut b = builder(&names_json, row_offset)?;
        let metrics: Vec<TextNumbers> = metrics.into_iter().map(TextNumbers).collect();
        let metric_refs: Vec<&dyn NumColumn> =
            metrics.iter().map(|m| m as &dyn NumColumn).collect();
        b.push_columns(Columns {
            case: &case_ids,
            activity: &activity,
            timestamp: &timestamp,
            channel: channel.as_ref().map(|c| c as &dyn StrColumn),
            persona: persona.as_ref().map(|c| c as &dyn StrColumn),
            metrics: &metric_refs,
        })
        .map_err(Failure::from)?;
        Ok(b.finish())
    };
    log_outcome(read())
}

/// Reads a log from CSV text with a header row (rows numbered by line, plus `row_offset`).
#[napi(catch_unwind)]
pub fn event_log_from_csv(
    names_json: String,
    text: String,
    row_offset: Option<i64>,
) -> EventLogOutcome {
    log_outcome(builder(&names_json, row_offset).and_then(|mut b| {
        read_csv(text.as_bytes(), &mut b).map_err(Failure::from)?;
        Ok(b.finish())
    }))
}

/// Reads a CSV file with a header row (rows numbered by line, plus `row_offset`).
#[napi(catch_unwind)]
pub fn event_log_from_csv_file(
    names_json: String,
    path: String,
    row_offset: Option<i64>,
) -> EventLogOutcome {
    log_outcome(builder(&names_json, row_offset).and_then(|mut b| {
        read_csv_path(&path, &mut b).map_err(Failure::from)?;
        Ok(b.finish())
    }))
}

/// A partial from `toBytes()`.
#[napi(catch_unwind)]
pub fn aggregate_from_bytes(bytes: Uint8Array) -> AggregateOutcome {
    match Aggregate::from_bytes(&bytes) {
        Ok(inner) => AggregateOutcome::Ok {
            aggregate: NativeAggregate { inner },
        },
        Err(e) => AggregateOutcome::Error {
            error: Failure::from(e),
        },
    }
}

#[napi]
impl NativeEventLog {
    /// Number of cases.
    #[napi(getter, catch_unwind)]
    pub fn cases(&self) -> u32 {
        u32::try_from(self.inner.cases()).unwrap_or(u32::MAX)
    }

    /// Number of events kept.
    #[napi(getter, catch_unwind)]
    pub fn events(&self) -> f64 {
        self.inner.events() as f64
    }

    /// Rejected rows, ignored values and persona conflicts, as JSON text.
    #[napi(catch_unwind)]
    pub fn issues_json(&self) -> TextOutcome {
        convert::to_json(self.inner.issues(), false).into()
    }

    /// The mergeable aggregate.
    #[napi(catch_unwind)]
    pub fn aggregate(&self) -> NativeAggregate {
        NativeAggregate {
            inner: self.inner.aggregate(),
        }
    }

    /// Conformance of every case to `map`, as JSON text.
    #[napi(catch_unwind)]
    pub fn conformance_json(
        &self,
        map: &NativeMap,
        mapping_rows_json: Option<String>,
        mapping_csv: Option<String>,
        mapping_path: Option<String>,
        top: Option<u32>,
        include_cases: Option<bool>,
    ) -> TextOutcome {
        mapping(
            mapping_rows_json.as_deref(),
            mapping_csv.as_deref(),
            mapping_path.as_deref(),
        )
        .and_then(|m| {
            let default = ConformanceOptions::default();
            let options = ConformanceOptions {
                top_variants: top.map_or(default.top_variants, |t| t as usize),
                include_cases: include_cases.unwrap_or(default.include_cases),
            };
            journeymap::events::conformance(&map.inner, &self.inner, m.as_ref(), &options)
                .map_err(Failure::from)
        })
        .and_then(|r| convert::to_json(&r, false))
        .into()
    }
}

#[napi]
impl NativeAggregate {
    /// The partial as bytes.
    #[napi(catch_unwind)]
    pub fn to_bytes(&self) -> Buffer {
        Buffer::from(self.inner.to_bytes())
    }

    /// The merge with `other` (JM310 for a shared case, JM311 for different settings).
    #[napi(catch_unwind)]
    pub fn merge(&self, other: &NativeAggregate) -> AggregateOutcome {
        match self.inner.merged(&other.inner) {
            Ok(inner) => AggregateOutcome::Ok {
                aggregate: NativeAggregate { inner },
            },
            Err(e) => AggregateOutcome::Error {
                error: Failure::from(e),
            },
        }
    }

    /// Number of cases.
    #[napi(getter, catch_unwind)]
    pub fn cases(&self) -> f64 {
        self.inner.cases() as f64
    }

    /// Number of events.
    #[napi(getter, catch_unwind)]
    pub fn events(&self) -> f64 {
        self.inner.events() as f64
    }

    /// The statistics as JSON text (`top`: how many variants; all when absent).
    #[napi(catch_unwind)]
    pub fn stats_json(&self, outcomes: Vec<String>, top: Option<u32>) -> TextOutcome {
        let options = StatsOptions {
            outcomes,
            top_variants: top.map(|t| t as usize),
        };
        convert::to_json(&self.inner.stats(&options), false).into()
    }

    /// The observed map and its report.
    #[napi(catch_unwind)]
    pub fn discover(
        &self,
        success: Vec<String>,
        failure: Vec<String>,
        by_channel: bool,
        id: Option<String>,
        title: Option<String>,
    ) -> MapReportOutcome {
        let options = DiscoverOptions {
            success,
            failure,
            by_channel,
            id,
            title,
        };
        let result = journeymap::events::discover(&self.inner, &options)
            .map_err(Failure::from)
            .and_then(|d| Ok((d.map, convert::to_json(&d.report, false)?)));
        match result {
            Ok((map, report)) => MapReportOutcome::Ok {
                map: NativeMap::new(map),
                report,
            },
            Err(error) => MapReportOutcome::Error { error },
        }
    }

    /// `map` calibrated from this aggregate, and the report.
    #[napi(catch_unwind)]
    pub fn calibrate(
        &self,
        map: &NativeMap,
        mapping_rows_json: Option<String>,
        mapping_csv: Option<String>,
        mapping_path: Option<String>,
    ) -> MapReportOutcome {
        let result = mapping(
            mapping_rows_json.as_deref(),
            mapping_csv.as_deref(),
            mapping_path.as_deref(),
        )
        .and_then(|m| {
            journeymap::events::calibrate(&map.inner, &self.inner, &m.unwrap_or_default())
                .map_err(Failure::from)
        })
        .and_then(|c| Ok((c.map, convert::to_json(&c.report, false)?)));
        match result {
            Ok((map, report)) => MapReportOutcome::Ok {
                map: NativeMap::new(map),
                report,
            },
            Err(error) => MapReportOutcome::Error { error },
        }
    }
}
