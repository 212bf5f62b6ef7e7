//! The map as one persona plans it: touchpoints that apply, entries, moves, and the shortest
//! ways between touchpoints.

use std::collections::VecDeque;

use foldhash::{HashMap, HashSet};

use crate::events::mapping::Target;
use crate::model::weights::flows;
use crate::model::{JourneyMap, MapIndex, OutcomeKind};

/// The map as seen by one persona.
pub(super) struct Plan {
    /// The persona (`None` for a map without personas).
    pub(super) persona: Option<String>,
    /// Per touchpoint: whether it applies to the persona (and is the first of its id).
    pub(super) applies: Vec<bool>,
    /// Per touchpoint: whether a case may start there.
    pub(super) entry: Vec<bool>,
    /// The planned moves.
    pub(super) moves: HashSet<(usize, Target)>,
    /// Per touchpoint: the touchpoints it moves to, sorted.
    pub(super) succ: Vec<Vec<usize>>,
    /// Per touchpoint: whether it moves to a success outcome.
    pub(super) into_success: Vec<bool>,
    /// Per touchpoint: the outcomes it moves to.
    pub(super) into_outcome: Vec<Vec<usize>>,
    /// Per touchpoint: the rank of its stage (`usize::MAX` for an unknown stage).
    pub(super) rank: Vec<usize>,
    /// Per touchpoint: its stage, as a position.
    pub(super) stage: Vec<usize>,
    /// Per touchpoint: its channel, as a position.
    pub(super) channel: Vec<usize>,
}

impl Plan {
    pub(super) fn new(map: &JourneyMap, persona: Option<&str>) -> Plan {
        let index = map.index();
        let n = map.touchpoints.len();
        let applies_to =
            |ps: &[String]| persona.is_none_or(|p| ps.is_empty() || ps.iter().any(|x| x == p));
        let mut plan = Plan {
            persona: persona.map(str::to_owned),
            applies: (0..n)
                .map(|i| {
                    index.touchpoint_position(&map.touchpoints[i].id) == Some(i)
                        && applies_to(&map.touchpoints[i].personas)
                })
                .collect(),
            entry: vec![false; n],
            moves: HashSet::default(),
            succ: vec![Vec::new(); n],
            into_success: vec![false; n],
            into_outcome: vec![Vec::new(); n],
            rank: Vec::with_capacity(n),
            stage: Vec::with_capacity(n),
            channel: Vec::with_capacity(n),
        };
        plan.place(map);
        for e in &map.entries {
            if let Some(p) = index.touchpoint_position(&e.touchpoint) {
                if plan.applies[p] && applies_to(&e.personas) && flows(e.probability, e.count) {
                    plan.entry[p] = true;
                }
            }
        }
        for t in &map.transitions {
            if applies_to(&t.personas) && flows(t.probability, t.count) {
                plan.add_move(map, &index, &t.from, &t.to);
            }
        }
        for s in &mut plan.succ {
            s.sort_unstable();
            s.dedup();
        }
        plan
    }

    /// The stage (and its rank) and the channel of every touchpoint, as positions.
    fn place(&mut self, map: &JourneyMap) {
        let stages: Vec<&str> = map
            .stages_in_order()
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        let mut channels: Vec<&str> = Vec::new();
        for tp in &map.touchpoints {
            let s = stages
                .iter()
                .position(|s| *s == tp.stage)
                .unwrap_or(usize::MAX);
            self.rank.push(s);
            self.stage.push(s);
            let c = channels
                .iter()
                .position(|c| *c == tp.channel)
                .unwrap_or_else(|| {
                    channels.push(tp.channel.as_str());
                    channels.len() - 1
                });
            self.channel.push(c);
        }
    }

    /// A move of the persona's map, from a touchpoint that applies to a touchpoint that applies
    /// or to an outcome (other moves are left out).
    fn add_move(&mut self, map: &JourneyMap, index: &MapIndex<'_>, from: &str, to: &str) {
        let Some(from) = index.touchpoint_position(from) else {
            return;
        };
        if !self.applies[from] {
            return;
        }
        if let Some(to) = index.touchpoint_position(to) {
            if self.applies[to] {
                self.moves.insert((from, Target::Touchpoint(to)));
                self.succ[from].push(to);
            }
        } else if let Some(o) = index.outcome_position(to) {
            self.moves.insert((from, Target::Outcome(o)));
            self.into_outcome[from].push(o);
            if map.outcomes[o].kind == OutcomeKind::Success {
                self.into_success[from] = true;
            }
        }
    }

    /// Shortest way (fewest moves) from `sources` to a touchpoint satisfying `goal`: the
    /// touchpoints on it in order, the source kept when `include_source`, the goal kept when
    /// `include_goal`; `None` when there is no way. A source is never its own goal.
    pub(super) fn path(
        &self,
        sources: &[usize],
        goal: impl Fn(usize) -> bool,
        include_source: bool,
        include_goal: bool,
    ) -> Option<Vec<usize>> {
        let mut parent: HashMap<usize, usize> = HashMap::default();
        let mut queue: VecDeque<usize> = VecDeque::new();
        for &s in sources {
            parent.insert(s, usize::MAX);
            queue.push_back(s);
        }
        while let Some(u) = queue.pop_front() {
            if goal(u) && !sources.contains(&u) {
                let mut out = if include_goal { vec![u] } else { Vec::new() };
                let mut x = parent[&u];
                while x != usize::MAX {
                    out.push(x);
                    x = parent[&x];
                }
                out.reverse();
                if !include_source && !out.is_empty() {
                    out.remove(0);
                }
                return Some(out);
            }
            for &v in &self.succ[u] {
                if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(v) {
                    e.insert(u);
                    queue.push_back(v);
                }
            }
        }
        None
    }
}
