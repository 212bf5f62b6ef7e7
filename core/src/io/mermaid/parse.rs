//! Mermaid's `journey` grammar (`journey.jison`) over the lexer's tokens, and what `journeyDb`
//! does with each statement:
//!
//! ```text
//! start     : journey document EOF
//! statement : title | acc_title acc_title_value | acc_descr acc_descr_value
//!           | acc_descr_multiline_value | section | taskName taskData
//! ```
//!
//! A task's data is split on `:`: the first field is the score (`Number(...)` in Mermaid), the
//! second the actors split on `,` and trimmed; further fields are ignored (JM204). A statement
//! that does not fit the grammar is JM201 and the rest of its line is skipped.

use super::lexer::{Kind, Source, Token};
use super::text::{decode_entities, read_name};
use crate::diagnostics::{Diagnostic, codes};
use crate::io::imported::pointer;

/// A text of the diagram with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Text {
    pub(super) value: String,
    pub(super) at: (u32, u32),
}

/// One task.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Task {
    pub(super) name: Text,
    /// Index into `Diagram::sections`.
    pub(super) section: usize,
    /// The score on Mermaid's 1..5 scale; `None` when it was not a number in range.
    pub(super) score: Option<f64>,
    /// Where the score is written.
    pub(super) score_at: (u32, u32),
    /// Actors, trimmed, without empty ones and repeats.
    pub(super) actors: Vec<Text>,
}

/// What a diagram says.
#[derive(Debug, Default)]
pub(super) struct Diagram {
    pub(super) title: Option<Text>,
    pub(super) acc_title: Option<Text>,
    pub(super) acc_descr: Option<Text>,
    /// Section names in order; an unnamed section (empty name) holds tasks written before any
    /// `section` line.
    pub(super) sections: Vec<Text>,
    pub(super) tasks: Vec<Task>,
}

fn diagnostic(code: crate::Code, path: &str, at: (u32, u32), message: String) -> Diagnostic {
    Diagnostic::new(code, path, message).at(Some(at.0), Some(at.1))
}

/// Parses `text`; `None` (with JM200) when it is not a `journey` diagram.
pub(super) fn parse(input: &str, diagnostics: &mut Vec<Diagnostic>) -> Option<Diagram> {
    let source = Source::new(input);
    let tokens = source.tokens();
    let mut it = tokens.iter().skip_while(|t| t.kind == Kind::Newline);
    if it.next().filter(|t| t.kind == Kind::Journey).is_none() {
        let at = tokens.first().map_or((1, 1), |t| t.at);
        let message = if tokens.is_empty() {
            "the text is empty: a Mermaid journey starts with `journey`".to_owned()
        } else {
            "not a Mermaid journey diagram: the text must start with `journey`".to_owned()
        };
        diagnostics.push(diagnostic(codes::NOT_A_JOURNEY, "", at, message));
        return None;
    }
    let mut diagram = Diagram::default();
    if let Some((title, at)) = &source.front_title {
        diagram.title = Some(Text {
            value: decode_entities(title).trim().to_owned(),
            at: *at,
        });
    }
    let rest: Vec<&Token> = it.collect();
    let mut i = 0;
    while i < rest.len() {
        let token = rest[i];
        i += 1;
        match &token.kind {
            Kind::Newline => {}
            Kind::Title(t) => diagram.title = Some(text(t, token, false)),
            Kind::AccTitle(t) => diagram.acc_title = Some(text(t, token, false)),
            Kind::AccDescr(t) => diagram.acc_descr = Some(descr(t, token)),
            Kind::AccDescrBlock(t, closed) => {
                if !closed {
                    diagnostics.push(diagnostic(
                        codes::UNCLOSED_ACC_DESCR,
                        "/description",
                        token.at,
                        "the `accDescr {` block has no closing `}`: it runs to the end of the text"
                            .to_owned(),
                    ));
                }
                diagram.acc_descr = Some(descr(t, token));
            }
            Kind::Section(name) => diagram.sections.push(text(name, token, true)),
            Kind::TaskName(name) => match rest.get(i).map(|t| &t.kind) {
                Some(Kind::TaskData(data)) => {
                    let data_token = rest[i];
                    i += 1;
                    let task = task(&mut diagram, name, token, data, data_token, diagnostics);
                    diagram.tasks.push(task);
                }
                _ => {
                    let at = rest.get(i).map_or_else(
                        || token.text_at.last().map_or(token.at, |&(l, c)| (l, c + 1)),
                        |t| t.at,
                    );
                    let message = format!(
                        "`{}` needs a score after a colon, as in `{}: 3`",
                        name.trim(),
                        name.trim()
                    );
                    diagnostics.push(diagnostic(codes::MERMAID_SYNTAX, "", at, message));
                    i = skip_line(&rest, i, token.at.0);
                }
            },
            other => {
                diagnostics.push(diagnostic(
                    codes::MERMAID_SYNTAX,
                    "",
                    token.at,
                    unexpected(other),
                ));
                i = skip_line(&rest, i, token.at.0);
            }
        }
    }
    Some(diagram)
}

/// Index of the first token at or after `i` that is a newline or starts on another line than
/// `line`, the line of the bad token (the rest of a bad line is skipped). The lexer's white-space
/// rule takes a line end after spaces with them, so a newline token cannot be relied on alone.
fn skip_line(tokens: &[&Token], mut i: usize, line: u32) -> usize {
    while i < tokens.len() && tokens[i].kind != Kind::Newline && tokens[i].at.0 == line {
        i += 1;
    }
    i
}

fn unexpected(kind: &Kind) -> String {
    match kind {
        Kind::Journey => {
            "`journey` may only start the diagram (a task name cannot start with it: write `#74;ourney` for a capital J)".to_owned()
        }
        Kind::Colon => "a `:` without a score after it".to_owned(),
        Kind::TaskData(_) => "a `:` without a task name before it".to_owned(),
        Kind::Invalid(';') => {
            "Mermaid does not accept `;` here (write `#59;` for a semicolon)".to_owned()
        }
        Kind::Invalid(c) => format!("Mermaid does not accept `{c}` here"),
        _ => "unexpected text".to_owned(),
    }
}

fn text(raw: &str, token: &Token, breaks: bool) -> Text {
    Text {
        value: read_name(raw, breaks),
        at: token.at,
    }
}

/// An accessibility description: trimmed, the white space after each line break removed (as
/// Mermaid's `setAccDescription` does, blank lines included), entities decoded.
fn descr(raw: &str, token: &Token) -> Text {
    let mut value = String::new();
    let mut chars = raw.trim().chars().peekable();
    while let Some(c) = chars.next() {
        value.push(c);
        if c == '\n' {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
        }
    }
    Text {
        value: decode_entities(&value),
        at: token.at,
    }
}

/// The fields of a task's data: each field's text and the position of each of its characters.
fn fields<'t>(data: &str, at: &'t [(u32, u32)]) -> Vec<(String, &'t [(u32, u32)])> {
    let mut out = Vec::new();
    let chars: Vec<char> = data.chars().collect();
    let mut start = 0;
    for k in 0..=chars.len() {
        if k == chars.len() || chars[k] == ':' {
            let field: String = chars[start..k].iter().collect();
            out.push((field, &at[start.min(at.len())..k.min(at.len())]));
            start = k + 1;
        }
    }
    out
}

/// Position of the first non-blank character of a field, else of the field's start.
fn field_at(field: &str, at: &[(u32, u32)], fallback: (u32, u32)) -> (u32, u32) {
    let skip = field.chars().take_while(|c| c.is_whitespace()).count();
    at.get(skip).or(at.first()).copied().unwrap_or(fallback)
}

fn task(
    diagram: &mut Diagram,
    name: &str,
    name_token: &Token,
    data: &str,
    data_token: &Token,
    diagnostics: &mut Vec<Diagnostic>,
) -> Task {
    if diagram.sections.is_empty() {
        diagram.sections.push(Text {
            value: String::new(),
            at: name_token.at,
        });
    }
    let index = diagram.tasks.len();
    let fields = fields(data, &data_token.text_at);
    let (score_text, score_chars) = fields
        .first()
        .map_or(("", &[][..]), |(f, a)| (f.as_str(), *a));
    let score_at = field_at(score_text, score_chars, data_token.at);
    let task_name = read_name(name, true);
    let path = pointer(&["touchpoints", &index.to_string(), "measures", "emotion"]);
    let score = score(score_text, &task_name, &path, score_at, diagnostics);
    let actors = fields
        .get(1)
        .map(|(list, chars)| actors(list, chars, data_token.at))
        .unwrap_or_default();
    if let Some((_, chars)) = fields.iter().skip(2).find(|(f, _)| !f.trim().is_empty()) {
        let at = chars.first().copied().unwrap_or(data_token.at);
        diagnostics.push(diagnostic(
            codes::EXTRA_TASK_FIELD,
            &pointer(&["touchpoints", &index.to_string()]),
            at,
            "only the score and one actor list are read; what follows the third `:` is ignored (separate actors with commas)".to_owned(),
        ));
    }
    Task {
        name: Text {
            value: task_name,
            at: name_token.at,
        },
        section: diagram.sections.len() - 1,
        score,
        score_at,
        actors,
    }
}

/// A task's score on Mermaid's 1..5; `None` with JM202 (not a number) or JM203 (out of range).
fn score(
    text: &str,
    task: &str,
    path: &str,
    at: (u32, u32),
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<f64> {
    let (code, message) = match parse_score(text) {
        Ok(s) if (1.0..=5.0).contains(&s) => return Some(s),
        Ok(_) => (
            codes::SCORE_OUT_OF_RANGE,
            format!(
                "the score {} of `{task}` is outside Mermaid's 1..5",
                text.trim()
            ),
        ),
        Err(()) if text.trim().is_empty() => {
            (codes::SCORE_NOT_A_NUMBER, format!("`{task}` has no score"))
        }
        Err(()) => (
            codes::SCORE_NOT_A_NUMBER,
            format!("the score `{}` of `{task}` is not a number", text.trim()),
        ),
    };
    diagnostics.push(diagnostic(code, path, at, message));
    None
}

/// The actors of a task's second field: split on `,`, trimmed, without empty ones and repeats.
fn actors(list: &str, chars: &[(u32, u32)], fallback: (u32, u32)) -> Vec<Text> {
    let mut out: Vec<Text> = Vec::new();
    let mut start = 0;
    for part in list.split(',') {
        let at = field_at(part, &chars[start.min(chars.len())..], fallback);
        start += part.chars().count() + 1;
        let value = read_name(part, false);
        if !value.is_empty() && !out.iter().any(|a| a.value == value) {
            out.push(Text { value, at });
        }
    }
    out
}

/// A score as JavaScript's `Number()` reads it, finite: a decimal number with optional sign and
/// exponent, or `0x`/`0o`/`0b` digits, around white space. An empty text is not a score.
fn parse_score(raw: &str) -> Result<f64, ()> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(());
    }
    let radix = |p: &str, r: u32| {
        s.get(2..)
            .filter(|_| s[..2].eq_ignore_ascii_case(p))
            .map(|d| u64::from_str_radix(d, r))
    };
    for (p, r) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if let Some(v) = radix(p, r) {
            return v.map(|v| v as f64).map_err(|_| ());
        }
    }
    let decimal = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'));
    match s.parse::<f64>() {
        Ok(v) if decimal && v.is_finite() => Ok(v),
        _ => Err(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_as_javascript_reads_them() {
        for (text, want) in [
            ("5", Some(5.0)),
            (" 3 ", Some(3.0)),
            ("+2", Some(2.0)),
            ("2.5", Some(2.5)),
            (".5e1", Some(5.0)),
            ("0x3", Some(3.0)),
            ("", None),
            ("five", None),
            ("inf", None),
            ("Infinity", None),
            ("NaN", None),
            ("1,5", None),
        ] {
            assert_eq!(parse_score(text).ok(), want, "{text:?}");
        }
    }
}
