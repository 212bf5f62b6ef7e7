//! Text measured without a font engine: advance widths of DejaVu Sans (regular and bold, in
//! thousandths of an em), the widest of the fonts the pictures name, so a label that fits here
//! fits in Helvetica, Arial or Segoe UI too. Labels are wrapped on word boundaries and shortened
//! with an ellipsis; the caller keeps the full text for a `<title>`.

use std::borrow::Cow;

/// Advance widths of the printable ASCII characters (32..=126), DejaVu Sans.
const REGULAR: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Advance widths of the printable ASCII characters (32..=126), DejaVu Sans Bold.
const BOLD: [u16; 95] = [
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
];

/// A font size and weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const fn regular(size: f64) -> Self {
        Self { size, bold: false }
    }

    pub const fn bold(size: f64) -> Self {
        Self { size, bold: true }
    }

    /// Height of one line of text in this font.
    pub fn line(self) -> f64 {
        (self.size * 1.25).round()
    }

    /// Width of `c` in thousandths of an em.
    fn advance(self, c: char) -> u32 {
        let table = if self.bold { &BOLD } else { &REGULAR };
        match c as u32 {
            code @ 32..=126 => u32::from(table[(code - 32) as usize]),
            // Combining marks and zero-width characters.
            0x300..=0x36F | 0x200B..=0x200F => 0,
            // East Asian wide characters, emoji.
            0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF => 1000,
            0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x1F000.. => 1000,
            // Ellipsis, dashes, arrows, symbols.
            0x2013..=0x2014 | 0x2026 => 1000,
            0x2190..=0x21FF | 0x2212 => 838,
            _ if self.bold => 720,
            _ => 660,
        }
    }

    /// Width of `text` in pixels.
    pub fn width(self, text: &str) -> f64 {
        self.px(self.units(text))
    }

    /// Width of `text` in thousandths of an em.
    fn units(self, text: &str) -> u32 {
        text.chars().map(|c| self.advance(c)).sum()
    }

    /// Thousandths of an em in pixels.
    fn px(self, units: u32) -> f64 {
        f64::from(units) * self.size / 1000.0
    }
}

/// `text` in at most `max_lines` lines of at most `width` pixels, broken between words (a word
/// wider than a line is cut). Returns the lines and whether text was left out (the last line
/// then ends with an ellipsis).
pub(crate) fn wrap(text: &str, font: Font, width: f64, max_lines: usize) -> (Vec<String>, bool) {
    let max_lines = max_lines.max(1);
    // Words joined by single spaces that fit on one line (with room for the rounding of the
    // character-by-character sums below) are that line.
    if !text.is_empty() && is_flat(text) && font.width(text) + 1e-6 <= width {
        return (vec![text.to_owned()], false);
    }
    // Words, each cut into pieces that fit on a line, with their widths.
    let mut words: Vec<(&str, u32)> = Vec::with_capacity(16);
    for word in text.split_whitespace() {
        let mut rest = word;
        while !rest.is_empty() {
            let piece = &rest[..fit(rest, font, width)];
            if piece.is_empty() {
                // Not even one character fits: give up on the word.
                break;
            }
            rest = &rest[piece.len()..];
            words.push((piece, font.units(piece)));
        }
    }
    let space = font.units(" ");
    let mut lines: Vec<String> = Vec::with_capacity(max_lines);
    let mut current = String::with_capacity(text.len());
    let mut used = 0;
    let mut k = 0;
    while k < words.len() {
        let (word, units) = words[k];
        if current.is_empty() {
            current.push_str(word);
            used = units;
            k += 1;
        } else if font.px(used + space + units) <= width {
            current.push(' ');
            current.push_str(word);
            used += space + units;
            k += 1;
        } else if lines.len() + 1 == max_lines {
            break;
        } else {
            lines.push(std::mem::replace(
                &mut current,
                String::with_capacity(text.len()),
            ));
        }
    }
    let shortened = k < words.len();
    if !current.is_empty() {
        lines.push(current);
    }
    if shortened && let Some(last) = lines.last_mut() {
        *last = ellipsize_line(last, font, width);
    }
    (lines, shortened)
}

/// The length in bytes of the longest prefix of `text` that fits in `width`.
fn fit(text: &str, font: Font, width: f64) -> usize {
    let mut used = 0.0;
    for (i, c) in text.char_indices() {
        let w = font.px(font.advance(c));
        if used + w > width {
            return i;
        }
        used += w;
    }
    text.len()
}

/// `line` with an ellipsis appended, shortened until both fit in `width`.
fn ellipsize_line(line: &str, font: Font, width: f64) -> String {
    let room = width - font.width("…");
    let mut kept = line[..fit(line, font, room.max(0.0))].to_owned();
    while kept.ends_with(' ') {
        kept.pop();
    }
    kept.push('…');
    kept
}

/// `text` on one line of at most `width` pixels (runs of white space as one space); whether
/// it was shortened.
pub(crate) fn ellipsize(text: &str, font: Font, width: f64) -> (Cow<'_, str>, bool) {
    let flat: Cow<'_, str> = if is_flat(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    if font.width(&flat) <= width {
        (flat, false)
    } else {
        (Cow::Owned(ellipsize_line(&flat, font, width)), true)
    }
}

/// Whether `text` is its words joined by single spaces.
fn is_flat(text: &str) -> bool {
    let mut previous_space = true;
    for c in text.chars() {
        if c == ' ' {
            if previous_space {
                return false;
            }
            previous_space = true;
        } else if c.is_whitespace() {
            return false;
        } else {
            previous_space = false;
        }
    }
    !previous_space || text.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_marks_what_is_left_out() {
        let f = Font::regular(12.0);
        let (lines, short) = wrap("Reads guides and uses the savings calculator", f, 120.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(short);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|l| f.width(l) <= 120.0));
        let (lines, short) = wrap("Calls support", f, 120.0, 2);
        assert_eq!(lines, vec!["Calls support".to_owned()]);
        assert!(!short);
    }

    #[test]
    fn cuts_a_word_wider_than_the_line() {
        let f = Font::bold(12.0);
        let (lines, _) = wrap("Supercalifragilisticexpialidocious-and-more", f, 80.0, 3);
        assert!(lines.len() >= 2);
        assert!(lines.iter().all(|l| f.width(l) <= 80.0));
    }

    #[test]
    fn ellipsizes_one_line() {
        let f = Font::regular(10.0);
        let (s, short) = ellipsize("A rather long label for a small box", f, 60.0);
        assert!(short && s.ends_with('…') && f.width(&s) <= 60.0);
        assert_eq!(ellipsize("ok", f, 60.0), (Cow::Borrowed("ok"), false));
        assert_eq!(ellipsize(" a  b\n", f, 60.0).0, "a b");
        assert!(
            is_flat("a b") && is_flat("") && !is_flat("a ") && !is_flat(" a") && !is_flat("a\tb")
        );
    }
}
