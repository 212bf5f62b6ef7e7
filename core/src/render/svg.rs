//! Writing SVG text: escaping, numbers written the same way on every platform, and labels
//! (wrapped or shortened text whose full wording goes into a `<title>`).

use std::fmt::Write;

use super::num::Num;
use super::text::{Font, ellipsize, wrap};

/// The font stack of every picture. The widths of `text.rs` are DejaVu Sans's, the widest of
/// these, so text measured for it fits in the others.
pub(crate) const FONT_FAMILY: &str =
    "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'DejaVu Sans', sans-serif";

/// `s` escaped for XML text and attribute values.
pub(crate) fn esc(s: &str) -> String {
    Esc(s).to_string()
}

/// `s` escaped for XML text and attribute values, written where it is formatted.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Esc<'a>(pub &'a str);

impl Esc<'_> {
    /// Calls `plain` with the runs of `s` to copy and the escapes between them.
    fn each(self, mut plain: impl FnMut(&str)) {
        let s = self.0;
        let mut from = 0;
        for (i, c) in s.char_indices() {
            let escaped = match c {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                // Characters XML 1.0 does not allow.
                '\u{0}'..='\u{8}'
                | '\u{B}'
                | '\u{C}'
                | '\u{E}'..='\u{1F}'
                | '\u{FFFE}'
                | '\u{FFFF}' => "\u{FFFD}",
                _ => continue,
            };
            plain(&s[from..i]);
            plain(escaped);
            from = i + c.len_utf8();
        }
        plain(&s[from..]);
    }

    /// Appends the escaped text to `out`.
    pub(crate) fn push(self, out: &mut String) {
        self.each(|run| out.push_str(run));
    }
}

impl std::fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut result = Ok(());
        self.each(|run| {
            if result.is_ok() {
                result = f.write_str(run);
            }
        });
        result
    }
}

/// A coordinate with one decimal, without a trailing `.0` (`-0` and non-finite values are 0),
/// so that the same picture is the same bytes everywhere. Written where it is formatted, without
/// an allocation.
pub(crate) fn n(v: f64) -> Num {
    Num(v)
}

/// Appends `x,y`.
pub(crate) fn point(out: &mut String, (x, y): (f64, f64)) {
    Num(x).push(out);
    out.push(',');
    Num(y).push(out);
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
            (vec![line.into_owned()], short)
        } else {
            wrap(self.text, self.font, self.width, self.lines)
        }
    }

    /// Height of the lines this label takes.
    pub fn height(&self) -> f64 {
        if self.lines <= 1 {
            return self.font.line();
        }
        self.layout().0.len().max(1) as f64 * self.font.line()
    }

    /// Writes the label with its first baseline at `y`; returns the height used. A shortened
    /// label is wrapped in a group whose `<title>` holds the full text.
    pub fn draw(&self, out: &mut String, x: f64, y: f64) -> f64 {
        if self.lines <= 1 {
            let (line, short) = ellipsize(self.text, self.font, self.width);
            if line.is_empty() {
                return 0.0;
            }
            self.write(out, (x, y), &[line], short)
        } else {
            let (lines, short) = wrap(self.text, self.font, self.width, self.lines);
            if lines.iter().all(String::is_empty) {
                return 0.0;
            }
            self.write(out, (x, y), &lines, short)
        }
    }

    /// Writes laid out lines; returns their height.
    fn write<S: AsRef<str>>(
        &self,
        out: &mut String,
        (x, y): (f64, f64),
        lines: &[S],
        short: bool,
    ) -> f64 {
        if short {
            out.push_str("<g><title>");
            Esc(self.text).push(out);
            out.push_str("</title>");
        }
        out.push_str("<text");
        attr(out, " x", x);
        attr(out, " y", y);
        attr(out, " font-size", self.font.size);
        if self.font.bold {
            out.push_str(" font-weight=\"700\"");
        }
        if self.italic {
            out.push_str(" font-style=\"italic\"");
        }
        out.push_str(" fill=\"");
        out.push_str(self.fill);
        out.push('"');
        out.push_str(self.anchor.attr());
        if self.halo {
            out.push_str(
                " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
            );
        }
        out.push('>');
        if let [line] = lines {
            Esc(line.as_ref()).push(out);
        } else {
            for (i, line) in lines.iter().enumerate() {
                let dy = if i == 0 { 0.0 } else { self.font.line() };
                out.push_str("<tspan");
                attr(out, " x", x);
                attr(out, " dy", dy);
                out.push('>');
                Esc(line.as_ref()).push(out);
                out.push_str("</tspan>");
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
        Esc(title),
        Esc(desc),
        w = n(width),
        h = n(height),
        id = Esc(id),
    );
}

/// A rectangle.
pub(crate) fn rect(out: &mut String, x: f64, y: f64, w: f64, h: f64, rx: f64, attrs: impl Attrs) {
    out.push_str("<rect");
    attr(out, " x", x);
    attr(out, " y", y);
    attr(out, " width", w.max(0.0));
    attr(out, " height", h.max(0.0));
    if rx > 0.0 {
        attr(out, " rx", rx);
    }
    close(out, attrs);
}

/// A straight line.
pub(crate) fn line(out: &mut String, x1: f64, y1: f64, x2: f64, y2: f64, attrs: impl Attrs) {
    out.push_str("<line");
    attr(out, " x1", x1);
    attr(out, " y1", y1);
    attr(out, " x2", x2);
    attr(out, " y2", y2);
    close(out, attrs);
}

/// A circle.
pub(crate) fn circle(out: &mut String, cx: f64, cy: f64, r: f64, attrs: impl Attrs) {
    out.push_str("<circle");
    attr(out, " cx", cx);
    attr(out, " cy", cy);
    attr(out, " r", r);
    close(out, attrs);
}

/// Appends ` name="v"` (`name` with its leading space).
pub(crate) fn attr(out: &mut String, name: &str, v: f64) {
    out.push_str(name);
    out.push_str("=\"");
    Num(v).push(out);
    out.push('"');
}

/// Appends the other attributes of an element and closes it.
pub(crate) fn close(out: &mut String, attrs: impl Attrs) {
    out.push(' ');
    attrs.push_to(out);
    out.push_str("/>");
}

/// The other attributes of an element, as given: text, or format arguments written in place.
pub(crate) trait Attrs {
    /// Appends the attributes to `out`.
    fn push_to(self, out: &mut String);
}

impl Attrs for &str {
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Attrs for &String {
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Attrs for std::fmt::Arguments<'_> {
    fn push_to(self, out: &mut String) {
        match self.as_str() {
            Some(text) => out.push_str(text),
            None => {
                let _ = out.write_fmt(self);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_one_way() {
        assert_eq!(n(1.0).to_string(), "1");
        assert_eq!(n(-0.04).to_string(), "0");
        assert_eq!(n(2.25).to_string(), "2.3");
        assert_eq!(n(f64::NAN).to_string(), "0");
        assert_eq!(n(-3.5).to_string(), "-3.5");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;\u{FFFD}"
        );
    }
}
