//! Node bindings of journeymap (napi-rs). The native layer speaks JSON text: each function makes
//! one call into the core crate, and `lib/index.cjs` turns text into plain objects and errors into
//! `JourneyMapError` / `TypeError`. Logic lives in the core crate only.

use std::sync::Arc;

use journeymap::JourneyMap;
use journeymap::score::{PathScorer, ScoringConfig};
use journeymap::validate::Limits;
use napi::bindgen_prelude::*;
use napi_derive::napi;

/// An error whose message is a JSON object `{code, message, diagnostics}`, which the JS layer
/// turns into a `JourneyMapError`.
fn structured(code: &str, message: &str, diagnostics: &[journeymap::Diagnostic]) -> Error {
    let payload =
        serde_json::json!({ "code": code, "message": message, "diagnostics": diagnostics });
    Error::new(Status::InvalidArg, payload.to_string())
}

fn io_error(e: &journeymap::io::Error) -> Error {
    structured(e.code().as_str(), &e.to_string(), e.diagnostics())
}

fn config(json: Option<String>) -> Result<ScoringConfig> {
    match json {
        None => Ok(ScoringConfig::default()),
        Some(text) => serde_json::from_str(&text)
            .map_err(|e| structured("JM104", &format!("invalid scoring config: {e}"), &[])),
    }
}

fn to_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<String> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map_err(|e| Error::from_reason(e.to_string()))
}

/// Every problem in a map given as JSON text, as a JSON array of diagnostics. Never fails for an
/// invalid map.
#[napi]
pub fn validate_json(text: String) -> Result<String> {
    to_json(
        &journeymap::validate::validate_str(&text, &Limits::default()).diagnostics,
        false,
    )
}

/// The JSON Schema of format v1, as JSON text.
#[napi]
pub fn schema_json() -> Result<String> {
    to_json(&journeymap::json_schema(), false)
}

/// The JSON Schema of the scoring results, as JSON text.
#[napi]
pub fn scores_schema_json() -> Result<String> {
    to_json(&journeymap::score::scores_schema(), false)
}

/// A validated journey map held by the native side.
#[napi]
#[derive(Debug)]
pub struct NativeMap {
    inner: Arc<JourneyMap>,
}

#[napi]
impl NativeMap {
    /// Reads and validates a map from JSON text; fails with every diagnostic.
    #[napi(factory)]
    pub fn from_json(text: String) -> Result<Self> {
        journeymap::io::from_str(&text)
            .map(|m| Self { inner: Arc::new(m) })
            .map_err(|e| io_error(&e))
    }

    /// The map as JSON text (`x-` keys and `extensions` included).
    #[napi]
    pub fn to_json(&self, pretty: Option<bool>) -> Result<String> {
        to_json(self.inner.as_ref(), pretty.unwrap_or(false))
    }

    /// Scores the map; the scores as JSON text, byte for byte the Rust and Python output.
    #[napi]
    pub fn score_json(&self, config_json: Option<String>, pretty: Option<bool>) -> Result<String> {
        let cfg = config(config_json)?;
        to_json(&self.inner.score(&cfg), pretty.unwrap_or(false))
    }

    /// Scores the map on the libuv thread pool; resolves to the scores as JSON text.
    #[napi(ts_return_type = "Promise<string>")]
    pub fn score_json_async(&self, config_json: Option<String>) -> Result<AsyncTask<ScoreTask>> {
        Ok(AsyncTask::new(ScoreTask {
            map: self.inner.clone(),
            config: config(config_json)?,
        }))
    }

    /// Scores one observed path; the result as JSON text.
    #[napi]
    pub fn score_path_json(&self, path: Vec<String>, persona: Option<String>) -> Result<String> {
        let score = self
            .inner
            .score_path(&path, persona.as_deref(), &ScoringConfig::default())
            .map_err(|e| structured(e.code().as_str(), &e.to_string(), &[]))?;
        to_json(&score, false)
    }

    /// Scores many observed paths; the columns as JSON text.
    #[napi]
    pub fn score_paths_json(
        &self,
        paths: Vec<Vec<String>>,
        persona: Option<String>,
    ) -> Result<String> {
        let scorer = PathScorer::new(&self.inner, persona.as_deref(), &ScoringConfig::default())
            .map_err(|e| structured(e.code().as_str(), &e.to_string(), &[]))?;
        to_json(&scorer.score_many(&paths), false)
    }
}

/// Scores a map off the JavaScript thread.
#[derive(Debug)]
pub struct ScoreTask {
    map: Arc<JourneyMap>,
    config: ScoringConfig,
}

impl Task for ScoreTask {
    type Output = String;
    type JsValue = String;

    fn compute(&mut self) -> Result<Self::Output> {
        to_json(&self.map.score(&self.config), false)
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> Result<Self::JsValue> {
        Ok(output)
    }
}

/// Compares an as-is map with its to-be version; the comparison as JSON text.
#[napi]
pub fn compare_json(
    as_is: &NativeMap,
    to_be: &NativeMap,
    config_json: Option<String>,
) -> Result<String> {
    let cfg = config(config_json)?;
    to_json(
        &journeymap::score::compare(&as_is.inner, &to_be.inner, &cfg),
        false,
    )
}
