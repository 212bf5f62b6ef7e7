//! The interchange vectors and examples:
//!
//! - testdata/interchange/expected/{mermaid,csv}/<name>.json: for every input in
//!   testdata/interchange/{mermaid,csv}/, what reading it gives (validity, every diagnostic, the
//!   map built) and, for a map, its Mermaid and CSV exports. The Rust, Python and Node tests
//!   compare their output with these files.
//! - examples/<map>.mmd and examples/<map>.csv: every example map exported, so that the files
//!   always match the maps.

use std::path::{Path, PathBuf};

use journeymap::io::{self, Format, ReadOptions, WriteOptions};
use serde_json::json;

use crate::{Generated, pretty};

fn inputs(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// What reading `bytes` as `format` gives, with default options (no file name), as the bindings
/// read text.
fn vector(bytes: &[u8], format: Format) -> Result<String, String> {
    let options = ReadOptions::default();
    let imported = match format {
        Format::Mermaid => io::mermaid::read_bytes(bytes, &options),
        Format::Csv => io::csv::read_bytes(bytes, &options),
        Format::Json => return Err("not an interchange format".to_owned()),
    };
    let export = |f: Format| {
        imported
            .map
            .as_ref()
            .map(|m| io::write(m, f, &WriteOptions::default()))
            .transpose()
            .map_err(|e| e.to_string())
    };
    pretty(&json!({
        "valid": imported.is_valid(),
        "diagnostics": imported.diagnostics,
        "map": imported.map,
        "mermaid": export(Format::Mermaid)?,
        "csv": export(Format::Csv)?,
    }))
}

pub fn files(root: &Path) -> Result<Vec<Generated>, String> {
    let mut out = Vec::new();
    for (dir, ext, format) in [
        ("mermaid", "mmd", Format::Mermaid),
        ("csv", "csv", Format::Csv),
    ] {
        for file in inputs(&root.join("testdata/interchange").join(dir), ext)? {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            out.push(Generated::text(
                format!("testdata/interchange/expected/{dir}/{}.json", stem(&file)),
                vector(&bytes, format)?,
            ));
        }
    }
    for file in inputs(&root.join("examples"), "json")? {
        let map = io::from_path(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        let options = WriteOptions::default();
        for (format, ext) in [(Format::Mermaid, "mmd"), (Format::Csv, "csv")] {
            let text = io::write(&map, format, &options).map_err(|e| e.to_string())?;
            out.push(Generated::text(
                format!("examples/{}.{ext}", stem(&file)),
                text,
            ));
        }
    }
    Ok(out)
}
