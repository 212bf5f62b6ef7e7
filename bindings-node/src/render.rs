//! Pictures (core `render`) and the HTML report (core `report`).

use journeymap::render::SvgOptions;
use napi_derive::napi;

use crate::convert::{self, Failure, TextOutcome};
use crate::map::NativeMap;

#[napi]
impl NativeMap {
    /// The map as SVG. `options_json` is JSON text of the picture options (`view`, `persona`,
    /// `all_personas`/`allPersonas`, `moments`; JM400 when they are not valid), `config_json`
    /// of a `ScoringConfig` (JM107).
    #[napi(catch_unwind)]
    pub fn svg(&self, options_json: Option<String>, config_json: Option<String>) -> TextOutcome {
        let options = match options_json
            .as_deref()
            .map(SvgOptions::from_json)
            .transpose()
        {
            Ok(options) => options.unwrap_or_default(),
            Err(e) => return Err(Failure::from(e)).into(),
        };
        convert::config(config_json.as_deref())
            .map_err(Failure::from)
            .and_then(|config| {
                journeymap::render::svg(&self.inner, &config, &options).map_err(Failure::from)
            })
            .into()
    }

    /// The self-contained HTML report of the map (JM107 for invalid scoring settings).
    #[napi(catch_unwind)]
    pub fn html_report(&self, config_json: Option<String>) -> TextOutcome {
        convert::config(config_json.as_deref())
            .map_err(Failure::from)
            .map(|config| journeymap::report::html(&self.inner, &config))
            .into()
    }
}
