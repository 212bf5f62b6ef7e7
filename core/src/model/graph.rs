//! The per-persona journey graph, on petgraph.

use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;

use super::index::End;
use super::weights::Budget;
use super::{JourneyMap, MapIndex};

/// One move out of a touchpoint node, with its declared weights.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Move {
    /// The node it leads to.
    pub target: NodeIndex,
    /// The declared probability, if any.
    pub probability: Option<f64>,
    /// The declared count, if any.
    pub count: Option<f64>,
}

/// A node of a persona's journey graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GraphNode {
    /// A touchpoint, by its position in `JourneyMap::touchpoints`.
    Touchpoint(usize),
    /// An outcome, by its position in `JourneyMap::outcomes`.
    Outcome(usize),
}

/// An edge of a persona's journey graph: one transition that applies to the persona.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GraphEdge {
    /// Position of the transition in `JourneyMap::transitions`.
    pub transition: usize,
    /// The declared probability, if any.
    pub probability: Option<f64>,
    /// The declared count, if any.
    pub count: Option<f64>,
}

/// One persona's journey graph: nodes are the touchpoints that apply to the persona and every
/// outcome; edges are the transitions that apply to the persona between two such nodes.
/// Entries are the persona's entry touchpoints with their declared weights.
#[derive(Debug, Clone)]
pub struct PersonaGraph {
    /// Persona id.
    pub persona: String,
    /// The graph.
    pub graph: DiGraph<GraphNode, GraphEdge>,
    /// Entry nodes with the entry's position in `JourneyMap::entries`.
    pub entries: Vec<(NodeIndex, usize)>,
    /// Node of each touchpoint, by position in `JourneyMap::touchpoints`.
    touchpoint_nodes: Vec<Option<NodeIndex>>,
    /// Node of each outcome, by position in `JourneyMap::outcomes`.
    outcome_nodes: Vec<Option<NodeIndex>>,
}

impl PersonaGraph {
    /// Builds the graph of `persona`; `None` when no persona has that id.
    pub fn build(map: &JourneyMap, persona: &str) -> Option<Self> {
        Self::build_with(map, &map.index(), persona)
    }

    /// [`PersonaGraph::build`] with the map's id lookups already built. The ids the transitions
    /// and entries name are looked up once per index, not once per persona.
    pub fn build_with(map: &JourneyMap, index: &MapIndex<'_>, persona: &str) -> Option<Self> {
        index.persona(persona)?;
        let ends = index.graph_ends(map);
        let nodes = map.touchpoints.len() + map.outcomes.len();
        let mut graph = DiGraph::with_capacity(nodes, map.transitions.len());
        let mut touchpoint_nodes = vec![None; map.touchpoints.len()];
        let firsts = map.touchpoints.iter().zip(&ends.first_touchpoints);
        for (i, (node, (tp, &first))) in touchpoint_nodes.iter_mut().zip(firsts).enumerate() {
            // Only the first touchpoint of a duplicated id becomes a node.
            if first && tp.applies_to(persona) {
                *node = Some(graph.add_node(GraphNode::Touchpoint(i)));
            }
        }
        let mut outcome_nodes = vec![None; map.outcomes.len()];
        for (i, (node, &kept)) in outcome_nodes.iter_mut().zip(&ends.outcomes).enumerate() {
            if kept {
                *node = Some(graph.add_node(GraphNode::Outcome(i)));
            }
        }
        let touchpoint_node =
            |at: Option<usize>| at.and_then(|p| touchpoint_nodes.get(p).copied().flatten());
        let node_of = |end: End| match end {
            End::Touchpoint(p) => touchpoint_node(Some(p)),
            End::Outcome(p) => outcome_nodes.get(p).copied().flatten(),
            End::Missing => None,
        };
        let mut edges = Vec::with_capacity(map.transitions.len());
        for (i, (t, &(from, to))) in map.transitions.iter().zip(ends.transitions()).enumerate() {
            if !t.applies_to(persona) {
                continue;
            }
            // Transitions leave touchpoints only; one out of an outcome is reported by the validator.
            if let (Some(from), Some(to)) = (touchpoint_node(from), node_of(to)) {
                edges.push((
                    from,
                    to,
                    GraphEdge {
                        transition: i,
                        probability: t.probability,
                        count: t.count,
                    },
                ));
            }
        }
        for (from, to, edge) in edges {
            graph.add_edge(from, to, edge);
        }
        let mut entries = Vec::new();
        for (i, (e, &at)) in map.entries.iter().zip(ends.entries()).enumerate() {
            if !e.applies_to(persona) {
                continue;
            }
            if let Some(node) = touchpoint_node(at) {
                entries.push((node, i));
            }
        }
        Some(Self {
            persona: persona.to_owned(),
            graph,
            entries,
            touchpoint_nodes,
            outcome_nodes,
        })
    }

    /// Node of the touchpoint at this position in `JourneyMap::touchpoints`, if it applies.
    pub fn touchpoint_node(&self, position: usize) -> Option<NodeIndex> {
        self.touchpoint_nodes.get(position).copied().flatten()
    }

    /// The moves out of `node` in one canonical order (touchpoints before outcomes, each by id,
    /// then by weight), so that sums over them do not depend on the order of the map's arrays.
    pub fn moves_out(&self, map: &JourneyMap, node: NodeIndex) -> Vec<Move> {
        let mut moves: Vec<Move> = self
            .graph
            .edges(node)
            .map(|e| Move {
                target: e.target(),
                probability: e.weight().probability,
                count: e.weight().count,
            })
            .collect();
        let key = |m: &Move| {
            let (outcome, id) = match self.graph[m.target] {
                GraphNode::Touchpoint(t) => (false, map.touchpoints[t].id.as_str()),
                GraphNode::Outcome(o) => (true, map.outcomes[o].id.as_str()),
            };
            (
                outcome,
                id,
                m.probability.map(f64::to_bits),
                m.count.map(f64::to_bits),
            )
        };
        moves.sort_by(|a, b| key(a).cmp(&key(b)));
        moves
    }

    /// The `drop_off` of the touchpoint at `node` for this graph's persona (0 when undeclared
    /// or for an outcome).
    pub fn drop_off(&self, map: &JourneyMap, node: NodeIndex) -> f64 {
        match self.graph[node] {
            GraphNode::Touchpoint(t) => map.touchpoints[t]
                .drop_off_for(&self.persona)
                .unwrap_or(0.0),
            GraphNode::Outcome(_) => 0.0,
        }
    }

    /// The explicit probability budget of the moves out of `node` (see [`Budget`]). The sum runs
    /// in edge order: [`SUM_TOLERANCE`](super::weights::SUM_TOLERANCE) is far above any rounding
    /// the order of a sum can make, so the verdict is the chain's.
    pub fn budget(&self, map: &JourneyMap, node: NodeIndex) -> Budget {
        Budget::of(
            self.graph
                .edges(node)
                .map(|e| (e.weight().probability, e.weight().count)),
            self.drop_off(map, node),
        )
    }

    /// Node of the outcome at this position in `JourneyMap::outcomes`.
    pub fn outcome_node(&self, position: usize) -> Option<NodeIndex> {
        self.outcome_nodes.get(position).copied().flatten()
    }
}
