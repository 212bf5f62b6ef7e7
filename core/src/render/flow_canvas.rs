//! The canvas of the flow view: sizes, columns, the kinds of moves with their colours, and the
//! drawing context shared by the moves and the boxes.

use super::flow::{Flow, Key, NODE_H, NODE_W, Node, V_GAP};
use super::frame::MARGIN;
use super::theme::{BAD, GOOD, LOOP, MUTED, NAVY};
use crate::model::{JourneyMap, OutcomeKind};

pub(super) const COL_PITCH: f64 = NODE_W + 104.0;
pub(super) const START_W: f64 = 110.0;
pub(super) const MAX_WIDTH: f64 = 20.0;
/// Widest stroke of a move beside its column (within a stage), whose room is the gap between
/// two columns; its label says how much it carries.
pub(super) const BESIDE_WIDTH: f64 = 10.0;
/// Widest stroke of a loop on one box.
const SELF_WIDTH: f64 = 5.0;
pub(super) const MOVE: &str = "#4f7cac";
/// The least flow of a move with channel-switch and hand-off marks (2 per 100 customers; 5 on
/// a large map).
pub(super) const MARKED: f64 = 0.02;
pub(super) const MARKED_LARGE: f64 = 0.05;
/// Least distance between moves that pass through the same gap between boxes.
pub(super) const LANE_GAP: f64 = 3.0;

/// A box on the canvas: left, top, width, height.
pub(super) type Rect = (f64, f64, f64, f64);
/// A cubic segment: start, two control points, end.
pub(super) type Segment = [(f64, f64); 4];

/// Size of the arrowhead of a move `w` wide: wider than the stroke, never under 9 px.
pub(super) fn head(w: f64) -> f64 {
    (w * 1.4 + 3.0).max(9.0).round()
}

/// How far before its target a move's path ends, so that the tip of its head (drawn from 0.2
/// of its length before the end) just touches the target.
pub(super) fn reach(w: f64) -> f64 {
    0.8 * head(w) - 1.2
}

/// Left edge of a column.
pub(super) fn col_x(col: usize) -> f64 {
    if col == 0 {
        MARGIN
    } else {
        MARGIN + START_W + 90.0 + (col - 1) as f64 * COL_PITCH
    }
}

pub(super) fn node_w(node: &Node) -> f64 {
    if node.key == Key::Start {
        START_W
    } else {
        NODE_W
    }
}

/// Kinds of moves, each with its colour and arrowhead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Entry,
    Forward,
    Within,
    /// A move within a stage that closes a cycle (to a touchpoint listed before it in the
    /// stage, or answered by the reverse move).
    Cycle,
    Back,
    Success,
    Failure,
    Neutral,
}

impl Kind {
    pub(super) fn colour(self) -> &'static str {
        match self {
            Kind::Entry => NAVY,
            Kind::Forward | Kind::Within => MOVE,
            Kind::Back | Kind::Cycle => LOOP,
            Kind::Success => GOOD,
            Kind::Failure => BAD,
            Kind::Neutral => MUTED,
        }
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            Kind::Entry => "entry",
            Kind::Forward => "move",
            Kind::Within => "within",
            Kind::Cycle => "loop",
            Kind::Back => "back",
            Kind::Success => "success",
            Kind::Failure => "failure",
            Kind::Neutral => "neutral",
        }
    }
}

pub(super) struct Ctx<'a> {
    pub(super) map: &'a JourneyMap,
    pub(super) flow: Flow,
    pub(super) top: f64,
    pub(super) scale: f64,
    pub(super) id: &'a str,
    /// The largest flow of a move drawn at its width (loops on one box left out).
    pub(super) widest: f64,
    /// The kind of each move, by position in `flow.edges`.
    pub(super) kinds: Vec<Kind>,
    /// Per column, the free spaces between its boxes (height, side: -1 above the column, 1
    /// below it, 0 between two boxes): the top, the bottom, then the gaps top to bottom.
    gaps: Vec<Vec<(f64, i8)>>,
}

impl<'a> Ctx<'a> {
    /// The canvas of `flow` with its boxes from `top` down: a move's width is its flow scaled
    /// so that the largest (leaks included, loops on one box left out) is `MAX_WIDTH` wide.
    pub(super) fn new(map: &'a JourneyMap, flow: Flow, top: f64, id: &'a str) -> Self {
        let kinds = kinds(map, &flow);
        let gaps = gaps(&flow, top);
        let widest = flow
            .edges
            .iter()
            .filter(|e| e.from != e.to)
            .map(|e| e.flow)
            .chain(flow.leaks.iter().map(|l| l.1))
            .fold(0.0, f64::max);
        Self {
            map,
            flow,
            top,
            scale: if widest > 0.0 {
                MAX_WIDTH / widest
            } else {
                1.0
            },
            id,
            widest,
            kinds,
            gaps,
        }
    }
}

/// The kind of every move of `flow`.
fn kinds(map: &JourneyMap, flow: &Flow) -> Vec<Kind> {
    let mut pairs: Vec<(usize, usize)> = flow.edges.iter().map(|e| (e.from, e.to)).collect();
    pairs.sort_unstable();
    flow.edges
        .iter()
        .map(|e| {
            let (a, b) = (&flow.nodes[e.from], &flow.nodes[e.to]);
            match b.key {
                Key::Outcome(o) => match map.outcomes[o].kind {
                    OutcomeKind::Success => Kind::Success,
                    OutcomeKind::Failure => Kind::Failure,
                    OutcomeKind::Neutral => Kind::Neutral,
                },
                Key::DropOff => Kind::Failure,
                _ if a.key == Key::Start => Kind::Entry,
                _ if b.col == a.col && e.from != e.to => {
                    let earlier = matches!((a.key, b.key), (Key::Touchpoint(ta), Key::Touchpoint(tb)) if tb < ta);
                    let answered = pairs.binary_search(&(e.to, e.from)).is_ok();
                    if earlier || answered {
                        Kind::Cycle
                    } else {
                        Kind::Within
                    }
                }
                _ if b.col <= a.col => Kind::Back,
                _ => Kind::Forward,
            }
        })
        .collect()
}

/// The free spaces of every column (see `Ctx::gaps`).
fn gaps(flow: &Flow, top: f64) -> Vec<Vec<(f64, i8)>> {
    let cols = flow.nodes.iter().map(|nd| nd.col + 1).max().unwrap_or(0);
    let mut spans: Vec<Vec<(f64, f64)>> = vec![Vec::new(); cols];
    for nd in &flow.nodes {
        let y = top + nd.y;
        spans[nd.col].push((y - NODE_H / 2.0, y + NODE_H / 2.0));
    }
    spans
        .into_iter()
        .map(|mut spans| {
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut candidates: Vec<(f64, i8)> = Vec::with_capacity(spans.len() + 1);
            if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
                candidates.push((first.0 - V_GAP / 2.0, -1));
                candidates.push((last.1 + V_GAP / 2.0, 1));
            }
            candidates.extend(spans.windows(2).map(|w| ((w[0].1 + w[1].0) / 2.0, 0)));
            candidates
        })
        .collect()
}

impl<'a> Ctx<'a> {
    pub(super) fn kind(&self, k: usize) -> Kind {
        self.kinds.get(k).copied().unwrap_or(Kind::Forward)
    }

    /// The height of the free space between boxes of column `col` nearest to `y`, and which
    /// side it is on: -1 above the column, 1 below it, 0 between two boxes.
    pub(super) fn gap(&self, col: usize, y: f64) -> (f64, i8) {
        self.gaps
            .get(col)
            .into_iter()
            .flatten()
            .copied()
            .min_by(|a, b| (a.0 - y).abs().total_cmp(&(b.0 - y).abs()))
            .unwrap_or((y, 0))
    }

    pub(super) fn width(&self, f: f64) -> f64 {
        (f * self.scale).clamp(1.0, MAX_WIDTH)
    }

    /// Stroke width of move `k`: a loop on one box is drawn small and a move beside its column
    /// at most `BESIDE_WIDTH`, whatever their flow (their titles say how much).
    pub(super) fn edge_width(&self, k: usize) -> f64 {
        let Some(e) = self.flow.edges.get(k) else {
            return 1.0;
        };
        let w = self.width(e.flow);
        if e.from == e.to {
            w.min(SELF_WIDTH)
        } else if matches!(self.kind(k), Kind::Within | Kind::Cycle) {
            w.min(BESIDE_WIDTH)
        } else {
            w
        }
    }

    /// Opacity of a move's stroke: the strongest moves darkest, the thinnest light, so that a
    /// dense map reads by its main flows.
    pub(super) fn opacity(&self, f: f64) -> f64 {
        let share = if self.widest > 0.0 {
            (f / self.widest).clamp(0.0, 1.0)
        } else {
            1.0
        };
        ((0.3 + 0.45 * share.sqrt()) * 100.0).round() / 100.0
    }

    pub(super) fn y(&self, node: &Node) -> f64 {
        self.top + node.y
    }

    /// Name of a node.
    pub(super) fn name(&self, key: Key) -> &'a str {
        match key {
            Key::Start => "Start",
            Key::Touchpoint(t) => &self.map.touchpoints[t].name,
            Key::Outcome(o) => &self.map.outcomes[o].name,
            Key::DropOff => "Left without an outcome",
        }
    }
}

/// The id of the arrowhead of `kind` for a move `w` wide.
pub(super) fn marker_id(id: &str, kind: Kind, w: f64) -> MarkerId<'_> {
    MarkerId {
        id,
        kind,
        size: head(w) as u32,
    }
}

/// The id of an arrowhead, written where it is formatted.
#[derive(Debug, Clone, Copy)]
pub(super) struct MarkerId<'a> {
    id: &'a str,
    kind: Kind,
    size: u32,
}

impl std::fmt::Display for MarkerId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-arrow-{}-{}", self.id, self.kind.name(), self.size)
    }
}
