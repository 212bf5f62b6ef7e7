//! Options shared by the event-log verbs (`events stats`, `discover`, `calibrate`,
//! `conformance`): column names, survey columns and their scales, `--strict`; reading the log.

use std::path::Path;
use std::process::ExitCode;

use journeymap::events::{
    ColumnNames, DEFAULT_ACTIVITY, DEFAULT_CASE, DEFAULT_TIMESTAMP, EventLog, MetricKind,
    MetricScale,
};

use crate::EXIT_USAGE;

/// Which columns of the CSV log hold what.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct LogOptions {
    /// Case (customer, session) id column.
    #[arg(long = "case", value_name = "COL", default_value = DEFAULT_CASE)]
    case: String,
    /// Activity column.
    #[arg(long, value_name = "COL", default_value = DEFAULT_ACTIVITY)]
    activity: String,
    /// Timestamp column: ISO 8601 (`T` or space, optional fraction and offset) or Unix epoch
    /// seconds or milliseconds.
    #[arg(long, value_name = "COL", default_value = DEFAULT_TIMESTAMP)]
    timestamp: String,
    /// Persona or segment column.
    #[arg(long, value_name = "COL")]
    persona: Option<String>,
    /// Emotion answers column.
    #[arg(long, value_name = "COL")]
    emotion: Option<String>,
    /// Customer Effort Score answers column.
    #[arg(long, value_name = "COL")]
    ces: Option<String>,
    /// CSAT answers column.
    #[arg(long, value_name = "COL")]
    csat: Option<String>,
    /// NPS answers column (0..10).
    #[arg(long, value_name = "COL")]
    nps: Option<String>,
    /// Scale of the emotion answers.
    #[arg(long, value_name = "MIN..MAX", default_value_t = Scale::of(MetricKind::Emotion))]
    emotion_scale: Scale,
    /// Scale of the CES answers.
    #[arg(long, value_name = "MIN..MAX", default_value_t = Scale::of(MetricKind::Ces))]
    ces_scale: Scale,
    /// CES answers are "the company made it easy" (CES 2.0): a higher answer is less effort.
    #[arg(long)]
    ces_higher_is_easier: bool,
    /// Scale of the CSAT answers.
    #[arg(long, value_name = "MIN..MAX", default_value_t = Scale::of(MetricKind::Csat))]
    csat_scale: Scale,
    /// Exit 1 when any row was rejected (they are listed either way).
    #[arg(long)]
    pub(crate) strict: bool,
}

/// A scale given as `MIN..MAX`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Scale(f64, f64);

impl Scale {
    /// The default scale of a metric.
    fn of(kind: MetricKind) -> Self {
        let s = kind.default_scale();
        Scale(s.min, s.max)
    }
}

impl std::fmt::Display for Scale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}..{}", self.0, self.1)
    }
}

impl std::str::FromStr for Scale {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let (a, b) = text
            .split_once("..")
            .ok_or_else(|| format!("expected MIN..MAX, got \"{text}\""))?;
        let parse = |s: &str| s.trim().parse::<f64>().map_err(|e| format!("\"{s}\": {e}"));
        Ok(Scale(parse(a)?, parse(b)?))
    }
}

impl LogOptions {
    /// The column settings, with the channel column when the verb reads one.
    pub(crate) fn names(&self, channel: Option<&str>) -> ColumnNames {
        let mut names = ColumnNames {
            case: self.case.clone(),
            activity: self.activity.clone(),
            timestamp: self.timestamp.clone(),
            channel: channel.map(str::to_owned),
            persona: self.persona.clone(),
            ..ColumnNames::default()
        };
        let scaled = |Scale(min, max): Scale, easier: bool| MetricScale {
            min,
            max,
            higher_is_easier: easier,
        };
        for (kind, column, s) in [
            (
                MetricKind::Emotion,
                &self.emotion,
                scaled(self.emotion_scale, false),
            ),
            (
                MetricKind::Ces,
                &self.ces,
                scaled(self.ces_scale, self.ces_higher_is_easier),
            ),
            (MetricKind::Csat, &self.csat, scaled(self.csat_scale, false)),
            (MetricKind::Nps, &self.nps, MetricKind::Nps.default_scale()),
        ] {
            if let Some(column) = column {
                names = names.with_metric(kind, column.clone());
                if let Some(m) = names.metrics.last_mut() {
                    m.scale = s;
                }
            }
        }
        names
    }

    /// Reads the log, printing why it cannot be (exit 2).
    pub(crate) fn read(&self, path: &Path, channel: Option<&str>) -> Result<EventLog, ExitCode> {
        EventLog::from_csv_path(path, self.names(channel)).map_err(|e| {
            let d = e.to_diagnostics();
            for d in d {
                eprintln!("journeymap: {}", d.in_file(&path.display().to_string()));
            }
            ExitCode::from(EXIT_USAGE)
        })
    }

    /// Prints the rejected rows and ignored values of a log to stderr (text mode), and the exit
    /// code their presence gives.
    pub(crate) fn report_rows(&self, log: &EventLog, path: &Path, print: bool) -> ExitCode {
        let file = path.display().to_string();
        if print {
            for issue in log.issues() {
                eprintln!("{}:{}: {}", file, issue.row, issue.to_diagnostic());
            }
        }
        if self.strict && log.rejected().next().is_some() {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

/// Writes a map to `path` (indented JSON), or to stdout without one.
pub(crate) fn write_map(map: &journeymap::JourneyMap, path: Option<&Path>) -> Result<(), ExitCode> {
    let text = journeymap::io::to_string_pretty(map).map_err(|e| {
        eprintln!("journeymap: {e}");
        ExitCode::from(EXIT_USAGE)
    })?;
    match path {
        Some(p) => std::fs::write(p, text + "\n").map_err(|e| {
            eprintln!("journeymap: cannot write {}: {e}", p.display());
            ExitCode::from(EXIT_USAGE)
        }),
        None => {
            println!("{text}");
            Ok(())
        }
    }
}

/// The worse of two exit codes (a failure of the rows, or of the verb).
pub(crate) fn worst(a: ExitCode, b: ExitCode) -> ExitCode {
    if a == ExitCode::SUCCESS { b } else { a }
}
