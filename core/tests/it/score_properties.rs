//! Properties of the scores on random journey graphs (cycles, dead ends and unreachable parts
//! included): invariance under renaming and reordering, bounds, monotonicity.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use journeymap::JourneyMap;
use journeymap::score::{Factors, MomentOfTruth, PriorityWeights, Scores, ScoringConfig, priority};
use proptest::prelude::*;
use serde_json::{Value, json};

/// A random map: `n` touchpoints over 3 ordered stages, each with up to 3 weighted moves to
/// touchpoints or outcomes; two personas with shares.
fn random_map() -> impl Strategy<Value = Value> {
    (2usize..9).prop_flat_map(|n| {
        (
            Just(n),
            prop::collection::vec((0usize..3, -2.0f64..=2.0, 1.0f64..=7.0, 1.0f64..=5.0, -2.0f64..=2.0), n),
            prop::collection::vec(prop::collection::vec((0usize..n + 2, 1u32..10), 1..4), n),
            0.1f64..0.9,
        )
    })
    .prop_map(|(n, tps, moves, share)| {
        let touchpoints: Vec<Value> = tps
            .iter()
            .enumerate()
            .map(|(i, &(stage, emotion, effort, importance, expected))| {
                json!({"id": format!("t{i}"), "name": format!("T{i}"), "stage": format!("s{stage}"),
                       "channel": if i % 2 == 0 { "web" } else { "phone" }, "owner": format!("team{}", i % 3),
                       "measures": {"emotion": emotion, "effort": effort, "importance": importance, "expected_emotion": expected}})
            })
            .collect();
        let mut transitions = Vec::new();
        for (i, out) in moves.iter().enumerate() {
            let total: u32 = out.iter().map(|m| m.1).sum();
            for &(target, weight) in out {
                let to = match target {
                    t if t < n => format!("t{t}"),
                    t if t == n => "won".to_owned(),
                    _ => "lost".to_owned(),
                };
                transitions.push(json!({"from": format!("t{i}"), "to": to, "probability": f64::from(weight) / f64::from(total)}));
            }
        }
        json!({
            "format_version": "1.0", "id": "random", "title": "Random",
            "personas": [{"id": "pa", "name": "A", "share": share}, {"id": "pb", "name": "B", "share": 1.0 - share}],
            "channels": [{"id": "web", "name": "Web", "kind": "digital"}, {"id": "phone", "name": "Phone", "kind": "human"}],
            "stages": [{"id": "s0", "name": "S0", "order": 0}, {"id": "s1", "name": "S1", "order": 1}, {"id": "s2", "name": "S2", "order": 2}],
            "touchpoints": touchpoints, "transitions": transitions,
            "entries": [{"touchpoint": "t0", "personas": ["pa"]}, {"touchpoint": format!("t{}", n - 1), "personas": ["pb"], "probability": 0.5}, {"touchpoint": "t0", "personas": ["pb"], "probability": 0.5}],
            "outcomes": [{"id": "won", "name": "Won", "kind": "success"}, {"id": "lost", "name": "Lost", "kind": "failure"}]
        })
    })
}

fn map(value: &Value) -> JourneyMap {
    serde_json::from_value(value.clone()).unwrap()
}

fn score(value: &Value) -> Scores {
    map(value).score(&ScoringConfig::default())
}

/// Renames every id with `f` (touchpoints, stages, channels, personas, outcomes).
fn rename(value: &Value, f: &dyn Fn(&str) -> String) -> Value {
    let mut v = value.clone();
    let rename_str = |x: &mut Value| {
        if let Some(s) = x.as_str() {
            *x = Value::String(f(s));
        }
    };
    for key in ["touchpoints", "stages", "channels", "personas", "outcomes"] {
        for item in v[key].as_array_mut().unwrap() {
            rename_str(&mut item["id"]);
            for field in ["stage", "channel"] {
                if item.get(field).is_some() {
                    rename_str(&mut item[field]);
                }
            }
        }
    }
    for t in v["transitions"].as_array_mut().unwrap() {
        rename_str(&mut t["from"]);
        rename_str(&mut t["to"]);
    }
    for e in v["entries"].as_array_mut().unwrap() {
        rename_str(&mut e["touchpoint"]);
        for p in e["personas"].as_array_mut().unwrap() {
            rename_str(p);
        }
    }
    v
}

fn reverse_arrays(value: &Value) -> Value {
    let mut v = value.clone();
    for key in [
        "touchpoints",
        "stages",
        "channels",
        "personas",
        "outcomes",
        "transitions",
        "entries",
    ] {
        v[key].as_array_mut().unwrap().reverse();
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn reordering_arrays_changes_nothing(value in random_map()) {
        // Byte for byte, except the diagnostics' pointers, which point into the reordered arrays.
        let without_paths = |s: Scores| {
            let mut v = serde_json::to_value(s).unwrap();
            for d in v["diagnostics"].as_array_mut().unwrap() {
                d["path"] = Value::Null;
            }
            serde_json::to_string(&v).unwrap()
        };
        prop_assert_eq!(without_paths(score(&value)), without_paths(score(&reverse_arrays(&value))));
    }

    #[test]
    fn renaming_ids_changes_only_the_names(value in random_map()) {
        // An order-preserving rename gives the same bytes once the names are mapped back.
        let renamed = score(&rename(&value, &|s| format!("id-{s}")));
        let text = serde_json::to_string(&renamed).unwrap().replace("\"id-", "\"");
        prop_assert_eq!(text, serde_json::to_string(&score(&value)).unwrap());
        // An order-reversing rename gives the same numbers up to rounding.
        let flip = |s: &str| s.chars().map(|c| if c.is_ascii_digit() { char::from(b'9' - (c as u8 - b'0')) } else { c }).collect::<String>();
        let (a, b) = (score(&value), score(&rename(&value, &flip)));
        prop_assert!((a.overall.success_probability - b.overall.success_probability).abs() < 1e-9);
        for p in &a.personas {
            let q = b.persona(&flip(&p.persona)).unwrap();
            for t in &p.conversion.touchpoints {
                let u = q.conversion.touchpoints.iter().find(|u| u.touchpoint == flip(&t.touchpoint)).unwrap();
                prop_assert!((t.expected_visits - u.expected_visits).abs() < 1e-9, "{} {}: {} vs {} ({})", p.persona, t.touchpoint, t.expected_visits, u.expected_visits, serde_json::to_string(&value["transitions"]).unwrap());
            }
        }
    }

    #[test]
    fn probabilities_and_removal_effects_are_bounded(value in random_map()) {
        let s = score(&value);
        for p in &s.personas {
            let total: f64 = p.conversion.outcomes.iter().map(|o| o.probability).sum();
            prop_assert!((total - 1.0).abs() < 1e-9, "absorption sums to {}", total);
            for o in &p.conversion.outcomes {
                prop_assert!((0.0..=1.0).contains(&o.probability));
            }
            for t in &p.conversion.touchpoints {
                prop_assert!((0.0..=1.0).contains(&t.visit_probability));
                if let Some(re) = t.removal_effect {
                    prop_assert!((0.0..=1.0).contains(&re), "removal effect {}", re);
                }
            }
            for m in &p.moments_of_truth {
                prop_assert!((0.0..=1.0).contains(&m.priority));
            }
            prop_assert!((0.0..=100.0).contains(&p.health.index));
        }
    }

    #[test]
    fn better_emotion_never_lowers_mean_emotion(value in random_map(), pick in 0usize..8, gain in 0.0f64..2.0) {
        let n = value["touchpoints"].as_array().unwrap().len();
        let i = pick % n;
        let mut better = value.clone();
        let e = better["touchpoints"][i]["measures"]["emotion"].as_f64().unwrap();
        better["touchpoints"][i]["measures"]["emotion"] = json!((e + gain).min(2.0));
        let (a, b) = (score(&value), score(&better));
        for p in &a.personas {
            let q = b.persona(&p.persona).unwrap();
            if let (Some(x), Some(y)) = (&p.emotion.expected_mean, &q.emotion.expected_mean) {
                prop_assert!(y.normalized >= x.normalized - 1e-12);
            }
        }
    }

    #[test]
    fn more_shortfall_never_lowers_priority(value in random_map(), pick in 0usize..8, raise in 0.0f64..4.0) {
        // A higher expectation with the same perceived emotion is a larger shortfall (SERVQUAL
        // gap 5); nothing else moves, so the priority cannot fall, per persona or overall.
        let n = value["touchpoints"].as_array().unwrap().len();
        let i = pick % n;
        let mut worse = value.clone();
        let x = worse["touchpoints"][i]["measures"]["expected_emotion"].as_f64().unwrap();
        worse["touchpoints"][i]["measures"]["expected_emotion"] = json!((x + raise).min(2.0));
        let id = format!("t{i}");
        let (a, b) = (score(&value), score(&worse));
        let find = |list: &[MomentOfTruth]| list.iter().find(|m| m.touchpoint == id).cloned();
        for p in &a.personas {
            let q = b.persona(&p.persona).unwrap();
            if let (Some(x), Some(y)) = (find(&p.moments_of_truth), find(&q.moments_of_truth)) {
                prop_assert!(y.factors.pain >= x.factors.pain - 1e-12);
                prop_assert!(y.priority >= x.priority - 1e-12, "{}: {} -> {}", p.persona, x.priority, y.priority);
            }
        }
        if let (Some(x), Some(y)) = (find(&a.moments_of_truth), find(&b.moments_of_truth)) {
            prop_assert!(y.priority >= x.priority - 1e-12, "overall: {} -> {}", x.priority, y.priority);
        }
    }

    #[test]
    fn priority_is_bounded_and_never_falls_as_a_factor_rises(
        w in prop::array::uniform5(0.0f64..10.0),
        f in prop::array::uniform5(0.0f64..=1.0),
        which in 0usize..5,
        rise in 0.0f64..=1.0,
    ) {
        // Reach (and every other factor) with the others held: the priority is a weighted mean.
        let weights = PriorityWeights { reach: w[0], importance: w[1], pain: w[2], swing: w[3], criticality: w[4] };
        let factors = |v: [f64; 5]| Factors { reach: v[0], importance: v[1], pain: v[2], swing: v[3], criticality: v[4] };
        let before = priority(&weights, &factors(f));
        let mut g = f;
        g[which] = (g[which] + rise).min(1.0);
        let after = priority(&weights, &factors(g));
        prop_assert!((0.0..=1.0 + 1e-12).contains(&before));
        prop_assert!(after >= before - 1e-12, "factor {}: {} -> {}", which, before, after);
    }

    #[test]
    fn removal_effects_equal_a_naive_re_solve(value in random_map()) {
        // RE_c = 1 - P_without_c(success) / P(success), removing c by sending everyone who enters
        // it to failure and solving the chain again (the clamps of the closed form are not what
        // is being checked here).
        let base = score(&value);
        for p in &base.personas {
            let s = p.conversion.success_probability;
            for t in &p.conversion.touchpoints {
                let mut removed = value.clone();
                removed["transitions"].as_array_mut().unwrap().retain(|x| x["from"] != json!(t.touchpoint));
                removed["transitions"].as_array_mut().unwrap().push(json!({"from": t.touchpoint, "to": "lost", "probability": 1.0}));
                let without = score(&removed).persona(&p.persona).unwrap().conversion.success_probability;
                match t.removal_effect {
                    Some(re) => prop_assert!((re - (1.0 - without / s)).abs() < 1e-9, "{} {}: {} vs {} in {}", p.persona, t.touchpoint, re, 1.0 - without / s, serde_json::to_string(&value).unwrap()),
                    None => prop_assert!(s <= 0.0),
                }
            }
        }
    }
}
