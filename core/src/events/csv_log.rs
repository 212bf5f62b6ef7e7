//! Event logs from CSV with a header row. The input is read in blocks; a block is cut at line
//! ends outside quoted fields into one part per thread, each part parsed into its own builder and
//! the parts absorbed in order ([`super::parallel`]). A cut is found by counting quotes; each part
//! is then checked to have ended outside a quoted field; when a check fails (a quote inside an
//! unquoted field can fool the count) the parts are dropped and the rest of the input is read
//! whole on one thread, so the result is always the one a single sequential reader gives.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use super::csv_rows::{Record, Rows, newlines};
use super::ingest::{Event, EventLog, LogBuilder, Time};
use super::{ColumnNames, Error, parallel, survey_number};

/// Bytes read at a time.
const BLOCK: usize = 1 << 23;

/// Blocks smaller than this are read on one thread.
const PARALLEL_BYTES: usize = 1 << 20;

/// Where each needed column is in a CSV header.
struct Layout {
    width: usize,
    case: usize,
    activity: usize,
    timestamp: usize,
    channel: Option<usize>,
    persona: Option<usize>,
    metrics: Vec<usize>,
}

fn layout(header: &[String], names: &ColumnNames) -> Result<Layout, Error> {
    let find = |name: &str| -> Result<usize, Error> {
        header
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| Error::MissingColumn {
                column: name.to_owned(),
                available: header.join(", "),
            })
    };
    Ok(Layout {
        width: header.len(),
        case: find(&names.case)?,
        activity: find(&names.activity)?,
        timestamp: find(&names.timestamp)?,
        channel: names.channel.as_deref().map(find).transpose()?,
        persona: names.persona.as_deref().map(find).transpose()?,
        metrics: names
            .metrics
            .iter()
            .map(|m| find(&m.column))
            .collect::<Result<_, _>>()?,
    })
}

impl EventLog {
    /// Reads a CSV log with a header row (see [`read_csv`]).
    pub fn from_csv<R: Read>(reader: R, names: ColumnNames) -> Result<Self, Error> {
        let mut b = LogBuilder::new(names)?;
        read_csv(reader, &mut b)?;
        Ok(b.finish())
    }

    /// Reads a CSV file (see [`read_csv`]).
    pub fn from_csv_path(path: impl AsRef<Path>, names: ColumnNames) -> Result<Self, Error> {
        let mut b = LogBuilder::new(names)?;
        read_csv_path(path, &mut b)?;
        Ok(b.finish())
    }
}

/// Reads a CSV file with a header row into `builder` (see [`read_csv`]); a file that cannot be
/// opened is JM304.
pub fn read_csv_path(path: impl AsRef<Path>, builder: &mut LogBuilder) -> Result<(), Error> {
    let path = path.as_ref();
    let file = std::fs::File::open(path)
        .map_err(|e| Error::Unreadable(format!("{}: {e}", path.display())))?;
    read_csv(file, builder)
}

/// Reads CSV with a header row into `builder`. Rows are numbered by the line they start on (the
/// header is line 1). A row with a different number of fields than the header, or a field that
/// is not UTF-8, is rejected; a missing column named in the options is an error (JM302).
pub fn read_csv<R: Read>(reader: R, builder: &mut LogBuilder) -> Result<(), Error> {
    read_csv_in(reader, builder, BLOCK, PARALLEL_BYTES)
}

/// [`read_csv`] with `block_size` bytes read at a time, blocks under `parallel` bytes on one
/// thread.
fn read_csv_in<R: Read>(
    mut reader: R,
    builder: &mut LogBuilder,
    block_size: usize,
    parallel: usize,
) -> Result<(), Error> {
    let mut buf: Vec<u8> = Vec::new();
    let (lay, mut start, mut line, mut eof) = loop {
        let eof = fill(&mut reader, &mut buf, block_size)?;
        if let Some((lay, end, line)) = header(&buf, eof, &builder.names)? {
            break (lay, end, line, eof);
        }
    };
    loop {
        let rest = &buf[start..];
        let cut = if eof { rest.len() } else { safe_cut(rest, 1.0) };
        if cut > 0 {
            let block = &rest[..cut];
            let parts = if block.len() < parallel {
                1
            } else {
                parallel::threads()
            };
            if !read_block(block, line, &lay, builder, parts, eof)? {
                // A quote inside an unquoted field fooled the quote count: the rest of the input
                // is read whole, on one thread.
                reader
                    .read_to_end(&mut buf)
                    .map_err(|e| Error::Unreadable(e.to_string()))?;
                return read_records(&buf[start..], line, &lay, builder).map(|_| ());
            }
            line += newlines(block);
            start += cut;
        }
        if eof {
            return Ok(());
        }
        buf.drain(..start);
        start = 0;
        eof = fill(&mut reader, &mut buf, block_size)?;
    }
}

/// Appends up to `block` bytes to `buf`; whether the input is at its end.
fn fill<R: Read>(reader: &mut R, buf: &mut Vec<u8>, block: usize) -> Result<bool, Error> {
    let want = buf.len() + block;
    let mut chunk = reader.by_ref().take(block as u64);
    buf.reserve(block);
    chunk
        .read_to_end(buf)
        .map_err(|e| Error::Unreadable(e.to_string()))?;
    Ok(buf.len() < want)
}

/// The header's layout, where the rows start and the line they start on; `None` while the
/// header's line is not complete in `buf`.
fn header(
    buf: &[u8],
    eof: bool,
    names: &ColumnNames,
) -> Result<Option<(Layout, usize, u64)>, Error> {
    let mut csv = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(buf);
    let mut record = csv::ByteRecord::new();
    let found = csv
        .read_byte_record(&mut record)
        .map_err(|e| Error::Unreadable(e.to_string()))?;
    let end = csv.position().byte() as usize;
    if !eof && !buf[..end.min(buf.len())].ends_with(b"\n") {
        return Ok(None);
    }
    if !found {
        return Err(Error::Unreadable(
            "the file is empty (no header row)".to_owned(),
        ));
    }
    let header: Vec<String> = record
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let f = if i == 0 {
                f.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(f)
            } else {
                f
            };
            String::from_utf8_lossy(f).trim().to_owned()
        })
        .collect();
    Ok(Some((
        layout(&header, names)?,
        end,
        1 + newlines(&buf[..end.min(buf.len())]),
    )))
}

/// The end of the first line at or after `at` (a fraction of the length) that is outside quoted
/// fields by the quote count (`bytes.len()` when there is none); with `at` 1, the end of the last
/// such line (0 when there is none).
fn safe_cut(bytes: &[u8], at: f64) -> usize {
    let from = ((bytes.len() as f64 * at) as usize).min(bytes.len());
    let mut quotes = memchr::memchr_iter(b'"', &bytes[..from]).count();
    if at >= 1.0 {
        // The last line end outside quotes, walking back from the end.
        let mut end = bytes.len();
        for p in memchr::memrchr_iter(b'\n', bytes) {
            quotes -= memchr::memchr_iter(b'"', &bytes[p..end]).count();
            end = p;
            if quotes % 2 == 0 {
                return p + 1;
            }
        }
        return 0;
    }
    let mut seen = from;
    for p in memchr::memchr_iter(b'\n', &bytes[from..]).map(|p| p + from) {
        quotes += memchr::memchr_iter(b'"', &bytes[seen..p]).count();
        seen = p;
        if quotes % 2 == 0 {
            return p + 1;
        }
    }
    bytes.len()
}

/// A block cut into `k` parts (fewer when lines are long) at line ends outside quoted fields.
fn split(block: &[u8], k: usize) -> Vec<Range<usize>> {
    let mut cuts = vec![0];
    for i in 1..k {
        let c = safe_cut(block, i as f64 / k as f64);
        if c > cuts[cuts.len() - 1] && c < block.len() {
            cuts.push(c);
        }
    }
    cuts.push(block.len());
    cuts.windows(2).map(|w| w[0]..w[1]).collect()
}

/// Reads a block whose first line is `line`, in `parts` parts: the first into `builder` itself,
/// the others each into a fork of it, absorbed when every part ends outside a quoted field (the
/// last one unless `last`, the end of the input). Otherwise a cut was wrong: `Ok(false)`, and
/// `builder` is taken back to where it was.
fn read_block(
    block: &[u8],
    line: u64,
    lay: &Layout,
    builder: &mut LogBuilder,
    parts: usize,
    last: bool,
) -> Result<bool, Error> {
    let parts = split(block, parts);
    let mut jobs: Vec<(&[u8], u64)> = Vec::with_capacity(parts.len());
    let mut next = line;
    for p in &parts {
        jobs.push((&block[p.clone()], next));
        next += newlines(&block[p.clone()]);
    }
    let Some((&(head, head_line), others)) = jobs.split_first() else {
        return Ok(true);
    };
    let mut forks: Vec<LogBuilder> = others.iter().map(|&(_, l)| builder.fork(l)).collect();
    let mark = builder.mark();
    let results: Vec<Result<bool, Error>> = std::thread::scope(|s| {
        let handles: Vec<_> = forks
            .iter_mut()
            .zip(others)
            .map(|(fork, &(bytes, l))| s.spawn(move || read_records(bytes, l, lay, fork)))
            .collect();
        let mut results = vec![read_records(head, head_line, lay, builder)];
        for h in handles {
            results.push(
                h.join()
                    .unwrap_or_else(|_| Err(Error::Options("a reading thread failed".to_owned()))),
            );
        }
        results
    });
    let n = results.len();
    let mut clean = true;
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok(ended) => clean &= ended || last && i + 1 == n,
            Err(e) => {
                builder.drop_part(mark);
                return Err(e);
            }
        }
    }
    if !clean {
        builder.drop_part(mark);
        return Ok(false);
    }
    builder.keep_part(mark);
    for fork in forks {
        builder.absorb(fork);
    }
    Ok(true)
}

/// Reads the records of `bytes`, whose first line is `line`, into `builder`; whether the last
/// record ended outside a quoted field (see [`Rows::clean`]).
fn read_records(
    bytes: &[u8],
    line: u64,
    lay: &Layout,
    builder: &mut LogBuilder,
) -> Result<bool, Error> {
    let mut rows = Rows::new(bytes, line);
    let mut metrics: Vec<Option<f64>> = vec![None; lay.metrics.len()];
    while let Some(record) = rows.next_record() {
        push_record(builder, lay, &record, &mut metrics);
    }
    Ok(rows.clean())
}

/// Adds one record.
fn push_record(
    builder: &mut LogBuilder,
    lay: &Layout,
    record: &Record<'_>,
    metrics: &mut [Option<f64>],
) {
    let (row, fields) = (record.row, record.fields);
    if fields.len() != lay.width {
        if fields.len() == 1 && fields[0].is_empty() {
            return; // a blank line
        }
        builder.reject(
            row,
            format!(
                "wrong column count: expected {}, found {}",
                lay.width,
                fields.len()
            ),
        );
        return;
    }
    // The record's text checked once; a field is valid when it also starts and ends on
    // character boundaries.
    let field = |i: usize| {
        record
            .text
            .zip(fields.get(i))
            .and_then(|(w, r)| w.get(r.clone()))
    };
    if !(0..fields.len()).all(|i| field(i).is_some()) {
        builder.reject(row, "a field is not UTF-8 text");
        return;
    }
    let text = |i: usize| field(i).unwrap_or("");
    let mut ok = true;
    for (k, &i) in lay.metrics.iter().enumerate() {
        match survey_number(text(i)) {
            Ok(v) => metrics[k] = v,
            Err(_) => {
                metrics[k] = None;
                ok = false;
            }
        }
    }
    let event = Event {
        case: text(lay.case),
        activity: text(lay.activity),
        timestamp: Time::Text(text(lay.timestamp)),
        channel: lay.channel.map(text),
        persona: lay.persona.map(text),
        metrics,
    };
    let before = builder.len();
    builder.push_at(row, &event);
    if !ok && builder.len() > before {
        // Re-read the cells that did not parse, to report them (JM301); the event is kept.
        for (k, &i) in lay.metrics.iter().enumerate() {
            if metrics[k].is_none() {
                let v = builder.metric_text(row, k, Some(text(i)));
                if let Some(last) = builder.ev_metrics[k].last_mut() {
                    *last = v;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;
    use crate::events::{EventLog, MetricColumn, MetricKind};

    fn names() -> ColumnNames {
        let mut names = ColumnNames {
            persona: Some("persona".to_owned()),
            ..ColumnNames::default()
        };
        names.metrics.push(MetricColumn {
            kind: MetricKind::Csat,
            column: "csat".to_owned(),
            scale: MetricKind::Csat.default_scale(),
        });
        names
    }

    /// The log of `text` (after its header) read in `parts` parts.
    fn read(text: &str, parts: usize) -> Result<EventLog, Error> {
        let mut b = LogBuilder::new(names())?;
        let bytes = text.as_bytes();
        let Some((lay, end, line)) = header(bytes, true, &b.names)? else {
            return Err(Error::Options("no header".to_owned()));
        };
        if !read_block(&bytes[end..], line, &lay, &mut b, parts, true)? {
            read_records(&bytes[end..], line, &lay, &mut b)?;
        }
        Ok(b.finish())
    }

    fn cell() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("a".to_owned()),
            Just("b".to_owned()),
            Just(String::new()),
            Just(" ".to_owned()),
            Just("\"x\ny\"".to_owned()),
            Just("\"q,\"\"\n\"".to_owned()),
            Just("5\" x".to_owned()),
            Just("y\"".to_owned()),
        ]
    }

    fn row() -> impl Strategy<Value = String> {
        (
            cell(),
            cell(),
            prop_oneof![
                Just("2026-01-01T00:00:01Z"),
                Just("1767225600"),
                Just("bad"),
                Just("1767225500"),
            ],
            prop_oneof![Just("p"), Just("q"), Just("")],
            prop_oneof![Just("4"), Just("x"), Just("9"), Just("")],
            0..8u8,
        )
            .prop_map(|(c, a, t, p, m, shape)| match shape {
                0 => format!("{c},{a}\n"),
                1 => "\n".to_owned(),
                _ => format!("{c},{a},{t},{p},{m}\n"),
            })
    }

    proptest! {
        /// Reading in parts gives the log a single reader gives, whatever the quoting.
        #[test]
        fn parts_read_as_one(rows in proptest::collection::vec(row(), 0..60), k in 2..5usize) {
            let text = format!("case_id,activity,timestamp,persona,csat\n{}", rows.concat());
            let one = read(&text, 1);
            let many = read(&text, k);
            match (one, many) {
                // Debug text: NaN (no answer) is then equal to itself.
                (Ok(a), Ok(b)) => prop_assert_eq!(format!("{a:?}"), format!("{b:?}")),
                (a, b) => prop_assert_eq!(a.is_err(), b.is_err()),
            }
        }
    }

    /// The log of `text` read block by block.
    fn read_blocks(text: &str, block: usize, parallel: usize) -> Result<EventLog, Error> {
        let mut b = LogBuilder::new(names())?;
        read_csv_in(text.as_bytes(), &mut b, block, parallel)?;
        Ok(b.finish())
    }

    proptest! {
        /// Reading in small blocks (lines cut across blocks, blocks in parts) gives the log one
        /// block gives.
        #[test]
        fn blocks_read_as_one(
            rows in proptest::collection::vec(row(), 0..40),
            block in 1..120usize,
            parallel in 1..80usize,
        ) {
            let text = format!("case_id,activity,timestamp,persona,csat\n{}", rows.concat());
            let one = read_blocks(&text, 1 << 20, usize::MAX);
            let many = read_blocks(&text, block, parallel);
            match (one, many) {
                (Ok(a), Ok(b)) => prop_assert_eq!(format!("{a:?}"), format!("{b:?}")),
                (a, b) => prop_assert_eq!(a.is_err(), b.is_err()),
            }
        }
    }

    #[test]
    fn a_stray_quote_does_not_move_a_cut_into_a_quoted_field() {
        // The stray quote makes the count odd; the line end counted as outside quotes is inside
        // the quoted activity of case b; the check finds it and the block is read again whole.
        let text = "case_id,activity,timestamp,persona,csat\n\
                    a,5\" x,1767225600,p,4\n\
                    b,\"multi\nline\",1767225601,p,4\n\
                    c,z,1767225602,q,4\n";
        let one = read(text, 1).unwrap();
        for k in 2..6 {
            let many = read(text, k).unwrap();
            assert_eq!(format!("{many:?}"), format!("{one:?}"));
        }
        assert_eq!(one.events(), 3);
        assert_eq!(one.activity_names()[1], "multi\nline");
    }
}
