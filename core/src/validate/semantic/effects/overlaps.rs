//! Opportunities whose effects change the same thing (JM061).

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use super::overlap;
use crate::diagnostics::codes;
use crate::model::{Id, JourneyMap};
use crate::validate::semantic::Sink;

/// Opportunities whose effects change the same thing (JM061, info), once per pair.
pub(super) fn overlaps<'m>(map: &'m JourneyMap, sink: &mut Sink) {
    // What an effect changes, with the persona list it is for.
    let mut changes: HashMap<String, Vec<(usize, &'m [Id])>> = HashMap::new();
    for (i, o) in map.opportunities.iter().enumerate() {
        let Some(e) = &o.effects else { continue };
        let mut add = |key: String, personas: &'m [Id]| {
            let list = changes.entry(key).or_default();
            if !list.iter().any(|&(k, p)| k == i && p == personas) {
                list.push((i, personas));
            }
        };
        for m in &e.measures {
            for (field, v) in m.measures.fields() {
                if v.is_some() {
                    add(format!("the {field} of \"{}\"", m.touchpoint), &m.personas);
                }
            }
        }
        for t in &e.transitions {
            add(format!("the move {} → {}", t.from, t.to), &t.personas);
        }
        for t in &e.removed_transitions {
            add(format!("the move {} → {}", t.from, t.to), &t.personas);
        }
        for r in &e.removed_touchpoints {
            add(
                format!("the removal of touchpoint \"{}\"", r.touchpoint),
                &[],
            );
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    let mut found: Vec<(usize, usize, String)> = Vec::new();
    let mut keys: Vec<&String> = changes.keys().collect();
    keys.sort();
    for key in keys {
        let list = &changes[key];
        for (x, &(a, pa)) in list.iter().enumerate() {
            for &(b, pb) in &list[x + 1..] {
                if a != b && overlap(pa, pb) && pairs.insert((a.min(b), a.max(b))) {
                    found.push((a.min(b), a.max(b), key.clone()));
                }
            }
        }
    }
    found.sort();
    for (a, b, what) in found {
        let (first, second) = (&map.opportunities[a].id, &map.opportunities[b].id);
        let later = if first <= second { second } else { first };
        sink.add(
            codes::OVERLAPPING_OPPORTUNITIES,
            format!("/opportunities/{b}/effects"),
            format!(
                "opportunities \"{first}\" and \"{second}\" both change {what}; applied together, the effects of \"{later}\" win"
            ),
        );
    }
}
