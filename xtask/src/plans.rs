//! The shared opportunity vectors: for each plan of testdata/opportunities/plans.json, the
//! portfolio for its budget and the what-if map of its opportunities. The Rust, Python and Node
//! tests compare their output with these files byte for byte.

use std::path::Path;

use journeymap::score::ScoringConfig;

use crate::{Generated, pretty};

pub fn files(root: &Path) -> Result<Vec<Generated>, String> {
    let spec_path = root.join("testdata/opportunities/plans.json");
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&spec_path)
            .map_err(|e| format!("{}: {e}", spec_path.display()))?,
    )
    .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for plan in spec["plans"].as_array().into_iter().flatten() {
        let file = root.join(plan["map"].as_str().unwrap_or_default());
        let map =
            journeymap::io::from_path(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let stem = file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let portfolio = map
            .portfolio(plan["budget"].as_f64(), &ScoringConfig::default())
            .map_err(|e| e.to_string())?;
        out.push(Generated::text(
            format!("testdata/opportunities/expected/{stem}.portfolio.json"),
            pretty(&portfolio)?,
        ));
        let ids: Vec<String> =
            serde_json::from_value(plan["apply"].clone()).map_err(|e| e.to_string())?;
        let to_be = map.apply(&ids).map_err(|e| e.to_string())?;
        out.push(Generated::text(
            format!("testdata/opportunities/expected/{stem}.to-be.json"),
            journeymap::io::to_string_pretty(&to_be).map_err(|e| e.to_string())? + "\n",
        ));
    }
    Ok(out)
}
