//! `journeymap render` and `journeymap report`: outputs and the exit codes of `validate` and
//! `score`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;

use std::path::PathBuf;

use common::{root, run};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("journeymap-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const MAP: &str = "examples/solar-installation.json";

#[test]
fn render_writes_the_golden_svg() {
    let out = run(&["render", MAP, "--persona", "eco-owner"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden =
        std::fs::read(root().join("testdata/render/solar-installation.journey.eco-owner.svg"))
            .unwrap();
    assert!(out.stdout == golden, "stdout differs from the golden SVG");
    let file = scratch("flow.svg");
    let out = run(&[
        "render",
        MAP,
        "--all-personas",
        "--view",
        "flow",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let golden =
        std::fs::read(root().join("testdata/render/solar-installation.flow.all.svg")).unwrap();
    assert!(
        std::fs::read(&file).unwrap() == golden,
        "file differs from the golden SVG"
    );
}

#[test]
fn render_exit_codes_follow_score() {
    let out = run(&["render", MAP, "--persona", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("JM104") && err.contains("eco-owner"), "{err}");
    let out = run(&["render", "testdata/invalid/JM023-unknown-stage.json"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[JM023]"), "{err}");
    let out = run(&["render", MAP, "--persona", "eco-owner", "--all-personas"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["render", MAP, "--view", "sankey"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["render", "no/such/map.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn report_is_one_self_contained_page() {
    let file = scratch("report.html");
    let out = run(&[
        "report",
        "examples/bank-personal-loan.as-is.json",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&file).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for needle in [
        "<svg",
        "Moments of truth",
        "Effort hot spots",
        "Survey plan",
        "Opportunities",
        "Diagnostics",
        "Outcomes",
        "name=\"persona\"",
    ] {
        assert!(html.contains(needle), "the report lacks {needle}");
    }
    // Nothing fetched from anywhere: no external resource, no script.
    for needle in ["<script", "<link", "src=", "@import", "url(http"] {
        assert!(!html.contains(needle), "the report contains {needle}");
    }
}

#[test]
fn report_exit_codes_follow_validate() {
    let out = run(&["report", "testdata/invalid/JM023-unknown-stage.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[JM023]"));
    let out = run(&["report", "no/such/map.json"]);
    assert_eq!(out.status.code(), Some(2));
    // Warnings do not stop the report: they are in it.
    let out = run(&["report", "testdata/invalid/JM042-empty-stage.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("JM042"));
}
