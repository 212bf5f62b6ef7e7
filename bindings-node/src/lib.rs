//! Node bindings of journeymap (napi-rs). Each exported function makes one call into the core
//! crate; `convert.rs` reshapes what crosses the boundary, and `lib/index.cjs` checks argument
//! types, parses JSON text into plain objects and turns failures into `JourneyMapError`. Logic
//! lives in the core crate only.
//!
//! Every export has `catch_unwind`: a panic in Rust becomes a thrown JavaScript `Error` (code
//! `GenericFailure`, the panic message as message) instead of aborting the Node process. Work on
//! the libuv thread pool catches panics the same way (`PoolTask::compute`).

mod convert;

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use journeymap::JourneyMap;
use journeymap::score::PathScorer;
use journeymap::validate::Limits;
use napi::bindgen_prelude::*;
use napi_derive::napi;

pub use convert::{Failure, MapOutcome, NativeDiagnostic, TextOutcome};

/// Every problem in a map given as JSON text; positions are lines and columns of that text.
#[napi(catch_unwind)]
pub fn validate_text(text: String) -> Vec<NativeDiagnostic> {
    convert::diagnostics(&journeymap::validate::validate_str(&text, &Limits::default()).diagnostics)
}

/// Every problem in a map given as UTF-8 bytes (a `Buffer` or `Uint8Array`).
#[napi(catch_unwind)]
pub fn validate_bytes(bytes: Uint8Array) -> Vec<NativeDiagnostic> {
    convert::diagnostics(
        &journeymap::validate::validate_bytes(&bytes, &Limits::default()).diagnostics,
    )
}

/// Every problem in a JavaScript value, given as the JSON text the JS layer wrote from it;
/// diagnostics have no line or column (that text is not the caller's).
#[napi(catch_unwind)]
pub fn validate_document(json: String) -> Vec<NativeDiagnostic> {
    let report = journeymap::validate::validate_str(&json, &Limits::default());
    convert::diagnostics(&convert::without_positions(report.diagnostics))
}

/// The JSON Schema of format v1, as JSON text.
#[napi(catch_unwind)]
pub fn schema_json() -> TextOutcome {
    convert::to_json(&journeymap::json_schema(), false).into()
}

/// The JSON Schema of the scoring results, as JSON text.
#[napi(catch_unwind)]
pub fn scores_schema_json() -> TextOutcome {
    convert::to_json(&journeymap::score::scores_schema(), false).into()
}

/// Reads and validates a map from JSON text; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn load_text(text: String) -> MapOutcome {
    journeymap::io::from_str(&text)
        .map(NativeMap::new)
        .map_err(Failure::from)
        .into()
}

/// Reads and validates a map from UTF-8 bytes; refused with every diagnostic.
#[napi(catch_unwind)]
pub fn load_bytes(bytes: Uint8Array) -> MapOutcome {
    journeymap::io::from_slice(&bytes)
        .map(NativeMap::new)
        .map_err(Failure::from)
        .into()
}

/// Reads and validates a JavaScript object, given as the JSON text the JS layer wrote from it;
/// diagnostics have no line or column.
#[napi(catch_unwind)]
pub fn load_document(json: String) -> MapOutcome {
    journeymap::io::from_str(&json)
        .map(NativeMap::new)
        .map_err(|e| Failure::from(convert::object_error(e)))
        .into()
}

type Work = Box<dyn FnOnce() -> TextOutcome + Send>;

/// Work run on the libuv thread pool. A panic there is caught and rejects the promise: the pool
/// runs the work from an `extern "C"` callback, where an unwinding panic would abort Node.
pub struct PoolTask {
    work: Option<Work>,
}

impl std::fmt::Debug for PoolTask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PoolTask")
            .field("pending", &self.work.is_some())
            .finish()
    }
}

impl PoolTask {
    fn spawn(work: impl FnOnce() -> TextOutcome + Send + 'static) -> AsyncTask<Self> {
        AsyncTask::new(Self {
            work: Some(Box::new(work)),
        })
    }
}

// `#[napi]` records `TextOutcome` as the promise type; it must come before the functions that
// return `AsyncTask<PoolTask>` for their generated declarations to say `Promise<TextOutcome>`.
#[napi]
impl Task for PoolTask {
    type Output = TextOutcome;
    type JsValue = TextOutcome;

    fn compute(&mut self) -> Result<Self::Output> {
        let work = self
            .work
            .take()
            .ok_or_else(|| Error::new(Status::GenericFailure, "the task ran twice"))?;
        std::panic::catch_unwind(AssertUnwindSafe(work)).map_err(panic_to_error)
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(output)
    }
}

/// A validated journey map held by the native side.
#[napi]
#[derive(Debug)]
pub struct NativeMap {
    inner: Arc<JourneyMap>,
}

impl NativeMap {
    fn new(map: JourneyMap) -> Self {
        Self {
            inner: Arc::new(map),
        }
    }
}

fn score_text(map: &JourneyMap, config_json: Option<&str>, pretty: bool) -> TextOutcome {
    convert::config(config_json)
        .map_err(Failure::from)
        .and_then(|config| convert::to_json(&map.score(&config), pretty))
        .into()
}

#[napi]
impl NativeMap {
    /// The map as JSON text (`x-` keys and `extensions` included).
    #[napi(catch_unwind)]
    pub fn to_json(&self, pretty: Option<bool>) -> TextOutcome {
        convert::to_json(self.inner.as_ref(), pretty.unwrap_or(false)).into()
    }

    /// Scores the map; the scores as JSON text, byte for byte the Rust and Python output.
    /// `config_json` is JSON text of a `ScoringConfig` (JM107 when it is not valid).
    #[napi(catch_unwind)]
    pub fn score_json(&self, config_json: Option<String>, pretty: Option<bool>) -> TextOutcome {
        score_text(&self.inner, config_json.as_deref(), pretty.unwrap_or(false))
    }

    /// Scores the map on the libuv thread pool; resolves to the outcome of `scoreJson`.
    #[napi(catch_unwind)]
    pub fn score_json_async(&self, config_json: Option<String>) -> AsyncTask<PoolTask> {
        let map = self.inner.clone();
        PoolTask::spawn(move || score_text(&map, config_json.as_deref(), false))
    }

    /// Scores one observed path of touchpoint ids (JM104 for an unknown persona).
    #[napi(catch_unwind)]
    pub fn score_path_json(&self, path: Vec<String>, persona: Option<String>) -> TextOutcome {
        self.inner
            .score_path(&path, persona.as_deref(), &Default::default())
            .map_err(Failure::from)
            .and_then(|score| convert::to_json(&score, false))
            .into()
    }

    /// Scores many observed paths; the columns as JSON text (JM104 for an unknown persona).
    /// The paths come encoded by the JS layer: each distinct id once in `ids`, the steps as
    /// indices into `ids` laid end to end, and each path's length.
    #[napi(catch_unwind)]
    pub fn score_paths_json(
        &self,
        ids: Vec<String>,
        lengths: Uint32Array,
        steps: Uint32Array,
        persona: Option<String>,
    ) -> Result<TextOutcome> {
        let scorer = match PathScorer::new(&self.inner, persona.as_deref(), &Default::default()) {
            Ok(scorer) => scorer,
            Err(e) => return Ok(TextOutcome::from(Err(Failure::from(e)))),
        };
        let paths = convert::resolve_paths(&ids, &lengths, &steps, |id| scorer.step(id))?;
        Ok(convert::to_json(&scorer.score_many_steps(&paths), false).into())
    }
}

/// Compares an as-is map with its to-be version; the comparison as JSON text.
#[napi(catch_unwind)]
pub fn compare_json(
    as_is: &NativeMap,
    to_be: &NativeMap,
    config_json: Option<String>,
) -> TextOutcome {
    convert::config(config_json.as_deref())
        .map_err(Failure::from)
        .and_then(|config| {
            convert::to_json(
                &journeymap::score::compare(&as_is.inner, &to_be.inner, &config),
                false,
            )
        })
        .into()
}

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
