//! The path that reads in place and the full path give the same report and the same map.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use serde_json::{Value, json};

use super::{Limits, fast_check, full_check};

/// Checks `text` both ways; returns whether the in-place path took it. Only a text with an
/// error may leave it.
fn same(text: &str) -> bool {
    let limits = Limits::default();
    let full = full_check(text, &limits);
    match fast_check(text, &limits) {
        Some(fast) => {
            assert_eq!(fast.0, full.0, "report of {text:.200}");
            assert_eq!(fast.1, full.1, "map of {text:.200}");
            true
        }
        None => {
            assert!(
                full.0.diagnostics.iter().any(|d| d.is_error()),
                "{text:.200} left the in-place path without an error"
            );
            false
        }
    }
}

fn repository_texts() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = Vec::new();
    for dir in [
        "examples",
        "testdata/invalid",
        "testdata/scoring",
        "testdata/render",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().is_some_and(|e| e == "json")
                && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path.display().to_string(), text));
            }
        }
    }
    out
}

#[test]
fn every_map_of_the_repository_reads_the_same_both_ways() {
    let texts = repository_texts();
    assert!(texts.len() > 20, "{} texts", texts.len());
    let mut fast = 0;
    for (name, text) in &texts {
        if same(text) {
            fast += 1;
        } else {
            assert!(!name.contains("examples"), "{name} left the in-place path");
        }
    }
    // The examples and the valid vectors all take the in-place path.
    assert!(fast >= 4, "{fast} of {} texts read in place", texts.len());
}

/// A small valid map, then changed at random: fields removed, values replaced, members added.
fn base() -> Value {
    serde_json::from_str(include_str!("../../../examples/solar-installation.json")).unwrap()
}

fn mutate(value: &mut Value, path: &[usize], replacement: &Value) {
    let Some((&step, rest)) = path.split_first() else {
        *value = replacement.clone();
        return;
    };
    match value {
        Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap();
            mutate(map.get_mut(&key).unwrap(), rest, replacement);
        }
        Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            mutate(&mut items[step % len], rest, replacement);
        }
        _ => *value = replacement.clone(),
    }
}

fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(-1)),
        Just(json!(0.5)),
        Just(json!(1.5e300)),
        Just(json!(7)),
        Just(json!("x")),
        Just(json!("as-is")),
        Just(json!("t\"é\\n")),
        Just(json!([])),
        Just(json!({})),
        Just(json!({"x-tool": {"a": [1, 2.5, "b"]}})),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn changed_maps_read_the_same_both_ways(
        changes in prop::collection::vec((prop::collection::vec(0usize..40, 1..5), replacement()), 0..4),
        pretty in any::<bool>(),
    ) {
        let mut value = base();
        for (path, with) in &changes {
            mutate(&mut value, path, with);
        }
        let text = if pretty {
            serde_json::to_string_pretty(&value).unwrap()
        } else {
            serde_json::to_string(&value).unwrap()
        };
        same(&text);
    }
}
