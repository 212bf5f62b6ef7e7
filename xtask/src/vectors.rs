//! The shared score vectors: the scores of every map in testdata/scoring/ and examples/, and the
//! path columns of testdata/scoring/chain.paths.json. The Rust, Python and Node tests compare
//! their output with these files byte for byte.

use std::path::{Path, PathBuf};

use journeymap::score::{PathScorer, ScoringConfig};

use crate::{Generated, pretty};

/// `*.json` files of a folder, sorted, without the expected outputs and path specs.
fn maps(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            p.extension().is_some_and(|e| e == "json") && !name.ends_with(".paths.json")
        })
        .collect();
    files.sort();
    Ok(files)
}

pub fn files(root: &Path) -> Result<Vec<Generated>, String> {
    let mut out = Vec::new();
    let mut inputs = maps(&root.join("testdata/scoring"))?;
    inputs.extend(maps(&root.join("examples"))?);
    for file in inputs {
        let map =
            journeymap::io::from_path(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let scores = map.score(&ScoringConfig::default());
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        out.push(Generated::text(
            format!("testdata/scoring/expected/{stem}.scores.json"),
            pretty(&scores)?,
        ));
    }
    let spec_path = root.join("testdata/scoring/chain.paths.json");
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&spec_path)
            .map_err(|e| format!("{}: {e}", spec_path.display()))?,
    )
    .map_err(|e| e.to_string())?;
    let map_path = root.join(spec["map"].as_str().unwrap_or_default());
    let map = journeymap::io::from_path(&map_path).map_err(|e| e.to_string())?;
    let paths: Vec<Vec<String>> =
        serde_json::from_value(spec["paths"].clone()).map_err(|e| e.to_string())?;
    let scorer = PathScorer::new(&map, spec["persona"].as_str()).map_err(|e| e.to_string())?;
    out.push(Generated::text(
        "testdata/scoring/expected/chain.paths.json",
        pretty(&scorer.score_many(&paths))?,
    ));
    Ok(out)
}
