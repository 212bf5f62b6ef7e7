//! The emotion lane: the curve along the most likely successful journey, smooth over a neutral
//! line, on the map's declared emotion scale; the expected emotion dashed; valleys, the peak and
//! the end marked; the remembered (peak-end) level. An overlay draws one curve per persona.

use std::fmt::Write;

use super::curve::smooth_path;
use super::frame::emotion_label;
use super::journey_lanes::Ctx;
use super::layout::GUTTER;
use super::svg::{Anchor, Esc, Label, line, rect};
use super::text::Font;
use super::theme::{BAD, BAD_TINT, FAINT, GOOD, GOOD_TINT, INK, MUTED, Shape, persona_colour};
use crate::model::Scale;

/// Room above and below the plot for value labels and tags.
const ROOM: f64 = 36.0;
const PLOT: f64 = 170.0;
const CAPTION: f64 = 26.0;
/// Colour of the expected-emotion curve.
pub(crate) const EXPECTED: &str = "#6f7c8a";

/// Vertical position of emotions on the declared scale.
struct Scaler {
    scale: Scale,
    top: f64,
}

impl Scaler {
    fn y(&self, raw: f64) -> f64 {
        let u = self.scale.unit(raw).clamp(0.0, 1.0);
        self.top + (1.0 - u) * PLOT
    }

    fn neutral(&self) -> f64 {
        (self.scale.min + self.scale.max) / 2.0
    }

    /// A raw value as written on the axis (signed when the scale goes below zero).
    fn label(&self, raw: f64) -> String {
        emotion_label(&self.scale, raw)
    }
}

/// A point of a persona's curve: x, raw value, touchpoint position.
type Point = (f64, f64, usize);

/// The points of one persona's curve at its touchpoints' columns.
fn points(ctx: &Ctx<'_>, d: usize) -> Vec<Point> {
    let drawn = &ctx.drawn[d];
    drawn
        .scores
        .emotion
        .curve
        .iter()
        .filter_map(|p| {
            let i = ctx.index.touchpoint_position(&p.touchpoint)?;
            let slot = ctx.grid.slot(i)?;
            Some((ctx.grid.x(slot.col), p.emotion, i))
        })
        .collect()
}

/// The expected emotion along one persona's path, where measured.
fn expected(ctx: &Ctx<'_>, d: usize) -> Vec<Point> {
    let drawn = &ctx.drawn[d];
    drawn
        .scores
        .conversion
        .most_likely_path
        .iter()
        .filter_map(|id| {
            let i = ctx.index.touchpoint_position(id)?;
            let slot = ctx.grid.slot(i)?;
            let e = ctx.map.touchpoints[i]
                .measures_for(&drawn.persona.id)
                .expected_emotion?;
            Some((ctx.grid.x(slot.col), e, i))
        })
        .collect()
}

/// The caption that says which path the curve follows.
fn caption(ctx: &Ctx<'_>) -> String {
    if ctx.overlay {
        return "Each persona's emotion along its most likely successful journey".to_owned();
    }
    let Some(d) = ctx.drawn.first() else {
        return String::new();
    };
    let c = &d.scores.conversion;
    let outcome = c
        .most_likely_outcome
        .as_deref()
        .map(|o| ctx.index.outcome(o).map_or(o, |x| x.name.as_str()))
        .unwrap_or("an outcome");
    format!(
        "Emotion along the most likely successful journey: {} of journeys take this path to \u{201c}{outcome}\u{201d}",
        super::frame::pct(c.most_likely_probability)
    )
}

/// The emotion lane, or `None` when no drawn persona has an emotion measure on its path.
#[allow(
    clippy::too_many_lines,
    reason = "the lane top to bottom: caption, tinted halves, scale, guides, then the curves"
)]
pub(crate) fn emotion(ctx: &Ctx<'_>, y: f64) -> Option<(String, f64)> {
    let curves: Vec<Vec<Point>> = (0..ctx.drawn.len()).map(|d| points(ctx, d)).collect();
    if curves.iter().all(Vec::is_empty) {
        return None;
    }
    let mut out = String::new();
    let s = Scaler {
        scale: ctx.map.scales.emotion(),
        top: y + CAPTION + ROOM,
    };
    let left = GUTTER;
    let right = GUTTER + ctx.grid.cols() as f64 * ctx.grid.step;
    let yn = s.y(s.neutral());
    Label::new(&caption(ctx), Font::regular(11.5), right - left - 8.0)
        .fill(MUTED)
        .italic()
        .draw(&mut out, left + 8.0, y + 18.0);
    // Tinted halves, the neutral line, the scale.
    rect(
        &mut out,
        left,
        s.top,
        right - left,
        yn - s.top,
        0.0,
        format_args!("fill=\"{GOOD_TINT}\" opacity=\"0.6\""),
    );
    rect(
        &mut out,
        left,
        yn,
        right - left,
        s.top + PLOT - yn,
        0.0,
        format_args!("fill=\"{BAD_TINT}\" opacity=\"0.6\""),
    );
    line(
        &mut out,
        left,
        yn,
        right,
        yn,
        format_args!("stroke=\"{FAINT}\" stroke-width=\"1.2\" stroke-dasharray=\"5 4\""),
    );
    for raw in [s.scale.max, s.neutral(), s.scale.min] {
        Label::new(&s.label(raw), Font::regular(11.0), 60.0)
            .fill(MUTED)
            .anchor(Anchor::End)
            .draw(&mut out, left - 10.0, s.y(raw) + 4.0);
    }
    Label::new("neutral", Font::regular(10.0), 80.0)
        .fill(FAINT)
        .draw(&mut out, right + 8.0, yn + 3.5);
    // Guides from the cards down to the points.
    for p in curves.iter().flatten() {
        line(
            &mut out,
            p.0,
            y + 4.0,
            p.0,
            s.top + PLOT,
            "stroke=\"#c9d1da\" stroke-width=\"1\" stroke-dasharray=\"1 3\"",
        );
    }
    if ctx.overlay {
        // Each persona a few pixels off the next, so that curves that coincide all show.
        let middle = (curves.len() as f64 - 1.0) / 2.0;
        for (d, pts) in curves.iter().enumerate() {
            let shift = (d as f64 - middle) * OVERLAY_SHIFT;
            persona_curve(&mut out, &s, pts, ctx.drawn[d].colour, shift);
        }
    } else if let Some(pts) = curves.first() {
        let exp = expected(ctx, 0);
        if exp.len() >= 2 {
            let xy: Vec<(f64, f64)> = exp.iter().map(|p| (p.0, s.y(p.1))).collect();
            let _ = write!(
                out,
                "<path d=\"{}\" fill=\"none\" stroke=\"{EXPECTED}\" stroke-width=\"2\" stroke-dasharray=\"7 5\"/>",
                smooth_path(&xy)
            );
        }
        for p in &exp {
            super::svg::circle(
                &mut out,
                p.0,
                s.y(p.1),
                3.0,
                format_args!("fill=\"#ffffff\" stroke=\"{EXPECTED}\" stroke-width=\"1.5\""),
            );
        }
        peak_end_line(ctx, &mut out, &s, right, yn);
        single_curve(ctx, &mut out, &s, pts);
    }
    Some((out, CAPTION + 2.0 * ROOM + PLOT))
}

/// The remembered level (peak-end rule) as a dotted line with a tag at the right.
fn peak_end_line(ctx: &Ctx<'_>, out: &mut String, s: &Scaler, right: f64, yn: f64) {
    let Some(summary) = ctx
        .drawn
        .first()
        .and_then(|d| d.scores.emotion.summary.as_ref())
    else {
        return;
    };
    let ype = s.y(summary.peak_end.raw);
    line(
        out,
        GUTTER,
        ype,
        right,
        ype,
        format_args!(
            "stroke=\"{INK}\" stroke-width=\"1.2\" stroke-dasharray=\"1.5 3\" opacity=\"0.7\""
        ),
    );
    // Three lines (name, value, rule), centred on the line and clear of the "neutral" tag.
    let ty = ype + 3.5;
    let ty = if ty + 23.0 > yn - 6.0 && ty - 17.0 < yn + 7.0 {
        if ype <= yn { yn - 30.0 } else { yn + 24.0 }
    } else {
        ty
    };
    for (k, (text, font)) in [
        ("remembered".to_owned(), Font::bold(10.0)),
        (s.label(summary.peak_end.raw), Font::bold(10.0)),
        ("(peak-end)".to_owned(), Font::regular(10.0)),
    ]
    .into_iter()
    .enumerate()
    {
        Label::new(&text, font, 84.0)
            .fill(INK)
            .draw(out, right + 8.0, ty - 6.0 + 12.5 * k as f64);
    }
}

/// Vertical distance between the personas' curves in the overlay.
const OVERLAY_SHIFT: f64 = 3.5;

/// One persona's curve in the overlay: its colour and its point shape, `shift` pixels down.
fn persona_curve(out: &mut String, s: &Scaler, pts: &[Point], colour: usize, shift: f64) {
    let stroke = persona_colour(colour);
    let xy: Vec<(f64, f64)> = pts.iter().map(|p| (p.0, s.y(p.1) + shift)).collect();
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"3\" stroke-linecap=\"round\" opacity=\"0.9\"/>",
        smooth_path(&xy)
    );
    for &(x, yy) in &xy {
        Shape::persona(colour).draw(
            out,
            x,
            yy,
            5.5,
            format_args!("fill=\"{stroke}\" stroke=\"#ffffff\" stroke-width=\"1.5\""),
        );
    }
}

/// The single persona's curve: points coloured by side of neutral, values, peak, valleys, end.
#[allow(
    clippy::too_many_lines,
    reason = "each point with its value, tags and colour, drawn in one loop"
)]
fn single_curve(ctx: &Ctx<'_>, out: &mut String, s: &Scaler, pts: &[Point]) {
    let Some(d) = ctx.drawn.first() else {
        return;
    };
    let stroke = persona_colour(d.colour);
    let xy: Vec<(f64, f64)> = pts.iter().map(|p| (p.0, s.y(p.1))).collect();
    let _ = write!(
        out,
        "<path d=\"{}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"3.5\" stroke-linecap=\"round\"/>",
        smooth_path(&xy)
    );
    let summary = d.scores.emotion.summary.as_ref();
    let peak_at = summary.and_then(|sm| {
        d.scores
            .emotion
            .curve
            .iter()
            .position(|p| p.normalized.to_bits() == sm.peak.normalized.to_bits())
    });
    let neutral = s.neutral();
    for (k, &(x, raw, i)) in pts.iter().enumerate() {
        let yy = s.y(raw);
        let valley = summary.is_some_and(|sm| {
            sm.valleys
                .iter()
                .any(|v| v.touchpoint == ctx.map.touchpoints[i].id)
        });
        let mut tags: Vec<&str> = Vec::new();
        if peak_at == Some(k) {
            tags.push("PEAK");
            super::svg::circle(
                out,
                x,
                yy,
                11.0,
                format_args!("fill=\"none\" stroke=\"{INK}\" stroke-width=\"1.5\""),
            );
        }
        if valley {
            tags.push("VALLEY");
        }
        if k + 1 == pts.len() {
            tags.push("END");
        }
        let fill = if raw > neutral + 1e-9 {
            GOOD
        } else if raw < neutral - 1e-9 {
            BAD
        } else {
            MUTED
        };
        let name = &ctx.map.touchpoints[i].name;
        let _ = write!(
            out,
            "<g><title>{}: emotion {}{}</title>",
            Esc(name),
            s.label(raw),
            if tags.is_empty() {
                String::new()
            } else {
                format!(" ({})", tags.join(", ").to_lowercase())
            }
        );
        super::svg::circle(
            out,
            x,
            yy,
            6.0,
            format_args!("fill=\"{fill}\" stroke=\"#ffffff\" stroke-width=\"2\""),
        );
        out.push_str("</g>");
        // Above the point when positive, below when negative; the tags beyond the value.
        let up = raw >= neutral;
        let (vy, ty) = if up {
            (yy - 15.0, yy - 28.0)
        } else {
            (yy + 24.0, yy + 37.0)
        };
        Label::new(&s.label(raw), Font::bold(11.0), 60.0)
            .fill(INK)
            .anchor(Anchor::Middle)
            .halo()
            .draw(out, x, vy);
        if !tags.is_empty() {
            Label::new(
                &tags.join(" \u{b7} "),
                Font::bold(9.5),
                ctx.grid.step - 20.0,
            )
            .fill(if valley { BAD } else { INK })
            .anchor(Anchor::Middle)
            .halo()
            .draw(out, x, ty);
        }
    }
}
