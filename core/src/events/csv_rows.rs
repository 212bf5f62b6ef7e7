//! The records of a part of a CSV file, field by field, as the `csv` crate reads them (comma
//! delimiter, `"` quotes doubled inside quoted fields, `\r`, `\n` and `\r\n` ending a record,
//! blank lines skipped). A line whose fields are plain or wholly quoted without inner quotes,
//! and which has no `\r` before its end, is split in place by one pass over its bytes, without
//! copying; any other record is read by the `csv_core` parser into a buffer.

use std::ops::Range;

use csv_core::ReadRecordResult;

/// One record: its fields are `text[r]` for each range `r`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Record<'a> {
    /// The line the record starts on.
    pub row: u64,
    /// The fields' bytes as text; `None` when they are not UTF-8.
    pub text: Option<&'a str>,
    pub fields: &'a [Range<usize>],
}

/// The records of `bytes`, whose first line is `line`.
pub(super) struct Rows<'a> {
    bytes: &'a [u8],
    pos: usize,
    row: u64,
    /// The part as text, when it is UTF-8 (then no line needs checking).
    text: Option<&'a str>,
    fields: Vec<Range<usize>>,
    core: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    /// Whether the last record read ended outside a quoted field.
    clean: bool,
}

impl<'a> Rows<'a> {
    pub(super) fn new(bytes: &'a [u8], line: u64) -> Self {
        Self {
            bytes,
            pos: 0,
            row: line,
            text: std::str::from_utf8(bytes).ok(),
            fields: Vec::new(),
            core: csv_core::Reader::new(),
            out: vec![0; 256],
            ends: vec![0; 16],
            clean: true,
        }
    }

    /// Whether the last record read ended outside a quoted field (an unterminated quoted field
    /// runs to the end of the bytes, so its last field ends with the line end the part was cut
    /// after).
    pub(super) fn clean(&self) -> bool {
        self.clean
    }

    /// The next record, `None` at the end.
    pub(super) fn next_record(&mut self) -> Option<Record<'_>> {
        // Blank lines (and the `\n` of a `\r\n` after a record read by the parser) are skipped.
        while let Some(&b) = self.bytes.get(self.pos) {
            match b {
                b'\n' => self.row += 1,
                b'\r' => {}
                _ => break,
            }
            self.pos += 1;
        }
        if self.pos >= self.bytes.len() {
            return None;
        }
        let rest = &self.bytes[self.pos..];
        if let Some((len, next)) = split_plain(rest, &mut self.fields) {
            let line = &rest[..len];
            let text = match self.text {
                Some(t) => t.get(self.pos..self.pos + len),
                None => std::str::from_utf8(line).ok(),
            };
            let row = self.row;
            self.clean = !self
                .fields
                .last()
                .is_some_and(|f| ends_open(&line[f.clone()]));
            self.row += u64::from(rest[..next].ends_with(b"\n"));
            self.pos += next;
            return Some(Record {
                row,
                text,
                fields: &self.fields,
            });
        }
        self.parse_one()
    }

    /// Reads one record with the parser (a quoted field with quotes or line ends inside, a
    /// quote inside an unquoted field, a lone `\r`).
    fn parse_one(&mut self) -> Option<Record<'_>> {
        self.core.reset();
        let start = self.pos;
        let (mut nout, mut nend) = (0, 0);
        loop {
            let input = &self.bytes[self.pos..];
            let (res, i, o, e) =
                self.core
                    .read_record(input, &mut self.out[nout..], &mut self.ends[nend..]);
            self.pos += i;
            nout += o;
            nend += e;
            match res {
                // Every byte of the part is given at once: an empty input is its end, which a
                // further call with no input tells the parser.
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.out.resize(self.out.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                ReadRecordResult::Record => break,
                ReadRecordResult::End => return None,
            }
        }
        let row = self.row;
        self.row += newlines(&self.bytes[start..self.pos]);
        self.fields.clear();
        let mut from = 0;
        for &end in &self.ends[..nend] {
            self.fields.push(from..end);
            from = end;
        }
        self.clean = !self
            .fields
            .last()
            .is_some_and(|f| ends_open(&self.out[f.clone()]));
        Some(Record {
            row,
            text: std::str::from_utf8(&self.out[..nout]).ok(),
            fields: &self.fields,
        })
    }
}

/// Whether a record's last field may be an unterminated quoted field that ran to the end of the
/// part (it then ends with the line end the part was cut after; a closed quoted field ending
/// with a line end counts too, which only costs a sequential reading).
fn ends_open(field: &[u8]) -> bool {
    matches!(field.last(), Some(b'\n' | b'\r'))
}

/// Eight copies of a byte, one in each byte of a word.
const fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

const LOW7: u64 = splat(0x7f);
const HIGH: u64 = splat(0x80);

/// The high bit of each byte of `word` that is `,`, `"`, `\r` or `\n`. A byte of `x` is zero
/// exactly when `(x & 0x7f) + 0x7f | x` lacks its high bit (no carry crosses bytes, so no
/// false positives); a byte is special when that holds for one of the four `x = word ^ splat`.
fn special_mask(word: u64) -> u64 {
    let nonzero = |x: u64| ((x & LOW7) + LOW7) | x;
    let all = nonzero(word ^ splat(b','))
        & nonzero(word ^ splat(b'"'))
        & nonzero(word ^ splat(b'\r'))
        & nonzero(word ^ splat(b'\n'));
    !all & HIGH
}

/// The high bit of each byte of `word` that is `"` or `\n`.
fn quote_mask(word: u64) -> u64 {
    let nonzero = |x: u64| ((x & LOW7) + LOW7) | x;
    !(nonzero(word ^ splat(b'"')) & nonzero(word ^ splat(b'\n'))) & HIGH
}

/// The first eight bytes of `bytes` as a little-endian word, padded with zero bytes (which are
/// never searched for); `None` when `bytes` is empty.
fn word(bytes: &[u8]) -> Option<u64> {
    if let Some(w) = bytes.first_chunk::<8>() {
        return Some(u64::from_le_bytes(*w));
    }
    if bytes.is_empty() {
        return None;
    }
    let mut w = [0; 8];
    for (d, &b) in w.iter_mut().zip(bytes) {
        *d = b;
    }
    Some(u64::from_le_bytes(w))
}

/// The first position at or after `at` of `"` or `\n` (`quoted`), or else of `,`, `"`, `\r`
/// or `\n`, found eight bytes at a time (the lowest set bit is the first byte).
fn find_special(bytes: &[u8], mut at: usize, quoted: bool) -> Option<usize> {
    loop {
        let w = word(bytes.get(at..)?)?;
        let mask = if quoted {
            quote_mask(w)
        } else {
            special_mask(w)
        };
        if mask != 0 {
            return Some(at + (mask.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
}

/// Splits the record at the start of `rest` into `fields` (ranges of `rest`) when it is one
/// line (ended by `\n`, `\r\n`, or the end of `rest`) whose fields are each plain (no quote,
/// no `\r`) or wholly quoted without a quote or `\n` inside: the length of the line without
/// its end, and with it. `None` (and `fields` unspecified) otherwise.
fn split_plain(rest: &[u8], fields: &mut Vec<Range<usize>>) -> Option<(usize, usize)> {
    fields.clear();
    let mut i = 0;
    loop {
        // At the start of a field: `end` is where its text ends (its closing quote excluded).
        let end = if rest.get(i) == Some(&b'"') {
            let close = find_special(rest, i + 1, true)?;
            if rest.get(close) != Some(&b'"') {
                return None;
            }
            fields.push(i + 1..close);
            close + 1
        } else {
            let end = find_special(rest, i, false).unwrap_or(rest.len());
            fields.push(i..end);
            end
        };
        match rest.get(end) {
            Some(b',') => i = end + 1,
            None => return Some((end, end)),
            Some(b'\n') => return Some((end, end + 1)),
            Some(b'\r') => {
                return match rest.get(end + 1) {
                    Some(b'\n') => Some((end, end + 2)),
                    None => Some((end, end + 1)),
                    Some(_) => None,
                };
            }
            // A quote inside an unquoted field, or text after a closing quote.
            Some(_) => return None,
        }
    }
}

/// How many line ends (`\n`) `bytes` holds.
pub(super) fn newlines(bytes: &[u8]) -> u64 {
    if bytes.len() < 256 {
        // A record's line or two: a plain count beats setting up the vector search.
        bytes.iter().filter(|&&b| b == b'\n').count() as u64
    } else {
        memchr::memchr_iter(b'\n', bytes).count() as u64
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::{Rows, find_special};

    /// (row, whether the fields are text, the fields) of each record.
    type Seen = Vec<(u64, bool, Vec<String>)>;

    fn rows(bytes: &[u8], line: u64) -> (Seen, bool) {
        let mut rows = Rows::new(bytes, line);
        let mut seen = Vec::new();
        while let Some(r) = rows.next_record() {
            let fields = r
                .fields
                .iter()
                .map(|f| {
                    r.text
                        .and_then(|t| t.get(f.clone()))
                        .unwrap_or("?")
                        .to_owned()
                })
                .collect();
            seen.push((r.row, r.text.is_some(), fields));
        }
        (seen, rows.clean())
    }

    /// The records as the `csv` crate reads them, numbered by the line each starts on.
    fn csv_crate(bytes: &[u8], line: u64) -> (Seen, bool) {
        let mut csv = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_reader(bytes);
        let mut record = csv::ByteRecord::new();
        let mut seen = Vec::new();
        let mut clean = true;
        let (mut at, mut row) = (0, line);
        while csv.read_byte_record(&mut record).unwrap() {
            let mut start = record.position().map_or(at, |p| p.byte() as usize);
            while matches!(bytes.get(start), Some(b'\n' | b'\r')) {
                start += 1;
            }
            row += bytes[at.min(start)..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            at = start;
            clean = !record
                .iter()
                .next_back()
                .is_some_and(|f| f.ends_with(b"\n") || f.ends_with(b"\r"));
            let fields: Option<Vec<String>> = record
                .iter()
                .map(|f| std::str::from_utf8(f).ok().map(str::to_owned))
                .collect();
            let text = fields.is_some();
            let fields = fields.unwrap_or_else(|| vec!["?".to_owned(); record.len()]);
            seen.push((row, text, fields));
        }
        (seen, clean)
    }

    fn piece() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            Just(b"a".to_vec()),
            Just(b"bc".to_vec()),
            Just(b",".to_vec()),
            Just(b",".to_vec()),
            Just(b"\"".to_vec()),
            Just(b"\"q\"".to_vec()),
            Just(b"\"\"".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b"\r".to_vec()),
            Just(b" ".to_vec()),
            Just("é".as_bytes().to_vec()),
            Just(b"\xff".to_vec()),
            Just(b"\xc3".to_vec()),
        ]
    }

    proptest! {
        /// Every record, its fields and its line are those the `csv` crate reads, whatever the
        /// quoting, line ends and bytes; so is whether the last one ended outside quotes.
        #[test]
        fn records_are_the_csv_crates(
            pieces in proptest::collection::vec(piece(), 0..80),
            line in 1..5u64,
        ) {
            let bytes = pieces.concat();
            prop_assert_eq!(rows(&bytes, line), csv_crate(&bytes, line));
        }

        /// Lines of plain and quoted fields, as a log holds them.
        #[test]
        fn plain_lines_are_the_csv_crates(
            lines in proptest::collection::vec(
                proptest::collection::vec("(\"[a-z ,]{0,4}\"|[a-z ]{0,4})", 1..5),
                0..20,
            ),
            crlf: bool,
        ) {
            let end = if crlf { "\r\n" } else { "\n" };
            let text: String = lines.iter().map(|l| l.join(",") + end).collect();
            prop_assert_eq!(rows(text.as_bytes(), 2), csv_crate(text.as_bytes(), 2));
        }
    }

    /// The positions of the special bytes, found one byte at a time.
    fn specials_bytewise(bytes: &[u8]) -> Vec<usize> {
        (0..bytes.len())
            .filter(|&i| matches!(bytes[i], b',' | b'"' | b'\r' | b'\n'))
            .collect()
    }

    /// The positions `find_special` finds (in a quoted field with `quoted`), each search
    /// starting after the last position.
    fn by_words(bytes: &[u8], quoted: bool) -> Vec<usize> {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(p) = find_special(bytes, at, quoted) {
            found.push(p);
            at = p + 1;
        }
        found
    }

    fn byte() -> impl Strategy<Value = u8> {
        prop_oneof![
            any::<u8>(),
            proptest::sample::select(vec![b',', b'"', b'\r', b'\n', 0, 0x80, 0xff]),
        ]
    }

    proptest! {
        /// The word-at-a-time scan finds the special bytes a bytewise scan finds, whatever the
        /// bytes and length.
        #[test]
        fn specials_are_found_as_bytewise(bytes in proptest::collection::vec(byte(), 0..100)) {
            prop_assert_eq!(by_words(&bytes, false), specials_bytewise(&bytes));
            let quotes: Vec<usize> = (0..bytes.len()).filter(|&i| matches!(bytes[i], b'"' | b'\n')).collect();
            prop_assert_eq!(by_words(&bytes, true), quotes);
        }
    }

    #[test]
    fn every_byte_value_is_scanned_in_every_position() {
        let all: Vec<u8> = (0..=255).collect();
        for start in 0..16 {
            for len in 0..=all.len() - start {
                let bytes = &all[start..start + len];
                assert_eq!(by_words(bytes, false), specials_bytewise(bytes));
            }
        }
        // Each value next to each special byte, on both sides of a word boundary.
        for b in 0..=255u8 {
            for s in [b',', b'"', b'\r', b'\n'] {
                for at in 0..10 {
                    let mut bytes = vec![b; 17];
                    bytes[at] = s;
                    assert_eq!(by_words(&bytes, false), specials_bytewise(&bytes));
                }
            }
        }
    }

    #[test]
    fn quoted_line_ends_and_doubled_quotes_are_read_by_the_parser() {
        let text = b"a,\"x\ny\",1\r\n\"q\"\"r\",b,2\nc,d,3";
        let (seen, clean) = rows(text, 2);
        assert!(clean);
        assert_eq!(
            seen,
            vec![
                (2, true, vec!["a".into(), "x\ny".into(), "1".into()]),
                (4, true, vec!["q\"r".into(), "b".into(), "2".into()]),
                (5, true, vec!["c".into(), "d".into(), "3".into()]),
            ]
        );
    }
}
