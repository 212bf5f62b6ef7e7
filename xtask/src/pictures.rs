//! The golden pictures: every example map drawn as a journey map and as a flow view, for each
//! persona and for all personas together, in testdata/render/, with index.json listing each
//! file and the options it was drawn with. The Rust, Python and Node tests draw them again and
//! compare byte for byte; review them by eye when they change.

use std::path::Path;

use journeymap::render::{SvgOptions, View};
use journeymap::score::ScoringConfig;
use serde_json::json;

use crate::{Generated, pretty};

pub fn files(root: &Path) -> Result<Vec<Generated>, String> {
    let dir = root.join("examples");
    let mut maps: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    maps.sort();
    let mut out = Vec::new();
    let mut index = Vec::new();
    for file in maps {
        let map =
            journeymap::io::from_path(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (view, view_name) in [(View::Journey, "journey"), (View::Flow, "flow")] {
            let mut choices: Vec<(Option<String>, String)> = map
                .personas
                .iter()
                .map(|p| (Some(p.id.clone()), p.id.clone()))
                .collect();
            choices.push((None, "all".to_owned()));
            for (persona, name) in choices {
                let options = SvgOptions {
                    view,
                    all_personas: persona.is_none(),
                    persona: persona.clone(),
                    moments: None,
                };
                let svg = journeymap::render::svg(&map, &ScoringConfig::default(), &options)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                let path = format!("testdata/render/{stem}.{view_name}.{name}.svg");
                index.push(json!({
                    "file": path,
                    "map": format!("examples/{stem}.json"),
                    "options": options,
                }));
                out.push(Generated::text(path, svg));
            }
        }
    }
    out.push(Generated::text(
        "testdata/render/index.json",
        pretty(&index)?,
    ));
    Ok(out)
}
