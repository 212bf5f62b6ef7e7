//! A touchpoint table as read: the header (what each field holds) and the rows as text cells,
//! shared by the reader (`read`) and the map builder (`build`).

use std::collections::HashMap;

use super::cells::Numbers;
use super::columns::{Column, Header};
use crate::diagnostics::Diagnostic;
use crate::model::Scales;

/// The header as read: what each field position holds, the declared scales, how numbers are
/// written.
#[derive(Debug)]
pub(super) struct Table {
    pub(super) fields: Vec<Header>,
    pub(super) scales: Scales,
    pub(super) numbers: Numbers,
}

impl Table {
    /// Whether the header has `column`.
    pub(super) fn has(&self, column: Column) -> bool {
        self.fields
            .iter()
            .any(|h| matches!(h, Header::Known(c, _) if *c == column))
    }
}

/// One cell: its trimmed text and its 1-based field position.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cell {
    pub(super) text: String,
    pub(super) column: u32,
}

/// One data row: where it is, its non-empty cells by column, its non-empty `x-` cells.
#[derive(Debug, Clone)]
pub(super) struct Row {
    /// 1-based row number (the header is row 1).
    pub(super) number: u64,
    /// 1-based line where the row starts.
    pub(super) line: u32,
    pub(super) cells: HashMap<Column, Cell>,
    pub(super) x: Vec<(String, Cell)>,
}

impl Row {
    pub(super) fn get(&self, column: Column) -> Option<&Cell> {
        self.cells.get(&column)
    }

    pub(super) fn text(&self, column: Column) -> Option<&str> {
        self.get(column).map(|c| c.text.as_str())
    }

    /// A diagnostic at `column` of this row, its message prefixed with the row and column.
    pub(super) fn error(
        &self,
        code: crate::Code,
        column: Column,
        message: impl std::fmt::Display,
    ) -> Diagnostic {
        let field = self.get(column).map_or(1, |c| c.column);
        self.at(
            code,
            field,
            &format!("column `{}`: {message}", column.name()),
        )
    }

    /// A diagnostic at field `field` of this row.
    pub(super) fn at(&self, code: crate::Code, field: u32, message: &str) -> Diagnostic {
        Diagnostic::new(code, "", format!("row {}, {message}", self.number))
            .at(Some(self.line), Some(field))
    }
}
