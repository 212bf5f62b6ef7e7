//! Node bindings of journeymap (napi-rs). Each exported function makes one call into the core
//! crate; `convert.rs` reshapes what crosses the boundary, and `lib/index.cjs` checks argument
//! types, parses JSON text into plain objects and turns failures into `JourneyMapError`. Logic
//! lives in the core crate only.
//!
//! Every export has `catch_unwind`: a panic in Rust becomes a thrown JavaScript `Error` (code
//! `GenericFailure`, the panic message as message) instead of aborting the Node process, and
//! `lib/index.cjs` throws it as an `InternalError`. Work on the libuv thread pool catches panics
//! the same way (`PoolTask::compute`).

pub mod convert;
pub mod csv;
pub mod diagnostics;
pub mod events;
pub mod io;
pub mod map;
pub mod mermaid;
pub mod opportunities;
pub mod render;
pub mod score;
pub mod validate;

#[cfg(feature = "test-hooks")]
use napi::bindgen_prelude::*;
#[cfg(feature = "test-hooks")]
use napi_derive::napi;

pub use convert::{Failure, MapOutcome, NativeDiagnostic, TextOutcome};
pub use map::{NativeMap, PoolTask};

/// mimalloc serves every allocation of the addon: parsing, validation and event logs allocate
/// many small strings and nodes, and it makes them markedly faster than the system allocator
/// (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Panics on purpose, on the calling thread or on the thread pool (`onPool`), so that the tests
/// can check a panic becomes an `InternalError`. Built only with the `test-hooks` feature (the
/// test script turns it on; release builds do not have it), and not exported by `lib/`.
#[cfg(feature = "test-hooks")]
#[napi(catch_unwind)]
#[allow(clippy::panic)]
pub fn panic_for_test(on_pool: bool) -> AsyncTask<PoolTask> {
    if on_pool {
        PoolTask::spawn(|| panic!("deliberate panic on the thread pool"))
    } else {
        panic!("deliberate panic on the JavaScript thread")
    }
}
