//! Graph measures on a persona's chain: betweenness centrality and the most likely path.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::Chain;
use crate::model::{JourneyMap, OutcomeKind};

/// Betweenness centrality (Brandes 2001) of each transient state of `chain`, on the directed graph
/// of moves with positive probability, normalized by `(n-1)(n-2)` so that it lies in `0..1`.
pub fn betweenness(chain: &Chain) -> Vec<f64> {
    let n = chain.len();
    // Moves as compact adjacency lists, self-loops left out (they are on no shortest path).
    let mut start = Vec::with_capacity(n + 1);
    let mut targets: Vec<u32> = Vec::with_capacity(chain.successors.len());
    start.push(0usize);
    for v in 0..n {
        targets.extend(
            chain
                .successors
                .row(v)
                .filter(|&(w, _)| w != v)
                .map(|(w, _)| w as u32),
        );
        start.push(targets.len());
    }
    let moves = |v: usize| &targets[start[v]..start[v + 1]];
    let mut centrality = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![u32::MAX; n];
    let mut coefficient = vec![0.0f64; n];
    // Breadth-first order of the states reached from the source: read forwards it is the queue,
    // backwards the stack of Brandes' algorithm. Successors on shortest paths are found again
    // from the adjacency (`dist[w] == dist[v] + 1`) instead of storing predecessor lists.
    let mut order: Vec<usize> = Vec::with_capacity(n);
    for s in 0..n {
        for &v in &order {
            sigma[v] = 0.0;
            dist[v] = u32::MAX;
            coefficient[v] = 0.0;
        }
        order.clear();
        sigma[s] = 1.0;
        dist[s] = 0;
        order.push(s);
        let mut head = 0;
        while let Some(&v) = order.get(head) {
            head += 1;
            let next = dist[v] + 1;
            for &w in moves(v) {
                let w = w as usize;
                if dist[w] == u32::MAX {
                    dist[w] = next;
                    order.push(w);
                }
                sigma[w] += if dist[w] == next { sigma[v] } else { 0.0 };
            }
        }
        // Dependencies pulled from the successors on shortest paths, farthest states first:
        // delta[v] = sigma[v] * sum over those successors w of (1 + delta[w]) / sigma[w]. States
        // not reached from this source keep a zero coefficient.
        for &v in order.iter().rev() {
            let next = dist[v] + 1;
            let mut pulled = 0.0;
            for &w in moves(v) {
                let w = w as usize;
                pulled += if dist[w] == next { coefficient[w] } else { 0.0 };
            }
            let delta = sigma[v] * pulled;
            coefficient[v] = (1.0 + delta) / sigma[v];
            if v != s {
                centrality[v] += delta;
            }
        }
    }
    if n > 2 {
        let scale = ((n - 1) * (n - 2)) as f64;
        centrality.iter_mut().for_each(|c| *c /= scale);
    } else {
        centrality.iter_mut().for_each(|c| *c = 0.0);
    }
    centrality
}

/// The single most probable journey from an entry to an outcome accepted by `ends`, maximizing
/// the product of the entry and move probabilities (Dijkstra on `-ln p`). Returns the transient
/// states in order, the absorbing state reached, and the path's probability; `None` when no
/// accepted outcome can be reached.
pub fn most_likely_path(
    chain: &Chain,
    ends: impl Fn(usize) -> bool,
) -> Option<(Vec<usize>, usize, f64)> {
    #[derive(PartialEq)]
    struct Item(f64, usize);
    impl Eq for Item {}
    impl Ord for Item {
        fn cmp(&self, other: &Self) -> Ordering {
            // Min-heap on cost, then on state index (ids are sorted, so ties break by id).
            other
                .0
                .total_cmp(&self.0)
                .then_with(|| other.1.cmp(&self.1))
        }
    }
    impl PartialOrd for Item {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    let (n, m) = (chain.len(), chain.outcomes.len());
    let mut cost = vec![f64::INFINITY; n];
    let mut previous: Vec<Option<usize>> = vec![None; n];
    let mut heap = BinaryHeap::new();
    for (i, &p) in chain.entry.iter().enumerate() {
        if p > 0.0 {
            cost[i] = -p.ln();
            heap.push(Item(cost[i], i));
        }
    }
    let mut done = vec![false; n];
    while let Some(Item(c, v)) = heap.pop() {
        if done[v] || c > cost[v] {
            continue;
        }
        done[v] = true;
        for (w, p) in chain.successors.row(v) {
            let next = c - p.ln();
            if next < cost[w] {
                cost[w] = next;
                previous[w] = Some(v);
                heap.push(Item(next, w));
            }
        }
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (v, &c) in cost.iter().enumerate() {
        if !c.is_finite() {
            continue;
        }
        for k in (0..m).filter(|&k| ends(k)) {
            let p = chain.r(v, k);
            if p > 0.0 {
                let total = c - p.ln();
                if best.is_none_or(|(b, _, _)| total < b) {
                    best = Some((total, v, k));
                }
            }
        }
    }
    let (total, last, outcome) = best?;
    let mut path = vec![last];
    let mut at = last;
    while let Some(p) = previous[at] {
        path.push(p);
        at = p;
        if path.len() > n {
            break;
        }
    }
    path.reverse();
    Some((path, outcome, (-total).exp()))
}

/// The persona's journey the map is designed for: the most likely path that succeeds, else the
/// most likely path of all ([`most_likely_path`]). The emotion curve follows it, and the Mermaid
/// export writes it.
pub fn likely_path(chain: &Chain) -> Option<(Vec<usize>, usize, f64)> {
    most_likely_path(chain, |k| chain.outcome_kinds[k] == OutcomeKind::Success)
        .or_else(|| most_likely_path(chain, |_| true))
}

/// The touchpoints of `persona`'s [`likely_path`], as positions in `JourneyMap::touchpoints`;
/// `None` when the persona is unknown or no outcome can be reached from its entries.
pub fn likely_journey(map: &JourneyMap, persona: &str) -> Option<Vec<usize>> {
    let graph = map.persona_graph(persona)?;
    let chain = Chain::build(map, &graph);
    let (states, _, _) = likely_path(&chain)?;
    Some(states.into_iter().map(|s| chain.touchpoints[s]).collect())
}
