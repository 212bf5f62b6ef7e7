//! The one rule that turns the declared weights of moves into probabilities, and its tolerance.
//! The validator (JM032, JM052, JM039) and the Markov chain both read a touchpoint's moves
//! through [`Budget`] and [`resolve`], so they can never disagree on what a map means.
//!
//! Out of one touchpoint, for one persona: explicit `probability` values are used as given, with
//! the touchpoint's `drop_off`; the rest of 1 goes to the moves with a `count`, in proportion to
//! their counts, or else is shared equally by the moves with neither; what is still unassigned is
//! abandonment. When the explicit probabilities plus the drop-off exceed 1, they are scaled to 1.

/// Sums of probabilities within this distance of 1 count as exactly 1.
pub const SUM_TOLERANCE: f64 = 1e-9;

/// The explicit part of the moves out of one touchpoint: what the validator checks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Explicit probabilities plus the drop-off.
    pub fixed: f64,
    /// Number of moves.
    pub moves: usize,
    /// Number of moves with an explicit probability.
    pub explicit: usize,
}

impl Budget {
    /// The budget of moves given as `(probability, count)` pairs with a declared `drop_off`.
    pub fn of(moves: impl IntoIterator<Item = (Option<f64>, Option<f64>)>, drop_off: f64) -> Self {
        let (mut sum, mut n, mut explicit) = (0.0, 0, 0);
        for (p, _) in moves {
            n += 1;
            if let Some(p) = p {
                sum += p;
                explicit += 1;
            }
        }
        Self {
            fixed: sum + drop_off,
            moves: n,
            explicit,
        }
    }

    /// The budget once the moves of `old` (some of these moves) are replaced by those of `new`,
    /// with `drop_off` added: `self`, `old` and `new` are budgets of moves alone (drop-off 0).
    /// So the effects of an opportunity are checked without reading the moves they leave alone.
    pub fn replaced(self, old: Budget, new: Budget, drop_off: f64) -> Self {
        Self {
            fixed: self.fixed - old.fixed + new.fixed + drop_off,
            moves: self.moves.saturating_sub(old.moves) + new.moves,
            explicit: self.explicit.saturating_sub(old.explicit) + new.explicit,
        }
    }

    /// Whether every move has an explicit probability.
    pub fn all_explicit(&self) -> bool {
        self.explicit == self.moves
    }

    /// Whether there is no move at all.
    pub fn no_moves(&self) -> bool {
        self.moves == 0
    }

    /// The explicit probabilities and drop-off sum over 1 (JM032; scoring scales them, JM102).
    pub fn over_one(&self) -> bool {
        self.fixed > 1.0 + SUM_TOLERANCE
    }

    /// Every move is explicit and they sum under 1: the rest is abandonment (JM052).
    pub fn leaks(&self) -> bool {
        self.all_explicit() && self.fixed < 1.0 - SUM_TOLERANCE
    }

    /// What is left of 1 after the explicit part (0 within rounding, 0 when over one).
    pub fn remaining(&self) -> f64 {
        if 1.0 - self.fixed < SUM_TOLERANCE {
            0.0
        } else {
            1.0 - self.fixed
        }
    }
}

/// Probabilities of the moves out of one state, by the rule above.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// Probability of each move, in input order.
    pub weights: Vec<f64>,
    /// Probability of abandoning (declared drop-off plus unassigned remainder).
    pub drop_off: f64,
    /// Whether explicit probabilities summed over 1 and were scaled down.
    pub normalized: bool,
}

/// Resolves `(probability, count)` pairs of the moves out of one state with a declared
/// `drop_off` into probabilities (see the module documentation).
pub fn resolve(moves: &[(Option<f64>, Option<f64>)], drop_off: f64) -> Weights {
    let budget = Budget::of(moves.iter().copied(), drop_off);
    let mut weights: Vec<f64> = moves.iter().map(|m| m.0.unwrap_or(0.0)).collect();
    if budget.over_one() {
        let fixed = budget.fixed;
        weights.iter_mut().for_each(|w| *w /= fixed);
        return Weights {
            weights,
            drop_off: drop_off / fixed,
            normalized: true,
        };
    }
    // A remainder within rounding of zero is zero: 1/2 + 1/3 + 1/6 must not leak 1e-16 of
    // probability (which would turn a closed loop into a near-singular chain).
    let remaining = budget.remaining();
    let counted: Vec<usize> = (0..moves.len())
        .filter(|&i| moves[i].0.is_none() && moves[i].1.is_some())
        .collect();
    let total_count: f64 = counted
        .iter()
        .filter_map(|&i| moves[i].1)
        .fold(0.0, |a, b| a + b);
    let uniform: Vec<usize> = (0..moves.len())
        .filter(|&i| moves[i].0.is_none() && moves[i].1.is_none())
        .collect();
    let mut drop = drop_off;
    if !counted.is_empty() && total_count > 0.0 {
        for &i in &counted {
            weights[i] = remaining * moves[i].1.unwrap_or(0.0) / total_count;
        }
    } else if !uniform.is_empty() {
        let share = remaining / uniform.len() as f64;
        for &i in &uniform {
            weights[i] = share;
        }
    } else {
        drop += remaining;
    }
    Weights {
        weights,
        drop_off: drop,
        normalized: false,
    }
}

/// Whether probability can flow along a move with these declared weights (an explicit 0 stops
/// it).
pub fn flows(probability: Option<f64>, count: Option<f64>) -> bool {
    match (probability, count) {
        (Some(p), _) => p > 0.0,
        (None, Some(c)) => c > 0.0,
        (None, None) => true,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::float_cmp)]
    use super::*;

    #[test]
    fn weight_rule() {
        let w = resolve(
            &[(Some(0.5), None), (None, Some(30.0)), (None, Some(10.0))],
            0.1,
        );
        assert!((w.weights[1] - 0.3).abs() < 1e-12 && (w.weights[2] - 0.1).abs() < 1e-12);
        assert_eq!(w.drop_off, 0.1);
        let w = resolve(&[(None, None), (None, None)], 0.2);
        assert_eq!(w.weights, vec![0.4, 0.4]);
        let w = resolve(&[(Some(0.6), None)], 0.0);
        assert!((w.drop_off - 0.4).abs() < 1e-12);
        let w = resolve(&[(Some(0.8), None), (Some(0.8), None)], 0.4);
        assert!(w.normalized);
        assert!((w.weights.iter().fold(0.0, |a, b| a + b) + w.drop_off - 1.0).abs() < 1e-12);
    }

    #[test]
    fn budget_agrees_with_the_rule() {
        let b = Budget::of([(Some(0.5), None), (Some(0.4), None)], 0.0);
        assert!(b.leaks() && !b.over_one());
        let b = Budget::of([(Some(0.5), None), (None, None)], 0.0);
        assert!(!b.leaks());
        let b = Budget::of([(Some(0.7), None)], 0.4);
        assert!(b.over_one() && resolve(&[(Some(0.7), None)], 0.4).normalized);
        assert!(Budget::of([], 0.0).no_moves());
        let all = Budget::of(
            [(Some(0.5), None), (Some(0.3), None), (None, Some(2.0))],
            0.0,
        );
        let old = Budget::of([(None, Some(2.0))], 0.0);
        let new = Budget::of([(Some(0.3), None)], 0.0);
        let b = all.replaced(old, new, 0.1);
        assert!(b.all_explicit() && b.over_one() && b.moves == 3);
        assert!((b.fixed - 1.2).abs() < 1e-12);
    }
}
