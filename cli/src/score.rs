//! `journeymap score` and `journeymap diff`.

use std::path::Path;
use std::process::ExitCode;

use journeymap::JourneyMap;
use journeymap::score::{ScoringConfig, compare};
use journeymap::validate::{Diagnostic, Severity};

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

/// Position of the persona a diagnostic points at (`/personas/<i>...`), if any.
fn persona_of(d: &Diagnostic) -> Option<usize> {
    d.path
        .strip_prefix("/personas/")
        .and_then(|rest| rest.split('/').next())
        .and_then(|index| index.parse().ok())
}

/// `journeymap score`: exit 0; 1 when the map is invalid or the persona asked for is not scored
/// (JM100); 2 for an unknown persona, on usage or I/O problems.
pub(crate) fn score(file: &Path, persona: Option<&str>, format: Format) -> ExitCode {
    let map = match load(file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let position = match persona {
        None => None,
        Some(p) => match map.personas.iter().position(|x| x.id == p) {
            Some(i) => Some(i),
            None => {
                let known: Vec<&str> = map.personas.iter().map(|x| x.id.as_str()).collect();
                eprintln!(
                    "journeymap: error {}: unknown persona \"{p}\"; the personas of {} are: {}",
                    journeymap::score::UNKNOWN_PERSONA,
                    file.display(),
                    if known.is_empty() {
                        "(none)".to_owned()
                    } else {
                        known.join(", ")
                    }
                );
                return ExitCode::from(EXIT_USAGE);
            }
        },
    };
    let scores = map.score(&ScoringConfig::default());
    if let (Some(p), Some(i)) = (persona, position)
        && scores.persona(p).is_none()
    {
        // A persona of the map that has no journey to score: say why (JM100), do not print an
        // empty result.
        eprintln!("journeymap: persona \"{p}\" is not scored:");
        let mut reasons = scores
            .diagnostics
            .iter()
            .filter(|d| persona_of(d) == Some(i))
            .peekable();
        if reasons.peek().is_none() {
            eprintln!(
                "  {} {}: it has no journey to score (at /personas/{i})",
                Severity::Warning,
                journeymap::score::PERSONA_NOT_SCORED
            );
        }
        for d in reasons {
            eprintln!("  {d}");
        }
        return ExitCode::FAILURE;
    }
    match format {
        Format::Json => match (persona, position) {
            (Some(p), Some(i)) => {
                // The scores of the persona, with the diagnostics about it or about no persona
                // in particular.
                let diagnostics: Vec<&Diagnostic> = scores
                    .diagnostics
                    .iter()
                    .filter(|d| persona_of(d).is_none_or(|j| j == i))
                    .collect();
                match (
                    serde_json::to_value(scores.persona(p)),
                    serde_json::to_value(diagnostics),
                ) {
                    (Ok(serde_json::Value::Object(mut object)), Ok(diagnostics)) => {
                        object.insert("diagnostics".to_owned(), diagnostics);
                        print_json(&object)
                    }
                    _ => {
                        eprintln!("journeymap: cannot write the scores of persona \"{p}\" as JSON");
                        ExitCode::from(EXIT_USAGE)
                    }
                }
            }
            _ => print_json(&scores),
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
