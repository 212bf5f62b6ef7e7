//! The boxes of the flow view: touchpoints, outcomes and drop-off leaks, the legend and the
//! figures of the header.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::sync::LazyLock;

use super::Drawn;
use super::flow::{Key, NODE_H, NODE_W, Node};
use super::frame::{Kpi, Legend, Mark, Pct, Per100, pct};
use super::num::Fixed;
use super::svg::{Anchor, Esc, Label, circle, n, point, rect};
use super::text::Font;
use super::theme::{
    BAD, BAD_TINT, Channels, GOOD, GOOD_TINT, INK, LOOP, MUTED, NAVY, NEUTRAL_TINT, RULE, polygon,
};
use crate::model::OutcomeKind;
use crate::score::Scores;

use super::flow_canvas::*;

/// The border of a touchpoint's box on the most likely path, and off it.
static ON_PATH_BOX: LazyLock<String> =
    LazyLock::new(|| format!("fill=\"#ffffff\" stroke=\"{NAVY}\" stroke-width=\"2.2\""));
static OFF_PATH_BOX: LazyLock<String> =
    LazyLock::new(|| format!("fill=\"#ffffff\" stroke=\"{RULE}\" stroke-width=\"1.2\""));

pub(super) fn node_box(ctx: &Ctx<'_>, channels: &Channels, out: &mut String, node: &Node) {
    let (x, y) = (col_x(node.col), ctx.y(node) - NODE_H / 2.0);
    match node.key {
        Key::Start => {
            rect(
                out,
                x,
                y,
                START_W,
                NODE_H,
                28.0,
                format_args!("fill=\"{NAVY}\""),
            );
            Label::new("Customers", Font::bold(12.0), START_W - 16.0)
                .fill("#ffffff")
                .anchor(Anchor::Middle)
                .draw(out, x + START_W / 2.0, y + 24.0);
            Label::new("start here", Font::regular(11.0), START_W - 16.0)
                .fill("#dbe5f0")
                .anchor(Anchor::Middle)
                .draw(out, x + START_W / 2.0, y + 39.0);
        }
        Key::Touchpoint(t) => {
            let tp = &ctx.map.touchpoints[t];
            let style = channels.get(&tp.channel);
            out.push_str(if node.amount <= 0.0 {
                "<g opacity=\"0.45\"><title>"
            } else {
                "<g><title>"
            });
            Esc(&tp.name).push(out);
            out.push_str(" — ");
            Esc(style.name).push(out);
            out.push_str(": ");
            Fixed(node.amount, 2).push(out);
            out.push_str(" visits per customer, reached by ");
            Pct(node.reach).push(out);
            out.push_str("</title>");
            let border: &str = if node.on_path {
                &ON_PATH_BOX
            } else {
                &OFF_PATH_BOX
            };
            rect(out, x, y, NODE_W, NODE_H, 7.0, border);
            rect(out, x + 1.0, y + 1.0, 5.0, NODE_H - 2.0, 0.0, style.fill);
            style.shape.draw(out, x + 17.0, y + 14.0, 4.5, style.fill);
            Label::new(&tp.name, Font::bold(11.5), NODE_W - 40.0)
                .lines(2)
                .draw(out, x + 28.0, y + 18.0);
            let mut reached = String::with_capacity(20);
            reached.push_str("reached by ");
            Pct(node.reach).push(&mut reached);
            Label::new(&reached, Font::regular(10.0), NODE_W - 24.0)
                .fill(MUTED)
                .draw(out, x + 12.0, y + NODE_H - 7.0);
            out.push_str("</g>");
        }
        Key::Outcome(o) => {
            let outcome = &ctx.map.outcomes[o];
            let (fill, stroke) = match outcome.kind {
                OutcomeKind::Success => (GOOD_TINT, GOOD),
                OutcomeKind::Failure => (BAD_TINT, BAD),
                OutcomeKind::Neutral => (NEUTRAL_TINT, MUTED),
            };
            let style = format!("fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.6\"");
            end_box(out, (x, y), &style, stroke, &outcome.name, node.amount);
        }
        Key::DropOff => {
            let style = format!(
                "fill=\"#ffffff\" stroke=\"{BAD}\" stroke-width=\"1.4\" stroke-dasharray=\"5 3\""
            );
            end_box(
                out,
                (x, y),
                &style,
                BAD,
                "Leave without an outcome",
                node.amount,
            );
        }
    }
}

/// An outcome's box: its name and its share of journeys.
pub(super) fn end_box(
    out: &mut String,
    (x, y): (f64, f64),
    style: &str,
    colour: &str,
    name: &str,
    share: f64,
) {
    rect(out, x, y, NODE_W, NODE_H, 7.0, style);
    Label::new(name, Font::bold(12.0), NODE_W - 20.0)
        .lines(2)
        .draw(out, x + 10.0, y + 20.0);
    Label::new(
        &format!("{} of journeys", pct(share)),
        Font::bold(10.5),
        NODE_W - 20.0,
    )
    .fill(colour)
    .draw(out, x + 10.0, y + NODE_H - 8.0);
}

/// A drop-off: a red leak out of the box's bottom right corner, as wide as the flow. Returns
/// its curve and stroke width (its label is placed with the other labels).
pub(super) fn leak(ctx: &Ctx<'_>, out: &mut String, node: &Node, f: f64) -> (Segment, f64) {
    let (x, y) = (col_x(node.col) + NODE_W - 30.0, ctx.y(node) + NODE_H / 2.0);
    let w = ctx.width(f);
    let _ = write!(
        out,
        "<g><title>{}: {} of customers leave here without an outcome</title>",
        Esc(ctx.name(node.key)),
        Pct(f)
    );
    let segment = [
        (x, y),
        (x, y + 12.0),
        (x + 14.0, y + 16.0),
        (x + 28.0, y + 16.0),
    ];
    out.push_str("<path d=\"M");
    point(out, segment[0]);
    for (k, &p) in segment[1..].iter().enumerate() {
        out.push_str(if k == 0 { " C" } else { " " });
        point(out, p);
    }
    let _ = write!(
        out,
        "\" fill=\"none\" stroke=\"{BAD}\" stroke-width=\"{}\" stroke-opacity=\"0.6\" marker-end=\"url(#{})\"/></g>",
        n(w),
        marker_id(ctx.id, Kind::Failure, w)
    );
    (segment, w)
}

/// The arrowheads the moves and leaks use: one per kind and size, so that each head is as
/// wide as its move.
pub(super) fn defs(ctx: &Ctx<'_>, out: &mut String) {
    let mut heads: BTreeSet<(&'static str, &'static str, u32)> = BTreeSet::new();
    for k in 0..ctx.flow.edges.len() {
        let kind = ctx.kind(k);
        heads.insert((kind.name(), kind.colour(), head(ctx.edge_width(k)) as u32));
    }
    for &(_, f) in &ctx.flow.leaks {
        let kind = Kind::Failure;
        heads.insert((kind.name(), kind.colour(), head(ctx.width(f)) as u32));
    }
    out.push_str("<defs>");
    for (name, colour, size) in heads {
        let _ = write!(
            out,
            "<marker id=\"{}-arrow-{name}-{size}\" viewBox=\"0 0 10 10\" refX=\"2\" refY=\"5\" markerWidth=\"{size}\" markerHeight=\"{size}\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{colour}\"/></marker>",
            ctx.id
        );
    }
    out.push_str("</defs>");
}

pub(super) fn legend(ctx: &Ctx<'_>, channels: &Channels) -> Vec<Legend> {
    let used: Vec<&str> = ctx
        .flow
        .nodes
        .iter()
        .filter_map(|nd| match nd.key {
            Key::Touchpoint(t) => Some(ctx.map.touchpoints[t].channel.as_str()),
            _ => None,
        })
        .collect();
    let mut switch = String::new();
    circle(
        &mut switch,
        11.0,
        0.0,
        4.5,
        format_args!("fill=\"#ffffff\" stroke=\"{INK}\" stroke-width=\"1.6\""),
    );
    let mut handoff = String::new();
    polygon(
        &mut handoff,
        &[(11.0, -5.5), (16.0, 0.0), (11.0, 5.5), (6.0, 0.0)],
        format_args!("fill=\"{INK}\""),
    );
    let mut widest = String::from("width = expected moves per customer");
    if ctx.widest > 0.0 {
        let _ = write!(
            widest,
            "; thickest: {} moves per 100 customers",
            Per100(ctx.widest)
        );
    }
    vec![
        Legend {
            heading: "CHANNELS",
            items: channels
                .used(&used)
                .into_iter()
                .map(|c| (Mark::Shape(c.shape, c.colour), c.name.clone()))
                .collect(),
        },
        Legend {
            heading: "MOVES",
            items: vec![
                (Mark::Line(MOVE, 6.0, ""), widest),
                (
                    Mark::Line(LOOP, 3.0, "6 4"),
                    "loop or going back".to_owned(),
                ),
                (Mark::Line(GOOD, 3.0, ""), "into a success".to_owned()),
                (
                    Mark::Line(BAD, 3.0, ""),
                    "into a failure, or a drop-off leak".to_owned(),
                ),
            ],
        },
        Legend {
            heading: "MARKS",
            items: vec![
                (Mark::Raw(switch), "channel switch".to_owned()),
                (Mark::Raw(handoff), "hand-off between teams".to_owned()),
                (
                    Mark::Swatch("#ffffff", NAVY, false),
                    "on the most likely successful path".to_owned(),
                ),
            ],
        },
    ]
}

pub(super) fn kpis(scores: &Scores, drawn: &[Drawn<'_>], all: bool) -> Vec<Kpi> {
    let (conv, steps, switches, handoffs) = match (all, drawn.first()) {
        (false, Some(d)) => (
            d.scores.conversion.success_probability,
            d.scores.conversion.expected_steps,
            d.scores.effort.expected_channel_switches,
            d.scores.effort.expected_handoffs,
        ),
        _ => (
            scores.overall.success_probability,
            scores.overall.expected_steps,
            scores.overall.expected_channel_switches,
            scores.overall.expected_handoffs,
        ),
    };
    vec![
        Kpi {
            label: "CONVERSION",
            value: pct(conv),
        },
        Kpi {
            label: "STEPS",
            value: format!("{steps:.1}"),
        },
        Kpi {
            label: "CHANNEL SWITCHES",
            value: format!("{switches:.1}"),
        },
        Kpi {
            label: "HAND-OFFS",
            value: format!("{handoffs:.1}"),
        },
    ]
}
