//! Core errors as the Python exception family of `journeymap/_errors.py`: one class per kind of
//! failure, each instance with `.code` and `.diagnostics`. Panics become `JourneyMapError`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use journeymap::Diagnostic as CoreDiagnostic;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::diagnostics::Diagnostic;

const MODULE: &str = "journeymap._errors";

static JOURNEYMAP_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static READ_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static WRITE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCORING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CONFIG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static EVENT_LOG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// An instance of `journeymap._errors.<class>` as a `PyErr`.
fn new(
    py: Python<'_>,
    cell: &PyOnceLock<Py<PyType>>,
    class: &str,
    message: String,
    code: Option<&str>,
    diagnostics: Vec<CoreDiagnostic>,
) -> PyErr {
    let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().map(Diagnostic::from).collect();
    match cell
        .import(py, MODULE, class)
        .and_then(|cls| cls.call1((message, code, diagnostics)))
    {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// `ValidationError` (invalid map), `ReadError` (JM009) or `WriteError` (JM019), with the
/// core's diagnostics of the error.
pub fn io(py: Python<'_>, e: journeymap::io::Error) -> PyErr {
    let code = e.code();
    let message = e.to_string();
    let diagnostics = e.to_diagnostics();
    let (cell, class) = match e {
        journeymap::io::Error::Invalid { .. } => (&VALIDATION_ERROR, "ValidationError"),
        journeymap::io::Error::Io { .. } => (&READ_ERROR, "ReadError"),
        journeymap::io::Error::Json(_) => (&WRITE_ERROR, "WriteError"),
    };
    new(py, cell, class, message, Some(code.as_str()), diagnostics)
}

/// A diagnostic found while converting a Python object that should be a map (JM003, JM006, ...)
/// as a `ValidationError`.
pub fn invalid(py: Python<'_>, d: CoreDiagnostic) -> PyErr {
    let message = format!("invalid journey map: {d}");
    let code = d.code.as_str();
    new(
        py,
        &VALIDATION_ERROR,
        "ValidationError",
        message,
        Some(code),
        vec![d],
    )
}

/// `ConfigError` (JM107) for invalid settings, `ScoringError` otherwise (JM104 unknown persona).
pub fn scoring(py: Python<'_>, e: journeymap::score::Error) -> PyErr {
    let code = e.code().as_str();
    let diagnostics = e.to_diagnostics();
    let message = e.to_string();
    match e {
        journeymap::score::Error::InvalidConfig { .. } => new(
            py,
            &CONFIG_ERROR,
            "ConfigError",
            message,
            Some(code),
            diagnostics,
        ),
        _ => new(
            py,
            &SCORING_ERROR,
            "ScoringError",
            message,
            Some(code),
            diagnostics,
        ),
    }
}

/// `EventLogError` for event-log failures (JM302 missing column, JM304 unreadable log, JM310
/// case in two partials, ...), with the core's diagnostics.
pub fn events(py: Python<'_>, e: journeymap::events::Error) -> PyErr {
    let code = e.code().as_str();
    let diagnostics = e.to_diagnostics();
    new(
        py,
        &EVENT_LOG_ERROR,
        "EventLogError",
        e.to_string(),
        Some(code),
        diagnostics,
    )
}

/// A `JourneyMapError` without code: something that cannot happen did (a bug to report).
pub fn internal(py: Python<'_>, what: &str) -> PyErr {
    new(
        py,
        &JOURNEYMAP_ERROR,
        "JourneyMapError",
        format!("internal error: {what} (please report this bug)"),
        None,
        Vec::new(),
    )
}

/// Runs the body of an entry point, turning a panic into `JourneyMapError` (pyo3 would raise
/// `PanicException`, a `BaseException` that `except Exception` does not catch).
pub fn guard<T>(py: Python<'_>, body: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    // The bound objects are immutable (frozen classes, owned core values): a panic leaves no
    // half-updated state behind.
    catch_unwind(AssertUnwindSafe(body)).unwrap_or_else(|payload| {
        let what = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic without message".to_owned());
        Err(internal(py, &format!("panic: {what}")))
    })
}
