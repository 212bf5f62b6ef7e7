//! Text inside a Mermaid diagram: entities (`#59;`, `#quot;`), `<br>` line breaks, and the
//! escaping that lets any name be written where Mermaid's grammar stops at `:`, `#` or `;`.

use super::lexer::is_js_space;

/// Named entities decoded on import (HTML names; Mermaid renders `#name;` as `&name;`).
const NAMED: &[(&str, char)] = &[
    ("quot", '"'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("apos", '\''),
    ("nbsp", '\u{a0}'),
    ("num", '#'),
    ("semi", ';'),
    ("colon", ':'),
    ("comma", ','),
    ("percnt", '%'),
    ("lcub", '{'),
    ("rcub", '}'),
    ("lbrace", '{'),
    ("rbrace", '}'),
];

/// Decodes `#123;` (decimal code point) and the named entities above; any other `#...;` is
/// kept as written.
pub(super) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('#') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let decoded = if name_len > 0 && after[name_len..].starts_with(';') {
            decode_one(&after[..name_len])
        } else {
            None
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &after[name_len + 1..];
            }
            None => {
                out.push('#');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if name.bytes().all(|b| b.is_ascii_digit()) {
        return name
            .parse::<u32>()
            .ok()
            .and_then(char::from_u32)
            .filter(|&c| c != '\0');
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

/// Length in bytes of a `<br>` tag at the start of `text` (`<br>`, `<br/>`, `<br />`, any case),
/// as Mermaid's renderer splits lines on `/<br\s*\/?>/gi`.
fn br_len(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if b.len() < 4 || b[0] != b'<' || !b[1].eq_ignore_ascii_case(&b'b') {
        return None;
    }
    if !b[2].eq_ignore_ascii_case(&b'r') {
        return None;
    }
    let mut i = 3;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    if b.get(i) == Some(&b'/') {
        i += 1;
    }
    (b.get(i) == Some(&b'>')).then_some(i + 1)
}

/// `<br>` tags as `\n`.
pub(super) fn breaks_to_newlines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if let Some(n) = br_len(&text[i..]) {
            out.push('\n');
            i += n;
        } else if let Some(c) = text[i..].chars().next() {
            out.push(c);
            i += c.len_utf8();
        } else {
            break;
        }
    }
    out
}

/// A name as read: entities decoded, `<br>` as line breaks when `breaks`, white space around it
/// removed (a name of white space only is empty).
pub(super) fn read_name(raw: &str, breaks: bool) -> String {
    // Breaks first: `#60;br>` is a literal `<br>`, as in Mermaid, whose renderer splits lines
    // before it decodes entities.
    let raw = raw.trim();
    let text = if breaks {
        decode_entities(&breaks_to_newlines(raw))
    } else {
        decode_entities(raw)
    };
    if text.trim().is_empty() {
        String::new()
    } else {
        text
    }
}

/// Where a text is written, which decides what must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// After `title ` (ends at `#`, `;` or the line end).
    Title,
    /// A section or task name (ends at `:`, `#`, `;` or the line end; `<br>` is a line break).
    Name,
    /// An actor (also ends at `,`).
    Actor,
    /// After `accTitle:` or `accDescr:` (the rest of the line).
    Line,
    /// Inside `accDescr { ... }` (ends at `}`).
    Block,
}

fn entity(out: &mut String, c: char) {
    out.push_str(&format!("#{};", u32::from(c)));
}

/// `text` written so that Mermaid reads it back as it is: the characters its grammar stops at
/// (`:`, `#`, `;`, and `,` in actors, `}` in a block) as numeric entities, which Mermaid renders
/// as the characters themselves; `%%` (a comment) and a literal `<br>` broken up the same way;
/// line breaks as `<br>` in names (a space where no line break can be written); white space at
/// either end of a name as entities (an empty name as one space, which reads back as empty).
pub(super) fn escape(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.chars().collect();
    let first_kept = chars.iter().position(|&c| !is_js_space(c));
    let last_kept = chars.iter().rposition(|&c| !is_js_space(c));
    let edge = |i: usize| first_kept.is_none_or(|f| i < f) || last_kept.is_none_or(|l| i > l);
    let mut byte = 0;
    for (i, &c) in chars.iter().enumerate() {
        let rest = &text[byte..];
        byte += c.len_utf8();
        let name = matches!(place, Place::Name | Place::Actor);
        match c {
            '\n' | '\r' if place == Place::Name => {
                if c == '\n' {
                    out.push_str("<br>");
                }
            }
            '\n' | '\r' if place == Place::Block => out.push(c),
            '\n' | '\r' => out.push(' '),
            '#' | ';' => entity(&mut out, c),
            ':' if name => entity(&mut out, c),
            ',' if place == Place::Actor => entity(&mut out, c),
            '}' if place == Place::Block => entity(&mut out, c),
            '%' if rest[1..].starts_with('%') => entity(&mut out, c),
            '<' if br_len(rest).is_some() => entity(&mut out, c),
            c if name && is_js_space(c) && edge(i) => entity(&mut out, c),
            c => out.push(c),
        }
    }
    if out.is_empty() && matches!(place, Place::Name | Place::Actor) {
        out.push_str("#32;");
    }
    if place == Place::Name {
        guard_keyword(&mut out);
    }
    out
}

/// A task or section name must not start with a word Mermaid's lexer takes first: `journey`,
/// `title ` or `section ` (then it is not a task), `accDescr {`. Its first letter becomes an
/// entity.
fn guard_keyword(name: &mut String) {
    let lower = name.to_ascii_lowercase();
    let spaced = |w: &str| {
        lower
            .strip_prefix(w)
            .is_some_and(|r| r.starts_with(is_js_space))
    };
    let acc = lower
        .strip_prefix("accdescr")
        .is_some_and(|r| r.trim_start_matches(is_js_space).starts_with('{'));
    if lower.starts_with("journey") || spaced("title") || spaced("section") || acc {
        if let Some(first) = name.chars().next() {
            let mut out = String::new();
            entity(&mut out, first);
            out.push_str(&name[first.len_utf8()..]);
            *name = out;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_breaks() {
        assert_eq!(decode_entities("a#59;b#quot;c#zz;#"), "a;b\"c#zz;#");
        assert_eq!(decode_entities("#9829; #0; #;"), "♥ #0; #;");
        assert_eq!(
            breaks_to_newlines("A<br>B<BR/>C<br\t/>D</br />E"),
            "A\nB\nC\nD</br />E"
        );
        assert_eq!(read_name("  #32; ", false), "");
        assert_eq!(read_name(" L1<br>L2 ", true), "L1\nL2");
    }

    #[test]
    fn escaping_reads_back() {
        for (text, place) in [
            ("Pay: now #1; ok", Place::Name),
            ("Line1\nLine2", Place::Name),
            ("a <br> literal", Place::Name),
            ("100%% sure", Place::Name),
            ("Journey planning", Place::Name),
            ("title of it", Place::Name),
            ("title\u{feff}x", Place::Name),
            ("section\u{feff}x", Place::Name),
            ("\u{feff}padded\u{feff}", Place::Name),
            (" padded ", Place::Name),
            ("Smith, Ann", Place::Actor),
        ] {
            let written = escape(text, place);
            let back = read_name(&written, place == Place::Name);
            assert_eq!(back, text, "{written}");
        }
        assert_eq!(escape("", Place::Name), "#32;");
        assert_eq!(escape("Journey", Place::Name), "#74;ourney");
        // U+FEFF is white space to Mermaid's lexer (JavaScript's `\s`).
        assert_eq!(escape("title\u{feff}x", Place::Name), "#116;itle\u{feff}x");
        assert_eq!(escape("\u{feff}x\u{feff}", Place::Name), "#65279;x#65279;");
        assert_eq!(escape("a}b", Place::Block), "a#125;b");
    }
}
