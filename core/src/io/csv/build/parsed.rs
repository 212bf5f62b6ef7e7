//! The cells of a touchpoint row read as values.

use super::super::cells::{self, Numbers, Weights};
use super::super::columns::Column;
use super::super::table::Row;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{Measures, XFields};

/// The cells of a touchpoint row read as values; every bad cell is an error.
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub(super) personas: Vec<String>,
    pub(super) measures: Measures,
    pub(super) visibility: Option<crate::model::Visibility>,
    pub(super) pains: Vec<crate::model::Note>,
    pub(super) gains: Vec<crate::model::Note>,
    pub(super) moment_of_truth: Option<(bool, Option<crate::model::MomentOfTruthKind>)>,
    pub(super) entries: Vec<Weights>,
    pub(super) next: Vec<(String, Weights)>,
}

impl Parsed {
    pub(super) fn read(row: &Row, numbers: Numbers) -> Result<Self, Vec<Diagnostic>> {
        let mut p = Parsed::default();
        let mut errors = Vec::new();
        for (&column, cell) in &row.cells {
            if let Err(message) = p.cell(column, &cell.text, numbers) {
                errors.push(row.error(
                    if column.is_measure() || column == Column::StageOrder {
                        codes::INVALID_NUMBER
                    } else {
                        codes::INVALID_CELL
                    },
                    column,
                    message,
                ));
            }
        }
        errors.sort_by_key(|d| d.column);
        if errors.is_empty() {
            Ok(p)
        } else {
            Err(errors)
        }
    }

    fn cell(&mut self, column: Column, text: &str, numbers: Numbers) -> Result<(), String> {
        let m = &mut self.measures;
        let slot = match column {
            Column::Emotion => &mut m.emotion,
            Column::ExpectedEmotion => &mut m.expected_emotion,
            Column::Effort => &mut m.effort,
            Column::Importance => &mut m.importance,
            Column::Satisfaction => &mut m.satisfaction,
            Column::Duration => &mut m.duration,
            Column::Volume => &mut m.volume,
            Column::DropOff => {
                m.drop_off = Some(
                    numbers
                        .read_fraction(text)
                        .ok_or_else(|| format!("`{text}` is not a number"))?,
                );
                return Ok(());
            }
            other => return self.word_cell(other, text, numbers),
        };
        *slot = Some(
            numbers
                .read(text)
                .ok_or_else(|| format!("`{text}` is not a number"))?,
        );
        Ok(())
    }

    fn word_cell(&mut self, column: Column, text: &str, numbers: Numbers) -> Result<(), String> {
        match column {
            Column::Persona => self.personas = cells::items(text, true).iter().map(|i| cells::text(i)).collect(),
            Column::Visibility => self.visibility = Some(cells::visibility(text).ok_or_else(|| format!("`{text}` is neither frontstage nor backstage"))?),
            Column::Pains => self.pains = cells::items(text, false).iter().map(|i| cells::note(i)).collect(),
            Column::Gains => self.gains = cells::items(text, false).iter().map(|i| cells::note(i)).collect(),
            Column::MomentOfTruth => self.moment_of_truth = Some(cells::moment_of_truth(text).ok_or_else(|| format!("`{text}` is not yes, no or a kind of moment of truth (zero, first, second, contact)"))?),
            Column::Entry => {
                for item in cells::items(text, false) {
                    let entry = cells::entry_item(&item, numbers).map_err(|()| format!("`{}` is not yes, no or weights such as `0.6` or `n=120`", cells::text(&item)))?;
                    self.entries.extend(entry);
                }
            }
            Column::Next => self.next = cells::items(text, false).iter().map(|i| cells::move_item(i, numbers)).collect(),
            _ => {}
        }
        Ok(())
    }
}

/// The `x-` cells of a row as fields.
pub(super) fn x_fields(row: &Row) -> XFields {
    let mut x = XFields::new();
    for (key, cell) in &row.x {
        if let Some(v) = cells::read_x(&cell.text) {
            x.insert(key.clone(), v);
        }
    }
    x
}

/// Where a column's value lands in a touchpoint, as pointer parts below it.
pub(super) fn pointer_of(column: Column) -> Vec<&'static str> {
    let measure = |f: &'static str| vec![f];
    match column {
        Column::Emotion => measure("measures/emotion"),
        Column::ExpectedEmotion => measure("measures/expected_emotion"),
        Column::Effort => measure("measures/effort"),
        Column::Importance => measure("measures/importance"),
        Column::Satisfaction => measure("measures/satisfaction"),
        Column::Duration => measure("measures/duration"),
        Column::Volume => measure("measures/volume"),
        Column::DropOff => measure("measures/drop_off"),
        Column::Stage | Column::StageId => vec!["stage"],
        Column::Channel | Column::ChannelId => vec!["channel"],
        Column::Persona => vec!["personas"],
        Column::Pains => vec!["pains"],
        Column::Gains => vec!["gains"],
        Column::Visibility => vec!["visibility"],
        Column::MomentOfTruth => vec!["moment_of_truth", "moment_of_truth_kind"],
        Column::TouchpointId => vec!["id"],
        _ => Vec::new(),
    }
}
