//! The flow of customers through a map: expected moves per customer on each transition
//! (expected visits of the touchpoint × probability of the move, from the persona's absorbing
//! Markov chain), entries, drop-offs; and where the nodes go (stage columns, outcomes at the
//! right, an order within columns that keeps heavy moves short).

use std::collections::BTreeMap;

use super::Drawn;
use crate::model::{JourneyMap, MapIndex, OutcomeKind};
use crate::score::chain::Chain;

/// A node of the flow view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key {
    /// Where journeys start.
    Start,
    /// A touchpoint, by position in `JourneyMap::touchpoints`.
    Touchpoint(usize),
    /// An outcome, by position in `JourneyMap::outcomes`.
    Outcome(usize),
    /// Leaving without an outcome.
    DropOff,
}

/// A placed node.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub key: Key,
    pub col: usize,
    /// Centre.
    pub y: f64,
    /// Expected visits per customer (touchpoints) or probability (outcomes, drop-off).
    pub amount: f64,
    /// Probability of at least one visit (touchpoints).
    pub reach: f64,
    /// On a drawn persona's most likely successful path.
    pub on_path: bool,
}

/// A move with its expected flow per customer.
#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub from: usize,
    pub to: usize,
    pub flow: f64,
}

/// The flow view's content and geometry.
#[derive(Debug, Clone)]
pub(crate) struct Flow {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Drop-off per node (flow leaving without an outcome).
    pub leaks: Vec<(usize, f64)>,
    /// Column titles, left to right (the first is the start, the last the outcomes).
    pub columns: Vec<String>,
    /// Height of the tallest column.
    pub height: f64,
    /// Moves left out: on a large map, those under `MIN_SHOWN` per customer.
    pub hidden: usize,
    /// Whether the map is large (more than `LARGE` touchpoints in the view).
    pub large: bool,
}

/// Node box size and spacing.
pub(crate) const NODE_W: f64 = 184.0;
pub(crate) const NODE_H: f64 = 56.0;
pub(crate) const V_GAP: f64 = 34.0;

/// A map with more touchpoints than this in its flow view is large: its thinnest moves are
/// hidden, or they would hide everything else.
pub(crate) const LARGE: usize = 40;
/// The least flow of a move drawn on a large map (2 per 100 customers).
pub(crate) const MIN_SHOWN: f64 = 0.02;

/// Expected flow of each move.
type Moves = BTreeMap<(Key, Key), f64>;
/// Expected visits and reach of each node.
type Amounts = BTreeMap<Key, (f64, f64)>;

/// Adds up, over the drawn personas weighted by `weight`, the expected flow of every move.
fn flows(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    drawn: &[Drawn<'_>],
    all: bool,
) -> (Moves, Amounts) {
    let mut moves = Moves::new();
    let mut amounts = Amounts::new();
    for d in drawn {
        let weight = if all { d.scores.weight } else { 1.0 };
        // The chain the scores were computed from; built again only for scores of another map.
        let built: Chain;
        let chain = match d.scores.chain.of(map, &d.scores.conversion) {
            Some(chain) => chain,
            None => {
                let Some(graph) = map.persona_graph_with(index, &d.persona.id) else {
                    continue;
                };
                built = Chain::build(map, &graph);
                &built
            }
        };
        let visits: Vec<(f64, f64)> = chain
            .touchpoints
            .iter()
            .map(|&t| {
                let id = &map.touchpoints[t].id;
                // The scores list touchpoints sorted by id.
                let list = &d.scores.conversion.touchpoints;
                list.binary_search_by(|f| f.touchpoint.as_str().cmp(id))
                    .ok()
                    .map_or((0.0, 0.0), |k| {
                        (list[k].expected_visits, list[k].visit_probability)
                    })
            })
            .collect();
        for (i, &t) in chain.touchpoints.iter().enumerate() {
            let (v, reach) = visits[i];
            let e = amounts.entry(Key::Touchpoint(t)).or_insert((0.0, 0.0));
            e.0 += weight * v;
            e.1 += weight * reach;
            if chain.entry[i] > 0.0 {
                *moves.entry((Key::Start, Key::Touchpoint(t))).or_insert(0.0) +=
                    weight * chain.entry[i];
            }
            for (j, q) in chain.successors.row(i) {
                *moves
                    .entry((Key::Touchpoint(t), Key::Touchpoint(chain.touchpoints[j])))
                    .or_insert(0.0) += weight * v * q;
            }
            for (k, o) in chain.outcomes.iter().enumerate() {
                let r = chain.r(i, k);
                if r > 0.0 {
                    let to = o.map_or(Key::DropOff, Key::Outcome);
                    *moves.entry((Key::Touchpoint(t), to)).or_insert(0.0) += weight * v * r;
                }
            }
        }
        for o in &d.scores.conversion.outcomes {
            let key = index
                .outcome_position(&o.outcome)
                .map_or(Key::DropOff, Key::Outcome);
            amounts.entry(key).or_insert((0.0, 0.0)).0 += weight * o.probability;
        }
    }
    (moves, amounts)
}

/// Builds and places the flow of the drawn personas (added up over the customer base when `all`).
#[allow(
    clippy::too_many_lines,
    reason = "one pass from the flows to the placed nodes, edges and columns, in the order they depend on each other"
)]
pub(crate) fn flow(map: &JourneyMap, index: &MapIndex<'_>, drawn: &[Drawn<'_>], all: bool) -> Flow {
    let (moves, amounts) = flows(map, index, drawn, all);
    let stages = map.stages_in_order();
    // Stage column and path membership of every touchpoint, looked up once.
    let stage_cols: Vec<usize> = map
        .touchpoints
        .iter()
        .map(|tp| {
            stages
                .iter()
                .position(|s| s.id == tp.stage)
                .unwrap_or(stages.len())
        })
        .collect();
    let stage_col = |t: usize| stage_cols.get(t).copied().unwrap_or(stages.len());
    let mut path = vec![false; map.touchpoints.len()];
    for d in drawn {
        // Nodes are the first touchpoint of each id (the chain's states): the index finds it.
        for id in &d.scores.conversion.most_likely_path {
            if let Some(t) = index.touchpoint_position(id) {
                path[t] = true;
            }
        }
    }
    let on_path = |t: usize| path.get(t).copied().unwrap_or(false);
    // Nodes: the start, every touchpoint with a flow, every outcome reached, the drop-off.
    let mut keys: Vec<Key> = vec![Key::Start];
    keys.extend(amounts.keys().filter(|k| matches!(k, Key::Touchpoint(_))));
    keys.extend(
        amounts
            .iter()
            .filter(|(k, a)| matches!(k, Key::Outcome(_) | Key::DropOff) && a.0 > 0.0)
            .map(|(k, _)| *k),
    );
    // Columns: start, the stages that hold a node, outcomes.
    let used: Vec<usize> = {
        let mut v: Vec<usize> = keys
            .iter()
            .filter_map(|k| match k {
                Key::Touchpoint(t) => Some(stage_col(*t)),
                _ => None,
            })
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let last = used.len() + 1;
    let col_of = |k: &Key| match k {
        Key::Start => 0,
        Key::Touchpoint(t) => 1 + used.iter().position(|&c| c == stage_col(*t)).unwrap_or(0),
        Key::Outcome(_) | Key::DropOff => last,
    };
    let mut nodes: Vec<Node> = keys
        .iter()
        .map(|k| {
            let (amount, reach) = amounts.get(k).copied().unwrap_or((1.0, 1.0));
            Node {
                key: *k,
                col: col_of(k),
                y: 0.0,
                amount,
                reach,
                on_path: matches!(k, Key::Touchpoint(t) if on_path(*t)),
            }
        })
        .collect();
    // Node of each touchpoint and outcome, by position in the map.
    let mut touchpoint_nodes = vec![None; map.touchpoints.len()];
    let mut outcome_nodes = vec![None; map.outcomes.len()];
    let mut drop_node = None;
    for (i, k) in keys.iter().enumerate() {
        let slot = match *k {
            Key::Start => None,
            Key::Touchpoint(t) => touchpoint_nodes.get_mut(t),
            Key::Outcome(o) => outcome_nodes.get_mut(o),
            Key::DropOff => Some(&mut drop_node),
        };
        if let Some(slot) = slot {
            *slot = Some(i);
        }
    }
    let node_of = |k: Key| match k {
        Key::Start => Some(0),
        Key::Touchpoint(t) => touchpoint_nodes.get(t).copied().flatten(),
        Key::Outcome(o) => outcome_nodes.get(o).copied().flatten(),
        Key::DropOff => drop_node,
    };
    let mut edges: Vec<Edge> = Vec::new();
    let mut leaks: Vec<(usize, f64)> = Vec::new();
    for (&(a, b), &f) in &moves {
        let (Some(from), Some(to)) = (node_of(a), node_of(b)) else {
            continue;
        };
        if f <= 0.0 {
            continue;
        }
        if b == Key::DropOff {
            leaks.push((from, f));
        } else {
            edges.push(Edge { from, to, flow: f });
        }
    }
    let touchpoints = keys
        .iter()
        .filter(|k| matches!(k, Key::Touchpoint(_)))
        .count();
    let before = edges.len();
    let large = touchpoints > LARGE;
    if large {
        edges.retain(|e| e.flow >= MIN_SHOWN);
    }
    let hidden = before - edges.len();
    let height = place(map, &mut nodes, &edges, last);
    let mut columns = vec!["Start".to_owned()];
    columns.extend(used.iter().map(|&c| {
        stages
            .get(c)
            .map_or("No stage".to_owned(), |s| s.name.clone())
    }));
    columns.push("Outcomes".to_owned());
    Flow {
        nodes,
        edges,
        leaks,
        columns,
        height,
        hidden,
        large,
    }
}

/// Outcome order in their column: successes, neutral, failures, then the drop-off.
fn outcome_rank(map: &JourneyMap, k: Key) -> u8 {
    match k {
        Key::Outcome(o) => match map.outcomes[o].kind {
            OutcomeKind::Success => 0,
            OutcomeKind::Neutral => 1,
            OutcomeKind::Failure => 2,
        },
        _ => 3,
    }
}

/// Orders each column by the flow-weighted mean position of its neighbours (a few sweeps of the
/// barycenter heuristic), then stacks the columns centred on the tallest. Returns its height.
fn place(map: &JourneyMap, nodes: &mut [Node], edges: &[Edge], last: usize) -> f64 {
    let cols = last + 1;
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); cols];
    for (i, n) in nodes.iter().enumerate() {
        order[n.col].push(i);
    }
    order[last].sort_by_key(|&i| (outcome_rank(map, nodes[i].key), i));
    let mut neighbours: Vec<Vec<(usize, f64)>> = vec![Vec::new(); nodes.len()];
    for e in edges.iter().filter(|e| e.from != e.to) {
        neighbours[e.from].push((e.to, e.flow));
        neighbours[e.to].push((e.from, e.flow));
    }
    let mut rank = vec![0.0; nodes.len()];
    let set_ranks = |order: &[Vec<usize>], rank: &mut Vec<f64>| {
        for col in order {
            let m = col.len().max(1) as f64;
            for (k, &i) in col.iter().enumerate() {
                rank[i] = (k as f64 + 0.5) / m;
            }
        }
    };
    set_ranks(&order, &mut rank);
    for sweep in 0..8 {
        let range: Vec<usize> = if sweep % 2 == 0 {
            (1..last).collect()
        } else {
            (1..last).rev().collect()
        };
        for c in range {
            let mut keyed: Vec<(f64, usize)> = order[c]
                .iter()
                .map(|&i| {
                    let (mut sum, mut weight) = (0.0, 0.0);
                    for &(other, flow) in &neighbours[i] {
                        if nodes[other].col != c {
                            sum += flow * rank[other];
                            weight += flow;
                        }
                    }
                    (if weight > 0.0 { sum / weight } else { rank[i] }, i)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            order[c] = keyed.into_iter().map(|(_, i)| i).collect();
            // Only this column's ranks changed.
            set_ranks(std::slice::from_ref(&order[c]), &mut rank);
        }
    }
    let pitch = NODE_H + V_GAP;
    let tallest = order.iter().map(Vec::len).max().unwrap_or(1) as f64 * pitch;
    for col in &order {
        let top = (tallest - col.len() as f64 * pitch) / 2.0;
        for (k, &i) in col.iter().enumerate() {
            nodes[i].y = top + k as f64 * pitch + pitch / 2.0;
        }
    }
    tallest
}
