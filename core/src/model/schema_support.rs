//! Helpers for the JSON Schema generated from the model types.

use schemars::Schema;
use serde_json::{Value, json};

/// Makes an object schema strict: no properties beyond the declared ones, except keys
/// starting with `x-`, which any object may carry.
pub(super) fn x_fields(schema: &mut Schema) {
    if schema.get("properties").is_some() {
        schema.insert("additionalProperties".to_owned(), Value::Bool(false));
        schema.insert("patternProperties".to_owned(), json!({ "^x-": true }));
    }
}

/// A small complete map used as the schema's example.
pub(super) fn example_map() -> Value {
    json!({
        "format_version": "1.0",
        "id": "coffee-order",
        "title": "Ordering a coffee ahead",
        "personas": [{ "id": "commuter", "name": "Sam, morning commuter", "share": 1.0 }],
        "channels": [{ "id": "app", "name": "Mobile app", "kind": "digital", "mode": "self_service" }],
        "stages": [{ "id": "order", "name": "Order", "order": 1 }],
        "touchpoints": [{
            "id": "pay", "name": "Pays in the app", "stage": "order", "channel": "app",
            "measures": { "emotion": 1, "effort": 2 }
        }],
        "transitions": [{ "from": "pay", "to": "served", "probability": 0.9 },
                        { "from": "pay", "to": "gave-up", "probability": 0.1 }],
        "entries": [{ "touchpoint": "pay" }],
        "outcomes": [{ "id": "served", "name": "Coffee served", "kind": "success" },
                     { "id": "gave-up", "name": "Gave up", "kind": "failure" }]
    })
}

/// `$id` of the published schema.
pub const SCHEMA_ID: &str = "https://journeymap.dev/schema/v1/journey-map.schema.json";

/// The JSON Schema (draft 2020-12) of format v1, generated from the model types.
pub fn json_schema() -> Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<super::JourneyMap>();
    let mut value = schema.to_value();
    strip_numeric_formats(&mut value);
    if let Some(Value::Object(defs)) = value.get_mut("$defs") {
        for (name, def) in defs.iter_mut() {
            add_title(name, def);
        }
    }
    if let Value::Object(object) = &mut value {
        let mut ordered = serde_json::Map::new();
        ordered.insert(
            "$schema".to_owned(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        ordered.insert("$id".to_owned(), json!(SCHEMA_ID));
        for (key, v) in std::mem::take(object) {
            if key != "$schema" {
                ordered.insert(key, v);
            }
        }
        *object = ordered;
    }
    value
}

/// Gives a definition without a `title` one made from its name (`SurveyPlan` → "Survey plan"),
/// first among its keys. Typed views generated from the schema name each type after its title
/// written without spaces, which is the definition's name again.
fn add_title(name: &str, def: &mut Value) {
    let Value::Object(object) = def else {
        return;
    };
    if object.contains_key("title") {
        return;
    }
    let mut title = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            title.push(' ');
            title.extend(c.to_lowercase());
        } else {
            title.push(c);
        }
    }
    let mut ordered = serde_json::Map::with_capacity(object.len() + 1);
    ordered.insert("title".to_owned(), Value::String(title));
    ordered.append(object);
    *object = ordered;
}

/// Removes the Rust-specific numeric `format`s (`double`, `uint64`, ...) schemars emits: they are
/// not JSON Schema formats, and strict validators such as ajv reject unknown formats.
fn strip_numeric_formats(value: &mut Value) {
    match value {
        Value::Object(object) => {
            let numeric = matches!(
                object.get("format").and_then(Value::as_str),
                Some(
                    "double"
                        | "float"
                        | "int8"
                        | "int16"
                        | "int32"
                        | "int64"
                        | "uint"
                        | "uint8"
                        | "uint16"
                        | "uint32"
                        | "uint64"
                        | "int"
                )
            );
            if numeric {
                object.remove("format");
            }
            object.values_mut().for_each(strip_numeric_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_numeric_formats),
        _ => {}
    }
}
