//! Drawing never panics: random maps (1 to 13 stages, up to 4 personas, loops, self-loops, dead
//! ends, personas without entry, long and odd labels, any emotion scale) give a well-formed SVG
//! for every view and persona, or the error of a persona without journey.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::pictures;

use journeymap::JourneyMap;
use journeymap::render::{self, Options, Personas};
use journeymap::score::ScoringConfig;
use proptest::prelude::*;
use serde_json::{Value, json};

fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{1,12}",
        "[a-zA-Zéèàç' &<>\"-]{20,120}",
        "\\PC{1,40}",
        Just("x".repeat(300)),
    ]
}

#[derive(Debug, Clone)]
struct Tp {
    stage: usize,
    channel: usize,
    name: String,
    emotion: Option<f64>,
    expected: Option<f64>,
    action: Option<String>,
    pains: Vec<(String, usize)>,
    personas: u8,
    moves: Vec<(usize, u32)>,
}

fn random_map() -> impl Strategy<Value = Value> {
    (1usize..14, 1usize..5, 1usize..16, -3.0f64..3.0, 0.5f64..10.0).prop_flat_map(|(stages, personas, n, min, span)| {
        let tp = (
            0..stages,
            0usize..3,
            label(),
            proptest::option::of(0.0f64..=1.0),
            proptest::option::of(0.0f64..=1.0),
            proptest::option::of(label()),
            prop::collection::vec((label(), 0usize..4), 0..3),
            0u8..16,
            prop::collection::vec((0..n + 3, 1u32..10), 0..4),
        )
            .prop_map(|(stage, channel, name, emotion, expected, action, pains, personas, moves)| Tp {
                stage, channel, name, emotion, expected, action, pains, personas, moves,
            });
        (
            Just((stages, personas, n, min, span)),
            prop::collection::vec(tp, n),
            prop::collection::vec(label(), stages),
            prop::collection::vec(proptest::option::of(0..n), personas),
            prop::collection::vec((label(), 0..n), 0..3),
        )
    })
    .prop_map(|((_, personas, n, min, span), tps, stage_names, entries, opportunities)| {
        let max = min + span;
        let severities = ["low", "medium", "high", "critical"];
        let touchpoints: Vec<Value> = tps.iter().enumerate().map(|(i, t)| {
            let channel = ["web", "phone", "store"][t.channel];
            let mut v = json!({"id": format!("t{i}"), "name": t.name, "stage": format!("s{}", t.stage),
                "channel": channel, "owner": format!("team{}", i % 3), "measures": {}});
            if let Some(e) = t.emotion { v["measures"]["emotion"] = json!(min + e * span); }
            if let Some(e) = t.expected { v["measures"]["expected_emotion"] = json!(min + e * span); }
            if let Some(a) = &t.action { v["customer_action"] = json!(a); }
            v["pains"] = t.pains.iter().enumerate().map(|(k, (text, s))| json!({"id": format!("p{i}-{k}"), "text": text, "severity": severities[*s]})).collect();
            let applies: Vec<String> = (0..personas).filter(|p| t.personas & (1 << p) != 0).map(|p| format!("u{p}")).collect();
            if !applies.is_empty() && applies.len() < personas { v["personas"] = json!(applies); }
            if i % 4 == 0 { v["moment_of_truth"] = json!(true); }
            v
        }).collect();
        let mut transitions = Vec::new();
        for (i, t) in tps.iter().enumerate() {
            let total: u32 = t.moves.iter().map(|m| m.1).sum();
            for &(target, w) in &t.moves {
                let to = match target { x if x < n => format!("t{x}"), x if x == n => "won".into(), x if x == n + 1 => "lost".into(), _ => "later".into() };
                transitions.push(json!({"from": format!("t{i}"), "to": to, "probability": f64::from(w) / f64::from(total)}));
            }
        }
        json!({
            "format_version": "1.0", "id": "random", "title": stage_names[0].clone(),
            "scales": {"emotion": {"min": min, "max": max}},
            "personas": (0..personas).map(|p| json!({"id": format!("u{p}"), "name": format!("Persona {p}"), "share": 1.0 / personas as f64})).collect::<Vec<_>>(),
            "channels": [{"id": "web", "name": "Web", "kind": "digital"}, {"id": "phone", "name": "Phone", "kind": "human"}, {"id": "store", "name": "Store", "kind": "physical"}],
            "stages": stage_names.iter().enumerate().map(|(s, name)| json!({"id": format!("s{s}"), "name": name, "order": s, "customer_goal": name})).collect::<Vec<_>>(),
            "touchpoints": touchpoints, "transitions": transitions,
            "entries": entries.iter().enumerate().filter_map(|(p, e)| e.map(|t| json!({"touchpoint": format!("t{t}"), "personas": [format!("u{p}")]}))).collect::<Vec<_>>(),
            "outcomes": [{"id": "won", "name": "Won", "kind": "success"}, {"id": "lost", "name": "Lost", "kind": "failure"}, {"id": "later", "name": "Later", "kind": "neutral"}],
            "opportunities": opportunities.iter().enumerate().map(|(k, (title, t))| json!({"id": format!("o{k}"), "title": title, "touchpoints": [format!("t{t}")], "value": 3, "effort": 2})).collect::<Vec<_>>(),
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn drawing_never_panics(value in random_map()) {
        let map: JourneyMap = serde_json::from_value(value).unwrap();
        let scores = map.score(&ScoringConfig::default());
        let mut choices = vec![Personas::First, Personas::All];
        choices.extend(map.personas.iter().map(|p| Personas::One(p.id.clone())));
        for (k, personas) in choices.iter().enumerate() {
            for flow in [false, true] {
                let drawn = if flow {
                    render::flow_svg(&map, &scores, personas, &Options::default())
                } else {
                    render::journey_svg(&map, &scores, personas, &Options::default())
                };
                match drawn {
                    Ok(svg) => {
                        if k == 0 {
                            pictures::parse(&svg);
                        }
                    }
                    Err(e) => prop_assert_eq!(e.code().as_str(), "JM100"),
                }
            }
        }
        let html = journeymap::report::html(&map, &ScoringConfig::default());
        prop_assert!(html.ends_with("</html>\n"));
    }
}
