//! Drawing the flow view: stage columns, touchpoint boxes, outcomes at the right, moves as
//! arrows whose width is the expected flow, going back to an earlier stage in amber above the
//! boxes, loops within a stage in amber beside them, drop-offs as red leaks, channel switches (○)
//! and hand-offs (◆) on the moves.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::LazyLock;

use super::curve::bezier;
use super::flow::{Edge, Key, MIN_SHOWN, NODE_H, NODE_W, Node, V_GAP, flow};
use super::frame::{MARGIN, Per100, header, legends, state_name};
use super::num::Fixed;
use super::svg::{Esc, Label, attr, circle, n, open, point, rect};
use super::text::Font;
use super::theme::{Channels, INK, MUTED, NAVY, polygon};
use super::{Drawn, Options};
use crate::model::{JourneyMap, MapIndex};
use crate::score::Scores;

use super::flow_boxes::{defs, kpis, leak, legend, node_box};
use super::flow_canvas::*;
use super::flow_labels::{Spot, edge_labels, leak_label};
use super::flow_loops::{Beside, beside};
use super::flow_space::{Curves, NO_MOVE, Taken};

/// Where each forward move leaves and enters its nodes: spread along the right and left sides,
/// ordered by the other end's height so that moves do not cross at the nodes.
fn ports(ctx: &Ctx<'_>, forward: &[usize]) -> Vec<(f64, f64)> {
    let edges = &ctx.flow.edges;
    let nodes = &ctx.flow.nodes;
    let mut out = vec![(0.0, 0.0); edges.len()];
    // The forward moves out of and into each node, in the order of `forward`.
    let mut outgoing: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    let mut incoming: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for &k in forward {
        outgoing[edges[k].from].push(k);
        incoming[edges[k].to].push(k);
    }
    for (side, lists) in [(true, outgoing), (false, incoming)] {
        for (i, mut mine) in lists.into_iter().enumerate() {
            let node = &nodes[i];
            mine.sort_by(|&a, &b| {
                let other = |k: usize| if side { edges[k].to } else { edges[k].from };
                nodes[other(a)]
                    .y
                    .total_cmp(&nodes[other(b)].y)
                    .then(a.cmp(&b))
            });
            let m = mine.len();
            let spread = ((NODE_H - 18.0) / m.max(1) as f64).min(9.0);
            for (j, &k) in mine.iter().enumerate() {
                let y = ctx.y(node) + (j as f64 - (m as f64 - 1.0) / 2.0) * spread;
                if side {
                    out[k].0 = y;
                } else {
                    out[k].1 = y;
                }
            }
        }
    }
    out
}

/// Cubic segments with horizontal tangents through `points` (straight where the height does not
/// change).
fn through(points: &[(f64, f64)]) -> Vec<[(f64, f64); 4]> {
    points
        .windows(2)
        .map(|w| {
            let ((x1, y1), (x2, y2)) = (w[0], w[1]);
            let dx = (x2 - x1) * 0.5;
            [(x1, y1), (x1 + dx, y1), (x2 - dx, y2), (x2, y2)]
        })
        .collect()
}

/// Writes the path data (`d`) of `segments`: a segment that stays at one height is a
/// horizontal line.
fn path_data(out: &mut String, segments: &[[(f64, f64); 4]]) {
    for (k, p) in segments.iter().enumerate() {
        if k == 0 {
            out.push('M');
            point(out, p[0]);
        }
        if p.iter().all(|q| q.1 == p[0].1) {
            out.push_str(" H");
            n(p[3].0).push(out);
            continue;
        }
        out.push_str(" C");
        point(out, p[1]);
        out.push(' ');
        point(out, p[2]);
        out.push(' ');
        point(out, p[3]);
    }
}

/// The heights at which each forward move crosses the columns between its ends: the free gap
/// nearest to its straight course. Moves that share a gap are stacked side by side (ordered by
/// where they come from and go, at least `LANE_GAP` apart) rather than drawn on one line.
fn crossings(ctx: &Ctx<'_>, forward: &[usize], port: &[(f64, f64)]) -> Vec<Vec<f64>> {
    let edges = &ctx.flow.edges;
    let mut out: Vec<Vec<f64>> = vec![Vec::new(); edges.len()];
    // (column, gap height, side) -> (move, which of its crossings).
    let mut shared: BTreeMap<(usize, u64, i8), Vec<(usize, usize)>> = BTreeMap::new();
    for &k in forward {
        let (a, b) = (&ctx.flow.nodes[edges[k].from], &ctx.flow.nodes[edges[k].to]);
        let (y1, y2) = port[k];
        let span = (b.col - a.col.min(b.col)) as f64;
        for c in a.col + 1..b.col {
            let t = (c - a.col) as f64 / span.max(1.0);
            let (gy, side) = ctx.gap(c, y1 + (y2 - y1) * t);
            shared
                .entry((c, gy.to_bits(), side))
                .or_default()
                .push((k, out[k].len()));
            out[k].push(gy);
        }
    }
    for ((_, bits, side), mut lane) in shared {
        if lane.len() < 2 {
            continue;
        }
        lane.sort_by(|p, q| {
            let (a, b) = (port[p.0], port[q.0]);
            (a.0 + a.1)
                .total_cmp(&(b.0 + b.1))
                .then(a.0.total_cmp(&b.0))
                .then(p.0.cmp(&q.0))
        });
        let widths: Vec<f64> = lane
            .iter()
            .map(|&(k, _)| ctx.width(edges[k].flow))
            .collect();
        // Side by side as wide as they are: between two boxes squeezed into the gap when they
        // do not fit, above or below the column stacked away from its boxes.
        let natural: f64 = widths.iter().sum::<f64>() + LANE_GAP * (widths.len() - 1) as f64;
        let squeeze = if side == 0 {
            ((V_GAP - 6.0) / natural).min(1.0)
        } else {
            1.0
        };
        let mut centres = Vec::with_capacity(lane.len());
        let mut at = 0.0;
        for (j, w) in widths.iter().enumerate() {
            if j > 0 {
                let step = (widths[j - 1] / 2.0 + LANE_GAP + w / 2.0) * squeeze;
                at += step.max(LANE_GAP);
            }
            centres.push(at);
        }
        let gy = f64::from_bits(bits);
        let (first, last) = (widths[0] / 2.0, widths[widths.len() - 1] / 2.0);
        // Where the first centre goes: the stack centred in the gap, or starting 4 px off the
        // box above it (below the column) or ending 4 px off the box below it (above).
        let start = match side {
            1 => gy - V_GAP / 2.0 + 4.0 + first,
            -1 => gy + V_GAP / 2.0 - 4.0 - last - at,
            _ => gy - at / 2.0,
        };
        for (&(k, i), c) in lane.iter().zip(centres) {
            out[k][i] = start + c;
        }
    }
    out
}

/// Where the moves go: the ports of the moves between columns, the heights at which they
/// cross the columns between their ends, and the moves beside their column.
struct Routes {
    port: Vec<(f64, f64)>,
    crossed: Vec<Vec<f64>>,
    beside: Vec<Option<Beside>>,
}

impl Routes {
    fn of(ctx: &Ctx<'_>) -> Self {
        let forward: Vec<usize> = (0..ctx.flow.edges.len())
            .filter(|&k| !matches!(ctx.kind(k), Kind::Back | Kind::Within | Kind::Cycle))
            .collect();
        let port = ports(ctx, &forward);
        let crossed = crossings(ctx, &forward, &port);
        Self {
            port,
            crossed,
            beside: beside(ctx),
        }
    }
}

/// The segments of move `k`: forward moves pass between the boxes of the columns they cross;
/// moves within a stage go beside their column (see `flow_loops`); moves back arc above the
/// boxes.
fn segments(ctx: &Ctx<'_>, k: usize, routes: &Routes) -> Vec<Segment> {
    let e = &ctx.flow.edges[k];
    let (a, b) = (&ctx.flow.nodes[e.from], &ctx.flow.nodes[e.to]);
    let reach = reach(ctx.edge_width(k));
    if let Some(beside) = routes.beside.get(k).copied().flatten() {
        return vec![super::flow_loops::segment(ctx, k, beside)];
    }
    if ctx.kind(k) == Kind::Back || e.from == e.to {
        return vec![loop_path(ctx, a, b, reach)];
    }
    let port = routes.port.get(k).copied().unwrap_or((ctx.y(a), ctx.y(b)));
    let crossed = routes.crossed.get(k).map_or(&[][..], Vec::as_slice);
    let (x1, y1) = (col_x(a.col) + node_w(a), port.0);
    let (x2, y2) = (col_x(b.col) - reach, port.1);
    let mut points = vec![(x1, y1)];
    for (c, &gy) in (a.col + 1..b.col).zip(crossed) {
        points.push((col_x(c) - 10.0, gy));
        points.push((col_x(c) + NODE_W + 10.0, gy));
    }
    points.push((x2, y2));
    through(&points)
}

/// Draws move `k`; returns its segments and adds its marks to `taken`.
fn edge_path(
    ctx: &Ctx<'_>,
    out: &mut String,
    k: usize,
    routes: &Routes,
    taken: &mut Taken,
) -> Vec<Segment> {
    let e = &ctx.flow.edges[k];
    let kind = ctx.kind(k);
    let (a, b) = (&ctx.flow.nodes[e.from], &ctx.flow.nodes[e.to]);
    let w = ctx.edge_width(k);
    out.push_str("<g><title>");
    Esc(ctx.name(a.key)).push(out);
    out.push_str(" \u{2192} ");
    Esc(ctx.name(b.key)).push(out);
    out.push_str(": ");
    n(e.flow * 100.0).push(out);
    out.push_str(" moves per 100 customers</title>");
    let segs = segments(ctx, k, routes);
    let dash = if matches!(kind, Kind::Back | Kind::Cycle) {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    out.push_str("<path d=\"");
    path_data(out, &segs);
    out.push_str("\" fill=\"none\" stroke=\"");
    out.push_str(kind.colour());
    attr(out, "\" stroke-width", w);
    out.push_str(" stroke-opacity=\"");
    Fixed(ctx.opacity(e.flow), 2).push(out);
    out.push('"');
    out.push_str(dash);
    let _ = write!(
        out,
        " marker-end=\"url(#{})\"/></g>",
        marker_id(ctx.id, kind, w)
    );
    if let (Some(first), Some(last)) = (segs.first(), segs.last()) {
        marks(ctx, out, e, (*first, *last), taken);
    }
    segs
}

/// A loop or a move back: an arc above the boxes, from the top of one to the top of the other
/// (ending `reach` above it, where the arrowhead starts).
fn loop_path(ctx: &Ctx<'_>, a: &Node, b: &Node, reach: f64) -> Segment {
    let (ya, yb) = (ctx.y(a) - NODE_H / 2.0, ctx.y(b) - NODE_H / 2.0);
    if a.key == b.key {
        let x = col_x(a.col) + NODE_W - 44.0;
        return [
            (x, ya),
            (x - 6.0, ya - 30.0),
            (x + 40.0, ya - 30.0),
            (x + 30.0, ya + 2.0 - reach),
        ];
    }
    let (xa, xb) = (col_x(a.col) + NODE_W * 0.35, col_x(b.col) + NODE_W * 0.65);
    let lift = 34.0 + 10.0 * (a.col.abs_diff(b.col) as f64);
    let peak = ya.min(yb) - lift;
    [(xa, ya), (xa, peak), (xb, peak), (xb, yb - reach)]
}

/// How a channel switch (○) and a hand-off (◆) are drawn.
static SWITCH_MARK: LazyLock<String> =
    LazyLock::new(|| format!("fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.6\""));
static HANDOFF_MARK: LazyLock<String> = LazyLock::new(|| format!("fill=\"{INK}\""));

/// Channel switch (○) and hand-off (◆) marks on a move between touchpoints; their boxes go to
/// `taken`, where labels must not go.
fn marks(
    ctx: &Ctx<'_>,
    out: &mut String,
    e: &Edge,
    (first, last): (Segment, Segment),
    taken: &mut Taken,
) {
    let (Key::Touchpoint(a), Key::Touchpoint(b)) =
        (ctx.flow.nodes[e.from].key, ctx.flow.nodes[e.to].key)
    else {
        return;
    };
    // Only on the larger moves: on thin ones the marks would be clutter.
    let least = if ctx.flow.large { MARKED_LARGE } else { MARKED };
    if a == b || e.flow < least {
        return;
    }
    let (ta, tb) = (&ctx.map.touchpoints[a], &ctx.map.touchpoints[b]);
    if ta.channel != tb.channel {
        let (x, y) = bezier(first[0], first[1], first[2], first[3], 0.3);
        let _ = write!(
            out,
            "<g><title>channel switch: {} \u{2192} {}</title>",
            Esc(&ta.channel),
            Esc(&tb.channel)
        );
        circle(out, x, y, 4.5, SWITCH_MARK.as_str());
        out.push_str("</g>");
        taken.insert((x - 6.0, y - 6.0, 12.0, 12.0));
    }
    if let (Some(oa), Some(ob)) = (&ta.owner, &tb.owner)
        && oa != ob
    {
        let (x, y) = bezier(last[0], last[1], last[2], last[3], 0.7);
        let _ = write!(
            out,
            "<g><title>hand-off: {} \u{2192} {}</title>",
            Esc(oa),
            Esc(ob)
        );
        polygon(
            out,
            &[(x, y - 5.5), (x + 5.0, y), (x, y + 5.5), (x - 5.0, y)],
            HANDOFF_MARK.as_str(),
        );
        out.push_str("</g>");
        taken.insert((x - 6.0, y - 6.5, 12.0, 13.0));
    }
}

/// The box of the arrowhead at the end of `last`, a move `w` wide: the head starts a fifth of
/// its length before the end of the path and its tip goes on to the target.
fn arrowhead(last: &Segment, w: f64) -> Rect {
    let size = head(w);
    let (end, before) = (last[3], if last[2] == last[3] { last[0] } else { last[2] });
    let (dx, dy) = (end.0 - before.0, end.1 - before.1);
    let length = dx.hypot(dy);
    let (ux, uy) = if length > 0.0 {
        (dx / length, dy / length)
    } else {
        (1.0, 0.0)
    };
    // The middle of the head, 0.3 of its length past the end of the path.
    let (cx, cy) = (end.0 + ux * 0.3 * size, end.1 + uy * 0.3 * size);
    (cx - size / 2.0, cy - size / 2.0, size, size)
}

/// Draws every move, the lightest first so that the strongest are on top; returns where each
/// labelled move's label may go (the middle of its longest segment; the bend of a move beside
/// its column) and the curves drawn (labels avoid them); adds the moves' marks to `taken` and
/// their arrowheads to `taken` as soft rectangles.
fn moves(
    ctx: &Ctx<'_>,
    out: &mut String,
    taken: &mut Taken,
    size: (f64, f64),
) -> (Vec<Spot>, Curves) {
    let routes = Routes::of(ctx);
    let mut order: Vec<usize> = (0..ctx.flow.edges.len()).collect();
    order.sort_by(|&a, &b| {
        ctx.flow.edges[a]
            .flow
            .total_cmp(&ctx.flow.edges[b].flow)
            .then(a.cmp(&b))
    });
    let mut geometry = Vec::new();
    let mut curves = Curves::new(size.0, size.1);
    for k in order {
        let segs = edge_path(ctx, out, k, &routes, taken);
        let w = ctx.edge_width(k);
        for s in &segs {
            curves.insert(*s, w, k as u32);
        }
        if let Some(last) = segs.last() {
            taken.insert_soft(arrowhead(last, w));
        }
        let labelled =
            !matches!(ctx.kind(k), Kind::Back) && ctx.flow.edges[k].from != ctx.flow.edges[k].to;
        if labelled
            && let Some(longest) = segs
                .iter()
                .max_by(|a, b| (a[3].0 - a[0].0).abs().total_cmp(&(b[3].0 - b[0].0).abs()))
        {
            let side = match routes.beside.get(k).copied().flatten() {
                Some(b) if b.right => 1.0,
                Some(_) => -1.0,
                None => 0.0,
            };
            geometry.push(Spot {
                k,
                segment: *longest,
                side,
            });
        }
    }
    (geometry, curves)
}

/// The column titles, each over a rule.
fn column_titles(ctx: &Ctx<'_>, out: &mut String, y: f64) {
    let cols = ctx.flow.columns.len();
    for (c, title) in ctx.flow.columns.iter().enumerate() {
        let w = if c == 0 { START_W } else { NODE_W };
        let text = if c == 0 || c + 1 == cols {
            title.clone()
        } else {
            format!("{c}. {title}")
        };
        Label::new(&text, Font::bold(12.5), w)
            .lines(2)
            .fill(NAVY)
            .draw(out, col_x(c), y + 22.0);
        rect(
            out,
            col_x(c),
            y + 46.0,
            w,
            3.0,
            1.5,
            format_args!("fill=\"{NAVY}\" opacity=\"0.25\""),
        );
    }
}

/// The sentence on the moves left out of a large map, if any.
fn hidden_note(ctx: &Ctx<'_>) -> Option<String> {
    (ctx.flow.hidden > 0).then(|| {
        format!(
            "{} moves of under {} per 100 customers are hidden.",
            ctx.flow.hidden,
            n(MIN_SHOWN * 100.0)
        )
    })
}

/// The note under the boxes and the legend, from `y`; returns the picture's height.
fn notes(ctx: &Ctx<'_>, out: &mut String, channels: &Channels, width: f64) -> f64 {
    let mut y = ctx.top + ctx.flow.height + 40.0;
    let mut note = "Arrows follow the moves of the map; their width is the expected number of moves per customer (expected visits of the touchpoint \u{d7} probability of the move), the strongest darkest and on top. Percentages on arrows are moves per 100 customers.".to_owned();
    if let Some(hidden) = hidden_note(ctx) {
        let _ = write!(note, " On this large map, {hidden}");
    }
    y += Label::new(&note, Font::regular(11.5), width - 2.0 * MARGIN)
        .lines(3)
        .fill(MUTED)
        .draw(out, MARGIN, y);
    y += 10.0;
    y += legends(
        out,
        &legend(ctx, channels),
        MARGIN,
        y + 8.0,
        width - 2.0 * MARGIN,
    );
    y + MARGIN
}

/// The text alternative of the picture.
fn description(ctx: &Ctx<'_>, sub: &str) -> String {
    let mut desc = format!(
        "Flow view of {} ({sub}): {} touchpoints in {} stage columns, {} moves, outcomes at the right. The widest arrow carries {} moves per 100 customers.",
        ctx.map.title,
        ctx.flow
            .nodes
            .iter()
            .filter(|nd| matches!(nd.key, Key::Touchpoint(_)))
            .count(),
        ctx.flow.columns.len().saturating_sub(2),
        ctx.flow.edges.len(),
        Per100(ctx.widest)
    );
    if let Some(hidden) = hidden_note(ctx) {
        let _ = write!(desc, " {hidden}");
    }
    desc
}

/// Who the flow is of, as the subtitle says it.
fn subtitle(map: &JourneyMap, drawn: &[Drawn<'_>], all: bool) -> String {
    let who = match (all, drawn.first()) {
        (_, None) => "no persona has a journey to score".to_owned(),
        (true, _) => format!(
            "the customer base ({} personas, weighted by share)",
            drawn.len()
        ),
        (false, Some(d)) => d.persona.name.clone(),
    };
    format!("{} \u{b7} flow of {who}", state_name(map))
}

/// Draws the flow view of `drawn` (added up over the customer base when `all`).
#[allow(clippy::too_many_lines, reason = "split pending in the picture work")]
pub(crate) fn draw(
    map: &JourneyMap,
    index: &MapIndex<'_>,
    scores: &Scores,
    drawn: &[Drawn<'_>],
    all: bool,
    options: &Options,
) -> String {
    let flow = flow(map, index, drawn, all);
    let width = (col_x(flow.columns.len() - 1) + NODE_W + 70.0 + MARGIN).max(1280.0);
    let sub = subtitle(map, drawn, all);
    // About what the picture takes, so that the text is not copied as it grows.
    let mut body = String::with_capacity(8192 + 480 * flow.edges.len() + 720 * flow.nodes.len());
    let y = header(
        &mut body,
        width,
        &map.title,
        &sub,
        map.description.as_deref(),
        &kpis(scores, drawn, all),
    );
    // Moves back arc above the boxes: leave room for them.
    let arcs = flow
        .edges
        .iter()
        .any(|e| e.from == e.to || flow.nodes[e.to].col < flow.nodes[e.from].col);
    let top = y + 56.0 + if arcs { 56.0 } else { 12.0 };
    let ctx = Ctx::new(map, flow, top, &options.id);
    let channels = Channels::of(map);
    column_titles(&ctx, &mut body, y);
    let size = (width, top + ctx.flow.height + 2.0 * MARGIN);
    let mut taken = Taken::new(size.0, size.1);
    let (geometry, mut curves) = moves(&ctx, &mut body, &mut taken, size);
    for nd in &ctx.flow.nodes {
        taken.insert((col_x(nd.col), ctx.y(nd) - NODE_H / 2.0, node_w(nd), NODE_H));
    }
    let leaks: Vec<(Segment, f64)> = ctx
        .flow
        .leaks
        .iter()
        .map(|&(i, f)| {
            let (segment, w) = leak(&ctx, &mut body, &ctx.flow.nodes[i], f);
            curves.insert(segment, w, NO_MOVE);
            (segment, f)
        })
        .collect();
    for node in &ctx.flow.nodes {
        node_box(&ctx, &channels, &mut body, node);
    }
    for (segment, f) in &leaks {
        leak_label(&mut body, segment, *f, &mut taken, &mut curves);
    }
    edge_labels(&ctx, &mut body, &geometry, &mut taken, &mut curves);
    let height = notes(&ctx, &mut body, &channels, width);
    let mut out = String::with_capacity(body.len() + 4096);
    open(
        &mut out,
        width,
        height,
        &options.id,
        &format!("{} \u{2014} flow view", map.title),
        &description(&ctx, &sub),
    );
    defs(&ctx, &mut out);
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}
