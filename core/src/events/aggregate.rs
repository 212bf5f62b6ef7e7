//! The mergeable aggregate of an event log: its variants (distinct sequences of steps, per
//! persona, with their number of cases) and the histograms of its survey answers per persona and
//! step. A step is an activity, or an activity on a channel when the log has a channel column.
//!
//! Everything the statistics, discovery and calibration need is a sum over cases, so the
//! aggregate of a log is the merge of the aggregates of its parts, provided each case lies in one
//! part: [`Aggregate::merge`] refuses two partials that share a case id (JM310). Names are kept
//! in order of first appearance and merged partials append the second partial's new names, so
//! `merge(a, b)` is equal to the aggregate of `a`'s rows followed by `b`'s. Answers are kept as
//! exact histograms (value → count), so means do not depend on the order of addition.
//!
//! A partial travels between processes as bytes ([`Aggregate::to_bytes`]): a 5-byte header
//! (`JMAG` and a format version) and a postcard body.

use std::collections::BTreeMap;

use foldhash::HashMap;
use hashbrown::HashTable;
use serde::{Deserialize, Serialize};

use super::ingest::EventLog;
use super::intern::Names;
use super::{Error, LogSpec, NONE, RowIssue};

/// Bytes that start every serialized partial: `JMAG` and the format version.
const MAGIC: &[u8; 5] = b"JMAG\x01";

/// One variant: a persona and a sequence of steps, with its number of cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Variant {
    pub(crate) persona: u32,
    pub(crate) start: usize,
    pub(crate) len: usize,
    pub(crate) cases: u64,
}

/// Histogram of one metric's answers for one persona and step: value bits → count, by value.
pub(crate) type Histogram = BTreeMap<OrdF64, u64>;

/// An `f64` ordered by value (answers are finite).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub(crate) struct OrdF64(pub(crate) f64);

impl Eq for OrdF64 {}

impl PartialOrd for OrdF64 {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for OrdF64 {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The mergeable aggregate of an event log (see the module documentation).
#[derive(Clone, Serialize, Deserialize)]
pub struct Aggregate {
    pub(crate) spec: LogSpec,
    pub(crate) activities: Vec<String>,
    pub(crate) channels: Vec<String>,
    pub(crate) personas: Vec<String>,
    /// Steps as (activity, channel or NONE).
    pub(crate) steps: Vec<(u32, u32)>,
    /// Case ids (to refuse overlapping partials), in log order, then merge order.
    pub(crate) cases: Names,
    pub(crate) events: u64,
    pub(crate) time_range: Option<(i64, i64)>,
    pub(crate) issues: Vec<RowIssue>,
    pub(crate) variants: Vec<Variant>,
    /// The steps of every variant, end to end.
    pub(crate) sequences: Vec<u32>,
    /// (persona, step, metric index in `spec.metrics`) → histogram.
    pub(crate) metrics: BTreeMap<(u32, u32, u8), Histogram>,
    #[serde(skip)]
    /// (hash, variant): the hash kept so that growing the table hashes no sequence again.
    table: HashTable<(u64, usize)>,
    #[serde(skip)]
    hasher: foldhash::fast::RandomState,
}

impl std::fmt::Debug for Aggregate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aggregate")
            .field("cases", &self.cases.len())
            .field("events", &self.events)
            .field("variants", &self.variants.len())
            .finish()
    }
}

/// Equal when they describe the same log: same names in the same order, cases, events, time
/// range, issues, variants (with their sequences) and histograms.
impl PartialEq for Aggregate {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
            && self.activities == other.activities
            && self.channels == other.channels
            && self.personas == other.personas
            && self.steps == other.steps
            && self.cases.sorted() == other.cases.sorted()
            && self.events == other.events
            && self.time_range == other.time_range
            && self.issues == other.issues
            && self.variants.len() == other.variants.len()
            && (0..self.variants.len()).all(|v| {
                let (a, b) = (&self.variants[v], &other.variants[v]);
                a.persona == b.persona && a.cases == b.cases && self.seq(v) == other.seq(v)
            })
            && self.metrics == other.metrics
    }
}

impl Aggregate {
    fn empty(spec: LogSpec) -> Self {
        Self {
            spec,
            activities: Vec::new(),
            channels: Vec::new(),
            personas: Vec::new(),
            steps: Vec::new(),
            cases: Names::default(),
            events: 0,
            time_range: None,
            issues: Vec::new(),
            variants: Vec::new(),
            sequences: Vec::new(),
            metrics: BTreeMap::new(),
            table: HashTable::new(),
            hasher: foldhash::fast::RandomState::default(),
        }
    }

    /// The aggregate of a log.
    pub fn of(log: &EventLog) -> Self {
        Self::with_case_variants(log).0
    }

    /// The aggregate of a log, with the variant of each case (cases in log order).
    pub(crate) fn with_case_variants(log: &EventLog) -> (Self, Vec<usize>) {
        let mut agg = Self::empty(log.spec.clone());
        agg.activities = log.activities.clone();
        agg.channels = log.channels.clone();
        agg.personas = log.personas.clone();
        agg.events = log.events() as u64;
        agg.time_range = log.time_range();
        agg.issues = log.issues.clone();
        agg.cases = log.case_ids.clone();
        // Steps: activities, or (activity, channel) pairs in order of first appearance.
        let step_of: Vec<u32> = if log.spec.channels {
            let mut ids: HashMap<(u32, u32), u32> = HashMap::default();
            let mut out = Vec::with_capacity(log.events());
            for (e, &a) in log.activity.iter().enumerate() {
                let key = (a, log.event_channel(e));
                let next = agg.steps.len() as u32;
                let id = *ids.entry(key).or_insert_with(|| {
                    agg.steps.push(key);
                    next
                });
                out.push(id);
            }
            out
        } else {
            agg.steps = (0..log.activities.len() as u32)
                .map(|a| (a, NONE))
                .collect();
            Vec::new()
        };
        let steps_of = |c: usize| -> &[u32] {
            let (a, z) = (log.offsets[c], log.offsets[c + 1]);
            if log.spec.channels {
                &step_of[a..z]
            } else {
                &log.activity[a..z]
            }
        };
        let mut case_variant = Vec::with_capacity(log.cases());
        agg.table.reserve(log.cases() / 2, |&(h, _)| h);
        for c in 0..log.cases() {
            let persona = log.case_persona.get(c).copied().unwrap_or(NONE);
            case_variant.push(agg.add_variant(persona, steps_of(c), 1));
        }
        for (k, column) in log.metrics.iter().enumerate() {
            let Some(kind) = log.names.metrics.get(k).map(|m| m.kind) else {
                continue;
            };
            let Some(slot) = agg.spec.metrics.iter().position(|m| m.0 == kind) else {
                continue;
            };
            for c in 0..log.cases() {
                let persona = log.case_persona.get(c).copied().unwrap_or(NONE);
                let steps = steps_of(c);
                for (i, e) in (log.offsets[c]..log.offsets[c + 1]).enumerate() {
                    let v = column[e];
                    if !v.is_nan() {
                        *agg.metrics
                            .entry((persona, steps[i], slot as u8))
                            .or_default()
                            .entry(OrdF64(v))
                            .or_default() += 1;
                    }
                }
            }
        }
        (agg, case_variant)
    }

    /// The steps of variant `v`.
    pub(crate) fn seq(&self, v: usize) -> &[u32] {
        let x = &self.variants[v];
        &self.sequences[x.start..x.start + x.len]
    }

    fn hash(&self, persona: u32, seq: &[u32]) -> u64 {
        use std::hash::{BuildHasher, Hash, Hasher};
        let mut h = self.hasher.build_hasher();
        persona.hash(&mut h);
        seq.hash(&mut h);
        h.finish()
    }

    /// Adds `cases` cases of a variant; its index.
    fn add_variant(&mut self, persona: u32, seq: &[u32], cases: u64) -> usize {
        let hash = self.hash(persona, seq);
        let found = {
            let (variants, sequences) = (&self.variants, &self.sequences);
            self.table
                .find(hash, |&(h, v)| {
                    let x = &variants[v];
                    h == hash && x.persona == persona && &sequences[x.start..x.start + x.len] == seq
                })
                .map(|&(_, v)| v)
        };
        if let Some(v) = found {
            self.variants[v].cases += cases;
            return v;
        }
        let v = self.variants.len();
        self.variants.push(Variant {
            persona,
            start: self.sequences.len(),
            len: seq.len(),
            cases,
        });
        self.sequences.extend_from_slice(seq);
        self.index_variant(hash, v);
        v
    }

    /// Puts variant `v` (of hash `hash`) in the lookup table.
    fn index_variant(&mut self, hash: u64, v: usize) {
        self.table.insert_unique(hash, (hash, v), |&(h, _)| h);
    }

    fn rebuild_table(&mut self) {
        self.table = HashTable::with_capacity(self.variants.len());
        for v in 0..self.variants.len() {
            let hash = self.hash(self.variants[v].persona, self.seq(v));
            self.index_variant(hash, v);
        }
    }

    /// Number of cases.
    pub fn cases(&self) -> u64 {
        self.cases.len() as u64
    }

    /// Number of events.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Number of distinct variants (per persona, over steps).
    pub fn variant_count(&self) -> usize {
        self.variants.len()
    }

    /// Rejected rows, ignored values and persona conflicts of the parts, by row number (equal
    /// numbers in merge order). Partials read with row offsets
    /// ([`super::LogBuilder::with_row_offset`]) carry the row numbers of the whole log.
    pub fn issues(&self) -> &[RowIssue] {
        &self.issues
    }

    /// Adds `other` to this aggregate. Fails, leaving `self` unchanged, when the two were built
    /// with different settings (JM311) or share a case (JM310).
    pub fn merge(&mut self, other: &Aggregate) -> Result<(), Error> {
        if self.spec != other.spec {
            return Err(Error::Incompatible(format!(
                "one was read with {}, the other with {}",
                describe(&self.spec),
                describe(&other.spec)
            )));
        }
        check_disjoint(&self.cases, &other.cases)?;
        let activities = remap_names(&mut self.activities, &other.activities);
        let channels = remap_names(&mut self.channels, &other.channels);
        let personas = remap_names(&mut self.personas, &other.personas);
        let mut step_ids: HashMap<(u32, u32), u32> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, &s)| (s, i as u32))
            .collect();
        let steps: Vec<u32> = other
            .steps
            .iter()
            .map(|&(a, c)| {
                let key = (
                    activities[a as usize],
                    if c == NONE {
                        NONE
                    } else {
                        channels[c as usize]
                    },
                );
                let next = self.steps.len() as u32;
                *step_ids.entry(key).or_insert_with(|| {
                    self.steps.push(key);
                    next
                })
            })
            .collect();
        let persona = |p: u32| {
            if p == NONE {
                NONE
            } else {
                personas[p as usize]
            }
        };
        let mut seq: Vec<u32> = Vec::new();
        for v in 0..other.variants.len() {
            seq.clear();
            seq.extend(other.seq(v).iter().map(|&s| steps[s as usize]));
            self.add_variant(
                persona(other.variants[v].persona),
                &seq,
                other.variants[v].cases,
            );
        }
        for (&(p, s, k), hist) in &other.metrics {
            let into = self
                .metrics
                .entry((persona(p), steps[s as usize], k))
                .or_default();
            for (&v, &n) in hist {
                *into.entry(v).or_default() += n;
            }
        }
        self.cases.extend(&other.cases);
        self.events += other.events;
        self.time_range = match (self.time_range, other.time_range) {
            (Some(a), Some(b)) => Some((a.0.min(b.0), a.1.max(b.1))),
            (a, b) => a.or(b),
        };
        self.issues.extend(other.issues.iter().cloned());
        // By row number (stable: equal numbers in merge order), so that partials read with their
        // row offsets give the issues of the whole log whatever the merge order.
        self.issues.sort_by_key(|i| i.row);
        Ok(())
    }

    /// The merge of two aggregates as a new one (see [`Aggregate::merge`]).
    pub fn merged(&self, other: &Aggregate) -> Result<Aggregate, Error> {
        let mut out = self.clone();
        out.merge(other)?;
        Ok(out)
    }

    /// The partial as bytes, to send to another process.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        // Serializing plain vectors, maps and strings into a Vec cannot fail.
        if let Ok(body) = postcard::to_allocvec(self) {
            out.extend_from_slice(&body);
        }
        out
    }

    /// A partial from [`Aggregate::to_bytes`] (JM312 for anything else).
    pub fn from_bytes(bytes: &[u8]) -> Result<Aggregate, Error> {
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| {
            Error::Corrupt("the header is missing or from another version".to_owned())
        })?;
        let mut agg: Aggregate =
            postcard::from_bytes(body).map_err(|e| Error::Corrupt(e.to_string()))?;
        agg.check().map_err(Error::Corrupt)?;
        agg.rebuild_table();
        Ok(agg)
    }

    /// Checks the references inside a decoded partial, so that no later use can index out of
    /// bounds.
    fn check(&self) -> Result<(), String> {
        let (na, nc, np, ns) = (
            self.activities.len(),
            self.channels.len(),
            self.personas.len(),
            self.steps.len(),
        );
        let bad = || "references out of range".to_owned();
        if self
            .steps
            .iter()
            .any(|&(a, c)| a as usize >= na || (c != NONE && c as usize >= nc))
        {
            return Err(bad());
        }
        for v in &self.variants {
            let end = v.start.checked_add(v.len).ok_or_else(bad)?;
            if end > self.sequences.len() || (v.persona != NONE && v.persona as usize >= np) {
                return Err(bad());
            }
        }
        if self.sequences.iter().any(|&s| s as usize >= ns) {
            return Err(bad());
        }
        let metrics = self.spec.metrics.len();
        for &(p, s, k) in self.metrics.keys() {
            if (p != NONE && p as usize >= np) || s as usize >= ns || k as usize >= metrics {
                return Err(bad());
            }
        }
        if !self.cases.is_well_formed() {
            return Err("case ids are not well formed".to_owned());
        }
        if self.cases.sorted().windows(2).any(|w| w[0] == w[1]) {
            return Err("a case id is repeated".to_owned());
        }
        // Every case is in exactly one variant, and the events are the variants' steps: so every
        // count below is bounded by the data actually present.
        let mut cases: u64 = 0;
        let mut events: u64 = 0;
        for v in &self.variants {
            cases = cases.checked_add(v.cases).ok_or_else(bad)?;
            let steps = (v.len as u64).checked_mul(v.cases).ok_or_else(bad)?;
            events = events.checked_add(steps).ok_or_else(bad)?;
        }
        if cases != self.cases.len() as u64 || events != self.events {
            return Err("the variants do not add up to the cases and events".to_owned());
        }
        let mut answers = vec![0u64; metrics];
        for (&(_, _, k), h) in &self.metrics {
            for (v, &n) in h {
                if !v.0.is_finite() {
                    return Err("a survey answer is not a finite number".to_owned());
                }
                answers[k as usize] = answers[k as usize].checked_add(n).ok_or_else(bad)?;
            }
        }
        if answers.iter().any(|&a| a > self.events) {
            return Err("more answers to a survey column than events".to_owned());
        }
        Ok(())
    }

    /// The activity of a step.
    pub(crate) fn step_activity(&self, s: u32) -> u32 {
        self.steps[s as usize].0
    }
}

fn describe(spec: &LogSpec) -> String {
    let mut parts = Vec::new();
    parts.push(
        if spec.channels {
            "channels"
        } else {
            "no channels"
        }
        .to_owned(),
    );
    parts.push(
        if spec.personas {
            "personas"
        } else {
            "no personas"
        }
        .to_owned(),
    );
    if spec.metrics.is_empty() {
        parts.push("no survey columns".to_owned());
    }
    for (kind, scale) in &spec.metrics {
        parts.push(format!("{} on {}..{}", kind.as_str(), scale.min, scale.max));
    }
    parts.join(", ")
}

/// An error naming the first shared case (in sorted order), if any.
fn check_disjoint(a: &Names, b: &Names) -> Result<(), Error> {
    let (a, b) = (a.sorted(), b.sorted());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Err(Error::CaseInTwoPartials(a[i].to_owned())),
        }
    }
    Ok(())
}

/// Appends the names of `other` missing from `names`; the id of each of `other`'s names in
/// `names`.
fn remap_names(names: &mut Vec<String>, other: &[String]) -> Vec<u32> {
    let mut ids: HashMap<String, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.clone(), i as u32))
        .collect();
    other
        .iter()
        .map(|n| {
            if let Some(&id) = ids.get(n) {
                return id;
            }
            let id = names.len() as u32;
            names.push(n.clone());
            ids.insert(n.clone(), id);
            id
        })
        .collect()
}

impl EventLog {
    /// The mergeable aggregate of this log.
    pub fn aggregate(&self) -> Aggregate {
        Aggregate::of(self)
    }
}
