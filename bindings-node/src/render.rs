//! Pictures (core `render`) and the HTML report (core `report`).

use journeymap::render::SvgOptions;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::convert::{self, Failure, TextOutcome};
use crate::map::NativeMap;

#[napi]
impl NativeMap {
    /// The map as SVG. `options` is an object of picture options (`view`, `persona`,
    /// `all_personas`/`allPersonas`, `moments`; JM400 when they are not valid), `config` a
    /// `ScoringConfig` object (JM107); both read by the core's object walker.
    #[napi(catch_unwind)]
    pub fn svg(
        &self,
        env: Env,
        options: Option<Unknown<'_>>,
        config: Option<Unknown<'_>>,
    ) -> Result<TextOutcome> {
        let options = match options {
            None => Ok(SvgOptions::default()),
            Some(v) => SvgOptions::from_object(convert::object_input(&env, v)?),
        };
        let config = convert::config(&env, config)?;
        Ok(options
            .map_err(Failure::from)
            .and_then(|options| {
                let config = config.map_err(Failure::from)?;
                journeymap::render::svg(&self.inner, &config, &options).map_err(Failure::from)
            })
            .into())
    }

    /// The self-contained HTML report of the map (JM107 for invalid scoring settings).
    #[napi(catch_unwind)]
    pub fn html_report(&self, env: Env, config: Option<Unknown<'_>>) -> Result<TextOutcome> {
        Ok(convert::config(&env, config)?
            .map_err(Failure::from)
            .map(|config| journeymap::report::html(&self.inner, &config))
            .into())
    }
}
