//! `journeymap conformance`: planned (a map) versus actual (an event log), case by case.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::{ActivityMapping, ConformanceOptions, conformance};

use crate::Format;
use crate::common::{load, print_json};
use crate::log_options::{LogOptions, worst};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The designed map.
    map: PathBuf,
    /// Event log (CSV with a header row).
    file: PathBuf,
    /// Activity mapping (CSV `activity,touchpoint[,channel]`); without it an activity stands
    /// for the touchpoint or outcome with the same id.
    #[arg(long, value_name = "MAPPING.csv")]
    activities: Option<PathBuf>,
    /// Channel column.
    #[arg(long, value_name = "COL")]
    channel: Option<String>,
    #[command(flatten)]
    log: LogOptions,
    /// How many deviating variants to list.
    #[arg(long, default_value_t = journeymap::events::conformance::DEFAULT_TOP_VARIANTS)]
    top: usize,
    /// Leave the per-case list out of the JSON output.
    #[arg(long)]
    no_cases: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Exit 0 (`--strict`: 1 when a row was rejected); 1 for an invalid map or a mapping naming ids
/// the map lacks; 2 on usage or I/O problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.map) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mapping = match args
        .activities
        .as_ref()
        .map(ActivityMapping::from_path)
        .transpose()
    {
        Ok(m) => m,
        Err(e) => {
            for d in e.to_diagnostics() {
                eprintln!("journeymap: {d}");
            }
            return ExitCode::from(crate::EXIT_USAGE);
        }
    };
    let log = match args.log.read(&args.file, args.channel.as_deref()) {
        Ok(log) => log,
        Err(code) => return code,
    };
    let options = ConformanceOptions {
        top_variants: args.top,
        include_cases: !args.no_cases && args.format == Format::Json,
    };
    let report = match conformance(&map, &log, mapping.as_ref(), &options) {
        Ok(r) => r,
        Err(e) => {
            for d in e.to_diagnostics() {
                eprintln!("journeymap: {d}");
            }
            return ExitCode::FAILURE;
        }
    };
    let rows = args
        .log
        .report_rows(&log, &args.file, args.format == Format::Text);
    let printed = match args.format {
        Format::Json => print_json(&report),
        Format::Text => {
            print!("{}", journeymap::report::text_conformance(&report));
            ExitCode::SUCCESS
        }
    };
    worst(rows, printed)
}
