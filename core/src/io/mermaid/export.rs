//! A map as a Mermaid `journey`: one persona's most likely journey, or every persona's merged.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::ACC_TITLE_KEY;
use super::text::{Place, escape};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::Error;
use crate::model::{JourneyMap, Persona};
use crate::score::chain::likely_journey;

/// One task to write: a touchpoint position and the persona whose measures it shows.
type Step<'m> = (usize, Option<&'m str>);

/// The Mermaid text of `map` (see [`super::to_string`]).
pub(super) fn export(map: &JourneyMap, persona: Option<&str>) -> Result<String, Error> {
    let steps = match (persona, map.personas.as_slice()) {
        (Some(p), _) => {
            let Some(found) = map.personas.iter().find(|x| x.id == p) else {
                return Err(Error::Export {
                    diagnostics: vec![Diagnostic::new(
                        codes::UNKNOWN_EXPORT_PERSONA,
                        "/personas",
                        format!("the map has no persona \"{p}\" to export"),
                    )],
                });
            };
            journey(map, found)
        }
        (None, []) => journey_order(map, |_| true)
            .into_iter()
            .map(|t| (t, None))
            .collect(),
        (None, [only]) => journey(map, only),
        (None, all) => merged(map, all),
    };
    let mut out = String::from("journey\n");
    let title = map.title.trim();
    if !title.is_empty() {
        let _ = writeln!(out, "    title {}", escape(title, Place::Title));
    }
    if let Some(Value::String(t)) = map.x.get(ACC_TITLE_KEY) {
        let _ = writeln!(out, "    accTitle: {}", escape(t.trim(), Place::Line));
    }
    write_description(&mut out, map, persona, &steps);
    write_tasks(&mut out, map, &steps);
    Ok(out)
}

/// One persona's steps: its most likely journey, else (no outcome reachable) its touchpoints in
/// journey order.
fn journey<'m>(map: &JourneyMap, persona: &'m Persona) -> Vec<Step<'m>> {
    likely_journey(map, &persona.id)
        .unwrap_or_else(|| journey_order(map, |t| map.touchpoints[t].applies_to(&persona.id)))
        .into_iter()
        .map(|t| (t, Some(persona.id.as_str())))
        .collect()
}

/// Every persona's journey merged: each touchpoint once, with the measures of the first persona
/// (in map order) whose journey visits it, in the map's touchpoint order.
fn merged<'m>(map: &JourneyMap, personas: &'m [Persona]) -> Vec<Step<'m>> {
    let mut first: HashMap<usize, &'m str> = HashMap::new();
    for persona in personas {
        for (t, p) in journey(map, persona) {
            if let Some(p) = p {
                first.entry(t).or_insert(p);
            }
        }
    }
    let mut steps: Vec<Step<'m>> = first.into_iter().map(|(t, p)| (t, Some(p))).collect();
    steps.sort_by_key(|&(t, _)| t);
    steps
}

/// Touchpoint positions accepted by `keep`, by stage order, then array order.
fn journey_order(map: &JourneyMap, keep: impl Fn(usize) -> bool) -> Vec<usize> {
    let rank: HashMap<&str, usize> = map
        .stages_in_order()
        .iter()
        .enumerate()
        .map(|(r, s)| (s.id.as_str(), r))
        .collect();
    let mut out: Vec<usize> = (0..map.touchpoints.len()).filter(|&t| keep(t)).collect();
    out.sort_by_key(|&t| {
        let stage = map.touchpoints[t].stage.as_str();
        (rank.get(stage).copied().unwrap_or(usize::MAX), t)
    });
    out
}

fn write_description(out: &mut String, map: &JourneyMap, persona: Option<&str>, steps: &[Step]) {
    let text = map.description.clone().unwrap_or_else(|| {
        let names: Vec<&str> = match persona {
            Some(p) => map
                .personas
                .iter()
                .filter(|x| x.id == p)
                .map(|x| x.name.as_str())
                .collect(),
            None => map.personas.iter().map(|x| x.name.as_str()).collect(),
        };
        let mut stages: Vec<&str> = steps
            .iter()
            .map(|&(t, _)| map.touchpoints[t].stage.as_str())
            .collect();
        stages.dedup();
        let who = if names.is_empty() {
            String::new()
        } else {
            format!(" of {}", names.join(", "))
        };
        format!(
            "Customer journey{who}: {} in {}, each scored from 1 (worst) to 5 (best).",
            plural(steps.len(), "task"),
            plural(stages.len(), "section")
        )
    });
    let text = text.trim();
    if text.contains('\n') {
        out.push_str("    accDescr {\n");
        for line in escape(text, Place::Block).lines() {
            let _ = writeln!(out, "        {line}");
        }
        out.push_str("    }\n");
    } else {
        let _ = writeln!(out, "    accDescr: {}", escape(text, Place::Line));
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn write_tasks(out: &mut String, map: &JourneyMap, steps: &[Step]) {
    let index = map.index();
    let scale = map.scales.emotion();
    let mut current: Option<&str> = None;
    for (k, &(t, persona)) in steps.iter().enumerate() {
        let tp = &map.touchpoints[t];
        if current != Some(tp.stage.as_str()) {
            current = Some(tp.stage.as_str());
            let name = index
                .stage(&tp.stage)
                .map_or(tp.stage.as_str(), |s| &s.name);
            if k > 0 || !name.is_empty() {
                let _ = writeln!(out, "    section {}", escape(name, Place::Name));
            }
        }
        let emotion = persona
            .map_or_else(|| tp.measures.emotion, |p| tp.measures_for(p).emotion)
            .filter(|e| e.is_finite());
        let score = match emotion {
            Some(e) => super::emotion_to_score(e, &scale).clamp(1.0, 5.0),
            None => {
                out.push_str("      %% no emotion measured here: 3 is the neutral midpoint\n");
                3.0
            }
        };
        let _ = write!(
            out,
            "      {}: {}",
            escape(&tp.name, Place::Name),
            format_score(score)
        );
        let actors: Vec<String> = tp
            .personas
            .iter()
            .map(|p| {
                let name = index.persona(p).map_or(p.as_str(), |x| &x.name);
                escape(name, Place::Actor)
            })
            .collect();
        if !actors.is_empty() {
            let _ = write!(out, ": {}", actors.join(", "));
        }
        out.push('\n');
    }
}

/// A score with the fewest decimals (at most 6) that keep it within 1e-9.
fn format_score(score: f64) -> String {
    for decimals in 0..6 {
        let factor = 10f64.powi(decimals);
        let rounded = (score * factor).round() / factor;
        if (rounded - score).abs() < 1e-9 {
            return format!("{rounded:.prec$}", prec = decimals as usize);
        }
    }
    format!("{score:.6}")
        .trim_end_matches('0')
        .trim_end_matches('.')
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::format_score;

    #[test]
    fn scores_are_written_short() {
        assert_eq!(format_score(5.0), "5");
        assert_eq!(format_score(3.5), "3.5");
        assert_eq!(format_score(3.125), "3.125");
        assert_eq!(format_score(1.0 + 4.0 * 5.0 / 9.0), "3.222222");
        assert_eq!(format_score(2.9999999999), "3");
    }
}
