//! The voice-of-the-customer plan: which indicator (CES, CSAT, NPS) to ask at the highest-priority
//! moments of truth, through the touchpoint's own channel, spaced so customers are not
//! over-solicited. docs/scoring.md §10.

use super::persona::PersonaResult;
use super::{MomentOfTruth, ScoringConfig, SurveyItem};
use crate::model::{ChannelKind, JourneyMap, OutcomeKind, ServiceMode, SurveyMetric};

/// The survey plan over the ranked moments of truth.
pub(crate) fn survey_plan(
    map: &JourneyMap,
    config: &ScoringConfig,
    moments: &[MomentOfTruth],
    results: &[PersonaResult<'_>],
) -> Vec<SurveyItem> {
    let index = map.index();
    let mut plan: Vec<SurveyItem> = Vec::new();
    for m in moments {
        if plan.len() >= config.survey.max_surveys {
            break;
        }
        if m.factors.reach <= 0.0 {
            continue;
        }
        // Spacing on every persona's most likely path.
        let too_close = plan.iter().any(|chosen| {
            results.iter().any(|r| {
                let pos = |id: &str| {
                    r.states
                        .get(id)
                        .and_then(|i| r.path_positions.get(i).copied())
                };
                match (pos(&m.touchpoint), pos(&chosen.touchpoint)) {
                    (Some(a), Some(b)) => a.abs_diff(b) < config.survey.min_spacing,
                    _ => false,
                }
            })
        });
        if too_close {
            continue;
        }
        let Some(tp) = index.touchpoint(&m.touchpoint) else {
            continue;
        };
        let channel = index.channel(&tp.channel);
        let ends_relationship = map.transitions.iter().any(|t| {
            t.from == tp.id
                && index
                    .outcome(&t.to)
                    .is_some_and(|o| o.kind == OutcomeKind::Success)
        });
        let effort = results
            .iter()
            .filter_map(|r| r.states.get(tp.id.as_str()).and_then(|&i| r.data[i].effort))
            .fold(None, |acc: Option<f64>, e| {
                Some(acc.map_or(e, |a| a.max(e)))
            });
        let service = channel
            .is_some_and(|c| c.kind == ChannelKind::Human || c.mode == Some(ServiceMode::Assisted));
        let (metric, reason) = if let Some(declared) = &tp.survey {
            (declared.metric, "survey declared in the map".to_owned())
        } else if ends_relationship {
            (
                SurveyMetric::Nps,
                "ends the journey with a success: ask for the relationship (NPS)".to_owned(),
            )
        } else if effort.is_some_and(|e| e >= config.survey.effort_threshold) || service {
            (
                SurveyMetric::Ces,
                "effortful or assisted service step: ask how easy it was (CES)".to_owned(),
            )
        } else {
            (
                SurveyMetric::Csat,
                "transactional step: ask for satisfaction (CSAT)".to_owned(),
            )
        };
        plan.push(SurveyItem {
            touchpoint: tp.id.clone(),
            metric,
            channel: tp.channel.clone(),
            reason,
            priority: m.priority,
        });
    }
    plan
}
