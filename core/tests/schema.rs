//! The committed schema is exactly what the model types generate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

#[test]
fn committed_schema_matches_the_model() {
    let generated = serde_json::to_string_pretty(&journeymap::json_schema()).unwrap() + "\n";
    let path = common::root().join("schema/journey-map.schema.json");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schema/journey-map.schema.json is out of date; regenerate it with:\n  cargo run -p journeymap-cli -- schema > schema/journey-map.schema.json"
    );
}

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
