//! Malformed inputs: each gets a clear diagnostic with a stable code, and nothing panics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use journeymap::validate::{Limits, Report, validate_bytes, validate_str, validate_value};

fn codes(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

fn only_error(bytes: &[u8], limits: &Limits) -> &'static str {
    let report = validate_bytes(bytes, limits);
    assert!(!report.is_valid());
    let first = report.errors().next().unwrap();
    assert!(!first.message.is_empty());
    first.code.as_str()
}

#[test]
fn empty_and_whitespace_input() {
    assert_eq!(only_error(b"", &Limits::default()), "JM004");
    assert_eq!(only_error(b"  \n ", &Limits::default()), "JM004");
    let report = validate_bytes(b"", &Limits::default());
    assert!(report.diagnostics[0].message.contains("empty"));
}

#[test]
fn truncated_json_reports_where_it_stopped() {
    let report = validate_str("{\n  \"id\": \"x\",\n  \"personas\": [", &Limits::default());
    let d = &report.diagnostics[0];
    assert_eq!(d.code.as_str(), "JM004");
    assert!(d.message.contains("truncated"), "{}", d.message);
    assert_eq!(d.line, Some(3));
}

#[test]
fn wrong_top_level_types() {
    for text in ["[]", "[1,2]", "\"map\"", "42", "true", "null"] {
        let report = validate_str(text, &Limits::default());
        assert_eq!(codes(&report), vec!["JM010"], "{text}");
    }
}

#[test]
fn wrong_types_inside_are_all_reported() {
    let text = r#"{"format_version": 1, "id": ["x"], "title": null, "personas": {}, "touchpoints": "none"}"#;
    let report = validate_str(text, &Limits::default());
    let paths: Vec<&str> = report.diagnostics.iter().map(|d| d.path.as_str()).collect();
    for p in [
        "/format_version",
        "/id",
        "/title",
        "/personas",
        "/touchpoints",
    ] {
        assert!(paths.contains(&p), "{p} not reported: {paths:?}");
    }
    assert!(
        report
            .diagnostics
            .iter()
            .all(|d| d.code.as_str() == "JM011"),
        "{:?}",
        codes(&report)
    );
}

#[test]
fn ten_thousand_deep_nesting_is_a_diagnostic_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(only_error(deep.as_bytes(), &Limits::default()), "JM003");
    let deep_object = format!(
        "{{\"x-a\": {}1{}}}",
        "{\"x-b\": ".repeat(10_000),
        "}".repeat(10_000)
    );
    assert_eq!(
        only_error(deep_object.as_bytes(), &Limits::default()),
        "JM003"
    );
    // An already parsed value is checked without recursion too.
    let mut value = serde_json::Value::Null;
    for _ in 0..100 {
        value = serde_json::Value::Array(vec![value]);
    }
    assert_eq!(
        codes(&validate_value(&value, &Limits::default())),
        vec!["JM003"]
    );
}

#[test]
fn huge_numbers_are_out_of_range() {
    let text = r#"{"format_version": "1.0", "id": "x", "title": "t", "x-n": 1e400}"#;
    assert_eq!(only_error(text.as_bytes(), &Limits::default()), "JM006");
    let text = r#"{"format_version": "1.0", "id": "x", "title": "t", "personas": [{"id": "p", "name": "P", "share": -1e400}]}"#;
    assert_eq!(only_error(text.as_bytes(), &Limits::default()), "JM006");
}

#[test]
fn non_utf8_bytes_are_located() {
    let report = validate_bytes(b"{\n \"id\": \"caf\xe9\"}", &Limits::default());
    let d = &report.diagnostics[0];
    assert_eq!(d.code.as_str(), "JM002");
    assert_eq!((d.line, d.column), (Some(2), Some(12)));
}

#[test]
fn duplicate_keys_are_reported_at_their_object() {
    let text = r#"{"format_version": "1.0", "id": "a", "title": "t",
        "personas": [{"id": "p", "name": "P", "name": "Q"}], "id": "b"}"#;
    let report = validate_str(text, &Limits::default());
    let dups: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "JM005")
        .map(|d| d.path.as_str())
        .collect();
    assert_eq!(dups, vec!["/personas/0/name", "/id"]);
}

#[test]
fn fifty_megabyte_file_is_handled_within_limits() {
    // 50 MB of touchpoint names inside one valid map.
    let filler = "x".repeat(50 * 1024 * 1024);
    let text = format!(
        r#"{{"format_version": "1.0", "id": "big", "title": "t", "description": "{filler}", "personas": [{{"id": "p", "name": "P"}}]}}"#
    );
    let report = validate_str(&text, &Limits::default());
    assert!(report.is_valid(), "{:?}", codes(&report));
    // With a smaller size limit the same input is refused at once.
    let small = Limits {
        max_bytes: 1024 * 1024,
        ..Limits::default()
    };
    assert_eq!(only_error(text.as_bytes(), &small), "JM001");
}

#[test]
fn node_and_edge_limits() {
    let tps: Vec<String> = (0..50)
        .map(|i| format!(r#"{{"id": "t{i}", "name": "T", "stage": "s", "channel": "c"}}"#))
        .collect();
    let text = format!(
        r#"{{"format_version": "1.0", "id": "m", "title": "t", "touchpoints": [{}], "transitions": [{}]}}"#,
        tps.join(","),
        (0..50)
            .map(|i| format!(r#"{{"from": "t{i}", "to": "t0"}}"#))
            .collect::<Vec<_>>()
            .join(",")
    );
    let limits = Limits {
        max_nodes: 10,
        ..Limits::default()
    };
    assert_eq!(only_error(text.as_bytes(), &limits), "JM007");
    let limits = Limits {
        max_edges: 10,
        ..Limits::default()
    };
    assert_eq!(only_error(text.as_bytes(), &limits), "JM008");
}

#[test]
fn garbage_never_panics() {
    let inputs: [&[u8]; 9] = [
        b"{",
        b"}",
        b"{\"a\"",
        b"{\"a\":}",
        b"[{]}",
        b"\xff\xfe\x00",
        b"{\"format_version\": \"1.0\", \"id\": \"x\", \"title\": \"t\", \"touchpoints\": [{}]}",
        b"{\"format_version\": \"1.0\", \"id\": \"x\", \"title\": \"t\", \"transitions\": [{\"from\": \"\", \"to\": \"\"}]}",
        b"\"\\ud800\"",
    ];
    for input in inputs {
        let report = validate_bytes(input, &Limits::default());
        assert!(!report.is_valid(), "{:?}", String::from_utf8_lossy(input));
    }
}
