//! Scoring (core `score`): scores, observed paths, as-is/to-be comparison, the scores schema.

use journeymap::JourneyMap;
use journeymap::score::PathScorer;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, TextOutcome};
use crate::map::{NativeMap, PoolTask};

/// The JSON Schema of the scoring results, as JSON text.
#[napi(catch_unwind)]
pub fn scores_schema_json() -> TextOutcome {
    convert::to_json(&journeymap::score::scores_schema(), false).into()
}

fn score_text(map: &JourneyMap, config_json: Option<&str>, pretty: bool) -> TextOutcome {
    convert::config(config_json)
        .map_err(Failure::from)
        .and_then(|config| convert::to_json(&map.score(&config), pretty))
        .into()
}

#[napi]
impl NativeMap {
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
            .score_path(&path, persona.as_deref())
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
        let scorer = match PathScorer::new(&self.inner, persona.as_deref()) {
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
