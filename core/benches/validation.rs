//! Validation speed against parsing alone: `cargo bench -p journeymap --bench validation`.
//! For each map, `validate_bytes` (every rule, diagnostics with positions) next to
//! `serde_json::from_slice` into a `serde_json::Value` on the same bytes. Results:
//! docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generated.rs"]
mod generated;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use journeymap::validate::{Limits, validate_bytes};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect();
    out.sort();
    for (n, personas) in [(100, 3), (2000, 1)] {
        let map = generated::generated_map(n, 5, personas);
        out.push((
            format!("generated {n} touchpoints"),
            serde_json::to_vec(&map).unwrap(),
        ));
    }
    out
}

fn validation(c: &mut Criterion) {
    let limits = Limits::default();
    for (name, bytes) in inputs() {
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        if bytes.len() > 100_000 {
            group.sample_size(20);
        }
        group.bench_function("serde_json Value", |b| {
            b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap())
        });
        group.bench_function("validate_bytes", |b| {
            b.iter(|| validate_bytes(black_box(&bytes), &limits))
        });
        group.finish();
    }
}

criterion_group!(benches, validation);
criterion_main!(benches);
