//! What-if: an as-is map with chosen opportunities' effects applied is the to-be map they
//! describe (state `to_be`, provenance in `metadata`), compared with the as-is map.

use schemars::JsonSchema;
use serde::Serialize;

use super::opportunities::positions;
use super::{Comparison, Error, ScoringConfig, compare};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::effects::{self, application_order, effects_x, forget_removed};
use crate::model::{Effects, JourneyMap, MapState, Opportunity};

/// The key of an applied opportunity under which the to-be map keeps the `x-` keys its
/// effects carried (see [`JourneyMap::apply`]).
pub const APPLIED_EFFECTS_KEY: &str = "x-applied-effects";

/// A to-be map made from an as-is map, with the comparison of the two.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct WhatIf {
    /// The to-be map.
    #[schemars(with = "serde_json::Value")]
    pub map: JourneyMap,
    /// What it changes against the as-is map (the comparison of `journeymap diff`).
    pub comparison: Comparison,
    /// Effects skipped in the combination, and effects of opportunities not applied that the
    /// to-be map drops because they name a removed touchpoint (JM112).
    pub diagnostics: Vec<Diagnostic>,
}

/// The id of the to-be map of an as-is map: `-as-is` becomes `-to-be`, or `-to-be` is appended.
fn to_be_id(id: &str) -> String {
    match id.strip_suffix("-as-is") {
        Some(stem) => format!("{stem}-to-be"),
        None => format!("{id}-to-be"),
    }
}

impl JourneyMap {
    /// The to-be map of these opportunities: their effects applied (in the order of their ids,
    /// kind by kind: see [`crate::model::effects`]), `state` set to `to_be`, the id and title
    /// marked as to-be (`-as-is` / "as-is" becomes `-to-be` / "to-be", or it is appended), `metadata.based_on` naming this map and
    /// `metadata.applied_opportunities` the opportunities applied. The applied opportunities
    /// stay in the map without their effects (they are now part of it), the `x-` keys their
    /// effects carried kept under the opportunity's `x-applied-effects` by JSON pointer
    /// (`{"/effects/measures/0": {"x-ticket": "CX-12"}}`); a changed or added move also takes
    /// its effect's `x-` keys, and new measure values their `x-` keys. What other
    /// opportunities say about a removed touchpoint is dropped. Unknown ids are refused
    /// (JM110).
    pub fn apply<S: AsRef<str>>(&self, ids: &[S]) -> Result<JourneyMap, Error> {
        Ok(apply_with_notes(self, ids)?.0)
    }
}

/// Keeps on an applied opportunity the `x-` keys of its effects (see [`effects_x`]) under
/// [`APPLIED_EFFECTS_KEY`], added to what it may hold there already (an opportunity of a
/// to-be map applied again).
fn keep_effects_x(o: &mut Opportunity, e: &Effects) {
    let kept = effects_x(e);
    if kept.is_empty() {
        return;
    }
    match o.x.get_mut(APPLIED_EFFECTS_KEY) {
        Some(serde_json::Value::Object(before)) => before.extend(kept),
        _ => {
            o.x.insert(
                APPLIED_EFFECTS_KEY.to_owned(),
                serde_json::Value::Object(kept),
            );
        }
    }
}

/// [`JourneyMap::apply`] with the effects skipped or dropped (JM112).
fn apply_with_notes<S: AsRef<str>>(
    map: &JourneyMap,
    ids: &[S],
) -> Result<(JourneyMap, Vec<Diagnostic>), Error> {
    let order = application_order(map, &positions(map, ids)?);
    let applied = effects::apply(map, &order);
    let mut diagnostics = applied.skipped;
    let mut out = applied.map;
    out.id = to_be_id(&map.id);
    out.title = if map.title.contains("as-is") {
        map.title.replacen("as-is", "to-be", 1)
    } else {
        format!("{} (to-be)", map.title)
    };
    out.state = Some(MapState::ToBe);
    out.metadata.based_on = Some(map.id.clone());
    out.metadata.applied_opportunities = order
        .iter()
        .map(|&i| map.opportunities[i].id.clone())
        .collect();
    for (i, o) in out.opportunities.iter_mut().enumerate() {
        if order.contains(&i) {
            if let Some(e) = o.effects.take() {
                keep_effects_x(o, &e);
            }
            continue;
        }
        for path in forget_removed(o, &applied.removed) {
            diagnostics.push(Diagnostic::new(
                codes::EFFECT_SKIPPED,
                format!("/opportunities/{i}{path}"),
                format!(
                    "this effect of opportunity \"{}\" names a touchpoint the applied opportunities remove; the to-be map drops it",
                    o.id
                ),
            ));
        }
    }
    if !applied.removed.is_empty() {
        // The applied opportunities may list a removed touchpoint or its pains too.
        for &i in &order {
            forget_removed(&mut out.opportunities[i], &applied.removed);
        }
    }
    Ok((out, diagnostics))
}

/// The to-be map of these opportunities (see [`JourneyMap::apply`]) with its comparison to
/// `map` and the effects skipped or dropped.
pub fn whatif<S: AsRef<str>>(
    map: &JourneyMap,
    ids: &[S],
    config: &ScoringConfig,
) -> Result<WhatIf, Error> {
    let (to_be, diagnostics) = apply_with_notes(map, ids)?;
    let comparison = compare(map, &to_be, config);
    Ok(WhatIf {
        map: to_be,
        comparison,
        diagnostics,
    })
}
