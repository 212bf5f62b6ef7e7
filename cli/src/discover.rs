//! `journeymap discover`: the observed map of an event log.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::DiscoverOptions;

use crate::Format;
use crate::log_options::{LogOptions, worst, write_map};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Event log (CSV with a header row).
    file: PathBuf,
    /// A success outcome activity (repeatable): it ends the case at its first occurrence.
    #[arg(long, value_name = "ACT")]
    success: Vec<String>,
    /// A failure outcome activity (repeatable): it ends the case at its first occurrence.
    #[arg(long, value_name = "ACT")]
    failure: Vec<String>,
    /// Channel column: one touchpoint per activity × channel.
    #[arg(long, value_name = "COL")]
    channel: Option<String>,
    #[command(flatten)]
    log: LogOptions,
    /// Id of the map.
    #[arg(long)]
    id: Option<String>,
    /// Title of the map.
    #[arg(long)]
    title: Option<String>,
    /// Where to write the map (stdout without it; the summary then goes to stderr).
    #[arg(short, long, value_name = "MAP.json")]
    output: Option<PathBuf>,
    /// Format of the summary.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Exit 0 (rejected rows listed; `--strict`: 1 when any); 2 on usage or I/O problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let log = match args.log.read(&args.file, args.channel.as_deref()) {
        Ok(log) => log,
        Err(code) => return code,
    };
    let options = DiscoverOptions {
        success: args.success.clone(),
        failure: args.failure.clone(),
        by_channel: args.channel.is_some(),
        id: args.id.clone(),
        title: args.title.clone(),
    };
    let found = match log.discover(&options) {
        Ok(d) => d,
        Err(e) => {
            eprintln!(
                "journeymap: {}",
                e.to_diagnostics()
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            return ExitCode::from(crate::EXIT_USAGE);
        }
    };
    let to_stdout = args.output.is_none();
    let rows = args
        .log
        .report_rows(&log, &args.file, args.format == Format::Text);
    if let Err(code) = write_map(&found.map, args.output.as_deref()) {
        return code;
    }
    let summary = found.summary(log.rejected().count());
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&summary).unwrap_or_default(),
        Format::Text => journeymap::report::text_discovery(&summary, log.events()),
    };
    if to_stdout {
        eprint!("{text}");
        if args.format == Format::Json {
            eprintln!();
        }
    } else if args.format == Format::Json {
        println!("{text}");
    } else {
        print!("{text}");
    }
    worst(rows, ExitCode::SUCCESS)
}
