//! Picture speed against scoring, on the same maps: `cargo bench -p journeymap --bench render`.
//! Results: docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generated.rs"]
mod generated;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::render::{Options, Personas, flow_svg, journey_svg};
use journeymap::score::ScoringConfig;

fn render_vs_score(c: &mut Criterion) {
    let config = ScoringConfig::default();
    let options = Options::default();
    for personas in [1, 3] {
        let map = generated::generated(100, 5, personas);
        let scores = map.score(&config);
        let mut group = c.benchmark_group(format!("100 touchpoints, {personas} persona(s)"));
        group.bench_function("score", |b| b.iter(|| black_box(&map).score(&config)));
        group.bench_function("journey map (first persona)", |b| {
            b.iter(|| journey_svg(black_box(&map), &scores, &Personas::First, &options).unwrap())
        });
        group.bench_function("flow view (first persona)", |b| {
            b.iter(|| flow_svg(black_box(&map), &scores, &Personas::First, &options).unwrap())
        });
        if personas > 1 {
            group.bench_function("journey map (all personas)", |b| {
                b.iter(|| journey_svg(black_box(&map), &scores, &Personas::All, &options).unwrap())
            });
            group.bench_function("flow view (customer base)", |b| {
                b.iter(|| flow_svg(black_box(&map), &scores, &Personas::All, &options).unwrap())
            });
        }
        group.finish();
    }
}

criterion_group!(benches, render_vs_score);
criterion_main!(benches);
