//! As-is versus to-be: what the designed journey changes.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::Serialize;

use super::{Scores, ScoringConfig, StageValue};
use crate::model::{JourneyMap, MapIndex};

/// A value before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct Delta {
    /// In the as-is map.
    pub before: Option<f64>,
    /// In the to-be map.
    pub after: Option<f64>,
    /// after - before, when both exist.
    pub change: Option<f64>,
}

impl Delta {
    fn new(before: Option<f64>, after: Option<f64>) -> Self {
        Self {
            before,
            after,
            change: before.zip(after).map(|(b, a)| a - b),
        }
    }
}

/// Changes at one touchpoint (aggregated over personas).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TouchpointDelta {
    /// Touchpoint id.
    pub touchpoint: String,
    /// Share of journeys that visit it.
    pub reach: Delta,
    /// Normalized emotion (-1..1) of its base measures.
    pub emotion: Delta,
    /// Normalized effort (0..1) of its base measures.
    pub effort: Delta,
    /// Normalized experience gap of its base measures.
    pub gap: Delta,
    /// Moment-of-truth priority.
    pub priority: Delta,
    /// Removal effect (criticality).
    pub criticality: Delta,
}

/// Changes at one stage (weighted over personas).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct StageDelta {
    /// Stage id.
    pub stage: String,
    /// Normalized expected emotion.
    pub emotion: Delta,
    /// Normalized expected effort.
    pub effort: Delta,
    /// Normalized expected gap.
    pub gap: Delta,
}

/// What the to-be map changes against the as-is map.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Comparison {
    /// Id of the as-is map.
    pub as_is: String,
    /// Id of the to-be map.
    pub to_be: String,
    /// Probability of success.
    pub conversion: Delta,
    /// Expected total effort.
    pub expected_effort: Delta,
    /// Expected number of steps.
    pub expected_steps: Delta,
    /// Expected channel switches.
    pub expected_channel_switches: Delta,
    /// Expected hand-offs.
    pub expected_handoffs: Delta,
    /// Remembered emotion (peak-end, normalized).
    pub peak_end: Delta,
    /// Health index.
    pub health: Delta,
    /// Touchpoints only in the to-be map.
    pub added: Vec<String>,
    /// Touchpoints only in the as-is map.
    pub removed: Vec<String>,
    /// Per touchpoint present in either map, sorted by id.
    pub touchpoints: Vec<TouchpointDelta>,
    /// Per stage present in either map, sorted by id.
    pub stages: Vec<StageDelta>,
}

fn stage_values(
    scores: &Scores,
    pick: impl Fn(&super::PersonaScores) -> &Vec<StageValue>,
) -> BTreeMap<String, f64> {
    let mut acc: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for p in &scores.personas {
        for v in pick(p) {
            let e = acc.entry(v.stage.clone()).or_insert((0.0, 0.0));
            e.0 += p.weight * v.normalized;
            e.1 += p.weight;
        }
    }
    acc.into_iter()
        .filter(|(_, (_, w))| *w > 0.0)
        .map(|(k, (s, w))| (k, s / w))
        .collect()
}

struct Side<'a> {
    map: &'a JourneyMap,
    index: MapIndex<'a>,
    scores: Scores,
}

impl Side<'_> {
    fn touchpoint(&self, id: &str) -> Option<(Option<f64>, Option<f64>, Option<f64>)> {
        let tp = self.index.touchpoint(id)?;
        let s = &self.map.scales;
        let m = &tp.measures;
        let emotion = m.emotion.map(|v| s.emotion().signed(v));
        let expected = m.expected_emotion.map(|v| s.emotion().signed(v));
        let effort = m.effort.map(|v| s.effort().normalized_effort(v));
        Some((emotion, effort, emotion.zip(expected).map(|(e, x)| e - x)))
    }

    fn moment(&self, id: &str) -> Option<&super::MomentOfTruth> {
        self.scores
            .moments_of_truth
            .iter()
            .find(|m| m.touchpoint == id)
    }
}

/// Compares an as-is map with its to-be version.
pub fn compare(as_is: &JourneyMap, to_be: &JourneyMap, config: &ScoringConfig) -> Comparison {
    let before = Side {
        map: as_is,
        index: as_is.index(),
        scores: as_is.score(config),
    };
    let after = Side {
        map: to_be,
        index: to_be.index(),
        scores: to_be.score(config),
    };
    let ids = |m: &JourneyMap| {
        m.touchpoints
            .iter()
            .map(|t| t.id.clone())
            .collect::<BTreeSet<String>>()
    };
    let (old, new) = (ids(as_is), ids(to_be));
    let touchpoints = old
        .union(&new)
        .map(|id| touchpoint_delta(&before, &after, id))
        .collect();
    let stages = stage_deltas(&before, &after);
    let (bo, ao) = (&before.scores.overall, &after.scores.overall);
    Comparison {
        as_is: as_is.id.clone(),
        to_be: to_be.id.clone(),
        conversion: Delta::new(Some(bo.success_probability), Some(ao.success_probability)),
        expected_effort: Delta::new(Some(bo.expected_effort), Some(ao.expected_effort)),
        expected_steps: Delta::new(Some(bo.expected_steps), Some(ao.expected_steps)),
        expected_channel_switches: Delta::new(
            Some(bo.expected_channel_switches),
            Some(ao.expected_channel_switches),
        ),
        expected_handoffs: Delta::new(Some(bo.expected_handoffs), Some(ao.expected_handoffs)),
        peak_end: Delta::new(bo.peak_end, ao.peak_end),
        health: Delta::new(Some(bo.health.index), Some(ao.health.index)),
        added: new.difference(&old).cloned().collect(),
        removed: old.difference(&new).cloned().collect(),
        touchpoints,
        stages,
    }
}

/// The changes of one touchpoint (of either map).
fn touchpoint_delta(before: &Side<'_>, after: &Side<'_>, id: &str) -> TouchpointDelta {
    let (b, a) = (before.touchpoint(id), after.touchpoint(id));
    let (bm, am) = (before.moment(id), after.moment(id));
    TouchpointDelta {
        touchpoint: id.to_owned(),
        reach: Delta::new(bm.map(|m| m.factors.reach), am.map(|m| m.factors.reach)),
        emotion: Delta::new(b.and_then(|x| x.0), a.and_then(|x| x.0)),
        effort: Delta::new(b.and_then(|x| x.1), a.and_then(|x| x.1)),
        gap: Delta::new(b.and_then(|x| x.2), a.and_then(|x| x.2)),
        priority: Delta::new(bm.map(|m| m.priority), am.map(|m| m.priority)),
        criticality: Delta::new(
            bm.map(|m| m.factors.criticality),
            am.map(|m| m.factors.criticality),
        ),
    }
}

/// The changes of every stage of either map: emotion, effort and gap over the customer base.
fn stage_deltas(before: &Side<'_>, after: &Side<'_>) -> Vec<StageDelta> {
    let pairs = [
        (
            stage_values(&before.scores, |p| &p.emotion.stages),
            stage_values(&after.scores, |p| &p.emotion.stages),
        ),
        (
            stage_values(&before.scores, |p| &p.effort.stages),
            stage_values(&after.scores, |p| &p.effort.stages),
        ),
        (
            stage_values(&before.scores, |p| &p.gap.stages),
            stage_values(&after.scores, |p| &p.gap.stages),
        ),
    ];
    let stage_ids: BTreeSet<String> = before
        .map
        .stages
        .iter()
        .chain(&after.map.stages)
        .map(|s| s.id.clone())
        .collect();
    stage_ids
        .into_iter()
        .map(|id| {
            let d =
                |k: usize| Delta::new(pairs[k].0.get(&id).copied(), pairs[k].1.get(&id).copied());
            StageDelta {
                emotion: d(0),
                effort: d(1),
                gap: d(2),
                stage: id,
            }
        })
        .collect()
}
