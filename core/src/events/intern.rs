//! String interning: each distinct string gets the next id, in order of first appearance, so ids
//! never depend on hashing. Strings live in one arena (one allocation for millions of case ids).

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Interned strings, ids in order of first appearance.
#[derive(Clone, Default)]
pub(crate) struct Interner {
    bytes: String,
    ends: Vec<usize>,
    table: HashTable<u32>,
    hasher: foldhash::quality::RandomState,
}

impl std::fmt::Debug for Interner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Interner")
            .field("len", &self.len())
            .finish()
    }
}

impl Interner {
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn get(&self, id: u32) -> &str {
        let i = id as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.bytes[start..self.ends[i]]
    }

    /// The id of `s`, interning it if new.
    pub(crate) fn intern(&mut self, s: &str) -> u32 {
        let hash = self.hasher.hash_one(s);
        let Self {
            bytes,
            ends,
            table,
            hasher,
        } = self;
        let get = |id: u32| {
            let i = id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] };
            &bytes[start..ends[i]]
        };
        if let Some(&id) = table.find(hash, |&id| get(id) == s) {
            return id;
        }
        let id = ends.len() as u32;
        bytes.push_str(s);
        ends.push(bytes.len());
        table.insert_unique(hash, id, |&id| {
            let i = id as usize;
            let start = if i == 0 { 0 } else { ends[i - 1] };
            hasher.hash_one(&bytes[start..ends[i]])
        });
        id
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
