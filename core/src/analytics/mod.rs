//! Graph analytics on persona journey graphs: the absorbing Markov chain (conversion, visits,
//! removal effect), betweenness centrality and the most likely path.

pub mod markov;

use std::cmp::Ordering;
use std::collections::{BinaryHeap, VecDeque};

pub use markov::{Chain, DROP_OFF, Solution, Weights, resolve_weights};

/// Betweenness centrality (Brandes 2001) of each transient state of `chain`, on the directed graph
/// of moves with positive probability, normalized by `(n-1)(n-2)` so that it lies in `0..1`.
pub fn betweenness(chain: &Chain) -> Vec<f64> {
    let n = chain.len();
    let successors: Vec<Vec<usize>> = (0..n)
        .map(|i| (0..n).filter(|&j| j != i && chain.q(i, j) > 0.0).collect())
        .collect();
    let mut centrality = vec![0.0; n];
    let mut sigma = vec![0.0f64; n];
    let mut dist = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut preds: Vec<Vec<usize>> = vec![Vec::new(); n];
    for s in 0..n {
        let mut stack = Vec::with_capacity(n);
        for v in 0..n {
            sigma[v] = 0.0;
            dist[v] = -1;
            delta[v] = 0.0;
            preds[v].clear();
        }
        sigma[s] = 1.0;
        dist[s] = 0;
        let mut queue = VecDeque::from([s]);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &successors[v] {
                if dist[w] < 0 {
                    dist[w] = dist[v] + 1;
                    queue.push_back(w);
                }
                if dist[w] == dist[v] + 1 {
                    sigma[w] += sigma[v];
                    preds[w].push(v);
                }
            }
        }
        while let Some(w) = stack.pop() {
            for &v in &preds[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                centrality[w] += delta[w];
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
        for w in 0..n {
            let p = chain.q(v, w);
            if p > 0.0 {
                let next = c - p.ln();
                if next < cost[w] {
                    cost[w] = next;
                    previous[w] = Some(v);
                    heap.push(Item(next, w));
                }
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
