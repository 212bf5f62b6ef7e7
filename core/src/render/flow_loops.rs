//! Moves within a stage, drawn beside their column: loops in amber (to the left when they go
//! down, to the right when they go up) and other moves down or up the column in blue (to the
//! left). Those on one side of a column are nested, the shortest innermost, each far enough out
//! to clear the ones inside it; their ends are staggered on the boxes (outer ones nearer the
//! middle of the box side), away from where the moves between columns arrive and leave.

use super::flow::NODE_W;
use super::flow_canvas::{Ctx, Kind, LANE_GAP, Segment, col_x, reach};

/// Bulge of a move beside its column: how far out its control points go (the curve reaches
/// three quarters of it).
const MAX_BULGE: f64 = 64.0;
/// Where the ends of the innermost move sit, above or below the middle of the box side, and
/// how much nearer the middle each enclosing move's ends are.
const END: f64 = 20.0;
const END_STEP: f64 = 5.0;

/// A move beside its column: (column, on the right), move, span of heights, stroke width.
type Side = ((usize, bool), usize, (f64, f64), f64);

/// How a move beside its column is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Beside {
    /// On the right of the column (else the left).
    pub right: bool,
    /// How far out the control points go.
    pub bulge: f64,
    /// How far from the middle of the box side its ends are.
    pub end: f64,
}

/// The moves beside their column, by move (`None` for the others).
pub(super) fn beside(ctx: &Ctx<'_>) -> Vec<Option<Beside>> {
    let edges = &ctx.flow.edges;
    let nodes = &ctx.flow.nodes;
    let mut out: Vec<Option<Beside>> = vec![None; edges.len()];
    let mut sides: Vec<Side> = Vec::new();
    for (k, e) in edges.iter().enumerate() {
        let kind = ctx.kind(k);
        if !matches!(kind, Kind::Within | Kind::Cycle) {
            continue;
        }
        let (a, b) = (&nodes[e.from], &nodes[e.to]);
        let right = kind == Kind::Cycle && b.y < a.y;
        sides.push((
            (a.col, right),
            k,
            (a.y.min(b.y), a.y.max(b.y)),
            ctx.edge_width(k),
        ));
    }
    // Shortest first within each side, so that longer moves go round them.
    sides.sort_by(|p, q| {
        p.0.cmp(&q.0)
            .then((p.2.1 - p.2.0).total_cmp(&(q.2.1 - q.2.0)))
            .then(edges[q.1].flow.total_cmp(&edges[p.1].flow))
            .then(p.1.cmp(&q.1))
    });
    // Moves placed on the current side: span, width, bulge, depth.
    let mut placed: Vec<((f64, f64), f64, f64, usize)> = Vec::new();
    for (i, &(side, k, (lo, hi), w)) in sides.iter().enumerate() {
        if i == 0 || sides[i - 1].0 != side {
            placed.clear();
        }
        let mut bulge = 22.0 + 6.0 * ((hi - lo) / 90.0).min(4.0);
        let mut depth = 0;
        for &((plo, phi), pw, pbulge, pdepth) in &placed {
            if lo < phi && plo < hi {
                // Three quarters of the bulge is how far the curve goes out.
                bulge = bulge.max(pbulge + ((w + pw) / 2.0 + LANE_GAP) / 0.75);
                depth = depth.max(pdepth + 1);
            }
        }
        let bulge = bulge.min(MAX_BULGE);
        placed.push(((lo, hi), w, bulge, depth));
        out[k] = Some(Beside {
            right: side.1,
            bulge,
            end: (END - END_STEP * depth as f64).max(END_STEP),
        });
    }
    out
}

/// The segment of move `k` beside its column.
pub(super) fn segment(ctx: &Ctx<'_>, k: usize, beside: Beside) -> Segment {
    let e = &ctx.flow.edges[k];
    let (a, b) = (&ctx.flow.nodes[e.from], &ctx.flow.nodes[e.to]);
    let (ya, yb) = (ctx.y(a), ctx.y(b));
    // Leave from the half of the box side that faces the target; arrive on the half that
    // faces where the move comes from.
    let towards = if yb >= ya { 1.0 } else { -1.0 };
    let (y1, y2) = (ya + towards * beside.end, yb - towards * beside.end);
    let reach = reach(ctx.edge_width(k));
    if beside.right {
        let x = col_x(a.col) + NODE_W;
        [
            (x, y1),
            (x + beside.bulge, y1),
            (x + beside.bulge, y2),
            (x + reach, y2),
        ]
    } else {
        let x = col_x(a.col);
        [
            (x, y1),
            (x - beside.bulge, y1),
            (x - beside.bulge, y2),
            (x - reach, y2),
        ]
    }
}
