//! The published JSON Schemas: the map format and the scoring results.

use std::path::Path;

use crate::{Generated, pretty};

pub fn files(_root: &Path) -> Result<Vec<Generated>, String> {
    Ok(vec![
        Generated::text(
            "schema/journey-map.schema.json",
            pretty(&journeymap::json_schema())?,
        ),
        Generated::text(
            "schema/scores.schema.json",
            pretty(&journeymap::score::scores_schema())?,
        ),
    ])
}
