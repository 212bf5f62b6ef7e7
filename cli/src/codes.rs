//! `journeymap codes`: the catalogue of diagnostic codes.

use std::process::ExitCode;

use serde::Serialize;

use crate::Format;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Serialize)]
struct Entry {
    code: &'static str,
    severity: &'static str,
    title: &'static str,
    explanation: &'static str,
    link: String,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let entries: Vec<Entry> = journeymap::diagnostics::catalogue()
        .iter()
        .map(|c| Entry {
            code: c.as_str(),
            severity: c.severity().as_str(),
            title: c.title(),
            explanation: c.explanation(),
            link: c.doc_link(),
        })
        .collect();
    match args.format {
        Format::Json => crate::common::print_json(&entries),
        Format::Text => {
            for e in &entries {
                println!("{}  {:<7}  {}", e.code, e.severity, e.title);
            }
            ExitCode::SUCCESS
        }
    }
}
