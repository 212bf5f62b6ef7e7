//! `journeymap render`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;
use journeymap::render::{self, Error, SvgOptions, View};
use journeymap::score::{self, ScoringConfig};

use crate::common::{EXIT_USAGE, load, write_output};

/// Which picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ViewArg {
    /// The journey map: stages, lanes, emotion curve, moments of truth.
    Journey,
    /// The flow view: moves as arrows whose width is the expected flow.
    Flow,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Map file (JSON).
    file: PathBuf,
    /// Draw this persona (default: the first persona with a journey).
    #[arg(long, conflicts_with = "all_personas")]
    persona: Option<String>,
    /// Draw every persona: curves overlaid, or flows added up over the customer base.
    #[arg(long)]
    all_personas: bool,
    /// Which picture.
    #[arg(long, value_enum, default_value_t = ViewArg::Journey)]
    view: ViewArg,
    /// Write the SVG here (default: standard output).
    #[arg(short, long)]
    output: Option<PathBuf>,
}

/// Exit 0; 1 when the map is invalid or the persona has no journey (JM100); 2 for an unknown
/// persona (JM104), on usage or I/O problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let request = SvgOptions {
        view: match args.view {
            ViewArg::Journey => View::Journey,
            ViewArg::Flow => View::Flow,
        },
        persona: args.persona.clone(),
        all_personas: args.all_personas,
        moments: None,
    };
    match render::svg(&map, &ScoringConfig::default(), &request) {
        Ok(svg) => write_output(args.output.as_deref(), &svg),
        Err(e) => persona_error(&map, &args.file.display().to_string(), &e),
    }
}

/// Reports a persona that cannot be drawn, with the exit code of `journeymap score`.
pub(crate) fn persona_error(map: &journeymap::JourneyMap, file: &str, e: &Error) -> ExitCode {
    match e {
        Error::Scoring(score::Error::UnknownPersona(_)) => {
            let known: Vec<&str> = map.personas.iter().map(|x| x.id.as_str()).collect();
            eprintln!(
                "journeymap: {}; the personas of {file} are: {}",
                e.to_diagnostics()
                    .first()
                    .map_or_else(|| e.to_string(), |d| d.in_file(file).to_string()),
                if known.is_empty() {
                    "(none)".to_owned()
                } else {
                    known.join(", ")
                }
            );
            ExitCode::from(EXIT_USAGE)
        }
        Error::InvalidOptions { .. } => {
            eprintln!("journeymap: {e}");
            ExitCode::from(EXIT_USAGE)
        }
        Error::Scoring(_) => {
            eprintln!("journeymap: {e}:");
            for d in e.to_diagnostics() {
                eprintln!("  {}", d.in_file(file));
            }
            ExitCode::FAILURE
        }
    }
}
