//! `journeymap opportunities` and `journeymap whatif`: output formats and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::{root, run};
use std::process::Output;

fn json(out: &Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn expected(name: &str) -> serde_json::Value {
    serde_json::from_str(
        &std::fs::read_to_string(root().join("testdata/opportunities/expected").join(name))
            .unwrap(),
    )
    .unwrap()
}

#[test]
fn opportunities_json_has_the_list_and_the_portfolio() {
    let map = "examples/bank-personal-loan.as-is.json";
    let v = json(&run(&[
        "opportunities",
        map,
        "--budget",
        "10",
        "--format",
        "json",
    ]));
    let list = v["opportunities"].as_array().unwrap();
    let scores: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            root().join("testdata/scoring/expected/bank-personal-loan.as-is.scores.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(&v["opportunities"], &scores["opportunities"]);
    for o in list {
        for key in [
            "opportunity",
            "rank",
            "reach",
            "rice",
            "quadrant",
            "predicted",
        ] {
            assert!(o.get(key).is_some(), "{key} missing in {o}");
        }
    }
    let portfolio = &v["portfolio"];
    for key in ["budget", "chosen", "effort", "predicted"] {
        assert!(portfolio.get(key).is_some(), "{key} missing");
    }
    assert_eq!(
        portfolio,
        &expected("bank-personal-loan.as-is.portfolio.json")
    );
}

#[test]
fn opportunities_text_is_a_ranked_table_with_reasons_and_a_portfolio() {
    let out = run(&[
        "opportunities",
        "testdata/scoring/effects.json",
        "--budget",
        "3",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("opportunities"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.trim_start().starts_with(char::is_numeric) && l.contains("o-"))
        .take(4)
        .collect();
    assert!(
        rows[0].contains("o-warm-call") && rows[0].contains("quick win"),
        "{text}"
    );
    assert!(
        rows[3].contains("o-skip-c") && rows[3].contains("money pit"),
        "{text}"
    );
    assert!(
        text.contains("Why:") && text.contains("Portfolio (budget 3):"),
        "{text}"
    );
    assert!(text.contains("o-callback (effort 2"), "{text}");
}

#[test]
fn a_bad_budget_exits_two_with_jm109() {
    let out = run(&[
        "opportunities",
        "testdata/scoring/effects.json",
        "--budget=-1",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("JM109"));
}

#[test]
fn whatif_writes_the_to_be_map_and_prints_the_comparison() {
    let dir = std::env::temp_dir().join(format!("journeymap-whatif-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let to_be = dir.join("to-be.json");
    let to_be_arg = to_be.to_string_lossy().into_owned();
    let map = "examples/bank-personal-loan.as-is.json";
    let apply = ["--apply", "opp-prefill", "opp-open-banking"];
    let out = run(&[&["whatif", map], &apply[..], &["-o", &to_be_arg]].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&to_be).unwrap()).unwrap();
    assert_eq!(written, expected("bank-personal-loan.as-is.to-be.json"));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("removed: paper-docs"), "{text}");
    // The comparison is the one `journeymap diff` gives for the two files.
    let json_out = run(&[
        &["whatif", map],
        &apply[..],
        &["-o", &to_be_arg, "--format", "json"],
    ]
    .concat());
    let diff = run(&["diff", map, &to_be_arg, "--format", "json"]);
    assert_eq!(json(&json_out), json(&diff));
    // Without -o the map goes to standard output.
    let out = run(&[&["whatif", map], &apply[..]].concat());
    assert_eq!(json(&out), expected("bank-personal-loan.as-is.to-be.json"));
    // The written map validates without errors.
    let out = run(&["validate", &to_be_arg]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn whatif_with_an_unknown_opportunity_exits_two_naming_the_known_ones() {
    let out = run(&["whatif", "testdata/scoring/effects.json", "--apply", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("JM110") && err.contains("o-callback"), "{err}");
    let out = run(&["whatif", "testdata/scoring/effects.json"]);
    assert_eq!(out.status.code(), Some(2), "--apply is required");
}
