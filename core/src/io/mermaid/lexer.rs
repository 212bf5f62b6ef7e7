//! Mermaid's `journey` lexer (`journey.jison`), rule for rule, after Mermaid's own preprocessing
//! (`preprocess.ts`, `comments.ts`, `utils.ts encodeEntities`).
//!
//! Preprocessing, in Mermaid's order: line ends become `\n`; a YAML front matter block at the
//! very start is removed (its `title:` is kept); `%%{...}%%` directives are removed; lines whose
//! first non-blank characters are `%%` (not `%%{`) are removed; leading white space is removed.
//! Entities `#name;` and `#123;` are then opaque: their `#` and `;` are text, not a comment or a
//! separator. Every character keeps its line and column in the original text.
//!
//! The lexer is case-insensitive and, like jison's, tries its rules in order at each position and
//! takes the first that matches (not the longest).

/// A character of the preprocessed text, with where it was in the original.
#[derive(Debug, Clone, Copy)]
struct Char {
    c: char,
    /// 1-based line and column (in characters) in the original text.
    at: (u32, u32),
    /// Part of an entity (`#59;`): never a comment start, separator or line end.
    opaque: bool,
}

/// The text after preprocessing.
#[derive(Debug)]
pub(super) struct Source {
    chars: Vec<Char>,
    /// Position just after the last character.
    end: (u32, u32),
    /// The `title:` of a front matter block, with its position.
    pub(super) front_title: Option<(String, (u32, u32))>,
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    Journey,
    /// `title` and its text (everything after `title` and one white-space character).
    Title(String),
    AccTitle(String),
    AccDescr(String),
    /// The text of an `accDescr { ... }` block, and whether its `}` was found.
    AccDescrBlock(String, bool),
    /// `section` and its name (everything after `section` and one white-space character).
    Section(String),
    TaskName(String),
    /// `:` and what follows it up to `#`, `;` or the end of the line (the `:` excluded).
    TaskData(String),
    Colon,
    Newline,
    /// A character no rule accepts (`;`).
    Invalid(char),
}

/// What a lexer rule matched: where the next token starts, and the token with the range of its
/// text, unless the rule skips what it matched.
type Matched = (usize, Option<(Kind, usize, usize)>);

/// A token with the position of its first character, and the position of each character of
/// its text (for diagnostics inside it).
#[derive(Debug, Clone)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) at: (u32, u32),
    /// Positions of the characters of the token's text (`TaskData`: after the `:`).
    pub(super) text_at: Vec<(u32, u32)>,
}

impl Source {
    /// Preprocesses `text` as Mermaid does before lexing.
    pub(super) fn new(text: &str) -> Self {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut chars = Vec::with_capacity(text.len());
        let (mut line, mut column) = (1u32, 1u32);
        let mut it = text.chars().peekable();
        while let Some(mut c) = it.next() {
            if c == '\r' {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                c = '\n';
            }
            chars.push(Char {
                c,
                at: (line, column),
                opaque: false,
            });
            if c == '\n' {
                line = line.saturating_add(1);
                column = 1;
            } else {
                column = column.saturating_add(1);
            }
        }
        let end = (line, column);
        let front_title = strip_front_matter(&mut chars);
        strip_directives(&mut chars);
        strip_comment_lines(&mut chars);
        let start = chars
            .iter()
            .position(|c| !is_js_space(c.c))
            .unwrap_or(chars.len());
        chars.drain(..start);
        mark_entities(&mut chars);
        Self {
            chars,
            end,
            front_title,
        }
    }

    /// Position of the character at `i` (the end for `i` past it).
    fn at(&self, i: usize) -> (u32, u32) {
        self.chars.get(i).map_or(self.end, |c| c.at)
    }

    /// Whether the character at `i` is `c` and not part of an entity.
    fn is(&self, i: usize, c: char) -> bool {
        self.chars.get(i).is_some_and(|x| x.c == c && !x.opaque)
    }

    /// Whether the text at `i` starts with the ASCII word `w`, ignoring case.
    fn word(&self, i: usize, w: &str) -> bool {
        w.chars().enumerate().all(|(k, wc)| {
            self.chars
                .get(i + k)
                .is_some_and(|x| !x.opaque && x.c.eq_ignore_ascii_case(&wc))
        })
    }

    fn is_space(&self, i: usize) -> bool {
        self.chars
            .get(i)
            .is_some_and(|x| !x.opaque && is_js_space(x.c))
    }

    /// First index at or after `i` that is not white space.
    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.is_space(i) {
            i += 1;
        }
        i
    }

    /// First index at or after `i` holding one of `stops` (outside entities), or the end.
    fn until(&self, mut i: usize, stops: &[char]) -> usize {
        while let Some(x) = self.chars.get(i) {
            if !x.opaque && stops.contains(&x.c) {
                break;
            }
            i += 1;
        }
        i
    }

    fn text(&self, from: usize, to: usize) -> (String, Vec<(u32, u32)>) {
        let slice = &self.chars[from.min(self.chars.len())..to.min(self.chars.len())];
        (
            slice.iter().map(|c| c.c).collect(),
            slice.iter().map(|c| c.at).collect(),
        )
    }

    /// Every token, in order (the end of the text is not a token).
    pub(super) fn tokens(&self) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.chars.len() {
            let (next, kind) = self.rule(i);
            if let Some((kind, text_from, text_to)) = kind {
                let (_, text_at) = self.text(text_from, text_to);
                out.push(Token {
                    kind,
                    at: self.at(i),
                    text_at,
                });
            }
            // Every rule consumes at least one character.
            i = next.max(i + 1);
        }
        out
    }

    /// The first rule that matches at `i`: where the next token starts, and the token (with the
    /// range of its text) unless the rule skips what it matched.
    fn rule(&self, i: usize) -> Matched {
        let line_end = |from: usize| self.until(from, &['\n']);
        // \%%(?!\{)[^\n]*   and   [^\}]\%\%[^\n]*   (comments)
        if self.is(i, '%') && self.is(i + 1, '%') && !self.is(i + 2, '{') {
            return (line_end(i), None);
        }
        if !self.is(i, '}') && self.is(i + 1, '%') && self.is(i + 2, '%') {
            return (line_end(i + 1), None);
        }
        // [\n]+
        if self.is(i, '\n') {
            let mut j = i;
            while self.is(j, '\n') {
                j += 1;
            }
            return (j, Some((Kind::Newline, i, i)));
        }
        // \s+   and   \#[^\n]*
        if self.is_space(i) {
            return (self.skip_spaces(i), None);
        }
        if self.is(i, '#') {
            return (line_end(i), None);
        }
        if self.word(i, "journey") {
            return (i + 7, Some((Kind::Journey, i, i + 7)));
        }
        // "title"\s[^#\n;]+
        if self.word(i, "title") && self.is_space(i + 5) {
            let end = self.until(i + 6, &['#', '\n', ';']);
            if end > i + 6 {
                let (t, _) = self.text(i + 6, end);
                return (end, Some((Kind::Title(t), i + 6, end)));
            }
        }
        if let Some(token) = self.accessibility(i) {
            return token;
        }
        // "section"\s[^#:\n;]+
        if self.word(i, "section") && self.is_space(i + 7) {
            let end = self.until(i + 8, &['#', ':', '\n', ';']);
            if end > i + 8 {
                let (t, _) = self.text(i + 8, end);
                return (end, Some((Kind::Section(t), i + 8, end)));
            }
        }
        // [^#:\n;]+   (task name)
        let end = self.until(i, &['#', ':', '\n', ';']);
        if end > i {
            let (t, _) = self.text(i, end);
            return (end, Some((Kind::TaskName(t), i, end)));
        }
        // ":"[^#\n;]+   and   ":"
        if self.is(i, ':') {
            let end = self.until(i + 1, &['#', '\n', ';']);
            if end > i + 1 {
                let (t, _) = self.text(i + 1, end);
                return (end, Some((Kind::TaskData(t), i + 1, end)));
            }
            return (i + 1, Some((Kind::Colon, i, i + 1)));
        }
        let c = self.chars.get(i).map_or(' ', |x| x.c);
        (i + 1, Some((Kind::Invalid(c), i, i + 1)))
    }

    /// `accTitle:` / `accDescr:` (value: the rest of the line) and `accDescr {` (value: up to
    /// the next `}`, or the end of the text).
    fn accessibility(&self, i: usize) -> Option<Matched> {
        let title = self.word(i, "acctitle");
        if !title && !self.word(i, "accdescr") {
            return None;
        }
        let after = self.skip_spaces(i + 8);
        if self.is(after, ':') {
            let from = self.skip_spaces(after + 1);
            let end = self.until(from, &['\n']);
            let (t, _) = self.text(from, end);
            let kind = if title {
                Kind::AccTitle(t)
            } else {
                Kind::AccDescr(t)
            };
            return Some((end, Some((kind, from, end))));
        }
        if !title && self.is(after, '{') {
            let from = self.skip_spaces(after + 1);
            let end = self.until(from, &['}']);
            let closed = end < self.chars.len();
            let (t, _) = self.text(from, end);
            let next = if closed { end + 1 } else { end };
            return Some((next, Some((Kind::AccDescrBlock(t, closed), from, end))));
        }
        None
    }
}

/// JavaScript's `\s`.
pub(super) fn is_js_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The characters of each line: (start, end) indices, the end excluding the `\n`.
fn lines(chars: &[Char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in chars.iter().enumerate() {
        if c.c == '\n' {
            out.push((start, i));
            start = i + 1;
        }
    }
    out.push((start, chars.len()));
    out
}

fn line_text(chars: &[Char], (from, to): (usize, usize)) -> String {
    chars[from..to].iter().map(|c| c.c).collect()
}

/// Removes a front matter block (`---` lines around YAML) at the very start; returns its
/// `title:` (a plain or quoted scalar on one line).
fn strip_front_matter(chars: &mut Vec<Char>) -> Option<(String, (u32, u32))> {
    let lines = lines(chars);
    let is_fence = |l: (usize, usize)| line_text(chars, l).trim_end() == "---";
    if !lines.first().is_some_and(|&l| is_fence(l) && l.0 == 0) {
        return None;
    }
    let close = lines.iter().skip(1).position(|&l| is_fence(l))? + 1;
    let mut title = None;
    for &l in &lines[1..close] {
        let text = line_text(chars, l);
        if let Some(rest) = text.strip_prefix("title:") {
            let value = rest.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            title = Some((value.to_owned(), chars[l.0].at));
        }
    }
    let end = lines[close].1;
    let end = if end < chars.len() { end + 1 } else { end };
    chars.drain(..end);
    title
}

/// Removes `%%{ ... }%%` directives (to the end of the text when unterminated).
fn strip_directives(chars: &mut Vec<Char>) {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let at = |k: usize, c: char| chars.get(k).is_some_and(|x| x.c == c);
        if at(i, '%') && at(i + 1, '%') && at(i + 2, '{') {
            let mut j = i + 3;
            while j < chars.len() && !(at(j, '}') && at(j + 1, '%') && at(j + 2, '%')) {
                j += 1;
            }
            i = (j + 3).min(chars.len());
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    *chars = out;
}

/// Removes the lines whose first non-blank characters are `%%` followed by at least one
/// character that is not `{`, with their line end.
fn strip_comment_lines(chars: &mut Vec<Char>) {
    let mut out = Vec::with_capacity(chars.len());
    for (from, to) in lines(chars) {
        let text = line_text(chars, (from, to));
        let rest = text.trim_start_matches(is_js_space);
        let comment = rest
            .strip_prefix("%%")
            .is_some_and(|r| !r.is_empty() && !r.starts_with('{'));
        if !comment {
            out.extend_from_slice(&chars[from..(to + 1).min(chars.len())]);
        }
    }
    *chars = out;
}

/// Marks the characters of `#name;` and `#123;` entities (`#\w+;`) as opaque.
fn mark_entities(chars: &mut [Char]) {
    let mut i = 0;
    while i < chars.len() {
        if chars[i].c == '#' {
            let mut j = i + 1;
            while chars
                .get(j)
                .is_some_and(|x| x.c.is_ascii_alphanumeric() || x.c == '_')
            {
                j += 1;
            }
            if j > i + 1 && chars.get(j).is_some_and(|x| x.c == ';') {
                for c in &mut chars[i..=j] {
                    c.opaque = true;
                }
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
}
