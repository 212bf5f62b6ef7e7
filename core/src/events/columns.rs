//! Columnar input (whole columns at once: DataFrames, Arrow batches, JavaScript arrays) and the
//! grouping of a finished log. A large batch is read on several threads, in consecutive parts
//! ([`super::parallel`]); the result does not depend on the threads (ids are given in order of
//! first appearance either way).

use std::ops::Range;

use super::ingest::{EventLog, LogBuilder, Time, blank, time_reason};
use super::intern::Names;
use super::timestamps::TimestampError;
use super::{Error, NONE, RowIssue, parallel};

/// A column of text cells (`None` for a null).
pub trait StrColumn: Sync {
    /// Number of rows.
    fn len(&self) -> usize;
    /// Whether there are no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The cell of row `i` (`i < len`).
    fn get(&self, i: usize) -> Option<&str>;
    /// For a dictionary-encoded column: its values and each row's key (`None` for a null), so
    /// that each distinct value is interned once.
    fn dictionary(&self) -> Option<(&dyn StrColumn, &[Option<u32>])> {
        None
    }
}

/// The id of every row of `rows` of a text column (NONE for a missing or blank cell), interning
/// new values in order of first appearance. A dictionary column interns each value once.
fn intern_column(
    column: &dyn StrColumn,
    rows: Range<usize>,
    interner: &mut super::intern::Interner,
) -> Vec<u32> {
    if let Some((values, keys)) = column.dictionary() {
        const UNSEEN: u32 = NONE - 1;
        let mut memo = vec![UNSEEN; values.len()];
        return keys[rows.start.min(keys.len())..rows.end.min(keys.len())]
            .iter()
            .map(|k| {
                let Some(k) = k.map(|k| k as usize).filter(|&k| k < memo.len()) else {
                    return NONE;
                };
                if memo[k] == UNSEEN {
                    memo[k] = match values.get(k) {
                        Some(v) if !blank(Some(v)) => interner.intern(v),
                        _ => NONE,
                    };
                }
                memo[k]
            })
            .collect();
    }
    rows.map(|i| match column.get(i) {
        Some(v) if !blank(Some(v)) => interner.intern(v),
        _ => NONE,
    })
    .collect()
}

/// A column of timestamps.
pub trait TimeColumn: Sync {
    /// Number of rows.
    fn len(&self) -> usize;
    /// Whether there are no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The timestamp of row `i` as given (for messages), `None` for a null.
    fn time(&self, i: usize) -> Option<Time<'_>>;
}

/// A column of survey answers.
pub trait NumColumn: Sync {
    /// Number of rows.
    fn len(&self) -> usize;
    /// Whether there are no rows.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The answer of row `i`: `Ok(None)` for a null, `Err(text)` for text that is not a number.
    fn value(&self, i: usize) -> Result<Option<f64>, String>;
}

impl<S: AsRef<str> + Sync> StrColumn for Vec<Option<S>> {
    fn len(&self) -> usize {
        <[Option<S>]>::len(self)
    }
    fn get(&self, i: usize) -> Option<&str> {
        self[i].as_ref().map(AsRef::as_ref)
    }
}

impl<S: AsRef<str> + Sync> TimeColumn for Vec<Option<S>> {
    fn len(&self) -> usize {
        <[Option<S>]>::len(self)
    }
    fn time(&self, i: usize) -> Option<Time<'_>> {
        self[i].as_ref().map(|s| Time::Text(s.as_ref()))
    }
}

impl NumColumn for Vec<Option<f64>> {
    fn len(&self) -> usize {
        <[Option<f64>]>::len(self)
    }
    fn value(&self, i: usize) -> Result<Option<f64>, String> {
        Ok(self[i])
    }
}

/// One batch of columns, all of the same length. `metrics` follow
/// [`super::ColumnNames::metrics`].
#[derive(Clone, Copy)]
pub struct Columns<'a> {
    /// Case ids.
    pub case: &'a dyn StrColumn,
    /// Activities.
    pub activity: &'a dyn StrColumn,
    /// Timestamps.
    pub timestamp: &'a dyn TimeColumn,
    /// Channels (read only when the names have a channel column).
    pub channel: Option<&'a dyn StrColumn>,
    /// Personas (read only when the names have a persona column).
    pub persona: Option<&'a dyn StrColumn>,
    /// Survey answers.
    pub metrics: &'a [&'a dyn NumColumn],
}

impl std::fmt::Debug for Columns<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Columns")
            .field("rows", &self.case.len())
            .finish()
    }
}

impl EventLog {
    /// Reads one batch of columns (rows numbered from 0).
    pub fn from_columns(names: super::ColumnNames, columns: Columns<'_>) -> Result<Self, Error> {
        let mut b = LogBuilder::new(names)?;
        b.push_columns(columns)?;
        Ok(b.finish())
    }
}

impl LogBuilder {
    /// Adds a batch of columns; rows are numbered on from the rows pushed before. A large batch
    /// is read on several threads ([`super::parallel`]).
    pub fn push_columns(&mut self, c: Columns<'_>) -> Result<(), Error> {
        let n = c.case.len();
        let lengths = [
            c.activity.len(),
            c.timestamp.len(),
            c.channel.map_or(n, |x| x.len()),
            c.persona.map_or(n, |x| x.len()),
        ];
        if lengths.iter().any(|&l| l != n)
            || c.metrics.len() != self.names.metrics.len()
            || c.metrics.iter().any(|m| m.len() != n)
        {
            return Err(Error::Options(
                "the columns of a batch differ in length, or metric columns are missing".to_owned(),
            ));
        }
        let first = self.next_row;
        parallel::read_parts(
            self,
            &parallel::parts(n),
            |r| first + r.start as u64,
            |b, r| {
                b.push_range(c, r.clone(), first + r.start as u64);
                Ok(())
            },
        )?;
        self.next_row = first + n as u64;
        Ok(())
    }

    /// Adds rows `rows` of a batch, the first numbered `first`.
    pub(crate) fn push_range(&mut self, c: Columns<'_>, rows: Range<usize>, first: u64) {
        let len = rows.len();
        let case_ids = intern_column(c.case, rows.clone(), &mut self.cases);
        let activity = intern_column(c.activity, rows.clone(), &mut self.activities);
        let channel = match (self.spec.channels, c.channel) {
            (true, Some(ch)) => intern_column(ch, rows.clone(), &mut self.channels),
            (true, None) => vec![NONE; len],
            (false, _) => Vec::new(),
        };
        self.ev_case.reserve(len);
        self.ev_activity.reserve(len);
        self.ev_time.reserve(len);
        for (j, i) in rows.enumerate() {
            let row = first + j as u64;
            let (case, act) = (case_ids[j], activity[j]);
            let time = c.timestamp.time(i);
            let nanos = time.map(Time::nanos);
            let Some(Ok(nanos)) = nanos.filter(|_| case != NONE && act != NONE) else {
                let why = self.row_reasons(case, act, time, nanos);
                self.reject(row, why);
                continue;
            };
            self.ev_case.push(case);
            self.ev_activity.push(act);
            if self.spec.channels {
                self.ev_channel.push(channel[j]);
            }
            self.ev_time.push(nanos);
            if case as usize >= self.case_persona.len() {
                self.case_persona.resize(case as usize + 1, NONE);
            }
            if let (true, Some(p)) = (self.spec.personas, c.persona) {
                if let Some(p) = p.get(i).filter(|p| !p.trim().is_empty()) {
                    let p = self.personas.intern(p);
                    self.set_persona(row, case, p);
                }
            }
            for (k, m) in c.metrics.iter().enumerate() {
                let v = match m.value(i) {
                    Ok(v) => self.metric_value(row, k, v),
                    Err(t) => self.metric_text(row, k, Some(&t)),
                };
                self.ev_metrics[k].push(v);
            }
        }
    }

    /// Why a row of a batch is rejected: missing case id, missing activity, unreadable
    /// timestamp, in that order.
    fn row_reasons(
        &self,
        case: u32,
        activity: u32,
        time: Option<Time<'_>>,
        nanos: Option<Result<i64, TimestampError>>,
    ) -> String {
        let names = &self.names;
        let mut why: Vec<String> = Vec::new();
        if case == NONE {
            why.push(format!("missing case id (column \"{}\")", names.case));
        }
        if activity == NONE {
            why.push(format!("missing activity (column \"{}\")", names.activity));
        }
        match (time, nanos) {
            (Some(t), Some(Err(e))) => why.push(time_reason(&names.timestamp, t, e)),
            (None, _) | (_, None) => why.push(format!(
                "timestamp in column \"{}\" cannot be read: {}",
                names.timestamp,
                TimestampError::Empty
            )),
            _ => {}
        }
        why.join("; ")
    }
}

/// Renumbers `ids` (below `len`, NONE kept as NONE) in order of first appearance; the old id of
/// each new one.
fn renumber_by_first_appearance(ids: &mut [u32], len: usize) -> Vec<u32> {
    let mut remap = vec![NONE; len];
    let mut order = Vec::new();
    for i in ids.iter_mut().filter(|i| **i != NONE) {
        let new = &mut remap[*i as usize];
        if *new == NONE {
            *new = order.len() as u32;
            order.push(*i);
        }
        *i = *new;
    }
    order
}

/// Groups the events of a builder by case and orders each case by time, ties in input order.
/// Cases, activities and channels are numbered by first appearance among the kept events, so
/// the result is the same whichever way the rows came in.
impl LogBuilder {
    /// Groups events by case and orders them by time (ties in input order).
    pub fn finish(self) -> EventLog {
        finish(self)
    }
}

fn finish(mut b: LogBuilder) -> EventLog {
    let case_order = renumber_by_first_appearance(&mut b.ev_case, b.cases.len());
    let act_order = renumber_by_first_appearance(&mut b.ev_activity, b.activities.len());
    let chan_order = renumber_by_first_appearance(&mut b.ev_channel, b.channels.len());
    let mut case_ids = Names::default();
    let mut case_persona = Vec::with_capacity(case_order.len());
    for &old in &case_order {
        case_ids.push(b.cases.get(old));
        case_persona.push(b.case_persona.get(old as usize).copied().unwrap_or(NONE));
    }
    let cases = case_order.len();
    let mut counts = vec![0usize; cases];
    for &c in &b.ev_case {
        counts[c as usize] += 1;
    }
    let mut offsets = Vec::with_capacity(cases + 1);
    offsets.push(0usize);
    for &k in &counts {
        offsets.push(offsets[offsets.len() - 1] + k);
    }
    let n = b.ev_case.len();
    // Input already grouped by case has nondecreasing case ids and needs no permutation.
    let order: Option<Vec<u32>> = if b.ev_case.windows(2).all(|w| w[0] <= w[1]) {
        None
    } else {
        let mut next = offsets.clone();
        let mut perm = vec![0u32; n];
        for (i, &c) in b.ev_case.iter().enumerate() {
            perm[next[c as usize]] = i as u32;
            next[c as usize] += 1;
        }
        Some(perm)
    };
    let order = order.as_deref();
    let mut activity = gather(std::mem::take(&mut b.ev_activity), order);
    let mut channel = gather(std::mem::take(&mut b.ev_channel), order);
    let mut time = gather(std::mem::take(&mut b.ev_time), order);
    let mut metrics: Vec<Vec<f64>> = std::mem::take(&mut b.ev_metrics)
        .into_iter()
        .map(|m| gather(m, order))
        .collect();
    sort_within_cases(
        &offsets,
        &mut time,
        &mut activity,
        &mut channel,
        &mut metrics,
    );
    let mut issues = b.issues;
    for i in &mut issues {
        i.row = i.row.saturating_add(b.row_offset);
    }
    issues.sort_by_key(|i: &RowIssue| i.row);
    EventLog {
        spec: b.spec,
        names: b.names,
        case_ids,
        activities: act_order
            .iter()
            .map(|&i| b.activities.get(i).to_owned())
            .collect(),
        channels: chan_order
            .iter()
            .map(|&i| b.channels.get(i).to_owned())
            .collect(),
        personas: b.personas.strings(),
        offsets,
        activity,
        channel,
        time,
        metrics,
        case_persona,
        issues,
    }
}

/// `values` in the order of `order` (as they are without one).
fn gather<T: Copy>(values: Vec<T>, order: Option<&[u32]>) -> Vec<T> {
    match order {
        Some(p) if values.len() == p.len() => p.iter().map(|&i| values[i as usize]).collect(),
        _ => values,
    }
}

/// Stable sort of each case's events by time (only cases that are out of order are touched).
fn sort_within_cases(
    offsets: &[usize],
    time: &mut [i64],
    activity: &mut [u32],
    channel: &mut [u32],
    metrics: &mut [Vec<f64>],
) {
    let mut idx: Vec<usize> = Vec::new();
    for w in offsets.windows(2) {
        let (a, z) = (w[0], w[1]);
        if time[a..z].windows(2).all(|p| p[0] <= p[1]) {
            continue;
        }
        idx.clear();
        idx.extend(a..z);
        idx.sort_by_key(|&i| time[i]);
        let permute_u32 = |v: &mut [u32], idx: &[usize]| {
            if v.len() >= z {
                let tmp: Vec<u32> = idx.iter().map(|&i| v[i]).collect();
                v[a..z].copy_from_slice(&tmp);
            }
        };
        permute_u32(activity, &idx);
        permute_u32(channel, &idx);
        for m in metrics.iter_mut() {
            let tmp: Vec<f64> = idx.iter().map(|&i| m[i]).collect();
            m[a..z].copy_from_slice(&tmp);
        }
        let tmp: Vec<i64> = idx.iter().map(|&i| time[i]).collect();
        time[a..z].copy_from_slice(&tmp);
    }
}
