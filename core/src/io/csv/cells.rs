//! Cell values of a touchpoint table, read and written: numbers (decimal comma with `;`), words,
//! and the multi-valued cells.
//!
//! A multi-valued cell (persona lists, pains, gains, `entry`, `next`) holds items separated by
//! `|` or line breaks (and `,` in persona lists). A backslash makes the next character plain
//! text (`\|`, `\\`, `\(`, `\[`, ...); `\n`, `\r` and `\t` are a line break, a carriage return
//! and a tab. A pain or gain is `text [severity id=ID]` (the bracket only when it holds such
//! attributes); a move in `next` is `target (probability n=count)` (the parenthesis only when it
//! holds weights); an entry is `yes` or its weights.

use serde_json::Value;

use crate::model::{ChannelKind, MomentOfTruthKind, Note, NoteSeverity, OutcomeKind, Visibility};

/// How numbers are written: with a decimal comma when the delimiter is `;`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Numbers {
    pub(super) decimal_comma: bool,
}

impl Numbers {
    /// A finite number; thousands separated by spaces are accepted, and `0,5` when the decimal
    /// comma is on (`1.234,5` too).
    pub(super) fn read(self, text: &str) -> Option<f64> {
        let mut s: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if self.decimal_comma && s.contains(',') {
            s = s.replace('.', "").replace(',', ".");
        }
        let plain = !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
        s.parse::<f64>().ok().filter(|v| plain && v.is_finite())
    }

    /// A number that may be written as a percentage (`60%` is 0.6).
    pub(super) fn read_fraction(self, text: &str) -> Option<f64> {
        match text.trim().strip_suffix('%') {
            Some(p) => self.read(p).map(|v| v / 100.0),
            None => self.read(text),
        }
    }

    /// The shortest text that reads back as `value`.
    pub(super) fn write(self, value: f64) -> String {
        let text = format!("{value}");
        if self.decimal_comma {
            text.replace('.', ",")
        } else {
            text
        }
    }
}

/// A word of a column, matched with case ignored.
fn word(text: &str) -> String {
    text.trim().to_lowercase().replace([' ', '-'], "_")
}

pub(super) fn visibility(text: &str) -> Option<Visibility> {
    match word(text).as_str() {
        "frontstage" | "front" => Some(Visibility::Frontstage),
        "backstage" | "back" => Some(Visibility::Backstage),
        _ => None,
    }
}

pub(super) fn write_visibility(v: Visibility) -> &'static str {
    match v {
        Visibility::Frontstage => "frontstage",
        Visibility::Backstage => "backstage",
    }
}

pub(super) fn channel_kind(text: &str) -> Option<ChannelKind> {
    Some(match word(text).as_str() {
        "digital" => ChannelKind::Digital,
        "physical" => ChannelKind::Physical,
        "human" => ChannelKind::Human,
        "print" => ChannelKind::Print,
        "other" => ChannelKind::Other,
        _ => return None,
    })
}

pub(super) fn write_channel_kind(k: ChannelKind) -> &'static str {
    match k {
        ChannelKind::Digital => "digital",
        ChannelKind::Physical => "physical",
        ChannelKind::Human => "human",
        ChannelKind::Print => "print",
        ChannelKind::Other => "other",
    }
}

pub(super) fn outcome_kind(text: &str) -> Option<OutcomeKind> {
    Some(match word(text).as_str() {
        "success" => OutcomeKind::Success,
        "failure" => OutcomeKind::Failure,
        "neutral" => OutcomeKind::Neutral,
        _ => return None,
    })
}

pub(super) fn write_outcome_kind(k: OutcomeKind) -> &'static str {
    match k {
        OutcomeKind::Success => "success",
        OutcomeKind::Failure => "failure",
        OutcomeKind::Neutral => "neutral",
    }
}

fn yes(w: &str) -> bool {
    matches!(w, "yes" | "y" | "true" | "x" | "1" | "oui")
}

fn no(w: &str) -> bool {
    matches!(w, "no" | "n" | "false" | "0" | "non")
}

fn mot_kind(w: &str) -> Option<MomentOfTruthKind> {
    Some(match w {
        "zero" => MomentOfTruthKind::Zero,
        "first" => MomentOfTruthKind::First,
        "second" => MomentOfTruthKind::Second,
        "contact" => MomentOfTruthKind::Contact,
        _ => return None,
    })
}

/// `moment_of_truth`: yes or no, a kind (which means yes), or `no (kind)`.
pub(super) fn moment_of_truth(text: &str) -> Option<(bool, Option<MomentOfTruthKind>)> {
    let (mut flag, mut kind) = (None, None);
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        match (yes(&w), no(&w), mot_kind(&w)) {
            (true, _, _) if flag.is_none() => flag = Some(true),
            (_, true, _) if flag.is_none() => flag = Some(false),
            (_, _, Some(k)) if kind.is_none() => kind = Some(k),
            _ => return None,
        }
    }
    match (flag, kind) {
        (None, None) => None,
        (flag, kind) => Some((flag.unwrap_or(true), kind)),
    }
}

pub(super) fn write_moment_of_truth(flag: bool, kind: Option<MomentOfTruthKind>) -> String {
    let kind = kind.map(|k| match k {
        MomentOfTruthKind::Zero => "zero",
        MomentOfTruthKind::First => "first",
        MomentOfTruthKind::Second => "second",
        MomentOfTruthKind::Contact => "contact",
    });
    match (flag, kind) {
        (true, Some(k)) => k.to_owned(),
        (true, None) => "yes".to_owned(),
        (false, Some(k)) => format!("no ({k})"),
        (false, None) => String::new(),
    }
}

/// A character of a multi-valued cell, and whether a backslash made it plain text.
type Lexed = (char, bool);

/// The items of a multi-valued cell, each trimmed, empty ones left out.
pub(super) fn items(text: &str, commas: bool) -> Vec<Vec<Lexed>> {
    let mut out = Vec::new();
    let mut item: Vec<Lexed> = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => item.push(('\n', true)),
                Some('r') => item.push(('\r', true)),
                Some('t') => item.push(('\t', true)),
                Some(e) => item.push((e, true)),
                None => item.push(('\\', false)),
            }
        } else if c == '|' || c == '\n' || c == '\r' || (commas && c == ',') {
            out.push(std::mem::take(&mut item));
        } else {
            item.push((c, false));
        }
    }
    out.push(item);
    out.into_iter()
        .map(|i| trim(&i).to_vec())
        .filter(|i| !i.is_empty())
        .collect()
}

fn trim(item: &[Lexed]) -> &[Lexed] {
    let plain_space = |&(c, e): &Lexed| !e && c.is_whitespace();
    let start = item
        .iter()
        .position(|x| !plain_space(x))
        .unwrap_or(item.len());
    let end = item
        .iter()
        .rposition(|x| !plain_space(x))
        .map_or(start, |e| e + 1);
    &item[start..end]
}

/// The text of lexed characters.
pub(super) fn text(item: &[Lexed]) -> String {
    item.iter().map(|&(c, _)| c).collect()
}

/// Splits `item` into the text before a trailing `open ... close` group and the group's
/// content, when the item ends with an unescaped `close`.
fn trailing_group(item: &[Lexed], open: char, close: char) -> Option<(&[Lexed], &[Lexed])> {
    let (&(last, escaped), rest) = item.split_last()?;
    if last != close || escaped {
        return None;
    }
    let start = rest.iter().rposition(|&(c, e)| c == open && !e)?;
    Some((trim(&rest[..start]), &rest[start + 1..]))
}

/// The words of a group's content: split at unescaped white space (and commas with `commas`).
fn words(content: &[Lexed], commas: bool) -> Vec<String> {
    content
        .split(|&(c, e)| !e && (c.is_whitespace() || (commas && c == ',')))
        .filter(|w| !w.is_empty())
        .map(text)
        .collect()
}

/// One item written so that [`items`] reads it back: backslash before `\`, `|`, the `specials`,
/// a line break as `\n`, white space at either end escaped.
pub(super) fn escape_item(text: &str, specials: &[char]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let first = chars.iter().position(|c| !c.is_whitespace());
    let last = chars.iter().rposition(|c| !c.is_whitespace());
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let edge = first.is_none_or(|f| i < f) || last.is_none_or(|l| i > l);
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c if specials.contains(&c) || (edge && c.is_whitespace()) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Items joined into one cell.
pub(super) fn join(items: impl IntoIterator<Item = String>) -> String {
    items.into_iter().collect::<Vec<_>>().join(" | ")
}

fn severity(w: &str) -> Option<NoteSeverity> {
    Some(match w.to_lowercase().as_str() {
        "low" => NoteSeverity::Low,
        "medium" => NoteSeverity::Medium,
        "high" => NoteSeverity::High,
        "critical" => NoteSeverity::Critical,
        _ => return None,
    })
}

/// A pain or gain: `text [severity id=ID]`; a bracket that holds anything else is text.
pub(super) fn note(item: &[Lexed]) -> Note {
    let mut note = Note {
        id: None,
        text: text(item),
        severity: None,
        x: serde_json::Map::new(),
    };
    let Some((head, content)) = trailing_group(item, '[', ']') else {
        return note;
    };
    let (mut id, mut sev) = (None, None);
    for w in words(content, true) {
        match (w.strip_prefix("id="), severity(&w)) {
            (Some(v), _) if id.is_none() && !v.is_empty() => id = Some(v.to_owned()),
            (None, Some(s)) if sev.is_none() => sev = Some(s),
            _ => return note,
        }
    }
    if id.is_some() || sev.is_some() {
        note.text = text(head);
        note.id = id;
        note.severity = sev;
    }
    note
}

pub(super) fn write_note(note: &Note) -> String {
    let mut attrs = Vec::new();
    if let Some(s) = note.severity {
        attrs.push(
            match s {
                NoteSeverity::Low => "low",
                NoteSeverity::Medium => "medium",
                NoteSeverity::High => "high",
                NoteSeverity::Critical => "critical",
            }
            .to_owned(),
        );
    }
    if let Some(id) = &note.id {
        attrs.push(format!("id={}", escape_item(id, &['[', ']', ','])));
    }
    let text = escape_item(&note.text, &['[', ']']);
    if attrs.is_empty() {
        text
    } else {
        format!("{text} [{}]", attrs.join(" "))
    }
}

/// The weights of a move or an entry.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(super) struct Weights {
    pub(super) probability: Option<f64>,
    pub(super) count: Option<f64>,
}

/// Weights from words: a probability (`0.6`, `60%`) and a count (`n=12`), each at most once.
fn weights(words: &[String], numbers: Numbers) -> Option<Weights> {
    let mut w = Weights::default();
    for word in words {
        let word = word.trim_end_matches([',', ';']);
        let count = word
            .strip_prefix("n=")
            .or_else(|| word.strip_prefix("count="));
        match count {
            Some(c) if w.count.is_none() => w.count = Some(numbers.read(c)?),
            None if w.probability.is_none() => w.probability = Some(numbers.read_fraction(word)?),
            _ => return None,
        }
    }
    (!words.is_empty()).then_some(w)
}

pub(super) fn write_weights(w: Weights, numbers: Numbers) -> String {
    let mut parts = Vec::new();
    if let Some(p) = w.probability {
        parts.push(numbers.write(p));
    }
    if let Some(c) = w.count {
        parts.push(format!("n={}", numbers.write(c)));
    }
    parts.join(" ")
}

/// A move: `target (weights)`; a parenthesis that holds no weights is part of the target.
pub(super) fn move_item(item: &[Lexed], numbers: Numbers) -> (String, Weights) {
    if let Some((head, content)) = trailing_group(item, '(', ')') {
        if let Some(w) = weights(&words(content, false), numbers) {
            if !head.is_empty() {
                return (text(head), w);
            }
        }
    }
    (text(item), Weights::default())
}

pub(super) fn write_move(target: &str, w: Weights, numbers: Numbers) -> String {
    let target = escape_item(target, &['(', ')']);
    if w == Weights::default() {
        target
    } else {
        format!("{target} ({})", write_weights(w, numbers))
    }
}

/// An entry item: `Ok(None)` for a no, `Ok(Some)` for a yes or weights, `Err` otherwise.
pub(super) fn entry_item(item: &[Lexed], numbers: Numbers) -> Result<Option<Weights>, ()> {
    let content = trailing_group(item, '(', ')')
        .filter(|(head, _)| head.is_empty())
        .map_or(item, |(_, c)| c);
    let ws = words(content, false);
    if let [w] = ws.as_slice() {
        let w = w.to_lowercase();
        if yes(&w) {
            return Ok(Some(Weights::default()));
        }
        if no(&w) {
            return Ok(None);
        }
    }
    weights(&ws, numbers).map(Some).ok_or(())
}

pub(super) fn write_entry(w: Weights, numbers: Numbers) -> String {
    if w == Weights::default() {
        "yes".to_owned()
    } else {
        write_weights(w, numbers)
    }
}

/// An `x-` cell: JSON when it is JSON text, else the text; `None` when empty.
pub(super) fn read_x(text: &str) -> Option<Value> {
    if text.trim().is_empty() {
        return None;
    }
    Some(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())))
}

/// An `x-` value as a cell: a string as itself unless it would read back as something else
/// (JSON text, empty, white space at an end), then as JSON, like every other value.
pub(super) fn write_x(value: &Value) -> String {
    if let Value::String(s) = value {
        let plain =
            !s.trim().is_empty() && s.trim() == s && serde_json::from_str::<Value>(s).is_err();
        if plain {
            return s.clone();
        }
    }
    value.to_string()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::float_cmp)]
    use super::*;

    const DOT: Numbers = Numbers {
        decimal_comma: false,
    };
    const COMMA: Numbers = Numbers {
        decimal_comma: true,
    };

    #[test]
    fn numbers() {
        assert_eq!(DOT.read(" 0.5 "), Some(0.5));
        assert_eq!(DOT.read("0,5"), None);
        assert_eq!(COMMA.read("0,5"), Some(0.5));
        assert_eq!(COMMA.read("1 234,5"), Some(1234.5));
        assert_eq!(COMMA.read("1.234,5"), Some(1234.5));
        assert_eq!(DOT.read("inf"), None);
        assert_eq!(DOT.read("1e400"), None);
        assert_eq!(DOT.read_fraction("60%"), Some(0.6));
        assert_eq!(COMMA.write(0.25), "0,25");
        assert_eq!(DOT.write(3.0), "3");
    }

    #[test]
    fn lists_notes_moves() {
        let list = items("a | b\\|c \n d,e", true);
        assert_eq!(
            list.iter().map(|i| text(i)).collect::<Vec<_>>(),
            ["a", "b|c", "d", "e"]
        );
        let n = note(&items("Too slow [high id=p1]", false)[0]);
        assert_eq!(
            (n.text.as_str(), n.severity, n.id.as_deref()),
            ("Too slow", Some(NoteSeverity::High), Some("p1"))
        );
        let n = note(&items("Slow [sic]", false)[0]);
        assert_eq!((n.text.as_str(), n.severity), ("Slow [sic]", None));
        let (t, w) = move_item(&items("pay (0,6 n=12)", false)[0], COMMA);
        assert_eq!(
            (t.as_str(), w.probability, w.count),
            ("pay", Some(0.6), Some(12.0))
        );
        let (t, w) = move_item(&items("Step (hotline)", false)[0], DOT);
        assert_eq!((t.as_str(), w), ("Step (hotline)", Weights::default()));
        assert_eq!(
            entry_item(&items("yes", false)[0], DOT),
            Ok(Some(Weights::default()))
        );
        assert_eq!(entry_item(&items("no", false)[0], DOT), Ok(None));
        assert_eq!(
            entry_item(&items("60%", false)[0], DOT).map(|w| w.and_then(|w| w.probability)),
            Ok(Some(0.6))
        );
        assert!(entry_item(&items("maybe", false)[0], DOT).is_err());
        for s in ["a|b", " pad ", "x\\y", "line\nbreak", "(p)"] {
            let back = items(&escape_item(s, &['(', ')']), false);
            assert_eq!(text(&back[0]), s);
        }
        assert_eq!(
            moment_of_truth("First"),
            Some((true, Some(MomentOfTruthKind::First)))
        );
        assert_eq!(
            moment_of_truth("no (zero)"),
            Some((false, Some(MomentOfTruthKind::Zero)))
        );
        assert_eq!(moment_of_truth("maybe"), None);
        for v in [
            Value::from("3"),
            Value::from("plain"),
            Value::from(""),
            Value::from(2.5),
            Value::Null,
        ] {
            assert_eq!(read_x(&write_x(&v)), Some(v));
        }
    }
}
