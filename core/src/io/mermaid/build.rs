//! A parsed diagram as a map: sections → stages, tasks → touchpoints chained in order to a success
//! outcome, actors → personas, scores → emotions.

use std::collections::HashMap;

use serde_json::Value;

use super::ACC_TITLE_KEY;
use super::parse::Diagram;
use crate::io::ids::{UniqueIds, persona_slug, slug};
use crate::io::imported::Sources;
use crate::io::linear;
use crate::io::objects::{self, UNSPECIFIED_CHANNEL};
use crate::model::{Id, JourneyMap, Measures};

/// Builds the map of `diagram`; `name` names it when the diagram has no title.
pub(super) fn build(diagram: &Diagram, name: Option<&str>) -> (JourneyMap, Sources) {
    let mut sources = Sources::default();
    let title = diagram
        .title
        .as_ref()
        .map(|t| t.value.clone())
        .filter(|t| !t.is_empty())
        .or_else(|| name.map(str::to_owned))
        .unwrap_or_default();
    let mut map = JourneyMap::new(slug(&title, "journey"), title);
    if let Some(t) = &diagram.title {
        sources.add_parts(&["title"], t.at);
    }
    if let Some(d) = diagram.acc_descr.as_ref().filter(|d| !d.value.is_empty()) {
        map.description = Some(d.value.clone());
        sources.add_parts(&["description"], d.at);
    }
    if let Some(t) = diagram.acc_title.as_ref().filter(|t| !t.value.is_empty()) {
        map.x
            .insert(ACC_TITLE_KEY.to_owned(), Value::String(t.value.clone()));
    }
    let personas = personas(diagram, &mut map, &mut sources);
    map.channels.push(objects::unspecified_channel());
    let stages = stages(diagram, &mut map, &mut sources);
    let scale = map.scales.emotion();
    let mut ids = UniqueIds::default();
    for (i, task) in diagram.tasks.iter().enumerate() {
        let index = i.to_string();
        sources.add_parts(&["touchpoints", &index], task.name.at);
        sources.add_parts(
            &["touchpoints", &index, "measures", "emotion"],
            task.score_at,
        );
        for (k, actor) in task.actors.iter().enumerate() {
            sources.add_parts(
                &["touchpoints", &index, "personas", &k.to_string()],
                actor.at,
            );
        }
        let mut tp = objects::touchpoint(
            ids.unique(&slug(&task.name.value, "task")),
            task.name.value.clone(),
            stages[task.section].clone(),
            UNSPECIFIED_CHANNEL.to_owned(),
        );
        tp.personas = task
            .actors
            .iter()
            .filter_map(|a| personas.get(&a.value).cloned())
            .collect();
        tp.measures = Measures {
            emotion: task.score.map(|s| super::score_to_emotion(s, &scale)),
            ..Measures::default()
        };
        map.touchpoints.push(tp);
    }
    let at = |t: usize| diagram.tasks[t].name.at;
    for (k, from) in linear::chain(&mut map, &mut ids).into_iter().enumerate() {
        sources.add_parts(&["transitions", &k.to_string()], at(from));
    }
    for (k, t) in linear::first_entries(&mut map).into_iter().enumerate() {
        sources.add_parts(&["entries", &k.to_string()], at(t));
    }
    (map, sources)
}

/// One persona per distinct actor, in order of first appearance (the persona `customer` when no
/// task names an actor). Returns actor name → persona id.
fn personas(diagram: &Diagram, map: &mut JourneyMap, sources: &mut Sources) -> HashMap<String, Id> {
    let mut by_name: HashMap<String, Id> = HashMap::new();
    let mut ids = UniqueIds::default();
    for actor in diagram.tasks.iter().flat_map(|t| &t.actors) {
        if by_name.contains_key(&actor.value) {
            continue;
        }
        let id = ids.unique(&persona_slug(&actor.value));
        sources.add_parts(&["personas", &map.personas.len().to_string()], actor.at);
        map.personas.push(objects::persona(&id, &actor.value));
        by_name.insert(actor.value.clone(), id);
    }
    objects::ensure_persona(map);
    by_name
}

/// One stage per distinct section name, in order of first appearance. Returns the stage id of
/// each section.
fn stages(diagram: &Diagram, map: &mut JourneyMap, sources: &mut Sources) -> Vec<Id> {
    let mut by_name: HashMap<&str, Id> = HashMap::new();
    let mut ids = UniqueIds::default();
    let mut out = Vec::with_capacity(diagram.sections.len());
    for section in &diagram.sections {
        let name = section.value.as_str();
        if let Some(id) = by_name.get(name) {
            out.push(id.clone());
            continue;
        }
        let id = ids.unique(&slug(name, "unnamed"));
        sources.add_parts(&["stages", &map.stages.len().to_string()], section.at);
        map.stages.push(objects::stage(&id, name, None));
        by_name.insert(name, id.clone());
        out.push(id);
    }
    out
}
