//! `journeymap opportunities`: the ranked opportunities of a map and the portfolio to do first.

use std::path::PathBuf;
use std::process::ExitCode;

use journeymap::score::{Planner, ScoringConfig};
use serde::Serialize;

use crate::Format;
use crate::common::{EXIT_USAGE, load, print_json};

#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Map file (JSON).
    file: PathBuf,
    /// Effort budget of the portfolio (same unit as the opportunities' `effort`); no limit when
    /// absent.
    #[arg(long)]
    budget: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// The JSON output: the ranked list and the portfolio.
#[derive(Serialize)]
struct Output<'a> {
    opportunities: &'a [journeymap::score::OpportunityScore],
    portfolio: &'a journeymap::score::Portfolio,
}

/// Exit 0; 1 when the map is invalid; 2 for an invalid budget (JM109), on usage or I/O
/// problems.
pub(crate) fn run(args: &Args) -> ExitCode {
    let map = match load(&args.file) {
        Ok(map) => map,
        Err(code) => return code,
    };
    let mut planner = Planner::new(&map, &ScoringConfig::default());
    let (list, _) = planner.opportunities();
    let portfolio = match planner.portfolio(args.budget) {
        Ok(portfolio) => portfolio,
        Err(e) => {
            eprintln!("journeymap: {}", e.to_diagnostic());
            return ExitCode::from(EXIT_USAGE);
        }
    };
    match args.format {
        Format::Json => print_json(&Output {
            opportunities: &list,
            portfolio: &portfolio,
        }),
        Format::Text => {
            print!(
                "{}",
                journeymap::report::text_opportunities(&map, &list, Some(&portfolio))
            );
            ExitCode::SUCCESS
        }
    }
}
