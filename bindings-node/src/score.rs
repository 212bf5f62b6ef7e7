//! Scoring (core `score`): scores, observed paths, as-is/to-be comparison, the scores schema.

use journeymap::JourneyMap;
use journeymap::score::{self, PathScorer, ScoringConfig};
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, TextOutcome};
use crate::map::{NativeMap, PoolTask};

/// The JSON Schema of the scoring results, as JSON text.
#[napi(catch_unwind)]
pub fn scores_schema_json() -> TextOutcome {
    convert::to_json(&journeymap::score::scores_schema(), false).into()
}

fn score_text(
    map: &JourneyMap,
    config: &std::result::Result<ScoringConfig, score::Error>,
    pretty: bool,
) -> TextOutcome {
    match config {
        Ok(config) => convert::to_json(&map.score(config), pretty).into(),
        Err(e) => TextOutcome::from(Err(Failure::from(e.clone()))),
    }
}

#[napi]
impl NativeMap {
    /// Scores the map; the scores as JSON text, byte for byte the Rust and Python output.
    /// `config` is a `ScoringConfig` object, read by the core's object walker (JM107 when it is
    /// not valid).
    #[napi(catch_unwind)]
    pub fn score_json(
        &self,
        env: Env,
        config: Option<Unknown<'_>>,
        pretty: Option<bool>,
    ) -> Result<TextOutcome> {
        let config = convert::config(&env, config)?;
        Ok(score_text(&self.inner, &config, pretty.unwrap_or(false)))
    }

    /// Scores the map on the libuv thread pool; resolves to the outcome of `scoreJson`. The
    /// settings are read on the calling thread.
    #[napi(catch_unwind)]
    pub fn score_json_async(
        &self,
        env: Env,
        config: Option<Unknown<'_>>,
    ) -> Result<AsyncTask<PoolTask>> {
        let config = convert::config(&env, config)?;
        let map = self.inner.clone();
        Ok(PoolTask::spawn(move || score_text(&map, &config, false)))
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
    env: Env,
    as_is: &NativeMap,
    to_be: &NativeMap,
    config: Option<Unknown<'_>>,
) -> Result<TextOutcome> {
    Ok(convert::config(&env, config)?
        .map_err(Failure::from)
        .and_then(|config| {
            convert::to_json(
                &journeymap::score::compare(&as_is.inner, &to_be.inner, &config),
                false,
            )
        })
        .into())
}
