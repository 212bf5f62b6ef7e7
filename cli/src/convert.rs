//! `journeymap convert`: a map from one format to another (JSON, Mermaid `journey`, CSV table).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use journeymap::io::{self, Format, ReadOptions, WriteOptions};

use crate::EXIT_USAGE;

/// A format named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// JSON format v1.
    Json,
    /// Mermaid `journey` diagram.
    Mermaid,
    /// CSV touchpoint table.
    Csv,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Self {
        match f {
            FormatArg::Json => Format::Json,
            FormatArg::Mermaid => Format::Mermaid,
            FormatArg::Csv => Format::Csv,
        }
    }
}

/// The CSV delimiter to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Delimiter {
    /// `,` with decimal points.
    Comma,
    /// `;` with decimal commas (French and most European spreadsheets).
    Semicolon,
}

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The map to read: .json, .mmd or .mermaid, .csv (any other extension is read as JSON).
    input: PathBuf,
    /// Where to write it: .json, .mmd or .mermaid, .csv; `-` for standard output (with --to).
    output: PathBuf,
    /// Read the input as this format, whatever its extension.
    #[arg(long, value_enum)]
    from: Option<FormatArg>,
    /// Write this format, whatever the output's extension.
    #[arg(long, value_enum)]
    to: Option<FormatArg>,
    /// Mermaid output: the persona whose most likely journey to write (default: every
    /// persona's, merged). Ignored, with a warning, for other outputs.
    #[arg(long)]
    persona: Option<String>,
    /// CSV output: the delimiter.
    #[arg(long, value_enum, default_value_t = Delimiter::Comma)]
    delimiter: Delimiter,
    /// CSV output: start with a UTF-8 byte order mark (Excel needs it to read UTF-8).
    #[arg(long)]
    bom: bool,
    /// Write the map built from what could be read even when the input has errors (bad rows
    /// and lines are left out); the exit code is still 1.
    #[arg(long)]
    keep_going: bool,
}

/// Exit 0 when written; 1 when the input has errors (nothing written unless --keep-going); 2 on
/// usage or I/O problems and for an unknown --persona.
pub(crate) fn run(args: &Args) -> ExitCode {
    let stdout = args.output.as_os_str() == "-";
    let Some(to) = args
        .to
        .map(Format::from)
        .or_else(|| (!stdout).then(|| Format::from_path(&args.output)).flatten())
    else {
        eprintln!(
            "journeymap: cannot tell the output format of {}: use a .json, .mmd or .csv file, or --to",
            args.output.display()
        );
        return ExitCode::from(EXIT_USAGE);
    };
    if let Some(persona) = args.persona.as_deref().filter(|_| to != Format::Mermaid) {
        eprintln!(
            "journeymap: warning: --persona {persona} is ignored: only a Mermaid output follows one persona's journey"
        );
    }
    let file = args.input.display().to_string();
    let imported = match io::read_path(
        &args.input,
        args.from.map(Format::from),
        &ReadOptions::default(),
    ) {
        Ok(imported) => imported,
        Err(e) => {
            eprintln!("journeymap: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    for d in &imported.diagnostics {
        eprintln!("{}", d.in_file(&file));
    }
    let failed = !imported.is_valid();
    let map = match imported.map {
        Some(map) if !failed || args.keep_going => map,
        _ => {
            eprintln!(
                "journeymap: {file} has errors; nothing written (--keep-going writes what could be read)"
            );
            return ExitCode::FAILURE;
        }
    };
    let options = WriteOptions {
        persona: args.persona.clone(),
        csv: io::csv::WriteOptions {
            delimiter: match args.delimiter {
                Delimiter::Comma => b',',
                Delimiter::Semicolon => b';',
            },
            bom: args.bom,
        },
    };
    let text = match io::write(&map, to, &options) {
        Ok(text) => text,
        Err(e) => {
            for d in e.to_diagnostics() {
                eprintln!("{}", d.in_file(&file));
            }
            if e.code() == journeymap::diagnostics::codes::UNKNOWN_EXPORT_PERSONA {
                let known: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
                eprintln!(
                    "journeymap: the personas of {file} are: {}",
                    known.join(", ")
                );
            }
            return ExitCode::from(EXIT_USAGE);
        }
    };
    if let Err(e) = write(&args.output, stdout, &text) {
        eprintln!("journeymap: cannot write {}: {e}", args.output.display());
        return ExitCode::from(EXIT_USAGE);
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn write(path: &Path, stdout: bool, text: &str) -> std::io::Result<()> {
    if stdout {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()
    } else {
        std::fs::write(path, text)
    }
}
