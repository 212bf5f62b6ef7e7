//! `journeymap`: validate, convert, score, compare and draw customer journey maps from the command line. Each
//! verb lives in its own file; `common.rs` holds what they share (loading a map, output formats,
//! exit codes).

mod calibrate;
mod codes;
mod common;
mod conformance;
mod convert;
mod diff;
mod discover;
mod events;
mod log_options;
mod opportunities;
mod render;
mod report;
mod schema;
mod score;
mod validate;
mod whatif;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub(crate) use common::{EXIT_USAGE, Format};

/// mimalloc serves every allocation of the command: parsing, validation and event logs allocate
/// many small strings and nodes, and it makes them markedly faster than the system allocator
/// (docs/benchmarks.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Customer journey maps: validate, score and compare them, and plan what to fix first.
#[derive(Debug, Parser)]
#[command(name = "journeymap", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check maps (JSON, Mermaid .mmd, CSV) against format v1; exit 0 when no errors, 1 when any error, 2 on usage or I/O problems.
    Validate(validate::Args),
    /// Convert a map between JSON, Mermaid `journey` (.mmd) and CSV touchpoint tables (.csv); exit 0, 1 when the input has errors, 2 on usage or I/O problems or an unknown --persona.
    Convert(convert::Args),
    /// Score a map: emotion curve, effort, experience gap, conversion, moments of truth; exit 0, 1 when the map is invalid or the persona is not scored (JM100), 2 for an unknown persona, on usage or I/O problems.
    Score(score::Args),
    /// Compare an as-is map with its to-be version.
    Diff(diff::Args),
    /// Draw a map as SVG: the journey map (default) or the flow view, of one persona or all; exit codes of `score`.
    Render(render::Args),
    /// Write the self-contained HTML report of a map (pictures, tables, diagnostics); exit 0, 1 when the map is invalid, 2 on usage or I/O problems.
    Report(report::Args),
    /// Rank a map's improvement opportunities (reach, predicted impact, RICE, value × effort) and choose the ones to do first within an effort budget; exit 0, 1 when the map is invalid, 2 for an invalid budget.
    Opportunities(opportunities::Args),
    /// Apply opportunities' effects to an as-is map: write the to-be map and print what it changes; exit 0, 1 when the map is invalid, 2 for an unknown opportunity.
    Whatif(whatif::Args),
    /// Print the JSON Schema of format v1.
    Schema,
    /// List every diagnostic code with its severity, title and documentation link.
    Codes(codes::Args),
    /// Event logs: `events stats` (directly-follows counts, variants, drop-off, survey answers).
    Events(events::Args),
    /// Build the observed map (format v1) of an event log.
    Discover(discover::Args),
    /// Write the observed figures of an event log into a designed map.
    Calibrate(calibrate::Args),
    /// Planned versus actual: each case of an event log against a map.
    Conformance(conformance::Args),
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Convert(args) => convert::run(&args),
        Command::Score(args) => score::run(&args),
        Command::Diff(args) => diff::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Report(args) => report::run(&args),
        Command::Opportunities(args) => opportunities::run(&args),
        Command::Whatif(args) => whatif::run(&args),
        Command::Schema => schema::run(),
        Command::Codes(args) => codes::run(&args),
        Command::Events(args) => events::run(&args),
        Command::Discover(args) => discover::run(&args),
        Command::Calibrate(args) => calibrate::run(&args),
        Command::Conformance(args) => conformance::run(&args),
    }
}
