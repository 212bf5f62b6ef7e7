//! `journeymap calibrate`: observed figures of an event log written into a designed map.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::ActivityMapping;

use crate::Format;
use crate::common::load;
use crate::log_options::{LogOptions, worst, write_map};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The designed map.
    map: PathBuf,
    /// Event log (CSV with a header row).
    file: PathBuf,
    /// Activity mapping: CSV with the columns `activity` and `touchpoint` (a touchpoint or
    /// outcome id), optionally `channel`.
    #[arg(long, value_name = "MAPPING.csv")]
    activities: PathBuf,
    /// Channel column (for mapping rows that name a channel).
    #[arg(long, value_name = "COL")]
    channel: Option<String>,
    #[command(flatten)]
    log: LogOptions,
    /// Where to write the calibrated map (stdout without it; the summary then goes to stderr).
    #[arg(short, long, value_name = "OUT.json")]
    output: Option<PathBuf>,
    /// Format of the summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Exit 0 (rejected rows and unmapped activities listed; `--strict`: 1 when a row was
/// rejected); 1 for an invalid map or a mapping naming ids the map lacks; 2 on usage or I/O
/// problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.map) {
        Ok(m) => m,
        Err(code) => return code,
    };
    let mapping = match ActivityMapping::from_path(&args.activities) {
        Ok(m) => m,
        Err(e) => {
            for d in e.to_diagnostics() {
                eprintln!(
                    "journeymap: {}",
                    d.in_file(&args.activities.display().to_string())
                );
            }
            return ExitCode::from(crate::EXIT_USAGE);
        }
    };
    let log = match args.log.read(&args.file, args.channel.as_deref()) {
        Ok(log) => log,
        Err(code) => return code,
    };
    let calibration = match log.calibrate(&map, &mapping) {
        Ok(c) => c,
        Err(e) => {
            for d in e.to_diagnostics() {
                eprintln!(
                    "journeymap: {}",
                    d.in_file(&args.activities.display().to_string())
                );
            }
            return ExitCode::FAILURE;
        }
    };
    let rows = args
        .log
        .report_rows(&log, &args.file, args.format == Format::Text);
    if let Err(code) = write_map(&calibration.map, args.output.as_deref()) {
        return code;
    }
    let r = &calibration.report;
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(r).unwrap_or_default() + "\n",
        Format::Text => {
            journeymap::report::text_calibration(r, &args.activities.display().to_string())
        }
    };
    if args.output.is_none() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
    worst(rows, ExitCode::SUCCESS)
}
