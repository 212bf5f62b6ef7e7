//! `journeymap score` and `journeymap diff`.

use std::path::Path;
use std::process::ExitCode;

use journeymap::JourneyMap;
use journeymap::score::{ScoringConfig, compare};

use crate::{EXIT_USAGE, Format};

/// Loads a map, printing its errors; `Err` carries the exit code.
fn load(path: &Path) -> Result<JourneyMap, ExitCode> {
    journeymap::io::from_path(path).map_err(|e| {
        match &e {
            journeymap::io::Error::Invalid { diagnostics } => {
                eprintln!("journeymap: {} is not a valid map:", path.display());
                for d in diagnostics.iter().filter(|d| d.is_error()) {
                    eprintln!("  {d}");
                }
                eprintln!("run `journeymap validate {}` for details", path.display());
            }
            other => eprintln!("journeymap: {other}"),
        }
        ExitCode::from(match e {
            journeymap::io::Error::Invalid { .. } => 1,
            _ => EXIT_USAGE,
        })
    })
}

fn print_json<T: serde::Serialize>(value: &T) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("journeymap: cannot write JSON: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

pub(crate) fn score(file: &Path, persona: Option<&str>, format: Format) -> ExitCode {
    let map = match load(file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    if let Some(p) = persona
        && map.index().persona(p).is_none()
    {
        eprintln!("journeymap: unknown persona \"{p}\"");
        return ExitCode::from(EXIT_USAGE);
    }
    let scores = map.score(&ScoringConfig::default());
    match format {
        Format::Json => match persona {
            Some(p) => print_json(&scores.persona(p)),
            None => print_json(&scores),
        },
        Format::Text => {
            print!(
                "{}",
                journeymap::render::text_report(&map, &scores, persona)
            );
            ExitCode::SUCCESS
        }
    }
}

pub(crate) fn diff(as_is: &Path, to_be: &Path, format: Format) -> ExitCode {
    let (before, after) = match (load(as_is), load(to_be)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(code), _) | (_, Err(code)) => return code,
    };
    let comparison = compare(&before, &after, &ScoringConfig::default());
    match format {
        Format::Json => print_json(&comparison),
        Format::Text => {
            print!("{}", journeymap::render::text_diff(&comparison));
            ExitCode::SUCCESS
        }
    }
}
