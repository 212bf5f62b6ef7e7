//! The absorbing Markov chain of one persona's journey, solved exactly.
//!
//! Transient states are the touchpoints that apply to the persona, absorbing states are the
//! outcomes plus the implicit abandonment state [`DROP_OFF`]. With `Q` the transient→transient
//! and `R` the transient→absorbing probabilities, the fundamental matrix `N = (I - Q)^-1` gives
//! expected visits and `B = N R` the absorption probabilities (Kemeny & Snell 1960). States are
//! ordered by id, so reordering the map's arrays cannot change a single bit of the result.

mod paths;

use faer::Mat;
use faer::linalg::solvers::{DenseSolveCore, Solve};

pub use paths::{betweenness, likely_journey, likely_path, most_likely_path};

use crate::model::weights::resolve;
use crate::model::{GraphNode, JourneyMap, OutcomeKind, PersonaGraph};

/// A move out of a state: target (`Ok` transient / `Err` absorbing column), probability, count.
type Move = (Result<usize, usize>, Option<f64>, Option<f64>);

/// Id of the implicit failure outcome that takes `drop_off` and unassigned probability.
pub const DROP_OFF: &str = "__drop_off";

/// One persona's chain: states, probabilities and the solved quantities.
#[derive(Debug, Clone)]
pub struct Chain {
    /// Transient states: positions in `JourneyMap::touchpoints`, sorted by touchpoint id.
    pub touchpoints: Vec<usize>,
    /// Absorbing states: positions in `JourneyMap::outcomes` sorted by id (`None` = [`DROP_OFF`],
    /// always last).
    pub outcomes: Vec<Option<usize>>,
    /// Kind of each absorbing state (the drop-off state is a failure).
    pub outcome_kinds: Vec<OutcomeKind>,
    /// Entry distribution over transient states (sums to 1 when the persona has entries).
    pub entry: Vec<f64>,
    /// Transient→transient probabilities, row-major `n × n`.
    pub q: Vec<f64>,
    /// Transient→absorbing probabilities, row-major `n × m`.
    pub r: Vec<f64>,
    /// What had to be repaired to make the chain absorbing.
    pub repairs: Repairs,
    /// The positive entries of `Q` by row: the moves out of each state.
    pub successors: Sparse,
    /// The positive entries of `Q` by column: the moves into each state.
    pub predecessors: Sparse,
}

/// The positive entries of a square matrix, row by row (compressed sparse rows), in column order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sparse {
    start: Vec<usize>,
    index: Vec<usize>,
    value: Vec<f64>,
}

impl Sparse {
    /// The positive entries of the row-major `n × n` matrix `dense`.
    fn positive(dense: &[f64], n: usize) -> Self {
        let mut out = Sparse {
            start: Vec::with_capacity(n + 1),
            index: Vec::new(),
            value: Vec::new(),
        };
        out.start.push(0);
        for row in dense.chunks_exact(n.max(1)).take(n) {
            for (j, &v) in row.iter().enumerate() {
                if v > 0.0 {
                    out.index.push(j);
                    out.value.push(v);
                }
            }
            out.start.push(out.index.len());
        }
        out
    }

    /// The transpose of this `n × n` matrix (entries of each row still in column order).
    fn transpose(&self, n: usize) -> Self {
        let mut start = vec![0usize; n + 1];
        for &j in &self.index {
            start[j + 1] += 1;
        }
        for j in 0..n {
            start[j + 1] += start[j];
        }
        let mut next = start.clone();
        let mut index = vec![0usize; self.index.len()];
        let mut value = vec![0.0; self.index.len()];
        for i in 0..n {
            for (j, v) in self.row(i) {
                let at = next[j];
                index[at] = i;
                value[at] = v;
                next[j] += 1;
            }
        }
        Sparse {
            start,
            index,
            value,
        }
    }

    /// The entries of row `i` as `(column, value)`, in column order.
    pub fn row(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let range = match (self.start.get(i), self.start.get(i + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        };
        self.index[range.clone()]
            .iter()
            .copied()
            .zip(self.value[range].iter().copied())
    }

    /// Number of stored entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no entry is stored.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
}

/// Repairs applied to a persona's probabilities, reported as diagnostics by the scores.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Repairs {
    /// Touchpoints (positions, in id order) whose outgoing probabilities summed over 1 and were scaled down.
    pub normalized: Vec<usize>,
    /// Touchpoints (positions, in id order) from which no outcome can be reached; their mass was sent to
    /// [`DROP_OFF`].
    pub trapped: Vec<usize>,
}

/// The solved chain.
#[derive(Debug, Clone)]
pub struct Solution {
    /// Expected number of visits to each transient state from the entries (`π N`).
    pub expected_visits: Vec<f64>,
    /// Probability of visiting each transient state at least once (`(π N)_c / N_cc`).
    pub visit_probability: Vec<f64>,
    /// Absorption probability of each absorbing state from the entries (`π B`).
    pub absorption: Vec<f64>,
    /// Probability of ending in a success outcome from each transient state (`B` summed over
    /// success states).
    pub success_from: Vec<f64>,
    /// Probability of ending in success from the entries.
    pub success: f64,
    /// Removal effect of each transient state: `1 - P_without_c(success) / P(success)`;
    /// `None` when `P(success) = 0`.
    pub removal_effect: Vec<Option<f64>>,
}

/// The states of a persona's chain in id order, with the map position → state lookups.
struct States {
    /// Transient states: positions in `JourneyMap::touchpoints`, sorted by touchpoint id.
    touchpoints: Vec<usize>,
    /// Absorbing states: outcome positions sorted by id, then `None` for [`DROP_OFF`].
    outcomes: Vec<Option<usize>>,
    /// Touchpoint position → transient state.
    t_index: Vec<Option<usize>>,
    /// Outcome position → absorbing state.
    o_index: Vec<Option<usize>>,
}

/// The flow from the entries through a solved chain.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// Expected number of visits to each transient state from the entries (`π N`).
    pub expected_visits: Vec<f64>,
    /// Absorption probability of each absorbing state from the entries (`π B`).
    pub absorption: Vec<f64>,
    /// Probability of ending in success from the entries.
    pub success: f64,
}

/// The LU decomposition of `I - Q` of a chain (see [`Chain::factorize`]).
pub struct Factorization(faer::linalg::solvers::PartialPivLu<f64>);

impl std::fmt::Debug for Factorization {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Factorization").finish_non_exhaustive()
    }
}

impl States {
    fn of(map: &JourneyMap, graph: &PersonaGraph) -> Self {
        let g = &graph.graph;
        let mut touchpoints: Vec<usize> = g
            .node_indices()
            .filter_map(|n| match g[n] {
                GraphNode::Touchpoint(t) => Some(t),
                GraphNode::Outcome(_) => None,
            })
            .collect();
        touchpoints.sort_by(|&a, &b| map.touchpoints[a].id.cmp(&map.touchpoints[b].id));
        let mut outcome_positions: Vec<usize> = g
            .node_indices()
            .filter_map(|n| match g[n] {
                GraphNode::Outcome(o) => Some(o),
                GraphNode::Touchpoint(_) => None,
            })
            .collect();
        outcome_positions.sort_by(|&a, &b| map.outcomes[a].id.cmp(&map.outcomes[b].id));
        let mut outcomes: Vec<Option<usize>> = outcome_positions.into_iter().map(Some).collect();
        outcomes.push(None);
        let mut t_index: Vec<Option<usize>> = vec![None; map.touchpoints.len()];
        for (i, &t) in touchpoints.iter().enumerate() {
            t_index[t] = Some(i);
        }
        let mut o_index: Vec<Option<usize>> = vec![None; map.outcomes.len()];
        for (k, o) in outcomes.iter().enumerate() {
            if let Some(o) = o {
                o_index[*o] = Some(k);
            }
        }
        Self {
            touchpoints,
            outcomes,
            t_index,
            o_index,
        }
    }

    /// The moves out of touchpoint `tp` (at `node`) as state columns (`Ok` transient, `Err`
    /// absorbing), with their probabilities by the weight rule. The moves come in the graph's
    /// canonical order, so sums do not depend on the order of the map's arrays.
    fn moves(
        &self,
        map: &JourneyMap,
        graph: &PersonaGraph,
        tp: usize,
        node: petgraph::graph::NodeIndex,
    ) -> (Vec<Result<usize, usize>>, crate::model::weights::Weights) {
        let drop_off = map.touchpoints[tp]
            .drop_off_for(&graph.persona)
            .unwrap_or(0.0)
            .clamp(0.0, 1.0);
        let mut targets: Vec<Move> = Vec::new();
        for mv in graph.moves_out(map, node) {
            let target = match graph.graph[mv.target] {
                GraphNode::Touchpoint(t) => self.t_index.get(t).copied().flatten().map(Ok),
                GraphNode::Outcome(o) => self.o_index.get(o).copied().flatten().map(Err),
            };
            if let Some(target) = target {
                let p = mv.probability.filter(|p| p.is_finite()).map(|p| p.max(0.0));
                let c = mv.count.filter(|c| c.is_finite()).map(|c| c.max(0.0));
                targets.push((target, p, c));
            }
        }
        let weights = resolve(
            &targets.iter().map(|&(_, p, c)| (p, c)).collect::<Vec<_>>(),
            drop_off,
        );
        (targets.into_iter().map(|(t, _, _)| t).collect(), weights)
    }

    /// The entry distribution over transient states: the weight rule, then normalized to sum 1
    /// (a journey starts somewhere).
    fn entry_distribution(&self, map: &JourneyMap, graph: &PersonaGraph) -> Vec<f64> {
        let mut entry = vec![0.0; self.touchpoints.len()];
        let mut entries: Vec<(usize, Option<f64>, Option<f64>)> = graph
            .entries
            .iter()
            .filter_map(|&(node, e)| match graph.graph[node] {
                GraphNode::Touchpoint(t) => self.t_index.get(t).copied().flatten().map(|i| {
                    let entry = &map.entries[e];
                    (
                        i,
                        entry.probability.filter(|p| p.is_finite()),
                        entry.count.filter(|c| c.is_finite()),
                    )
                }),
                GraphNode::Outcome(_) => None,
            })
            .collect();
        entries.sort_by_key(|&(i, p, c)| (i, p.map(f64::to_bits), c.map(f64::to_bits)));
        let w = resolve(
            &entries.iter().map(|&(_, p, c)| (p, c)).collect::<Vec<_>>(),
            0.0,
        );
        for (&(i, _, _), w) in entries.iter().zip(&w.weights) {
            entry[i] += w;
        }
        let total: f64 = entry.iter().fold(0.0, |a, b| a + b);
        if total > 0.0 {
            entry.iter_mut().for_each(|x| *x /= total);
        }
        entry
    }
}

impl Chain {
    /// Number of transient states.
    pub fn len(&self) -> usize {
        self.touchpoints.len()
    }

    /// Whether the chain has no transient state.
    pub fn is_empty(&self) -> bool {
        self.touchpoints.is_empty()
    }

    /// `Q[i][j]`.
    pub fn q(&self, i: usize, j: usize) -> f64 {
        self.q[i * self.len() + j]
    }

    /// `R[i][k]`.
    pub fn r(&self, i: usize, k: usize) -> f64 {
        self.r[i * self.outcomes.len() + k]
    }

    /// Builds the chain of the graph's persona.
    pub fn build(map: &JourneyMap, graph: &PersonaGraph) -> Chain {
        let states = States::of(map, graph);
        let (n, m) = (states.touchpoints.len(), states.outcomes.len());
        let mut q = vec![0.0; n * n];
        let mut r = vec![0.0; n * m];
        let mut repairs = Repairs::default();
        for (i, &tp) in states.touchpoints.iter().enumerate() {
            let Some(node) = graph.touchpoint_node(tp) else {
                continue;
            };
            let (targets, weights) = states.moves(map, graph, tp, node);
            if weights.normalized {
                repairs.normalized.push(tp);
            }
            for (target, w) in targets.iter().zip(&weights.weights) {
                match target {
                    Ok(j) => q[i * n + j] += w,
                    Err(k) => r[i * m + k] += w,
                }
            }
            r[i * m + m - 1] += weights.drop_off;
        }
        let entry = states.entry_distribution(map, graph);
        let outcome_kinds: Vec<OutcomeKind> = states
            .outcomes
            .iter()
            .map(|o| o.map_or(OutcomeKind::Failure, |o| map.outcomes[o].kind))
            .collect();
        let mut chain = Chain {
            touchpoints: states.touchpoints,
            outcomes: states.outcomes,
            outcome_kinds,
            entry,
            q,
            r,
            repairs,
            successors: Sparse::default(),
            predecessors: Sparse::default(),
        };
        chain.successors = Sparse::positive(&chain.q, n);
        chain.predecessors = chain.successors.transpose(n);
        if chain.release_trapped_mass() {
            chain.successors = Sparse::positive(&chain.q, n);
            chain.predecessors = chain.successors.transpose(n);
        }
        chain
    }

    /// Sends the mass of states that can never reach an absorbing state to [`DROP_OFF`], so that
    /// `I - Q` is invertible. Returns whether any state was trapped. Uses `predecessors`, which
    /// must describe the current `Q`.
    fn release_trapped_mass(&mut self) -> bool {
        let (n, m) = (self.len(), self.outcomes.len());
        // Backwards search from the states that move straight to an outcome.
        let predecessors = &self.predecessors;
        let mut escapes: Vec<bool> = (0..n).map(|i| (0..m).any(|k| self.r(i, k) > 0.0)).collect();
        let mut stack: Vec<usize> = (0..n).filter(|&i| escapes[i]).collect();
        while let Some(j) = stack.pop() {
            for (i, _) in predecessors.row(j) {
                if !escapes[i] {
                    escapes[i] = true;
                    stack.push(i);
                }
            }
        }
        let trapped: Vec<usize> = (0..n).filter(|&i| !escapes[i]).collect();
        for &i in &trapped {
            self.q[i * n..(i + 1) * n].iter_mut().for_each(|x| *x = 0.0);
            self.r[i * m..(i + 1) * m].iter_mut().for_each(|x| *x = 0.0);
            self.r[i * m + m - 1] = 1.0;
            self.repairs.trapped.push(self.touchpoints[i]);
        }
        !trapped.is_empty()
    }

    /// Whether `other` has the same transient states and the same `Q`, bit for bit, so that its
    /// fundamental matrix can be reused (personas that share a journey graph).
    pub fn same_transient_part(&self, other: &Chain) -> bool {
        self.touchpoints == other.touchpoints
            && self.q.len() == other.q.len()
            && self
                .q
                .iter()
                .zip(&other.q)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }

    /// The LU decomposition (partial pivoting) of `I - Q`; `None` without transient states.
    pub fn factorize(&self) -> Option<Factorization> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        let a = Mat::<f64>::from_fn(n, n, |i, j| (if i == j { 1.0 } else { 0.0 }) - self.q(i, j));
        Some(Factorization(a.partial_piv_lu()))
    }

    /// The fundamental matrix `N = (I - Q)^-1` from the factorization of `I - Q`.
    pub fn fundamental_of(&self, lu: Option<&Factorization>) -> Mat<f64> {
        lu.map_or_else(|| Mat::<f64>::zeros(0, 0), |lu| lu.0.inverse())
    }

    /// The fundamental matrix `N = (I - Q)^-1`, by LU decomposition with partial pivoting.
    pub fn fundamental(&self) -> Mat<f64> {
        self.fundamental_of(self.factorize().as_ref())
    }

    /// The states reachable from `start` along `edges` (successors: forwards; predecessors:
    /// backwards).
    fn search(&self, start: Vec<bool>, edges: &Sparse) -> Vec<bool> {
        let mut seen = start;
        let mut stack: Vec<usize> = (0..seen.len()).filter(|&i| seen[i]).collect();
        while let Some(v) = stack.pop() {
            for (w, _) in edges.row(v) {
                if !seen[w] {
                    seen[w] = true;
                    stack.push(w);
                }
            }
        }
        seen
    }

    /// Solves the chain: expected visits, visit probabilities, absorption and removal effects.
    pub fn solve(&self) -> Solution {
        let lu = self.factorize();
        self.solve_from(self.flow(lu.as_ref()), &self.fundamental_of(lu.as_ref()))
    }

    /// The flow from the entries: expected visits `v = π N` (one solve of `(I - Q)^T v = π` with
    /// the factorization, not a row of the inverse), absorption `π B = v R` and the probability
    /// of success. What predictions need; [`Chain::solve_from`] adds the rest.
    pub fn flow(&self, lu: Option<&Factorization>) -> Flow {
        let (n, m) = (self.len(), self.outcomes.len());
        // Structural zeros: a state no journey reaches has no visit, exactly (the solve alone
        // leaves rounding noise of 1e-16 there, which would read as a tiny conversion).
        let reached = self.search(
            self.entry.iter().map(|&p| p > 0.0).collect(),
            &self.successors,
        );
        let mut expected_visits = vec![0.0; n];
        if let Some(lu) = lu {
            let pi = Mat::<f64>::from_fn(n, 1, |i, _| self.entry[i]);
            let v = lu.0.solve_transpose(&pi);
            for (j, x) in expected_visits.iter_mut().enumerate() {
                if reached[j] {
                    *x = v[(j, 0)];
                }
            }
        }
        let mut absorption = vec![0.0; m];
        for (k, a) in absorption.iter_mut().enumerate() {
            *a = (0..n)
                .map(|j| expected_visits[j] * self.r(j, k))
                .fold(0.0, |a, b| a + b)
                .clamp(0.0, 1.0);
        }
        let success: f64 = (0..m)
            .filter(|&k| self.outcome_kinds[k] == OutcomeKind::Success)
            .map(|k| absorption[k])
            .fold(0.0, |a, b| a + b)
            .clamp(0.0, 1.0);
        Flow {
            expected_visits,
            absorption,
            success,
        }
    }

    /// The whole solution from the flow and the fundamental matrix: visit probabilities,
    /// success from each state and removal effects added.
    pub fn solve_from(&self, flow: Flow, fundamental: &Mat<f64>) -> Solution {
        let (n, m) = (self.len(), self.outcomes.len());
        let Flow {
            expected_visits,
            absorption,
            success,
        } = flow;
        // Structural zeros: a state from which no success outcome can be reached has no
        // success, exactly.
        let succeeds = self.search(
            (0..n)
                .map(|j| {
                    (0..m).any(|k| {
                        self.outcome_kinds[k] == OutcomeKind::Success && self.r(j, k) > 0.0
                    })
                })
                .collect(),
            &self.predecessors,
        );
        // B = N R, but only its success column is needed.
        let success_cols: Vec<usize> = (0..m)
            .filter(|&k| self.outcome_kinds[k] == OutcomeKind::Success)
            .collect();
        let r_success: Vec<f64> = (0..n)
            .map(|j| {
                success_cols
                    .iter()
                    .map(|&k| self.r(j, k))
                    .fold(0.0, |a, b| a + b)
            })
            .collect();
        let mut success_from = vec![0.0; n];
        for (i, s) in success_from
            .iter_mut()
            .enumerate()
            .filter(|&(i, _)| succeeds[i])
        {
            *s = (0..n)
                .map(|j| fundamental[(i, j)] * r_success[j])
                .fold(0.0, |a, b| a + b)
                .clamp(0.0, 1.0);
        }
        let visit_probability: Vec<f64> = (0..n)
            .map(|c| {
                let ncc = fundamental[(c, c)];
                if ncc > 0.0 {
                    (expected_visits[c] / ncc).clamp(0.0, 1.0)
                } else {
                    0.0
                }
            })
            .collect();
        // P_without_c(success) = P(success) - h_c * s_c (strong Markov property at the first visit
        // to c), so RE_c = h_c * s_c / P(success).
        let removal_effect = (0..n)
            .map(|c| {
                (success > 0.0)
                    .then(|| (visit_probability[c] * success_from[c] / success).clamp(0.0, 1.0))
            })
            .collect();
        Solution {
            expected_visits,
            visit_probability,
            absorption,
            success_from,
            success,
            removal_effect,
        }
    }
}
