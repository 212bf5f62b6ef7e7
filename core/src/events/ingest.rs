//! Reading event logs: from any iterator of [`Event`]s, from CSV readers, or from columns
//! ([`super::columns`]). Rows are checked one by one: a row without case id or activity, with an
//! unreadable timestamp or the wrong number of columns is rejected with its row number and reason
//! (JM300), and every valid row is kept. A metric cell that is not a number on its scale is left
//! out (JM301) and its event kept. When [`LogBuilder::finish`] is called, events are grouped by
//! case (cases in order of first appearance) and ordered by timestamp within a case, ties kept in
//! input order.

use super::intern::{Interner, Names};
use super::timestamps::{self, TimestampError};
use super::{ColumnNames, Error, LogSpec, NONE, RowIssue, survey_number};
use crate::diagnostics::codes;

/// A timestamp as given.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Time<'a> {
    /// ISO 8601 or epoch text (see [`timestamps`]).
    Text(&'a str),
    /// Unix epoch seconds or milliseconds (see [`timestamps::from_epoch`]).
    Epoch(f64),
    /// Nanoseconds since the Unix epoch, as is.
    Nanos(i64),
}

impl Time<'_> {
    /// Nanoseconds since the Unix epoch.
    pub fn nanos(self) -> Result<i64, TimestampError> {
        match self {
            Time::Text(t) => timestamps::parse(t),
            Time::Epoch(v) => timestamps::from_epoch(v),
            Time::Nanos(n) => Ok(n),
        }
    }
}

/// One event as given to [`LogBuilder::push`] or [`EventLog::from_events`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Event<'a> {
    /// Case (customer, session) id.
    pub case: &'a str,
    /// Activity name.
    pub activity: &'a str,
    /// When it happened.
    pub timestamp: Time<'a>,
    /// Channel, when the log has a channel column.
    pub channel: Option<&'a str>,
    /// Persona or segment, when the log has a persona column.
    pub persona: Option<&'a str>,
    /// Survey answers, in the order of [`ColumnNames::metrics`] (missing ones `None`).
    pub metrics: &'a [Option<f64>],
}

impl<'a> Event<'a> {
    /// An event with case, activity and timestamp only.
    pub fn new(case: &'a str, activity: &'a str, timestamp: Time<'a>) -> Self {
        Self {
            case,
            activity,
            timestamp,
            channel: None,
            persona: None,
            metrics: &[],
        }
    }
}

/// Whether a required text cell is missing (absent, empty or white space).
pub(crate) fn blank(s: Option<&str>) -> bool {
    match s {
        None => true,
        // A first byte that is printable ASCII is not white space: no trim needed.
        Some(t) => match t.as_bytes().first() {
            Some(&b) if b > b' ' && b < 0x80 => false,
            _ => t.trim().is_empty(),
        },
    }
}

/// Builds an [`EventLog`] event by event, or batch by batch ([`LogBuilder::push_columns`]).
#[derive(Debug, Clone)]
pub struct LogBuilder {
    pub(crate) names: ColumnNames,
    pub(crate) spec: LogSpec,
    pub(crate) cases: Interner,
    pub(crate) activities: Interner,
    pub(crate) channels: Interner,
    pub(crate) personas: Interner,
    pub(crate) ev_case: Vec<u32>,
    pub(crate) ev_activity: Vec<u32>,
    pub(crate) ev_channel: Vec<u32>,
    pub(crate) ev_time: Vec<i64>,
    /// One column per metric of `names.metrics`, NaN where there is no valid answer.
    pub(crate) ev_metrics: Vec<Vec<f64>>,
    /// Persona per case id (by first event in input order), NONE when the case has none.
    pub(crate) case_persona: Vec<u32>,
    pub(crate) issues: Vec<RowIssue>,
    pub(crate) next_row: u64,
    /// Added to every reported row number when the log is finished.
    pub(crate) row_offset: u64,
    /// In a part read on another thread ([`LogBuilder::fork`]): the (row, case, persona) of every
    /// row with a persona, applied in order when the part is absorbed.
    pub(crate) persona_rows: Option<Vec<(u64, u32, u32)>>,
}

impl LogBuilder {
    /// A builder for a log with these columns (their names serve in messages; [`Event`]s carry
    /// the values).
    pub fn new(names: ColumnNames) -> Result<Self, Error> {
        names.check()?;
        Ok(Self::checked(names))
    }

    /// A builder for names already checked.
    pub(crate) fn checked(names: ColumnNames) -> Self {
        let spec = names.spec();
        let metrics = names.metrics.len();
        Self {
            names,
            spec,
            cases: Interner::default(),
            activities: Interner::default(),
            channels: Interner::default(),
            personas: Interner::default(),
            ev_case: Vec::new(),
            ev_activity: Vec::new(),
            ev_channel: Vec::new(),
            ev_time: Vec::new(),
            ev_metrics: vec![Vec::new(); metrics],
            case_persona: Vec::new(),
            issues: Vec::new(),
            next_row: 0,
            row_offset: 0,
            persona_rows: None,
        }
    }

    /// Numbers the rows of this part of a larger log from `offset` on: every row number reported
    /// (rejected rows, ignored values, persona conflicts) has `offset` added. Give a partition
    /// the number of rows before it, and the issues of merged partials carry the row numbers of
    /// the whole log.
    #[must_use]
    pub fn with_row_offset(mut self, offset: u64) -> Self {
        self.row_offset = offset;
        self
    }

    /// The column settings.
    pub fn names(&self) -> &ColumnNames {
        &self.names
    }

    /// Number of events kept so far.
    pub fn len(&self) -> usize {
        self.ev_case.len()
    }

    /// Whether no event was kept yet.
    pub fn is_empty(&self) -> bool {
        self.ev_case.is_empty()
    }

    /// Rejects a row (JM300).
    pub fn reject(&mut self, row: u64, reason: impl Into<String>) {
        self.issues
            .push(RowIssue::new(row, codes::ROW_REJECTED, reason));
    }

    /// Adds one event; the row number is the count of rows pushed before it (0-based).
    pub fn push(&mut self, event: &Event<'_>) {
        let row = self.next_row;
        self.push_at(row, event);
    }

    /// Adds one event read at `row` (see [`RowIssue::row`]); a bad row is rejected with reasons.
    pub fn push_at(&mut self, row: u64, event: &Event<'_>) {
        self.next_row = row + 1;
        let mut reasons: Vec<String> = Vec::new();
        if blank(Some(event.case)) {
            reasons.push(format!("missing case id (column \"{}\")", self.names.case));
        }
        if blank(Some(event.activity)) {
            reasons.push(format!(
                "missing activity (column \"{}\")",
                self.names.activity
            ));
        }
        let time = event.timestamp.nanos();
        if let Err(e) = time {
            reasons.push(time_reason(&self.names.timestamp, event.timestamp, e));
        }
        if event.metrics.len() > self.names.metrics.len() {
            reasons.push(format!(
                "{} survey values given for {} metric columns",
                event.metrics.len(),
                self.names.metrics.len()
            ));
        }
        match time {
            Ok(t) if reasons.is_empty() => {
                let case = self.cases.intern(event.case);
                let activity = self.activities.intern(event.activity);
                let channel = self
                    .spec
                    .channels
                    .then(|| self.intern_optional_channel(event.channel));
                self.keep(row, case, activity, channel, t, event.persona);
                for k in 0..self.names.metrics.len() {
                    let v = event.metrics.get(k).copied().flatten();
                    let v = self.metric_value(row, k, v);
                    self.ev_metrics[k].push(v);
                }
            }
            _ => self.reject(row, reasons.join("; ")),
        }
    }

    fn intern_optional_channel(&mut self, channel: Option<&str>) -> u32 {
        match channel {
            Some(c) if !c.trim().is_empty() => self.channels.intern(c),
            _ => NONE,
        }
    }

    /// Records a valid event (metrics are pushed by the caller).
    fn keep(
        &mut self,
        row: u64,
        case: u32,
        activity: u32,
        channel: Option<u32>,
        time: i64,
        persona: Option<&str>,
    ) {
        self.ev_case.push(case);
        self.ev_activity.push(activity);
        if let Some(c) = channel {
            self.ev_channel.push(c);
        }
        self.ev_time.push(time);
        if case as usize >= self.case_persona.len() {
            self.case_persona.resize(case as usize + 1, NONE);
        }
        if self.spec.personas {
            if let Some(p) = persona.filter(|p| !p.trim().is_empty()) {
                let p = self.personas.intern(p);
                self.set_persona(row, case, p);
            }
        }
    }

    /// The persona of a case is the first one given (in input order); a different later value is
    /// reported once per row (JM303).
    pub(crate) fn set_persona(&mut self, row: u64, case: u32, persona: u32) {
        if let Some(rows) = &mut self.persona_rows {
            rows.push((row, case, persona));
            return;
        }
        let slot = &mut self.case_persona[case as usize];
        if *slot == NONE {
            *slot = persona;
        } else if *slot != persona {
            let kept = self.personas.get(*slot).to_owned();
            let given = self.personas.get(persona).to_owned();
            let case = self.cases.get(case).to_owned();
            self.issues.push(RowIssue::new(
                row,
                codes::CONFLICTING_PERSONA,
                format!("case \"{case}\" has persona \"{kept}\", this row says \"{given}\"; \"{kept}\" is kept"),
            ));
        }
    }

    /// A metric answer checked against its scale: NaN (no value) when absent or invalid (JM301).
    pub(crate) fn metric_value(&mut self, row: u64, k: usize, v: Option<f64>) -> f64 {
        let Some(v) = v else { return f64::NAN };
        let m = &self.names.metrics[k];
        if v.is_finite() && v >= m.scale.min && v <= m.scale.max {
            return v;
        }
        self.issues.push(RowIssue::new(
            row,
            codes::VALUE_IGNORED,
            format!(
                "{} value {v} in column \"{}\" is outside its scale {}..{}; the value is left out",
                m.kind.as_str(),
                m.column,
                m.scale.min,
                m.scale.max
            ),
        ));
        f64::NAN
    }

    /// A metric cell given as text: empty is no answer, a number is checked against its scale,
    /// anything else is left out (JM301).
    pub(crate) fn metric_text(&mut self, row: u64, k: usize, text: Option<&str>) -> f64 {
        match text.map_or(Ok(None), survey_number) {
            Ok(None) => f64::NAN,
            Ok(v) => self.metric_value(row, k, v),
            Err(t) => {
                let m = &self.names.metrics[k];
                self.issues.push(RowIssue::new(
                    row,
                    codes::VALUE_IGNORED,
                    format!(
                        "{} value \"{t}\" in column \"{}\" is not a number; the value is left out",
                        m.kind.as_str(),
                        m.column
                    ),
                ));
                f64::NAN
            }
        }
    }
}

/// The reason a timestamp is rejected.
pub(crate) fn time_reason(column: &str, time: Time<'_>, e: TimestampError) -> String {
    let shown = match time {
        Time::Text(t) => format!("\"{}\"", t.chars().take(64).collect::<String>()),
        Time::Epoch(v) => v.to_string(),
        Time::Nanos(n) => n.to_string(),
    };
    format!("timestamp {shown} in column \"{column}\" cannot be read: {e}")
}

/// An event log: events grouped by case (in order of first appearance), ordered by time within
/// a case (ties in input order), with the rows that were rejected.
#[derive(Debug, Clone, PartialEq)]
pub struct EventLog {
    pub(crate) names: ColumnNames,
    pub(crate) spec: LogSpec,
    pub(crate) case_ids: Names,
    pub(crate) activities: Vec<String>,
    pub(crate) channels: Vec<String>,
    pub(crate) personas: Vec<String>,
    /// `offsets[c]..offsets[c + 1]` are the events of case `c`.
    pub(crate) offsets: Vec<usize>,
    pub(crate) activity: Vec<u32>,
    /// Empty when the log has no channel column.
    pub(crate) channel: Vec<u32>,
    pub(crate) time: Vec<i64>,
    pub(crate) metrics: Vec<Vec<f64>>,
    pub(crate) case_persona: Vec<u32>,
    pub(crate) issues: Vec<RowIssue>,
}

impl EventLog {
    /// Reads events from any iterator (rows numbered from 0 in iteration order).
    pub fn from_events<'a, I>(names: ColumnNames, events: I) -> Result<Self, Error>
    where
        I: IntoIterator<Item = Event<'a>>,
    {
        let mut b = LogBuilder::new(names)?;
        for e in events {
            b.push(&e);
        }
        Ok(b.finish())
    }

    /// The column settings it was read with.
    pub fn names(&self) -> &ColumnNames {
        &self.names
    }

    /// Number of cases.
    pub fn cases(&self) -> usize {
        self.case_ids.len()
    }

    /// Number of events kept.
    pub fn events(&self) -> usize {
        self.activity.len()
    }

    /// Case id of case `c` (cases in order of first appearance).
    pub fn case_id(&self, c: usize) -> &str {
        self.case_ids.get(c as u32)
    }

    /// Activity names by id (ids in order of first appearance).
    pub fn activity_names(&self) -> &[String] {
        &self.activities
    }

    /// The activity ids of case `c`, in order.
    pub fn case_activities(&self, c: usize) -> &[u32] {
        &self.activity[self.offsets[c]..self.offsets[c + 1]]
    }

    /// The timestamps (nanoseconds) of case `c`, in order.
    pub fn case_times(&self, c: usize) -> &[i64] {
        &self.time[self.offsets[c]..self.offsets[c + 1]]
    }

    /// The persona of case `c`, if the log has one for it.
    pub fn case_persona(&self, c: usize) -> Option<&str> {
        match self.case_persona.get(c) {
            Some(&p) if p != NONE => Some(&self.personas[p as usize]),
            _ => None,
        }
    }

    /// The channel of event `e` (position in the grouped order), if any.
    pub(crate) fn event_channel(&self, e: usize) -> u32 {
        self.channel.get(e).copied().unwrap_or(NONE)
    }

    /// Every rejected row (JM300), ignored value (JM301) and persona conflict (JM303), by row.
    pub fn issues(&self) -> &[RowIssue] {
        &self.issues
    }

    /// The rejected rows only (JM300).
    pub fn rejected(&self) -> impl Iterator<Item = &RowIssue> {
        self.issues
            .iter()
            .filter(|i| i.code == codes::ROW_REJECTED.as_str())
    }

    /// Earliest and latest timestamp (nanoseconds), if any event.
    pub fn time_range(&self) -> Option<(i64, i64)> {
        let min = self.time.iter().min()?;
        let max = self.time.iter().max()?;
        Some((*min, *max))
    }
}
