//! The scores of one persona, from its solved chain: every part computed by its own module,
//! kept with the per-state values the customer-base aggregates need.

use std::rc::Rc;

use foldhash::HashMap;

use super::state::{StateData, state_data};
use super::{
    PersonaScores, ScoringConfig, conversion, effort, emotion, gap, health::health, moments,
};
use crate::model::JourneyMap;
use crate::score::chain::{Chain, Solution, likely_path};

/// Everything scored for one persona, with the per-state values the aggregates need.
pub(crate) struct PersonaResult<'m> {
    pub scores: PersonaScores,
    pub solution: Solution,
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
    pub mean_effort: Option<f64>,
    pub mean_shortfall: Option<f64>,
    pub peak_end: Option<f64>,
}

/// Scores one persona whose chain is built and solved.
pub(crate) fn score<'m>(
    map: &'m JourneyMap,
    config: &ScoringConfig,
    persona: &str,
    chain: &Chain,
    solution: Solution,
    between: Rc<Vec<f64>>,
    ranks: &HashMap<&str, usize>,
) -> PersonaResult<'m> {
    let data: Vec<StateData<'m>> = chain
        .touchpoints
        .iter()
        .map(|&t| state_data(map, &map.touchpoints[t], Some(persona), ranks))
        .collect();
    // The curve follows the most likely journey that succeeds (the one the map is designed for);
    // when no success can be reached, the most likely journey of all.
    let path = likely_path(chain);
    let emotion = emotion::persona(map, &data, &solution, path.as_ref().map(|p| p.0.as_slice()));
    let (effort, mean_effort) = effort::persona(map, config, chain, &data, &solution);
    let (gap, mean_shortfall) = gap::persona(map, config, &data, &solution);
    let (conversion, drop_off) = conversion::persona(map, chain, &data, &solution, path.as_ref());
    let crossroads = conversion::crossroads(&data, &solution, &between);
    let moments_of_truth = moments::persona(config, chain, &data, &solution);
    let health = health(
        config,
        solution.success,
        emotion.peak_end,
        mean_effort,
        mean_shortfall,
    );
    PersonaResult {
        scores: PersonaScores {
            persona: persona.to_owned(),
            weight: 0.0,
            emotion: emotion.scores,
            effort,
            gap,
            conversion,
            crossroads,
            moments_of_truth,
            health,
        },
        solution,
        drop_off,
        between,
        states: data
            .iter()
            .enumerate()
            .map(|(i, d)| (d.tp.id.as_str(), i))
            .collect(),
        data,
        path_positions: emotion.path_positions,
        mean_effort,
        mean_shortfall,
        peak_end: emotion.peak_end,
    }
}
