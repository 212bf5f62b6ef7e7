//! `journeymap events stats`: statistics of an event log.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::StatsOptions;

use crate::Format;
use crate::common::print_json;
use crate::log_options::LogOptions;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Directly-follows counts with case starts and ends, move probabilities, per-activity
    /// events, cases and drop-off, variants and survey aggregates. Rejected rows are listed and
    /// exit 0 (`--strict`: exit 1); 2 on usage or I/O problems.
    Stats(StatsArgs),
}

#[derive(Debug, clap::Args)]
struct StatsArgs {
    /// Event log (CSV with a header row).
    file: PathBuf,
    #[command(flatten)]
    log: LogOptions,
    /// An outcome activity (repeatable): cases that reach one are not counted as drop-off.
    #[arg(long = "outcome", value_name = "ACT")]
    outcomes: Vec<String>,
    /// How many variants to list (most frequent first).
    #[arg(long, default_value_t = journeymap::events::stats::DEFAULT_TOP_VARIANTS)]
    variants: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    match &args.command {
        Command::Stats(a) => stats(a),
    }
}

fn stats(args: &StatsArgs) -> ExitCode {
    let log = match args.log.read(&args.file, None) {
        Ok(log) => log,
        Err(code) => return code,
    };
    let rows = args.log.report_rows(&log, &args.file, false);
    let stats = log.stats(&StatsOptions {
        outcomes: args.outcomes.clone(),
        top_variants: Some(args.variants),
    });
    let printed = match args.format {
        Format::Json => print_json(&stats),
        Format::Text => {
            print!("{}", journeymap::report::text_stats(&stats));
            ExitCode::SUCCESS
        }
    };
    crate::log_options::worst(rows, printed)
}
