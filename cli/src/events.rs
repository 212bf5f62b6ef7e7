//! `journeymap events stats`: statistics of an event log.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::events::{Stats, StatsOptions};

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
    #[arg(long, default_value_t = 20)]
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
            print!("{}", text(&stats));
            ExitCode::SUCCESS
        }
    };
    crate::log_options::worst(rows, printed)
}

fn text(s: &Stats) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} cases, {} events, {} rows rejected",
        s.cases,
        s.events,
        s.rejected.len()
    );
    if let (Some(a), Some(b)) = (&s.first_event, &s.last_event) {
        let _ = writeln!(out, "from {a} to {b}");
    }
    for r in s.rejected.iter().chain(&s.warnings) {
        let _ = writeln!(
            out,
            "  row {}: {}[{}]: {}",
            r.row,
            if r.code == "JM300" {
                "rejected"
            } else {
                "warning"
            },
            r.code,
            r.reason
        );
    }
    let _ = writeln!(out, "\nactivities (events, cases, start, end, drop-off):");
    for a in &s.activities {
        let _ = writeln!(
            out,
            "  {:<30} {:>9} {:>9} {:>9} {:>9} {:>9}",
            a.activity, a.events, a.cases, a.start, a.end, a.drop_off
        );
    }
    let _ = writeln!(out, "\ntransitions (count, probability):");
    for t in &s.transitions {
        let to = t.to.as_deref().unwrap_or("(end)");
        let _ = writeln!(
            out,
            "  {} -> {}: {} ({:.1}%)",
            t.from,
            to,
            t.count,
            100.0 * t.probability
        );
    }
    let _ = writeln!(out, "\n{} variants; most frequent:", s.variant_count);
    for v in &s.variants {
        let _ = writeln!(
            out,
            "  {:>7} ({:.1}%) {}",
            v.cases,
            100.0 * v.share,
            v.activities.join(" > ")
        );
    }
    if !s.metrics.is_empty() {
        let _ = writeln!(out, "\nsurvey answers:");
        for m in &s.metrics {
            let extra = match (m.top2box, m.nps) {
                (Some(t), _) => format!(", top-2-box {t:.1}%"),
                (_, Some(n)) => format!(", NPS {n:+.1}"),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "  {} {}: mean {:.2} (n = {}){extra}",
                m.activity,
                m.metric.as_str(),
                m.mean,
                m.n
            );
        }
    }
    if !s.personas.is_empty() {
        let _ = writeln!(out, "\npersonas:");
        for p in &s.personas {
            let _ = writeln!(
                out,
                "  {}: {} cases ({:.1}%)",
                p.persona.as_deref().unwrap_or("(none)"),
                p.cases,
                100.0 * p.share
            );
        }
    }
    out
}
