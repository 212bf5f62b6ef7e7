//! Core errors as the Python exception family of `journeymap/_errors.py`: one class per kind of
//! failure (`journeymap::diagnostics::ErrorKind`), each instance with `.code` and `.diagnostics`.
//! Panics become `InternalError`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use journeymap::Diagnostic as CoreDiagnostic;
use journeymap::diagnostics::{ErrorKind, ErrorReport};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

use crate::diagnostics::Diagnostic;

const MODULE: &str = "journeymap._errors";

static VALIDATION_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static READ_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static WRITE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SCORING_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static CONFIG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static RENDER_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static EVENT_LOG_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static INTERNAL_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// An instance of the class of `kind` as a `PyErr`.
fn new(
    py: Python<'_>,
    kind: ErrorKind,
    message: String,
    code: Option<&str>,
    diagnostics: Vec<CoreDiagnostic>,
) -> PyErr {
    let cell = match kind {
        ErrorKind::Validation => &VALIDATION_ERROR,
        ErrorKind::Read => &READ_ERROR,
        ErrorKind::Write => &WRITE_ERROR,
        ErrorKind::Scoring => &SCORING_ERROR,
        ErrorKind::Config => &CONFIG_ERROR,
        ErrorKind::Render => &RENDER_ERROR,
        ErrorKind::EventLog => &EVENT_LOG_ERROR,
        ErrorKind::Internal => &INTERNAL_ERROR,
    };
    let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().map(Diagnostic::from).collect();
    match cell
        .import(py, MODULE, kind.class_name())
        .and_then(|cls| cls.call1((message, code, diagnostics)))
    {
        Ok(value) => PyErr::from_value(value),
        Err(e) => e,
    }
}

/// The exception of a core error: `ValidationError` (invalid map), `ReadError` (JM009),
/// `WriteError` (JM019), `ScoringError` (JM104 unknown persona) or `ConfigError` (JM107), with
/// the core's code, message and diagnostics.
pub fn raise(py: Python<'_>, report: ErrorReport) -> PyErr {
    new(
        py,
        report.kind,
        report.message,
        Some(report.code.as_str()),
        report.diagnostics,
    )
}

/// A read or write error (`journeymap::io`).
pub fn io(py: Python<'_>, e: journeymap::io::Error) -> PyErr {
    raise(py, e.report())
}

/// A diagnostic of an argument that cannot be read at all (a `str` that is not Unicode), as the
/// `ValidationError` of an invalid map.
pub fn invalid(py: Python<'_>, d: CoreDiagnostic) -> PyErr {
    io(
        py,
        journeymap::io::Error::Invalid {
            diagnostics: vec![d],
        },
    )
}

/// An error of a scoring call (`journeymap::score`).
pub fn scoring(py: Python<'_>, e: journeymap::score::Error) -> PyErr {
    raise(py, e.report())
}

/// `RenderError` (JM400) for picture options, else the scoring error of the persona asked for.
pub fn render(py: Python<'_>, e: journeymap::render::Error) -> PyErr {
    raise(py, e.report())
}

/// `EventLogError` for event-log failures (JM302 missing column, JM304 unreadable log, JM310
/// case in two partials, ...), with the core's diagnostics.
pub fn events(py: Python<'_>, e: journeymap::events::Error) -> PyErr {
    raise(py, e.report())
}

/// An `InternalError` (no code): something that cannot happen did (a bug to report).
pub fn internal(py: Python<'_>, what: &str) -> PyErr {
    new(
        py,
        ErrorKind::Internal,
        ErrorKind::internal_message(what),
        None,
        Vec::new(),
    )
}

/// Runs the body of an entry point, turning a panic into `InternalError` (pyo3 would raise
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
        Err(internal(py, &what))
    })
}
