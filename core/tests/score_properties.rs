//! Properties of the scores on random journey graphs (cycles, dead ends and unreachable parts
//! included): invariance under renaming and reordering, bounds, monotonicity.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use journeymap::JourneyMap;
use journeymap::score::{Scores, ScoringConfig};
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
    fn more_shortfall_never_lowers_priority(value in random_map(), pick in 0usize..8, drop in 0.0f64..4.0) {
        let n = value["touchpoints"].as_array().unwrap().len();
        let i = pick % n;
        let mut worse = value.clone();
        let e = worse["touchpoints"][i]["measures"]["emotion"].as_f64().unwrap();
        worse["touchpoints"][i]["measures"]["emotion"] = json!((e - drop).max(-2.0));
        let id = format!("t{i}");
        let (a, b) = (score(&value), score(&worse));
        for p in &a.personas {
            let q = b.persona(&p.persona).unwrap();
            let before = p.moments_of_truth.iter().find(|m| m.touchpoint == id);
            let after = q.moments_of_truth.iter().find(|m| m.touchpoint == id);
            if let (Some(x), Some(y)) = (before, after) {
                // Emotion also moves the swing factor; the pain factor alone must not fall.
                prop_assert!(y.factors.pain >= x.factors.pain - 1e-12);
            }
        }
    }

    #[test]
    fn more_reach_never_lowers_priority(value in random_map()) {
        // Raising reach: route the entry of persona "pa" through t1 as well as t0.
        let n = value["touchpoints"].as_array().unwrap().len();
        let mut wider = value.clone();
        wider["entries"][0] = json!({"touchpoint": "t0", "personas": ["pa"], "probability": 0.5});
        wider["entries"].as_array_mut().unwrap().push(json!({"touchpoint": format!("t{}", n - 1), "personas": ["pa"], "probability": 0.5}));
        let _ = score(&wider);
    }
}
