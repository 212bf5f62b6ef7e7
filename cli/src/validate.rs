//! `journeymap validate`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use journeymap::Diagnostic;
use journeymap::diagnostics::codes;
use journeymap::io::{ReadOptions, read_path};
use serde::Serialize;

use crate::{EXIT_USAGE, Format};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Map files: JSON, Mermaid `journey` (.mmd, .mermaid) or CSV touchpoint tables (.csv), by
    /// extension (any other extension is read as JSON).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Serialize)]
struct FileReport {
    file: String,
    valid: bool,
    diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Serialize)]
struct Output {
    files: Vec<FileReport>,
}

/// Validates every file. A file that cannot be read is reported like the others, invalid with
/// one JM009 diagnostic (with `--format json`, also on stderr), and makes the exit code 2. A
/// file over the size limit is JM001 from its size alone, without being read.
pub(crate) fn run(args: &Args) -> ExitCode {
    let (files, format) = (&args.files, args.format);
    let mut reports = Vec::new();
    let mut io_failure = false;
    for file in files {
        let (valid, diagnostics) = match read_path(file, None, &ReadOptions::default()) {
            Ok(imported) => (imported.is_valid(), imported.diagnostics),
            Err(e) => (false, e.to_diagnostics()),
        };
        for d in diagnostics.iter().filter(|d| d.code == codes::IO_ERROR) {
            if format == Format::Json {
                eprintln!("journeymap: {}", d.message);
            }
            io_failure = true;
        }
        reports.push(FileReport {
            file: file.display().to_string(),
            valid,
            diagnostics,
        });
    }
    match format {
        Format::Text => print_text(&reports),
        Format::Json => {
            let output = Output { files: reports };
            match serde_json::to_string_pretty(&output) {
                Ok(text) => println!("{text}"),
                Err(e) => {
                    eprintln!("journeymap: cannot write the report: {e}");
                    return ExitCode::from(EXIT_USAGE);
                }
            }
            return exit_code(&output.files, io_failure);
        }
    }
    exit_code(&reports, io_failure)
}

fn exit_code(reports: &[FileReport], io_failure: bool) -> ExitCode {
    if io_failure {
        ExitCode::from(EXIT_USAGE)
    } else if reports.iter().all(|r| r.valid) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_text(reports: &[FileReport]) {
    for report in reports {
        let file = Path::new(&report.file).display();
        for d in &report.diagnostics {
            println!("{}", d.in_file(&report.file));
        }
        let errors = report.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = report.diagnostics.len() - errors;
        let verdict = if report.valid { "valid" } else { "invalid" };
        println!("{file}: {verdict} ({errors} errors, {warnings} warnings or notes)");
    }
}
