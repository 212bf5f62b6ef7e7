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

use super::aggregate::{Totals, totals};
use super::persona::{Figures, figures};
use super::solve::{self, Depth, Solved};
use super::state::{Light, Norms};
use super::{PersonaPrediction, Prediction, ScoringConfig};
use crate::diagnostics::Diagnostic;
use crate::model::effects::{self, application_order};
use crate::model::{JourneyMap, Touchpoint};

/// One side of a prediction: the scored personas and the totals over the customer base.
#[derive(Debug, Clone)]
pub(crate) struct Side {
    /// Scored personas in id order: (position in `JourneyMap::personas`, weight, figures).
    pub personas: Vec<(usize, f64, Figures)>,
    pub totals: Totals,
}

/// The structural effects of a set of opportunities applied once, and kept for every set with
/// the same structural effects.
#[derive(Debug)]
struct Structure {
    /// The map with the structural effects applied (moves, removed touchpoints; no measures).
    map: JourneyMap,
    /// Its personas, solved with the measure effects of the same opportunities (drop-off rates
    /// shape the chains).
    solved: Rc<Vec<Solved>>,
    /// Effects skipped while applying them (JM112).
    skipped: Vec<Diagnostic>,
}

/// Predicts sets of opportunities of one map, keeping what can be reused between predictions.
#[derive(Debug)]
pub(crate) struct Predictor<'m> {
    pub map: &'m JourneyMap,
    pub config: ScoringConfig,
    norms: Norms,
    /// The as-is personas, solved.
    pub solved: Rc<Vec<Solved>>,
    /// The as-is side.
    pub base: Side,
    /// Per opportunity, the errors of its effects (JM054–JM058).
    pub errors: Vec<Vec<Diagnostic>>,
    /// By the positions of the structural opportunities of a set.
    structures: StdHashMap<Vec<usize>, Rc<Structure>>,
}

impl<'m> Predictor<'m> {
    /// A predictor for `map`, whose personas are already solved.
    pub fn new(map: &'m JourneyMap, config: &ScoringConfig, solved: Vec<Solved>) -> Self {
        let norms = Norms::of(map);
        let base = side(map, config, &norms, &StdHashMap::new(), &solved);
        Self {
            map,
            config: config.clone(),
            norms,
            solved: Rc::new(solved),
            base,
            errors: crate::validate::effect_errors(map),
            structures: StdHashMap::new(),
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
    ///
    /// The structural effects (moves, removed touchpoints, drop-off rates) are applied and
    /// solved once per distinct set of them; the measure effects of the whole set are then
    /// written into copies of the touchpoints they touch, in the order the map applies them.
    /// This is the map `effects::apply` makes, read without building it.
    pub fn predict(&mut self, set: &[usize]) -> (Side, Vec<Diagnostic>) {
        let order: Vec<usize> = application_order(self.map, set)
            .into_iter()
            .filter(|&i| self.predictable(i))
            .collect();
        if order.is_empty() {
            return (self.base.clone(), Vec::new());
        }
        let structural: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| {
                self.map.opportunities[i]
                    .effects
                    .as_ref()
                    .is_some_and(|e| e.changes_chains())
            })
            .collect();
        let structure = if structural.is_empty() {
            None
        } else {
            Some(self.structure(structural))
        };
        let (map, solved, mut skipped) = match &structure {
            Some(s) => (&s.map, s.solved.clone(), s.skipped.clone()),
            None => (self.map, self.solved.clone(), Vec::new()),
        };
        let mut touched: StdHashMap<usize, Touchpoint> = StdHashMap::new();
        for (i, j, m) in effects::measure_effects(self.map, &order) {
            match map.touchpoints.iter().position(|t| t.id == m.touchpoint) {
                Some(at) => effects::set_measures(
                    touched
                        .entry(at)
                        .or_insert_with(|| map.touchpoints[at].clone()),
                    m,
                ),
                None => skipped.push(Diagnostic::new(
                    crate::diagnostics::codes::EFFECT_SKIPPED,
                    format!("/opportunities/{i}/effects/measures/{j}"),
                    format!(
                        "touchpoint \"{}\" is gone; the effect is skipped",
                        m.touchpoint
                    ),
                )),
            }
        }
        let side = side(map, &self.config, &self.norms, &touched, &solved);
        (side, skipped)
    }

    /// The structure of these structural opportunities (in application order), applied and
    /// solved on first use. A persona no structural effect touches keeps its as-is chain (the
    /// touchpoint positions are unchanged when no touchpoint is removed).
    fn structure(&mut self, structural: Vec<usize>) -> Rc<Structure> {
        if let Some(s) = self.structures.get(&structural) {
            return s.clone();
        }
        let map = self.map;
        let applied = effects::apply_structure(map, &structural);
        let mut chains = applied.map.clone();
        effects::apply_measures(&mut chains, map, &structural, &mut Vec::new());
        let effects_of = |i: usize| map.opportunities[i].effects.as_ref();
        let removes = structural
            .iter()
            .any(|&i| effects_of(i).is_some_and(|e| !e.removed_touchpoints.is_empty()));
        let base = &self.solved;
        let mut reuse = |pi: usize| -> Option<Solved> {
            let persona = &map.personas[pi].id;
            let touched = structural
                .iter()
                .any(|&i| effects_of(i).is_some_and(|e| e.changes_chain_of(persona)));
            if removes || touched {
                return None;
            }
            base.iter().find(|s| s.persona == pi).cloned()
        };
        let index = chains.index();
        let solved = solve::solve(&chains, &index, Depth::Flow, &mut reuse, &mut Vec::new());
        let structure = Rc::new(Structure {
            map: applied.map,
            solved: Rc::new(solved),
            skipped: applied.skipped,
        });
        self.structures.insert(structural, structure.clone());
        structure
    }
}

/// The figures of every solved persona of `map`, with the touchpoints at the positions of
/// `touched` read from there instead, weighted, and their totals.
fn side(
    map: &JourneyMap,
    config: &ScoringConfig,
    norms: &Norms,
    touched: &StdHashMap<usize, Touchpoint>,
    solved: &[Solved],
) -> Side {
    let positions: Vec<usize> = solved.iter().map(|s| s.persona).collect();
    let weights = solve::weights(map, &positions);
    let personas: Vec<(usize, f64, Figures)> = solved
        .iter()
        .zip(weights)
        .map(|(s, w)| {
            let persona = &map.personas[s.persona].id;
            let data: Vec<Light<'_>> = s
                .chain
                .touchpoints
                .iter()
                .map(|t| {
                    let tp = touched.get(t).unwrap_or(&map.touchpoints[*t]);
                    Light::of(norms, tp, persona)
                })
                .collect();
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
