//! The canvas of the flow view: sizes, columns, the kinds of moves with their colours, and the
//! drawing context shared by the moves and the boxes.

use super::flow::{Edge, Flow, Key, NODE_H, NODE_W, Node, V_GAP};
use super::frame::MARGIN;
use super::theme::{BAD, GOOD, LOOP, MUTED, NAVY};
use crate::model::{JourneyMap, OutcomeKind};

pub(super) const COL_PITCH: f64 = NODE_W + 104.0;
pub(super) const START_W: f64 = 110.0;
pub(super) const MAX_WIDTH: f64 = 20.0;
pub(super) const MOVE: &str = "#4f7cac";
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
}

impl Ctx<'_> {
    pub(super) fn kind(&self, e: &Edge) -> Kind {
        let (a, b) = (&self.flow.nodes[e.from], &self.flow.nodes[e.to]);
        match b.key {
            Key::Outcome(o) => match self.map.outcomes[o].kind {
                OutcomeKind::Success => Kind::Success,
                OutcomeKind::Failure => Kind::Failure,
                OutcomeKind::Neutral => Kind::Neutral,
            },
            Key::DropOff => Kind::Failure,
            _ if a.key == Key::Start => Kind::Entry,
            _ if b.col == a.col && e.from != e.to => {
                let earlier =
                    matches!((a.key, b.key), (Key::Touchpoint(ta), Key::Touchpoint(tb)) if tb < ta);
                let answered = self
                    .flow
                    .edges
                    .iter()
                    .any(|r| r.from == e.to && r.to == e.from);
                if earlier || answered {
                    Kind::Cycle
                } else {
                    Kind::Within
                }
            }
            _ if b.col <= a.col => Kind::Back,
            _ => Kind::Forward,
        }
    }

    /// The height of the free space between boxes of column `col` nearest to `y`, and which
    /// side it is on: -1 above the column, 1 below it, 0 between two boxes.
    pub(super) fn gap(&self, col: usize, y: f64) -> (f64, i8) {
        let mut spans: Vec<(f64, f64)> = self
            .flow
            .nodes
            .iter()
            .filter(|nd| nd.col == col)
            .map(|nd| (self.y(nd) - NODE_H / 2.0, self.y(nd) + NODE_H / 2.0))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut candidates: Vec<(f64, i8)> = Vec::with_capacity(spans.len() + 1);
        if let (Some(first), Some(last)) = (spans.first(), spans.last()) {
            candidates.push((first.0 - V_GAP / 2.0, -1));
            candidates.push((last.1 + V_GAP / 2.0, 1));
        }
        candidates.extend(spans.windows(2).map(|w| ((w[0].1 + w[1].0) / 2.0, 0)));
        candidates
            .into_iter()
            .min_by(|a, b| (a.0 - y).abs().total_cmp(&(b.0 - y).abs()))
            .unwrap_or((y, 0))
    }

    pub(super) fn width(&self, f: f64) -> f64 {
        (f * self.scale).clamp(1.0, MAX_WIDTH)
    }

    /// Stroke width of a move: a loop on one box is drawn small, whatever its flow (its title
    /// says how much).
    pub(super) fn edge_width(&self, e: &Edge) -> f64 {
        if e.from == e.to {
            self.width(e.flow).min(5.0)
        } else {
            self.width(e.flow)
        }
    }

    pub(super) fn y(&self, node: &Node) -> f64 {
        self.top + node.y
    }

    /// Name of a node.
    pub(super) fn name(&self, key: Key) -> String {
        match key {
            Key::Start => "Start".to_owned(),
            Key::Touchpoint(t) => self.map.touchpoints[t].name.clone(),
            Key::Outcome(o) => self.map.outcomes[o].name.clone(),
            Key::DropOff => "Left without an outcome".to_owned(),
        }
    }
}

/// The id of the arrowhead of `kind` for a move `w` wide.
pub(super) fn marker_id(id: &str, kind: Kind, w: f64) -> String {
    format!("{id}-arrow-{}-{}", kind.name(), head(w))
}
