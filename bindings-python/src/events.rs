//! Event logs (core `events`): reading logs from Arrow streams (DataFrames, tables) and CSV files,
//! their statistics, mergeable aggregates, discovery, calibration and conformance. Every call
//! releases the GIL while the core works; results cross as JSON text, which `journeymap._events`
//! turns into DataFrames.

use std::path::PathBuf;

use arrow_array::ffi_stream::{ArrowArrayStreamReader, FFI_ArrowArrayStream};
use journeymap::events::{
    ActivityMapping, Aggregate, ColumnNames, ConformanceOptions, DiscoverOptions, EventLog,
    LogBuilder, StatsOptions, read_csv_path,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule};

use crate::errors::{self, guard};
use crate::map::JourneyMap;

/// The Arrow C stream of an object with `__arrow_c_stream__` (the Arrow PyCapsule interface:
/// pandas, polars, pyarrow, DuckDB, ...), as a record-batch reader over its memory.
fn arrow_stream(obj: &Bound<'_, PyAny>) -> PyResult<ArrowArrayStreamReader> {
    if !obj.hasattr("__arrow_c_stream__")? {
        return Err(PyTypeError::new_err(format!(
            "expected an object with __arrow_c_stream__ (a pandas or polars DataFrame, a pyarrow Table), got {}",
            crate::convert::type_name(obj)
        )));
    }
    let capsule = obj.call_method0("__arrow_c_stream__")?;
    let capsule = capsule
        .cast::<PyCapsule>()
        .map_err(|_| PyTypeError::new_err("__arrow_c_stream__ did not return a PyCapsule"))?;
    let pointer = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
    // SAFETY: the capsule is named "arrow_array_stream", so by the Arrow PyCapsule interface its
    // pointer is a valid, non-null `ArrowArrayStream` that the consumer may take: `from_raw`
    // moves the stream out and marks the capsule's copy as released, so the capsule's destructor
    // does not release it a second time.
    #[allow(
        unsafe_code,
        reason = "the Arrow C stream interface is a C ABI: taking the stream out of its capsule"
    )]
    let stream =
        unsafe { FFI_ArrowArrayStream::from_raw(pointer.cast::<FFI_ArrowArrayStream>().as_ptr()) };
    ArrowArrayStreamReader::try_new(stream)
        .map_err(|e| PyTypeError::new_err(format!("not a readable Arrow stream: {e}")))
}

/// The column settings from the JSON `journeymap._events` writes (fields left out for the core's
/// defaults; non-finite scale bounds as text, refused by the core's check: JM305).
fn names(py: Python<'_>, json: &str) -> PyResult<ColumnNames> {
    ColumnNames::from_settings_json(json).map_err(|e| errors::events(py, e))
}

fn to_json<T: serde::Serialize + ?Sized>(py: Python<'_>, value: &T) -> PyResult<String> {
    serde_json::to_string(value)
        .map_err(|e| errors::internal(py, &format!("cannot write JSON: {e}")))
}

/// A mapping given as a CSV path or as `(activity, channel, touchpoint)` rows.
fn mapping(
    py: Python<'_>,
    path: Option<PathBuf>,
    rows: Option<Vec<(String, Option<String>, String)>>,
) -> PyResult<Option<ActivityMapping>> {
    match (path, rows) {
        (Some(p), _) => py
            .detach(|| ActivityMapping::from_path(&p))
            .map(Some)
            .map_err(|e| errors::events(py, e)),
        (None, Some(rows)) => Ok(Some(ActivityMapping::from_rows(rows))),
        (None, None) => Ok(None),
    }
}

/// An event log held by the native side.
#[pyclass(frozen, module = "journeymap._native")]
#[derive(Debug)]
pub struct NativeEventLog {
    inner: EventLog,
}

/// A mergeable partial aggregate held by the native side.
#[pyclass(frozen, module = "journeymap._native")]
#[derive(Debug)]
pub struct NativeAggregate {
    inner: Aggregate,
}

#[pymethods]
impl NativeEventLog {
    /// Reads an Arrow stream (anything with `__arrow_c_stream__`) batch by batch, in slices of at
    /// most `chunk` rows; `progress(rows)` is called after each slice. The GIL is held only to
    /// fetch a batch from the stream.
    #[staticmethod]
    /// Rows are numbered from `row_offset` (the rows before this part of a larger log).
    #[pyo3(signature = (stream, names_json, progress=None, chunk=1_000_000, row_offset=0))]
    fn from_stream(
        py: Python<'_>,
        stream: &Bound<'_, PyAny>,
        names_json: &str,
        progress: Option<Bound<'_, PyAny>>,
        chunk: usize,
        row_offset: u64,
    ) -> PyResult<Self> {
        guard(py, || {
            let mut builder = LogBuilder::new(names(py, names_json)?)
                .map_err(|e| errors::events(py, e))?
                .with_row_offset(row_offset);
            let reader = arrow_stream(stream)?;
            let chunk = chunk.max(1);
            for batch in reader {
                let batch =
                    batch.map_err(|e| errors::internal(py, &format!("Arrow stream: {e}")))?;
                let mut at = 0;
                while at < batch.num_rows() {
                    let len = chunk.min(batch.num_rows() - at);
                    let slice = batch.slice(at, len);
                    py.detach(|| builder.push_batch(&slice))
                        .map_err(|e| errors::events(py, e))?;
                    at += len;
                    if let Some(p) = &progress {
                        p.call1((len,))?;
                    }
                }
            }
            Ok(Self {
                inner: py.detach(|| builder.finish()),
            })
        })
    }

    /// The columns a log read with these settings reads, each once (defaults filled in).
    #[staticmethod]
    fn columns(py: Python<'_>, names_json: &str) -> PyResult<Vec<String>> {
        let names = names(py, names_json)?;
        Ok(names.columns().into_iter().map(str::to_owned).collect())
    }

    /// Reads a CSV file with a header row; line numbers have `row_offset` added.
    #[staticmethod]
    #[pyo3(signature = (path, names_json, row_offset=0))]
    fn from_csv(
        py: Python<'_>,
        path: PathBuf,
        names_json: &str,
        row_offset: u64,
    ) -> PyResult<Self> {
        guard(py, || {
            let names = names(py, names_json)?;
            py.detach(|| {
                let mut b = LogBuilder::new(names)?.with_row_offset(row_offset);
                read_csv_path(&path, &mut b)?;
                Ok(b.finish())
            })
            .map(|inner| Self { inner })
            .map_err(|e| errors::events(py, e))
        })
    }

    /// Number of cases.
    #[getter]
    fn cases(&self) -> usize {
        self.inner.cases()
    }

    /// Number of events kept.
    #[getter]
    fn events(&self) -> usize {
        self.inner.events()
    }

    /// Rejected rows, ignored values and persona conflicts, as JSON text.
    fn issues_json(&self, py: Python<'_>) -> PyResult<String> {
        guard(py, || to_json(py, self.inner.issues()))
    }

    /// The mergeable aggregate.
    fn aggregate(&self, py: Python<'_>) -> PyResult<NativeAggregate> {
        guard(py, || {
            Ok(NativeAggregate {
                inner: py.detach(|| self.inner.aggregate()),
            })
        })
    }

    /// Conformance of every case against `map`, as JSON text.
    /// (`top`, `include_cases`: the core's defaults when `None`).
    #[pyo3(signature = (map, mapping_path=None, mapping_rows=None, top=None, include_cases=None))]
    fn conformance_json(
        &self,
        py: Python<'_>,
        map: &JourneyMap,
        mapping_path: Option<PathBuf>,
        mapping_rows: Option<Vec<(String, Option<String>, String)>>,
        top: Option<usize>,
        include_cases: Option<bool>,
    ) -> PyResult<String> {
        guard(py, || {
            let mapping = mapping(py, mapping_path, mapping_rows)?;
            let default = ConformanceOptions::default();
            let options = ConformanceOptions {
                top_variants: top.unwrap_or(default.top_variants),
                include_cases: include_cases.unwrap_or(default.include_cases),
            };
            let report = py
                .detach(|| {
                    journeymap::events::conformance(
                        &map.inner,
                        &self.inner,
                        mapping.as_ref(),
                        &options,
                    )
                })
                .map_err(|e| errors::events(py, e))?;
            to_json(py, &report)
        })
    }
}

#[pymethods]
impl NativeAggregate {
    /// A partial from `to_bytes()`.
    #[staticmethod]
    fn from_bytes(py: Python<'_>, data: &[u8]) -> PyResult<Self> {
        guard(py, || {
            py.detach(|| Aggregate::from_bytes(data))
                .map(|inner| Self { inner })
                .map_err(|e| errors::events(py, e))
        })
    }

    /// The partial as bytes.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        guard(py, || {
            let bytes = py.detach(|| self.inner.to_bytes());
            Ok(PyBytes::new(py, &bytes))
        })
    }

    /// The merge of this partial and `other` (JM310 for a shared case, JM311 for different
    /// settings).
    fn merge(&self, py: Python<'_>, other: &NativeAggregate) -> PyResult<NativeAggregate> {
        guard(py, || {
            py.detach(|| self.inner.merged(&other.inner))
                .map(|inner| NativeAggregate { inner })
                .map_err(|e| errors::events(py, e))
        })
    }

    /// Number of cases.
    #[getter]
    fn cases(&self) -> u64 {
        self.inner.cases()
    }

    /// Number of events.
    #[getter]
    fn events(&self) -> u64 {
        self.inner.events()
    }

    /// Number of distinct variants.
    #[getter]
    fn variant_count(&self) -> usize {
        self.inner.variant_count()
    }

    /// The statistics as JSON text.
    #[pyo3(signature = (outcomes=Vec::new(), top=None))]
    fn stats_json(
        &self,
        py: Python<'_>,
        outcomes: Vec<String>,
        top: Option<usize>,
    ) -> PyResult<String> {
        guard(py, || {
            let options = StatsOptions {
                outcomes,
                top_variants: top,
            };
            let stats = py.detach(|| self.inner.stats(&options));
            to_json(py, &stats)
        })
    }

    /// The observed map and the report (JSON text).
    #[pyo3(signature = (success=Vec::new(), failure=Vec::new(), by_channel=false, id=None, title=None))]
    fn discover(
        &self,
        py: Python<'_>,
        success: Vec<String>,
        failure: Vec<String>,
        by_channel: bool,
        id: Option<String>,
        title: Option<String>,
    ) -> PyResult<(JourneyMap, String)> {
        guard(py, || {
            let options = DiscoverOptions {
                success,
                failure,
                by_channel,
                id,
                title,
            };
            let found = py
                .detach(|| journeymap::events::discover(&self.inner, &options))
                .map_err(|e| errors::events(py, e))?;
            let report = to_json(py, &found.report)?;
            Ok((JourneyMap::from(found.map), report))
        })
    }

    /// `map` calibrated from this aggregate, and the report (JSON text).
    #[pyo3(signature = (map, mapping_path=None, mapping_rows=None))]
    fn calibrate(
        &self,
        py: Python<'_>,
        map: &JourneyMap,
        mapping_path: Option<PathBuf>,
        mapping_rows: Option<Vec<(String, Option<String>, String)>>,
    ) -> PyResult<(JourneyMap, String)> {
        guard(py, || {
            let mapping = mapping(py, mapping_path, mapping_rows)?.unwrap_or_default();
            let done = py
                .detach(|| journeymap::events::calibrate(&map.inner, &self.inner, &mapping))
                .map_err(|e| errors::events(py, e))?;
            let report = to_json(py, &done.report)?;
            Ok((JourneyMap::from(done.map), report))
        })
    }
}
