//! Node bindings of journeymap (napi-rs). Each exported function makes one call into the core
//! crate; `convert.rs` reshapes what crosses the boundary, and `lib/index.cjs` checks argument
//! types, parses JSON text into plain objects and turns failures into `JourneyMapError`. Logic
//! lives in the core crate only.
//!
//! Every export has `catch_unwind`: a panic in Rust becomes a thrown JavaScript `Error` (code
//! `GenericFailure`, the panic message as message) instead of aborting the Node process. Work on
//! the libuv thread pool catches panics the same way (`PoolTask::compute`).

pub mod convert;
pub mod io;
pub mod map;
pub mod opportunities;
pub mod score;
pub mod validate;

use napi::bindgen_prelude::*;
use napi_derive::napi;

pub use convert::{Failure, MapOutcome, NativeDiagnostic, TextOutcome};
pub use map::{NativeMap, PoolTask};

/// Panics on purpose, on the calling thread or on the thread pool (`onPool`), so that the tests
/// can check a panic becomes a JavaScript error. Not part of the package API: `lib/` does not
/// export it.
#[napi(catch_unwind)]
#[allow(clippy::panic)]
pub fn panic_for_test(on_pool: bool) -> AsyncTask<PoolTask> {
    if on_pool {
        PoolTask::spawn(|| panic!("deliberate panic on the thread pool"))
    } else {
        panic!("deliberate panic on the JavaScript thread")
    }
}
