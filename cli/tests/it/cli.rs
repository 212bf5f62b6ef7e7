//! The `journeymap` binary: output formats and exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use common::{root, run};
use std::path::PathBuf;
use std::process::{Command, Output};

#[test]
fn validate_valid_file_exits_zero() {
    let out = run(&["validate", "testdata/valid/minimal.json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "testdata/valid/minimal.json: valid (0 errors, 0 warnings or notes)\n"
    );
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

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journeymap-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn unreadable_files_are_in_the_json_report_and_exit_two() {
    let dir = scratch("a-directory");
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.to_str().unwrap();
    let out = run(&[
        "validate",
        "--format",
        "json",
        "no/such/file.json",
        "testdata/valid/minimal.json",
        dir,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let v = stdout_json(&out);
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    for (i, name) in [(0, "no/such/file.json"), (2, dir)] {
        assert_eq!(files[i]["file"], name);
        assert_eq!(files[i]["valid"], false);
        let diagnostics = files[i]["diagnostics"].as_array().unwrap();
        assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
        assert_eq!(diagnostics[0]["code"], "JM009");
        assert_eq!(diagnostics[0]["severity"], "error");
        assert_eq!(diagnostics[0]["path"], "");
        assert!(diagnostics[0]["message"].as_str().unwrap().contains(name));
    }
    assert_eq!(files[1]["valid"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read no/such/file.json"));
    // In text, the same diagnostic in compiler style.
    let out = run(&["validate", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("no/such/file.json: error[JM009]: cannot read no/such/file.json"),
        "{text}"
    );
    assert!(
        text.contains("no/such/file.json: invalid (1 errors"),
        "{text}"
    );
}

/// Runs the binary with its address space limited to 256 MiB, where the shell can do it.
fn run_in_256_mib(args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 262144 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_journeymap"))
        .args(args)
        .current_dir(root())
        .output()
        .unwrap()
}

#[test]
fn oversized_files_are_refused_from_their_size_without_being_read() {
    // A sparse 1 GiB file, over the 64 MiB default limit. With 256 MiB of address space the
    // binary cannot load it: the JM001 comes from the file's size alone.
    let path = scratch("huge.json");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(1024 * 1024 * 1024).unwrap();
    drop(file);
    let name = path.to_str().unwrap();
    let out = run_in_256_mib(&["validate", "--format", "json", name]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = stdout_json(&out);
    let d = &v["files"][0]["diagnostics"];
    assert_eq!(d.as_array().unwrap().len(), 1, "{d}");
    assert_eq!(d[0]["code"], "JM001");
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("1073741824 bytes"),
        "{d}"
    );
    for command in ["score", "validate"] {
        let out = run_in_256_mib(&[command, name]);
        assert_eq!(out.status.code(), Some(1), "{command}");
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(all.contains("JM001"), "{command}: {all}");
    }
    std::fs::remove_file(&path).unwrap();
}

/// The expected scores of an example map, as committed in testdata/scoring/expected/.
fn expected_scores(name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(
        root().join(format!("testdata/scoring/expected/{name}.scores.json")),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

const AS_IS: &str = "examples/bank-personal-loan.as-is.json";
const TO_BE: &str = "examples/bank-personal-loan.to-be.json";

#[test]
fn score_json_has_every_persona_and_the_expected_conversion() {
    let out = run(&["score", "--format", "json", AS_IS]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    let expected = expected_scores("bank-personal-loan.as-is");
    assert_eq!(v["map"], "bank-personal-loan-as-is");
    let ids = |s: &serde_json::Value| -> Vec<String> {
        s["personas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["persona"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&v), ["family", "senior", "young-pro"]);
    assert_eq!(ids(&v), ids(&expected));
    assert_eq!(
        v["overall"]["success_probability"],
        expected["overall"]["success_probability"]
    );
    assert!(v["overall"]["success_probability"].as_f64().unwrap() > 0.0);
    for (got, want) in v["personas"]
        .as_array()
        .unwrap()
        .iter()
        .zip(expected["personas"].as_array().unwrap())
    {
        assert_eq!(
            got["conversion"]["success_probability"],
            want["conversion"]["success_probability"]
        );
    }
    assert!(v["diagnostics"].is_array());
}

#[test]
fn score_text_report_has_its_sections() {
    let out = run(&["score", AS_IS]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# Personal loan — as-is journey (bank-personal-loan-as-is)\n"),
        "{text}"
    );
    let expected = expected_scores("bank-personal-loan.as-is");
    let conversion = expected["overall"]["success_probability"].as_f64().unwrap();
    assert!(
        text.contains(&format!("Overall: conversion {:.1}%", conversion * 100.0)),
        "{text}"
    );
    for heading in [
        "## ",
        "(family, weight",
        "(senior, weight",
        "(young-pro, weight",
        "Top moments of truth:",
    ] {
        assert!(text.contains(heading), "no {heading:?} in {text}");
    }
}

#[test]
fn score_one_persona() {
    let expected = expected_scores("bank-personal-loan.as-is");
    let want = expected["personas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["persona"] == "senior")
        .unwrap();
    let out = run(&["score", "--format", "json", "--persona", "senior", AS_IS]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["persona"], "senior");
    assert_eq!(
        v["conversion"]["success_probability"],
        want["conversion"]["success_probability"]
    );
    assert!(v["diagnostics"].is_array(), "{v}");
    // Text: only that persona's section.
    let out = run(&["score", "--persona", "senior", AS_IS]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("(senior, weight"), "{text}");
    assert!(
        !text.contains("(family, weight") && !text.contains("(young-pro, weight"),
        "{text}"
    );
}

#[test]
fn score_unknown_persona_exits_two_with_a_clear_message() {
    for format in ["text", "json"] {
        let out = run(&["score", "--format", format, "--persona", "nobody", AS_IS]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("unknown persona \"nobody\""), "{err}");
        assert!(
            err.contains("JM104") && err.contains("young-pro, family, senior"),
            "{err}"
        );
    }
}

#[test]
fn score_persona_that_is_not_scored_exits_one_with_jm100() {
    // p2 has no entry: it is a persona of the map, but it has no journey to score.
    let file = "testdata/invalid/JM034-persona-without-entry.json";
    for format in ["text", "json"] {
        let out = run(&["score", "--format", format, "--persona", "p2", file]);
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            out.stdout.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("persona \"p2\" is not scored"), "{err}");
        assert!(
            err.contains("JM100") && err.contains("/personas/1"),
            "{err}"
        );
    }
    // The scored persona of the same map: its scores, and no diagnostic about p2.
    let out = run(&["score", "--format", "json", "--persona", "p1", file]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["persona"], "p1");
    assert!(v["conversion"]["success_probability"].is_number());
    assert_eq!(v["diagnostics"], serde_json::json!([]));
    // The whole map still lists JM100 for p2.
    let v = stdout_json(&run(&["score", "--format", "json", file]));
    assert!(
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "JM100" && d["path"] == "/personas/1"),
        "{v}"
    );
}

#[test]
fn diff_json_compares_the_two_maps() {
    let out = run(&["diff", "--format", "json", AS_IS, TO_BE]);
    assert_eq!(out.status.code(), Some(0));
    let v = stdout_json(&out);
    assert_eq!(v["as_is"], "bank-personal-loan-as-is");
    assert_eq!(v["to_be"], "bank-personal-loan-to-be");
    let before = expected_scores("bank-personal-loan.as-is");
    let after = expected_scores("bank-personal-loan.to-be");
    assert_eq!(
        v["conversion"]["before"],
        before["overall"]["success_probability"]
    );
    assert_eq!(
        v["conversion"]["after"],
        after["overall"]["success_probability"]
    );
    assert!(v["touchpoints"].as_array().is_some_and(|t| !t.is_empty()));
}

#[test]
fn diff_text_has_its_sections() {
    let out = run(&["diff", AS_IS, TO_BE]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("# bank-personal-loan-as-is → bank-personal-loan-to-be\n"),
        "{text}"
    );
    for line in [
        "conversion: ",
        "health index: ",
        "Touchpoints whose priority changes most:",
    ] {
        assert!(text.contains(line), "no {line:?} in {text}");
    }
}

#[test]
fn diff_with_a_missing_map_exits_two() {
    let out = run(&["diff", AS_IS, "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.json"));
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

// `journeymap codes`: the catalogue as text and as JSON records, the same records Python's
// `journeymap.codes()` and Node's `codes()` return.

#[test]
fn codes_json_lists_every_code_with_severity_title_and_a_link_into_the_reference() {
    let out = run(&["codes", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let records: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let records = records.as_array().unwrap();
    let catalogue = journeymap::diagnostics::catalogue();
    assert_eq!(records.len(), catalogue.len());
    let doc = std::fs::read_to_string(root().join("docs/diagnostics.md")).unwrap();
    for (record, code) in records.iter().zip(catalogue) {
        let keys: Vec<&str> = record
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["code", "severity", "title", "explanation", "link"],
            "{record}"
        );
        assert_eq!(record["code"], code.as_str());
        assert_eq!(record["severity"], code.severity().as_str());
        assert_eq!(record["title"], code.title());
        assert_eq!(record["explanation"], code.explanation());
        // The link is the section of the code in docs/diagnostics.md.
        let link = record["link"].as_str().unwrap();
        let anchor = link.strip_prefix("docs/diagnostics.md#").unwrap();
        assert_eq!(anchor, code.as_str().to_ascii_lowercase());
        assert!(
            doc.contains(&format!("\n## {}\n", code.as_str())),
            "no section for {link}"
        );
    }
    // The records are the core's, as the bindings return them.
    let core = serde_json::to_value(journeymap::diagnostics::code_entries()).unwrap();
    assert_eq!(&serde_json::Value::Array(records.clone()), &core);
    assert!(records.iter().any(|r| r["code"] == "JM031"));
}

#[test]
fn codes_text_has_one_line_per_code() {
    let out = run(&["codes"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), journeymap::diagnostics::catalogue().len());
    assert_eq!(lines[0], "JM001  error    Input too large");
    assert!(lines.contains(&"JM042  warning  Empty stage"), "{text}");
}
