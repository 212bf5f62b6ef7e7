//! CSV touchpoint tables: the shared vectors of testdata/interchange/csv/ (quoting, embedded
//! line breaks, unicode, empty cells, extra columns, `;` with decimal commas, a BOM, bad rows),
//! the examples, and properties (import(export(map)) keeps every field the layout covers; no
//! panic on any input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp,
    clippy::type_complexity
)]
#![allow(
    clippy::too_many_lines,
    reason = "the fields the layout covers and the map the properties build are long tables"
)]

use crate::common;

use journeymap::io::csv::{self, WriteOptions};
use journeymap::io::{Imported, ReadOptions};
use journeymap::model::{
    Channel, ChannelKind, EffortDirection, EffortScale, Entry, JourneyMap, Measures,
    MomentOfTruthKind, Note, NoteSeverity, Outcome, OutcomeKind, Persona, Scale, Stage, TimeUnit,
    Touchpoint, Transition, Visibility,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn read(name: &str) -> Imported {
    let bytes = std::fs::read(common::root().join("testdata/interchange/csv").join(name)).unwrap();
    csv::read_bytes(&bytes, &ReadOptions::default())
}

fn valid(name: &str) -> JourneyMap {
    let imported = read(name);
    assert!(imported.is_valid(), "{name}: {:#?}", imported.diagnostics);
    imported.map.unwrap()
}

fn tp<'m>(map: &'m JourneyMap, id: &str) -> &'m Touchpoint {
    map.touchpoints.iter().find(|t| t.id == id).unwrap()
}

/// (code, line, column) of the diagnostics of the reader (not of the map's validation).
fn row_diagnostics(imported: &Imported) -> Vec<(&'static str, Option<u32>, Option<u32>)> {
    imported
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() >= "JM230" && d.code.as_str() <= "JM259")
        .map(|d| (d.code.as_str(), d.line, d.column))
        .collect()
}

#[test]
fn a_plain_table_is_a_linear_journey() {
    let map = valid("basic.csv");
    let ids: Vec<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sees-an-ad",
            "reads-reviews",
            "pays-online",
            "gets-the-confirmation"
        ]
    );
    let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(stages, ["Discover", "Buy"]);
    let channels: Vec<&str> = map.channels.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(channels, ["social", "web", "email"]);
    assert_eq!(tp(&map, "pays-online").measures.effort, Some(5.0));
    // No `next` and no `entry` column: each row leads to the next, the last to success.
    assert_eq!(map.personas[0].id, "customer");
    assert_eq!(map.entries.len(), 1);
    assert_eq!(map.transitions.len(), 4);
    assert_eq!(map.transitions[3].to, "completed");
    let scores = map.score(&Default::default());
    assert_eq!(scores.personas[0].conversion.success_probability, 1.0);
}

#[test]
fn quoted_cells_with_delimiters_quotes_and_line_breaks() {
    let map = valid("quoting.csv");
    let form = tp(&map, "form");
    assert_eq!(form.name, "Fills in the form, then pays");
    assert_eq!(
        form.customer_action.as_deref(),
        Some("Types \"everything\" again")
    );
    let pains: Vec<(&str, Option<NoteSeverity>)> = form
        .pains
        .iter()
        .map(|n| (n.text.as_str(), n.severity))
        .collect();
    assert_eq!(
        pains,
        [
            ("Too many fields", Some(NoteSeverity::High)),
            ("Asks for data the bank has", None)
        ]
    );
    assert_eq!(
        tp(&map, "pay").customer_action.as_deref(),
        Some("Line one\nline two")
    );
}

#[test]
fn unicode_everywhere_and_stage_filled_down() {
    let map = valid("unicode.csv");
    assert_eq!(map.touchpoints[0].name, "Lit un avis 📱");
    assert_eq!(map.touchpoints[0].pains[0].text, "Trop de pubs 😤");
    // An empty stage cell continues the stage of the row above.
    assert_eq!(map.touchpoints[1].stage, "découverte");
    assert_eq!(map.touchpoints[2].id, "支払う");
    assert_eq!(map.touchpoints[2].stage, "購入");
    assert_eq!(map.personas[0].id, "Zoé");
}

#[test]
fn empty_cells_are_absent_values() {
    let map = valid("empty-cells.csv");
    let ad = tp(&map, "sees-an-ad");
    assert_eq!(ad.measures, Measures::default());
    assert_eq!(ad.owner, None);
    let reviews = tp(&map, "reads-reviews");
    assert_eq!(reviews.stage, "discover");
    assert_eq!(reviews.measures.emotion, Some(0.5));
    assert_eq!(reviews.measures.expected_emotion, None);
    let pays = tp(&map, "pays-online");
    assert_eq!(pays.channel, "unspecified");
    assert!(pays.moment_of_truth);
    assert_eq!(map.stages[1].order, Some(2));
}

#[test]
fn unknown_columns_are_kept_as_x_fields() {
    let imported = read("extra-columns.csv");
    assert!(imported.is_valid(), "{:?}", imported.diagnostics);
    assert_eq!(
        row_diagnostics(&imported),
        // `x-color` is named as an extension already: no note for it.
        [
            ("JM236", Some(1), Some(4)),
            ("JM236", Some(1), Some(5)),
            ("JM236", Some(1), Some(7)),
        ]
    );
    let map = imported.map.unwrap();
    let ad = &map.touchpoints[0];
    assert_eq!(ad.x["x-Region"], json!("North"));
    assert_eq!(ad.x["x-Score card"], json!({"nps": 40}));
    assert_eq!(ad.x["x-color"], json!("#ffcc00"));
    assert!(!ad.x.contains_key("x-Notes"));
    let pays = &map.touchpoints[1];
    assert_eq!(pays.x["x-Score card"], json!([1, 2]));
    assert_eq!(pays.x["x-Notes"], json!("call back"));
    // And they come back out under the same names.
    let text = csv::to_string(&map).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(",x-Region,x-Score card,x-color,x-Notes"),
        "{header}"
    );
    assert_eq!(csv::from_str(&text).unwrap().touchpoints[0].x, ad.x);
}

#[test]
fn an_upper_case_x_prefix_is_written_lower_case() {
    let imported = read("x-prefix-case.csv");
    assert!(imported.is_valid(), "{:?}", imported.diagnostics);
    // `X-Color` is kept as `x-Color` (a note says so); `x-size` keeps its name without one.
    assert_eq!(row_diagnostics(&imported), [("JM236", Some(1), Some(4))]);
    assert!(imported.diagnostics[0].message.contains("`x-Color`"));
    let map = imported.map.unwrap();
    assert_eq!(map.touchpoints.len(), 2);
    assert_eq!(map.touchpoints[0].x["x-Color"], json!("#ffcc00"));
    assert_eq!(map.touchpoints[0].x["x-size"], json!("L"));
    assert_eq!(map.touchpoints[1].x["x-Color"], json!("#336699"));
    // Both spellings name one column.
    let both = csv::read(
        "touchpoint,x-Color,X-Color\nPays,a,b\n",
        &ReadOptions::default(),
    );
    assert_eq!(
        row_diagnostics(&both),
        [("JM235", Some(1), Some(3))],
        "{:?}",
        both.diagnostics
    );
    assert_eq!(both.map.unwrap().touchpoints[0].x["x-Color"], json!("a"));
}

#[test]
fn a_column_named_twice_is_ignored_and_its_rows_kept() {
    let imported = read("duplicate-column.csv");
    // The second `emotion` and the second `Region` are JM235; their cells are skipped.
    assert_eq!(
        row_diagnostics(&imported),
        [
            ("JM235", Some(1), Some(4)),
            ("JM236", Some(1), Some(5)),
            ("JM235", Some(1), Some(6)),
        ]
    );
    assert!(!imported.is_valid());
    let map = imported.map.unwrap();
    let kept: Vec<(&str, Option<f64>, &Value)> = map
        .touchpoints
        .iter()
        .map(|t| (t.name.as_str(), t.measures.emotion, &t.x["x-Region"]))
        .collect();
    assert_eq!(
        kept,
        [
            ("Sees an ad", Some(1.0), &json!("North")),
            ("Pays", Some(-1.0), &json!("South")),
        ]
    );
}

#[test]
fn x_cells_of_a_persona_only_row_are_ignored_with_a_warning() {
    let imported = read("persona-only-x.csv");
    assert!(imported.is_valid(), "{:?}", imported.diagnostics);
    assert_eq!(row_diagnostics(&imported), [("JM240", Some(2), Some(5))]);
    let map = imported.map.unwrap();
    let personas: Vec<(&str, &str)> = map
        .personas
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    assert_eq!(personas, [("ann", "Ann")]);
    assert!(map.personas[0].x.is_empty());
    assert_eq!(map.touchpoints[0].x["x-segment"], json!("online"));
}

#[test]
fn semicolons_and_decimal_commas() {
    let map = valid("semicolon-decimal-comma.csv");
    let pub_ = tp(&map, "pub");
    assert_eq!(pub_.measures.emotion, Some(0.5));
    assert_eq!(pub_.measures.effort, Some(1.5));
    let moves: Vec<(&str, &str, Option<f64>)> = map
        .transitions
        .iter()
        .map(|t| (t.from.as_str(), t.to.as_str(), t.probability))
        .collect();
    assert_eq!(
        moves,
        [
            ("pub", "avis", Some(0.6)),
            ("pub", "abandon", Some(0.4)),
            ("avis", "paie", Some(0.75)),
            ("avis", "abandon", Some(0.25)),
            ("paie", "achat", Some(1.0)),
        ]
    );
    assert_eq!(map.entries.len(), 1);
    assert_eq!(map.entries[0].touchpoint, "pub");
    let kinds: Vec<OutcomeKind> = map.outcomes.iter().map(|o| o.kind).collect();
    assert_eq!(kinds, [OutcomeKind::Success, OutcomeKind::Failure]);
    // Written back with `;`, numbers keep their decimal comma.
    let options = WriteOptions {
        delimiter: b';',
        bom: true,
    };
    let text = csv::to_string_with(&map, &options).unwrap();
    assert!(text.starts_with("\u{feff}stage_order;"), "{text}");
    assert!(text.contains(";0,5;1;1,5;"), "{text}");
    assert_eq!(csv::from_str(&text).unwrap(), map);
}

#[test]
fn french_headers() {
    let map = valid("french.csv");
    assert_eq!(map.scales.time_unit, Some(TimeUnit::Hours));
    let avis = tp(&map, "lit-des-avis");
    assert_eq!(avis.measures.duration, Some(0.25));
    assert_eq!(avis.moment_of_truth_kind, Some(MomentOfTruthKind::Zero));
    assert_eq!(avis.pains[0].severity, Some(NoteSeverity::Medium));
    // Moves name their target by name too.
    assert!(
        map.transitions
            .iter()
            .any(|t| t.from == "lit-des-avis" && t.to == "paie" && t.probability == Some(0.75))
    );
    assert_eq!(map.outcomes[0].id, "achat-conclu");
}

#[test]
fn byte_order_mark_and_windows_line_ends() {
    let map = valid("bom.csv");
    assert_eq!(map.touchpoints[0].name, "Paie en ligne");
    assert_eq!(map.stages[0].name, "Buy");
}

#[test]
fn persona_rows_outcome_rows_notes_and_weights() {
    let map = valid("personas.csv");
    let personas: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(personas, ["young-pro", "family"]);
    let simulator = tp(&map, "simulator");
    assert_eq!(simulator.measures.emotion, Some(1.0));
    assert_eq!(simulator.persona_measures["family"].emotion, Some(-0.5));
    assert_eq!(simulator.persona_measures["family"].effort, Some(5.0));
    assert_eq!(simulator.gains[0].id.as_deref(), Some("gain-rate"));
    let apply = tp(&map, "apply");
    assert_eq!(apply.personas, ["young-pro", "family"]);
    assert_eq!(apply.measures.drop_off, Some(0.1));
    assert_eq!(apply.pains[1].severity, Some(NoteSeverity::Critical));
    assert_eq!(apply.moment_of_truth_kind, Some(MomentOfTruthKind::First));
    assert_eq!(tp(&map, "review").visibility, Some(Visibility::Backstage));
    let entries: Vec<(&str, Vec<String>, Option<f64>)> = map
        .entries
        .iter()
        .map(|e| (e.touchpoint.as_str(), e.personas.clone(), e.probability))
        .collect();
    assert_eq!(entries.len(), 4);
    assert!(entries.contains(&("simulator", vec!["family".to_owned()], Some(0.6))));
    let scores = map.score(&Default::default());
    for p in &scores.personas {
        assert!(p.conversion.success_probability > 0.0, "{}", p.persona);
    }
}

#[test]
fn scales_from_header_annotations() {
    let map = valid("scales.csv");
    assert_eq!(map.scales.emotion, Some(Scale::new(1.0, 10.0)));
    assert_eq!(map.scales.importance, Some(Scale::new(0.0, 10.0)));
    let effort = map.scales.effort.clone().unwrap();
    assert_eq!(
        (effort.min, effort.max, effort.direction),
        (1.0, 7.0, Some(EffortDirection::HigherIsEasier))
    );
    assert_eq!(map.scales.time_unit, Some(TimeUnit::Hours));
    assert_eq!(map.touchpoints[1].measures.importance, Some(9.0));
}

#[test]
fn bad_rows_are_reported_and_the_others_kept() {
    let imported = read("bad-rows.csv");
    assert!(!imported.is_valid());
    assert_eq!(
        row_diagnostics(&imported),
        [
            ("JM232", Some(3), Some(5)),
            ("JM233", Some(3), Some(6)),
            ("JM233", Some(3), Some(7)),
            ("JM237", Some(5), Some(1)),
            ("JM238", Some(6), Some(1)),
            ("JM238", Some(7), Some(4)),
            ("JM233", Some(8), Some(9)),
        ]
    );
    let d = imported
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "JM232")
        .unwrap();
    assert!(
        d.message.starts_with("row 3, column `emotion`"),
        "{}",
        d.message
    );
    let map = imported.map.unwrap();
    let ids: Vec<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["ad", "pay"]);
    assert_eq!(map.outcomes.len(), 1);
    // The move to the left-out row is reported by the validator, at its row and column.
    let dangling = imported
        .diagnostics
        .iter()
        .find(|d| d.code.as_str() == "JM027")
        .unwrap();
    assert_eq!((dangling.line, dangling.column), (Some(2), Some(8)));
}

#[test]
fn what_is_not_a_table() {
    let cases: &[(&str, &[(&str, Option<u32>, Option<u32>)])] = &[
        ("not-a-table.csv", &[("JM230", Some(1), Some(1))]),
        ("not-utf8.csv", &[("JM231", Some(2), Some(2))]),
    ];
    for (file, want) in cases {
        assert_eq!(row_diagnostics(&read(file)), *want, "{file}");
    }
    assert!(read("not-a-table.csv").map.is_none());
    // The row that is not UTF-8 is left out, the next one kept.
    let map = read("not-utf8.csv").map.unwrap();
    assert_eq!(map.touchpoints.len(), 1);
    for text in ["", "\n\n", "touchpoint\n", "a,b\n1,2\n"] {
        let imported = csv::read(text, &ReadOptions::default());
        assert_eq!(imported.diagnostics[0].code.as_str(), "JM230", "{text:?}");
    }
    let utf16 = [0xFF, 0xFE, b't', 0];
    assert_eq!(
        csv::read_bytes(&utf16, &ReadOptions::default()).diagnostics[0]
            .code
            .as_str(),
        "JM230"
    );
}

/// Every field the layout covers, in a form that does not depend on array order or on how
/// moves and entries limited to several personas are split into rows.
fn covered(map: &JourneyMap) -> Value {
    let used: Vec<&str> = map.touchpoints.iter().map(|t| t.channel.as_str()).collect();
    let mut stages: Vec<Value> = map
        .stages
        .iter()
        .map(|s| json!([s.id, s.name, s.order]))
        .collect();
    stages.sort_by_key(|v| v.to_string());
    let mut channels: Vec<Value> = map
        .channels
        .iter()
        .filter(|c| used.contains(&c.id.as_str()))
        .map(|c| json!([c.id, c.name, c.kind]))
        .collect();
    channels.sort_by_key(|v| v.to_string());
    let numbers = |m: &Measures| json!(m.fields().map(|(_, v)| v));
    let notes = |ns: &[Note]| -> Value {
        ns.iter()
            .map(|n| json!([n.id, n.text, n.severity]))
            .collect()
    };
    let mut touchpoints: Vec<Value> = map
        .touchpoints
        .iter()
        .map(|t| {
            let mut overrides: Vec<Value> = t
                .persona_measures
                .iter()
                .filter(|(_, m)| m.fields().iter().any(|(_, v)| v.is_some()))
                .map(|(p, m)| json!([p, numbers(m)]))
                .collect();
            overrides.sort_by_key(|v| v.to_string());
            let mut personas = t.personas.clone();
            personas.sort();
            json!([
                t.id,
                t.name,
                t.stage,
                t.channel,
                t.description,
                t.customer_action,
                personas,
                t.visibility,
                t.owner,
                numbers(&t.measures),
                overrides,
                notes(&t.pains),
                notes(&t.gains),
                t.moment_of_truth,
                t.moment_of_truth_kind,
                t.x
            ])
        })
        .collect();
    touchpoints.sort_by_key(|v| v.to_string());
    let expand = |personas: &[String]| -> Vec<String> {
        if personas.is_empty() {
            vec!["*".to_owned()]
        } else {
            personas.to_vec()
        }
    };
    let mut moves: Vec<Value> = map
        .transitions
        .iter()
        .flat_map(|t| {
            expand(&t.personas)
                .into_iter()
                .map(|p| json!([t.from, t.to, p, t.probability, t.count]))
        })
        .collect();
    moves.sort_by_key(|v| v.to_string());
    let mut entries: Vec<Value> = map
        .entries
        .iter()
        .flat_map(|e| {
            expand(&e.personas)
                .into_iter()
                .map(|p| json!([e.touchpoint, p, e.probability, e.count]))
        })
        .collect();
    entries.sort_by_key(|v| v.to_string());
    let mut outcomes: Vec<Value> = map
        .outcomes
        .iter()
        .map(|o| json!([o.id, o.name, o.kind, o.description, o.x]))
        .collect();
    outcomes.sort_by_key(|v| v.to_string());
    let personas: Vec<Value> = map
        .personas
        .iter()
        .map(|p| json!([p.id, p.name, p.share]))
        .collect();
    let s = &map.scales;
    json!({
        "scales": [s.emotion, s.importance, s.satisfaction,
            s.effort.as_ref().map(|e| json!([e.min, e.max, e.direction])), s.time_unit],
        "personas": personas, "stages": stages, "channels": channels,
        "touchpoints": touchpoints, "moves": moves, "entries": entries, "outcomes": outcomes,
    })
}

#[test]
fn examples_round_trip_through_csv() {
    for file in common::json_files("examples") {
        let map = journeymap::io::from_path(&file).unwrap();
        for options in [
            WriteOptions::default(),
            WriteOptions {
                delimiter: b';',
                bom: true,
            },
        ] {
            let text = csv::to_string_with(&map, &options).unwrap();
            let back = csv::from_str(&text).unwrap();
            assert_eq!(covered(&back), covered(&map), "{}", file.display());
            // Every persona's journey and share are the same, so the scores are, to the bit (but
            // for the survey plan, the opportunities and the map id: a touchpoint's declared
            // survey, the map's opportunities and its id are not in the layout).
            let scores = |m: &JourneyMap| {
                let mut v = serde_json::to_value(m.score(&Default::default())).unwrap();
                v.as_object_mut().unwrap().remove("survey_plan");
                v.as_object_mut().unwrap().remove("opportunities");
                v.as_object_mut().unwrap().remove("map");
                v.to_string()
            };
            assert_eq!(scores(&map), scores(&back), "{}", file.display());
        }
        // The committed export is what the map gives today.
        let committed = std::fs::read_to_string(file.with_extension("csv")).unwrap();
        assert_eq!(committed, csv::to_string(&map).unwrap());
    }
}

// ---- properties ----

fn text() -> impl Strategy<Value = String> {
    // Printable text with the characters the layout must escape or quote; no white space at
    // either end (cells are trimmed).
    "[A-Za-zé😀,;\"|\\\\()\\[\\]#:x-][A-Za-zé😀 ,;\"|\\\\()\\[\\]\n#:x-]{0,12}[A-Za-zé😀,;\"|\\\\()\\[\\]#:x-]|[A-Za-zé]"
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-20i32..=20).prop_map(|n| f64::from(n) / 4.0),
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

fn measures() -> impl Strategy<Value = Measures> {
    prop::collection::vec(prop::option::of(number()), 8).prop_map(|v| Measures {
        emotion: v[0],
        expected_emotion: v[1],
        effort: v[2],
        importance: v[3],
        satisfaction: v[4],
        duration: v[5],
        volume: v[6],
        drop_off: v[7],
        x: Default::default(),
    })
}

fn note() -> impl Strategy<Value = Note> {
    (
        text(),
        prop::option::of(prop_oneof![
            Just(NoteSeverity::Low),
            Just(NoteSeverity::Critical)
        ]),
        prop::option::of("[a-z][a-z0-9,\\[\\]|-]{0,6}"),
    )
        .prop_map(|(text, severity, id)| Note {
            id,
            text,
            severity,
            x: Default::default(),
        })
}

fn x_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        text().prop_map(Value::String),
        Just(json!("3")),
        Just(json!("")),
        Just(json!(" padded ")),
        (-1000i64..1000).prop_map(Value::from),
        Just(json!({"a": [1, true, null]})),
        Just(Value::Null),
    ]
}

/// One touchpoint's random parts.
type TpParts = (
    String,
    usize,
    usize,
    Option<String>,
    Vec<usize>,
    Measures,
    Vec<(usize, Measures)>,
    Vec<Note>,
    Option<(bool, Option<MomentOfTruthKind>)>,
    Vec<(usize, Option<usize>, Option<f64>, Option<f64>)>,
    Vec<(String, Value)>,
    Option<Visibility>,
);

fn touchpoint_parts() -> impl Strategy<Value = TpParts> {
    (
        text(),
        0usize..3,
        0usize..3,
        prop::option::of(text()),
        prop::collection::btree_set(0usize..3, 0..3).prop_map(|s| s.into_iter().collect()),
        measures(),
        prop::collection::vec(
            (
                0usize..3,
                measures().prop_filter("set", |m| m != &Measures::default()),
            ),
            0..2,
        ),
        prop::collection::vec(note(), 0..3),
        prop::option::of((
            any::<bool>(),
            prop::option::of(Just(MomentOfTruthKind::Second)),
        )),
        prop::collection::vec(
            (
                0usize..6,
                prop::option::of(0usize..3),
                prop::option::of(0.0f64..1.0),
                prop::option::of(0.0f64..100.0),
            ),
            0..3,
        ),
        prop::collection::vec(("x-[a-z]{1,3}", x_value()), 0..2),
        prop::option::of(prop_oneof![
            Just(Visibility::Frontstage),
            Just(Visibility::Backstage)
        ]),
    )
}

fn build(parts: Vec<TpParts>, stage_orders: Vec<Option<i64>>, declared_scales: bool) -> JourneyMap {
    let mut map = JourneyMap::new("m", "m");
    if declared_scales {
        map.scales.emotion = Some(Scale::new(1.0, 10.0));
        map.scales.effort = Some(EffortScale {
            min: 1.0,
            max: 7.0,
            direction: Some(EffortDirection::HigherIsEasier),
            x: Default::default(),
        });
        map.scales.time_unit = Some(TimeUnit::Days);
    }
    for name in ["Julie", "marc", "Zoé-3"] {
        let persona: Persona = serde_json::from_value(json!({"id": name, "name": name})).unwrap();
        map.personas.push(persona);
    }
    for (i, order) in stage_orders.iter().enumerate() {
        let mut stage: Stage =
            serde_json::from_value(json!({"id": format!("s{i}"), "name": format!("Stage, {i}")}))
                .unwrap();
        stage.order = *order;
        map.stages.push(stage);
    }
    for (i, kind) in [ChannelKind::Digital, ChannelKind::Human, ChannelKind::Print]
        .into_iter()
        .enumerate()
    {
        map.channels.push(Channel {
            id: format!("c{i}"),
            name: format!("Channel \"{i}\""),
            kind,
            mode: None,
            x: Default::default(),
        });
    }
    map.outcomes.push(Outcome {
        id: "won".to_owned(),
        name: "Won".to_owned(),
        kind: OutcomeKind::Success,
        description: Some("Signed; paid".to_owned()),
        value: None,
        x: [("x-tag".to_owned(), json!("done"))].into_iter().collect(),
    });
    let n = parts.len();
    let all: Vec<String> = map.personas.iter().map(|p| p.id.clone()).collect();
    let persona = |p: usize| all[p % 3].clone();
    for (i, p) in parts.into_iter().enumerate() {
        let (
            name,
            stage,
            channel,
            description,
            personas,
            measures,
            overrides,
            notes,
            mot,
            moves,
            x,
            visibility,
        ) = p;
        let personas: Vec<String> = personas.iter().map(|&k| persona(k)).collect();
        // Persona rows of a touchpoint limited to some personas name one of them.
        let pick = |k: usize| -> String {
            if personas.is_empty() {
                persona(k)
            } else {
                personas[k % personas.len()].clone()
            }
        };
        let mut tp: Touchpoint = serde_json::from_value(json!({
            "id": format!("t{i}"), "name": name, "stage": format!("s{}", stage % stage_orders.len()),
            "channel": format!("c{channel}")
        }))
        .unwrap();
        tp.description = description;
        tp.customer_action = Some(format!("acts {i}"));
        tp.owner = Some("team|a".to_owned());
        tp.measures = measures;
        for (k, m) in overrides {
            tp.persona_measures.insert(pick(k), m);
        }
        tp.pains = notes.clone();
        tp.gains = notes.into_iter().rev().collect();
        if let Some((flag, kind)) = mot {
            tp.moment_of_truth = flag;
            tp.moment_of_truth_kind = kind;
        }
        tp.visibility = visibility;
        tp.x = x.into_iter().collect();
        for (to, who, probability, count) in moves {
            let to = if to % 3 == 0 {
                "won".to_owned()
            } else {
                format!("t{}", to % n)
            };
            map.transitions.push(Transition {
                from: tp.id.clone(),
                to,
                personas: who.map(|k| vec![pick(k)]).unwrap_or_default(),
                probability,
                count,
                label: None,
                x: Default::default(),
            });
        }
        if i == 0 {
            map.entries.push(Entry {
                touchpoint: tp.id.clone(),
                personas: Vec::new(),
                probability: Some(0.5),
                count: None,
                x: Default::default(),
            });
            map.entries.push(Entry {
                touchpoint: tp.id.clone(),
                personas: vec![pick(1)],
                probability: None,
                count: Some(3.0),
                x: Default::default(),
            });
        }
        tp.personas = personas;
        map.touchpoints.push(tp);
    }
    map
}

fn any_map() -> impl Strategy<Value = JourneyMap> {
    (
        prop::collection::vec(touchpoint_parts(), 1..5),
        prop::collection::vec(prop::option::of(-3i64..5), 1..4),
        any::<bool>(),
    )
        .prop_map(|(parts, orders, scales)| build(parts, orders, scales))
}

fn csv_piece() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("touchpoint"),
        Just("touchpoint_id"),
        Just("stage"),
        Just("persona"),
        Just("next"),
        Just("entry"),
        Just("outcome"),
        Just("emotion [1..5]"),
        Just("x-a"),
        Just(","),
        Just(";"),
        Just("\""),
        Just("\n"),
        Just("\r\n"),
        Just("a"),
        Just("0,5"),
        Just("1.5"),
        Just("|"),
        Just("(0.5)"),
        Just("[high]"),
        Just("success"),
        Just("yes"),
        Just("\\"),
        Just("é"),
        Just("\u{feff}"),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// import(export(map)) keeps every field the layout covers, with either delimiter.
    #[test]
    fn csv_round_trip(map in any_map(), semicolon in any::<bool>(), bom in any::<bool>()) {
        let options = WriteOptions { delimiter: if semicolon { b';' } else { b',' }, bom };
        let text = csv::to_string_with(&map, &options).unwrap();
        let imported = csv::read(&text, &ReadOptions::default());
        let rows = row_diagnostics(&imported);
        prop_assert!(rows.iter().all(|(code, _, _)| *code == "JM236"), "{:?}\n{}", imported.diagnostics, text);
        let back = imported.map.unwrap();
        prop_assert_eq!(covered(&back), covered(&map), "{}", text);
        // Writing what was read gives the same table.
        prop_assert_eq!(csv::to_string_with(&back, &options).unwrap(), text);
    }

    /// Reading never panics, whatever the text or bytes.
    #[test]
    fn never_panics_on_text(text in "\\PC*") {
        let _ = csv::read(&text, &ReadOptions::default());
    }

    #[test]
    fn never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = csv::read_bytes(&bytes, &ReadOptions::default());
    }

    #[test]
    fn never_panics_on_table_pieces(pieces in prop::collection::vec(csv_piece(), 0..60)) {
        let text: String = pieces.concat();
        let imported = csv::read(&text, &ReadOptions::default());
        if let Some(map) = imported.map {
            let _ = csv::to_string(&map).unwrap();
        }
    }
}
