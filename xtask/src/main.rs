//! `cargo run -p xtask -- codegen`: writes every file the Rust code generates (schemas, the
//! diagnostics reference, the shared expected outputs in testdata/). `scripts/codegen.sh` runs it
//! with the Python and Node generators, and checks that nothing committed is stale.
//!
//! Each generator is a module with `fn files(root) -> Result<Vec<Generated>, String>`: the files
//! it owns, with their full contents.

mod diagnostics_doc;
mod interchange;
mod objects;
mod pictures;
mod plans;
mod schemas;
mod vectors;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One generated file: its path below the repository root and its contents.
#[derive(Debug)]
pub struct Generated {
    path: PathBuf,
    contents: Vec<u8>,
}

impl Generated {
    fn text(path: impl Into<PathBuf>, contents: String) -> Self {
        Self {
            path: path.into(),
            contents: contents.into_bytes(),
        }
    }
}

type Generator = fn(&Path) -> Result<Vec<Generated>, String>;

/// Every generator, in the order they run (later ones may read what earlier ones wrote).
const GENERATORS: &[(&str, Generator)] = &[
    ("schemas", schemas::files),
    ("diagnostics reference", diagnostics_doc::files),
    ("score vectors", vectors::files),
    ("object vectors", objects::files),
    ("golden pictures", pictures::files),
    ("interchange vectors and examples", interchange::files),
    ("opportunity vectors", plans::files),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("codegen") || args.len() > 1 {
        eprintln!("usage: cargo run -p xtask -- codegen");
        return ExitCode::from(2);
    }
    let root = root();
    for (name, generator) in GENERATORS {
        let files = match generator(&root) {
            Ok(files) => files,
            Err(e) => {
                eprintln!("xtask: {name}: {e}");
                return ExitCode::FAILURE;
            }
        };
        for file in files {
            let path = root.join(&file.path);
            let unchanged = std::fs::read(&path).is_ok_and(|old| old == file.contents);
            if unchanged {
                continue;
            }
            if let Some(parent) = path.parent()
                && let Err(e) = std::fs::create_dir_all(parent)
            {
                eprintln!("xtask: cannot create {}: {e}", parent.display());
                return ExitCode::FAILURE;
            }
            if let Err(e) = std::fs::write(&path, &file.contents) {
                eprintln!("xtask: cannot write {}: {e}", path.display());
                return ExitCode::FAILURE;
            }
            println!("wrote {}", file.path.display());
        }
    }
    ExitCode::SUCCESS
}

/// Pretty JSON with a final newline, as every generated JSON file is written.
pub fn pretty<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, String> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}
