//! String interning: each distinct string gets the next id, in order of first appearance, so ids
//! never depend on hashing. Strings live in one arena (one allocation for millions of case ids).

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Strings up to this many bytes are kept in the lookup table itself, so that finding one reads
/// no string from the arena.
const SHORT: usize = 16;

/// One entry of the lookup table: the id, the length and [`words`] of the first [`SHORT`] bytes.
#[derive(Clone, Copy)]
struct Slot {
    words: (u64, u64),
    len: u32,
    id: u32,
}

/// Two words that, with the length, tell apart every string of at most [`SHORT`] bytes: the
/// first and the last eight bytes (overlapping below 16 bytes), four and four below eight bytes,
/// the first, middle and last byte below four. Reading them takes fixed-size loads only (no copy
/// of a variable length, no comparison of one); longer strings give the words of their first
/// [`SHORT`] bytes.
fn words(s: &[u8]) -> (u64, u64) {
    let s = &s[..s.len().min(SHORT)];
    let n = s.len();
    let byte = |k: usize| s.get(k).map_or(0, |&b| u64::from(b));
    if let (Some(a), Some(b)) = (s.first_chunk::<8>(), s.last_chunk::<8>()) {
        (u64::from_le_bytes(*a), u64::from_le_bytes(*b))
    } else if let (Some(a), Some(b)) = (s.first_chunk::<4>(), s.last_chunk::<4>()) {
        (
            u64::from(u32::from_le_bytes(*a)),
            u64::from(u32::from_le_bytes(*b)),
        )
    } else {
        (
            byte(0) | byte(n / 2) << 8 | byte(n.wrapping_sub(1)) << 16,
            0,
        )
    }
}

/// Interned strings, ids in order of first appearance.
#[derive(Clone, Default)]
pub(crate) struct Interner {
    bytes: String,
    ends: Vec<usize>,
    table: HashTable<Slot>,
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interner")
            .field("len", &self.len())
            .finish()
    }
}

/// String `i` of an arena.
fn arena<'a>(bytes: &'a str, ends: &[usize], i: u32) -> &'a str {
    let i = i as usize;
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &bytes[start..ends[i]]
}

impl Interner {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        arena(&self.bytes, &self.ends, id)
    }

    /// The hash of a string of `len` bytes whose [`words`] are `words`: of the words for a short
    /// one, of the bytes (`long`) for a longer one.
    fn hash(hasher: &foldhash::fast::RandomState, words: (u64, u64), len: u32, long: &[u8]) -> u64 {
        if len as usize <= SHORT {
            hasher.hash_one((words.0, words.1, len))
        } else {
            hasher.hash_one(long)
        }
    }

    /// The id of `s`, interning it if new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let (w, len) = (words(s.as_bytes()), s.len() as u32);
        let hash = Self::hash(&self.hasher, w, len, s.as_bytes());
        let Self {
            bytes,
            ends,
            table,
            hasher,
        } = self;
        let same = |slot: &Slot| {
            slot.words == w
                && slot.len == len
                && (s.len() <= SHORT || arena(bytes, ends, slot.id) == s)
        };
        if let Some(slot) = table.find(hash, same) {
            return slot.id;
        }
        let id = ends.len() as u32;
        bytes.push_str(s);
        ends.push(bytes.len());
        let rehash = |slot: &Slot| {
            let long = if slot.len as usize <= SHORT {
                &[][..]
            } else {
                arena(bytes, ends, slot.id).as_bytes()
            };
            Self::hash(hasher, slot.words, slot.len, long)
        };
        table.insert_unique(hash, Slot { words: w, len, id }, rehash);
        id
    }

    /// The id in `self` of every string of `other`, by `other`'s id, interning the new ones in
    /// `other`'s order (so a later part's names follow the earlier part's).
    pub(crate) fn absorb(&mut self, other: &Interner) -> Vec<u32> {
        (0..other.len() as u32)
            .map(|i| self.intern(other.get(i)))
            .collect()
    }

    /// Keeps the first `n` strings only.
    pub(crate) fn truncate(&mut self, n: usize) {
        if n >= self.len() {
            return;
        }
        self.table.retain(|slot| (slot.id as usize) < n);
        self.ends.truncate(n);
        self.bytes.truncate(self.ends.last().copied().unwrap_or(0));
    }

    /// Every string, by id.
    pub(crate) fn strings(&self) -> Vec<String> {
        (0..self.len() as u32)
            .map(|i| self.get(i).to_owned())
            .collect()
    }
}

/// Strings by id in one arena, without lookups (what a finished log keeps of its case ids).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Names {
    bytes: String,
    ends: Vec<usize>,
}

impl Names {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    pub(crate) fn push(&mut self, s: &str) {
        self.bytes.push_str(s);
        self.ends.push(self.bytes.len());
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len() as u32).map(|i| self.get(i))
    }

    /// The strings, sorted.
    pub(crate) fn sorted(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.iter().collect();
        v.sort_unstable();
        v
    }

    /// Appends every string of `other`.
    pub(crate) fn extend(&mut self, other: &Names) {
        let base = self.bytes.len();
        self.bytes.push_str(&other.bytes);
        self.ends.extend(other.ends.iter().map(|e| e + base));
    }

    /// Whether decoded data is well formed: ends increasing, within the text, on character
    /// boundaries.
    pub(crate) fn is_well_formed(&self) -> bool {
        let mut last = 0;
        self.ends.iter().all(|&e| {
            let ok = e >= last && e <= self.bytes.len() && self.bytes.is_char_boundary(e);
            last = e;
            ok
        })
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{Interner, SHORT, words};

    proptest! {
        /// Ids in order of first appearance, each string given back, whatever its length
        /// (short ones live in the table, long ones in the arena only), across table growth.
        #[test]
        fn ids_follow_first_appearance(words in proptest::collection::vec("[ab]{0,3}x{0,20}", 0..400)) {
            let mut interner = Interner::default();
            let mut seen: Vec<String> = Vec::new();
            for w in &words {
                let id = interner.intern(w);
                let expected = seen.iter().position(|s| s == w).unwrap_or_else(|| {
                    seen.push(w.clone());
                    seen.len() - 1
                });
                prop_assert_eq!(id as usize, expected);
                prop_assert_eq!(interner.get(id), w.as_str());
            }
            prop_assert_eq!(interner.len(), seen.len());
        }

        /// After keeping the first `n` strings, interning goes on as if only those had been
        /// interned: the same ids, whatever was dropped.
        #[test]
        fn truncate_forgets_later_strings(
            first in proptest::collection::vec("[ab]{0,2}x{0,18}", 0..60),
            then in proptest::collection::vec("[ab]{0,2}x{0,18}", 0..60),
            n in 0..40usize,
        ) {
            let mut cut = Interner::default();
            for w in &first {
                cut.intern(w);
            }
            let n = n.min(cut.len());
            let kept: Vec<String> = (0..n as u32).map(|i| cut.get(i).to_owned()).collect();
            cut.truncate(n);
            prop_assert_eq!(cut.len(), n);
            let mut fresh = Interner::default();
            for w in &kept {
                fresh.intern(w);
            }
            for w in &then {
                prop_assert_eq!(cut.intern(w), fresh.intern(w));
            }
            prop_assert_eq!(cut.strings(), fresh.strings());
        }

        /// Two short strings of the same length with the same words are the same string.
        #[test]
        fn words_tell_short_strings_apart(a in "[ab]{0,16}", b in "[ab]{0,16}") {
            if a.len() == b.len() && a.len() <= SHORT && words(a.as_bytes()) == words(b.as_bytes()) {
                prop_assert_eq!(a, b);
            }
        }
    }
}
