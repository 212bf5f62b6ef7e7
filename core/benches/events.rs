//! Event-log speed: `cargo bench -p journeymap --features arrow --bench events`. A synthetic log
//! shaped like `bench/events_generate.py` (30 activities over 6 stages, forward moves, loops
//! back, repeats, drop-off, about 7 events per case, cases interleaved in time), read from Arrow
//! arrays as a DataFrame hands them over. Results: docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::sync::Arc;

use arrow_array::{ArrayRef, RecordBatch, StringArray, TimestampMillisecondArray};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use journeymap::events::{ColumnNames, EventLog, StatsOptions};

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `events` events as (case, activity, epoch ms), ordered by time.
fn log(events: usize, activities: usize) -> Vec<(u32, u32, i64)> {
    let stages = 6;
    let stage = |a: usize| a * stages / activities;
    let mut rng = Rng(42);
    let mut out = Vec::with_capacity(events + 64);
    let mut case = 0u32;
    while out.len() < events {
        let mut t = 1_767_225_600_000 + rng.below(2_678_400_000) as i64;
        let mut a = rng.below((activities / 6).max(1) as u64 * 2) as usize;
        loop {
            out.push((case, a as u32, t));
            if a == activities - 1 || out.len() >= events {
                break;
            }
            let u = rng.unit();
            if u < 0.04 + 0.03 * stage(a) as f64 {
                break; // drop-off
            }
            let v = rng.unit();
            a = if v < 0.05 {
                a
            } else if v < 0.15 && stage(a) > 0 {
                rng.below((stage(a) * activities / stages) as u64) as usize
            } else {
                (a + 1 + rng.below(activities as u64 / stages as u64 + 1) as usize)
                    .min(activities - 1)
            };
            t += 1_000 + (rng.unit() * 180_000.0) as i64;
        }
        case += 1;
    }
    out.truncate(events);
    out.sort_by_key(|e| e.2);
    out
}

fn batch(events: &[(u32, u32, i64)], activities: usize) -> RecordBatch {
    let names: Vec<String> = (0..activities - 1)
        .map(|i| format!("act_{i:02}"))
        .chain(["purchase".to_owned()])
        .collect();
    let case = StringArray::from_iter_values(events.iter().map(|e| format!("c{}", e.0)));
    let activity =
        StringArray::from_iter_values(events.iter().map(|e| names[e.1 as usize].as_str()));
    let ts = TimestampMillisecondArray::from_iter_values(events.iter().map(|e| e.2));
    RecordBatch::try_from_iter([
        ("case_id", Arc::new(case) as ArrayRef),
        ("activity", Arc::new(activity) as ArrayRef),
        ("timestamp", Arc::new(ts) as ArrayRef),
    ])
    .unwrap()
}

fn dictionary(b: &RecordBatch) -> RecordBatch {
    let activity: arrow_array::DictionaryArray<arrow_array::types::Int32Type> = b
        .column(1)
        .as_any()
        .downcast_ref::<StringArray>()
        .unwrap()
        .iter()
        .collect();
    RecordBatch::try_from_iter([
        ("case_id", b.column(0).clone()),
        ("activity", Arc::new(activity) as ArrayRef),
        ("timestamp", b.column(2).clone()),
    ])
    .unwrap()
}

fn events(c: &mut Criterion) {
    let n = 1_000_000;
    let plain = batch(&log(n, 30), 30);
    let dict = dictionary(&plain);
    let names = ColumnNames::default();
    // As `journeymap events stats` lists them: the 20 most frequent variants.
    let top20 = StatsOptions {
        top_variants: Some(20),
        ..StatsOptions::default()
    };
    let mut group = c.benchmark_group("1,000,000 events");
    group.throughput(Throughput::Elements(n as u64));
    group.sample_size(10);
    for (label, b) in [("text", &plain), ("dictionary", &dict)] {
        group.bench_function(format!("read ({label} activities)"), |x| {
            x.iter(|| EventLog::from_batches(names.clone(), [black_box(b)]).unwrap())
        });
        group.bench_function(format!("read and stats ({label} activities)"), |x| {
            x.iter(|| {
                let log = EventLog::from_batches(names.clone(), [black_box(b)]).unwrap();
                log.stats(&top20)
            })
        });
    }
    let log = EventLog::from_batches(names.clone(), [&plain]).unwrap();
    group.bench_function("stats", |x| x.iter(|| black_box(&log).stats(&top20)));
    group.finish();
}

criterion_group!(benches, events);
criterion_main!(benches);
