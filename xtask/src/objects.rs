//! testdata/objects/expected.json: what validating and loading each object vector of
//! testdata/objects/ gives, written from the core's object walker reading the vector as the
//! Python and Node suites read it (markers decoded into native values). The three test suites
//! compare their output with this file.

use std::path::Path;

use journeymap::validate::{Limits, ObjectInput, validate_object};
use serde_json::{Map, Value, json};

use crate::{Generated, pretty};

#[path = "../../core/tests/it/common/host_tree.rs"]
mod host_tree;

/// The expected outcome of one vector: its diagnostics, and what loading it gives (the map as
/// compact JSON, or the error), `null` when it is not an object (the bindings refuse the type).
pub fn expected(doc: &Value) -> Result<Value, String> {
    let input = ObjectInput::read(&host_tree::Tree::new(doc), &Limits::default())?;
    let report = validate_object(&input, &Limits::default());
    let load = if doc.is_object() {
        match journeymap::io::from_object(&input) {
            Ok(map) => {
                json!({ "map": journeymap::io::to_string(&map).map_err(|e| e.to_string())? })
            }
            Err(e) => json!({ "error": {
                "kind": e.kind().as_str(),
                "code": e.code().as_str(),
                "message": e.to_string(),
                "diagnostics": e.to_diagnostics(),
            }}),
        }
    } else {
        Value::Null
    };
    Ok(json!({ "validate": report.diagnostics, "load": load }))
}

pub fn files(root: &Path) -> Result<Vec<Generated>, String> {
    let dir = root.join("testdata/objects");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".json") && n != "expected.json")
        .collect();
    names.sort();
    let mut out = Map::new();
    for name in names {
        let path = dir.join(&name);
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{name}: {e}"))?;
        out.insert(
            name.clone(),
            expected(&doc).map_err(|e| format!("{name}: {e}"))?,
        );
    }
    Ok(vec![Generated::text(
        "testdata/objects/expected.json",
        pretty(&Value::Object(out))?,
    )])
}
