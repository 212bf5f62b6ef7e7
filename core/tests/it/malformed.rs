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

fn map_with(extra: &str) -> String {
    format!(
        r#"{{"format_version": "1.0", "id": "m", "title": "t",
            "personas": [{{"id": "p", "name": "P"}}],
            "channels": [{{"id": "web", "name": "Web", "kind": "digital"}}],
            "stages": [{{"id": "s", "name": "S", "order": 1}}],
            "touchpoints": [{{"id": "a", "name": "A", "stage": "s", "channel": "web"}}],
            "transitions": [{{"from": "a", "to": "won"}}],
            "entries": [{{"touchpoint": "a"}}],
            "outcomes": [{{"id": "won", "name": "Won", "kind": "success"}}]{extra}}}"#
    )
}

#[test]
fn persona_and_object_limits() {
    let personas: Vec<String> = (0..20)
        .map(|i| format!(r#"{{"id": "p{i}", "name": "P"}}"#))
        .collect();
    let text = format!(
        r#"{{"format_version": "1.0", "id": "m", "title": "t", "personas": [{}]}}"#,
        personas.join(",")
    );
    assert!(validate_str(&text, &Limits::default()).is_valid());
    let limits = Limits {
        max_personas: 19,
        ..Limits::default()
    };
    let report = validate_str(&text, &limits);
    assert_eq!(codes(&report), vec!["JM053"]);
    assert_eq!(report.diagnostics[0].path, "/personas");
    assert!(report.diagnostics[0].message.contains("20 personas"));
    assert_eq!(Limits::default().max_personas, 100);

    // Stages, channels, entries and opportunities count together.
    let stages: Vec<String> = (0..4)
        .map(|i| format!(r#"{{"id": "s{i}", "name": "S"}}"#))
        .collect();
    let text = format!(
        r#"{{"format_version": "1.0", "id": "m", "title": "t", "stages": [{}],
            "channels": [{{"id": "c", "name": "C", "kind": "digital"}}],
            "opportunities": [{{"id": "o", "title": "O"}}]}}"#,
        stages.join(",")
    );
    let limits = Limits {
        max_objects: 5,
        ..Limits::default()
    };
    let report = validate_str(&text, &limits);
    assert_eq!(codes(&report), vec!["JM053"]);
    assert!(report.diagnostics[0].message.contains("6 stages"));
    let limits = Limits {
        max_objects: 6,
        ..Limits::default()
    };
    assert!(!codes(&validate_str(&text, &limits)).contains(&"JM053"));
    assert_eq!(Limits::default().max_objects, 100_000);
}

#[test]
fn integral_floats_are_read_as_integers() {
    let text = map_with("")
        .replace(r#""order": 1"#, r#""order": 1.0"#)
        .replace(
            r#""channel": "web"}"#,
            r#""channel": "web", "evidence": {"source": "survey", "n": 5.0}}"#,
        );
    assert!(text.contains("1.0") && text.contains("5.0"));
    let report = validate_str(&text, &Limits::default());
    assert!(report.is_valid(), "{:#?}", report.diagnostics);
    let map = journeymap::io::from_str(&text).unwrap();
    assert_eq!(map.stages[0].order, Some(1));
    assert_eq!(map.touchpoints[0].evidence.as_ref().unwrap().n, Some(5));
    // Written back as integers.
    let saved = journeymap::io::to_string(&map).unwrap();
    assert!(
        saved.contains(r#""order":1}"#) && saved.contains(r#""n":5}"#),
        "{saved}"
    );
    // The same through a parsed value and through serde directly.
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(validate_value(&value, &Limits::default()).is_valid());
    let direct: journeymap::JourneyMap = serde_json::from_str(&text).unwrap();
    assert_eq!(direct, map);
}

#[test]
fn fractions_and_huge_integers_are_clear_diagnostics() {
    let cases = [
        (r#""order": 1.5"#, "JM011", "/stages/0/order"),
        (r#""order": 1e30"#, "JM015", "/stages/0/order"),
        (r#""order": -1e30"#, "JM015", "/stages/0/order"),
        (
            r#""order": 9223372036854775808"#,
            "JM015",
            "/stages/0/order",
        ),
        (r#""order": 9007199254740992"#, "JM015", "/stages/0/order"),
    ];
    for (order, code, path) in cases {
        let text = map_with("").replace(r#""order": 1"#, order);
        let report = validate_str(&text, &Limits::default());
        let d = report
            .errors()
            .next()
            .unwrap_or_else(|| panic!("{order}: valid"));
        assert_eq!(
            (d.code.as_str(), d.path.as_str()),
            (code, path),
            "{order}: {d}"
        );
        assert_eq!(
            report.errors().count(),
            1,
            "{order}: {:#?}",
            report.diagnostics
        );
        assert!(journeymap::io::from_str(&text).is_err());
    }
    for n in ["18446744073709551616", "1e20", "-1", "2.5"] {
        let text = map_with("").replace(
            r#""channel": "web"}"#,
            &format!(r#""channel": "web", "evidence": {{"source": "survey", "n": {n}}}}}"#),
        );
        let report = validate_str(&text, &Limits::default());
        let d = report
            .errors()
            .next()
            .unwrap_or_else(|| panic!("{n}: valid"));
        assert_eq!(d.path, "/touchpoints/0/evidence/n", "{n}: {d}");
        assert!(["JM011", "JM015"].contains(&d.code.as_str()), "{n}: {d}");
    }
    // serde alone (no schema in front) refuses them with a message naming the value.
    let text = map_with("").replace(r#""order": 1"#, r#""order": 1e30"#);
    let err = serde_json::from_str::<journeymap::JourneyMap>(&text).unwrap_err();
    assert!(err.to_string().contains("out of range"), "{err}");
}

#[test]
fn x_keys_in_persona_measures_are_kept_and_are_not_personas() {
    let text = map_with("").replace(
        r#""channel": "web"}"#,
        r#""channel": "web", "persona_measures": {"p": {"emotion": 1}, "x-note": "from the workshop", "x-by": {"who": ["ana"]}}}"#,
    );
    let report = validate_str(&text, &Limits::default());
    assert!(report.diagnostics.is_empty(), "{:#?}", report.diagnostics);
    let map = journeymap::io::from_str(&text).unwrap();
    let pm = &map.touchpoints[0].persona_measures;
    assert_eq!(pm.keys().collect::<Vec<_>>(), vec!["p"]);
    assert_eq!(pm.x["x-note"], "from the workshop");
    assert_eq!(pm.x.keys().collect::<Vec<_>>(), vec!["x-note", "x-by"]);
    // Kept through a round trip, in order.
    let saved = journeymap::io::to_value(&map).unwrap();
    assert_eq!(
        saved["touchpoints"][0]["persona_measures"],
        serde_json::json!({"p": {"emotion": 1}, "x-note": "from the workshop", "x-by": {"who": ["ana"]}})
    );
    let again = journeymap::io::from_str(&journeymap::io::to_string(&map).unwrap()).unwrap();
    assert_eq!(again, map);
    // Scores see only the persona.
    assert_eq!(map.touchpoints[0].measures_for("p").emotion, Some(1.0));
    // Other keys are still persona ids.
    let text = text.replace("x-note", "ghost");
    let report = validate_str(&text, &Limits::default());
    assert_eq!(codes(&report), vec!["JM011"], "{:#?}", report.diagnostics);
    // A map built in code cannot keep an x- key as a persona id: it would not read back as one.
    let mut built = map.clone();
    built.touchpoints[0]
        .persona_measures
        .insert("x-p".into(), journeymap::model::Measures::default());
    let report = journeymap::validate::validate_map(&built);
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.code.as_str() == "JM044" && d.path == "/touchpoints/0/persona_measures/x-p"),
        "{:#?}",
        report.diagnostics
    );
}

/// JM018 paths are JSON pointers: keys with `.`, `/` or `~` stay whole and are escaped.
#[test]
fn cannot_read_paths_are_escaped_json_pointers() {
    let value = serde_json::json!({
        "format_version": "1.0", "id": "m", "title": "t",
        "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "c",
            "persona_measures": {"a.b/c~d": {"emotion": "high"}}}]
    });
    let err = serde_path_to_error::deserialize::<_, journeymap::JourneyMap>(&value).unwrap_err();
    assert_eq!(
        journeymap::JsonPointer::from_serde_path(err.path()),
        "/touchpoints/0/persona_measures/a.b~1c~0d/emotion"
    );
    let value = serde_json::json!({"x.y": [1, {"k/l": "no"}]});
    let err =
        serde_path_to_error::deserialize::<_, std::collections::BTreeMap<String, Vec<u8>>>(&value)
            .unwrap_err();
    assert_eq!(
        journeymap::JsonPointer::from_serde_path(err.path()),
        "/x.y/1"
    );
    // The same pointer the schema check gives for the same value.
    let report = validate_value(
        &serde_json::json!({
            "format_version": "1.0", "id": "m", "title": "t",
            "touchpoints": [{"id": "a", "name": "A", "stage": "s", "channel": "c",
                "persona_measures": {"a.b/c~d": {"emotion": "high"}}}]
        }),
        &Limits::default(),
    );
    assert!(
        report
            .diagnostics
            .iter()
            .any(|d| d.path == "/touchpoints/0/persona_measures/a.b~1c~0d/emotion"),
        "{:#?}",
        report.diagnostics
    );
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("journeymap-malformed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Bytes this thread has read so far (`rchar` of /proc/thread-self/io), where Linux tells.
fn bytes_read_by_this_thread() -> Option<u64> {
    let io = std::fs::read_to_string("/proc/thread-self/io").ok()?;
    io.lines()
        .find_map(|l| l.strip_prefix("rchar: "))
        .and_then(|v| v.trim().parse().ok())
}

#[test]
fn oversized_files_are_refused_from_their_size_without_being_read() {
    use journeymap::validate::validate_path;
    let small = Limits {
        max_bytes: 1024,
        ..Limits::default()
    };
    // A sparse 10 MiB file: its size comes from the metadata, and it is not read.
    let path = scratch("sparse.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(10 * 1024 * 1024).unwrap();
    drop(file);
    let before = bytes_read_by_this_thread();
    let report = validate_path(&path, &small);
    let after = bytes_read_by_this_thread();
    if let (Some(before), Some(after)) = (before, after) {
        assert!(after - before < 64 * 1024, "{} bytes read", after - before);
    }
    assert_eq!(codes(&report), vec!["JM001"]);
    assert!(
        report.diagnostics[0].message.contains("10485760 bytes"),
        "{}",
        report.diagnostics[0].message
    );
    let err = journeymap::io::from_path_with_limits(&path, &small).unwrap_err();
    assert_eq!(err.code().as_str(), "JM001");
    std::fs::remove_file(&path).unwrap();
    // A file within the limit is validated as usual, with positions.
    let path = scratch("small.json");
    std::fs::write(&path, "{\n  \"id\": 1\n}").unwrap();
    let report = validate_path(&path, &small);
    assert!(!report.is_valid());
    assert!(report.diagnostics.iter().all(|d| d.line.is_some()));
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn unreadable_files_are_jm009() {
    use journeymap::validate::validate_path;
    let missing = scratch("no-such-file.json");
    let report = validate_path(&missing, &Limits::default());
    assert_eq!(codes(&report), vec!["JM009"]);
    assert!(report.diagnostics[0].message.contains("no-such-file.json"));
    assert_eq!(report.diagnostics[0].path, "");
    let err = journeymap::io::from_path(&missing).unwrap_err();
    assert_eq!(err.code().as_str(), "JM009");
    assert!(matches!(err, journeymap::io::Error::Io { .. }));
    // A directory is not a file.
    let dir = std::env::temp_dir();
    assert_eq!(
        codes(&validate_path(&dir, &Limits::default())),
        vec!["JM009"]
    );
    assert_eq!(
        journeymap::io::from_path(&dir).unwrap_err().code().as_str(),
        "JM009"
    );
}

/// Writing a map cannot fail (JM019 is reserved), but a writer error maps to JM019.
#[test]
fn write_errors_are_jm019() {
    let source = serde_json::from_str::<serde_json::Value>("{").unwrap_err();
    let err = journeymap::io::Error::from(source);
    assert_eq!(err.code().as_str(), "JM019");
    assert!(err.diagnostics().is_empty());
    assert!(err.to_string().contains("cannot write"));
}

/// `Report`'s documented order: by line and column for text; structural diagnostics first (by
/// pointer), then semantic ones, for a parsed value.
#[test]
fn report_order_is_as_documented() {
    let text = map_with("")
        .replace(r#""stage": "s""#, r#""stage": "nowhere""#)
        .replace(r#""to": "won"}"#, r#""to": "won", "probability": 1.5}"#);
    let report = validate_str(&text, &Limits::default());
    let positions: Vec<(u32, u32)> = report
        .diagnostics
        .iter()
        .map(|d| (d.line.unwrap(), d.column.unwrap()))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort_unstable();
    assert_eq!(positions, sorted, "{:#?}", report.diagnostics);
    let got = codes(&report);
    let stage = got.iter().position(|c| *c == "JM023").unwrap();
    let range = got.iter().position(|c| *c == "JM015").unwrap();
    assert!(
        stage < range,
        "the touchpoint comes first in the text: {got:?}"
    );

    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let report = validate_value(&value, &Limits::default());
    let got = codes(&report);
    assert_eq!(got.first(), Some(&"JM015"), "structural first: {got:?}");
    assert!(got.contains(&"JM023"), "{got:?}");
    assert!(report.diagnostics.iter().all(|d| d.line.is_none()));
}
