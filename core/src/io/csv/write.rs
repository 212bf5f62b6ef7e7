//! A map as a touchpoint table, in the layout the reader reads back.

use std::collections::HashMap;

use super::WriteOptions;
use super::cells::{self, Numbers, Weights};
use super::columns::{self, Column, LAYOUT};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::Error;
use crate::model::{Id, JourneyMap, MapIndex, Touchpoint};

/// One row under construction: the layout's cells, then the `x-` cells.
struct Line {
    cells: Vec<String>,
    x: Vec<String>,
}

impl Line {
    fn new(x_columns: usize) -> Self {
        Self {
            cells: vec![String::new(); LAYOUT.len()],
            x: vec![String::new(); x_columns],
        }
    }

    fn set(&mut self, column: Column, value: impl Into<String>) {
        if let Some(i) = LAYOUT.iter().position(|(c, _, _)| *c == column) {
            self.cells[i] = value.into();
        }
    }

    fn set_x(&mut self, keys: &[&str], fields: &crate::model::XFields) {
        for (key, value) in fields {
            if let Some(i) = keys.iter().position(|k| k == key) {
                self.x[i] = cells::write_x(value);
            }
        }
    }
}

/// What a row after the persona list shows.
enum Block {
    /// A stage without touchpoint.
    Stage(usize),
    /// A touchpoint, by position.
    Touchpoint(usize),
}

/// Stages in journey order, each with its touchpoints in map order (or a stage-only row when
/// it has none), then the touchpoints of unknown stages.
fn blocks(map: &JourneyMap) -> Vec<Block> {
    let mut out = Vec::new();
    let mut written = vec![false; map.touchpoints.len()];
    for stage in map.stages_in_order() {
        let before = out.len();
        for (t, tp) in map.touchpoints.iter().enumerate() {
            if tp.stage == stage.id && !written[t] {
                written[t] = true;
                out.push(Block::Touchpoint(t));
            }
        }
        if out.len() == before {
            let s = map
                .stages
                .iter()
                .position(|x| x.id == stage.id)
                .unwrap_or(0);
            out.push(Block::Stage(s));
        }
    }
    out.extend(
        (0..map.touchpoints.len())
            .filter(|&t| !written[t])
            .map(Block::Touchpoint),
    );
    out
}

/// The table of `map` (see [`super::to_string_with`]).
pub(super) fn write(map: &JourneyMap, options: &WriteOptions) -> Result<String, Error> {
    let numbers = Numbers {
        decimal_comma: options.delimiter == b';',
    };
    let blocks = blocks(map);
    let order: Vec<usize> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Touchpoint(t) => Some(*t),
            Block::Stage(_) => None,
        })
        .collect();
    let x_keys = x_keys(map, &order);
    let mut lines = Vec::new();
    let index = map.index();
    for persona in &map.personas {
        let mut line = Line::new(x_keys.len());
        line.set(Column::Persona, cells::escape_item(&persona.id, &[',']));
        line.set(Column::PersonaName, &persona.name);
        if let Some(share) = persona.share {
            line.set(Column::PersonaShare, numbers.write(share));
        }
        lines.push(line);
    }
    for block in blocks {
        match block {
            Block::Touchpoint(t) => {
                touchpoint_lines(
                    map,
                    &index,
                    &map.touchpoints[t],
                    numbers,
                    &x_keys,
                    &mut lines,
                );
            }
            Block::Stage(s) => {
                let mut line = Line::new(x_keys.len());
                stage_cells(&mut line, &index, &map.stages[s].id, numbers);
                lines.push(line);
            }
        }
    }
    for outcome in &map.outcomes {
        let mut line = Line::new(x_keys.len());
        line.set(Column::TouchpointId, &outcome.id);
        line.set(Column::Touchpoint, &outcome.name);
        line.set(
            Column::Description,
            outcome.description.clone().unwrap_or_default(),
        );
        line.set(Column::Outcome, cells::write_outcome_kind(outcome.kind));
        line.set_x(&x_keys, &outcome.x);
        lines.push(line);
    }
    finish(map, options, numbers, &x_keys, lines)
}

/// The header and the lines as CSV text.
fn finish(
    map: &JourneyMap,
    options: &WriteOptions,
    numbers: Numbers,
    x_keys: &[&str],
    lines: Vec<Line>,
) -> Result<String, Error> {
    let header: Vec<String> = LAYOUT
        .iter()
        .map(|&(column, name, _)| {
            match columns::annotation_text(column, &map.scales, |v| numbers.write(v)) {
                Some(a) if column != Column::ExpectedEmotion => format!("{name} [{a}]"),
                _ => name.to_owned(),
            }
        })
        .chain(x_keys.iter().map(|k| (*k).to_owned()))
        .collect();
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(options.delimiter)
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let rows = std::iter::once(header).chain(
        lines
            .into_iter()
            .map(|l| l.cells.into_iter().chain(l.x).collect()),
    );
    for row in rows {
        writer.write_record(&row).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| failed(e.into_error()))?;
    let text = String::from_utf8(bytes).map_err(failed)?;
    Ok(if options.bom {
        format!("\u{feff}{text}")
    } else {
        text
    })
}

fn failed(e: impl std::fmt::Display) -> Error {
    Error::Export {
        diagnostics: vec![Diagnostic::new(
            codes::CANNOT_SERIALIZE,
            "",
            format!("cannot write the CSV table: {e}"),
        )],
    }
}

/// The `x-` keys of touchpoints (taken in `order`) and outcomes, in order of first appearance.
fn x_keys<'m>(map: &'m JourneyMap, order: &[usize]) -> Vec<&'m str> {
    let mut keys: Vec<&str> = Vec::new();
    let fields = order
        .iter()
        .map(|&t| &map.touchpoints[t].x)
        .chain(map.outcomes.iter().map(|o| &o.x));
    for x in fields {
        for key in x.keys() {
            if !keys.contains(&key.as_str()) {
                keys.push(key);
            }
        }
    }
    keys
}

fn stage_cells(line: &mut Line, index: &MapIndex, stage: &str, numbers: Numbers) {
    line.set(Column::StageId, stage);
    match index.stage(stage) {
        Some(s) => {
            line.set(Column::Stage, &s.name);
            if let Some(o) = s.order {
                line.set(Column::StageOrder, numbers.write(o as f64));
            }
        }
        None => line.set(Column::Stage, stage),
    }
}

fn measure_cells(line: &mut Line, m: &crate::model::Measures, numbers: Numbers) {
    let columns = [
        Column::Emotion,
        Column::ExpectedEmotion,
        Column::Effort,
        Column::Importance,
        Column::Satisfaction,
        Column::Duration,
        Column::Volume,
        Column::DropOff,
    ];
    for (column, (_, value)) in columns.into_iter().zip(m.fields()) {
        if let Some(v) = value {
            line.set(column, numbers.write(v));
        }
    }
}

/// The entry and next cells of a touchpoint for the moves and entries whose persona list is
/// exactly `persona` (`None`: the empty list) or holds it.
fn flow_cells(
    line: &mut Line,
    map: &JourneyMap,
    tp: &Touchpoint,
    persona: Option<&str>,
    numbers: Numbers,
) {
    let applies = |personas: &[Id]| match persona {
        None => personas.is_empty(),
        Some(p) => personas.iter().any(|x| x == p),
    };
    let entries = map
        .entries
        .iter()
        .filter(|e| e.touchpoint == tp.id && applies(&e.personas))
        .map(|e| {
            cells::write_entry(
                Weights {
                    probability: e.probability,
                    count: e.count,
                },
                numbers,
            )
        });
    line.set(Column::Entry, cells::join(entries));
    let moves = map
        .transitions
        .iter()
        .filter(|m| m.from == tp.id && applies(&m.personas))
        .map(|m| {
            cells::write_move(
                &m.to,
                Weights {
                    probability: m.probability,
                    count: m.count,
                },
                numbers,
            )
        });
    line.set(Column::Next, cells::join(moves));
}

/// The personas that need a row of their own at `tp`: those with measures of their own, or
/// moves or entries limited to some personas; in the map's persona order, then by id.
fn persona_rows(map: &JourneyMap, tp: &Touchpoint) -> Vec<Id> {
    let mut ids: Vec<&Id> = tp
        .persona_measures
        .iter()
        .filter(|(_, m)| m.fields().iter().any(|(_, v)| v.is_some()))
        .map(|(p, _)| p)
        .collect();
    let limited = map
        .transitions
        .iter()
        .filter(|m| m.from == tp.id)
        .map(|m| &m.personas)
        .chain(
            map.entries
                .iter()
                .filter(|e| e.touchpoint == tp.id)
                .map(|e| &e.personas),
        );
    ids.extend(limited.flatten());
    let rank: HashMap<&str, usize> = map
        .personas
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    ids.sort_by_key(|p| {
        (
            rank.get(p.as_str()).copied().unwrap_or(usize::MAX),
            p.as_str(),
        )
    });
    ids.dedup();
    ids.into_iter().cloned().collect()
}

fn touchpoint_lines(
    map: &JourneyMap,
    index: &MapIndex,
    tp: &Touchpoint,
    numbers: Numbers,
    x_keys: &[&str],
    lines: &mut Vec<Line>,
) {
    let mut line = Line::new(x_keys.len());
    stage_cells(&mut line, index, &tp.stage, numbers);
    line.set(Column::TouchpointId, &tp.id);
    line.set(Column::Touchpoint, &tp.name);
    line.set(
        Column::Description,
        tp.description.clone().unwrap_or_default(),
    );
    line.set(Column::ChannelId, &tp.channel);
    match index.channel(&tp.channel) {
        Some(c) => {
            line.set(Column::Channel, &c.name);
            line.set(Column::ChannelKind, cells::write_channel_kind(c.kind));
        }
        None => line.set(Column::Channel, &tp.channel),
    }
    let personas = tp.personas.iter().map(|p| cells::escape_item(p, &[',']));
    line.set(Column::Persona, cells::join(personas));
    line.set(
        Column::CustomerAction,
        tp.customer_action.clone().unwrap_or_default(),
    );
    measure_cells(&mut line, &tp.measures, numbers);
    line.set(Column::Owner, tp.owner.clone().unwrap_or_default());
    if let Some(v) = tp.visibility {
        line.set(Column::Visibility, cells::write_visibility(v));
    }
    line.set(
        Column::Pains,
        cells::join(tp.pains.iter().map(cells::write_note)),
    );
    line.set(
        Column::Gains,
        cells::join(tp.gains.iter().map(cells::write_note)),
    );
    line.set(
        Column::MomentOfTruth,
        cells::write_moment_of_truth(tp.moment_of_truth, tp.moment_of_truth_kind),
    );
    flow_cells(&mut line, map, tp, None, numbers);
    line.set_x(x_keys, &tp.x);
    lines.push(line);
    for persona in persona_rows(map, tp) {
        let mut line = Line::new(x_keys.len());
        line.set(Column::TouchpointId, &tp.id);
        line.set(Column::Persona, cells::escape_item(&persona, &[',']));
        if let Some(m) = tp.persona_measures.get(&persona) {
            measure_cells(&mut line, m, numbers);
        }
        flow_cells(&mut line, map, tp, Some(&persona), numbers);
        lines.push(line);
    }
}
