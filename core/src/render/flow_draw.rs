//! Drawing the flow view: stage columns, touchpoint boxes, outcomes at the right, moves as
//! arrows whose width is the expected flow, going back to an earlier stage in amber above the
//! boxes, loops within a stage in amber beside them, drop-offs as red leaks, channel switches (○)
//! and hand-offs (◆) on the moves.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::curve::bezier;
use super::flow::{Edge, Key, NODE_H, NODE_W, Node, V_GAP, flow};
use super::frame::{MARGIN, header, legends, pct, state_name};
use super::svg::{Anchor, Esc, Label, circle, n, open, point, rect};
use super::text::Font;
use super::theme::{Channels, INK, MUTED, NAVY, polygon};
use super::{Drawn, Options};
use crate::model::{JourneyMap, MapIndex};
use crate::score::Scores;

use super::flow_boxes::{defs, kpis, leak, legend, node_box};
use super::flow_canvas::*;
use super::flow_space::Taken;

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

/// Writes the path data (`d`) of `segments`.
fn path_data(out: &mut String, segments: &[[(f64, f64); 4]]) {
    for (k, p) in segments.iter().enumerate() {
        if k == 0 {
            out.push('M');
            point(out, p[0]);
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

/// The segments of a move: forward moves pass between the boxes of the columns they cross (at
/// the heights of `crossed`); moves within a stage bend out to the left of the column, loops
/// within a stage too when they go down and to the right when they go up (so that A → B and
/// B → A are told apart); moves back arc above the boxes.
fn segments(
    ctx: &Ctx<'_>,
    e: &Edge,
    port: (f64, f64),
    crossed: &[f64],
    kind: Kind,
) -> Vec<[(f64, f64); 4]> {
    let (a, b) = (&ctx.flow.nodes[e.from], &ctx.flow.nodes[e.to]);
    let reach = reach(ctx.edge_width(e));
    match kind {
        Kind::Back => vec![loop_path(ctx, a, b, reach)],
        Kind::Within | Kind::Cycle => {
            let bulge = 22.0 + 6.0 * ((a.y - b.y).abs() / 90.0).min(4.0);
            if kind == Kind::Cycle && b.y < a.y {
                let x = col_x(a.col) + NODE_W;
                let (ya, yb) = (ctx.y(a) - 10.0, ctx.y(b) + 10.0);
                vec![[(x, ya), (x + bulge, ya), (x + bulge, yb), (x + reach, yb)]]
            } else {
                let x = col_x(a.col);
                let (ya, yb) = (ctx.y(a) + 6.0, ctx.y(b) - 6.0);
                vec![[(x, ya), (x - bulge, ya), (x - bulge, yb), (x - reach, yb)]]
            }
        }
        _ => {
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
    }
}

/// Draws one move; returns its segments (for the label) and adds its marks to `taken`.
fn edge_path(
    ctx: &Ctx<'_>,
    out: &mut String,
    (k, kind): (usize, Kind),
    port: (f64, f64),
    crossed: &[f64],
    taken: &mut Taken,
) -> Vec<[(f64, f64); 4]> {
    let e = &ctx.flow.edges[k];
    let (a, b) = (&ctx.flow.nodes[e.from], &ctx.flow.nodes[e.to]);
    let w = ctx.edge_width(e);
    let colour = kind.colour();
    let _ = write!(
        out,
        "<g><title>{} \u{2192} {}: {} moves per 100 customers</title>",
        Esc(ctx.name(a.key)),
        Esc(ctx.name(b.key)),
        n(e.flow * 100.0)
    );
    let segs = segments(ctx, e, port, crossed, kind);
    let dash = if matches!(kind, Kind::Back | Kind::Cycle) {
        " stroke-dasharray=\"6 4\""
    } else {
        ""
    };
    out.push_str("<path d=\"");
    path_data(out, &segs);
    let _ = write!(
        out,
        "\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{}\" stroke-opacity=\"0.55\"{dash} marker-end=\"url(#{})\"/>",
        n(w),
        marker_id(ctx.id, kind, w)
    );
    out.push_str("</g>");
    if let (Some(first), Some(last)) = (segs.first(), segs.last()) {
        marks(ctx, out, e, (*first, *last), taken);
    }
    segs
}

/// A loop or a move back: an arc above the boxes, from the top of one to the top of the other
/// (ending `reach` above it, where the arrowhead starts).
fn loop_path(ctx: &Ctx<'_>, a: &Node, b: &Node, reach: f64) -> [(f64, f64); 4] {
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
    // Only on moves of at least 2 per 100 customers: on thin ones the marks would be clutter.
    if a == b || e.flow < 0.02 {
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
        circle(
            out,
            x,
            y,
            4.5,
            format_args!("fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.6\""),
        );
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
            format_args!("fill=\"{INK}\""),
        );
        out.push_str("</g>");
        taken.insert((x - 6.0, y - 6.5, 12.0, 13.0));
    }
}

/// Labels of the largest moves, left out where they would cover a box, a mark, a drop-off
/// label or another label (`taken` holds the marks and the drop-off labels).
fn edge_labels(
    ctx: &Ctx<'_>,
    out: &mut String,
    geometry: &[(usize, [(f64, f64); 4])],
    mut taken: Taken,
) {
    // Each label sits at the middle of its move's longest segment.
    let font = Font::bold(10.5);
    for nd in &ctx.flow.nodes {
        taken.insert((col_x(nd.col), ctx.y(nd) - NODE_H / 2.0, node_w(nd), NODE_H));
    }
    let mut order: Vec<&(usize, [(f64, f64); 4])> = geometry.iter().collect();
    order.sort_by(|a, b| {
        ctx.flow.edges[b.0]
            .flow
            .total_cmp(&ctx.flow.edges[a.0].flow)
            .then(a.0.cmp(&b.0))
    });
    for (k, p) in order.into_iter().take(60) {
        let f = ctx.flow.edges[*k].flow;
        if f < 0.03 {
            break;
        }
        let text = pct(f);
        let (x, y) = bezier(p[0], p[1], p[2], p[3], 0.5);
        let w = font.width(&text) + 4.0;
        let bx = (x - w / 2.0, y - 10.0, w, 14.0);
        if taken.hits(&bx) {
            continue;
        }
        taken.insert(bx);
        Label::new(&text, font, 60.0)
            .fill(INK)
            .anchor(Anchor::Middle)
            .halo()
            .draw(out, x, y + 1.0);
    }
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
    let cols = flow.columns.len();
    let width = (col_x(cols - 1) + NODE_W + 70.0 + MARGIN).max(1280.0);
    let widest = flow
        .edges
        .iter()
        .map(|e| e.flow)
        .chain(flow.leaks.iter().map(|l| l.1))
        .fold(0.0, f64::max);
    let who = match (all, drawn.first()) {
        (_, None) => "no persona has a journey to score".to_owned(),
        (true, _) => format!(
            "the customer base ({} personas, weighted by share)",
            drawn.len()
        ),
        (false, Some(d)) => d.persona.name.clone(),
    };
    let sub = format!("{} \u{b7} flow of {who}", state_name(map));
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
    let scale = if widest > 0.0 {
        MAX_WIDTH / widest
    } else {
        1.0
    };
    let ctx = Ctx::new(map, flow, top, scale, &options.id);
    let channels = Channels::of(map);
    // Column titles.
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
            .draw(&mut body, col_x(c), y + 22.0);
        rect(
            &mut body,
            col_x(c),
            y + 46.0,
            w,
            3.0,
            1.5,
            format_args!("fill=\"{NAVY}\" opacity=\"0.25\""),
        );
    }
    let forward: Vec<usize> = (0..ctx.flow.edges.len())
        .filter(|&k| !matches!(ctx.kind(k), Kind::Back | Kind::Within | Kind::Cycle))
        .collect();
    let port = ports(&ctx, &forward);
    let crossed = crossings(&ctx, &forward, &port);
    // Heaviest moves first, so that thin ones stay visible on top.
    let mut order: Vec<usize> = (0..ctx.flow.edges.len()).collect();
    order.sort_by(|&a, &b| {
        ctx.flow.edges[b]
            .flow
            .total_cmp(&ctx.flow.edges[a].flow)
            .then(a.cmp(&b))
    });
    let mut geometry = Vec::new();
    let mut taken = Taken::new(width, top + ctx.flow.height + 2.0 * MARGIN);
    for k in order {
        let kind = ctx.kind(k);
        let segs = edge_path(&ctx, &mut body, (k, kind), port[k], &crossed[k], &mut taken);
        if matches!(
            kind,
            Kind::Forward | Kind::Entry | Kind::Success | Kind::Failure | Kind::Neutral
        ) && let Some(longest) = segs
            .iter()
            .max_by(|a, b| (a[3].0 - a[0].0).total_cmp(&(b[3].0 - b[0].0)))
        {
            geometry.push((k, *longest));
        }
    }
    for (i, f) in ctx.flow.leaks.clone() {
        let node = ctx.flow.nodes[i].clone();
        taken.insert(leak(&ctx, &mut body, &node, f));
    }
    for node in &ctx.flow.nodes {
        node_box(&ctx, &channels, &mut body, node);
    }
    edge_labels(&ctx, &mut body, &geometry, taken);
    let mut y = top + ctx.flow.height + 40.0;
    let mut note = "Arrows follow the moves of the map; their width is the expected number of moves per customer (expected visits of the touchpoint \u{d7} probability of the move). Percentages on arrows are moves per 100 customers.".to_owned();
    if ctx.flow.hidden > 0 {
        let _ = write!(
            note,
            " On this large map, {} moves of under 1 per 100 customers are hidden.",
            ctx.flow.hidden
        );
    }
    y += Label::new(&note, Font::regular(11.5), width - 2.0 * MARGIN)
        .lines(3)
        .fill(MUTED)
        .draw(&mut body, MARGIN, y);
    y += 10.0;
    y += legends(
        &mut body,
        &legend(&ctx, &channels),
        MARGIN,
        y + 8.0,
        width - 2.0 * MARGIN,
    );
    y += MARGIN;
    let desc = format!(
        "Flow view of {} ({sub}): {} touchpoints in {} stage columns, {} moves, outcomes at the right. The widest arrow carries {} moves per 100 customers.",
        map.title,
        ctx.flow
            .nodes
            .iter()
            .filter(|nd| matches!(nd.key, Key::Touchpoint(_)))
            .count(),
        cols.saturating_sub(2),
        ctx.flow.edges.len(),
        n(widest * 100.0)
    );
    let desc = if ctx.flow.hidden > 0 {
        format!(
            "{desc} {} moves of under 1 per 100 customers are hidden.",
            ctx.flow.hidden
        )
    } else {
        desc
    };
    let mut out = String::with_capacity(body.len() + 2048);
    open(
        &mut out,
        width,
        y,
        &options.id,
        &format!("{} \u{2014} flow view", map.title),
        &desc,
    );
    defs(&ctx, &mut out);
    out.push_str(&body);
    out.push_str("</svg>\n");
    out
}
