//! JSON pointer → line and column in the source text.
//!
//! Only run when there are diagnostics to place, over text already known to be valid JSON: from
//! the offsets the parser noted (the root's members and their items, see [`Anchors`]), a walk of
//! the one value each diagnostic lies in, recording the offset of the values whose pointers (or
//! their prefixes) are wanted; the whole text is walked only for what no noted offset covers.

use std::fmt::Write as _;

use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::anchors::Anchors;
use crate::diagnostics::{Diagnostic, escape_token};

struct Scanner<'t> {
    text: &'t str,
    bytes: &'t [u8],
    pos: usize,
    /// Every wanted pointer and every prefix of one.
    wanted: &'t HashSet<String>,
    /// The pointers with a wanted pointer strictly below them.
    parents: &'t HashSet<String>,
    found: HashMap<String, usize>,
}

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while let Some(b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    /// Byte range of the string token starting at `self.pos` (which is a `"`).
    fn string_end(&self) -> usize {
        string_end(self.bytes, self.pos)
    }

    /// Moves past one value (scalar, string, array or object) without looking inside.
    fn skip(&mut self) {
        match self.bytes.get(self.pos) {
            Some(b'"') => self.pos = self.string_end(),
            Some(b'{' | b'[') => self.pos = container_end(self.bytes, self.pos),
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    /// Moves past a number, `true`, `false` or `null`.
    fn skip_scalar(&mut self) {
        while let Some(b) = self.bytes.get(self.pos) {
            if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.pos += 1;
        }
    }

    // One arm per JSON value kind; objects and arrays walk their members in place.
    fn value(&mut self, pointer: &mut String, depth: usize) {
        self.skip_ws();
        if !self.wanted.contains(pointer.as_str()) {
            // `wanted` holds every prefix of every target: nothing below is wanted.
            self.skip();
            return;
        }
        // The last occurrence wins, as in the parsed value (a duplicate key is located at its repeat).
        self.found.insert(pointer.clone(), self.pos);
        if !self.parents.contains(pointer.as_str()) {
            self.skip();
            return;
        }
        match self.bytes.get(self.pos) {
            Some(b'{') if depth < 1024 => self.object(pointer, depth),
            Some(b'[') if depth < 1024 => self.array(pointer, depth),
            Some(b'"') => self.pos = self.string_end(),
            Some(_) => self.skip_scalar(),
            None => {}
        }
    }

    /// The members of the object at `pos` (at its `{`), each at its key's pointer.
    fn object(&mut self, pointer: &mut String, depth: usize) {
        self.pos += 1;
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b'}') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(b'"') => {}
                Some(_) => {
                    self.pos += 1;
                    continue;
                }
            }
            let end = self.string_end();
            let raw = self.text.get(self.pos..end).unwrap_or_default();
            let inner = raw.get(1..raw.len().saturating_sub(1)).unwrap_or_default();
            let len = pointer.len();
            pointer.push('/');
            if inner.contains(['\\', '~', '/']) {
                let key: String = serde_json::from_str(raw).unwrap_or_default();
                pointer.push_str(&escape_token(&key));
            } else {
                // Nothing to unescape in JSON nor in the pointer: the key as written.
                pointer.push_str(inner);
            }
            self.pos = end;
            self.skip_ws();
            if self.bytes.get(self.pos) == Some(&b':') {
                self.pos += 1;
            }
            self.value(pointer, depth + 1);
            pointer.truncate(len);
        }
    }

    /// The items of the array at `pos` (at its `[`), each at its index's pointer.
    fn array(&mut self, pointer: &mut String, depth: usize) {
        self.pos += 1;
        let mut index = 0usize;
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b']') | None => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                Some(_) => {}
            }
            let len = pointer.len();
            pointer.push('/');
            // Writing into a String cannot fail.
            let _ = write!(pointer, "{index}");
            self.value(pointer, depth + 1);
            pointer.truncate(len);
            index += 1;
        }
    }
}

/// The offset just past the string token that starts at `at` (a `"`); the end of the text when
/// it is not closed.
fn string_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while let Some(found) = bytes
        .get(i..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        i += found;
        if bytes.get(i) == Some(&b'"') {
            return i + 1;
        }
        // A backslash: the next byte is escaped.
        i += 2;
    }
    bytes.len()
}

/// What a byte means to [`container_end`]: 0 nothing, 1 a quote, 2 an opening bracket, 3 a
/// closing one, 4 a backslash.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'"' as usize] = 1;
    table[b'{' as usize] = 2;
    table[b'[' as usize] = 2;
    table[b'}' as usize] = 3;
    table[b']' as usize] = 3;
    table[b'\\' as usize] = 4;
    table
};

/// The offset just past the array or object that starts at `at` (a `[` or `{`): one pass over
/// its bytes, with brackets inside strings not counted.
fn container_end(bytes: &[u8], at: usize) -> usize {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        let class = CLASS[usize::from(b)];
        if class == 0 {
            escaped = false;
            continue;
        }
        if in_string {
            match class {
                1 if !escaped => in_string = false,
                4 => {
                    escaped = !escaped;
                    continue;
                }
                _ => {}
            }
            escaped = false;
            continue;
        }
        match class {
            1 => in_string = true,
            2 => depth += 1,
            3 => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// Every prefix of a JSON pointer, the pointer itself included (`/a/b` → `""`, `/a`, `/a/b`).
fn prefixes(pointer: &str) -> impl Iterator<Item = &str> {
    std::iter::once("")
        .chain(
            pointer
                .match_indices('/')
                .skip(1)
                .map(|(i, _)| &pointer[..i]),
        )
        .chain((!pointer.is_empty()).then_some(pointer))
}

/// Fills `line` and `column` of every diagnostic that has none, from its pointer: the position of
/// the value it points at, or of its nearest existing parent.
pub(crate) fn fill_positions(text: &str, anchors: &Anchors, diagnostics: &mut [Diagnostic]) {
    let mut targets: Vec<Option<usize>> = vec![None; diagnostics.len()];
    // Pointers to look for below a noted value (by its offset), and pointers from the root.
    let mut below: HashMap<usize, Vec<(usize, &str)>> = HashMap::new();
    let mut whole: Vec<(usize, &str)> = Vec::new();
    for (i, d) in diagnostics.iter().enumerate() {
        if d.line.is_some() {
            continue;
        }
        match anchors.start(text, d.path.as_str()) {
            Some((at, "")) => targets[i] = Some(at),
            Some((at, rest)) => below.entry(at).or_default().push((i, rest)),
            None => whole.push((i, d.path.as_str())),
        }
    }
    for (at, wanted) in &below {
        locate(text, *at, wanted, &mut targets);
    }
    if !whole.is_empty() {
        locate(text, 0, &whole, &mut targets);
    }
    let mut offsets: Vec<usize> = targets.iter().flatten().copied().collect();
    offsets.sort_unstable();
    offsets.dedup();
    let positions = line_columns(text, &offsets);
    for (d, target) in diagnostics.iter_mut().zip(targets) {
        if let Some((line, column)) = target.and_then(|o| positions.get(&o)) {
            d.line = Some(*line);
            d.column = Some(*column);
        }
    }
}

/// Walks the value at `at` and sets, for each `(diagnostic, pointer)` (relative to that value),
/// the offset of the value the pointer names or of its nearest existing parent.
fn locate(text: &str, at: usize, wanted: &[(usize, &str)], targets: &mut [Option<usize>]) {
    let mut all = HashSet::new();
    let mut parents = HashSet::new();
    for (_, pointer) in wanted {
        let mut prefixes = prefixes(pointer).peekable();
        while let Some(prefix) = prefixes.next() {
            if prefixes.peek().is_some() {
                parents.insert(prefix.to_owned());
            }
            all.insert(prefix.to_owned());
        }
    }
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: at,
        wanted: &all,
        parents: &parents,
        found: HashMap::new(),
    };
    scanner.value(&mut String::new(), 0);
    for &(i, pointer) in wanted {
        if let Some(target) = targets.get_mut(i) {
            *target = prefixes(pointer)
                .filter_map(|p| scanner.found.get(p).copied())
                .last();
        }
    }
}

/// 1-based line and column (in characters) of each sorted byte offset, in one pass over the
/// bytes: a column counts the bytes of the line that start a character (not UTF-8 continuation
/// bytes).
fn line_columns(text: &str, sorted_offsets: &[usize]) -> HashMap<usize, (u32, u32)> {
    let bytes = text.as_bytes();
    let mut out = HashMap::with_capacity(sorted_offsets.len());
    // Characters since the start of the current line, up to `at`.
    let (mut line, mut chars, mut at) = (1u32, 0usize, 0usize);
    for &o in sorted_offsets {
        let o = o.clamp(at, bytes.len());
        let gap = &bytes[at..o];
        // Line ends found a word at a time; characters counted only after the last of them.
        let rest = match memchr::memrchr(b'\n', gap) {
            Some(last) => {
                let ends = memchr::memchr_iter(b'\n', gap).count();
                line = line.saturating_add(u32::try_from(ends).unwrap_or(u32::MAX));
                chars = 0;
                &gap[last + 1..]
            }
            None => gap,
        };
        chars += if rest.is_ascii() {
            rest.len()
        } else {
            rest.iter().filter(|&&b| b & 0xC0 != 0x80).count()
        };
        at = o;
        let column = u32::try_from(chars).unwrap_or(u32::MAX).saturating_add(1);
        out.insert(o, (line, column));
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::diagnostics::codes;

    #[test]
    fn places_pointers_and_falls_back_to_parents() {
        let text = "{\n  \"a\": [1,\n    {\"b~/c\": true}],\n  \"d\": \"x\"\n}";
        let mut ds = vec![
            Diagnostic::new(codes::WRONG_TYPE, "/a/1/b~0~1c", "m"),
            Diagnostic::new(codes::WRONG_TYPE, "/d", "m"),
            Diagnostic::new(codes::MISSING_FIELD, "/a/1/missing", "m"),
            Diagnostic::new(codes::MISSING_FIELD, "", "m"),
        ];
        fill_positions(text, &Anchors::default(), &mut ds);
        assert_eq!((ds[0].line, ds[0].column), (Some(3), Some(14)));
        assert_eq!((ds[1].line, ds[1].column), (Some(4), Some(8)));
        assert_eq!((ds[2].line, ds[2].column), (Some(3), Some(5)));
        assert_eq!((ds[3].line, ds[3].column), (Some(1), Some(1)));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // One line, multi-byte characters before the targets, keys that need unescaping.
        let text = r#"{"é": [1, {"b\u0021": "üü"}], "c": "x", "d": [true]}"#;
        let mut ds = vec![
            Diagnostic::new(codes::WRONG_TYPE, "/c", "m"),
            Diagnostic::new(codes::WRONG_TYPE, "/é/1/b!", "m"),
            Diagnostic::new(codes::WRONG_TYPE, "/d/0", "m"),
        ];
        fill_positions(text, &Anchors::default(), &mut ds);
        let at = |d: &Diagnostic| (d.line, d.column);
        let column = |needle: &str| {
            let byte = text.find(needle).unwrap();
            Some(u32::try_from(text[..byte].chars().count()).unwrap() + 1)
        };
        assert_eq!(at(&ds[0]), (Some(1), column(r#""x""#)));
        assert_eq!(at(&ds[1]), (Some(1), column(r#""üü""#)));
        assert_eq!(at(&ds[2]), (Some(1), column("true")));
    }

    #[test]
    fn prefixes_of_pointers() {
        assert_eq!(prefixes("/a/b").collect::<Vec<_>>(), vec!["", "/a", "/a/b"]);
        assert_eq!(prefixes("").collect::<Vec<_>>(), vec![""]);
    }
}
