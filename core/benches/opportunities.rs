//! Opportunity speed: `cargo bench -p journeymap --bench opportunities`. Results:
//! docs/benchmarks.md.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "support/generated.rs"]
mod generated;

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use journeymap::JourneyMap;
use journeymap::score::{Planner, ScoringConfig};

fn opportunities(c: &mut Criterion) {
    let config = ScoringConfig::default();
    let map: JourneyMap = serde_json::from_value(generated::with_opportunities(
        generated::generated_map(100, 5, 3),
        20,
    ))
    .unwrap();
    let report = journeymap::validate::validate_map(&map);
    assert!(report.is_valid(), "{:?}", report.errors().next());
    let mut group = c.benchmark_group("opportunities");
    group.bench_function(
        "100 touchpoints, 3 personas, 20 opportunities: every prediction + portfolio",
        |b| {
            b.iter(|| {
                let mut planner = Planner::new(black_box(&map), &config);
                let (list, _) = planner.opportunities();
                let portfolio = planner.portfolio(Some(30.0)).unwrap();
                (list, portfolio)
            })
        },
    );
    group.bench_function("the same map, full scoring (opportunities included)", |b| {
        b.iter(|| black_box(&map).score(&config))
    });
    group.finish();
}

criterion_group!(benches, opportunities);
criterion_main!(benches);
