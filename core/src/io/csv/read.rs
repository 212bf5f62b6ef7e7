//! Reading a touchpoint table: encoding, delimiter, header, and each row as text cells.

use std::collections::HashMap;

use super::build::Builder;
use super::cells::Numbers;
use super::columns::{self, Annotation, Column, Header};
use super::table::{Cell, Row, Table};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::imported::{Imported, ReadOptions};
use crate::model::Scales;
use crate::validate;

/// Reads a table from bytes (UTF-8 with or without BOM; the delimiter `,` or `;` sniffed from
/// the header row).
pub(super) fn read(bytes: &[u8], options: &ReadOptions) -> Imported {
    if bytes.len() > options.limits.max_bytes {
        return Imported::failed(validate::too_large(
            u64::try_from(bytes.len()).ok(),
            &options.limits,
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Imported::failed(not_a_table(
            "the table is UTF-16: save it as CSV UTF-8".to_owned(),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut diagnostics = Vec::new();
    let Some((table, builder)) = rows(bytes, options, &mut diagnostics) else {
        return Imported {
            map: None,
            diagnostics,
        };
    };
    if !builder.has_rows() {
        diagnostics.push(not_a_table(
            "the table has no data row that could be read".to_owned(),
        ));
        return Imported {
            map: None,
            diagnostics,
        };
    }
    let (map, sources) = builder.finish(&table);
    Imported::finish(map, diagnostics, &sources, &options.limits)
}

/// Reads the header, then every row into a builder; `None` (with the reason) when there is no
/// usable header.
fn rows(
    bytes: &[u8],
    options: &ReadOptions,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(Table, Builder)> {
    let delimiter = sniff(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut read: Option<(Table, Builder)> = None;
    for (k, record) in reader.byte_records().enumerate() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                diagnostics.push(not_a_table(format!("the CSV cannot be read: {e}")));
                break;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| u32::try_from(p.line()).unwrap_or(u32::MAX));
        let number = u64::try_from(k).unwrap_or(u64::MAX).saturating_add(1);
        match &mut read {
            None => {
                let mut found = Vec::new();
                let t = header(&record, line, delimiter, &mut found);
                if !t.has(Column::Touchpoint) && !t.has(Column::TouchpointId) {
                    let message =
                        "the header has neither a `touchpoint` nor a `touchpoint_id` column";
                    diagnostics.push(not_a_table(message.to_owned()).at(Some(line), Some(1)));
                    return None;
                }
                diagnostics.append(&mut found);
                let b = Builder::new(&t, options.name.as_deref());
                read = Some((t, b));
            }
            Some((t, b)) => {
                if let Some(row) = row(t, &record, number, line, diagnostics) {
                    b.row(&row, diagnostics);
                }
            }
        }
    }
    if read.is_none() {
        diagnostics.push(not_a_table(
            "the table is empty: a header row is needed".to_owned(),
        ));
    }
    read
}

fn not_a_table(message: String) -> Diagnostic {
    Diagnostic::new(codes::NOT_A_TABLE, "", message)
}

/// `;` when the first line holds more semicolons than commas outside quotes, else `,`.
fn sniff(bytes: &[u8]) -> u8 {
    let (mut commas, mut semicolons, mut quoted) = (0usize, 0usize, false);
    for &b in bytes {
        match b {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            b',' if !quoted => commas += 1,
            b';' if !quoted => semicolons += 1,
            _ => {}
        }
    }
    if semicolons > commas { b';' } else { b',' }
}

/// Reads the header row: each field's column, duplicates and bad annotations reported (and
/// their column ignored), unknown columns reported as kept.
fn header(
    record: &::csv::ByteRecord,
    line: u32,
    delimiter: u8,
    diagnostics: &mut Vec<Diagnostic>,
) -> Table {
    let numbers = Numbers {
        decimal_comma: delimiter == b';',
    };
    let mut table = Table {
        fields: Vec::with_capacity(record.len()),
        scales: Scales::default(),
        numbers,
    };
    let at = |field: usize| (Some(line), u32::try_from(field + 1).ok());
    for (i, raw) in record.iter().enumerate() {
        let (l, c) = at(i);
        let Ok(text) = std::str::from_utf8(raw) else {
            diagnostics.push(
                Diagnostic::new(
                    codes::CELL_NOT_UTF8,
                    "",
                    "row 1: a header cell is not UTF-8",
                )
                .at(l, c),
            );
            table.fields.push(Header::Ignored);
            continue;
        };
        let mut h = columns::header(text);
        let duplicate = table.fields.iter().any(|f| same(f, &h));
        if duplicate {
            let message = format!(
                "row 1: the column `{}` appears twice; this one is ignored",
                text.trim()
            );
            diagnostics.push(Diagnostic::new(codes::INVALID_HEADER, "", message).at(l, c));
            h = Header::Ignored;
        }
        match &h {
            Header::Known(column, Some(a)) if !declare(&mut table.scales, *column, a, numbers) => {
                let message = format!(
                    "row 1: `{}` is not a scale of the column `{}` (write e.g. `emotion [-2..2]`, `effort [1..7 higher_is_easier]`, `duration [hours]`)",
                    a,
                    column.name()
                );
                diagnostics.push(Diagnostic::new(codes::INVALID_HEADER, "", message).at(l, c));
            }
            Header::Extension(key) if key.as_str() != text.trim() => {
                let message = format!(
                    "row 1: the column `{}` is not in the layout; it is kept as `{key}` on each touchpoint",
                    text.trim()
                );
                diagnostics.push(Diagnostic::new(codes::UNKNOWN_COLUMN, "", message).at(l, c));
            }
            _ => {}
        }
        table.fields.push(h);
    }
    table
}

fn same(a: &Header, b: &Header) -> bool {
    match (a, b) {
        (Header::Known(x, _), Header::Known(y, _)) => x == y,
        (Header::Extension(x), Header::Extension(y)) => x == y,
        _ => false,
    }
}

/// Declares the scale an annotation gives; false when it cannot be read or disagrees with
/// another annotation of the same scale.
fn declare(scales: &mut Scales, column: Column, text: &str, numbers: Numbers) -> bool {
    let Some(a) = columns::annotation(column, text, |s| numbers.read(s)) else {
        return false;
    };
    match a {
        Annotation::Range(s) => {
            let slot = match column {
                Column::Importance => &mut scales.importance,
                Column::Satisfaction => &mut scales.satisfaction,
                _ => &mut scales.emotion,
            };
            match slot {
                Some(old) => *old == s,
                None => {
                    *slot = Some(s);
                    true
                }
            }
        }
        Annotation::Effort(e) => {
            scales.effort = Some(e);
            true
        }
        Annotation::TimeUnit(u) => {
            scales.time_unit = Some(u);
            true
        }
    }
}

/// A data row's cells; `None` (with diagnostics) for a row that cannot be read (a cell that is
/// not UTF-8, a non-empty cell without header) or is blank.
fn row(
    table: &Table,
    record: &::csv::ByteRecord,
    number: u64,
    line: u32,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Row> {
    let mut row = Row {
        number,
        line,
        cells: HashMap::new(),
        x: Vec::new(),
    };
    let mut bad = false;
    for (i, raw) in record.iter().enumerate() {
        let field = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let Ok(text) = std::str::from_utf8(raw) else {
            diagnostics.push(row.at(codes::CELL_NOT_UTF8, field, "the cell is not UTF-8"));
            bad = true;
            continue;
        };
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let cell = Cell {
            text: text.to_owned(),
            column: field,
        };
        match table.fields.get(i) {
            Some(Header::Known(c, _)) => {
                row.cells.insert(*c, cell);
            }
            Some(Header::Extension(key)) => row.x.push((key.clone(), cell)),
            Some(Header::Ignored) => {}
            Some(Header::Empty) | None => {
                diagnostics.push(row.at(
                    codes::CELL_WITHOUT_HEADER,
                    field,
                    "the cell has no column name in the header row",
                ));
                bad = true;
            }
        }
    }
    let blank = row.cells.is_empty() && row.x.is_empty();
    (!bad && !blank).then_some(row)
}
