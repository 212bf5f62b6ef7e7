//! `journeymap report`.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::score::ScoringConfig;
use journeymap::validate::{Limits, validate_path};

use crate::common::{load, write_output};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Map file (JSON).
    file: PathBuf,
    /// Write the HTML report here (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Exit 0; 1 when the map is invalid (its errors on stderr, as `journeymap validate` prints
/// them); 2 on usage or I/O problems. Warnings and notes of the map go into the report.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    // The diagnostics with their lines and columns in the file.
    let validation = validate_path(&args.file, &Limits::default());
    let scores = map.score(&ScoringConfig::default());
    let html = journeymap::report::html_report(&map, &scores, &validation.diagnostics);
    write_output(args.output.as_deref(), &html)
}
