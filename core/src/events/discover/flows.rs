//! What the variants of an aggregate say about the observed map: starts, moves, ends, visits,
//! first positions, and survey answers pooled per touchpoint.

use std::collections::{BTreeMap, BTreeSet};

use crate::events::NONE;
use crate::events::aggregate::{Aggregate, Histogram};

/// Node of the map: (activity, channel or NONE).
pub(super) type Node = (u32, u32);

/// Counts gathered from the variants.
#[derive(Default)]
pub(super) struct Flows {
    pub(super) entries: BTreeMap<(u32, Node), u64>,
    pub(super) moves: BTreeMap<(u32, Node, Node), u64>,
    /// (persona, node, outcome index or NONE for "ended") → cases.
    pub(super) ends: BTreeMap<(u32, Node, u32), u64>,
    pub(super) visits: BTreeMap<(u32, Node), u64>,
    /// Node → (sum of first positions × cases, cases), to order touchpoints.
    pub(super) position: BTreeMap<Node, (u128, u128)>,
    pub(super) personas: BTreeMap<u32, u64>,
    pub(super) outcomes: BTreeMap<u32, u64>,
    pub(super) at_outcome: u64,
    pub(super) after_outcome: u64,
}

impl Aggregate {
    pub(super) fn node(&self, step: u32, by_channel: bool) -> Node {
        let (a, c) = self.steps[step as usize];
        (a, if by_channel { c } else { NONE })
    }

    /// The outcome index of every activity (position in `success ++ failure`), NONE if none.
    pub(super) fn outcome_of(&self, success: &[String], failure: &[String]) -> Vec<u32> {
        self.activities
            .iter()
            .map(|a| {
                success
                    .iter()
                    .chain(failure)
                    .position(|o| o == a)
                    .map_or(NONE, |i| i as u32)
            })
            .collect()
    }

    pub(super) fn flows(&self, outcome_of: &[u32], by_channel: bool) -> Flows {
        let mut f = Flows::default();
        let mut nodes: Vec<Node> = Vec::new();
        for v in 0..self.variants.len() {
            let (p, k) = (self.variants[v].persona, self.variants[v].cases);
            *f.personas.entry(p).or_default() += k;
            let seq = self.seq(v);
            let cut = seq
                .iter()
                .position(|&s| outcome_of[self.step_activity(s) as usize] != NONE);
            let outcome = cut.map_or(NONE, |j| outcome_of[self.step_activity(seq[j]) as usize]);
            let j = cut.unwrap_or(seq.len());
            f.after_outcome += (seq.len() - j).saturating_sub(1) as u64 * k;
            nodes.clear();
            nodes.extend(seq[..j].iter().map(|&s| self.node(s, by_channel)));
            let (Some(&first), Some(&last)) = (nodes.first(), nodes.last()) else {
                f.at_outcome += k;
                continue;
            };
            *f.outcomes.entry(outcome).or_default() += k;
            *f.entries.entry((p, first)).or_default() += k;
            for w in nodes.windows(2) {
                *f.moves.entry((p, w[0], w[1])).or_default() += k;
            }
            *f.ends.entry((p, last, outcome)).or_default() += k;
            let mut seen: BTreeSet<Node> = BTreeSet::new();
            for (i, &n) in nodes.iter().enumerate() {
                if seen.insert(n) {
                    *f.visits.entry((p, n)).or_default() += k;
                    let e = f.position.entry(n).or_default();
                    e.0 += i as u128 * u128::from(k);
                    e.1 += u128::from(k);
                }
            }
        }
        f
    }
}

/// Key of the histograms pooled over every persona.
pub(super) const ALL: u32 = u32::MAX - 1;

/// Metric histograms pooled per (persona, node) and per ([`ALL`], node).
pub(super) fn pool_metrics(
    agg: &Aggregate,
    by_channel: bool,
) -> BTreeMap<(u32, Node), BTreeMap<u8, Histogram>> {
    let mut out: BTreeMap<(u32, Node), BTreeMap<u8, Histogram>> = BTreeMap::new();
    for (&(p, s, k), h) in &agg.metrics {
        let n = agg.node(s, by_channel);
        for key in [(p, n), (ALL, n)] {
            let into = out.entry(key).or_default().entry(k).or_default();
            for (&v, &c) in h {
                *into.entry(v).or_default() += c;
            }
        }
    }
    out
}
