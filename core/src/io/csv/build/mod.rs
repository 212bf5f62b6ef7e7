//! Rows of a touchpoint table as a map. Each row is read completely (every bad cell reported)
//! before anything is added, so a row with an error leaves no trace and the rows around it are
//! kept.
//!
//! Kinds of row: an outcome row (its `outcome` cell is a kind), a stage-only row (only stage
//! cells), a touchpoint's first row (everything about the touchpoint), and a persona row (a later
//! row of the same touchpoint: one persona's own measures, entry and moves), a persona-only row
//! (persona cells only).

mod frame;
mod parsed;

use std::collections::HashMap;

use self::parsed::{Parsed, pointer_of, x_fields};

use super::cells::{self, Numbers, Weights};
use super::columns::Column;
use super::table::{Row, Table};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::ids::{UniqueIds, slug};
use crate::io::imported::Sources;
use crate::io::linear;
use crate::io::objects;
use crate::model::{
    Entry, Id, JourneyMap, MapView, Measures, Outcome, Touchpoint, Transition, Visibility, XFields,
};

/// A move or an entry read from a row, resolved once every row is known.
#[derive(Debug)]
struct Pending {
    from: usize,
    /// `None` for an entry.
    target: Option<String>,
    weights: Weights,
    persona: Option<Id>,
    at: (u32, u32),
}

/// How a row names its touchpoint.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Id(String),
    Name(Id, String, Id),
}

/// The map under construction.
#[derive(Debug)]
pub(super) struct Builder {
    map: JourneyMap,
    sources: Sources,
    numbers: Numbers,
    current_stage: Option<Id>,
    stages: HashMap<Id, (usize, bool)>,
    channels: HashMap<Id, (usize, bool)>,
    personas: HashMap<Id, usize>,
    /// Personas whose name a persona-only row gave.
    named_personas: std::collections::HashSet<Id>,
    persona_ids: HashMap<String, Id>,
    keys: HashMap<Key, usize>,
    /// Per touchpoint: the first row's cells, and the personas that have a row.
    first_rows: Vec<(Row, Vec<Id>)>,
    ids: UniqueIds,
    pending: Vec<Pending>,
    rows: usize,
}

/// The parts of a touchpoint row that decide where it goes.
struct Place {
    stage: Id,
    channel: Id,
    key: Key,
}

impl Builder {
    pub(super) fn new(table: &Table, name: Option<&str>) -> Self {
        let title = name.unwrap_or("Journey map");
        let mut map = JourneyMap::new(slug(title, "journey-map"), title);
        map.scales = table.scales.clone();
        Self {
            map,
            sources: Sources::default(),
            numbers: table.numbers,
            current_stage: None,
            stages: HashMap::new(),
            channels: HashMap::new(),
            personas: HashMap::new(),
            named_personas: std::collections::HashSet::new(),
            persona_ids: HashMap::new(),
            keys: HashMap::new(),
            first_rows: Vec::new(),
            ids: UniqueIds::default(),
            pending: Vec::new(),
            rows: 0,
        }
    }

    pub(super) fn has_rows(&self) -> bool {
        self.rows > 0
    }

    /// Adds one row, or reports why it is left out.
    pub(super) fn row(&mut self, row: &Row, diagnostics: &mut Vec<Diagnostic>) {
        let persona_cells = [Column::Persona, Column::PersonaName, Column::PersonaShare];
        let persona_only = row.get(Column::Persona).is_some()
            && row.cells.keys().all(|c| persona_cells.contains(c));
        if !persona_only {
            for column in [Column::PersonaName, Column::PersonaShare] {
                if let Some(cell) = row.get(column) {
                    diagnostics.push(row.at(
                        codes::CELL_IGNORED,
                        cell.column,
                        &format!(
                            "column `{}`: only a persona-only row (a row with nothing but persona cells) names a persona or gives its share",
                            column.name()
                        ),
                    ));
                }
            }
        }
        let result = if persona_only {
            self.persona_only_row(row)
                .inspect(|()| x_ignored(row, "a persona-only row", diagnostics))
        } else if row.get(Column::Outcome).is_some() {
            self.outcome_row(row, diagnostics)
        } else if row.get(Column::Touchpoint).is_none() && row.get(Column::TouchpointId).is_none() {
            self.stage_row(row, diagnostics)
        } else {
            self.touchpoint_row(row)
        };
        match result {
            Ok(()) => self.rows += 1,
            Err(mut errors) => diagnostics.append(&mut errors),
        }
    }

    fn outcome_row(
        &mut self,
        row: &Row,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<(), Vec<Diagnostic>> {
        let text = row.text(Column::Outcome).unwrap_or_default();
        let kind = cells::outcome_kind(text).ok_or_else(|| {
            vec![row.error(
                codes::INVALID_CELL,
                Column::Outcome,
                format!("`{text}` is not an outcome kind (success, failure or neutral)"),
            )]
        })?;
        let (id_cell, name_cell) = (row.text(Column::TouchpointId), row.text(Column::Touchpoint));
        let Some(named) = id_cell.or(name_cell) else {
            return Err(vec![row.error(
                codes::ROW_WITHOUT_TOUCHPOINT,
                Column::Outcome,
                "an outcome row needs an id (`touchpoint_id`) or a name (`touchpoint`)",
            )]);
        };
        for (column, cell) in &row.cells {
            let used = matches!(
                column,
                Column::Outcome | Column::TouchpointId | Column::Touchpoint | Column::Description
            );
            if !used {
                diagnostics.push(row.at(
                    codes::CELL_IGNORED,
                    cell.column,
                    &format!(
                        "column `{}`: an outcome row has no {}",
                        column.name(),
                        column.name()
                    ),
                ));
            }
        }
        // Ids made from names are given once every row is read (`finish`), so that they cannot
        // take an id a later row gives.
        let id = id_cell.unwrap_or_default().to_owned();
        let index = self.map.outcomes.len().to_string();
        self.sources
            .add_parts(&["outcomes", &index], (row.line, first_column(row)));
        self.map.outcomes.push(Outcome {
            id,
            name: name_cell.unwrap_or(named).to_owned(),
            kind,
            description: row.text(Column::Description).map(str::to_owned),
            value: None,
            x: x_fields(row),
        });
        Ok(())
    }

    fn stage_row(
        &mut self,
        row: &Row,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Result<(), Vec<Diagnostic>> {
        let stage_cells = [Column::Stage, Column::StageId, Column::StageOrder];
        if row.cells.keys().any(|c| !stage_cells.contains(c))
            || row
                .get(Column::Stage)
                .or(row.get(Column::StageId))
                .is_none()
        {
            return Err(vec![row.at(
                codes::ROW_WITHOUT_TOUCHPOINT,
                first_column(row),
                "the row has neither a touchpoint id (`touchpoint_id`) nor a name (`touchpoint`)",
            )]);
        }
        let stage = self.stage(row)?;
        x_ignored(row, "a stage-only row", diagnostics);
        self.current_stage = Some(stage);
        Ok(())
    }

    fn touchpoint_row(&mut self, row: &Row) -> Result<(), Vec<Diagnostic>> {
        let parsed = Parsed::read(row, self.numbers)?;
        let place = self.place(row)?;
        match self.keys.get(&place.key).copied() {
            Some(t) => self.persona_row(t, row, parsed),
            None => {
                self.first_row(row, parsed, place);
                Ok(())
            }
        }
    }

    /// Stage, channel and key of a touchpoint row (the stage and channel are added, unless a cell
    /// conflicts with an earlier row).
    fn place(&mut self, row: &Row) -> Result<Place, Vec<Diagnostic>> {
        let key_of_id = row
            .text(Column::TouchpointId)
            .map(|id| Key::Id(id.to_owned()));
        let first = key_of_id
            .as_ref()
            .is_none_or(|k| !self.keys.contains_key(k));
        // A persona row of a touchpoint known by id does not decide stage or channel.
        if !first {
            if let Some(key) = key_of_id {
                let t = self.keys[&key];
                let tp = &self.map.touchpoints[t];
                return Ok(Place {
                    stage: tp.stage.clone(),
                    channel: tp.channel.clone(),
                    key,
                });
            }
        }
        let stage = self.stage(row)?;
        let channel = self.channel(row)?;
        let key = key_of_id.unwrap_or_else(|| {
            Key::Name(
                stage.clone(),
                row.text(Column::Touchpoint).unwrap_or_default().to_owned(),
                channel.clone(),
            )
        });
        self.current_stage = Some(stage.clone());
        Ok(Place {
            stage,
            channel,
            key,
        })
    }

    fn first_row(&mut self, row: &Row, parsed: Parsed, place: Place) {
        let t = self.map.touchpoints.len();
        let index = t.to_string();
        let persona_at = (row.line, row.get(Column::Persona).map_or(1, |c| c.column));
        let personas: Vec<Id> = parsed
            .personas
            .iter()
            .map(|p| self.persona(p, persona_at))
            .collect();
        let id = row
            .text(Column::TouchpointId)
            .unwrap_or_default()
            .to_owned();
        self.sources
            .add_parts(&["touchpoints", &index], (row.line, first_column(row)));
        for (column, cell) in &row.cells {
            for part in pointer_of(*column) {
                let mut parts = vec!["touchpoints", index.as_str()];
                parts.extend(part.split('/'));
                self.sources.add_parts(&parts, (row.line, cell.column));
            }
        }
        self.pend(t, &parsed, None, row);
        self.map.touchpoints.push(Touchpoint {
            id,
            name: row
                .text(Column::Touchpoint)
                .or(row.text(Column::TouchpointId))
                .unwrap_or_default()
                .to_owned(),
            stage: place.stage,
            channel: place.channel,
            description: row.text(Column::Description).map(str::to_owned),
            customer_action: row.text(Column::CustomerAction).map(str::to_owned),
            personas,
            visibility: parsed.visibility,
            owner: row.text(Column::Owner).map(str::to_owned),
            measures: parsed.measures,
            persona_measures: Default::default(),
            evidence: None,
            pains: parsed.pains,
            gains: parsed.gains,
            moment_of_truth: parsed.moment_of_truth.is_some_and(|m| m.0),
            moment_of_truth_kind: parsed.moment_of_truth.and_then(|m| m.1),
            survey: None,
            x: x_fields(row),
        });
        self.keys.insert(place.key, t);
        self.first_rows.push((row.clone(), Vec::new()));
    }

    /// The cells of a later row of touchpoint `t` that disagree with its first row: touchpoint
    /// cells must repeat the first row's or stay empty.
    fn conflicts(&self, t: usize, row: &Row) -> Vec<Diagnostic> {
        let first = &self.first_rows[t].0;
        let tp = &self.map.touchpoints[t];
        let mut errors = Vec::new();
        for (column, cell) in &row.cells {
            let message = match column {
                // One check for the stage, by its id.
                Column::Stage if row.get(Column::StageId).is_some() => continue,
                Column::Stage | Column::StageId => {
                    let stage = row.text(Column::StageId).map_or_else(
                        || slug(row.text(Column::Stage).unwrap_or_default(), "stage"),
                        str::to_owned,
                    );
                    if stage == tp.stage {
                        continue;
                    }
                    format!(
                        "the touchpoint `{}` is in the stage `{}` on row {}",
                        tp.id, tp.stage, first.number
                    )
                }
                c if c.is_per_persona()
                    || matches!(c, Column::StageOrder | Column::TouchpointId) =>
                {
                    continue;
                }
                c if first.text(*c) == Some(cell.text.as_str()) => continue,
                _ => format!(
                    "the touchpoint `{}` has another value on row {} (a later row of a touchpoint gives one persona's measures, entry and moves; other cells repeat the first row's or stay empty)",
                    tp.id, first.number
                ),
            };
            errors.push(row.error(codes::CONFLICTING_VALUES, *column, message));
        }
        for (key, cell) in &row.x {
            if !first.x.iter().any(|(k, c)| k == key && c.text == cell.text) {
                let message = format!(
                    "column `{key}`: the touchpoint `{}` has another value on row {}",
                    tp.id, first.number
                );
                errors.push(row.at(codes::CONFLICTING_VALUES, cell.column, &message));
            }
        }
        errors
    }

    /// A later row of touchpoint `t`: exactly one persona, its own measures, entry and moves;
    /// its other cells repeat the first row's or are empty.
    fn persona_row(&mut self, t: usize, row: &Row, parsed: Parsed) -> Result<(), Vec<Diagnostic>> {
        let tp_id = &self.map.touchpoints[t].id;
        let [persona] = parsed.personas.as_slice() else {
            let field = row.get(Column::Persona).map_or(1, |c| c.column);
            let message = format!(
                "the touchpoint `{tp_id}` is already on row {}; a later row of it must name exactly one persona",
                self.first_rows[t].0.number
            );
            return Err(vec![row.at(codes::INVALID_PERSONA_ROW, field, &message)]);
        };
        let mut errors = self.conflicts(t, row);
        let persona_at = (row.line, row.get(Column::Persona).map_or(1, |c| c.column));
        let is_known = self
            .persona_ids
            .get(persona.as_str())
            .is_some_and(|id| self.first_rows[t].1.contains(id));
        if is_known {
            errors.push(row.error(
                codes::INVALID_PERSONA_ROW,
                Column::Persona,
                format!("the persona `{persona}` already has a row for the touchpoint `{tp_id}`"),
            ));
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let p = self.persona(persona, persona_at);
        self.first_rows[t].1.push(p.clone());
        let tp = &mut self.map.touchpoints[t];
        if !tp.personas.is_empty() && !tp.personas.contains(&p) {
            tp.personas.push(p.clone());
        }
        if parsed.measures != Measures::default() {
            let index = t.to_string();
            for (column, cell) in &row.cells {
                if column.is_measure() {
                    let field = pointer_of(*column)
                        .first()
                        .and_then(|f| f.strip_prefix("measures/"))
                        .unwrap_or_default();
                    self.sources.add_parts(
                        &["touchpoints", &index, "persona_measures", &p, field],
                        (row.line, cell.column),
                    );
                }
            }
            self.sources
                .add_parts(&["touchpoints", &index, "persona_measures", &p], persona_at);
            self.map.touchpoints[t]
                .persona_measures
                .insert(p.clone(), parsed.measures.clone());
        }
        self.pend(t, &parsed, Some(p), row);
        Ok(())
    }

    fn pend(&mut self, from: usize, parsed: &Parsed, persona: Option<Id>, row: &Row) {
        let at = |c: Column| (row.line, row.get(c).map_or(1, |x| x.column));
        for &weights in &parsed.entries {
            self.pending.push(Pending {
                from,
                target: None,
                weights,
                persona: persona.clone(),
                at: at(Column::Entry),
            });
        }
        for (target, weights) in &parsed.next {
            self.pending.push(Pending {
                from,
                target: Some(target.clone()),
                weights: *weights,
                persona: persona.clone(),
                at: at(Column::Next),
            });
        }
    }

    /// The map: moves and entries resolved (or chained in row order when the table has no
    /// `next` or `entry` column), a persona added when none is named.
    pub(super) fn finish(mut self, table: &Table) -> (JourneyMap, Sources) {
        objects::ensure_persona(&mut self.map);
        // Backstage steps belong in a service blueprint: a table that has them is one.
        if self
            .map
            .touchpoints
            .iter()
            .any(|t| t.visibility == Some(Visibility::Backstage))
        {
            self.map.view = Some(MapView::ServiceBlueprint);
        }
        self.give_ids();
        let targets = Targets::new(&self.map);
        for p in std::mem::take(&mut self.pending) {
            let from = self.map.touchpoints[p.from].id.clone();
            let personas: Vec<Id> = p.persona.into_iter().collect();
            match p.target {
                Some(target) => {
                    let index = self.map.transitions.len().to_string();
                    self.sources.add_parts(&["transitions", &index], p.at);
                    self.map.transitions.push(Transition {
                        from,
                        to: targets.resolve(&target),
                        personas,
                        probability: p.weights.probability,
                        count: p.weights.count,
                        label: None,
                        x: XFields::new(),
                    });
                }
                None => {
                    let index = self.map.entries.len().to_string();
                    self.sources.add_parts(&["entries", &index], p.at);
                    self.map.entries.push(Entry {
                        touchpoint: from,
                        personas,
                        probability: p.weights.probability,
                        count: p.weights.count,
                        x: XFields::new(),
                    });
                }
            }
        }
        let at =
            |t: usize, rows: &[(Row, Vec<Id>)]| rows.get(t).map_or((1, 1), |(r, _)| (r.line, 1));
        if !table.has(Column::Next) {
            for (k, from) in linear::chain(&mut self.map, &mut self.ids)
                .into_iter()
                .enumerate()
            {
                self.sources
                    .add_parts(&["transitions", &k.to_string()], at(from, &self.first_rows));
            }
        }
        if !table.has(Column::Entry) {
            let base = self.map.entries.len();
            for (k, t) in linear::first_entries(&mut self.map).into_iter().enumerate() {
                self.sources.add_parts(
                    &["entries", &(base + k).to_string()],
                    at(t, &self.first_rows),
                );
            }
        }
        (self.map, self.sources)
    }
}

impl Builder {
    /// Ids for the touchpoints and outcomes whose rows give none: slugs of their names, unique
    /// among every id the table gives.
    fn give_ids(&mut self) {
        let given = self
            .map
            .touchpoints
            .iter()
            .map(|t| &t.id)
            .chain(self.map.outcomes.iter().map(|o| &o.id));
        for id in given.filter(|id| !id.is_empty()) {
            self.ids.reserve(id);
        }
        for tp in self.map.touchpoints.iter_mut().filter(|t| t.id.is_empty()) {
            tp.id = self.ids.unique(&slug(&tp.name, "touchpoint"));
        }
        for o in self.map.outcomes.iter_mut().filter(|o| o.id.is_empty()) {
            o.id = self.ids.unique(&slug(&o.name, "outcome"));
        }
    }
}

/// Move targets: ids of touchpoints and outcomes, else their names, else the slug of the text.
struct Targets {
    ids: std::collections::HashSet<Id>,
    names: HashMap<String, Option<Id>>,
}

impl Targets {
    fn new(map: &JourneyMap) -> Self {
        let mut names: HashMap<String, Option<Id>> = HashMap::new();
        let objects = map
            .touchpoints
            .iter()
            .map(|t| (&t.id, &t.name))
            .chain(map.outcomes.iter().map(|o| (&o.id, &o.name)));
        let mut ids = std::collections::HashSet::new();
        for (id, name) in objects {
            ids.insert(id.clone());
            names
                .entry(name.clone())
                .and_modify(|e| *e = None)
                .or_insert_with(|| Some(id.clone()));
        }
        Self { ids, names }
    }

    fn resolve(&self, target: &str) -> Id {
        if self.ids.contains(target) {
            return target.to_owned();
        }
        if let Some(Some(id)) = self.names.get(target) {
            return id.clone();
        }
        let s = slug(target, "");
        if self.ids.contains(&s) {
            s
        } else {
            target.to_owned()
        }
    }
}

/// Field position of the row's touchpoint id or name (1 when neither).
fn first_column(row: &Row) -> u32 {
    row.get(Column::TouchpointId)
        .or(row.get(Column::Touchpoint))
        .map_or(1, |c| c.column)
}

/// JM240 for each `x-` cell of a kept row of a kind that has no `x-` data (`what`: "a
/// stage-only row").
fn x_ignored(row: &Row, what: &str, diagnostics: &mut Vec<Diagnostic>) {
    for (key, cell) in &row.x {
        diagnostics.push(row.at(
            codes::CELL_IGNORED,
            cell.column,
            &format!("column `{key}`: {what} keeps no `x-` data"),
        ));
    }
}
