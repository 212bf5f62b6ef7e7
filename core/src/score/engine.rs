//! The computation behind [`JourneyMap::score`](crate::JourneyMap::score): every persona solved
//! (chains and factorizations shared where journeys are the same), each persona scored, then the
//! aggregates over the customer base, the moments of truth, the survey plan and the ranked
//! opportunities.

use std::rc::Rc;
use std::sync::Arc;

use super::persona::{self, PersonaResult};
use super::predict::Predictor;
use super::solve::{self, Depth, Solved};
use super::state::stage_ranks;
use super::{Scores, ScoringConfig, aggregate, opportunities, survey};
use crate::diagnostics::{Diagnostic, codes};
use crate::model::JourneyMap;
use crate::score::chain::betweenness;

pub(crate) fn score(map: &JourneyMap, config: &ScoringConfig) -> Scores {
    let mut diagnostics = Vec::new();
    let ranks = stage_ranks(map);
    let index = map.index();
    let solved = solve::solve(map, &index, Depth::Full, &mut |_| None, &mut diagnostics);
    // Betweenness once per distinct transient part.
    let mut centralities: Vec<(Arc<crate::score::chain::Chain>, Rc<Vec<f64>>)> = Vec::new();
    let mut results: Vec<PersonaResult<'_>> = Vec::with_capacity(solved.len());
    for s in &solved {
        let shared = centralities
            .iter()
            .find(|(c, _)| Arc::ptr_eq(c, &s.chain) || c.same_transient_part(&s.chain));
        let between = match shared {
            Some((_, b)) => b.clone(),
            None => {
                let b = Rc::new(betweenness(&s.chain));
                centralities.push((s.chain.clone(), b.clone()));
                b
            }
        };
        let persona = &map.personas[s.persona];
        let Some(result) = persona::score(map, config, &persona.id, s, between, &ranks) else {
            continue;
        };
        if result.scores.emotion.summary.is_none() {
            diagnostics.push(Diagnostic::new(
                codes::NO_EMOTION_DATA,
                format!("/personas/{}", s.persona),
                format!(
                    "no emotion measure along the most likely path of persona \"{}\"",
                    persona.id
                ),
            ));
        }
        results.push(result);
    }
    let scored: Vec<usize> = solved.iter().map(|s: &Solved| s.persona).collect();
    for (r, w) in results.iter_mut().zip(solve::weights(map, &scored)) {
        r.scores.weight = w;
    }

    let moments_of_truth = aggregate::aggregate_moments(map, config, &results, &ranks);
    let survey_plan = survey::survey_plan(map, config, &moments_of_truth, &results);
    let overall = aggregate::overall(map, config, &results);
    let opportunities = if map.opportunities.is_empty() {
        Vec::new()
    } else {
        let mut predictor = Predictor::new(map, config, solved);
        opportunities::score(&mut predictor, &mut diagnostics)
    };
    Scores {
        map: map.id.clone(),
        personas: results.into_iter().map(|r| r.scores).collect(),
        overall,
        moments_of_truth,
        survey_plan,
        opportunities,
        diagnostics,
    }
}
