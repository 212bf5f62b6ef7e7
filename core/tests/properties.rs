//! Properties: generated valid maps round-trip through JSON unchanged (extensions and `x-` keys
//! included), and validation never panics, whatever the JSON.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use journeymap::io;
use journeymap::model::{
    Channel, ChannelKind, Entry, JourneyMap, Outcome, OutcomeKind, Persona, Stage, Touchpoint,
    Transition,
};
use journeymap::validate::{Limits, validate_map, validate_str, validate_value};
use proptest::prelude::*;
use serde_json::{Map, Value, json};

fn x_fields() -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::btree_map("x-[a-z]{1,6}", any_json(1), 0..3)
        .prop_map(|m| m.into_iter().collect())
}

fn any_json(depth: u32) -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(|f| json!(f)),
        "\\PC{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(depth, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("\\PC{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// A valid map: a chain of `n` touchpoints with a success exit and a failure exit at each step.
fn valid_map() -> impl Strategy<Value = JourneyMap> {
    (1usize..8, prop::collection::vec(-2.0f64..=2.0, 8), prop::collection::vec(0.0f64..=0.5, 8), x_fields(), x_fields())
        .prop_map(|(n, emotions, leaks, x_root, x_tp)| {
            let mut map = JourneyMap::new("generated", "Generated map");
            map.x = x_root;
            map.extensions.insert("tool".into(), json!({"zoom": 2}));
            map.personas.push(Persona {
                id: "p".into(),
                name: "P".into(),
                description: None,
                share: Some(1.0),
                goals: vec!["g".into()],
                motivations: vec![],
                frustrations: vec![],
                preferred_channels: vec!["web".into()],
                attributes: Map::new(),
                x: Map::new(),
            });
            map.channels.push(Channel { id: "web".into(), name: "Web".into(), kind: ChannelKind::Digital, mode: None, x: Map::new() });
            map.stages.push(Stage {
                id: "s".into(),
                name: "S".into(),
                order: Some(1),
                description: None,
                customer_goal: None,
                business_goal: None,
                kpis: vec![],
                x: Map::new(),
            });
            for i in 0..n {
                let mut t: Touchpoint = serde_json::from_value(json!({
                    "id": format!("t{i}"), "name": format!("Step {i}"), "stage": "s", "channel": "web",
                    "measures": {"emotion": emotions[i]}
                }))
                .unwrap();
                t.x = x_tp.clone();
                map.touchpoints.push(t);
                let next = if i + 1 < n { format!("t{}", i + 1) } else { "won".to_owned() };
                for (to, p) in [(next, 1.0 - leaks[i]), ("lost".to_owned(), leaks[i])] {
                    map.transitions.push(Transition { from: format!("t{i}"), to, personas: vec![], probability: Some(p), count: None, label: None, x: Map::new() });
                }
            }
            map.entries.push(Entry { touchpoint: "t0".into(), personas: vec![], probability: None, count: None, x: Map::new() });
            for (id, kind) in [("won", OutcomeKind::Success), ("lost", OutcomeKind::Failure)] {
                map.outcomes.push(Outcome { id: id.into(), name: id.into(), kind, description: None, value: None, x: Map::new() });
            }
            map
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn valid_maps_round_trip_unchanged(map in valid_map()) {
        let report = validate_map(&map);
        prop_assert!(report.is_valid(), "{:?}", report.diagnostics);
        let text = io::to_string(&map).unwrap();
        let back = io::from_str(&text).unwrap();
        prop_assert_eq!(&back, &map);
        prop_assert_eq!(io::to_string(&back).unwrap(), text);
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(value in any_json(5)) {
        let _ = validate_value(&value, &Limits::default());
        let _ = validate_str(&value.to_string(), &Limits::default());
    }

    #[test]
    fn validation_never_panics_on_mutated_maps(map in valid_map(), path_choice in 0usize..64, replacement in any_json(2)) {
        // Replace one value somewhere in a valid map with arbitrary JSON.
        let mut value = io::to_value(&map).unwrap();
        let mut pointers = Vec::new();
        collect_pointers(&value, String::new(), &mut pointers);
        let pointer = &pointers[path_choice % pointers.len()];
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = replacement;
        }
        let report = validate_value(&value, &Limits::default());
        if report.is_valid() {
            prop_assert!(io::from_value(value).is_ok());
        }
    }

    #[test]
    fn validation_never_panics_on_arbitrary_text(text in "\\PC{0,64}") {
        let _ = validate_str(&text, &Limits::default());
    }
}

fn collect_pointers(value: &Value, here: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                collect_pointers(
                    v,
                    format!("{here}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                collect_pointers(v, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(here);
}
