//! Journeys for formats that list steps in order without a graph (Mermaid tasks, a table without
//! a `next` column): each persona goes through the touchpoints that apply to it in the order
//! given, and the last one leads to a success outcome.

use std::collections::HashMap;

use super::ids::UniqueIds;
use crate::model::{Entry, Id, JourneyMap, Outcome, OutcomeKind, Transition, XFields};

/// Id wanted for the success outcome of a linear journey.
pub(crate) const COMPLETED: &str = "completed";

/// Per persona, the positions of the touchpoints that apply to it, in array order.
fn sequences(map: &JourneyMap) -> Vec<(Id, Vec<usize>)> {
    map.personas
        .iter()
        .map(|p| {
            let seq = (0..map.touchpoints.len())
                .filter(|&i| map.touchpoints[i].applies_to(&p.id))
                .collect();
            (p.id.clone(), seq)
        })
        .collect()
}

/// Persona lists merged for one move or entry: empty when every persona of the map shares it.
fn persona_list(map: &JourneyMap, personas: Vec<Id>) -> Vec<Id> {
    if personas.len() == map.personas.len() {
        Vec::new()
    } else {
        personas
    }
}

/// Moves each persona through its touchpoints in array order, the last one to a success outcome
/// `completed` (added, with an id unique among `ids`). Moves shared by personas are one
/// transition. Returns the position of each transition's `from` touchpoint.
pub(crate) fn chain(map: &mut JourneyMap, ids: &mut UniqueIds) -> Vec<usize> {
    let seqs = sequences(map);
    if seqs.iter().all(|(_, s)| s.is_empty()) {
        return Vec::new();
    }
    let outcome = ids.unique(COMPLETED);
    // (from position, to position or None for the outcome) → personas, in persona order.
    let mut moves: HashMap<(usize, Option<usize>), Vec<Id>> = HashMap::new();
    for (persona, seq) in &seqs {
        for (k, &from) in seq.iter().enumerate() {
            let to = seq.get(k + 1).copied();
            moves.entry((from, to)).or_default().push(persona.clone());
        }
    }
    let mut keys: Vec<(usize, Option<usize>)> = moves.keys().copied().collect();
    // By `from`, then by `to` with the outcome last.
    keys.sort_by_key(|&(from, to)| (from, to.map_or(usize::MAX, |t| t)));
    let mut froms = Vec::with_capacity(keys.len());
    for key in keys {
        let personas = moves.remove(&key).unwrap_or_default();
        let to = key
            .1
            .map_or_else(|| outcome.clone(), |t| map.touchpoints[t].id.clone());
        map.transitions.push(Transition {
            from: map.touchpoints[key.0].id.clone(),
            to,
            personas: persona_list(map, personas),
            probability: None,
            count: None,
            label: None,
            x: XFields::new(),
        });
        froms.push(key.0);
    }
    map.outcomes.push(Outcome {
        id: outcome,
        name: "Journey completed".to_owned(),
        kind: OutcomeKind::Success,
        description: None,
        value: None,
        x: XFields::new(),
    });
    froms
}

/// Starts each persona's journey at the first touchpoint that applies to it; personas starting
/// at the same touchpoint share one entry. Returns the position of each entry's touchpoint.
pub(crate) fn first_entries(map: &mut JourneyMap) -> Vec<usize> {
    let mut firsts: Vec<(usize, Vec<Id>)> = Vec::new();
    for (persona, seq) in sequences(map) {
        let Some(&first) = seq.first() else { continue };
        match firsts.iter_mut().find(|(t, _)| *t == first) {
            Some((_, ps)) => ps.push(persona),
            None => firsts.push((first, vec![persona])),
        }
    }
    firsts.sort_by_key(|(t, _)| *t);
    let mut positions = Vec::with_capacity(firsts.len());
    for (t, personas) in firsts {
        map.entries.push(Entry {
            touchpoint: map.touchpoints[t].id.clone(),
            personas: persona_list(map, personas),
            probability: None,
            count: None,
            x: XFields::new(),
        });
        positions.push(t);
    }
    positions
}
