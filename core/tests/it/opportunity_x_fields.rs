//! Nothing is lost when opportunities are applied: every `x-` key of the as-is map (on merged
//! moves and entries, and on each kind of effect) is still somewhere in the to-be map.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use journeymap::JourneyMap;
use journeymap::score::APPLIED_EFFECTS_KEY;
use journeymap::validate::Limits;
use serde_json::{Value, json};

/// A map whose opportunity has every kind of effect, each carrying `x-` keys, and whose moves
/// and entries carrying `x-` keys are merged by the removal of `c` (redirected to `b`), with a
/// duplicate of the move the opportunity changes.
fn as_is() -> Value {
    json!({
      "format_version": "1.0",
      "id": "x-fields-as-is",
      "title": "x- keys through an as-is map",
      "personas": [ { "id": "p", "name": "Everyone", "share": 1 } ],
      "channels": [ { "id": "web", "name": "Website", "kind": "digital" } ],
      "stages": [ { "id": "s1", "name": "Only", "order": 1 } ],
      "touchpoints": [
        { "id": "a", "name": "A", "stage": "s1", "channel": "web", "measures": { "emotion": 0 } },
        { "id": "b", "name": "B", "stage": "s1", "channel": "web", "measures": { "emotion": 0 } },
        { "id": "c", "name": "C", "stage": "s1", "channel": "web", "measures": { "emotion": 0 } },
        { "id": "d", "name": "D", "stage": "s1", "channel": "web", "measures": { "emotion": -1, "x-own": "d" } }
      ],
      "transitions": [
        { "from": "a", "to": "b", "probability": 0.5, "x-move-ab": "ab" },
        { "from": "a", "to": "c", "probability": 0.3, "label": "via c", "x-move-ac": "ac" },
        { "from": "a", "to": "lost", "probability": 0.2, "x-removed-move": "kept?" },
        { "from": "b", "to": "d", "probability": 0.9 },
        { "from": "c", "to": "d", "probability": 1 },
        { "from": "d", "to": "won", "probability": 0.8, "x-move-dw": "dw" },
        { "from": "d", "to": "won", "probability": 0.8, "label": "twin", "x-twin": "twin" },
        { "from": "d", "to": "lost", "probability": 0.2 }
      ],
      "entries": [
        { "touchpoint": "a", "probability": 0.5 },
        { "touchpoint": "b", "probability": 0.3, "x-entry-b": "b" },
        { "touchpoint": "c", "probability": 0.2, "x-entry-c": "c" }
      ],
      "outcomes": [
        { "id": "won", "name": "Won", "kind": "success" },
        { "id": "lost", "name": "Lost", "kind": "failure" }
      ],
      "opportunities": [
        { "id": "o", "title": "Everything at once", "x-opportunity": "o",
          "effects": {
            "x-effects": "effects",
            "measures": [
              { "touchpoint": "d", "measures": { "emotion": 1, "x-new-values": "everyone" },
                "x-measure-effect": "m0" },
              { "touchpoint": "b", "personas": ["p"], "measures": { "effort": 2, "x-new-p": "p" },
                "x-measure-effect-p": "m1" }
            ],
            "transitions": [
              { "from": "d", "to": "won", "probability": 0.9, "x-changed": "changed" },
              { "from": "d", "to": "lost", "probability": 0.1 },
              { "from": "b", "to": "won", "probability": 0.1, "x-added": "added" }
            ],
            "removed_transitions": [ { "from": "a", "to": "lost", "x-removal": "removal" } ],
            "removed_touchpoints": [ { "touchpoint": "c", "redirect_to": "b", "x-redirect": "redirect" } ]
          } }
      ]
    })
}

/// Every `x-` key with its value, anywhere in `value` (inside `x-` values too).
fn x_pairs(value: &Value, out: &mut BTreeSet<(String, String)>) {
    match value {
        Value::Object(object) => {
            for (key, v) in object {
                if key.starts_with("x-") {
                    out.insert((key.clone(), v.to_string()));
                }
                x_pairs(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| x_pairs(v, out)),
        _ => {}
    }
}

fn transition<'v>(map: &'v Value, from: &str, to: &str) -> Vec<&'v Value> {
    map["transitions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["from"] == from && t["to"] == to)
        .collect()
}

#[test]
fn every_x_key_survives_apply() {
    let input = as_is();
    // Read without validation: the duplicate move is an error the effect resolves.
    let map: JourneyMap = serde_json::from_value(input.clone()).unwrap();
    let to_be = serde_json::to_value(map.apply(&["o"]).unwrap()).unwrap();

    let mut before = BTreeSet::new();
    x_pairs(&input, &mut before);
    // The removed move's own keys go with it (the move is removed, as the effect says).
    before.remove(&("x-removed-move".to_owned(), "\"kept?\"".to_owned()));
    let mut after = BTreeSet::new();
    x_pairs(&to_be, &mut after);
    let lost: Vec<_> = before.difference(&after).collect();
    assert!(lost.is_empty(), "x- keys lost by apply: {lost:?}");
    assert!(transition(&to_be, "a", "lost").is_empty());

    // Where they are: merged moves and entries keep the keys of what they absorbed.
    let ab = transition(&to_be, "a", "b");
    assert_eq!(ab.len(), 1);
    assert_eq!(ab[0]["probability"], json!(0.8));
    assert_eq!(ab[0]["x-move-ab"], "ab");
    assert_eq!(ab[0]["x-move-ac"], "ac");
    assert_eq!(ab[0]["label"], "via c");
    let dw = transition(&to_be, "d", "won");
    assert_eq!(dw.len(), 1, "the duplicate is merged into the changed move");
    assert_eq!(dw[0]["probability"], json!(0.9));
    assert_eq!(dw[0]["x-move-dw"], "dw");
    assert_eq!(dw[0]["x-twin"], "twin");
    assert_eq!(dw[0]["label"], "twin");
    assert_eq!(dw[0]["x-changed"], "changed");
    assert_eq!(transition(&to_be, "b", "won")[0]["x-added"], "added");
    let entries = to_be["entries"].as_array().unwrap();
    let b = entries.iter().find(|e| e["touchpoint"] == "b").unwrap();
    assert_eq!(b["probability"], json!(0.5));
    assert_eq!(
        (&b["x-entry-b"], &b["x-entry-c"]),
        (&json!("b"), &json!("c"))
    );

    // New measure values bring their keys, next to those the measures had.
    let touchpoints = to_be["touchpoints"].as_array().unwrap();
    let d = touchpoints.iter().find(|t| t["id"] == "d").unwrap();
    assert_eq!(
        d["measures"],
        json!({ "emotion": 1, "x-own": "d", "x-new-values": "everyone" })
    );
    let b = touchpoints.iter().find(|t| t["id"] == "b").unwrap();
    assert_eq!(
        b["persona_measures"]["p"],
        json!({ "effort": 2, "x-new-p": "p" })
    );

    // The applied opportunity has no effects left, and keeps their keys by JSON pointer.
    let o = &to_be["opportunities"][0];
    assert!(o.get("effects").is_none());
    assert_eq!(o["x-opportunity"], "o");
    assert_eq!(
        o[APPLIED_EFFECTS_KEY],
        json!({
            "/effects": { "x-effects": "effects" },
            "/effects/measures/0": { "x-measure-effect": "m0" },
            "/effects/measures/0/measures": { "x-new-values": "everyone" },
            "/effects/measures/1": { "x-measure-effect-p": "m1" },
            "/effects/measures/1/measures": { "x-new-p": "p" },
            "/effects/transitions/0": { "x-changed": "changed" },
            "/effects/transitions/2": { "x-added": "added" },
            "/effects/removed_transitions/0": { "x-removal": "removal" },
            "/effects/removed_touchpoints/0": { "x-redirect": "redirect" }
        })
    );

    // The to-be map reads back as it was written, and its x- keys raise nothing.
    let again: JourneyMap = serde_json::from_value(to_be.clone()).unwrap();
    assert_eq!(serde_json::to_value(&again).unwrap(), to_be);
    let report = journeymap::validate::validate_value(&to_be, &Limits::default());
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| !d.path.to_string().contains("x-")),
        "{:?}",
        report.diagnostics
    );
}

#[test]
fn a_merge_keeps_the_survivors_value_on_the_same_key() {
    let mut input = as_is();
    input["transitions"][1]["x-move-ab"] = json!("from c");
    input["entries"][2]["x-entry-b"] = json!("from c");
    let map: JourneyMap = serde_json::from_value(input).unwrap();
    let to_be = serde_json::to_value(map.apply(&["o"]).unwrap()).unwrap();
    assert_eq!(transition(&to_be, "a", "b")[0]["x-move-ab"], "ab");
    let entries = to_be["entries"].as_array().unwrap();
    let b = entries.iter().find(|e| e["touchpoint"] == "b").unwrap();
    assert_eq!(b["x-entry-b"], "b");
}
