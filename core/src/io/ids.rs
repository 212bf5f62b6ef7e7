//! Ids for objects that come from formats without ids (Mermaid tasks, spreadsheet rows): slugs of
//! their names, made unique.

use std::collections::HashSet;

/// Longest slug, in characters (ids may hold 256; shorter ones read better).
const MAX_SLUG: usize = 64;

/// `text` as an id: lower case, every run of characters that are not letters or digits turned
/// into one `-`, no `-` at either end, at most 64 characters. Letters outside ASCII are kept
/// (`Réserve en ligne` → `réserve-en-ligne`). `fallback` when nothing is left.
pub(crate) fn slug(text: &str, fallback: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    let mut len = 0;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
                len += 1;
            }
            dash = false;
            for l in c.to_lowercase() {
                out.push(l);
                len += 1;
            }
        } else {
            dash = true;
        }
        if len >= MAX_SLUG {
            break;
        }
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// Hands out ids that are unique within one namespace: the wanted id, else the wanted id with
/// `-2`, `-3`, ... appended.
#[derive(Debug, Default)]
pub(crate) struct UniqueIds {
    taken: HashSet<String>,
}

impl UniqueIds {
    /// Reserves `id` as it is (an id given in the input); false when it was already taken.
    pub(crate) fn reserve(&mut self, id: &str) -> bool {
        self.taken.insert(id.to_owned())
    }

    /// A free id made from `wanted`.
    pub(crate) fn unique(&mut self, wanted: &str) -> String {
        if self.taken.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|id| !self.taken.contains(id))
            .inspect(|id| {
                self.taken.insert(id.clone());
            })
            .unwrap_or_default()
    }
}

/// A persona id made from a name: its slug, prefixed with `persona-` when it would start with
/// `x-` (such keys in `persona_measures` are tool data, not persona ids).
pub(crate) fn persona_slug(name: &str) -> String {
    let s = slug(name, "persona");
    if s.starts_with("x-") {
        format!("persona-{s}")
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("  Make tea!  ", "t"), "make-tea");
        assert_eq!(slug("Réserve en ligne", "t"), "réserve-en-ligne");
        assert_eq!(slug("::", "task"), "task");
        assert_eq!(slug(&"a".repeat(300), "t").chars().count(), 64);
        assert_eq!(persona_slug("X-ray tech"), "persona-x-ray-tech");
        let mut ids = UniqueIds::default();
        assert_eq!(ids.unique("a"), "a");
        assert_eq!(ids.unique("a"), "a-2");
        assert!(ids.reserve("a-3"));
        assert_eq!(ids.unique("a"), "a-4");
        assert!(!ids.reserve("a"));
    }
}
