//! The native map and the thread-pool task that async calls run on.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use journeymap::JourneyMap;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::TextOutcome;

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
    pub(crate) fn spawn(work: impl FnOnce() -> TextOutcome + Send + 'static) -> AsyncTask<Self> {
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
    pub(crate) inner: Arc<JourneyMap>,
}

impl NativeMap {
    pub(crate) fn new(map: JourneyMap) -> Self {
        Self {
            inner: Arc::new(map),
        }
    }
}
