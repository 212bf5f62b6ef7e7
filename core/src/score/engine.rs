//! The computation behind [`JourneyMap::score`](crate::JourneyMap::score): one chain per persona
//! (shared between personas with the same journey), each persona scored, then the aggregates
//! over the customer base, the moments of truth and the survey plan.

use std::rc::Rc;

use super::persona::{self, PersonaResult};
use super::state::stage_ranks;
use super::{Scores, ScoringConfig, aggregate, survey};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{JourneyMap, MapIndex, PersonaGraph};
use crate::score::chain::{Chain, Solution, betweenness};

pub(crate) fn score(map: &JourneyMap, config: &ScoringConfig) -> Scores {
    let mut diagnostics = Vec::new();
    let ranks = stage_ranks(map);
    let index = map.index();
    if map.personas.is_empty() {
        diagnostics.push(Diagnostic::new(
            codes::NO_PERSONA,
            "/personas",
            "the map declares no persona, so nothing is scored",
        ));
    }
    // Personas in id order; duplicates (reported by validation) keep the first.
    let mut personas: Vec<(usize, &crate::model::Persona)> = map
        .personas
        .iter()
        .enumerate()
        .filter(|(_, p)| index.persona(&p.id).is_some_and(|x| std::ptr::eq(x, *p)))
        .collect();
    personas.sort_by(|a, b| a.1.id.cmp(&b.1.id));

    let mut results: Vec<PersonaResult<'_>> = Vec::new();
    let mut chains = Chains::default();
    for (pi, persona) in &personas {
        let Some(chain) = chains.chain(map, &index, &persona.id) else {
            continue;
        };
        let about =
            |code, message: String| Diagnostic::new(code, format!("/personas/{pi}"), message);
        let Some(chain) = chain else {
            diagnostics.push(about(
                codes::PERSONA_NOT_SCORED,
                format!("persona \"{}\" has no entry and is not scored", persona.id),
            ));
            continue;
        };
        repairs(map, &chain, &persona.id, &mut diagnostics);
        let (solution, between) = chains.solve(&chain);
        if solution.success <= 0.0 {
            diagnostics.push(about(
                codes::NO_CONVERSION,
                format!(
                    "no success outcome can be reached by persona \"{}\"",
                    persona.id
                ),
            ));
        }
        let result = persona::score(map, config, &persona.id, &chain, solution, between, &ranks);
        if result.scores.emotion.summary.is_none() {
            diagnostics.push(about(
                codes::NO_EMOTION_DATA,
                format!(
                    "no emotion measure along the most likely path of persona \"{}\"",
                    persona.id
                ),
            ));
        }
        results.push(result);
    }
    weigh(map, &mut results);

    let moments_of_truth = aggregate::aggregate_moments(map, config, &results, &ranks);
    let survey_plan = survey::survey_plan(map, config, &moments_of_truth, &results);
    let overall = aggregate::overall(map, config, &results);
    Scores {
        map: map.id.clone(),
        personas: results.into_iter().map(|r| r.scores).collect(),
        overall,
        moments_of_truth,
        survey_plan,
        diagnostics,
    }
}

/// A chain with its fundamental matrix and betweenness, shared by personas with the same
/// transient part.
type Solved = (Rc<Chain>, Rc<faer::Mat<f64>>, Rc<Vec<f64>>);

/// The chains built so far: personas with the same journey (same signature) share one chain;
/// personas whose chains have the same transient part share its factorization and centrality.
#[derive(Default)]
struct Chains {
    built: Vec<(Vec<u64>, Option<Rc<Chain>>)>,
    solved: Vec<Solved>,
}

impl Chains {
    /// The chain of `persona`: `Some(None)` when it has no entry, `None` when it has no graph.
    fn chain(
        &mut self,
        map: &JourneyMap,
        index: &MapIndex<'_>,
        persona: &str,
    ) -> Option<Option<Rc<Chain>>> {
        let signature = journey_signature(map, persona);
        if let Some((_, chain)) = self.built.iter().find(|(s, _)| *s == signature) {
            return Some(chain.clone());
        }
        let graph = PersonaGraph::build_with(map, index, persona)?;
        let chain = (!graph.entries.is_empty()).then(|| Rc::new(Chain::build(map, &graph)));
        self.built.push((signature, chain.clone()));
        Some(chain)
    }

    /// The solved chain and its betweenness, reusing a factorization already computed.
    fn solve(&mut self, chain: &Rc<Chain>) -> (Solution, Rc<Vec<f64>>) {
        let shared = self
            .solved
            .iter()
            .find(|(c, _, _)| Rc::ptr_eq(c, chain) || c.same_transient_part(chain));
        let (fundamental, between) = match shared {
            Some((_, f, b)) => (f.clone(), b.clone()),
            None => {
                let f = Rc::new(chain.fundamental());
                let b = Rc::new(betweenness(chain));
                self.solved.push((chain.clone(), f.clone(), b.clone()));
                (f, b)
            }
        };
        (chain.solve_with(&fundamental), between)
    }
}

/// The repairs the chain of `persona` needed, as diagnostics (JM102, JM103).
fn repairs(map: &JourneyMap, chain: &Chain, persona: &str, out: &mut Vec<Diagnostic>) {
    for &t in &chain.repairs.normalized {
        out.push(Diagnostic::new(
            codes::PROBABILITIES_SCALED,
            format!("/touchpoints/{t}"),
            format!(
                "moves out of \"{}\" sum over 1 for persona \"{persona}\" and were scaled to 1",
                map.touchpoints[t].id
            ),
        ));
    }
    for &t in &chain.repairs.trapped {
        out.push(Diagnostic::new(
            codes::TRAPPED_PROBABILITY,
            format!("/touchpoints/{t}"),
            format!(
                "no outcome can be reached from \"{}\" for persona \"{persona}\"; customers there are counted as abandoning",
                map.touchpoints[t].id
            ),
        ));
    }
}

/// Each persona's weight in the aggregates: its share normalized over the scored personas;
/// equal weights when any scored persona has no share.
fn weigh(map: &JourneyMap, results: &mut [PersonaResult<'_>]) {
    let index = map.index();
    let shares: Vec<Option<f64>> = results
        .iter()
        .map(|r| {
            index
                .persona(&r.scores.persona)
                .and_then(|p| p.share)
                .filter(|s| s.is_finite() && *s >= 0.0)
        })
        .collect();
    let total: f64 = shares.iter().flatten().fold(0.0, |a, b| a + b);
    let equal = shares.iter().any(Option::is_none) || total <= 0.0;
    let count = results.len().max(1) as f64;
    for (r, share) in results.iter_mut().zip(&shares) {
        r.scores.weight = if equal {
            1.0 / count
        } else {
            share.unwrap_or(0.0) / total
        };
    }
}

/// What a persona's chain depends on: which touchpoints, transitions and entries apply to it and
/// its drop-off rates. Personas with equal signatures have identical chains.
fn journey_signature(map: &JourneyMap, persona: &str) -> Vec<u64> {
    let mut signature =
        Vec::with_capacity(2 * map.touchpoints.len() + map.transitions.len() + map.entries.len());
    for tp in &map.touchpoints {
        signature.push(u64::from(tp.applies_to(persona)));
        signature.push(tp.drop_off_for(persona).map_or(u64::MAX, f64::to_bits));
    }
    signature.extend(
        map.transitions
            .iter()
            .map(|t| u64::from(t.applies_to(persona))),
    );
    signature.extend(map.entries.iter().map(|e| u64::from(e.applies_to(persona))));
    signature
}
