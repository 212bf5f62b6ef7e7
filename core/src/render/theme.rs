//! Colours and marks. Persona colours are the Okabe–Ito palette (distinct under the common
//! colour-vision deficiencies), each with its own point shape so that no reading depends on
//! colour alone. Channels get a colour and a shape by kind (digital ●, physical ■, human ▲,
//! print ◆, other ⬢), with the channel's name written next to the mark.

use super::svg::{Attrs, close, point};
use crate::model::{ChannelKind, JourneyMap};

pub(crate) const INK: &str = "#1b2733";
pub(crate) const MUTED: &str = "#5b6776";
pub(crate) const FAINT: &str = "#8a95a3";
pub(crate) const RULE: &str = "#d5dbe2";
pub(crate) const NAVY: &str = "#1f3a5f";
pub(crate) const GOOD: &str = "#1a7f4b";
pub(crate) const BAD: &str = "#c0392b";
pub(crate) const LOOP: &str = "#b86e00";
pub(crate) const MOMENT: &str = "#8e1b4f";
pub(crate) const GOOD_TINT: &str = "#e9f6ee";
pub(crate) const BAD_TINT: &str = "#fcebea";
pub(crate) const NEUTRAL_TINT: &str = "#eef1f4";

/// Okabe–Ito colours for personas, in order (yellow left out: too light on white).
const PERSONA_COLOURS: [&str; 7] = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
];

/// The colour of the `i`-th persona drawn.
pub(crate) fn persona_colour(i: usize) -> &'static str {
    PERSONA_COLOURS[i % PERSONA_COLOURS.len()]
}

/// Colours for channels, in the order the map declares them.
const CHANNEL_COLOURS: [&str; 10] = [
    "#2f6db5", "#d1495b", "#3a9d5d", "#8c5fb8", "#e08a1e", "#2a9d9d", "#7a5230", "#c2569a",
    "#5c6b7a", "#9b9b2f",
];

/// Shape of a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    Circle,
    Square,
    Triangle,
    Diamond,
    Hexagon,
}

impl Shape {
    /// Shapes for personas, in order.
    pub fn persona(i: usize) -> Self {
        [
            Shape::Circle,
            Shape::Square,
            Shape::Diamond,
            Shape::Triangle,
            Shape::Hexagon,
        ][i % 5]
    }

    fn of_kind(kind: ChannelKind) -> Self {
        match kind {
            ChannelKind::Digital => Shape::Circle,
            ChannelKind::Physical => Shape::Square,
            ChannelKind::Human => Shape::Triangle,
            ChannelKind::Print => Shape::Diamond,
            ChannelKind::Other => Shape::Hexagon,
        }
    }

    /// Writes the shape centred on `(x, y)`, `r` its half size.
    pub fn draw(self, out: &mut String, x: f64, y: f64, r: f64, attrs: impl Attrs) {
        match self {
            Shape::Circle => super::svg::circle(out, x, y, r, attrs),
            Shape::Square => {
                let s = r * 0.9;
                super::svg::rect(out, x - s, y - s, 2.0 * s, 2.0 * s, 0.0, attrs);
            }
            Shape::Triangle => polygon(
                out,
                &[
                    (x, y - r * 1.1),
                    (x + r * 1.05, y + r * 0.8),
                    (x - r * 1.05, y + r * 0.8),
                ],
                attrs,
            ),
            Shape::Diamond => polygon(
                out,
                &[(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)],
                attrs,
            ),
            Shape::Hexagon => {
                let pts: Vec<(f64, f64)> = (0..6)
                    .map(|k| {
                        let a = std::f64::consts::PI / 3.0 * f64::from(k);
                        (x + r * a.cos(), y + r * a.sin())
                    })
                    .collect();
                polygon(out, &pts, attrs);
            }
        }
    }
}

/// A closed polygon.
pub(crate) fn polygon(out: &mut String, points: &[(f64, f64)], attrs: impl Attrs) {
    out.push_str("<polygon points=\"");
    for (k, &p) in points.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        point(out, p);
    }
    out.push('"');
    close(out, attrs);
}

/// How one channel is drawn.
#[derive(Debug, Clone)]
pub(crate) struct ChannelStyle {
    pub name: String,
    pub colour: &'static str,
    pub shape: Shape,
    /// `fill="colour"`, written once.
    pub fill: String,
}

/// How one channel is drawn, borrowed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style<'a> {
    pub name: &'a str,
    pub colour: &'static str,
    pub shape: Shape,
    /// `fill="colour"`.
    pub fill: &'a str,
}

/// Colour of a channel the map does not declare.
const UNKNOWN_CHANNEL: &str = "#8a95a3";

/// Channel styles by channel id, in the map's order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Channels {
    styles: Vec<(String, ChannelStyle)>,
}

impl Channels {
    pub fn of(map: &JourneyMap) -> Self {
        let mut styles: Vec<(String, ChannelStyle)> = Vec::new();
        for c in &map.channels {
            if styles.iter().any(|(id, _)| *id == c.id) {
                continue;
            }
            let colour = CHANNEL_COLOURS[styles.len() % CHANNEL_COLOURS.len()];
            styles.push((
                c.id.clone(),
                ChannelStyle {
                    name: c.name.clone(),
                    colour,
                    shape: Shape::of_kind(c.kind),
                    fill: format!("fill=\"{colour}\""),
                },
            ));
        }
        Self { styles }
    }

    /// The style of a channel id (a grey hexagon named by its id when the map has no such
    /// channel).
    pub fn get<'a>(&'a self, id: &'a str) -> Style<'a> {
        self.styles.iter().find(|(c, _)| c == id).map_or(
            Style {
                name: id,
                colour: UNKNOWN_CHANNEL,
                shape: Shape::Hexagon,
                fill: "fill=\"#8a95a3\"",
            },
            |(_, s)| Style {
                name: &s.name,
                colour: s.colour,
                shape: s.shape,
                fill: &s.fill,
            },
        )
    }

    /// The styles of the given channel ids, in the map's order.
    pub fn used<'a>(&'a self, ids: &[&str]) -> Vec<&'a ChannelStyle> {
        self.styles
            .iter()
            .filter(|(c, _)| ids.contains(&c.as_str()))
            .map(|(_, s)| s)
            .collect()
    }
}
