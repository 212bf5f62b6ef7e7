//! Writing SVG text: escaping, numbers written the same way on every platform, and labels
//! (wrapped or shortened text whose full wording goes into a `<title>`).

use std::fmt::Write;

use super::text::{Font, ellipsize, wrap};

/// The font stack of every picture. The widths of `text.rs` are DejaVu Sans's, the widest of
/// these, so text measured for it fits in the others.
pub(crate) const FONT_FAMILY: &str =
    "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// `s` escaped for XML text and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 does not allow.
            '\u{0}'..='\u{8}'
            | '\u{B}'
            | '\u{C}'
            | '\u{E}'..='\u{1F}'
            | '\u{FFFE}'
            | '\u{FFFF}' => {
                out.push('\u{FFFD}');
            }
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, without a trailing `.0` (`-0` and non-finite values are 0),
/// so that the same picture is the same bytes everywhere.
pub(crate) fn n(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_owned();
    }
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        return "0".to_owned();
    }
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Horizontal anchor of a label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn attr(self) -> &'static str {
        match self {
            Anchor::Start => "",
            Anchor::Middle => " text-anchor=\"middle\"",
            Anchor::End => " text-anchor=\"end\"",
        }
    }
}

/// A text to draw: wording, font, box width, line limit, colour and optional class.
#[derive(Debug, Clone)]
pub(crate) struct Label<'a> {
    pub text: &'a str,
    pub font: Font,
    pub width: f64,
    pub lines: usize,
    pub fill: &'a str,
    pub anchor: Anchor,
    pub italic: bool,
    /// A white outline behind the letters, for text drawn over lines.
    pub halo: bool,
}

impl<'a> Label<'a> {
    pub fn new(text: &'a str, font: Font, width: f64) -> Self {
        Self {
            text,
            font,
            width,
            lines: 1,
            fill: "#1b2733",
            anchor: Anchor::Start,
            italic: false,
            halo: false,
        }
    }

    pub fn lines(mut self, lines: usize) -> Self {
        self.lines = lines;
        self
    }

    pub fn fill(mut self, fill: &'a str) -> Self {
        self.fill = fill;
        self
    }

    pub fn anchor(mut self, anchor: Anchor) -> Self {
        self.anchor = anchor;
        self
    }

    pub fn italic(mut self) -> Self {
        self.italic = true;
        self
    }

    pub fn halo(mut self) -> Self {
        self.halo = true;
        self
    }

    /// The lines this label takes, and whether it was shortened.
    pub fn layout(&self) -> (Vec<String>, bool) {
        if self.lines <= 1 {
            let (line, short) = ellipsize(self.text, self.font, self.width);
            (vec![line], short)
        } else {
            wrap(self.text, self.font, self.width, self.lines)
        }
    }

    /// Height of the lines this label takes.
    pub fn height(&self) -> f64 {
        self.layout().0.len().max(1) as f64 * self.font.line()
    }

    /// Writes the label with its first baseline at `y`; returns the height used. A shortened
    /// label is wrapped in a group whose `<title>` holds the full text.
    pub fn draw(&self, out: &mut String, x: f64, y: f64) -> f64 {
        let (lines, short) = self.layout();
        if lines.iter().all(String::is_empty) {
            return 0.0;
        }
        if short {
            let _ = write!(out, "<g><title>{}</title>", esc(self.text));
        }
        let weight = if self.font.bold {
            " font-weight=\"700\""
        } else {
            ""
        };
        let style = if self.italic {
            " font-style=\"italic\""
        } else {
            ""
        };
        let halo = if self.halo {
            " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{weight}{style} fill=\"{}\"{}{halo}>",
            n(x),
            n(y),
            n(self.font.size),
            self.fill,
            self.anchor.attr()
        );
        if lines.len() == 1 {
            let _ = write!(out, "{}", esc(&lines[0]));
        } else {
            for (i, line) in lines.iter().enumerate() {
                let dy = if i == 0 { 0.0 } else { self.font.line() };
                let _ = write!(
                    out,
                    "<tspan x=\"{}\" dy=\"{}\">{}</tspan>",
                    n(x),
                    n(dy),
                    esc(line)
                );
            }
        }
        out.push_str("</text>");
        if short {
            out.push_str("</g>");
        }
        lines.len() as f64 * self.font.line()
    }
}

/// The opening of a picture: `<svg>` with its size, `<title>` and `<desc>`, and the shared
/// style. `id` prefixes every id in the picture, so that several pictures can share a page.
pub(crate) fn open(out: &mut String, width: f64, height: f64, id: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT_FAMILY}\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>",
        esc(title),
        esc(desc),
        w = n(width),
        h = n(height),
        id = esc(id),
    );
}

/// A rectangle.
pub(crate) fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, rx: f64, attrs: &str) {
    let _ = write!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{} {attrs}/>",
        n(x),
        n(y),
        n(w.max(0.0)),
        n(h.max(0.0)),
        if rx > 0.0 {
            format!(" rx=\"{}\"", n(rx))
        } else {
            String::new()
        }
    );
}

/// A straight line.
pub(crate) fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, attrs: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" {attrs}/>",
        n(x1),
        n(y1),
        n(x2),
        n(y2)
    );
}

/// A circle.
pub(crate) fn circle(out: &mut String, cx: f64, cy: f64, r: f64, attrs: &str) {
    let _ = write!(
        out,
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" {attrs}/>",
        n(cx),
        n(cy),
        n(r)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_one_way() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(2.25), "2.3");
        assert_eq!(n(f64::NAN), "0");
        assert_eq!(n(-3.5), "-3.5");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
