//! `journeymap discover`: the observed map of an event log.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::DiscoverOptions;
use journeymap::score::ScoringConfig;
use serde::Serialize;

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

#[derive(Serialize)]
struct Summary<'a> {
    #[serde(flatten)]
    report: &'a journeymap::events::discover::DiscoveryReport,
    rejected: usize,
    conversion: f64,
    removal_effects: Vec<(String, Option<f64>)>,
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
    let scores = found.map.score(&ScoringConfig::default());
    let mut effects: Vec<(String, Option<f64>)> = Vec::new();
    for t in &scores.overall.touchpoints {
        effects.push((t.touchpoint.clone(), t.removal_effect));
    }
    effects.sort_by(|a, b| {
        b.1.unwrap_or(0.0)
            .total_cmp(&a.1.unwrap_or(0.0))
            .then_with(|| a.0.cmp(&b.0))
    });
    let summary = Summary {
        report: &found.report,
        rejected: log.rejected().count(),
        conversion: scores.overall.success_probability,
        removal_effects: effects,
    };
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&summary).unwrap_or_default(),
        Format::Text => {
            let r = &found.report;
            let mut t = format!(
                "{} cases ({} in the map), {} events, {} rows rejected\nobserved conversion {:.1}%\n",
                r.cases,
                r.cases_in_map,
                log.events(),
                summary.rejected,
                100.0 * summary.conversion
            );
            for o in &r.outcomes {
                t.push_str(&format!("  {}: {} cases\n", o.outcome, o.cases));
            }
            for d in &r.diagnostics {
                t.push_str(&format!("{d}\n"));
            }
            t.push_str("removal effect (share of conversions lost without the touchpoint):\n");
            for (tp, e) in summary.removal_effects.iter().take(10) {
                t.push_str(&format!("  {tp}: {:.1}%\n", 100.0 * e.unwrap_or(0.0)));
            }
            t
        }
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
