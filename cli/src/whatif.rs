//! `journeymap whatif`: the to-be map of chosen opportunities, with what it changes.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::score::{ScoringConfig, whatif};

use crate::Format;
use crate::common::{EXIT_USAGE, load, print_json};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The as-is map (JSON).
    file: PathBuf,
    /// Ids of the opportunities whose effects to apply.
    #[arg(long, num_args = 1.., required = true, value_name = "ID")]
    apply: Vec<String>,
    /// Where to write the to-be map; without it the map is written to standard output and
    /// nothing else is printed.
    #[arg(short = 'o', long = "output", value_name = "TO_BE.json")]
    output: Option<PathBuf>,
    /// Format of the comparison printed when the map goes to a file.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// Exit 0; 1 when the map is invalid; 2 for an unknown opportunity (JM110), on usage or I/O
/// problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let result = match whatif(&map, &args.apply, &ScoringConfig::default()) {
        Ok(result) => result,
        Err(e) => {
            let known: Vec<&str> = map.opportunities.iter().map(|o| o.id.as_str()).collect();
            eprintln!(
                "journeymap: {}; the opportunities of {} are: {}",
                e.to_diagnostic(),
                args.file.display(),
                if known.is_empty() {
                    "(none)".to_owned()
                } else {
                    known.join(", ")
                }
            );
            return ExitCode::from(EXIT_USAGE);
        }
    };
    for d in &result.diagnostics {
        eprintln!(
            "journeymap: {}",
            d.in_file(&args.file.display().to_string())
        );
    }
    let text = match journeymap::io::to_string_pretty(&result.map) {
        Ok(text) => text + "\n",
        Err(e) => {
            eprintln!("journeymap: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let Some(output) = &args.output else {
        print!("{text}");
        return ExitCode::SUCCESS;
    };
    if let Err(e) = std::fs::write(output, text) {
        eprintln!("journeymap: cannot write {}: {e}", output.display());
        return ExitCode::from(EXIT_USAGE);
    }
    match args.format {
        Format::Json => print_json(&result.comparison),
        Format::Text => {
            println!("wrote {}", output.display());
            print!("{}", journeymap::report::text_diff(&result.comparison));
            ExitCode::SUCCESS
        }
    }
}
