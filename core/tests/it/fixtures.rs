//! Every fixture in testdata/ and every example map gets the verdict it is meant to get.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::{committed_schema, json_files, normalize, root};
use journeymap::io;
use journeymap::validate::{Limits, validate_bytes};
use serde_json::Value;

fn valid_maps() -> Vec<std::path::PathBuf> {
    let mut files = json_files("testdata/valid");
    files.extend(json_files("examples"));
    assert!(files.len() >= 3, "no valid maps found");
    files
}

#[test]
fn valid_maps_are_valid_and_round_trip_losslessly() {
    let schema = jsonschema::draft202012::new(&committed_schema()).unwrap();
    for file in valid_maps() {
        let bytes = std::fs::read(&file).unwrap();
        let report = validate_bytes(&bytes, &Limits::default());
        let errors: Vec<_> = report.errors().collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", file.display());
        let warnings: Vec<_> = report.warnings().collect();
        assert!(warnings.is_empty(), "{}: {warnings:#?}", file.display());

        let original: Value = serde_json::from_slice(&bytes).unwrap();
        assert!(
            schema.is_valid(&original),
            "{} fails the published schema",
            file.display()
        );
        let map = io::from_path(&file).unwrap();
        let saved = io::to_value(&map).unwrap();
        // The same JSON value (`1.0` in a file is written `1`: equal numbers), `x-` keys and
        // extensions included.
        assert_eq!(
            normalize(&saved),
            normalize(&original),
            "{} changed in a round trip",
            file.display()
        );
        // Integers are written as integers, as their authors wrote them.
        let text = io::to_string(&map).unwrap();
        assert!(
            !text.contains(".0,") && !text.contains(".0\n") && !text.contains(".0}"),
            "{}: an integral number written as a float",
            file.display()
        );
        let again = io::from_str(&io::to_string(&map).unwrap()).unwrap();
        assert_eq!(again, map);
    }
}

#[test]
fn every_invalid_fixture_reports_its_code_severity_and_path_and_no_other_error() {
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/invalid/expected.json")).unwrap(),
    )
    .unwrap();
    let expected = expected.as_object().unwrap();
    let mut files = json_files("testdata/invalid");
    files.retain(|f| !f.ends_with("expected.json"));
    assert_eq!(
        files.len(),
        expected.len(),
        "expected.json and the fixtures disagree"
    );
    let schema = jsonschema::draft202012::new(&committed_schema()).unwrap();
    for file in files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let entry = expected
            .get(&name)
            .unwrap_or_else(|| panic!("{name} missing from expected.json"));
        check_invalid_fixture(&name, &std::fs::read(&file).unwrap(), entry, &schema);
    }
}

/// One invalid fixture against its entry of expected.json: its codes, the severity and path of
/// the first, no other error, positions, the schema's verdict and the loader's error.
fn check_invalid_fixture(name: &str, bytes: &[u8], entry: &Value, schema: &jsonschema::Validator) {
    let report = validate_bytes(bytes, &Limits::default());
    let got: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    let codes: Vec<&str> = entry["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(!codes.is_empty(), "{name}: no expected code");
    for code in &codes {
        assert!(got.contains(code), "{name}: expected {code}, got {got:?}");
        // The file is named after the code it proves.
        assert!(name.starts_with(code), "{name} is not named after {code}");
    }
    // The diagnostic the fixture is for: its severity (as written in expected.json and as
    // catalogued) and its JSON pointer.
    let main = report
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == codes[0])
        .unwrap();
    let severity = entry["severity"].as_str().unwrap();
    assert_eq!(main.severity.as_str(), severity, "{name}: severity");
    assert_eq!(main.code.severity(), main.severity, "{name}: catalogue");
    assert_eq!(main.path, entry["path"].as_str().unwrap(), "{name}: path");
    // Each fixture proves one rule: no error of another code.
    let other_errors: Vec<String> = report
        .errors()
        .filter(|d| !codes.contains(&d.code.as_str()))
        .map(ToString::to_string)
        .collect();
    assert!(
        other_errors.is_empty(),
        "{name}: errors other than {codes:?}: {other_errors:#?}"
    );
    for d in &report.diagnostics {
        assert!(
            d.path.is_empty() || d.path.starts_with('/'),
            "{name}: bad pointer {}",
            d.path
        );
        assert!(
            d.line.is_some() && d.column.is_some(),
            "{name}: no position for {d:?}"
        );
    }
    // Structural defects are rejected by the published schema alone; semantic ones and
    // oversized maps pass it.
    match entry["kind"].as_str().unwrap() {
        "parse" => {}
        kind => {
            assert!(
                ["structural", "semantic", "limit"].contains(&kind),
                "{name}: kind {kind}"
            );
            let value: Value = serde_json::from_slice(bytes).unwrap();
            assert_eq!(
                !schema.is_valid(&value),
                kind == "structural",
                "{name}: schema verdict differs"
            );
        }
    }
    let load = io::from_slice(bytes);
    if report.is_valid() {
        assert_ne!(severity, "error", "{name}: an error fixture is valid");
        assert!(
            load.is_ok(),
            "{name}: valid with warnings but does not load"
        );
    } else {
        let err = load.unwrap_err();
        assert_eq!(err.diagnostics(), report.diagnostics.as_slice());
        assert_eq!(err.code().as_str(), codes[0], "{name}: load error code");
    }
}

#[test]
fn validate_map_agrees_with_validate_str_on_semantic_rules() {
    let text = std::fs::read_to_string(root().join("testdata/valid/full.json")).unwrap();
    let mut map = io::from_str(&text).unwrap();
    assert!(
        journeymap::validate::validate_map(&map)
            .diagnostics
            .is_empty()
    );
    map.touchpoints[0].measures.emotion = Some(f64::NAN);
    map.touchpoints[0]
        .x
        .insert("colour".into(), Value::from("red"));
    map.transitions[0].probability = Some(2.0);
    let report = journeymap::validate::validate_map(&map);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert!(codes.contains(&"JM031"), "{codes:?}");
    assert!(codes.contains(&"JM044"), "{codes:?}");
    assert!(codes.contains(&"JM015"), "{codes:?}");
    assert!(
        !codes.contains(&"JM011"),
        "NaN must be reported once, as non-finite: {codes:?}"
    );
}

#[test]
fn every_json_block_of_the_format_doc_is_a_valid_map() {
    let doc = std::fs::read_to_string(root().join("docs/format.md")).unwrap();
    let blocks: Vec<&str> = doc
        .split("```json\n")
        .skip(1)
        .filter_map(|b| b.split("\n```").next())
        .collect();
    assert!(blocks.len() >= 2);
    for block in blocks {
        let report = journeymap::validate::validate_str(block, &Limits::default());
        assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    }
}
