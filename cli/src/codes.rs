//! `journeymap codes`: the catalogue of diagnostic codes.

use std::process::ExitCode;

use crate::Format;

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub(crate) fn run(args: &Args) -> ExitCode {
    let entries = journeymap::diagnostics::code_entries();
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
