//! `journeymap diff`: what a to-be map changes against its as-is map.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::score::{ScoringConfig, compare};

use crate::Format;
use crate::common::{load, print_json};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The as-is map.
    as_is: PathBuf,
    /// The to-be map.
    to_be: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let (before, after) = match (load(&args.as_is), load(&args.to_be)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let comparison = compare(&before, &after, &ScoringConfig::default());
    match args.format {
        Format::Json => print_json(&comparison),
        Format::Text => {
            print!("{}", journeymap::report::text_diff(&comparison));
            ExitCode::SUCCESS
        }
    }
}
