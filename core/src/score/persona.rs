//! The scores of one persona, from its solved chain: every part computed by its own module,
//! kept with the per-state values the customer-base aggregates need.

use std::rc::Rc;

use foldhash::HashMap;

use super::conversion::LikelyPath;
use super::effort::EffortTotals;
use super::solve::{ScoredChain, Solved};
use super::state::{Read, StateData, state_data};
use super::{
    Health, PersonaScores, ScoringConfig, conversion, effort, emotion, gap, health::health, moments,
};
use crate::model::JourneyMap;
use crate::score::chain::{Chain, Flow, Solution};

/// The figures of one persona that a prediction compares (docs/scoring.md §13), computed once
/// and read by both the persona's scores and the aggregates, so that a prediction and the scores
/// of the map it predicts agree to the last bit.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Figures {
    /// Probability of success.
    pub success: f64,
    pub effort: EffortTotals,
    /// Remembered emotion (normalized), when the curve has points.
    pub peak_end: Option<f64>,
    /// Mean shortfall per visit (health index).
    pub mean_shortfall: Option<f64>,
    pub health: Health,
}

/// The figures of one persona from its solved chain and its per-state measures.
pub(crate) fn figures<S: Read>(
    config: &ScoringConfig,
    chain: &Chain,
    data: &[S],
    flow: &Flow,
    path: Option<&LikelyPath>,
) -> Figures {
    let visits = &flow.expected_visits;
    let effort = effort::totals(chain, data, visits);
    let peak_end = emotion::peak_end(data, path.map(|p| p.0.as_slice()));
    let mean_shortfall = gap::mean_shortfall(data, visits);
    let health = health(config, flow.success, peak_end, effort.mean, mean_shortfall);
    Figures {
        success: flow.success,
        effort,
        peak_end,
        mean_shortfall,
        health,
    }
}

/// Everything scored for one persona, with the per-state values the aggregates need.
pub(crate) struct PersonaResult<'m> {
    pub scores: PersonaScores,
    pub solution: Rc<Solution>,
    /// Per state (touchpoints in id order), the normalized measures.
    pub data: Vec<StateData<'m>>,
    /// Per state, probability that the journey fails right after it.
    pub drop_off: Vec<f64>,
    /// Per state, betweenness centrality.
    pub between: Rc<Vec<f64>>,
    /// Touchpoint id → state index.
    pub states: HashMap<&'m str, usize>,
    /// State → its first position on the most likely path.
    pub path_positions: HashMap<usize, usize>,
    pub figures: Figures,
}

/// The per-state measures of a persona on its chain.
pub(crate) fn persona_data<'m>(
    map: &'m JourneyMap,
    chain: &Chain,
    persona: &str,
    ranks: &HashMap<&str, usize>,
) -> Vec<StateData<'m>> {
    chain
        .touchpoints
        .iter()
        .map(|&t| state_data(map, &map.touchpoints[t], Some(persona), ranks))
        .collect()
}

/// Scores one persona whose chain is built and fully solved (`None` for a chain solved for its
/// flow only).
pub(crate) fn score<'m>(
    map: &'m JourneyMap,
    config: &ScoringConfig,
    persona: &str,
    solved: &Solved,
    between: Rc<Vec<f64>>,
    ranks: &HashMap<&str, usize>,
) -> Option<PersonaResult<'m>> {
    let chain = solved.chain.as_ref();
    let (_, full) = solved.full.as_ref()?;
    let solution = full.as_ref();
    let path = solved.path.as_ref().as_ref();
    let data = persona_data(map, chain, persona, ranks);
    let figures = figures(config, chain, &data, &solved.flow, path);
    let emotion = emotion::persona(map, &data, solution, path.map(|p| p.0.as_slice()));
    let effort = effort::persona(map, config, &data, solution, &figures.effort);
    let gap = gap::persona(map, config, &data, solution);
    let (conversion, drop_off) = conversion::persona(map, chain, &data, solution, path);
    let crossroads = conversion::crossroads(&data, solution, &between);
    let moments_of_truth = moments::persona(config, chain, &data, solution);
    Some(PersonaResult {
        scores: PersonaScores {
            persona: persona.to_owned(),
            weight: 0.0,
            emotion: emotion.scores,
            effort,
            gap,
            conversion,
            crossroads,
            moments_of_truth,
            health: figures.health.clone(),
            chain: ScoredChain::new(solved.chain.clone()),
        },
        solution: full.clone(),
        drop_off,
        between,
        states: data
            .iter()
            .enumerate()
            .map(|(i, d)| (d.tp.id.as_str(), i))
            .collect(),
        data,
        path_positions: emotion.path_positions,
        figures,
    })
}
