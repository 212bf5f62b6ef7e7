//! Scores: hand-computed vectors (derived in docs/scoring.md), the removal-effect shortcut
//! against a naive re-solve, the shared JSON vectors, and observed paths.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use crate::common;

use common::{json_files, root};
use journeymap::JourneyMap;
use journeymap::score::{PathScorer, ScoringConfig, compare};

fn load(path: &str) -> JourneyMap {
    journeymap::io::from_path(root().join(path)).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn flow<'s>(
    scores: &'s journeymap::score::Scores,
    tp: &str,
) -> &'s journeymap::score::TouchpointFlow {
    scores.personas[0]
        .conversion
        .touchpoints
        .iter()
        .find(|t| t.touchpoint == tp)
        .unwrap()
}

#[test]
fn three_node_chain() {
    let s = load("testdata/scoring/chain.json").score(&ScoringConfig::default());
    let p = &s.personas[0];
    assert!(close(p.conversion.success_probability, 0.48));
    assert!(close(p.conversion.expected_steps, 2.28));
    assert_eq!(p.conversion.most_likely_path, ["a", "b", "c"]);
    assert_eq!(p.conversion.most_likely_outcome.as_deref(), Some("won"));
    assert!(close(p.conversion.most_likely_probability, 0.48));
    for tp in ["a", "b", "c"] {
        assert!(close(flow(&s, tp).removal_effect.unwrap(), 1.0), "{tp}");
    }
    let e = p.emotion.summary.as_ref().unwrap();
    assert!(close(e.peak.normalized, 1.0));
    assert!(close(e.end.normalized, 0.5));
    assert!(close(e.peak_end.normalized, 0.75));
    assert!(close(e.peak_end.raw, 1.5));
    assert!(close(e.worst.normalized, -0.5));
    assert!(close(e.volatility, 1.25));
    assert_eq!(e.valleys.len(), 1);
    assert_eq!(e.valleys[0].touchpoint, "b");
    assert!(close(p.effort.expected_total, 1.04));
    assert!(close(p.effort.expected_channel_switches, 1.28));
    let b_gap = p
        .gap
        .touchpoints
        .iter()
        .find(|g| g.touchpoint == "b")
        .unwrap();
    assert!(close(b_gap.gap, -2.0) && close(b_gap.normalized, -1.0));
    assert_eq!(p.gap.shortfalls[0].touchpoint, "b");
}

#[test]
fn loop_with_an_exit() {
    let s = load("testdata/scoring/loop.json").score(&ScoringConfig::default());
    let p = &s.personas[0];
    assert!(close(p.conversion.success_probability, 2.0 / 3.0));
    assert!(close(p.conversion.expected_steps, 8.0 / 3.0));
    let (a, b, c) = (flow(&s, "a"), flow(&s, "b"), flow(&s, "c"));
    assert!(
        close(a.expected_visits, 4.0 / 3.0)
            && close(b.expected_visits, 2.0 / 3.0)
            && close(c.expected_visits, 2.0 / 3.0)
    );
    assert!(
        close(a.visit_probability, 1.0)
            && close(b.visit_probability, 0.5)
            && close(c.visit_probability, 2.0 / 3.0)
    );
    assert!(close(b.success_from_here, 5.0 / 6.0) && close(c.success_from_here, 0.5));
    assert!(close(a.removal_effect.unwrap(), 1.0));
    assert!(close(b.removal_effect.unwrap(), 0.625));
    assert!(close(c.removal_effect.unwrap(), 0.5));
}

#[test]
fn fork_with_counts_uniform_moves_and_drop_off() {
    let s = load("testdata/scoring/fork.json").score(&ScoringConfig::default());
    let p = &s.personas[0];
    let prob = |id: &str| {
        p.conversion
            .outcomes
            .iter()
            .find(|o| o.outcome == id)
            .unwrap()
            .probability
    };
    assert!(
        close(prob("won"), 0.48) && close(prob("lost"), 0.32) && close(prob("__drop_off"), 0.2)
    );
    assert!(close(flow(&s, "b").removal_effect.unwrap(), 0.625));
    assert!(close(flow(&s, "c").removal_effect.unwrap(), 0.375));
    assert!(close(p.conversion.expected_steps, 1.8));
}

/// P(success) with touchpoint `removed` sending everyone who enters it to failure, by re-solving.
fn success_without(map: &JourneyMap, removed: &str) -> f64 {
    scores_without(map, removed).personas[0]
        .conversion
        .success_probability
}

/// The scores of the map with touchpoint `removed` sending everyone who enters it to failure.
fn scores_without(map: &JourneyMap, removed: &str) -> journeymap::score::Scores {
    let mut m = map.clone();
    let lost = "__removed";
    m.outcomes.push(
        serde_json::from_value(
            serde_json::json!({"id": lost, "name": "removed", "kind": "failure"}),
        )
        .unwrap(),
    );
    m.transitions.retain(|t| t.from != removed);
    m.transitions.push(
        serde_json::from_value(
            serde_json::json!({"from": removed, "to": lost, "probability": 1.0}),
        )
        .unwrap(),
    );
    for t in &mut m.touchpoints {
        if t.id == removed {
            t.measures.drop_off = None;
            t.persona_measures
                .values_mut()
                .for_each(|pm| pm.drop_off = None);
        }
    }
    m.score(&ScoringConfig::default())
}

#[test]
fn aggregated_removal_effect_equals_naive_resolve() {
    // Over the customer base: 1 - P_without(success) / P(success), both share-weighted over
    // every persona, by re-solving each persona's chain with the touchpoint removed.
    for file in json_files("examples") {
        let map = journeymap::io::from_path(&file).unwrap();
        let s = map.score(&ScoringConfig::default());
        assert!(s.personas.len() > 1 || map.personas.len() == 1);
        let base = s.overall.success_probability;
        for t in &s.overall.touchpoints {
            let without = scores_without(&map, &t.touchpoint)
                .overall
                .success_probability;
            let naive = 1.0 - without / base;
            let aggregated = t.removal_effect.unwrap();
            assert!(
                (naive - aggregated).abs() < 1e-9,
                "{} {}: aggregated {aggregated} vs re-solve {naive}",
                map.id,
                t.touchpoint
            );
        }
        // Visit probabilities and outcome probabilities are share-weighted sums.
        for t in &s.overall.touchpoints {
            let by_hand: f64 = s
                .personas
                .iter()
                .filter_map(|p| {
                    let f = p
                        .conversion
                        .touchpoints
                        .iter()
                        .find(|f| f.touchpoint == t.touchpoint)?;
                    Some(p.weight * f.visit_probability)
                })
                .sum();
            assert!((by_hand - t.visit_probability).abs() < 1e-12);
        }
        let total: f64 = s.overall.outcomes.iter().map(|o| o.probability).sum();
        assert!(
            (total - 1.0).abs() < 1e-9,
            "{}: outcomes sum to {total}",
            map.id
        );
    }
}

#[test]
fn removal_effect_shortcut_equals_naive_resolve() {
    let mut maps: Vec<JourneyMap> = ["chain", "loop", "fork"]
        .iter()
        .map(|n| load(&format!("testdata/scoring/{n}.json")))
        .collect();
    for file in json_files("examples") {
        let mut m = journeymap::io::from_path(&file).unwrap();
        // One persona at a time: keep the first (in id order).
        let first = m.personas.iter().map(|p| p.id.clone()).min().unwrap();
        m.personas.retain(|p| p.id == first);
        maps.push(m);
    }
    for map in maps {
        let s = map.score(&ScoringConfig::default());
        let p = &s.personas[0];
        let base = p.conversion.success_probability;
        for t in &p.conversion.touchpoints {
            let naive = 1.0 - success_without(&map, &t.touchpoint) / base;
            let shortcut = t.removal_effect.unwrap();
            assert!(
                (naive - shortcut).abs() < 1e-9,
                "{} {}: shortcut {shortcut} vs re-solve {naive}",
                map.id,
                t.touchpoint
            );
        }
    }
}

fn expect(path: &std::path::Path, actual: &str) {
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        expected == actual,
        "{} differs from the computed output; if the change is intended, regenerate with:\n  scripts/codegen.sh",
        path.display()
    );
}

#[test]
fn shared_score_vectors() {
    let mut files = json_files("testdata/scoring");
    files.retain(|f| !f.to_string_lossy().contains(".paths"));
    files.extend(json_files("examples"));
    for file in files {
        let map = journeymap::io::from_path(&file).unwrap();
        let scores = map.score(&ScoringConfig::default());
        let text = serde_json::to_string_pretty(&scores).unwrap() + "\n";
        let name = file.file_stem().unwrap().to_string_lossy().into_owned();
        expect(
            &root()
                .join("testdata/scoring/expected")
                .join(format!("{name}.scores.json")),
            &text,
        );
    }
}

#[test]
fn shared_path_vectors() {
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/scoring/chain.paths.json")).unwrap(),
    )
    .unwrap();
    let map = load(spec["map"].as_str().unwrap());
    let paths: Vec<Vec<String>> = serde_json::from_value(spec["paths"].clone()).unwrap();
    let scorer = PathScorer::new(&map, spec["persona"].as_str()).unwrap();
    let columns = scorer.score_many(&paths);
    let text = serde_json::to_string_pretty(&columns).unwrap() + "\n";
    expect(
        &root().join("testdata/scoring/expected/chain.paths.json"),
        &text,
    );
    // One-at-a-time scoring gives the same numbers as the batch.
    for (i, path) in paths.iter().enumerate() {
        let one = map.score_path(path, spec["persona"].as_str()).unwrap();
        assert_eq!(one.score.peak_end, columns.peak_end[i]);
        assert_eq!(one.score.unexpected_moves, columns.unexpected_moves[i]);
        assert_eq!(one.trace.len(), path.len());
        // The report's JSON has the score's keys plus `trace` and `valleys`, none twice (a
        // duplicate would collapse when parsed and the count would fall short).
        let score_keys = serde_json::to_value(&one.score)
            .unwrap()
            .as_object()
            .unwrap()
            .len();
        let report: serde_json::Value =
            serde_json::from_str(&serde_json::to_string(&one).unwrap()).unwrap();
        assert_eq!(report.as_object().unwrap().len(), score_keys + 2);
    }
}

#[test]
fn observed_path_deviations_by_hand() {
    let map = load("testdata/scoring/chain.json");
    let on_plan = map.score_path(&["a", "b", "c"], None).unwrap().score;
    assert_eq!(
        (
            on_plan.unexpected_moves,
            on_plan.backtracks,
            on_plan.skipped_stages,
            on_plan.off_map
        ),
        (0, 0, 0, 0)
    );
    assert_eq!(on_plan.channel_switches, 2);
    assert_eq!(on_plan.peak_end, Some(0.75));
    let report = map.score_path(&["a", "c", "b", "zz", "c"], None).unwrap();
    let messy = &report.score;
    assert_eq!(messy.off_map, 1);
    assert_eq!(messy.skipped_stages, 1); // a (stage 1) -> c (stage 3)
    assert_eq!(messy.backtracks, 1); // c -> b
    assert_eq!(messy.unexpected_moves, 2); // a->c and c->b are not transitions; b->c is
    // Step by step: which step deviates, and how.
    let steps = &report.trace;
    let flags: Vec<(bool, bool, bool, usize)> = steps
        .iter()
        .map(|s| (s.on_map, s.unexpected_move, s.backtrack, s.skipped_stages))
        .collect();
    assert_eq!(
        flags,
        vec![
            (true, false, false, 0),  // a: the first step
            (true, true, false, 1),   // a -> c skips stage 2, no such transition
            (true, true, true, 0),    // c -> b goes back
            (false, false, false, 0), // zz is off the map
            (true, false, false, 0),  // b -> c is a transition (the off-map step is skipped)
        ]
    );
    // The curve is the steps' emotions (chain.json: a = +2, b = -1, c = +1 on -2..2).
    let curve: Vec<Option<f64>> = steps.iter().map(|s| s.emotion).collect();
    assert_eq!(
        curve,
        vec![Some(1.0), Some(0.5), Some(-0.5), None, Some(0.5)]
    );
    assert_eq!(report.valleys, vec![2]);
    assert!(map.score_path(&["a"], Some("nobody")).is_err());
}

#[test]
fn compare_as_is_and_to_be() {
    let before = load("testdata/scoring/chain.json");
    let mut after = before.clone();
    after.id = "chain-to-be".into();
    after.transitions[2].probability = Some(0.9); // b -> c
    after.transitions[3].probability = Some(0.1); // b -> lost
    let c = compare(&before, &after, &ScoringConfig::default());
    assert!(close(c.conversion.before.unwrap(), 0.48));
    assert!(close(c.conversion.after.unwrap(), 0.72));
    assert!(close(c.conversion.change.unwrap(), 0.24));
    assert!(c.added.is_empty() && c.removed.is_empty());
    after.touchpoints.pop();
    let c = compare(&before, &after, &ScoringConfig::default());
    assert_eq!(c.removed, ["c"]);
}

#[test]
fn scores_of_broken_maps_are_diagnostics_not_failures() {
    for name in [
        "JM039-closed-loop",
        "JM036-dead-end",
        "JM034-persona-without-entry",
        "JM038-no-success-outcome",
        "JM032-probabilities-over-one",
    ] {
        let text =
            std::fs::read_to_string(root().join(format!("testdata/invalid/{name}.json"))).unwrap();
        let map: JourneyMap = serde_json::from_str(&text).unwrap();
        let s = map.score(&ScoringConfig::default());
        assert!(!s.diagnostics.is_empty(), "{name}: no diagnostic");
        for p in &s.personas {
            let total: f64 = p.conversion.outcomes.iter().map(|o| o.probability).sum();
            assert!(
                (total - 1.0).abs() < 1e-9,
                "{name}: absorption sums to {total}"
            );
        }
    }
}
