//! Predictions: the map re-scored with opportunities' effects applied (docs/scoring.md §13).
//!
//! A prediction computes the figures that [`Prediction`] compares (conversion, expected effort,
//! channel switches, hand-offs, remembered emotion, health) with the same functions, in the same
//! order, as the full scores, so a predicted change equals, bit for bit, the change between the
//! scores of the map and of the what-if map. It reuses what the effects leave alone: a persona
//! whose moves, entries and drop-off rates no effect touches keeps its as-is chain,
//! factorization, solution and most likely path, and the chains of a set of structural effects
//! are kept for every later set with the same structural effects (a greedy portfolio adds
//! measure-only opportunities to the same structure many times).

use std::collections::HashMap as StdHashMap;
use std::rc::Rc;

use foldhash::HashMap;

use super::aggregate::{Totals, totals};
use super::persona::{Figures, figures, persona_data};
use super::solve::{self, Depth, Solved};
use super::state::stage_ranks;
use super::{PersonaPrediction, Prediction, ScoringConfig};
use crate::diagnostics::Diagnostic;
use crate::model::JourneyMap;
use crate::model::effects::{self, application_order};

/// One side of a prediction: the scored personas and the totals over the customer base.
#[derive(Debug, Clone)]
pub(crate) struct Side {
    /// Scored personas in id order: (position in `JourneyMap::personas`, weight, figures).
    pub personas: Vec<(usize, f64, Figures)>,
    pub totals: Totals,
}

/// Predicts sets of opportunities of one map, keeping what can be reused between predictions.
#[derive(Debug)]
pub(crate) struct Predictor<'m> {
    pub map: &'m JourneyMap,
    pub config: ScoringConfig,
    ranks: HashMap<&'m str, usize>,
    /// The as-is personas, solved.
    pub solved: Rc<Vec<Solved>>,
    /// The as-is side.
    pub base: Side,
    /// Per opportunity, the errors of its effects (JM054–JM058).
    pub errors: Vec<Vec<Diagnostic>>,
    /// Solved personas by the positions of the structural opportunities applied.
    cache: StdHashMap<Vec<usize>, Rc<Vec<Solved>>>,
}

impl<'m> Predictor<'m> {
    /// A predictor for `map`, whose personas are already solved.
    pub fn new(map: &'m JourneyMap, config: &ScoringConfig, solved: Vec<Solved>) -> Self {
        let ranks = stage_ranks(map);
        let base = side(map, config, &ranks, &solved);
        Self {
            map,
            config: config.clone(),
            ranks,
            solved: Rc::new(solved),
            base,
            errors: crate::validate::effect_errors(map),
            cache: StdHashMap::new(),
        }
    }

    /// A predictor for `map`, solving its personas.
    pub fn solving(map: &'m JourneyMap, config: &ScoringConfig) -> Self {
        let index = map.index();
        let solved = solve::solve(map, &index, Depth::Full, &mut |_| None, &mut Vec::new());
        Self::new(map, config, solved)
    }

    /// Whether the opportunity at `i` can be predicted: it declares effects, without errors.
    pub fn predictable(&self, i: usize) -> bool {
        self.map
            .opportunities
            .get(i)
            .is_some_and(|o| o.has_effects())
            && self.errors.get(i).is_some_and(Vec::is_empty)
    }

    /// The map with the effects of the opportunities at `set` applied (those that cannot be
    /// predicted are left out), scored; with the effects skipped in the combination (JM112).
    pub fn predict(&mut self, set: &[usize]) -> (Side, Vec<Diagnostic>) {
        let order: Vec<usize> = application_order(self.map, set)
            .into_iter()
            .filter(|&i| self.predictable(i))
            .collect();
        if order.is_empty() {
            return (self.base.clone(), Vec::new());
        }
        let applied = effects::apply(self.map, &order);
        let opportunity = |i: usize| self.map.opportunities[i].effects.as_ref();
        let structural: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| opportunity(i).is_some_and(|e| e.changes_chains()))
            .collect();
        let solved = if structural.is_empty() {
            self.solved.clone()
        } else if let Some(solved) = self.cache.get(&structural) {
            solved.clone()
        } else {
            let removes = structural
                .iter()
                .any(|&i| opportunity(i).is_some_and(|e| !e.removed_touchpoints.is_empty()));
            let base = &self.solved;
            let map = self.map;
            // A persona no structural effect touches keeps its as-is chain (touchpoint positions
            // are unchanged when no touchpoint is removed).
            let mut reuse = |pi: usize| -> Option<Solved> {
                let persona = &map.personas[pi].id;
                let touched = structural.iter().any(|&i| {
                    map.opportunities[i]
                        .effects
                        .as_ref()
                        .is_some_and(|e| e.changes_chain_of(persona))
                });
                if removes || touched {
                    return None;
                }
                base.iter().find(|s| s.persona == pi).cloned()
            };
            let index = applied.map.index();
            let solved = Rc::new(solve::solve(
                &applied.map,
                &index,
                Depth::Flow,
                &mut reuse,
                &mut Vec::new(),
            ));
            self.cache.insert(structural, solved.clone());
            solved
        };
        let side = side(&applied.map, &self.config, &self.ranks, &solved);
        (side, applied.skipped)
    }
}

/// The figures of every solved persona of `map`, weighted, and their totals.
fn side(
    map: &JourneyMap,
    config: &ScoringConfig,
    ranks: &HashMap<&str, usize>,
    solved: &[Solved],
) -> Side {
    let positions: Vec<usize> = solved.iter().map(|s| s.persona).collect();
    let weights = solve::weights(map, &positions);
    let personas: Vec<(usize, f64, Figures)> = solved
        .iter()
        .zip(weights)
        .map(|(s, w)| {
            let data = persona_data(map, &s.chain, &map.personas[s.persona].id, ranks);
            let f = figures(config, &s.chain, &data, &s.flow, s.path.as_ref().as_ref());
            (s.persona, w, f)
        })
        .collect();
    let weighted: Vec<(f64, &Figures)> = personas.iter().map(|(_, w, f)| (*w, f)).collect();
    let totals = totals(config, &weighted);
    Side { personas, totals }
}

/// The change from `before` to `after`, over the customer base and per persona scored on both
/// sides.
pub(crate) fn change(map: &JourneyMap, before: &Side, after: &Side) -> Prediction {
    let diff = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(x, y)| y - x);
    let personas = before
        .personas
        .iter()
        .filter_map(|(p, _, x)| {
            let (_, _, y) = after.personas.iter().find(|(q, _, _)| q == p)?;
            Some(PersonaPrediction {
                persona: map.personas[*p].id.clone(),
                conversion: y.success - x.success,
                effort: y.effort.expected_total - x.effort.expected_total,
                channel_switches: y.effort.switches - x.effort.switches,
                handoffs: y.effort.handoffs - x.effort.handoffs,
                peak_end: diff(x.peak_end, y.peak_end),
                health: y.health.index - x.health.index,
            })
        })
        .collect();
    let (b, a) = (&before.totals, &after.totals);
    Prediction {
        conversion: a.success - b.success,
        effort: a.effort - b.effort,
        channel_switches: a.switches - b.switches,
        handoffs: a.handoffs - b.handoffs,
        peak_end: diff(b.peak_end, a.peak_end),
        health: a.health.index - b.health.index,
        personas,
    }
}
