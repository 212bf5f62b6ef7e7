//! Python bindings of journeymap: the native module `journeymap._native`.
//!
//! Thin by design: each function converts its arguments (see `convert`), makes one call into the
//! core crate, and converts the result back. The pure-Python package `journeymap` adds the
//! notebook conveniences (DataFrames, HTML) on top.

mod convert;
mod csv;
mod diagnostics;
mod errors;
mod events;
mod io;
mod map;
mod mermaid;
mod opportunities;
mod render;
mod report;
mod score;
mod validate;

use pyo3::prelude::*;

/// mimalloc serves every allocation of the extension module: parsing, validation and event logs allocate
/// many small strings and nodes, and it makes them markedly faster than the system allocator
/// (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[cfg(feature = "test-hooks")]
use crate::errors::guard;

/// Raises a Rust panic inside the guard every entry point uses, so the tests can check that a
/// panic reaches Python as `journeymap.InternalError`, not as pyo3's `PanicException`. Built only
/// with the `test-hooks` feature (the test scripts turn it on; release wheels do not have it).
#[cfg(feature = "test-hooks")]
#[pyfunction]
#[allow(clippy::panic, reason = "the point of this function")]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    guard(py, || panic!("deliberate panic to test the guard"))
}

/// The native module.
#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<diagnostics::Diagnostic>()?;
    m.add_class::<map::JourneyMap>()?;
    m.add_class::<events::NativeEventLog>()?;
    m.add_class::<events::NativeAggregate>()?;
    m.add_function(wrap_pyfunction!(validate::validate, m)?)?;
    m.add_function(wrap_pyfunction!(io::schema, m)?)?;
    m.add_function(wrap_pyfunction!(io::load, m)?)?;
    m.add_function(wrap_pyfunction!(io::loads, m)?)?;
    m.add_function(wrap_pyfunction!(mermaid::from_mermaid, m)?)?;
    m.add_function(wrap_pyfunction!(csv::from_csv, m)?)?;
    m.add_function(wrap_pyfunction!(score::scores_schema, m)?)?;
    m.add_function(wrap_pyfunction!(score::scoring_config, m)?)?;
    m.add_function(wrap_pyfunction!(score::compare, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics::codes, m)?)?;
    #[cfg(feature = "test-hooks")]
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add(
        "DEFAULT_TOP_VARIANTS",
        journeymap::events::stats::DEFAULT_TOP_VARIANTS,
    )?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
