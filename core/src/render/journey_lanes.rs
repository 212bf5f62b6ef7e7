//! The lanes of the journey map that stack blocks in step columns: customer actions,
//! touchpoint cards, pains and gains, opportunities; and the numbered list of moments of truth.
//! Each lane is drawn into its own buffer and returns its height, or `None` when it would be
//! empty (empty lanes are left out).

use std::fmt::Write;

use super::Drawn;
use super::frame::titled;
use super::layout::{GUTTER, Grid, Slot};
use super::svg::{Anchor, Label, circle, rect};
use super::text::Font;
use super::theme::{
    BAD, BAD_TINT, Channels, FAINT, GOOD, GOOD_TINT, INK, MOMENT, MUTED, RULE, polygon,
};
use crate::model::{JourneyMap, MapIndex, Note, NoteSeverity, OpportunityStatus, Visibility};
use crate::score::{MomentOfTruth, Scores};

/// Height of a card on the path, and of one off the path.
const PRIMARY: f64 = 84.0;
const SECONDARY: f64 = 62.0;
const GAP: f64 = 8.0;
/// Padding between a block and its step column's edges.
pub(crate) const PAD: f64 = 9.0;

/// What every lane reads.
pub(crate) struct Ctx<'a> {
    pub map: &'a JourneyMap,
    pub index: &'a MapIndex<'a>,
    pub scores: &'a Scores,
    pub drawn: &'a [Drawn<'a>],
    pub overlay: bool,
    pub grid: Grid<'a>,
    pub channels: Channels,
    /// Numbered moments of truth: touchpoint position → rank.
    pub badges: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    /// Left edge and width of a block in step column `col`.
    pub fn block(&self, col: usize) -> (f64, f64) {
        (
            GUTTER + col as f64 * self.grid.step + PAD,
            self.grid.step - 2.0 * PAD,
        )
    }

    fn badge(&self, tp: usize) -> Option<usize> {
        self.badges.iter().find(|(t, _)| *t == tp).map(|(_, r)| *r)
    }

    /// The moments of truth to number: the persona's, or over the customer base for an overlay,
    /// limited to touchpoints drawn.
    pub fn moments(&self, limit: usize) -> Vec<&MomentOfTruth> {
        let list = match (self.overlay, self.drawn.first()) {
            (false, Some(d)) => &d.scores.moments_of_truth,
            _ => &self.scores.moments_of_truth,
        };
        list.iter()
            .filter(|m| {
                self.index
                    .touchpoint_position(&m.touchpoint)
                    .is_some_and(|i| self.grid.slot(i).is_some())
            })
            .take(limit)
            .collect()
    }
}

/// A numbered badge for a moment of truth.
pub(crate) fn badge(out: &mut String, x: f64, y: f64, rank: usize) {
    circle(
        out,
        x,
        y,
        11.0,
        format_args!("fill=\"{MOMENT}\" stroke=\"#ffffff\" stroke-width=\"2\""),
    );
    Label::new(&rank.to_string(), Font::bold(11.0), 20.0)
        .fill("#ffffff")
        .anchor(Anchor::Middle)
        .draw(out, x, y + 4.0);
}

/// Stacks blocks per step column: `block(slot, x, y, width, out)` draws one block and returns
/// its height (0 to skip). Returns the lane, or `None` when nothing was drawn.
fn stacked(
    ctx: &Ctx<'_>,
    y: f64,
    mut block: impl FnMut(Slot, f64, f64, f64, &mut String) -> f64,
) -> Option<(String, f64)> {
    let mut out = String::new();
    let mut tallest: f64 = 0.0;
    for col in 0..ctx.grid.cols() {
        let (x, w) = ctx.block(col);
        let mut at = y + 12.0;
        for slot in ctx.grid.column(col) {
            let h = block(slot, x, at, w, &mut out);
            if h > 0.0 {
                at += h + GAP;
            }
        }
        tallest = tallest.max(at - y);
    }
    (!out.is_empty()).then_some((out, tallest + 4.0))
}

/// Customer actions, per touchpoint.
pub(crate) fn actions(ctx: &Ctx<'_>, y: f64) -> Option<(String, f64)> {
    stacked(ctx, y, |slot, x, at, w, out| {
        let tp = &ctx.map.touchpoints[slot.tp];
        let Some(action) = tp
            .customer_action
            .as_deref()
            .filter(|a| !a.trim().is_empty())
        else {
            return 0.0;
        };
        let mut label = Label::new(action, Font::regular(12.0), w - 4.0).lines(4);
        if !slot.on_path {
            label = label.fill(FAINT).italic();
        }
        label.draw(out, x + 2.0, at + 12.0)
    })
}

/// Touchpoint cards: channel mark and name, the moment-of-truth badge; off the path dashed.
pub(crate) fn touchpoints(ctx: &Ctx<'_>, y: f64) -> Option<(String, f64)> {
    let mut out = String::new();
    let rows = ctx.grid.slots.iter().map(|s| s.row).max()?;
    let top = |row: usize| {
        if row == 0 {
            y + 12.0
        } else {
            y + 12.0 + PRIMARY + GAP + (row - 1) as f64 * (SECONDARY + GAP)
        }
    };
    for slot in &ctx.grid.slots {
        card(ctx, &mut out, *slot, top(slot.row));
    }
    let height = if rows == 0 {
        12.0 + PRIMARY + 6.0
    } else {
        top(rows) - y + SECONDARY + 6.0
    };
    Some((out, height))
}

fn card(ctx: &Ctx<'_>, out: &mut String, slot: Slot, y: f64) {
    let tp = &ctx.map.touchpoints[slot.tp];
    let (x, w) = ctx.block(slot.col);
    let style = ctx.channels.get(&tp.channel);
    let primary = slot.row == 0;
    let h = if primary { PRIMARY } else { SECONDARY };
    let mut about = format!("{} — {}", tp.name, style.name);
    if let Some(owner) = &tp.owner {
        let _ = write!(about, " · owned by {owner}");
    }
    about.push_str(if slot.on_path {
        " · on the most likely path"
    } else {
        " · off the most likely path"
    });
    titled(out, &about);
    if slot.on_path {
        rect(
            out,
            x,
            y,
            w,
            h,
            7.0,
            format_args!("fill=\"#ffffff\" stroke=\"{RULE}\" stroke-width=\"1.2\""),
        );
        rect(
            out,
            x,
            y,
            5.0,
            h,
            0.0,
            format_args!("fill=\"{}\"", style.colour),
        );
    } else {
        rect(
            out,
            x,
            y,
            w,
            h,
            7.0,
            "fill=\"#f6f7f9\" stroke=\"#aab4bf\" stroke-width=\"1\" stroke-dasharray=\"4 3\"",
        );
    }
    let size = if primary { 10.0 } else { 9.5 };
    let opacity = if slot.on_path { "" } else { " opacity=\"0.6\"" };
    style.shape.draw(
        out,
        x + 17.0,
        y + 15.0,
        5.0,
        format_args!("fill=\"{}\"{opacity}", style.colour),
    );
    let mut tag = style.name.to_uppercase();
    if tp.visibility() == Visibility::Backstage {
        tag.push_str(" · BACKSTAGE");
    }
    Label::new(&tag, Font::bold(size), w - 56.0)
        .fill(if slot.on_path { MUTED } else { FAINT })
        .draw(out, x + 28.0, y + 18.5);
    let (font, lines) = if primary {
        (Font::bold(12.5), 3)
    } else {
        (Font::regular(11.5), 2)
    };
    Label::new(&tp.name, font, w - 24.0)
        .lines(lines)
        .fill(if slot.on_path { INK } else { MUTED })
        .draw(out, x + 12.0, y + 37.0);
    if let Some(rank) = ctx.badge(slot.tp) {
        badge(out, x + w - 13.0, y + 14.0, rank);
    }
    out.push_str("</g>");
}

/// Number of filled severity dots.
fn dots(severity: NoteSeverity) -> usize {
    match severity {
        NoteSeverity::Low => 1,
        NoteSeverity::Medium => 2,
        NoteSeverity::High => 3,
        NoteSeverity::Critical => 4,
    }
}

fn severity_word(severity: NoteSeverity) -> &'static str {
    match severity {
        NoteSeverity::Low => "low",
        NoteSeverity::Medium => "medium",
        NoteSeverity::High => "high",
        NoteSeverity::Critical => "critical",
    }
}

/// One pain or gain: a tinted chip with a ▼ (pain) or ▲ (gain) and severity dots.
fn note_chip(
    out: &mut String,
    note: &Note,
    pain: bool,
    on_path: bool,
    x: f64,
    y: f64,
    w: f64,
) -> f64 {
    let label = Label::new(&note.text, Font::regular(11.5), w - 40.0)
        .lines(3)
        .fill(INK);
    let h = (label.height() + 12.0).max(30.0);
    let (tint, colour, kind) = if pain {
        (BAD_TINT, BAD, "Pain")
    } else {
        (GOOD_TINT, GOOD, "Gain")
    };
    let severity = note.severity();
    titled(
        out,
        &format!("{kind} ({}): {}", severity_word(severity), note.text),
    );
    let _ = write!(out, "<g{}>", if on_path { "" } else { " opacity=\"0.55\"" });
    rect(out, x, y, w, h, 6.0, format_args!("fill=\"{tint}\""));
    let cy = y + 13.0;
    let pts = if pain {
        [
            (x + 7.0, cy - 4.0),
            (x + 17.0, cy - 4.0),
            (x + 12.0, cy + 4.5),
        ]
    } else {
        [
            (x + 7.0, cy + 4.0),
            (x + 17.0, cy + 4.0),
            (x + 12.0, cy - 4.5),
        ]
    };
    polygon(out, &pts, format_args!("fill=\"{colour}\""));
    label.draw(out, x + 23.0, y + 17.0);
    let filled = dots(severity);
    for k in 0..4 {
        let fill = if k < filled { colour } else { "#d9dee4" };
        circle(
            out,
            x + w - 9.0,
            y + 7.0 + k as f64 * 5.5,
            2.0,
            format_args!("fill=\"{fill}\""),
        );
    }
    out.push_str("</g></g>");
    h
}

/// Pains and gains of each touchpoint, under its card.
pub(crate) fn pains_and_gains(ctx: &Ctx<'_>, y: f64) -> Option<(String, f64)> {
    stacked(ctx, y, |slot, x, at, w, out| {
        let tp = &ctx.map.touchpoints[slot.tp];
        let mut used = 0.0;
        let notes = tp
            .pains
            .iter()
            .map(|p| (p, true))
            .chain(tp.gains.iter().map(|g| (g, false)));
        for (note, pain) in notes {
            if used > 0.0 {
                used += 6.0;
            }
            used += note_chip(out, note, pain, slot.on_path, x, at + used, w);
        }
        used
    })
}

fn status_word(s: OpportunityStatus) -> &'static str {
    match s {
        OpportunityStatus::Idea => "idea",
        OpportunityStatus::Planned => "planned",
        OpportunityStatus::InProgress => "in progress",
        OpportunityStatus::Done => "done",
        OpportunityStatus::Rejected => "rejected",
    }
}

/// Opportunities, each under the first drawn touchpoint it improves.
pub(crate) fn opportunities(ctx: &Ctx<'_>, y: f64) -> Option<(String, f64)> {
    let placed: Vec<(usize, usize)> = ctx
        .map
        .opportunities
        .iter()
        .enumerate()
        .filter_map(|(k, o)| {
            o.touchpoints.iter().find_map(|id| {
                ctx.index
                    .touchpoint_position(id)
                    .and_then(|i| ctx.grid.slot(i))
                    .map(|s| (k, s.col))
            })
        })
        .collect();
    let mut out = String::new();
    let mut tallest: f64 = 0.0;
    for col in 0..ctx.grid.cols() {
        let (x, w) = ctx.block(col);
        let mut at = y + 12.0;
        for &(k, _) in placed.iter().filter(|(_, c)| *c == col) {
            at += opportunity_chip(ctx, &mut out, k, x, at, w) + GAP;
        }
        tallest = tallest.max(at - y);
    }
    (!placed.is_empty()).then_some((out, tallest + 4.0))
}

fn opportunity_chip(ctx: &Ctx<'_>, out: &mut String, k: usize, x: f64, y: f64, w: f64) -> f64 {
    let o = &ctx.map.opportunities[k];
    let title = Label::new(&o.title, Font::bold(11.5), w - 32.0)
        .lines(3)
        .fill(INK);
    let mut meta: Vec<String> = Vec::new();
    if let Some(v) = o.value {
        meta.push(format!("value {}", super::frame::value(v)));
    }
    if let Some(e) = o.effort {
        meta.push(format!("effort {}", super::frame::value(e)));
    }
    if let Some(c) = o.confidence {
        meta.push(format!("{} sure", super::frame::pct(c)));
    }
    if let Some(s) = o.status {
        meta.push(status_word(s).to_owned());
    }
    let meta = meta.join(" \u{b7} ");
    let meta_label = Label::new(&meta, Font::regular(10.0), w - 32.0)
        .lines(2)
        .fill(MUTED);
    let h = title.height()
        + if meta.is_empty() {
            14.0
        } else {
            meta_label.height() + 18.0
        };
    titled(out, &format!("Opportunity: {}", o.title));
    rect(
        out,
        x,
        y,
        w,
        h,
        6.0,
        "fill=\"#fff7e0\" stroke=\"#ecd08a\" stroke-width=\"1\"",
    );
    // A small lightbulb: bulb and base.
    circle(out, x + 13.0, y + 13.0, 5.0, "fill=\"#e0a100\"");
    rect(out, x + 10.5, y + 18.5, 5.0, 3.5, 1.0, "fill=\"#8a6d1f\"");
    let used = title.draw(out, x + 24.0, y + 17.0);
    if !meta.is_empty() {
        meta_label.draw(out, x + 24.0, y + 17.0 + used + 2.0);
    }
    out.push_str("</g>");
    h
}

/// The numbered moments of truth with their strongest reason, in columns.
pub(crate) fn moments_list(ctx: &Ctx<'_>, y: f64, limit: usize) -> Option<(String, f64)> {
    let moments = ctx.moments(limit);
    if moments.is_empty() {
        return None;
    }
    let mut out = String::new();
    let avail = ctx.grid.width - GUTTER - 24.0;
    let cols = ((avail / 360.0).floor() as usize).clamp(1, 4);
    let item_w = avail / cols as f64;
    let item_h = 58.0;
    for (k, m) in moments.iter().enumerate() {
        let (c, r) = (k % cols, k / cols);
        let x = GUTTER + c as f64 * item_w;
        let top = y + 10.0 + r as f64 * item_h;
        let name = ctx
            .index
            .touchpoint(&m.touchpoint)
            .map_or(m.touchpoint.as_str(), |t| t.name.as_str());
        badge(&mut out, x + 12.0, top + 12.0, m.rank);
        let head = format!("{name}{}", if m.declared { " (declared)" } else { "" });
        Label::new(&head, Font::bold(12.0), item_w - 44.0).draw(&mut out, x + 30.0, top + 16.0);
        let reason = m.reasons.first().map_or("", String::as_str);
        Label::new(reason, Font::regular(11.0), item_w - 44.0)
            .lines(2)
            .fill(MUTED)
            .draw(&mut out, x + 30.0, top + 32.0);
    }
    let rows = moments.len().div_ceil(cols);
    Some((out, 14.0 + rows as f64 * item_h))
}
