//! `journeymap convert`, and `validate` and `score` on Mermaid and CSV files: formats by
//! extension, exit codes and diagnostics.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::path::{Path, PathBuf};

use common::run;

/// A fresh folder for one test's output files.
fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("journeymap-convert-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn mermaid_to_json_to_csv_to_mermaid() {
    let dir = scratch("chain");
    let (json, csv, mmd) = (
        dir.join("day.json"),
        dir.join("day.csv"),
        dir.join("day.mmd"),
    );
    let out = run(&[
        "convert",
        "testdata/interchange/mermaid/mermaid-docs.mmd",
        arg(&json),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let map = journeymap::io::from_path(&json).unwrap();
    assert_eq!(map.title, "My working day");
    assert_eq!(
        run(&["convert", arg(&json), arg(&csv)]).status.code(),
        Some(0)
    );
    assert!(text(&csv).starts_with("stage_order,stage,"));
    assert_eq!(
        run(&["convert", arg(&csv), arg(&mmd)]).status.code(),
        Some(0)
    );
    let back = text(&mmd);
    for line in [
        "    section Go to work",
        "      Do work: 1: Me, Cat",
        "      Sit down: 5: Me",
    ] {
        assert!(back.lines().any(|l| l == line), "{line}\n{back}");
    }
}

#[test]
fn standard_output_semicolons_bom_and_one_persona() {
    let out = run(&[
        "convert",
        "examples/bank-personal-loan.as-is.json",
        "-",
        "--to",
        "csv",
        "--delimiter",
        "semicolon",
        "--bom",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.starts_with("\u{feff}stage_order;stage;"), "{table}");
    assert!(table.contains(";0,5;"), "decimal commas");
    let out = run(&[
        "convert",
        "examples/bank-personal-loan.as-is.json",
        "-",
        "--to",
        "mermaid",
        "--persona",
        "senior",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let diagram = String::from_utf8(out.stdout).unwrap();
    assert!(
        diagram.starts_with("journey\n    title Personal loan"),
        "{diagram}"
    );
    assert!(diagram.contains("accDescr"), "{diagram}");
}

#[test]
fn persona_is_ignored_with_a_warning_unless_the_output_is_mermaid() {
    for to in ["csv", "json"] {
        let out = run(&[
            "convert",
            "examples/bank-personal-loan.as-is.json",
            "-",
            "--to",
            to,
            "--persona",
            "senior",
        ]);
        assert_eq!(out.status.code(), Some(0), "{to}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(
            stderr.contains("warning: --persona senior is ignored"),
            "{to}: {stderr}"
        );
        assert!(!out.stdout.is_empty(), "{to}");
    }
    let out = run(&[
        "convert",
        "examples/bank-personal-loan.as-is.json",
        "-",
        "--to",
        "mermaid",
        "--persona",
        "senior",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn errors_exit_one_with_positions_and_write_nothing_unless_asked() {
    let dir = scratch("errors");
    let out_file = dir.join("out.json");
    let input = "testdata/interchange/mermaid/score-out-of-range.mmd";
    let out = run(&["convert", input, arg(&out_file)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains(&format!("{input}:4:11: error[JM203]")),
        "{stderr}"
    );
    assert!(!out_file.exists());
    let out = run(&["convert", input, arg(&out_file), "--keep-going"]);
    assert_eq!(out.status.code(), Some(1));
    let kept = text(&out_file);
    assert!(kept.contains("\"Fine\""), "{kept}");
    let out = run(&[
        "convert",
        "testdata/interchange/csv/bad-rows.csv",
        "-",
        "--to",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("bad-rows.csv:3:5: error[JM232]: row 3, column `emotion`")
    );
}

#[test]
fn usage_problems_exit_two() {
    let dir = scratch("usage");
    for args in [
        vec!["convert", "examples/solar-installation.json", "out.txt"],
        vec!["convert", "examples/solar-installation.json", "-"],
        vec!["convert", "no/such/map.json", "out.mmd"],
        vec![
            "convert",
            "examples/solar-installation.json",
            "-",
            "--to",
            "mermaid",
            "--persona",
            "nobody",
        ],
    ] {
        let mut args = args.clone();
        let out_path = dir.join("out.mmd");
        if args[2] == "out.mmd" {
            args[2] = arg(&out_path);
        }
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let out = run(&[
        "convert",
        "examples/solar-installation.json",
        "-",
        "--to",
        "mermaid",
        "--persona",
        "nobody",
    ]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("error[JM206]") && stderr.contains("eco-owner, budget-owner"),
        "{stderr}"
    );
}

#[test]
fn validate_reads_mermaid_and_csv() {
    let out = run(&[
        "validate",
        "testdata/interchange/mermaid/mermaid-docs.mmd",
        "testdata/interchange/csv/basic.csv",
        "examples/retail-click-and-collect.mmd",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = run(&[
        "validate",
        "--format",
        "json",
        "testdata/interchange/mermaid/syntax-errors.mmd",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &report["files"][0]["diagnostics"][0];
    assert_eq!(
        (
            first["code"].as_str(),
            first["line"].as_u64(),
            first["column"].as_u64()
        ),
        (Some("JM201"), Some(4), Some(12))
    );
    let out = run(&["validate", "testdata/interchange/csv/not-utf8.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("not-utf8.csv:2:2: error[JM231]"));
}

#[test]
fn score_reads_mermaid() {
    let out = run(&[
        "score",
        "testdata/interchange/mermaid/mermaid-docs.mmd",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(scores["overall"]["success_probability"].as_f64(), Some(1.0));
}
