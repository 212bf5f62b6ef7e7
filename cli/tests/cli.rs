//! The `journeymap` binary: output formats and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

#[test]
fn validate_valid_file_exits_zero() {
    let out = run(&["validate", "testdata/valid/minimal.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("valid"));
}

#[test]
fn validate_invalid_file_prints_compiler_style_lines_and_exits_one() {
    let out = run(&["validate", "testdata/invalid/JM023-unknown-stage.json"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("error[JM023]")).unwrap();
    assert!(
        line.starts_with("testdata/invalid/JM023-unknown-stage.json:"),
        "{line}"
    );
    assert!(
        line.contains("error[JM023]") && line.contains("(at /touchpoints/0/stage)"),
        "{line}"
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let out = run(&["validate", "testdata/invalid/JM042-empty-stage.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("warning[JM042]"));
}

#[test]
fn json_output_has_the_documented_shape() {
    let out = run(&[
        "validate",
        "--format",
        "json",
        "testdata/valid/minimal.json",
        "testdata/invalid/JM013-unknown-field.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2);
    assert_eq!(files[0]["valid"], true);
    assert_eq!(files[1]["valid"], false);
    let d = &files[1]["diagnostics"][0];
    for key in ["code", "severity", "path", "message", "line", "column"] {
        assert!(d.get(key).is_some(), "missing {key}: {d}");
    }
    assert_eq!(d["code"], "JM013");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["path"], "/touchpoints/0/colour");
}

#[test]
fn missing_file_and_bad_usage_exit_two() {
    assert_eq!(
        run(&["validate", "no/such/file.json"]).status.code(),
        Some(2)
    );
    assert_eq!(run(&["validate"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        run(&["validate", "--format", "xml", "testdata/valid/minimal.json"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let committed = std::fs::read_to_string(root().join("schema/journey-map.schema.json")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}
