//! The journey graph of each persona: probabilities out of each touchpoint, reachability, dead
//! ends, paths to success, closed loops, moves and entries that do not apply to their persona.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use foldhash::{HashMap, HashMapExt, HashSet};

use petgraph::algo::tarjan_scc;
use petgraph::graph::NodeIndex;
use petgraph::visit::EdgeRef;

use crate::diagnostics::codes;
use crate::model::weights::{self, SUM_TOLERANCE};
use crate::model::{GraphEdge, GraphNode, JourneyMap, MapIndex, OutcomeKind, PersonaGraph};

use super::Sink;

/// Whether probability can flow along an edge (an explicit 0 stops it).
fn flows(edge: &GraphEdge) -> bool {
    weights::flows(edge.probability, edge.count)
}

fn join(personas: &BTreeSet<&str>) -> String {
    personas
        .iter()
        .map(|p| format!("\"{p}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Positions of the transitions and entries that list each persona explicitly, in array order
/// (one pass over them, instead of one per persona).
struct Listed<'a> {
    transitions: HashMap<&'a str, Vec<usize>>,
    entries: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Listed<'a> {
    fn new(map: &'a JourneyMap) -> Self {
        fn collect<'a>(lists: impl Iterator<Item = &'a [String]>) -> HashMap<&'a str, Vec<usize>> {
            let mut out: HashMap<&'a str, Vec<usize>> = HashMap::new();
            for (i, personas) in lists.enumerate() {
                for p in personas {
                    let positions = out.entry(p.as_str()).or_default();
                    // A persona listed twice on the same object counts once.
                    if positions.last() != Some(&i) {
                        positions.push(i);
                    }
                }
            }
            out
        }
        Self {
            transitions: collect(map.transitions.iter().map(|t| t.personas.as_slice())),
            entries: collect(map.entries.iter().map(|e| e.personas.as_slice())),
        }
    }
}

/// What the per-persona rules found, gathered by touchpoint (or loop), so that each problem is
/// reported once with every persona it concerns.
#[derive(Default)]
struct Findings<'m> {
    /// Touchpoint position → personas whose moves sum over 1, and the largest sum.
    over_one: BTreeMap<usize, (BTreeSet<&'m str>, f64)>,
    leaks: BTreeMap<usize, BTreeSet<&'m str>>,
    unreachable: BTreeMap<usize, BTreeSet<&'m str>>,
    dead_ends: BTreeMap<usize, BTreeSet<&'m str>>,
    /// Touchpoint positions of a closed loop → personas.
    loops: BTreeMap<Vec<usize>, BTreeSet<&'m str>>,
}

pub(super) fn graph_rules(map: &JourneyMap, index: &MapIndex<'_>, sink: &mut Sink) {
    let mut found = Findings::default();
    let listed = Listed::new(map);
    for (pi, persona) in map.personas.iter().enumerate() {
        let p = persona.id.as_str();
        if index.persona(p).map(|x| std::ptr::eq(x, persona)) != Some(true) {
            continue; // duplicate persona id, reported already
        }
        persona_mismatches(map, index, &listed, p, sink);
        let Some(graph) = PersonaGraph::build_with(map, index, p) else {
            continue;
        };
        entries(map, &graph, pi, sink);
        budgets(map, &graph, p, &mut found);
        reachability(map, &graph, pi, p, &mut found, sink);
        closed_loops(map, &graph, p, &mut found);
    }
    report(map, found, sink);
}

/// Moves and entries that list `p` explicitly while one of their touchpoints does not apply to
/// it (JM045).
fn persona_mismatches(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    listed: &Listed<'_>,
    p: &str,
    sink: &mut Sink,
) {
    // Explicitly listed personas on moves/entries whose touchpoints do not apply to them.
    for &i in listed.transitions.get(p).into_iter().flatten() {
        let t = &map.transitions[i];
        let ends = [index.touchpoint(&t.from), index.touchpoint(&t.to)];
        if let Some(tp) = ends.into_iter().flatten().find(|tp| !tp.applies_to(p)) {
            sink.add(
                codes::PERSONA_MISMATCH,
                format!("/transitions/{i}"),
                format!("the move applies to persona \"{p}\" but touchpoint \"{}\" does not; it is ignored for \"{p}\"", tp.id),
            );
        }
    }
    for &i in listed.entries.get(p).into_iter().flatten() {
        let e = &map.entries[i];
        if let Some(tp) = index
            .touchpoint(&e.touchpoint)
            .filter(|tp| !tp.applies_to(p))
        {
            sink.add(
                codes::PERSONA_MISMATCH,
                format!("/entries/{i}"),
                format!("the entry applies to persona \"{p}\" but touchpoint \"{}\" does not; it is ignored for \"{p}\"", tp.id),
            );
        }
    }
}

/// A persona without entries (JM034) and entry probabilities over 1 (JM033).
fn entries(map: &JourneyMap, graph: &PersonaGraph, pi: usize, sink: &mut Sink) {
    let p = graph.persona.as_str();
    if graph.entries.is_empty() {
        sink.add(
            codes::PERSONA_WITHOUT_ENTRY,
            format!("/personas/{pi}"),
            format!("no entry applies to persona \"{p}\", so its journey has no start"),
        );
    }
    let entry_sum: f64 = graph
        .entries
        .iter()
        .filter_map(|&(_, e)| map.entries[e].probability)
        .sum();
    if entry_sum > 1.0 + SUM_TOLERANCE {
        sink.add(
            codes::ENTRY_PROBABILITIES_OVER_ONE,
            "/entries",
            format!("entry probabilities of persona \"{p}\" sum to {entry_sum}, more than 1"),
        );
    }
}

/// Probabilities out of each touchpoint: over 1, leaking, or a dead end.
fn budgets<'m>(map: &JourneyMap, graph: &PersonaGraph, p: &'m str, found: &mut Findings<'m>) {
    let g = &graph.graph;
    for node in g.node_indices() {
        let GraphNode::Touchpoint(ti) = g[node] else {
            continue;
        };
        let budget = graph.budget(map, node);
        if budget.over_one() {
            let entry = found.over_one.entry(ti).or_insert((BTreeSet::new(), 0.0));
            entry.0.insert(p);
            entry.1 = entry.1.max(budget.fixed);
        }
        if budget.no_moves() && graph.drop_off(map, node) <= 0.0 {
            found.dead_ends.entry(ti).or_default().insert(p);
        } else if budget.leaks() {
            found.leaks.entry(ti).or_default().insert(p);
        }
    }
}

/// Reachability from the entries along edges that carry probability: unreachable touchpoints
/// (JM035) and no path to success (JM037).
fn reachability<'m>(
    map: &JourneyMap,
    graph: &PersonaGraph,
    pi: usize,
    p: &'m str,
    found: &mut Findings<'m>,
    sink: &mut Sink,
) {
    if graph.entries.is_empty() {
        return;
    }
    let g = &graph.graph;
    let mut reached = vec![false; g.node_count()];
    let mut queue: VecDeque<NodeIndex> = graph.entries.iter().map(|&(n, _)| n).collect();
    for &n in &queue {
        reached[n.index()] = true;
    }
    while let Some(n) = queue.pop_front() {
        for e in g.edges(n).filter(|e| flows(e.weight())) {
            if !reached[e.target().index()] {
                reached[e.target().index()] = true;
                queue.push_back(e.target());
            }
        }
    }
    for node in g.node_indices() {
        if let GraphNode::Touchpoint(ti) = g[node]
            && !reached[node.index()]
        {
            found.unreachable.entry(ti).or_default().insert(p);
        }
    }
    let success = g.node_indices().any(|n| {
        reached[n.index()]
            && matches!(g[n], GraphNode::Outcome(o) if map.outcomes[o].kind == OutcomeKind::Success)
    });
    if !success && map.outcomes.iter().any(|o| o.kind == OutcomeKind::Success) {
        sink.add(
            codes::NO_PATH_TO_SUCCESS,
            format!("/personas/{pi}"),
            format!("from the entries of persona \"{p}\" no success outcome can be reached"),
        );
    }
}

/// Strongly connected groups of touchpoints with no way out (JM039).
fn closed_loops<'m>(map: &JourneyMap, graph: &PersonaGraph, p: &'m str, found: &mut Findings<'m>) {
    let g = &graph.graph;
    for component in tarjan_scc(g) {
        let cyclic = component.len() > 1
            || component
                .iter()
                .any(|&n| g.edges(n).any(|e| e.target() == n && flows(e.weight())));
        if !cyclic {
            continue;
        }
        let members: HashSet<NodeIndex> = component.iter().copied().collect();
        let leaks_out = component.iter().any(|&n| {
            if matches!(g[n], GraphNode::Outcome(_)) {
                return true;
            }
            graph.drop_off(map, n) > 0.0
                || g.edges(n)
                    .any(|e| !members.contains(&e.target()) && flows(e.weight()))
                || graph.budget(map, n).leaks()
        });
        if !leaks_out {
            let mut ids: Vec<usize> = component
                .iter()
                .filter_map(|&n| match g[n] {
                    GraphNode::Touchpoint(ti) => Some(ti),
                    GraphNode::Outcome(_) => None,
                })
                .collect();
            ids.sort_unstable();
            found.loops.entry(ids).or_default().insert(p);
        }
    }
}

/// One diagnostic per touchpoint (or loop) with every persona it concerns.
fn report(map: &JourneyMap, found: Findings<'_>, sink: &mut Sink) {
    let Findings {
        over_one,
        leaks,
        unreachable,
        dead_ends,
        loops,
    } = found;
    let tp = |i: usize| map.touchpoints[i].id.as_str();
    for (ti, (personas, sum)) in over_one {
        sink.add(
            codes::PROBABILITIES_OVER_ONE,
            format!("/touchpoints/{ti}"),
            format!(
                "moves out of touchpoint \"{}\" (with its drop_off) sum to {sum} for persona(s) {}",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in leaks {
        sink.add(
            codes::PROBABILITY_LEAK,
            format!("/touchpoints/{ti}"),
            format!(
                "probabilities out of touchpoint \"{}\" sum to less than 1 for persona(s) {}; the rest is treated as abandonment",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in unreachable {
        sink.add(
            codes::UNREACHABLE_TOUCHPOINT,
            format!("/touchpoints/{ti}"),
            format!(
                "touchpoint \"{}\" cannot be reached from the entries of persona(s) {}",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (ti, personas) in dead_ends {
        sink.add(
            codes::DEAD_END,
            format!("/touchpoints/{ti}"),
            format!(
                "touchpoint \"{}\" has no way out for persona(s) {}; add a transition to an outcome or a drop_off",
                tp(ti),
                join(&personas)
            ),
        );
    }
    for (members, personas) in loops {
        let Some(&first) = members.first() else {
            continue;
        };
        let names = members
            .iter()
            .map(|&i| format!("\"{}\"", tp(i)))
            .collect::<Vec<_>>()
            .join(", ");
        sink.add(
            codes::CLOSED_LOOP,
            format!("/touchpoints/{first}"),
            format!("touchpoints {names} lead only to each other for persona(s) {}: the journey can never end", join(&personas)),
        );
    }
}
