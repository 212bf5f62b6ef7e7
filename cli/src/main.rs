//! `journeymap`: validate and score customer journey maps from the command line.

mod score;
mod validate;

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Customer journey maps: validate and score them.
#[derive(Debug, Parser)]
#[command(name = "journeymap", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Human-readable text.
    Text,
    /// JSON for tools.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check maps against format v1; exit 0 when no errors, 1 when any error, 2 on usage or I/O problems.
    Validate {
        /// Map files (JSON).
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Score a map: emotion curve, effort, experience gap, conversion, moments of truth; exit 0, 1 when the map is invalid or the persona is not scored (JM100), 2 for an unknown persona, on usage or I/O problems.
    Score {
        /// Map file (JSON).
        file: std::path::PathBuf,
        /// Only this persona (JSON: its scores with the diagnostics about it).
        #[arg(long)]
        persona: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare an as-is map with its to-be version.
    Diff {
        /// The as-is map.
        as_is: std::path::PathBuf,
        /// The to-be map.
        to_be: std::path::PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Print the JSON Schema of format v1.
    Schema,
}

/// Exit code for usage and I/O problems.
pub(crate) const EXIT_USAGE: u8 = 2;

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
        Command::Validate { files, format } => validate::run(&files, format),
        Command::Score {
            file,
            persona,
            format,
        } => score::score(&file, persona.as_deref(), format),
        Command::Diff {
            as_is,
            to_be,
            format,
        } => score::diff(&as_is, &to_be, format),
        Command::Schema => match serde_json::to_string_pretty(&journeymap::json_schema()) {
            Ok(text) => {
                println!("{text}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("journeymap: cannot print the schema: {e}");
                ExitCode::from(EXIT_USAGE)
            }
        },
    }
}
