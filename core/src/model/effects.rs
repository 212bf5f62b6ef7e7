//! Applying opportunities' effects to a map: the map they describe once delivered.
//!
//! The effects of a set of opportunities are applied kind by kind, each kind in the order of the
//! opportunities' ids (so that the order of the map's arrays never matters): removed moves, then
//! changed or added moves, then removed touchpoints (the moves and entries into each sent to
//! its `redirect_to`), then new measure values (for each opportunity, the effects for every
//! persona before those for some personas). Where two opportunities change the same thing, the
//! one whose id sorts later wins. An effect that names what an earlier effect removed is skipped
//! with a diagnostic (JM112).

use std::collections::{BTreeSet, HashMap, HashSet};

use super::{
    Effects, Entry, Id, JourneyMap, MeasureEffect, Measures, Opportunity, Touchpoint, Transition,
    XFields,
};
use crate::diagnostics::{Diagnostic, codes};

/// The result of [`apply`].
#[derive(Debug, Clone)]
pub struct Applied {
    /// The map with the effects applied (everything else as it was).
    pub map: JourneyMap,
    /// The touchpoints removed, as they were.
    pub removed: Vec<Touchpoint>,
    /// Effects that could not be applied (JM112), with their JSON pointers into the original map.
    pub skipped: Vec<Diagnostic>,
}

/// Whether two persona lists name the same set of personas (empty = every persona).
pub fn same_personas(a: &[Id], b: &[Id]) -> bool {
    fn set(l: &[Id]) -> BTreeSet<&str> {
        l.iter().map(String::as_str).collect()
    }
    set(a) == set(b)
}

/// Positions of the opportunities in the order their effects are applied: by id, then position;
/// each position once, unknown positions left out.
pub fn application_order(map: &JourneyMap, positions: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = positions
        .iter()
        .copied()
        .filter(|&i| i < map.opportunities.len())
        .collect();
    order.sort_by(|&a, &b| {
        map.opportunities[a]
            .id
            .cmp(&map.opportunities[b].id)
            .then(a.cmp(&b))
    });
    order.dedup();
    order
}

/// The map with the effects of the opportunities at `positions` (in `map.opportunities`)
/// applied, in the order described in the module documentation. The opportunities themselves
/// are left as they are.
pub fn apply(map: &JourneyMap, positions: &[usize]) -> Applied {
    let order = application_order(map, positions);
    let mut applied = apply_structure(map, &order);
    apply_measures(&mut applied.map, map, &order, &mut applied.skipped);
    applied
}

fn skip(skipped: &mut Vec<Diagnostic>, path: String, what: String) {
    skipped.push(Diagnostic::new(
        codes::EFFECT_SKIPPED,
        path,
        format!("{what}; the effect is skipped"),
    ));
}

/// The map with the structural effects of the opportunities at `order` (in application order,
/// see [`application_order`]) applied: removed moves, changed or added moves, removed
/// touchpoints; measure effects are left to [`apply_measures`].
pub fn apply_structure(map: &JourneyMap, order: &[usize]) -> Applied {
    let mut out = map.clone();
    let mut skipped = Vec::new();
    let effects: Vec<(usize, &Effects)> = order
        .iter()
        .filter_map(|&i| map.opportunities.get(i)?.effects.as_ref().map(|e| (i, e)))
        .collect();
    let mut touchpoints: HashSet<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    let outcomes: HashSet<&str> = map.outcomes.iter().map(|o| o.id.as_str()).collect();
    for &(i, e) in &effects {
        for (j, r) in e.removed_transitions.iter().enumerate() {
            let before = out.transitions.len();
            out.transitions.retain(|t| {
                !(t.from == r.from && t.to == r.to && same_personas(&t.personas, &r.personas))
            });
            if out.transitions.len() == before {
                let path = format!("/opportunities/{i}/effects/removed_transitions/{j}");
                skip(
                    &mut skipped,
                    path,
                    format!("no move {} → {} is left to remove", r.from, r.to),
                );
            }
        }
    }
    for &(i, e) in &effects {
        for (j, t) in e.transitions.iter().enumerate() {
            if !touchpoints.contains(t.from.as_str())
                || !(touchpoints.contains(t.to.as_str()) || outcomes.contains(t.to.as_str()))
            {
                let path = format!("/opportunities/{i}/effects/transitions/{j}");
                skip(
                    &mut skipped,
                    path,
                    format!(
                        "the move {} → {} names a touchpoint that is gone",
                        t.from, t.to
                    ),
                );
                continue;
            }
            set_transition(&mut out.transitions, t);
        }
    }
    let mut removed = Vec::new();
    for &(i, e) in &effects {
        for (j, r) in e.removed_touchpoints.iter().enumerate() {
            if r.touchpoint == r.redirect_to
                || !touchpoints.contains(r.touchpoint.as_str())
                || !touchpoints.contains(r.redirect_to.as_str())
            {
                let path = format!("/opportunities/{i}/effects/removed_touchpoints/{j}");
                skip(
                    &mut skipped,
                    path,
                    format!(
                        "\"{}\" cannot be removed into \"{}\" (one of them is gone)",
                        r.touchpoint, r.redirect_to
                    ),
                );
                continue;
            }
            touchpoints.remove(r.touchpoint.as_str());
            if let Some(tp) = remove_touchpoint(&mut out, &r.touchpoint, &r.redirect_to) {
                removed.push(tp);
            }
        }
    }
    Applied {
        map: out,
        removed,
        skipped,
    }
}

/// The measure effects of the opportunities at `order` (in application order), in the order
/// they are applied: for each opportunity those for every persona, then those for some; with
/// the opportunity's position and the effect's.
pub fn measure_effects<'a>(
    map: &'a JourneyMap,
    order: &'a [usize],
) -> impl Iterator<Item = (usize, usize, &'a MeasureEffect)> + 'a {
    order.iter().flat_map(move |&i| {
        let list = map
            .opportunities
            .get(i)
            .and_then(|o| o.effects.as_ref())
            .map_or(&[][..], |e| e.measures.as_slice());
        let everyone = list.iter().enumerate().filter(|(_, m)| m.for_everyone());
        let some = list.iter().enumerate().filter(|(_, m)| !m.for_everyone());
        everyone.chain(some).map(move |(j, m)| (i, j, m))
    })
}

/// Writes the measure effects of the opportunities at `order` (positions in `source`, in
/// application order) into `out`'s touchpoints; an effect on a touchpoint `out` no longer has
/// is skipped (JM112).
pub fn apply_measures(
    out: &mut JourneyMap,
    source: &JourneyMap,
    order: &[usize],
    skipped: &mut Vec<Diagnostic>,
) {
    for (i, j, m) in measure_effects(source, order) {
        match out.touchpoints.iter_mut().find(|t| t.id == m.touchpoint) {
            Some(tp) => set_measures(tp, m),
            None => {
                let path = format!("/opportunities/{i}/effects/measures/{j}");
                skip(
                    skipped,
                    path,
                    format!("touchpoint \"{}\" is gone", m.touchpoint),
                );
            }
        }
    }
}

/// Writes a measure effect's values into a touchpoint: for every persona into `measures`
/// (dropping the same fields from every persona override, and overrides left empty), for some
/// personas into their overrides.
pub fn set_measures(tp: &mut Touchpoint, effect: &MeasureEffect) {
    if effect.for_everyone() {
        write(&mut tp.measures, &effect.measures);
        for over in tp.persona_measures.values_mut() {
            for ((_, slot), (_, new)) in over.fields_mut().into_iter().zip(effect.measures.fields())
            {
                if new.is_some() {
                    *slot = None;
                }
            }
        }
        tp.persona_measures
            .retain(|_, m| !(m.is_unset() && m.x.is_empty()));
    } else {
        for p in &effect.personas {
            write(
                tp.persona_measures.entry(p.clone()).or_default(),
                &effect.measures,
            );
        }
    }
}

/// Sets every field `new` has, and its `x-` keys.
fn write(target: &mut Measures, new: &Measures) {
    for ((_, slot), (_, value)) in target.fields_mut().into_iter().zip(new.fields()) {
        if value.is_some() {
            *slot = value;
        }
    }
    target
        .x
        .extend(new.x.iter().map(|(k, v)| (k.clone(), v.clone())));
}

/// Adds to `survivor` the `x-` keys of an object merged into it that it does not have (on the
/// same key, the survivor's value stays).
fn absorb_x(survivor: &mut XFields, absorbed: XFields) {
    for (key, value) in absorbed {
        survivor.entry(key).or_insert(value);
    }
}

/// Merges into `survivor` a transition for the same move that is dropped: its `x-` keys (see
/// [`absorb_x`]) and its label when the survivor has none.
fn absorb_transition(survivor: &mut Transition, absorbed: Transition) {
    absorb_x(&mut survivor.x, absorbed.x);
    if survivor.label.is_none() {
        survivor.label = absorbed.label;
    }
}

/// The `x-` keys of an opportunity's effects, by the JSON pointer (within the opportunity) of
/// the object that carries them: `/effects`, `/effects/measures/0`,
/// `/effects/measures/0/measures`, `/effects/transitions/1`, ... Objects without `x-` keys are
/// left out; empty when none has any.
pub fn effects_x(effects: &Effects) -> XFields {
    let mut out = XFields::new();
    let mut add = |path: String, x: &XFields| {
        if !x.is_empty() {
            out.insert(path, serde_json::Value::Object(x.clone()));
        }
    };
    add("/effects".to_owned(), &effects.x);
    for (j, m) in effects.measures.iter().enumerate() {
        add(format!("/effects/measures/{j}"), &m.x);
        add(format!("/effects/measures/{j}/measures"), &m.measures.x);
    }
    for (j, t) in effects.transitions.iter().enumerate() {
        add(format!("/effects/transitions/{j}"), &t.x);
    }
    for (j, t) in effects.removed_transitions.iter().enumerate() {
        add(format!("/effects/removed_transitions/{j}"), &t.x);
    }
    for (j, t) in effects.removed_touchpoints.iter().enumerate() {
        add(format!("/effects/removed_touchpoints/{j}"), &t.x);
    }
    out
}

/// Gives the move from the effect's `from` to its `to` for its personas the effect's weights
/// (and label, when it gives one) and `x-` keys: the first transition with that `from`, `to`
/// and personas is changed and its duplicates (JM049) merged into it (their weights dropped,
/// their `x-` keys and label kept as in [`absorb_transition`]), so that the move has exactly
/// these weights; a transition is added when there is none.
pub fn set_transition(transitions: &mut Vec<Transition>, effect: &super::TransitionEffect) {
    let same = |t: &Transition| {
        t.from == effect.from && t.to == effect.to && same_personas(&t.personas, &effect.personas)
    };
    match transitions.iter().position(same) {
        Some(first) => {
            let mut kept: Vec<Transition> = Vec::with_capacity(transitions.len());
            for (k, t) in std::mem::take(transitions).into_iter().enumerate() {
                match kept.get_mut(first) {
                    Some(survivor) if k > first && same(&t) => absorb_transition(survivor, t),
                    _ => kept.push(t),
                }
            }
            *transitions = kept;
            let Some(t) = transitions.get_mut(first) else {
                return;
            };
            t.probability = effect.probability;
            t.count = effect.count;
            if effect.label.is_some() {
                t.label.clone_from(&effect.label);
            }
            t.x.extend(effect.x.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        None => transitions.push(Transition {
            from: effect.from.clone(),
            to: effect.to.clone(),
            personas: effect.personas.clone(),
            probability: effect.probability,
            count: effect.count,
            label: effect.label.clone(),
            x: effect.x.clone(),
        }),
    }
}

/// `a + b` to 15 significant digits, so that weights written in decimals add up to the decimal
/// a person would write (0.7 + 0.2 is 0.9, not 0.8999999999999999).
fn decimal_sum(a: f64, b: f64) -> f64 {
    let sum = a + b;
    format!("{sum:.14e}").parse().unwrap_or(sum)
}

/// Two weights for the same move merged into one, when they are of the same kind: both
/// probabilities (summed, with their counts when both have one), or both counts.
fn merged(
    a: (Option<f64>, Option<f64>),
    b: (Option<f64>, Option<f64>),
) -> Option<(Option<f64>, Option<f64>)> {
    let count = a.1.zip(b.1).map(|(x, y)| decimal_sum(x, y));
    match (a.0, b.0) {
        (Some(p), Some(q)) => Some((Some(decimal_sum(p, q)), count)),
        (None, None) if count.is_some() => Some((None, count)),
        _ => None,
    }
}

/// The transitions with the moves into `removed` sent to `target` and the moves out of it
/// dropped. A redirected move is merged into a move of the same `from`, target and personas
/// when their weights are of the same kind (see [`merged`]), which also takes its `x-` keys and
/// label (see [`absorb_transition`]); otherwise both are kept (parallel moves add up).
pub fn redirect_transitions(
    transitions: Vec<Transition>,
    removed: &str,
    target: &str,
) -> Vec<Transition> {
    let mut out: Vec<Transition> = Vec::with_capacity(transitions.len());
    // Moves into the target, by `from`: candidates for a merge.
    let mut into_target: HashMap<Id, Vec<usize>> = HashMap::new();
    for mut t in transitions {
        if t.from == removed {
            continue;
        }
        if t.to == removed {
            target.clone_into(&mut t.to);
        }
        if t.to != target {
            out.push(t);
            continue;
        }
        let partner = into_target.get(&t.from).and_then(|list| {
            list.iter().copied().find(|&k| {
                same_personas(&out[k].personas, &t.personas)
                    && merged((out[k].probability, out[k].count), (t.probability, t.count))
                        .is_some()
            })
        });
        match partner {
            Some(k) => {
                if let Some((p, c)) =
                    merged((out[k].probability, out[k].count), (t.probability, t.count))
                {
                    out[k].probability = p;
                    out[k].count = c;
                    absorb_transition(&mut out[k], t);
                }
            }
            None => {
                into_target
                    .entry(t.from.clone())
                    .or_default()
                    .push(out.len());
                out.push(t);
            }
        }
    }
    out
}

/// Removes a touchpoint: moves out of it dropped, moves and entries into it sent to `target`
/// (merged as in [`redirect_transitions`], an entry merged into another giving it its `x-` keys
/// as in [`absorb_x`]). Returns the touchpoint as it was.
fn remove_touchpoint(map: &mut JourneyMap, removed: &str, target: &str) -> Option<Touchpoint> {
    let position = map.touchpoints.iter().position(|t| t.id == removed)?;
    let tp = map.touchpoints.remove(position);
    map.transitions = redirect_transitions(std::mem::take(&mut map.transitions), removed, target);
    let mut entries: Vec<Entry> = Vec::with_capacity(map.entries.len());
    for mut e in std::mem::take(&mut map.entries) {
        if e.touchpoint == removed {
            target.clone_into(&mut e.touchpoint);
        }
        let partner = (e.touchpoint == target)
            .then(|| {
                entries.iter().position(|x| {
                    x.touchpoint == target
                        && same_personas(&x.personas, &e.personas)
                        && merged((x.probability, x.count), (e.probability, e.count)).is_some()
                })
            })
            .flatten();
        match partner {
            Some(k) => {
                if let Some((p, c)) = merged(
                    (entries[k].probability, entries[k].count),
                    (e.probability, e.count),
                ) {
                    entries[k].probability = p;
                    entries[k].count = c;
                    absorb_x(&mut entries[k].x, e.x);
                }
            }
            None => entries.push(e),
        }
    }
    map.entries = entries;
    Some(tp)
}

/// Removes from `opportunity` what names a removed touchpoint: the touchpoint in its list, the
/// removed touchpoints' pains in its list, and each effect on a removed touchpoint or on a move
/// into or out of one. Returns the JSON pointers (relative to the opportunity's `effects`) of
/// the effects dropped.
pub fn forget_removed(opportunity: &mut Opportunity, removed: &[Touchpoint]) -> Vec<String> {
    let ids: HashSet<&str> = removed.iter().map(|t| t.id.as_str()).collect();
    let pains: HashSet<&str> = removed
        .iter()
        .flat_map(|t| t.pains.iter().filter_map(|n| n.id.as_deref()))
        .collect();
    opportunity
        .touchpoints
        .retain(|t| !ids.contains(t.as_str()));
    opportunity.pains.retain(|p| !pains.contains(p.as_str()));
    let mut dropped = Vec::new();
    let Some(e) = opportunity.effects.as_mut() else {
        return dropped;
    };
    let gone = |id: &str| ids.contains(id);
    let mut keep = |kind: &str, list_len: usize, named: &dyn Fn(usize) -> bool| -> Vec<bool> {
        (0..list_len)
            .map(|j| {
                let drop = named(j);
                if drop {
                    dropped.push(format!("/effects/{kind}/{j}"));
                }
                !drop
            })
            .collect()
    };
    let m = keep("measures", e.measures.len(), &|j| {
        gone(&e.measures[j].touchpoint)
    });
    let t = keep("transitions", e.transitions.len(), &|j| {
        gone(&e.transitions[j].from) || gone(&e.transitions[j].to)
    });
    let rt = keep("removed_transitions", e.removed_transitions.len(), &|j| {
        gone(&e.removed_transitions[j].from) || gone(&e.removed_transitions[j].to)
    });
    let rp = keep("removed_touchpoints", e.removed_touchpoints.len(), &|j| {
        gone(&e.removed_touchpoints[j].touchpoint) || gone(&e.removed_touchpoints[j].redirect_to)
    });
    retain_by(&mut e.measures, &m);
    retain_by(&mut e.transitions, &t);
    retain_by(&mut e.removed_transitions, &rt);
    retain_by(&mut e.removed_touchpoints, &rp);
    dropped
}

fn retain_by<T>(list: &mut Vec<T>, keep: &[bool]) {
    let mut k = 0;
    list.retain(|_| {
        let kept = keep.get(k).copied().unwrap_or(true);
        k += 1;
        kept
    });
}
