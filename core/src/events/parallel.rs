//! Reading on several threads. A large batch of columns, or a block of a CSV file, is cut into
//! consecutive parts; each part is read into its own builder ([`LogBuilder::fork`]) on its own
//! thread, then the parts are absorbed in order ([`LogBuilder::absorb`]): their names are interned
//! into the first builder in their order of first appearance, their ids renumbered, their
//! persona assignments replayed row by row. The result is the builder a single thread would have
//! built from the same rows, so nothing downstream depends on the number of threads.

use std::ops::Range;

use super::ingest::LogBuilder;
use super::{Error, NONE, RowIssue};

/// Rows below which a batch is read on one thread (starting threads costs more than it saves).
const PARALLEL_ROWS: usize = 1 << 16;

/// The threads to read on: the machine's parallelism, at most 8.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// `0..n` cut into consecutive parts of nearly equal size, one per thread (one part for a small
/// `n`).
pub(crate) fn parts(n: usize) -> Vec<Range<usize>> {
    let k = if n < PARALLEL_ROWS { 1 } else { threads() };
    (0..k).map(|i| i * n / k..(i + 1) * n / k).collect()
}

/// Runs `read(builder, part)` for every part, the first on `first`, the others on forks of it
/// on their own threads, then absorbs the forks in order. `start(part)` is the row number of the
/// part's first row.
pub(crate) fn read_parts<P: Sync>(
    first: &mut LogBuilder,
    parts: &[P],
    start: impl Fn(&P) -> u64,
    read: impl Fn(&mut LogBuilder, &P) -> Result<(), Error> + Sync,
) -> Result<(), Error> {
    let Some((head, rest)) = parts.split_first() else {
        return Ok(());
    };
    let mut forks: Vec<LogBuilder> = rest.iter().map(|p| first.fork(start(p))).collect();
    let read = &read;
    let results: Vec<Result<(), Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = forks
            .iter_mut()
            .zip(rest)
            .map(|(fork, part)| s.spawn(move || read(fork, part)))
            .collect();
        let mut results = vec![read(first, head)];
        for h in handles {
            results.push(
                h.join()
                    .unwrap_or_else(|_| Err(Error::Options("a reading thread failed".to_owned()))),
            );
        }
        results
    });
    for r in results {
        r?;
    }
    for fork in forks {
        first.absorb(fork);
    }
    Ok(())
}

impl LogBuilder {
    /// An empty builder for the rows from `row` on, with the same columns; its persona
    /// assignments wait for [`LogBuilder::absorb`].
    pub(crate) fn fork(&self, row: u64) -> LogBuilder {
        let mut b = LogBuilder::checked(self.names.clone());
        b.next_row = row;
        b.persona_rows = Some(Vec::new());
        b
    }

    /// Appends the events of a part read after every row of `self` (see the module
    /// documentation).
    pub(crate) fn absorb(&mut self, part: LogBuilder) {
        let cases = self.cases.absorb(&part.cases);
        let activities = self.activities.absorb(&part.activities);
        let channels = self.channels.absorb(&part.channels);
        let personas = self.personas.absorb(&part.personas);
        let id = |map: &[u32], i: u32| if i == NONE { NONE } else { map[i as usize] };
        self.ev_case
            .extend(part.ev_case.iter().map(|&c| id(&cases, c)));
        self.ev_activity
            .extend(part.ev_activity.iter().map(|&a| id(&activities, a)));
        self.ev_channel
            .extend(part.ev_channel.iter().map(|&c| id(&channels, c)));
        self.ev_time.extend_from_slice(&part.ev_time);
        for (into, from) in self.ev_metrics.iter_mut().zip(&part.ev_metrics) {
            into.extend_from_slice(from);
        }
        if self.case_persona.len() < self.cases.len() {
            self.case_persona.resize(self.cases.len(), NONE);
        }
        let rows = part.persona_rows.unwrap_or_default();
        self.replay_personas(rows, part.issues, |c| id(&cases, c), |p| id(&personas, p));
        self.next_row = self.next_row.max(part.next_row);
    }

    /// Applies a part's persona assignments (`case` and `persona` map its ids to `self`'s) and
    /// appends its issues. Persona conflicts found now go before the part's other issues of the
    /// same row, where a single thread reports them (a row's persona is set before its survey
    /// values).
    fn replay_personas(
        &mut self,
        rows: Vec<(u64, u32, u32)>,
        issues: Vec<RowIssue>,
        case: impl Fn(u32) -> u32,
        persona: impl Fn(u32) -> u32,
    ) {
        let earlier = std::mem::take(&mut self.issues);
        for (row, c, p) in rows {
            self.set_persona(row, case(c), persona(p));
        }
        let conflicts = std::mem::replace(&mut self.issues, earlier);
        let mut others = issues.into_iter().peekable();
        for c in conflicts {
            while let Some(o) = others.next_if(|o| o.row < c.row) {
                self.issues.push(o);
            }
            self.issues.push(c);
        }
        self.issues.extend(others);
    }

    /// Where the builder is now, to read a part into it directly: until [`LogBuilder::keep_part`]
    /// its persona assignments wait, and [`LogBuilder::drop_part`] takes it back here.
    pub(crate) fn mark(&mut self) -> Mark {
        Mark {
            events: self.ev_case.len(),
            issues: self.issues.len(),
            names: [
                self.cases.len(),
                self.activities.len(),
                self.channels.len(),
                self.personas.len(),
            ],
            case_persona: self.case_persona.len(),
            next_row: self.next_row,
            persona_rows: self.persona_rows.replace(Vec::new()),
        }
    }

    /// Keeps what was read since `mark`, applying its persona assignments.
    pub(crate) fn keep_part(&mut self, mark: Mark) {
        let rows = std::mem::replace(&mut self.persona_rows, mark.persona_rows).unwrap_or_default();
        if let Some(waiting) = &mut self.persona_rows {
            waiting.extend(rows);
            return;
        }
        let issues = self.issues.split_off(mark.issues);
        self.replay_personas(rows, issues, |c| c, |p| p);
    }

    /// Takes back everything read since `mark`.
    pub(crate) fn drop_part(&mut self, mark: Mark) {
        let n = mark.events;
        self.ev_case.truncate(n);
        self.ev_activity.truncate(n.min(self.ev_activity.len()));
        self.ev_channel.truncate(n.min(self.ev_channel.len()));
        self.ev_time.truncate(n);
        for m in &mut self.ev_metrics {
            m.truncate(n);
        }
        self.issues.truncate(mark.issues);
        let [cases, activities, channels, personas] = mark.names;
        self.cases.truncate(cases);
        self.activities.truncate(activities);
        self.channels.truncate(channels);
        self.personas.truncate(personas);
        self.case_persona.truncate(mark.case_persona);
        self.next_row = mark.next_row;
        self.persona_rows = mark.persona_rows;
    }
}

/// What [`LogBuilder::mark`] notes.
#[derive(Debug)]
pub(crate) struct Mark {
    events: usize,
    issues: usize,
    names: [usize; 4],
    case_persona: usize,
    next_row: u64,
    persona_rows: Option<Vec<(u64, u32, u32)>>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;
    use crate::events::columns::{Columns, NumColumn, StrColumn, TimeColumn};
    use crate::events::{ColumnNames, MetricColumn, MetricKind};

    type Row = (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
        Option<f64>,
    );

    fn text(options: &'static [&'static str]) -> impl Strategy<Value = Option<&'static str>> {
        prop_oneof![Just(None), proptest::sample::select(options).prop_map(Some)]
    }

    fn row() -> impl Strategy<Value = Row> {
        (
            text(&["c1", "c2", "c3", " "]),
            text(&["a", "b", ""]),
            text(&["2026-01-01T00:00:02Z", "2026-01-01T00:00:01Z", "bad"]),
            text(&["p", "q", ""]),
            prop_oneof![Just(None), Just(Some(3.0)), Just(Some(9.0))],
        )
    }

    /// The log of `rows` read in the given parts (cut points).
    fn read(rows: &[Row], cuts: &[usize]) -> String {
        let names = ColumnNames {
            persona: Some("persona".to_owned()),
            channel: Some("channel".to_owned()),
            metrics: vec![MetricColumn {
                kind: MetricKind::Csat,
                column: "csat".to_owned(),
                scale: MetricKind::Csat.default_scale(),
            }],
            ..ColumnNames::default()
        };
        let case: Vec<Option<&str>> = rows.iter().map(|r| r.0).collect();
        let activity: Vec<Option<&str>> = rows.iter().map(|r| r.1).collect();
        let time: Vec<Option<&str>> = rows.iter().map(|r| r.2).collect();
        let persona: Vec<Option<&str>> = rows.iter().map(|r| r.3).collect();
        let csat: Vec<Option<f64>> = rows.iter().map(|r| r.4).collect();
        let metrics: [&dyn NumColumn; 1] = [&csat];
        let c = Columns {
            case: &case as &dyn StrColumn,
            activity: &activity,
            timestamp: &time as &dyn TimeColumn,
            channel: Some(&persona),
            persona: Some(&persona),
            metrics: &metrics,
        };
        let mut bounds = vec![0];
        bounds.extend(cuts.iter().map(|&k| k.min(rows.len())));
        bounds.push(rows.len());
        bounds.sort_unstable();
        let parts: Vec<Range<usize>> = bounds.windows(2).map(|w| w[0]..w[1]).collect();
        let mut b = LogBuilder::new(names).unwrap();
        read_parts(
            &mut b,
            &parts,
            |r| r.start as u64,
            |b, r| {
                b.push_range(c, r.clone(), r.start as u64);
                Ok(())
            },
        )
        .unwrap();
        // Debug text: NaN (no answer) is then equal to itself.
        format!("{:?}", b.finish())
    }

    proptest! {
        /// Reading in parts on threads gives the log one thread gives: ids, order, rejected
        /// rows, persona conflicts and ignored values, row numbers.
        #[test]
        fn parts_read_as_one(
            rows in proptest::collection::vec(row(), 0..50),
            cuts in proptest::collection::vec(0..50usize, 1..4),
        ) {
            prop_assert_eq!(read(&rows, &cuts), read(&rows, &[]));
        }
    }

    #[test]
    fn a_conflict_in_a_later_part_is_reported_at_its_row() {
        let rows: Vec<Row> = vec![
            (
                Some("c1"),
                Some("a"),
                Some("2026-01-01T00:00:01Z"),
                Some("p"),
                None,
            ),
            (
                Some("c1"),
                Some("b"),
                Some("2026-01-01T00:00:02Z"),
                Some("q"),
                Some(9.0),
            ),
        ];
        let text = read(&rows, &[1]);
        assert_eq!(text, read(&rows, &[]));
        let log: Vec<&str> = text.matches("JM303").collect();
        assert_eq!(log.len(), 1);
        assert!(text.find("JM303") < text.find("JM301"), "{text}");
    }
}
