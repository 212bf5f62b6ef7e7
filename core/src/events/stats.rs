//! Statistics of an aggregate: directly-follows counts with case starts and ends, out-normalized
//! move probabilities (a case ending is a move to "end", `to: null`), per-activity events, cases
//! and drop-off, variants, and per-activity survey aggregates on their declared scale.
//! Everything is at the activity level (channels pooled); lists are sorted by name so the output
//! does not depend on the order of the rows.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::aggregate::{Aggregate, Histogram};
use super::timestamps;
use super::{MetricKind, MetricScale, NONE, RowIssue};

/// How many variants `journeymap events stats` lists unless told ([`StatsOptions::default`]
/// lists all).
pub const DEFAULT_TOP_VARIANTS: usize = 20;

/// What [`Aggregate::stats`] computes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StatsOptions {
    /// Activities that are outcomes: a case that reaches one has not dropped off.
    pub outcomes: Vec<String>,
    /// How many variants to list (most frequent first); `None` lists all.
    pub top_variants: Option<usize>,
}

/// One activity.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct ActivityStats {
    /// Activity name.
    pub activity: String,
    /// Number of events.
    pub events: u64,
    /// Number of cases with at least one event of it.
    pub cases: u64,
    /// Cases starting with it.
    pub start: u64,
    /// Cases ending with it.
    pub end: u64,
    /// Cases ending with it without having reached an outcome activity (all of `end` when no
    /// outcome is named).
    pub drop_off: u64,
}

/// One directly-follows pair, or a case end (`to: null`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct TransitionStats {
    /// Activity left.
    pub from: String,
    /// Activity reached next in the same case; `null` when the case ends.
    pub to: Option<String>,
    /// Number of times.
    pub count: u64,
    /// `count` over every move out of `from`, case ends included.
    pub probability: f64,
}

/// One variant: a distinct sequence of activities.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct VariantStats {
    /// The activities, in order.
    pub activities: Vec<String>,
    /// Number of cases.
    pub cases: u64,
    /// Share of all cases.
    pub share: f64,
}

/// One value of a metric and how often it was given.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, JsonSchema)]
pub struct ValueCount {
    /// The answer.
    pub value: f64,
    /// How many times.
    pub count: u64,
}

/// The answers of one metric at one activity.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct MetricStats {
    /// Activity name.
    pub activity: String,
    /// `emotion`, `ces`, `csat` or `nps`.
    pub metric: MetricKind,
    /// Its declared scale.
    pub scale: MetricScale,
    /// Number of answers.
    pub n: u64,
    /// Mean answer.
    pub mean: f64,
    /// CSAT: % of answers in the top two points of the scale (4 and 5 on 1..5); `null` for
    /// the other metrics.
    pub top2box: Option<f64>,
    /// NPS: % promoters (9-10) minus % detractors (0-6); `null` for the other metrics.
    pub nps: Option<f64>,
    /// Every answer given and its count, by value.
    pub distribution: Vec<ValueCount>,
}

/// Cases of one persona.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct PersonaStats {
    /// Persona value (`null` for cases without one).
    pub persona: Option<String>,
    /// Number of cases.
    pub cases: u64,
    /// Share of all cases.
    pub share: f64,
}

/// Statistics of an event log (`journeymap events stats`).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Stats {
    /// Number of cases.
    pub cases: u64,
    /// Number of events kept.
    pub events: u64,
    /// Rows left out, with their row number and reason (JM300).
    pub rejected: Vec<RowIssue>,
    /// Survey values left out and persona conflicts (JM301, JM303); their events are kept.
    pub warnings: Vec<RowIssue>,
    /// First event (RFC 3339, UTC).
    pub first_event: Option<String>,
    /// Last event (RFC 3339, UTC).
    pub last_event: Option<String>,
    /// Per activity, by name.
    pub activities: Vec<ActivityStats>,
    /// Directly-follows counts and case ends, by `from` then `to` (ends last).
    pub transitions: Vec<TransitionStats>,
    /// Number of distinct variants.
    pub variant_count: usize,
    /// Variants, most frequent first (ties by sequence), as many as asked.
    pub variants: Vec<VariantStats>,
    /// Survey aggregates per activity and metric.
    pub metrics: Vec<MetricStats>,
    /// Cases per persona, when the log has a persona column.
    pub personas: Vec<PersonaStats>,
}

/// Directly-follows counts: a dense matrix for up to 2,048 activities, a hash map beyond.
enum Pairs {
    Dense(usize, Vec<u64>),
    Sparse(foldhash::HashMap<(u32, u32), u64>),
}

impl Pairs {
    fn new(n: usize) -> Self {
        if n <= 2048 {
            Pairs::Dense(n, vec![0; n * n])
        } else {
            Pairs::Sparse(foldhash::HashMap::default())
        }
    }

    fn add(&mut self, a: u32, b: u32, k: u64) {
        match self {
            Pairs::Dense(n, m) => m[a as usize * *n + b as usize] += k,
            Pairs::Sparse(m) => *m.entry((a, b)).or_default() += k,
        }
    }

    /// The nonzero counts as (from, to, count), by id.
    fn into_sorted(self) -> Vec<(u32, u32, u64)> {
        match self {
            Pairs::Dense(n, m) => m
                .into_iter()
                .enumerate()
                .filter(|&(_, c)| c > 0)
                .map(|(i, c)| ((i / n) as u32, (i % n) as u32, c))
                .collect(),
            Pairs::Sparse(m) => {
                let mut v: Vec<(u32, u32, u64)> =
                    m.into_iter().map(|((a, b), c)| (a, b, c)).collect();
                v.sort_unstable();
                v
            }
        }
    }
}

/// Activity sequences with their number of cases, end to end in one arena.
#[derive(Default)]
struct Sequences<'a> {
    arena: std::borrow::Cow<'a, [u32]>,
    /// (start, length, cases).
    items: Vec<(usize, usize, u64)>,
    /// (hash, item).
    table: hashbrown::HashTable<(u64, usize)>,
    hasher: foldhash::fast::RandomState,
}

impl Sequences<'_> {
    fn get(&self, i: usize) -> &[u32] {
        let (start, len, _) = self.items[i];
        &self.arena[start..start + len]
    }

    /// Adds `cases` cases of `seq`, merging equal sequences.
    fn add(&mut self, seq: &[u32], cases: u64) {
        use std::hash::BuildHasher;
        let hash = self.hasher.hash_one(seq);
        let Self {
            arena,
            items,
            table,
            ..
        } = self;
        let same = |&(h, i): &(u64, usize)| {
            let (start, len, _) = items[i];
            h == hash && &arena[start..start + len] == seq
        };
        if let Some(&(_, i)) = table.find(hash, same) {
            items[i].2 += cases;
            return;
        }
        let i = items.len();
        items.push((arena.len(), seq.len(), cases));
        arena.to_mut().extend_from_slice(seq);
        table.insert_unique(hash, (hash, i), |&(h, _)| h);
    }

    /// The most frequent (ties by sequence, by name), as names; all when `top` is `None`. Only
    /// the kept ones are named.
    fn top(&self, top: Option<usize>, names: &[String]) -> Vec<(Vec<String>, u64)> {
        let mut order: Vec<usize> = (0..self.items.len()).collect();
        let keep = top.unwrap_or(usize::MAX).min(order.len());
        // Sequences of names compare as the sequences of the names' ranks.
        let mut sorted: Vec<usize> = (0..names.len()).collect();
        sorted.sort_by(|&a, &b| names[a].cmp(&names[b]));
        let mut rank = vec![0usize; names.len()];
        for (r, &a) in sorted.iter().enumerate() {
            rank[a] = r;
        }
        let rank_of = |x: u32| rank.get(x as usize).copied().unwrap_or(usize::MAX);
        let by = |&a: &usize, &b: &usize| {
            self.items[b].2.cmp(&self.items[a].2).then_with(|| {
                (self.get(a).iter().map(|&x| rank_of(x)))
                    .cmp(self.get(b).iter().map(|&x| rank_of(x)))
            })
        };
        if keep == 0 {
            return Vec::new();
        }
        if keep < order.len() {
            order.select_nth_unstable_by(keep - 1, by);
            order.truncate(keep);
        }
        order.sort_by(by);
        order
            .into_iter()
            .map(|i| {
                let seq = self.get(i).iter();
                let named = seq.map(|&a| names.get(a as usize).cloned().unwrap_or_default());
                (named.collect(), self.items[i].2)
            })
            .collect()
    }
}

/// Sums over a histogram: (n, mean).
pub(crate) fn moments(h: &Histogram) -> (u64, f64) {
    let n: u64 = h.values().sum();
    let sum: f64 = h
        .iter()
        .map(|(v, &c)| v.0 * c as f64)
        .fold(0.0, |a, b| a + b);
    (n, if n > 0 { sum / n as f64 } else { f64::NAN })
}

/// The summary of one metric's histogram.
pub(crate) fn metric_summary(
    activity: String,
    kind: MetricKind,
    scale: MetricScale,
    h: &Histogram,
) -> MetricStats {
    let (n, mean) = moments(h);
    let share = |pred: &dyn Fn(f64) -> bool| {
        let k: u64 = h.iter().filter(|(v, _)| pred(v.0)).map(|(_, &c)| c).sum();
        100.0 * k as f64 / n as f64
    };
    MetricStats {
        activity,
        metric: kind,
        scale,
        n,
        mean,
        top2box: (kind == MetricKind::Csat).then(|| share(&|v| v >= scale.max - 1.0)),
        nps: (kind == MetricKind::Nps).then(|| share(&|v| v >= 9.0) - share(&|v| v <= 6.0)),
        distribution: h
            .iter()
            .map(|(v, &count)| ValueCount { value: v.0, count })
            .collect(),
    }
}

/// Counts over the variants of an aggregate.
struct Counts<'a> {
    /// Per activity: events, cases, start, end, drop-off.
    acts: Vec<[u64; 5]>,
    /// Directly-follows pairs with their counts, sorted.
    dfg: Vec<(u32, u32, u64)>,
    /// Activity sequences with their cases, each once.
    sequences: Sequences<'a>,
    /// Cases per persona (NONE for none).
    personas: BTreeMap<u32, u64>,
}

impl Aggregate {
    /// The statistics (see the module documentation).
    pub fn stats(&self, options: &StatsOptions) -> Stats {
        let Counts {
            acts,
            dfg,
            sequences,
            personas,
        } = self.counts(&options.outcomes);
        let name = |a: u32| self.activities[a as usize].clone();
        let mut order: Vec<u32> = (0..self.activities.len() as u32).collect();
        order.sort_by(|&a, &b| self.activities[a as usize].cmp(&self.activities[b as usize]));
        let transitions = self.transition_stats(&acts, &dfg);
        let total = self.cases() as f64;
        let variant_count = sequences.items.len();
        let variants = sequences.top(options.top_variants, &self.activities);
        let (rejected, warnings) = self
            .issues
            .iter()
            .cloned()
            .partition(|i| i.code == crate::diagnostics::codes::ROW_REJECTED.as_str());
        Stats {
            cases: self.cases(),
            events: self.events,
            rejected,
            warnings,
            first_event: self.time_range.map(|t| timestamps::format(t.0)),
            last_event: self.time_range.map(|t| timestamps::format(t.1)),
            activities: order
                .iter()
                .map(|&a| {
                    let x = acts[a as usize];
                    ActivityStats {
                        activity: name(a),
                        events: x[0],
                        cases: x[1],
                        start: x[2],
                        end: x[3],
                        drop_off: x[4],
                    }
                })
                .collect(),
            transitions,
            variant_count,
            variants: variants
                .into_iter()
                .map(|(activities, cases)| VariantStats {
                    activities,
                    cases,
                    share: cases as f64 / total,
                })
                .collect(),
            metrics: self.activity_metrics(&order),
            personas: self.persona_stats(personas),
        }
    }

    /// The counts of every activity, pair, sequence and persona; a case that reaches one of
    /// `outcomes` has not dropped off.
    fn counts(&self, outcomes: &[String]) -> Counts<'_> {
        let na = self.activities.len();
        let outcome: Vec<bool> = self
            .activities
            .iter()
            .map(|a| outcomes.iter().any(|o| o == a))
            .collect();
        let mut acts = vec![[0u64; 5]; na]; // events, cases, start, end, drop_off
        let mut dfg = Pairs::new(na);
        let mut seen = vec![usize::MAX; na];
        let mut by_sequence = Sequences::default();
        let mut personas: BTreeMap<u32, u64> = BTreeMap::new();
        let mut seq: Vec<u32> = Vec::new();
        // Variants are per persona and over steps; without channels or personas they are already
        // the activity sequences, each once.
        let identity = (self.steps.iter().enumerate()).all(|(i, &(a, _))| a as usize == i);
        let pooled = self.spec.channels || self.spec.personas || !identity;
        for v in 0..self.variants.len() {
            let k = self.variants[v].cases;
            seq.clear();
            seq.extend(self.seq(v).iter().map(|&s| self.step_activity(s)));
            *personas.entry(self.variants[v].persona).or_default() += k;
            let (Some(&first), Some(&last)) = (seq.first(), seq.last()) else {
                continue;
            };
            acts[first as usize][2] += k;
            acts[last as usize][3] += k;
            if !seq.iter().any(|&a| outcome[a as usize]) {
                acts[last as usize][4] += k;
            }
            for &a in &seq {
                acts[a as usize][0] += k;
                if seen[a as usize] != v {
                    seen[a as usize] = v;
                    acts[a as usize][1] += k;
                }
            }
            for w in seq.windows(2) {
                dfg.add(w[0], w[1], k);
            }
            if pooled {
                by_sequence.add(&seq, k);
            }
        }
        if !pooled {
            // When each step is its activity (no channels) and without personas, every variant
            // is a distinct sequence: the variants are the sequences.
            by_sequence.arena = std::borrow::Cow::Borrowed(&self.sequences);
            by_sequence.items = self
                .variants
                .iter()
                .map(|v| (v.start, v.len, v.cases))
                .collect();
        }
        Counts {
            acts,
            dfg: dfg.into_sorted(),
            sequences: by_sequence,
            personas,
        }
    }

    /// The directly-follows pairs and case ends with their probabilities, by `from` then `to`
    /// (ends last).
    fn transition_stats(&self, acts: &[[u64; 5]], dfg: &[(u32, u32, u64)]) -> Vec<TransitionStats> {
        let name = |a: u32| self.activities[a as usize].clone();
        let mut out_total = vec![0u64; acts.len()];
        for &(a, _, c) in dfg {
            out_total[a as usize] += c;
        }
        for (a, x) in acts.iter().enumerate() {
            out_total[a] += x[3];
        }
        let mut transitions: Vec<TransitionStats> = dfg
            .iter()
            .map(|&(a, b, count)| TransitionStats {
                from: name(a),
                to: Some(name(b)),
                count,
                probability: count as f64 / out_total[a as usize] as f64,
            })
            .collect();
        for (a, x) in acts.iter().enumerate() {
            if x[3] > 0 {
                transitions.push(TransitionStats {
                    from: name(a as u32),
                    to: None,
                    count: x[3],
                    probability: x[3] as f64 / out_total[a] as f64,
                });
            }
        }
        transitions.sort_by(|x, y| {
            x.from
                .cmp(&y.from)
                .then_with(|| x.to.is_none().cmp(&y.to.is_none()))
                .then_with(|| x.to.cmp(&y.to))
        });
        transitions
    }

    /// Cases per persona, by persona (empty when the log has no persona column).
    fn persona_stats(&self, personas: BTreeMap<u32, u64>) -> Vec<PersonaStats> {
        if !self.spec.personas {
            return Vec::new();
        }
        let total = self.cases() as f64;
        let mut list: Vec<PersonaStats> = personas
            .into_iter()
            .map(|(p, cases)| PersonaStats {
                persona: (p != NONE).then(|| self.personas[p as usize].clone()),
                cases,
                share: cases as f64 / total,
            })
            .collect();
        list.sort_by(|a, b| a.persona.cmp(&b.persona));
        list
    }

    /// Survey aggregates per activity (personas and channels pooled), activities in `order`.
    fn activity_metrics(&self, order: &[u32]) -> Vec<MetricStats> {
        let mut pooled: BTreeMap<(u32, u8), Histogram> = BTreeMap::new();
        for (&(_, s, k), h) in &self.metrics {
            let into = pooled.entry((self.step_activity(s), k)).or_default();
            for (&v, &n) in h {
                *into.entry(v).or_default() += n;
            }
        }
        let mut out = Vec::new();
        for &a in order {
            for (k, &(kind, scale)) in self.spec.metrics.iter().enumerate() {
                if let Some(h) = pooled.get(&(a, k as u8)) {
                    out.push(metric_summary(
                        self.activities[a as usize].clone(),
                        kind,
                        scale,
                        h,
                    ));
                }
            }
        }
        out
    }
}

impl super::EventLog {
    /// The statistics of this log (see [`Aggregate::stats`]).
    pub fn stats(&self, options: &StatsOptions) -> Stats {
        self.aggregate().stats(options)
    }
}
