//! What the verbs share: output formats, exit codes, loading a map, printing JSON.

use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;
use journeymap::JourneyMap;

/// Exit code for usage and I/O problems.
pub(crate) const EXIT_USAGE: u8 = 2;

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Human-readable text.
    Text,
    /// JSON for tools.
    Json,
}

/// Loads a map (JSON, Mermaid or CSV by extension), printing its errors; `Err` carries the exit
/// code (1 for an invalid map, 2 for a file that cannot be read).
pub(crate) fn load(path: &Path) -> Result<JourneyMap, ExitCode> {
    let options = journeymap::io::ReadOptions::default();
    journeymap::io::read_path(path, None, &options)
        .and_then(journeymap::io::Imported::into_result)
        .map_err(|e| {
            let file = path.display().to_string();
            match &e {
                journeymap::io::Error::Invalid { diagnostics } => {
                    eprintln!("journeymap: {file} is not a valid map:");
                    for d in diagnostics.iter().filter(|d| d.is_error()) {
                        eprintln!("  {}", d.in_file(&file));
                    }
                    eprintln!("run `journeymap validate {file}` for details");
                }
                other => eprintln!("journeymap: {other}"),
            }
            ExitCode::from(match e {
                journeymap::io::Error::Invalid { .. } => 1,
                _ => EXIT_USAGE,
            })
        })
}

/// Prints a value as indented JSON.
pub(crate) fn print_json<T: serde::Serialize + ?Sized>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("journeymap: cannot write JSON: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

/// Writes a picture or report to `path`, or to standard output; exit 2 when it cannot be written.
pub(crate) fn write_output(path: Option<&Path>, text: &str) -> ExitCode {
    match path {
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("journeymap: cannot write {}: {e}", path.display());
                ExitCode::from(EXIT_USAGE)
            }
        },
    }
}
