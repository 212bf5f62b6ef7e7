//! Rows of a touchpoint table as a map. Each row is read completely (every bad cell reported)
//! before anything is added, so a row with an error leaves no trace and the rows around it are
//! kept.
//!
//! Kinds of row: an outcome row (its `outcome` cell is a kind), a stage-only row (only stage
//! cells), a touchpoint's first row (everything about the touchpoint), and a persona row (a later
//! row of the same touchpoint: one persona's own measures, entry and moves).

use std::collections::HashMap;

use super::cells::{self, Numbers, Weights};
use super::columns::Column;
use super::read::{Row, Table};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::ids::{UniqueIds, persona_slug, slug};
use crate::io::imported::Sources;
use crate::io::linear;
use crate::model::{
    Channel, ChannelKind, Entry, Id, JourneyMap, MapView, Measures, Outcome, Stage, Touchpoint,
    Transition, Visibility, XFields,
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
            && row.x.is_empty()
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

    /// A persona-only row declares the personas it lists; with `persona_name` or
    /// `persona_share`, it names one persona and gives its share of the customer base.
    fn persona_only_row(&mut self, row: &Row) -> Result<(), Vec<Diagnostic>> {
        let at = (row.line, row.get(Column::Persona).map_or(1, |c| c.column));
        let items: Vec<String> = cells::items(row.text(Column::Persona).unwrap_or_default(), true)
            .iter()
            .map(|i| cells::text(i))
            .collect();
        let name = row.text(Column::PersonaName);
        let share = match row.get(Column::PersonaShare) {
            Some(cell) => Some(self.numbers.read_fraction(&cell.text).ok_or_else(|| {
                vec![row.error(
                    codes::INVALID_NUMBER,
                    Column::PersonaShare,
                    format!("`{}` is not a number", cell.text),
                )]
            })?),
            None => None,
        };
        if name.is_none() && share.is_none() {
            for item in &items {
                self.persona(item, at);
            }
            return Ok(());
        }
        let [value] = items.as_slice() else {
            return Err(vec![row.error(
                codes::INVALID_PERSONA_ROW,
                Column::Persona,
                "a row that names a persona or gives its share lists exactly one persona",
            )]);
        };
        let id = self.persona(value, at);
        let index = self.personas[&id];
        let persona = &self.map.personas[index];
        let mut errors = Vec::new();
        if let Some(name) = name {
            if self.named_personas.contains(&id) && persona.name != name {
                errors.push(row.error(
                    codes::CONFLICTING_VALUES,
                    Column::PersonaName,
                    format!(
                        "the persona `{id}` is named `{}` on an earlier row",
                        persona.name
                    ),
                ));
            }
        }
        if let (Some(share), Some(old)) = (share, persona.share) {
            if share != old {
                errors.push(row.error(
                    codes::CONFLICTING_VALUES,
                    Column::PersonaShare,
                    format!("the persona `{id}` has the share {old} on an earlier row"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let persona = &mut self.map.personas[index];
        if let Some(name) = name {
            persona.name = name.to_owned();
            self.named_personas.insert(id.clone());
        }
        persona.share = persona.share.or(share);
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
        for (key, cell) in &row.x {
            diagnostics.push(row.at(
                codes::CELL_IGNORED,
                cell.column,
                &format!("column `{key}`: a stage-only row keeps no `x-` data"),
            ));
        }
        let stage = self.stage(row)?;
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

    /// The stage a row names (by `stage_id`, else by the slug of `stage`), or the stage of the
    /// row above when both are empty; added or completed with the row's name and order.
    fn stage(&mut self, row: &Row) -> Result<Id, Vec<Diagnostic>> {
        let order = match row.get(Column::StageOrder) {
            Some(cell) => Some(integer(self.numbers, &cell.text).ok_or_else(|| {
                vec![row.error(
                    codes::INVALID_NUMBER,
                    Column::StageOrder,
                    format!("`{}` is not a whole number", cell.text),
                )]
            })?),
            None => None,
        };
        let name = row.text(Column::Stage);
        let id = match (row.text(Column::StageId), name, &self.current_stage) {
            (Some(id), _, _) => id.to_owned(),
            (None, Some(name), _) => slug(name, "stage"),
            (None, None, Some(current)) => current.clone(),
            (None, None, None) => "journey".to_owned(),
        };
        let at = (
            row.line,
            row.get(Column::Stage)
                .or(row.get(Column::StageId))
                .map_or(1, |c| c.column),
        );
        let Some(&(s, named)) = self.stages.get(&id) else {
            let index = self.map.stages.len();
            self.sources.add_parts(&["stages", &index.to_string()], at);
            if let Some(cell) = row.get(Column::StageOrder) {
                self.sources.add_parts(
                    &["stages", &index.to_string(), "order"],
                    (row.line, cell.column),
                );
            }
            let default = row.get(Column::StageId).is_none() && name.is_none();
            let display = match name {
                Some(n) => n,
                None if default => "Journey",
                None => &id,
            };
            self.map.stages.push(stage(&id, display, order));
            self.stages.insert(id.clone(), (index, name.is_some()));
            return Ok(id);
        };
        let existing = &self.map.stages[s];
        let mut errors = Vec::new();
        if let (Some(name), true) = (name, named) {
            if existing.name != name {
                errors.push(row.error(
                    codes::CONFLICTING_VALUES,
                    Column::Stage,
                    format!(
                        "the stage `{id}` is named `{}` on an earlier row",
                        existing.name
                    ),
                ));
            }
        }
        if let (Some(o), Some(old)) = (order, existing.order) {
            if o != old {
                errors.push(row.error(
                    codes::CONFLICTING_VALUES,
                    Column::StageOrder,
                    format!("the stage `{id}` has the order {old} on an earlier row"),
                ));
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let stage = &mut self.map.stages[s];
        if let (Some(name), false) = (name, named) {
            stage.name = name.to_owned();
            self.stages.insert(id.clone(), (s, true));
        }
        stage.order = stage.order.or(order);
        Ok(id)
    }

    /// The channel a row names (by `channel_id`, else the slug of `channel`; `unspecified` when
    /// both are empty), added or completed with its name and kind.
    fn channel(&mut self, row: &Row) -> Result<Id, Vec<Diagnostic>> {
        let kind = match row.get(Column::ChannelKind) {
            Some(cell) => Some(cells::channel_kind(&cell.text).ok_or_else(|| {
                vec![row.error(
                    codes::INVALID_CELL,
                    Column::ChannelKind,
                    format!(
                        "`{}` is not a channel kind (digital, physical, human, print or other)",
                        cell.text
                    ),
                )]
            })?),
            None => None,
        };
        let name = row.text(Column::Channel);
        let id = match (row.text(Column::ChannelId), name) {
            (Some(id), _) => id.to_owned(),
            (None, Some(name)) => slug(name, "channel"),
            (None, None) => linear::UNSPECIFIED_CHANNEL.to_owned(),
        };
        let Some(&(c, kind_given)) = self.channels.get(&id) else {
            let index = self.map.channels.len();
            let at = (
                row.line,
                row.get(Column::Channel)
                    .or(row.get(Column::ChannelId))
                    .map_or(1, |c| c.column),
            );
            self.sources
                .add_parts(&["channels", &index.to_string()], at);
            let mut channel = if id == linear::UNSPECIFIED_CHANNEL && name.is_none() {
                linear::unspecified_channel()
            } else {
                Channel {
                    id: id.clone(),
                    name: name.unwrap_or(&id).to_owned(),
                    kind: ChannelKind::Other,
                    mode: None,
                    x: XFields::new(),
                }
            };
            channel.kind = kind.unwrap_or(channel.kind);
            self.map.channels.push(channel);
            self.channels.insert(id.clone(), (index, kind.is_some()));
            return Ok(id);
        };
        let existing = &mut self.map.channels[c];
        match kind {
            Some(k) if kind_given && existing.kind != k => {
                return Err(vec![row.error(
                    codes::CONFLICTING_VALUES,
                    Column::ChannelKind,
                    format!(
                        "the channel `{id}` is of kind `{}` on an earlier row",
                        cells::write_channel_kind(existing.kind)
                    ),
                )]);
            }
            Some(k) => {
                existing.kind = k;
                self.channels.insert(id.clone(), (c, true));
            }
            None => {}
        }
        Ok(id)
    }

    /// The persona id of a persona cell value: the value when it is an id, else its slug (the
    /// value then names the persona).
    fn persona(&mut self, value: &str, at: (u32, u32)) -> Id {
        if let Some(id) = self.persona_ids.get(value) {
            return id.clone();
        }
        let is_id = !value.is_empty()
            && value.chars().count() <= 256
            && !value.contains(char::is_whitespace);
        let id = if is_id {
            value.to_owned()
        } else {
            persona_slug(value)
        };
        if !self.personas.contains_key(&id) {
            let index = self.map.personas.len();
            self.sources
                .add_parts(&["personas", &index.to_string()], at);
            self.map.personas.push(linear::persona(&id, value));
            self.personas.insert(id.clone(), index);
        }
        self.persona_ids.insert(value.to_owned(), id.clone());
        id
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

    /// A later row of touchpoint `t`: exactly one persona, its own measures, entry and moves;
    /// its other cells repeat the first row's or are empty.
    fn persona_row(&mut self, t: usize, row: &Row, parsed: Parsed) -> Result<(), Vec<Diagnostic>> {
        let (first, seen) = &self.first_rows[t];
        let tp_id = &self.map.touchpoints[t].id;
        let [persona] = parsed.personas.as_slice() else {
            let field = row.get(Column::Persona).map_or(1, |c| c.column);
            return Err(vec![row.at(codes::INVALID_PERSONA_ROW, field, &format!("the touchpoint `{tp_id}` is already on row {}; a later row of it must name exactly one persona", first.number))]);
        };
        let mut errors = Vec::new();
        for (column, cell) in &row.cells {
            if matches!(column, Column::Stage | Column::StageId) {
                let stage = row.text(Column::StageId).map_or_else(
                    || slug(row.text(Column::Stage).unwrap_or_default(), "stage"),
                    str::to_owned,
                );
                if stage != self.map.touchpoints[t].stage {
                    errors.push(row.error(
                        codes::CONFLICTING_VALUES,
                        *column,
                        format!(
                            "the touchpoint `{tp_id}` is in the stage `{}` on row {}",
                            self.map.touchpoints[t].stage, first.number
                        ),
                    ));
                }
                continue;
            }
            if column.is_per_persona()
                || matches!(column, Column::StageOrder | Column::TouchpointId)
            {
                continue;
            }
            if first.text(*column) != Some(cell.text.as_str()) {
                errors.push(row.error(codes::CONFLICTING_VALUES, *column, format!("the touchpoint `{tp_id}` has another value on row {} (a later row of a touchpoint gives one persona's measures, entry and moves; other cells repeat the first row's or stay empty)", first.number)));
            }
        }
        for (key, cell) in &row.x {
            let same = first.x.iter().any(|(k, c)| k == key && c.text == cell.text);
            if !same {
                errors.push(row.at(
                    codes::CONFLICTING_VALUES,
                    cell.column,
                    &format!(
                        "column `{key}`: the touchpoint `{tp_id}` has another value on row {}",
                        first.number
                    ),
                ));
            }
        }
        let persona_at = (row.line, row.get(Column::Persona).map_or(1, |c| c.column));
        let is_known = self
            .persona_ids
            .get(persona.as_str())
            .is_some_and(|id| seen.contains(id));
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
        linear::ensure_persona(&mut self.map);
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

/// The cells of a touchpoint row read as values; every bad cell is an error.
#[derive(Debug, Default)]
struct Parsed {
    personas: Vec<String>,
    measures: Measures,
    visibility: Option<crate::model::Visibility>,
    pains: Vec<crate::model::Note>,
    gains: Vec<crate::model::Note>,
    moment_of_truth: Option<(bool, Option<crate::model::MomentOfTruthKind>)>,
    entries: Vec<Weights>,
    next: Vec<(String, Weights)>,
}

impl Parsed {
    fn read(row: &Row, numbers: Numbers) -> Result<Self, Vec<Diagnostic>> {
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

fn integer(numbers: Numbers, text: &str) -> Option<i64> {
    let v = numbers.read(text)?;
    let safe = 9_007_199_254_740_991.0;
    (v.fract() == 0.0 && v.abs() <= safe).then_some(v as i64)
}

fn stage(id: &str, name: &str, order: Option<i64>) -> Stage {
    Stage {
        id: id.to_owned(),
        name: name.to_owned(),
        order,
        description: None,
        customer_goal: None,
        business_goal: None,
        kpis: Vec::new(),
        x: XFields::new(),
    }
}

/// Field position of the row's touchpoint id or name (1 when neither).
fn first_column(row: &Row) -> u32 {
    row.get(Column::TouchpointId)
        .or(row.get(Column::Touchpoint))
        .map_or(1, |c| c.column)
}

/// The `x-` cells of a row as fields.
fn x_fields(row: &Row) -> XFields {
    let mut x = XFields::new();
    for (key, cell) in &row.x {
        if let Some(v) = cells::read_x(&cell.text) {
            x.insert(key.clone(), v);
        }
    }
    x
}

/// Where a column's value lands in a touchpoint, as pointer parts below it.
fn pointer_of(column: Column) -> Vec<&'static str> {
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
