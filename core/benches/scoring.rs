//! Scoring speed: `cargo bench -p journeymap --bench scoring`. Results: docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generated.rs"]
mod generated;

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use journeymap::score::{PathScorer, ScoringConfig};

fn full_scoring(c: &mut Criterion) {
    let config = ScoringConfig::default();
    let mut group = c.benchmark_group("score");
    let chain = journeymap::io::from_path(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../testdata/scoring/chain.json"
    ))
    .unwrap();
    group.bench_function("chain.json (3 touchpoints)", |b| {
        b.iter(|| serde_json::to_string(&black_box(&chain).score(&config)).unwrap())
    });
    let small = generated::generated(100, 5, 3);
    group.bench_function("100 touchpoints, 3 personas", |b| {
        b.iter(|| black_box(&small).score(&config))
    });
    group.sample_size(10);
    for n in [250, 500, 1000, 2000] {
        let map = generated::generated(n, 5, 1);
        group.bench_with_input(
            BenchmarkId::new("1 persona, 5 moves per touchpoint", n),
            &map,
            |b, map| b.iter(|| black_box(map).score(&config)),
        );
    }
    group.finish();
}

fn paths(c: &mut Criterion) {
    let map = generated::generated(100, 5, 3);
    let paths = generated::random_paths(&map, 100_000);
    let scorer = PathScorer::new(&map, Some("p0")).unwrap();
    let mut group = c.benchmark_group("score_paths");
    group.throughput(Throughput::Elements(paths.len() as u64));
    group.sample_size(10);
    group.bench_function("100k paths of 10-20 steps", |b| {
        b.iter(|| scorer.score_many(black_box(&paths)))
    });
    group.finish();
}

criterion_group!(benches, full_scoring, paths);
criterion_main!(benches);
