//! The committed schema is exactly what the model types generate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

#[test]
fn schema_is_a_valid_2020_12_schema_with_id_and_example() {
    let schema = journeymap::json_schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["$id"], journeymap::model::SCHEMA_ID);
    assert!(jsonschema::meta::is_valid(&schema));
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let examples = schema["examples"].as_array().unwrap();
    assert!(!examples.is_empty());
    for example in examples {
        assert!(validator.is_valid(example));
        journeymap::io::from_value(example.clone()).unwrap();
    }
}

#[test]
fn every_definition_has_a_title_and_a_description() {
    for schema in [journeymap::json_schema(), common::committed_schema()] {
        assert!(schema["title"].is_string() && schema["description"].is_string());
        let defs = schema["$defs"].as_object().unwrap();
        assert!(defs.len() >= 30, "{} definitions", defs.len());
        for (name, def) in defs {
            let title = def["title"].as_str().unwrap_or_default();
            assert!(!title.trim().is_empty(), "{name} has no title");
            // Typed views generated from the schema name a type after its title without spaces.
            assert_eq!(
                title
                    .split(' ')
                    .map(|w| w[..1].to_uppercase() + &w[1..])
                    .collect::<String>(),
                *name,
                "{name}: title \"{title}\""
            );
            let description = def["description"].as_str().unwrap_or_default();
            assert!(!description.trim().is_empty(), "{name} has no description");
        }
    }
}

/// Every `integer` property of the schema, as `Definition.property`. Integer fields read integral
/// floats (`1.0`) and are bounded to the range every JSON reader holds exactly; a new one must
/// do the same (see `model::serde_support`) and be added here.
#[test]
fn integer_fields_are_known_and_bounded() {
    let schema = journeymap::json_schema();
    let mut found = Vec::new();
    let mut objects: Vec<(String, &serde_json::Value)> = vec![("JourneyMap".into(), &schema)];
    for (name, def) in schema["$defs"].as_object().unwrap() {
        objects.push((name.clone(), def));
    }
    for (name, object) in objects {
        let Some(properties) = object["properties"].as_object() else {
            continue;
        };
        for (key, property) in properties {
            let types = match &property["type"] {
                serde_json::Value::String(t) => vec![t.as_str()],
                serde_json::Value::Array(ts) => ts.iter().filter_map(|t| t.as_str()).collect(),
                _ => vec![],
            };
            if types.contains(&"integer") {
                found.push(format!("{name}.{key}"));
                assert_eq!(
                    property["maximum"], 9_007_199_254_740_991_i64,
                    "{name}.{key}"
                );
                assert!(
                    property["minimum"] == 0 || property["minimum"] == -9_007_199_254_740_991_i64,
                    "{name}.{key}"
                );
            }
        }
    }
    found.sort();
    assert_eq!(found, vec!["Evidence.n", "Stage.order"]);
}

#[test]
fn persona_measures_accept_x_keys_with_any_value() {
    let schema = common::committed_schema();
    let pm = &schema["$defs"]["Touchpoint"]["properties"]["persona_measures"];
    assert_eq!(pm["patternProperties"]["^x-"], true);
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let map = |pm: serde_json::Value| {
        serde_json::json!({"format_version": "1.0", "id": "m", "title": "t",
            "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "c", "persona_measures": pm}]})
    };
    assert!(validator.is_valid(&map(
        serde_json::json!({"x-note": "any", "p": {"emotion": 1}})
    )));
    assert!(!validator.is_valid(&map(serde_json::json!({"p": "not measures"}))));
}
