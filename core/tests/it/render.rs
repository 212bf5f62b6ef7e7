//! The pictures: golden SVGs of the examples (testdata/render/, written by `scripts/codegen.sh`),
//! each drawn again and compared byte for byte, parsed and rendered to PNG by resvg, without
//! overlapping text; the generated 100-touchpoint map; 3 and 12 stages; long labels; empty
//! lanes; errors. PNGs land in target/pictures/ for a person to look at.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common;
use crate::pictures;

use crate::generated;

use journeymap::JourneyMap;
use journeymap::render::{self, Options, Personas, SvgOptions, View};
use journeymap::score::ScoringConfig;
use serde_json::{Value, json};

fn index() -> Vec<Value> {
    let text = std::fs::read_to_string(common::root().join("testdata/render/index.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Checks a picture as a reader sees it; returns the parsed tree.
fn check(svg: &str, name: &str) -> resvg::usvg::Tree {
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{name}"
    );
    assert!(
        svg.contains("<title id=") && svg.contains("<desc id="),
        "{name}: no title or desc"
    );
    for external in ["href=", "@import", "url(http", "<image", "<script"] {
        assert!(
            !svg.contains(external),
            "{name}: refers to something outside ({external})"
        );
    }
    let tree = pictures::parse(svg);
    let texts = pictures::texts(&tree);
    assert!(
        texts.len() > 10,
        "{name}: the labels are not text ({} text nodes)",
        texts.len()
    );
    let ink = pictures::render_png(&tree, name);
    assert!(ink > 0.02, "{name}: the picture is nearly blank ({ink})");
    tree
}

#[test]
fn goldens_are_drawn_again_byte_for_byte_and_render_without_overlapping_text() {
    let entries = index();
    assert!(
        entries.len() >= 20,
        "too few golden pictures: {}",
        entries.len()
    );
    for entry in entries {
        let file = entry["file"].as_str().unwrap();
        let map =
            journeymap::io::from_path(common::root().join(entry["map"].as_str().unwrap())).unwrap();
        let options: SvgOptions = serde_json::from_value(entry["options"].clone()).unwrap();
        let svg = render::svg(&map, &ScoringConfig::default(), &options).unwrap();
        let golden = std::fs::read_to_string(common::root().join(file)).unwrap();
        assert!(
            svg == golden,
            "{file} is stale: run scripts/codegen.sh and review the pictures"
        );
        let name = file
            .trim_start_matches("testdata/render/")
            .trim_end_matches(".svg");
        let tree = check(&svg, name);
        let overlaps = pictures::overlapping_texts(&tree);
        assert!(
            overlaps.is_empty(),
            "{name}: overlapping text: {overlaps:#?}"
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let map = generated::generated(100, 5, 3);
    let scores = map.score(&ScoringConfig::default());
    for personas in [
        Personas::First,
        Personas::All,
        Personas::One("p2".to_owned()),
    ] {
        let a = render::journey_svg(&map, &scores, &personas, &Options::default()).unwrap();
        let b = render::journey_svg(&map, &scores, &personas, &Options::default()).unwrap();
        assert_eq!(a, b);
        let a = render::flow_svg(&map, &scores, &personas, &Options::default()).unwrap();
        let b = render::flow_svg(&map, &scores, &personas, &Options::default()).unwrap();
        assert_eq!(a, b);
    }
}

#[test]
fn a_generated_100_touchpoint_map_is_drawn_in_both_views() {
    let map = generated::generated(100, 5, 3);
    let scores = map.score(&ScoringConfig::default());
    for (personas, tag) in [(Personas::First, "p0"), (Personas::All, "all")] {
        let journey = render::journey_svg(&map, &scores, &personas, &Options::default()).unwrap();
        let tree = check(&journey, &format!("generated-100.journey.{tag}"));
        assert!(pictures::overlapping_texts(&tree).is_empty());
        let flow = render::flow_svg(&map, &scores, &personas, &Options::default()).unwrap();
        let tree = check(&flow, &format!("generated-100.flow.{tag}"));
        // Every touchpoint with a flow has its box and its name.
        let names = pictures::texts(&tree);
        let boxes = names.iter().filter(|(t, _)| t.starts_with("Step ")).count();
        assert!(boxes >= 90, "only {boxes} touchpoints drawn");
        let overlaps = pictures::overlapping_texts(&tree);
        assert!(overlaps.is_empty(), "overlapping text: {overlaps:#?}");
    }
}

/// A linear map with `stages` stages, one touchpoint each, with long names and notes.
fn linear(stages: usize, long: bool) -> JourneyMap {
    let name = |i: usize| {
        if long {
            format!(
                "Step {i}: the customer reads a very long explanation of what happens next and why it matters so much"
            )
        } else {
            format!("Step {i}")
        }
    };
    let touchpoints: Vec<Value> = (0..stages)
        .map(|i| {
            json!({"id": format!("t{i}"), "name": name(i), "stage": format!("s{i}"), "channel": if i % 2 == 0 { "web" } else { "phone" },
                   "measures": {"emotion": ((i as f64) * 1.7).sin() * 2.0, "expected_emotion": 0.5}})
        })
        .collect();
    let mut transitions: Vec<Value> = (0..stages.saturating_sub(1))
        .map(|i| json!({"from": format!("t{i}"), "to": format!("t{}", i + 1), "probability": 0.9}))
        .collect();
    transitions.push(json!({"from": format!("t{}", stages - 1), "to": "won"}));
    let value = json!({
        "format_version": "1.0", "id": "linear", "title": if long { "A map whose title is long enough to need shortening in a header that also holds key figures" } else { "Linear" },
        "personas": [{"id": "p", "name": "Persona", "share": 1.0}],
        "channels": [{"id": "web", "name": "Web", "kind": "digital"}, {"id": "phone", "name": "Phone", "kind": "human"}],
        "stages": (0..stages).map(|i| json!({"id": format!("s{i}"), "name": if long { format!("Stage {i} with a name longer than its column") } else { format!("Stage {i}") }, "order": i, "customer_goal": "Get it done"})).collect::<Vec<_>>(),
        "touchpoints": touchpoints, "transitions": transitions,
        "entries": [{"touchpoint": "t0"}],
        "outcomes": [{"id": "won", "name": "Won", "kind": "success"}]
    });
    serde_json::from_value(value).unwrap()
}

#[test]
fn sensible_at_3_and_12_stages() {
    for stages in [3, 12] {
        let map = linear(stages, false);
        let scores = map.score(&ScoringConfig::default());
        let svg =
            render::journey_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
        let tree = check(&svg, &format!("linear-{stages}.journey"));
        assert!(pictures::overlapping_texts(&tree).is_empty());
        let (w, h) = (tree.size().width(), tree.size().height());
        // Wide enough for the header at 3 stages, columns of readable width at 12.
        assert!(
            w >= 1280.0 && w / stages as f32 >= 150.0,
            "{stages} stages: {w} wide"
        );
        assert!(h < 1400.0, "{stages} stages: {h} high");
        let flow = render::flow_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
        check(&flow, &format!("linear-{stages}.flow"));
    }
}

#[test]
fn long_labels_are_shortened_with_the_full_text_in_a_title() {
    let map = linear(4, true);
    let scores = map.score(&ScoringConfig::default());
    let svg = render::journey_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
    let full = "Step 1: the customer reads a very long explanation of what happens next and why it matters so much";
    assert!(svg.contains(&format!("<title>{full}</title>")));
    assert!(svg.contains('…'));
    let tree = check(&svg, "long-labels.journey");
    assert!(pictures::overlapping_texts(&tree).is_empty());
    let flow = render::flow_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
    let tree = check(&flow, "long-labels.flow");
    assert!(pictures::overlapping_texts(&tree).is_empty());
}

#[test]
fn empty_lanes_are_left_out() {
    let map = linear(3, false);
    let scores = map.score(&ScoringConfig::default());
    let svg = render::journey_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
    for lane in ["CUSTOMER DOES", "PAINS &amp; GAINS", "OPPORTUNITIES"] {
        assert!(!svg.contains(lane), "empty lane {lane} is drawn");
    }
    assert!(svg.contains("TOUCHPOINTS") && svg.contains("EMOTION"));
    let full =
        journeymap::io::from_path(common::root().join("examples/bank-personal-loan.as-is.json"))
            .unwrap();
    let scores = full.score(&ScoringConfig::default());
    let svg = render::journey_svg(&full, &scores, &Personas::First, &Options::default()).unwrap();
    for lane in [
        "CUSTOMER DOES",
        "PAINS &amp; GAINS",
        "OPPORTUNITIES",
        "MOMENTS OF",
    ] {
        assert!(svg.contains(lane), "lane {lane} is missing");
    }
}

#[test]
fn errors_carry_their_codes() {
    let map = linear(3, false);
    let scores = map.score(&ScoringConfig::default());
    let e = render::journey_svg(
        &map,
        &scores,
        &Personas::One("nobody".into()),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.code().as_str(), "JM104");
    let e = SvgOptions::from_json(r#"{"view": "sankey"}"#).unwrap_err();
    assert_eq!(e.code().as_str(), "JM400");
    assert_eq!(e.to_diagnostics()[0].path.to_string(), "/view");
    let e = SvgOptions::from_json(r#"{"persona": "p", "all_personas": true}"#).unwrap_err();
    assert_eq!(e.code().as_str(), "JM400");
    let e = SvgOptions::from_json(r#"{"colour": "red"}"#).unwrap_err();
    assert_eq!(e.code().as_str(), "JM400");
    let ok = SvgOptions::from_json(r#"{"view": "flow", "allPersonas": true}"#).unwrap();
    assert!(ok.all_personas);
    // A persona without entry has no journey to draw: JM100.
    let mut value = serde_json::to_value(&map).unwrap();
    value["personas"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "lost", "name": "Lost"}));
    value["entries"][0]["personas"] = json!(["p"]);
    let map: JourneyMap = serde_json::from_value(value).unwrap();
    let scores = map.score(&ScoringConfig::default());
    let e = render::flow_svg(
        &map,
        &scores,
        &Personas::One("lost".into()),
        &Options::default(),
    )
    .unwrap_err();
    assert_eq!(e.code().as_str(), "JM100");
}

#[test]
fn a_map_without_scored_persona_still_shows_its_touchpoints() {
    let mut map = linear(3, false);
    map.entries.clear();
    let scores = map.score(&ScoringConfig::default());
    let svg = render::journey_svg(&map, &scores, &Personas::First, &Options::default()).unwrap();
    let tree = check(&svg, "unscored.journey");
    assert!(pictures::texts(&tree).iter().any(|(t, _)| t == "Step 2"));
    let flow = render::flow_svg(&map, &scores, &Personas::All, &Options::default()).unwrap();
    pictures::parse(&flow);
}

#[test]
fn the_html_report_holds_every_picture_and_table() {
    let map =
        journeymap::io::from_path(common::root().join("examples/retail-click-and-collect.json"))
            .unwrap();
    let html = journeymap::report::html(&map, &ScoringConfig::default());
    // All customers + 2 personas, two pictures each.
    assert_eq!(html.matches("<svg xmlns").count(), 6);
    for id in ["jm-all-journey", "jm-p0-flow", "jm-p1-journey"] {
        assert!(html.contains(&format!("id=\"{id}-title\"")), "{id}");
    }
    for caption in [
        "Moments of truth",
        "Effort hot spots",
        "Experience shortfalls",
        "Outcomes",
        "Survey plan",
        "Opportunities",
        "Diagnostics of the map",
    ] {
        assert!(html.contains(&format!("<caption>{caption}")), "{caption}");
    }
    assert!(!html.contains("<script") && !html.contains("src="));
}

#[test]
fn the_overlap_check_sees_overlapping_text() {
    let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="50" font-family="DejaVu Sans"><text x="10" y="20" font-size="12">Hello there</text><text x="30" y="22" font-size="12">General</text><text x="10" y="45" font-size="12">apart</text></svg>"#;
    let tree = pictures::parse(svg);
    assert_eq!(pictures::overlapping_texts(&tree).len(), 1);
}

fn solar(view: View, persona: Option<&str>) -> String {
    let map =
        journeymap::io::from_path(common::root().join("examples/solar-installation.json")).unwrap();
    let options = SvgOptions {
        view,
        all_personas: persona.is_none(),
        persona: persona.map(str::to_owned),
        moments: None,
    };
    render::svg(&map, &ScoringConfig::default(), &options).unwrap()
}

/// The moves of a flow view drawn with the loop arrowhead: (title, path data).
fn loop_moves(svg: &str) -> Vec<(String, String)> {
    svg.split("<g><title>")
        .filter(|g| g.contains("-arrow-loop-"))
        .map(|g| {
            let title = g.split("</title>").next().unwrap().to_owned();
            let d = g.split(" d=\"").nth(1).unwrap().split('"').next().unwrap();
            (title, d.to_owned())
        })
        .collect()
}

#[test]
fn moves_that_close_a_cycle_within_a_stage_are_drawn_as_loops_each_way_apart() {
    let svg = solar(View::Flow, None);
    let loops = loop_moves(&svg);
    let find = |from: &str, to: &str| {
        loops
            .iter()
            .find(|(t, _)| t.starts_with(&format!("{from} \u{2192} {to}:")))
            .unwrap_or_else(|| panic!("{from} \u{2192} {to} is not a loop: {loops:#?}"))
            .1
            .clone()
    };
    // Back to a touchpoint listed earlier in the stage.
    find(
        "Technician repairs the inverter",
        "Follows production in the app",
    );
    // Both ways between two touchpoints: on different sides of the column.
    let there = find(
        "Is called back by a sales advisor",
        "Receives the detailed quote",
    );
    let back = find(
        "Receives the detailed quote",
        "Is called back by a sales advisor",
    );
    let start_x = |d: &str| -> f64 {
        d.trim_start_matches('M')
            .split(',')
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert!(
        (start_x(&there) - start_x(&back)).abs() > 100.0,
        "{there} / {back}"
    );
    // A move on within a stage that nothing answers stays a plain bend.
    assert!(
        !loops
            .iter()
            .any(|(t, _)| t.starts_with("Requests a quote online \u{2192}"))
    );
}

#[test]
fn arrowheads_grow_with_their_moves() {
    let svg = solar(View::Flow, None);
    let sizes: Vec<u32> = svg
        .split("markerWidth=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert!(sizes.iter().all(|&s| s >= 9), "{sizes:?}");
    assert!(sizes.iter().any(|&s| s >= 28), "{sizes:?}");
}

#[test]
fn the_remembered_level_is_written_in_full() {
    for persona in ["eco-owner", "budget-owner"] {
        let tree = pictures::parse(&solar(View::Journey, Some(persona)));
        let texts: Vec<String> = pictures::texts(&tree).into_iter().map(|t| t.0).collect();
        assert!(texts.iter().any(|t| t == "remembered"), "{persona}");
        assert!(texts.iter().any(|t| t == "(peak-end)"), "{persona}");
        assert!(
            !texts
                .iter()
                .any(|t| t.contains("peak-e") && t.ends_with('\u{2026}')),
            "{persona}"
        );
    }
}

#[test]
fn thin_moves_of_a_large_map_are_hidden_and_counted() {
    let map = generated::generated(100, 5, 3);
    let scores = map.score(&ScoringConfig::default());
    let flow = render::flow_svg(&map, &scores, &Personas::All, &Options::default()).unwrap();
    let tree = pictures::parse(&flow);
    let note = pictures::texts(&tree)
        .into_iter()
        .map(|t| t.0)
        .find(|t| t.contains("under 2 per 100 customers are hidden"))
        .expect("no note about hidden moves");
    let hidden: usize = note
        .split(" moves of under")
        .next()
        .unwrap()
        .rsplit(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(hidden > 0, "{note}");
    // No move drawn is under 2 per 100 customers.
    for title in flow.split("<title>").skip(1) {
        let title = title.split("</title>").next().unwrap();
        if let Some(rest) = title.strip_suffix(" moves per 100 customers") {
            let value: f64 = rest
                .rsplit(": ")
                .next()
                .unwrap()
                .parse()
                .unwrap_or_else(|e| panic!("{e}: {title}"));
            assert!(value >= 2.0, "{title}");
        }
    }
}
