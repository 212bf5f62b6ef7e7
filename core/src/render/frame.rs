//! What both pictures share: the header (title, what is shown, key figures) and the legends.

use std::fmt::Write;

use super::num::Fixed;
use super::svg::{Anchor, Esc, Label, line, n, rect};
use super::text::Font;
use super::theme::{FAINT, INK, MUTED, RULE, Shape};
use crate::model::{JourneyMap, MapState};

/// Outer margin of every picture.
pub(crate) const MARGIN: f64 = 28.0;

/// `0.1234` as `12.3%` (`12%` from 10% up, so that tiles stay short).
pub(crate) fn pct(v: f64) -> String {
    Pct(v).to_string()
}

/// [`pct`] written where it is formatted.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pct(pub f64);

impl Pct {
    /// Appends the percentage to `out`.
    pub(crate) fn push(self, out: &mut String) {
        if self.0.is_finite() {
            Per100(self.0).push(out);
            out.push('%');
        } else {
            out.push('–');
        }
    }
}

impl std::fmt::Display for Pct {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.0.is_finite() {
            write!(f, "{}%", Per100(self.0))
        } else {
            f.write_str("–")
        }
    }
}

/// A share as a count per 100 (`0.1234` as `12.3`, `12` from 10 up): how [`pct`] writes it,
/// without the percent sign.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Per100(pub f64);

impl Per100 {
    /// Appends the count to `out`.
    pub(crate) fn push(self, out: &mut String) {
        let p = self.0 * 100.0;
        if !p.is_finite() {
            out.push('–');
        } else if p.abs() >= 10.0 {
            Fixed(p, 0).push(out);
        } else {
            Fixed(p, 1).push(out);
        }
    }
}

impl std::fmt::Display for Per100 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.0 * 100.0;
        if !p.is_finite() {
            f.write_str("–")
        } else if p.abs() >= 10.0 {
            write!(f, "{}", Fixed(p, 0))
        } else {
            write!(f, "{}", Fixed(p, 1))
        }
    }
}

/// A value on a scale: at most two decimals, without trailing zeros.
pub(crate) fn value(v: f64) -> String {
    if !v.is_finite() {
        return "–".to_owned();
    }
    let text = Fixed(v, 2).to_string();
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// An emotion on the map's scale: signed when the scale goes below zero (`+1.5`, `−0.5`).
pub(crate) fn emotion_label(scale: &crate::model::Scale, raw: f64) -> String {
    if scale.min >= 0.0 {
        value(raw)
    } else if raw > 0.0 && value(raw) != "0" {
        format!("+{}", value(raw))
    } else if raw < 0.0 && value(-raw) != "0" {
        format!("\u{2212}{}", value(-raw))
    } else {
        "0".to_owned()
    }
}

/// "As-is journey", "To-be journey", "Actual journey".
pub(crate) fn state_name(map: &JourneyMap) -> &'static str {
    match map.state() {
        MapState::AsIs => "As-is journey",
        MapState::ToBe => "To-be journey",
        MapState::Actual => "Actual journey",
    }
}

/// One key figure of the header.
#[derive(Debug, Clone)]
pub(crate) struct Kpi {
    pub label: &'static str,
    pub value: String,
}

/// The header band; returns its height.
pub(crate) fn header(
    out: &mut String,
    width: f64,
    title: &str,
    subtitle: &str,
    description: Option<&str>,
    kpis: &[Kpi],
) -> f64 {
    const GAP: f64 = 10.0;
    let tile = |k: &Kpi| {
        Font::bold(10.0)
            .width(k.label)
            .max(Font::bold(22.0).width(&k.value))
            .max(100.0)
            + 24.0
    };
    let tiles: f64 = kpis.iter().map(|k| tile(k) + GAP).sum();
    let text_width = (width - 2.0 * MARGIN - tiles - 16.0).max(200.0);
    Label::new(title, Font::bold(24.0), text_width).draw(out, MARGIN, MARGIN + 22.0);
    Label::new(subtitle, Font::regular(14.0), text_width)
        .fill(MUTED)
        .draw(out, MARGIN, MARGIN + 46.0);
    if let Some(d) = description.filter(|d| !d.trim().is_empty()) {
        Label::new(d, Font::regular(12.0), text_width)
            .fill(FAINT)
            .italic()
            .draw(out, MARGIN, MARGIN + 66.0);
    }
    let mut x = width - MARGIN - tiles + GAP;
    for k in kpis {
        let w = tile(k);
        rect(
            out,
            x,
            MARGIN,
            w,
            58.0,
            8.0,
            "fill=\"#f3f5f8\" stroke=\"#e1e6ec\"",
        );
        Label::new(k.label, Font::bold(10.0), w - 20.0)
            .fill(MUTED)
            .draw(out, x + 12.0, MARGIN + 18.0);
        Label::new(&k.value, Font::bold(22.0), w - 20.0)
            .fill(INK)
            .draw(out, x + 12.0, MARGIN + 45.0);
        x += w + GAP;
    }
    let bottom = MARGIN + 84.0;
    line(
        out,
        MARGIN,
        bottom,
        width - MARGIN,
        bottom,
        format_args!("stroke=\"{RULE}\" stroke-width=\"1\""),
    );
    bottom + 12.0
}

/// How a legend entry is marked.
#[derive(Debug, Clone)]
pub(crate) enum Mark {
    /// A filled shape.
    Shape(Shape, &'static str),
    /// A line: colour, width, dash pattern.
    Line(&'static str, f64, &'static str),
    /// A small filled box with a border.
    Swatch(&'static str, &'static str, bool),
    /// A numbered badge.
    Badge(&'static str),
    /// SVG drawn around the origin (at most 24 × 16 pixels).
    Raw(String),
}

/// A group of legend entries under a heading.
#[derive(Debug, Clone)]
pub(crate) struct Legend {
    pub heading: &'static str,
    pub items: Vec<(Mark, String)>,
}

fn draw_mark(out: &mut String, mark: &Mark, x: f64, y: f64) {
    match mark {
        Mark::Shape(shape, colour) => {
            shape.draw(out, x + 10.0, y, 5.5, format_args!("fill=\"{colour}\""));
        }
        Mark::Line(colour, w, dash) => {
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            };
            line(
                out,
                x,
                y,
                x + 22.0,
                y,
                format_args!("stroke=\"{colour}\" stroke-width=\"{}\"{dash}", n(*w)),
            );
        }
        Mark::Swatch(fill, stroke, dashed) => rect(
            out,
            x + 1.0,
            y - 7.0,
            20.0,
            14.0,
            3.0,
            format_args!(
                "fill=\"{fill}\" stroke=\"{stroke}\"{}",
                if *dashed {
                    " stroke-dasharray=\"3 2\""
                } else {
                    ""
                }
            ),
        ),
        Mark::Badge(colour) => {
            super::svg::circle(out, x + 10.0, y, 8.0, format_args!("fill=\"{colour}\""));
            Label::new("1", Font::bold(10.0), 12.0)
                .fill("#ffffff")
                .anchor(Anchor::Middle)
                .draw(out, x + 10.0, y + 3.5);
        }
        Mark::Raw(svg) => {
            let _ = write!(
                out,
                "<g transform=\"translate({},{})\">{svg}</g>",
                n(x),
                n(y)
            );
        }
    }
}

/// Draws legend groups in rows from `y`, `width` wide; returns the height used.
pub(crate) fn legends(out: &mut String, groups: &[Legend], x0: f64, y: f64, width: f64) -> f64 {
    let font = Font::regular(11.0);
    let row = 22.0;
    let mut y = y;
    let start = y;
    for group in groups.iter().filter(|g| !g.items.is_empty()) {
        Label::new(group.heading, Font::bold(10.0), 140.0)
            .fill(MUTED)
            .draw(out, x0, y + 4.0);
        let mut x = x0 + 150.0;
        for (mark, text) in &group.items {
            let w = 30.0 + font.width(text).min(width - 190.0) + 22.0;
            if x + w > x0 + width && x > x0 + 150.0 {
                x = x0 + 150.0;
                y += row;
            }
            draw_mark(out, mark, x, y);
            Label::new(text, font, width - 190.0)
                .fill(INK)
                .draw(out, x + 28.0, y + 4.0);
            x += w;
        }
        y += row + 4.0;
    }
    y - start
}

/// An accessible group: `<g>` with a `<title>` read by screen readers and shown on hover.
pub(crate) fn titled(out: &mut String, title: &str) {
    let _ = write!(out, "<g><title>{}</title>", Esc(title));
}
