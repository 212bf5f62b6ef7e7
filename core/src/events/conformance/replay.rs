//! One variant replayed over the plan of its persona: deviations, ad-hoc steps, and the
//! completed, missing and failing touchpoints.

use std::collections::BTreeSet;

use super::plan::Plan;
use super::results::DeviationKind;
use crate::events::aggregate::Aggregate;
use crate::events::mapping::Target;
use crate::model::{JourneyMap, OutcomeKind};

/// A deviating move of a replay: position, kind, touchpoint left, target, missing touchpoints.
pub(super) type Move = (usize, DeviationKind, Option<usize>, Target, Vec<usize>);

/// The result of one variant (shared by its cases).
pub(super) struct Replay {
    /// The persona whose plan was followed.
    pub(super) persona: Option<String>,
    /// Steps replayed (ad-hoc steps and the outcome included).
    pub(super) steps: usize,
    /// Outcome reached.
    pub(super) outcome: Option<usize>,
    /// Deviating moves and ad-hoc steps (the `m` of the fitness).
    pub(super) m: usize,
    /// Touchpoints completed, missing and failing.
    pub(super) completed: Vec<usize>,
    pub(super) missing: Vec<usize>,
    pub(super) failing: Vec<usize>,
    /// Activities of the ad-hoc steps.
    pub(super) ad_hoc: Vec<u32>,
    /// Deviating moves, in order.
    pub(super) deviations: Vec<Move>,
    /// Every arrival at a touchpoint, with the kind of its move when it deviates.
    pub(super) arrivals: Vec<(usize, Option<DeviationKind>)>,
    /// The steps replayed.
    pub(super) labels: Vec<u32>,
}

impl Replay {
    pub(super) fn fitness(&self) -> f64 {
        1.0 - self.m as f64 / (self.steps + 1) as f64
    }
}

fn classify(
    plan: &Plan,
    prev: Option<usize>,
    t: usize,
    visited: &BTreeSet<usize>,
) -> (DeviationKind, Vec<usize>) {
    let Some(p) = prev else {
        let entries: Vec<usize> = (0..plan.entry.len()).filter(|&i| plan.entry[i]).collect();
        return match plan.path(&entries, |u| u == t, true, false) {
            Some(between) => (DeviationKind::Skip, between),
            None => (DeviationKind::UnplannedMove, Vec::new()),
        };
    };
    if visited.contains(&t) || plan.rank[t] < plan.rank[p] {
        return (DeviationKind::Backtrack, Vec::new());
    }
    if let Some(between) = plan.path(&[p], |u| u == t, false, false) {
        return (DeviationKind::Skip, between);
    }
    if plan.channel[t] != plan.channel[p]
        && plan.succ[p]
            .iter()
            .any(|&u| plan.stage[u] == plan.stage[t] && plan.channel[u] == plan.channel[p])
    {
        return (DeviationKind::ChannelSwitch, Vec::new());
    }
    (DeviationKind::UnplannedMove, Vec::new())
}

/// Replays variant `v` of `agg` over `plan`.
pub(super) fn replay(
    agg: &Aggregate,
    v: usize,
    targets: &[Target],
    plan: &Plan,
    map: &JourneyMap,
) -> Replay {
    let mut run = Run {
        plan,
        map,
        r: Replay {
            persona: plan.persona.clone(),
            steps: 0,
            outcome: None,
            m: 0,
            completed: Vec::new(),
            missing: Vec::new(),
            failing: Vec::new(),
            ad_hoc: Vec::new(),
            deviations: Vec::new(),
            arrivals: Vec::new(),
            labels: Vec::new(),
        },
        visited: BTreeSet::new(),
        missing: BTreeSet::new(),
        prev: None,
    };
    for &s in agg.seq(v) {
        let position = run.r.steps;
        run.r.steps += 1;
        run.r.labels.push(s);
        match targets[s as usize] {
            Target::Touchpoint(t) if plan.applies[t] => run.touchpoint(position, t),
            Target::Outcome(o) => {
                run.outcome(position, o);
                break;
            }
            _ => {
                run.r.m += 1;
                run.r.ad_hoc.push(agg.step_activity(s));
            }
        }
    }
    run.finish()
}

/// A replay under way.
struct Run<'a> {
    plan: &'a Plan,
    map: &'a JourneyMap,
    r: Replay,
    visited: BTreeSet<usize>,
    missing: BTreeSet<usize>,
    prev: Option<usize>,
}

impl Run<'_> {
    /// A step at touchpoint `t` (one of the plan).
    fn touchpoint(&mut self, position: usize, t: usize) {
        let (plan, prev) = (self.plan, self.prev);
        let planned = match prev {
            None => plan.entry[t],
            Some(p) => plan.moves.contains(&(p, Target::Touchpoint(t))),
        };
        let mut kind = None;
        if !planned {
            let (k, between) = classify(plan, prev, t, &self.visited);
            self.r.m += 1;
            self.missing.extend(between.iter().copied());
            self.r
                .deviations
                .push((position, k, prev, Target::Touchpoint(t), between));
            kind = Some(k);
        }
        self.r.arrivals.push((t, kind));
        self.visited.insert(t);
        self.prev = Some(t);
    }

    /// A step at outcome `o` (the case ends there).
    fn outcome(&mut self, position: usize, o: usize) {
        let (plan, prev) = (self.plan, self.prev);
        self.r.outcome = Some(o);
        let planned = prev.is_some_and(|p| plan.moves.contains(&(p, Target::Outcome(o))));
        if !planned {
            self.r.m += 1;
            let between = prev
                .and_then(|p| plan.path(&[p], |u| plan.into_outcome[u].contains(&o), false, true));
            let kind = if between.is_some() {
                DeviationKind::Skip
            } else {
                DeviationKind::UnplannedMove
            };
            let between = between.unwrap_or_default();
            self.missing.extend(between.iter().copied());
            self.r
                .deviations
                .push((position, kind, prev, Target::Outcome(o), between));
        }
        if self.map.outcomes[o].kind == OutcomeKind::Failure {
            if let Some(p) = prev {
                self.r.failing.push(p);
            }
        }
    }

    /// The failing, missing and completed touchpoints once the case has ended.
    fn finish(mut self) -> Replay {
        let (plan, prev, mut r) = (self.plan, self.prev, self.r);
        let succeeded = r
            .outcome
            .is_some_and(|o| self.map.outcomes[o].kind == OutcomeKind::Success);
        if r.outcome.is_none() {
            if let Some(p) = prev {
                r.failing.push(p);
            }
        }
        if !succeeded {
            if let Some(p) = prev.filter(|&p| !plan.into_success[p]) {
                if let Some(rest) = plan.path(&[p], |u| plan.into_success[u], false, true) {
                    self.missing.extend(rest);
                }
            }
        }
        r.failing.sort_unstable();
        r.failing.dedup();
        r.missing = self
            .missing
            .into_iter()
            .filter(|u| !self.visited.contains(u) && !r.failing.contains(u))
            .collect();
        r.completed = self
            .visited
            .into_iter()
            .filter(|u| !r.failing.contains(u))
            .collect();
        r
    }
}
