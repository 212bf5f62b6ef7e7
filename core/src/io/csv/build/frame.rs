//! The frame a row refers to: its stage, its channel, its personas, each added on first sight
//! or completed, with conflicts between rows reported.

use super::Builder;
use crate::diagnostics::{Diagnostic, codes};
use crate::io::csv::cells::{self, Numbers};
use crate::io::csv::columns::Column;
use crate::io::csv::table::Row;
use crate::io::ids::{persona_slug, slug};
use crate::io::objects;
use crate::model::{Channel, ChannelKind, Id, XFields};

impl Builder {
    /// A persona-only row declares the personas it lists; with `persona_name` or
    /// `persona_share`, it names one persona and gives its share of the customer base.
    pub(super) fn persona_only_row(&mut self, row: &Row) -> Result<(), Vec<Diagnostic>> {
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

    /// The stage a row names (by `stage_id`, else by the slug of `stage`), or the stage of the
    /// row above when both are empty; added or completed with the row's name and order.
    pub(super) fn stage(&mut self, row: &Row) -> Result<Id, Vec<Diagnostic>> {
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
            self.map.stages.push(objects::stage(&id, display, order));
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
    pub(super) fn channel(&mut self, row: &Row) -> Result<Id, Vec<Diagnostic>> {
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
            (None, None) => objects::UNSPECIFIED_CHANNEL.to_owned(),
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
            let mut channel = if id == objects::UNSPECIFIED_CHANNEL && name.is_none() {
                objects::unspecified_channel()
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
    pub(super) fn persona(&mut self, value: &str, at: (u32, u32)) -> Id {
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
            self.map.personas.push(objects::persona(&id, value));
            self.personas.insert(id.clone(), index);
        }
        self.persona_ids.insert(value.to_owned(), id.clone());
        id
    }
}

fn integer(numbers: Numbers, text: &str) -> Option<i64> {
    let v = numbers.read(text)?;
    let safe = 9_007_199_254_740_991.0;
    (v.fract() == 0.0 && v.abs() <= safe).then_some(v as i64)
}
