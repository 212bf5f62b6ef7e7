//! The solve stage shared by the full scores and by predictions: each persona's chain built
//! (one chain per distinct journey), factorized (one factorization per distinct transient part)
//! and solved, with its most likely path; then the persona weights.

use std::rc::Rc;
use std::sync::Arc;

use faer::Mat;

use super::conversion::LikelyPath;
use crate::diagnostics::{Diagnostic, codes};
use crate::model::{JourneyMap, MapIndex, OutcomeKind, Persona, PersonaGraph};
use crate::score::Conversion;
use crate::score::chain::{Chain, DROP_OFF, Factorization, Flow, Solution, most_likely_path};

/// One persona's solved chain.
#[derive(Debug, Clone)]
pub(crate) struct Solved {
    /// Position of the persona in `JourneyMap::personas`.
    pub persona: usize,
    pub chain: Arc<Chain>,
    /// Expected visits, absorption and success, from the factorization of `I - Q`.
    pub flow: Rc<Flow>,
    /// The fundamental matrix and the whole solution: computed for the full scores
    /// ([`Depth::Full`]), not for predictions, which need the flow only.
    pub full: Option<(Rc<Mat<f64>>, Rc<Solution>)>,
    /// The most likely journey that succeeds (the one the map is designed for); when no success
    /// can be reached, the most likely journey of all.
    pub path: Rc<Option<LikelyPath>>,
}

/// The chain a persona was scored on, kept with its scores for the pictures (the flow view
/// draws the chain's moves). It is what the scores were computed from, not part of their value:
/// not written out, and equal to any other in comparisons.
#[derive(Clone, Default)]
pub(crate) struct ScoredChain(Option<Arc<Chain>>);

impl ScoredChain {
    pub(crate) fn new(chain: Arc<Chain>) -> Self {
        Self(Some(chain))
    }

    /// The chain, when its states are the touchpoints and outcomes of `map` that `conversion`
    /// lists (scores drawn with another map fall back on building the chain).
    pub(crate) fn of(&self, map: &JourneyMap, conversion: &Conversion) -> Option<&Chain> {
        let chain = self.0.as_deref()?;
        let touchpoints = chain.touchpoints.len() == conversion.touchpoints.len()
            && chain
                .touchpoints
                .iter()
                .zip(&conversion.touchpoints)
                .all(|(&t, f)| {
                    map.touchpoints
                        .get(t)
                        .is_some_and(|tp| tp.id == f.touchpoint)
                });
        let outcomes = chain.outcomes.len() == conversion.outcomes.len()
            && chain
                .outcomes
                .iter()
                .zip(&conversion.outcomes)
                .all(|(o, p)| match o {
                    Some(o) => map.outcomes.get(*o).is_some_and(|out| out.id == p.outcome),
                    None => p.outcome == DROP_OFF,
                });
        (touchpoints && outcomes).then_some(chain)
    }
}

impl PartialEq for ScoredChain {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for ScoredChain {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ScoredChain").finish_non_exhaustive()
    }
}

/// A built chain with its most likely path.
type Built = (Arc<Chain>, Rc<Option<LikelyPath>>);

/// How much of each chain to solve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Depth {
    /// The flow only (expected visits, absorption, success): one solve with the factorization.
    Flow,
    /// The flow and the fundamental matrix with everything read from it (visit probabilities,
    /// success from each state, removal effects).
    Full,
}

/// The personas of a map in id order; duplicates (reported by validation) keep the first.
pub(crate) fn personas<'m>(map: &'m JourneyMap, index: &MapIndex<'m>) -> Vec<(usize, &'m Persona)> {
    let mut personas: Vec<(usize, &Persona)> = map
        .personas
        .iter()
        .enumerate()
        .filter(|(_, p)| index.persona(&p.id).is_some_and(|x| std::ptr::eq(x, *p)))
        .collect();
    personas.sort_by(|a, b| a.1.id.cmp(&b.1.id));
    personas
}

/// Solves every persona that has a journey, in id order, with the diagnostics of the stage
/// (JM100–JM103, JM106). `reuse` may give a persona's solved chain from elsewhere (a prediction
/// reuses the as-is chain of a persona whose journey the effects leave alone); it must be the
/// chain this map would give.
pub(crate) fn solve(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    depth: Depth,
    reuse: &mut dyn FnMut(usize) -> Option<Solved>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Solved> {
    if map.personas.is_empty() {
        diagnostics.push(Diagnostic::new(
            codes::NO_PERSONA,
            "/personas",
            "the map declares no persona, so nothing is scored",
        ));
    }
    let mut out: Vec<Solved> = Vec::new();
    // Chains already built, by journey signature: personas with the same journey share one chain;
    // chains with the same transient part share its factorization.
    let mut built: Vec<(Vec<u64>, Option<Built>)> = Vec::new();
    type Factorized = (Arc<Chain>, Rc<Option<Factorization>>, Option<Rc<Mat<f64>>>);
    let mut factorized: Vec<Factorized> = Vec::new();
    for (pi, persona) in personas(map, index) {
        let solved = match reuse(pi) {
            Some(solved) => solved,
            None => {
                let signature = journey_signature(map, &persona.id);
                let chain = match built.iter().find(|(s, _)| *s == signature) {
                    Some((_, chain)) => chain.clone(),
                    None => {
                        let Some(graph) = PersonaGraph::build_with(map, index, &persona.id) else {
                            continue;
                        };
                        let chain = (!graph.entries.is_empty()).then(|| {
                            let chain = Chain::build(map, &graph);
                            let path = likely_path(&chain);
                            (Arc::new(chain), Rc::new(path))
                        });
                        built.push((signature, chain.clone()));
                        chain
                    }
                };
                let Some((chain, path)) = chain else {
                    diagnostics.push(Diagnostic::new(
                        codes::PERSONA_NOT_SCORED,
                        format!("/personas/{pi}"),
                        format!("persona \"{}\" has no entry and is not scored", persona.id),
                    ));
                    continue;
                };
                let shared = factorized
                    .iter()
                    .position(|(c, _, _)| Arc::ptr_eq(c, &chain) || c.same_transient_part(&chain));
                let k = shared.unwrap_or_else(|| {
                    let lu = Rc::new(chain.factorize());
                    let fundamental = (depth == Depth::Full)
                        .then(|| Rc::new(chain.fundamental_of(lu.as_ref().as_ref())));
                    factorized.push((chain.clone(), lu, fundamental));
                    factorized.len() - 1
                });
                let (_, lu, fundamental) = &factorized[k];
                let flow = chain.flow(lu.as_ref().as_ref());
                let full = fundamental
                    .as_ref()
                    .map(|f| (f.clone(), Rc::new(chain.solve_from(flow.clone(), f))));
                Solved {
                    persona: pi,
                    chain,
                    flow: Rc::new(flow),
                    full,
                    path,
                }
            }
        };
        report(map, persona, &solved, diagnostics);
        out.push(solved);
    }
    out
}

/// The repairs and the missing conversion of one solved persona (JM101–JM103).
fn report(map: &JourneyMap, persona: &Persona, solved: &Solved, diagnostics: &mut Vec<Diagnostic>) {
    let chain = &solved.chain;
    for &t in &chain.repairs.normalized {
        diagnostics.push(Diagnostic::new(
            codes::PROBABILITIES_SCALED,
            format!("/touchpoints/{t}"),
            format!(
                "moves out of \"{}\" sum over 1 for persona \"{}\" and were scaled to 1",
                map.touchpoints[t].id, persona.id
            ),
        ));
    }
    for &t in &chain.repairs.trapped {
        diagnostics.push(Diagnostic::new(
            codes::TRAPPED_PROBABILITY,
            format!("/touchpoints/{t}"),
            format!(
                "no outcome can be reached from \"{}\" for persona \"{}\"; customers there are counted as abandoning",
                map.touchpoints[t].id, persona.id
            ),
        ));
    }
    if solved.flow.success <= 0.0 {
        diagnostics.push(Diagnostic::new(
            codes::NO_CONVERSION,
            format!("/personas/{}", solved.persona),
            format!(
                "no success outcome can be reached by persona \"{}\"",
                persona.id
            ),
        ));
    }
}

/// The most likely path that ends in success, else the most likely path of all.
fn likely_path(chain: &Chain) -> Option<LikelyPath> {
    most_likely_path(chain, |k| chain.outcome_kinds[k] == OutcomeKind::Success)
        .or_else(|| most_likely_path(chain, |_| true))
}

/// The weight of each scored persona (positions in `JourneyMap::personas`, in scoring order) in
/// the aggregates: normalized shares; equal weights when any scored persona has no share.
pub(crate) fn weights(map: &JourneyMap, scored: &[usize]) -> Vec<f64> {
    let shares: Vec<Option<f64>> = scored
        .iter()
        .map(|&p| map.personas[p].share.filter(|s| s.is_finite() && *s >= 0.0))
        .collect();
    let total: f64 = shares.iter().flatten().fold(0.0, |a, b| a + b);
    let equal = shares.iter().any(Option::is_none) || total <= 0.0;
    let count = scored.len().max(1) as f64;
    shares
        .iter()
        .map(|share| {
            if equal {
                1.0 / count
            } else {
                share.unwrap_or(0.0) / total
            }
        })
        .collect()
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
