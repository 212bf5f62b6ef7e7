//! `journeymap score`.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::score::{Error, ScoringConfig};

use crate::Format;
use crate::common::{EXIT_USAGE, load, print_json};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Map file: JSON, Mermaid `journey` (.mmd) or CSV table (.csv), by extension.
    file: PathBuf,
    /// Only this persona (JSON: its scores with the diagnostics about it).
    #[arg(long)]
    persona: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Exit 0; 1 when the map is invalid or the persona asked for is not scored (JM100); 2 for an
/// unknown persona (JM104), on usage or I/O problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let file = args.file.display().to_string();
    let scores = map.score(&ScoringConfig::default());
    let Some(persona) = args.persona.as_deref() else {
        return match args.format {
            Format::Json => print_json(&scores),
            Format::Text => {
                print!("{}", journeymap::report::text_report(&map, &scores, None));
                ExitCode::SUCCESS
            }
        };
    };
    match scores.persona_report(&map, persona) {
        Ok(report) => match args.format {
            Format::Json => print_json(&report),
            Format::Text => {
                print!(
                    "{}",
                    journeymap::report::text_report(&map, &scores, Some(persona))
                );
                ExitCode::SUCCESS
            }
        },
        Err(e @ Error::UnknownPersona(_)) => {
            let known: Vec<&str> = map.personas.iter().map(|x| x.id.as_str()).collect();
            eprintln!(
                "journeymap: {}; the personas of {file} are: {}",
                e.to_diagnostic().in_file(&file),
                if known.is_empty() {
                    "(none)".to_owned()
                } else {
                    known.join(", ")
                }
            );
            ExitCode::from(EXIT_USAGE)
        }
        Err(e) => {
            eprintln!("journeymap: {e}:");
            for d in e.to_diagnostics() {
                eprintln!("  {}", d.in_file(&file));
            }
            ExitCode::FAILURE
        }
    }
}
