//! `journeymap codes`: the catalogue as text and as JSON records, the same records Python's
//! `journeymap.codes()` and Node's `codes()` return.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

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
fn codes_json_lists_every_code_with_severity_title_and_a_link_into_the_reference() {
    let out = run(&["codes", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let records: Value = serde_json::from_slice(&out.stdout).unwrap();
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
    assert_eq!(&Value::Array(records.clone()), &core);
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
