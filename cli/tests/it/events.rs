//! The event-log verbs: `events stats`, `discover`, `calibrate`, `conformance`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::{json, root, run};

const STATS: &[&str] = &[
    "events",
    "stats",
    "testdata/events/basic.csv",
    "--persona",
    "persona",
    "--csat",
    "csat",
    "--outcome",
    "buy",
    "--format",
    "json",
];

#[test]
fn stats_json_is_the_shared_vector_and_rejected_rows_exit_zero() {
    let out = run(STATS);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/events/basic.stats.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(json(&out), expected);
    let t = &json(&out)["transitions"][0];
    assert_eq!(t["to"], serde_json::Value::Null);
}

#[test]
fn strict_makes_rejected_rows_exit_one() {
    let mut args = STATS.to_vec();
    args.push("--strict");
    assert_eq!(run(&args).status.code(), Some(1));
    let out = run(&["events", "stats", "testdata/events/shop.csv", "--strict"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("7 cases, 27 events, 0 rows rejected"),
        "{text}"
    );
}

#[test]
fn usage_problems_exit_two() {
    let out = run(&["events", "stats", "testdata/events/nope.csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JM304"));
    let out = run(&[
        "events",
        "stats",
        "testdata/events/basic.csv",
        "--case",
        "customer",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JM302"));
    for scale in ["NaN..5", "1..inf", "5..1"] {
        let out = run(&[
            "events",
            "stats",
            "testdata/events/basic.csv",
            "--csat",
            "csat",
            "--csat-scale",
            scale,
        ]);
        assert_eq!(out.status.code(), Some(2), "{scale}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("error[JM305]"), "{scale}: {err}");
    }
}

#[test]
fn discover_writes_a_valid_map_and_reports_conversion() {
    let dir = std::env::temp_dir().join(format!("jm-discover-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let map = dir.join("observed.json");
    let out = run(&[
        "discover",
        "testdata/events/basic.csv",
        "--success",
        "buy",
        "--persona",
        "persona",
        "--channel",
        "channel",
        "-o",
        map.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = json(&out);
    assert!((summary["conversion"].as_f64().unwrap() - 0.6).abs() < 1e-12);
    assert_eq!(summary["rejected"], 4);
    let check = run(&["validate", map.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn calibrate_then_diff_shows_the_change() {
    let dir = std::env::temp_dir().join(format!("jm-calibrate-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out_map = dir.join("calibrated.json");
    let out = run(&[
        "calibrate",
        "testdata/events/shop.map.json",
        "testdata/events/shop.csv",
        "--activities",
        "testdata/events/shop.activities.csv",
        "-o",
        out_map.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("JM330") && text.contains("\"chat\""),
        "{text}"
    );
    let diff = run(&[
        "diff",
        "testdata/events/shop.map.json",
        out_map.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(diff.status.code(), Some(0));
    let change = json(&diff)["conversion"]["after"].as_f64().unwrap();
    assert!((change - 5.0 / 7.0).abs() < 1e-12);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn conformance_json_has_cases_touchpoints_and_variants() {
    let out = run(&[
        "conformance",
        "testdata/events/shop.map.json",
        "testdata/events/shop.csv",
        "--activities",
        "testdata/events/shop.activities.csv",
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    assert!((r["fitness"].as_f64().unwrap() - (1.0 - 7.0 / 34.0)).abs() < 1e-15);
    assert_eq!(r["case_results"].as_array().unwrap().len(), 7);
    assert_eq!(r["touchpoints"].as_array().unwrap().len(), 4);
    assert_eq!(r["variants"].as_array().unwrap().len(), 6);
    let bad = run(&[
        "conformance",
        "testdata/events/shop.map.json",
        "testdata/events/shop.csv",
        "--activities",
        "testdata/events/basic.csv",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}
