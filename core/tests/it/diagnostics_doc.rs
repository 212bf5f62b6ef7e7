//! The catalogue's promises: every validation rule is proved by a fixture in testdata/invalid/,
//! and every code has a title and an explanation (docs/diagnostics.md is generated from them by
//! `scripts/codegen.sh`, whose `--check` mode catches a stale page).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use journeymap::diagnostics::catalogue;

#[test]
fn every_code_is_explained() {
    for code in catalogue() {
        assert!(
            !code.title().trim().is_empty() && !code.explanation().trim().is_empty(),
            "{code}"
        );
    }
}

#[test]
fn every_semantic_rule_has_a_fixture() {
    let fixtures: Vec<String> = common::json_files("testdata/invalid")
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    // Codes that need a map built in code, I/O, or a bug to fire have unit tests instead.
    let exempt = [
        "JM001", "JM003", "JM007", "JM008", "JM009", "JM017", "JM018", "JM019", "JM031", "JM044",
    ];
    let missing: Vec<&str> = catalogue()
        .iter()
        .map(|c| c.as_str())
        .filter(|c| c.starts_with("JM0") && !exempt.contains(c))
        .filter(|c| !fixtures.iter().any(|f| f.starts_with(c)))
        .collect();
    assert!(missing.is_empty(), "codes without a fixture: {missing:?}");
}

#[test]
fn the_reference_page_lists_every_code() {
    let page = std::fs::read_to_string(common::root().join("docs/diagnostics.md")).unwrap();
    for code in catalogue() {
        assert!(
            page.contains(&format!("\n## {code}\n")),
            "{code} has no section"
        );
    }
}
