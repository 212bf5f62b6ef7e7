//! Event logs: the hand-built vectors of testdata/events, every way of reading a log agreeing,
//! malformed rows, discovery, calibration and conformance answers worked out by hand.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::float_cmp
)]

use std::path::PathBuf;

use journeymap::events::columns::{Columns, NumColumn, StrColumn};
use journeymap::events::{
    ActivityMapping, ColumnNames, ConformanceOptions, DiscoverOptions, Event, EventLog, LogBuilder,
    MetricKind, StatsOptions, Time, conformance,
};
use journeymap::score::ScoringConfig;
use serde_json::{Value, json};

fn testdata(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../testdata/events")
        .join(name)
}

fn read_json(name: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(testdata(name)).unwrap()).unwrap()
}

fn basic_names() -> ColumnNames {
    ColumnNames {
        persona: Some("persona".to_owned()),
        ..ColumnNames::default()
    }
    .with_metric(MetricKind::Csat, "csat")
}

fn basic() -> EventLog {
    EventLog::from_csv_path(testdata("basic.csv"), basic_names()).unwrap()
}

fn stats_options() -> StatsOptions {
    StatsOptions {
        outcomes: vec!["buy".to_owned()],
        top_variants: Some(20),
    }
}

#[test]
fn basic_stats_are_the_hand_computed_ones() {
    let stats = basic().stats(&stats_options());
    assert_eq!(
        serde_json::to_value(&stats).unwrap(),
        read_json("basic.stats.json")
    );
}

#[test]
fn events_are_ordered_by_time_ties_in_input_order() {
    let log = basic();
    let names = log.activity_names().to_vec();
    let seq = |c: usize| -> Vec<&str> {
        log.case_activities(c)
            .iter()
            .map(|&a| names[a as usize].as_str())
            .collect()
    };
    let ids: Vec<&str> = (0..log.cases()).map(|c| log.case_id(c)).collect();
    assert_eq!(ids, ["c1", "c2", "c3", "c5", "c4"]);
    assert_eq!(seq(2), ["visit", "compare", "visit", "buy"]);
    // c5: buy comes first in the file but later in time; visit and compare share an instant.
    assert_eq!(seq(3), ["visit", "compare", "buy"]);
    assert_eq!(log.case_persona(3), None);
    assert_eq!(log.case_persona(0), Some("julie"));
}

/// The basic log as rows of strings, without the rejected lines.
fn basic_rows() -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(testdata("basic.csv")).unwrap();
    text.lines()
        .skip(1)
        .map(|l| l.split(',').map(str::to_owned).collect::<Vec<_>>())
        .filter(|r| r.len() == 6)
        .collect()
}

#[test]
fn iterator_and_columns_read_the_same_log_as_csv() {
    let strip = |mut v: Value| {
        v.as_object_mut().unwrap().remove("rejected");
        v.as_object_mut().unwrap().remove("warnings");
        v
    };
    let expected = strip(read_json("basic.stats.json"));
    let rows = basic_rows();
    let metrics: Vec<Vec<Option<f64>>> = rows
        .iter()
        .map(|r| vec![r[5].parse::<f64>().ok()])
        .collect();
    let events = rows.iter().zip(&metrics).map(|(r, m)| Event {
        case: &r[0],
        activity: &r[1],
        timestamp: Time::Text(&r[2]),
        channel: Some(&r[3]),
        persona: Some(&r[4]),
        metrics: m,
    });
    let log = EventLog::from_events(basic_names(), events).unwrap();
    assert_eq!(
        strip(serde_json::to_value(log.stats(&stats_options())).unwrap()),
        expected
    );
    let col = |k: usize| -> Vec<Option<String>> {
        rows.iter()
            .map(|r| Some(r[k].clone()).filter(|s| !s.is_empty()))
            .collect()
    };
    let (case, activity, time, persona) = (col(0), col(1), col(2), col(4));
    let csat: Vec<Option<f64>> = rows.iter().map(|r| r[5].parse().ok()).collect();
    let metrics: [&dyn NumColumn; 1] = [&csat];
    let log = EventLog::from_columns(
        basic_names(),
        Columns {
            case: &case as &dyn StrColumn,
            activity: &activity,
            timestamp: &time,
            channel: None,
            persona: Some(&persona),
            metrics: &metrics,
        },
    )
    .unwrap();
    assert_eq!(
        strip(serde_json::to_value(log.stats(&stats_options())).unwrap()),
        expected
    );
    // Rows numbered from 0 in the frame: the missing case id is row 6 of the 17 rows read.
    let rejected: Vec<u64> = log.rejected().map(|r| r.row).collect();
    assert_eq!(rejected, [6, 10, 15]);
}

#[test]
fn a_log_with_five_percent_bad_rows_loses_no_valid_row() {
    let mut text = String::from("case_id,activity,timestamp\n");
    let mut valid = 0usize;
    let mut bad: Vec<(u64, String)> = Vec::new();
    for i in 0..2000u64 {
        let line = i + 2;
        if i % 20 == 7 {
            // Every kind of bad row in turn: missing case, missing activity, bad timestamp,
            // wrong column count.
            let reason = match (i / 20) % 4 {
                0 => {
                    text.push_str(&format!(",a{},2026-01-01T00:00:00Z\n", i % 5));
                    "missing case id (column \"case_id\")".to_owned()
                }
                1 => {
                    text.push_str(&format!("c{},,2026-01-01T00:00:00Z\n", i % 50));
                    "missing activity (column \"activity\")".to_owned()
                }
                2 => {
                    text.push_str(&format!("c{},a1,not a time\n", i % 50));
                    let e = journeymap::events::timestamps::parse("not a time").unwrap_err();
                    format!("timestamp \"not a time\" in column \"timestamp\" cannot be read: {e}")
                }
                _ => {
                    text.push_str(&format!("c{},a1\n", i % 50));
                    "wrong column count: expected 3, found 2".to_owned()
                }
            };
            bad.push((line, reason));
        } else {
            valid += 1;
            text.push_str(&format!("c{},a{},{}\n", i % 50, i % 7, 1_700_000_000 + i));
        }
    }
    let log = EventLog::from_csv(text.as_bytes(), ColumnNames::default()).unwrap();
    assert_eq!(log.events(), valid);
    assert_eq!(log.cases(), 50);
    let rejected: Vec<(u64, String)> = log.rejected().map(|r| (r.row, r.reason.clone())).collect();
    assert_eq!(rejected, bad);
    assert_eq!(bad.len() * 20, 2000);
    for kind in [
        "missing case id",
        "missing activity",
        "timestamp",
        "wrong column count",
    ] {
        let n = bad.iter().filter(|(_, r)| r.starts_with(kind)).count();
        assert_eq!(n, 25, "{kind}");
    }
    assert!(log.rejected().all(|r| r.code == "JM300"));
}

#[test]
fn a_row_offset_numbers_the_rows_of_a_part_of_a_log() {
    let text = "case_id,activity,timestamp\nc1,,2026-01-01T00:00:00Z\nc1,a,2026-01-01T00:00:00Z\n";
    let mut b = LogBuilder::new(ColumnNames::default())
        .unwrap()
        .with_row_offset(1000);
    journeymap::events::read_csv(text.as_bytes(), &mut b).unwrap();
    let log = b.finish();
    let rows: Vec<u64> = log.rejected().map(|r| r.row).collect();
    assert_eq!(rows, [1002]);
    // Events pushed one by one are numbered from the offset on.
    let mut b = LogBuilder::new(ColumnNames::default())
        .unwrap()
        .with_row_offset(10);
    b.push(&Event::new("c1", "a", Time::Nanos(0)));
    b.push(&Event::new("", "a", Time::Nanos(0)));
    let log = b.finish();
    assert_eq!(log.rejected().map(|r| r.row).collect::<Vec<_>>(), [11]);
}

#[test]
fn a_missing_column_is_an_error() {
    let err = EventLog::from_csv("id,activity,timestamp\n".as_bytes(), ColumnNames::default())
        .unwrap_err();
    assert_eq!(err.code().as_str(), "JM302");
    assert!(err.to_string().contains("case_id"), "{err}");
    let err = EventLog::from_csv("".as_bytes(), ColumnNames::default()).unwrap_err();
    assert_eq!(err.code().as_str(), "JM304");
}

#[test]
fn discovery_gives_the_observed_conversion_and_removal_effects() {
    let found = basic()
        .discover(&DiscoverOptions {
            success: vec!["buy".to_owned()],
            ..DiscoverOptions::default()
        })
        .unwrap();
    let map = &found.map;
    assert!(journeymap::validate::validate_map(map).is_valid());
    let shares: Vec<(&str, f64)> = map
        .personas
        .iter()
        .map(|p| (p.id.as_str(), p.share.unwrap()))
        .collect();
    assert_eq!(shares, [("julie", 0.4), ("marc", 0.4), ("unassigned", 0.2)]);
    let ids: Vec<&str> = map.touchpoints.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["visit", "compare"]);
    let outcomes: Vec<&str> = map.outcomes.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(outcomes, ["buy", "ended_without_outcome"]);
    let moves: Vec<(String, String, String, f64)> = map
        .transitions
        .iter()
        .map(|t| {
            (
                t.personas.join(","),
                t.from.clone(),
                t.to.clone(),
                t.count.unwrap(),
            )
        })
        .collect();
    let m = |p: &str, a: &str, b: &str, c: f64| (p.to_owned(), a.to_owned(), b.to_owned(), c);
    assert_eq!(
        moves,
        [
            m("julie", "visit", "compare", 2.0),
            m("julie", "visit", "buy", 1.0),
            m("julie", "compare", "visit", 1.0),
            m("julie", "compare", "buy", 1.0),
            m("marc", "visit", "visit", 1.0),
            m("marc", "visit", "compare", 1.0),
            m("marc", "compare", "ended_without_outcome", 2.0),
            m("unassigned", "visit", "compare", 1.0),
            m("unassigned", "compare", "buy", 1.0),
        ]
    );
    let scores = map.score(&ScoringConfig::default());
    assert!((scores.overall.success_probability - 0.6).abs() < 1e-12);
    let effect = |id: &str| {
        scores
            .overall
            .touchpoints
            .iter()
            .find(|t| t.touchpoint == id)
            .unwrap()
            .removal_effect
            .unwrap()
    };
    assert!((effect("visit") - 1.0).abs() < 1e-12);
    // julie converts without compare one time in three; unassigned never.
    assert!((effect("compare") - (0.4 * 2.0 / 3.0 + 0.2) / 0.6).abs() < 1e-12);
    assert_eq!(found.report.cases_in_map, 5);
    assert_eq!(found.report.events_after_outcome, 0);
}

#[test]
fn discovery_per_channel_and_outcome_checks() {
    let names = ColumnNames {
        channel: Some("channel".to_owned()),
        ..ColumnNames::default()
    };
    let log = EventLog::from_csv_path(testdata("basic.csv"), names).unwrap();
    let found = log
        .discover(&DiscoverOptions {
            success: vec!["buy".to_owned()],
            failure: vec!["refund".to_owned()],
            by_channel: true,
            ..DiscoverOptions::default()
        })
        .unwrap();
    let ids: Vec<&str> = found
        .map
        .touchpoints
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        ids,
        // By mean first position in the cases (ties by name): phone and web visits start cases,
        // compare@web and visit@app come second on average, compare@store third.
        [
            "compare@phone",
            "visit@web",
            "compare@web",
            "visit@app",
            "compare@store"
        ]
    );
    assert!(journeymap::validate::validate_map(&found.map).is_valid());
    let codes: Vec<&str> = found
        .report
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["JM322"]);
    let err = log
        .discover(&DiscoverOptions {
            success: vec!["buy".to_owned()],
            failure: vec!["buy".to_owned()],
            ..DiscoverOptions::default()
        })
        .unwrap_err();
    assert_eq!(err.code().as_str(), "JM320");
}

fn shop() -> (journeymap::JourneyMap, EventLog, ActivityMapping) {
    let map = journeymap::io::from_path(testdata("shop.map.json")).unwrap();
    let names = ColumnNames::default().with_metric(MetricKind::Emotion, "emotion");
    let log = EventLog::from_csv_path(testdata("shop.csv"), names).unwrap();
    let mapping = ActivityMapping::from_path(testdata("shop.activities.csv")).unwrap();
    (map, log, mapping)
}

#[test]
fn conformance_matches_the_hand_computed_answers() {
    let (map, log, mapping) = shop();
    let expected = &read_json("shop.expected.json")["conformance"];
    let report = conformance(&map, &log, Some(&mapping), &ConformanceOptions::default()).unwrap();
    let got = serde_json::to_value(&report).unwrap();
    for key in [
        "cases",
        "conforming_cases",
        "ad_hoc_steps",
        "deviations",
        "unmapped",
    ] {
        assert_eq!(got[key], expected[key], "{key}");
    }
    assert!((report.fitness - expected["fitness"].as_f64().unwrap()).abs() < 1e-15);
    for case in &report.case_results {
        let e = &expected["case_results"][&case.case];
        let kinds: Vec<Value> = case
            .deviations
            .iter()
            .map(|d| serde_json::to_value(d.kind).unwrap())
            .collect();
        let got = json!({
            "steps": case.steps, "outcome": case.outcome, "fitness": case.fitness,
            "completed": case.completed, "missing": case.missing, "failing": case.failing,
            "ad_hoc": case.ad_hoc, "kinds": kinds,
        });
        for key in [
            "steps",
            "outcome",
            "completed",
            "missing",
            "failing",
            "ad_hoc",
            "kinds",
        ] {
            assert_eq!(got[key], e[key], "{} {key}", case.case);
        }
        assert!((case.fitness - e["fitness"].as_f64().unwrap()).abs() < 1e-15);
    }
    for t in &report.touchpoints {
        let e = &expected["touchpoints"][&t.touchpoint];
        let got = serde_json::to_value(t).unwrap();
        for key in [
            "cases",
            "completed",
            "missing",
            "failing",
            "arrivals",
            "deviating_arrivals",
        ] {
            assert_eq!(got[key], e[key], "{} {key}", t.touchpoint);
        }
    }
    assert_eq!(report.variants.len(), 6);
}

#[test]
fn calibration_writes_observed_figures_and_keeps_the_design() {
    let (map, log, mapping) = shop();
    let expected = &read_json("shop.expected.json")["calibration"];
    let calibration = log.calibrate(&map, &mapping).unwrap();
    let out = &calibration.map;
    assert!(journeymap::validate::validate_map(out).is_valid());
    assert_eq!(
        serde_json::to_value(&out.transitions).unwrap(),
        expected["transitions"]
    );
    assert_eq!(
        serde_json::to_value(&out.entries).unwrap(),
        expected["entries"]
    );
    for tp in &out.touchpoints {
        let e = &expected["drop_off"][&tp.id];
        assert_eq!(tp.measures.drop_off, e.as_f64(), "{}", tp.id);
        let ev = tp.evidence.as_ref().unwrap();
        assert_eq!(Value::from(ev.n.unwrap()), expected["evidence_n"][&tp.id]);
        assert_eq!(ev.date.as_deref(), Some("2026-04-01/2026-04-07"));
    }
    let checkout = &out.touchpoints[2];
    assert_eq!(
        checkout.measures.emotion,
        expected["checkout_emotion"].as_f64()
    );
    assert_eq!(checkout.measures.effort, Some(5.0));
    assert_eq!(
        checkout.evidence.as_ref().unwrap().x["x-session"],
        "2026-01"
    );
    // The design is kept: ids, order, texts, extensions, x- keys.
    assert_eq!(out.extensions, map.extensions);
    assert_eq!(out.x, map.x);
    assert_eq!(out.touchpoints[0].x, map.touchpoints[0].x);
    let names = |m: &journeymap::JourneyMap| {
        m.touchpoints
            .iter()
            .map(|t| {
                (
                    t.id.clone(),
                    t.name.clone(),
                    t.stage.clone(),
                    t.channel.clone(),
                )
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(names(out), names(&map));
    assert_eq!(
        serde_json::to_value(&calibration.report.unmapped).unwrap(),
        expected["unmapped"]
    );
    let conversion = out
        .score(&ScoringConfig::default())
        .overall
        .success_probability;
    assert!((conversion - expected["conversion"].as_f64().unwrap()).abs() < 1e-12);
    // `journeymap diff` sees the change.
    let diff = journeymap::score::compare(&map, out, &ScoringConfig::default());
    assert!(diff.conversion.change.unwrap() > 0.2);
}

#[test]
fn a_mapping_to_unknown_ids_is_an_error() {
    let (map, log, _) = shop();
    let mapping = ActivityMapping::from_pairs([("visit_home", "nowhere")]);
    let err = log.calibrate(&map, &mapping).unwrap_err();
    assert_eq!(err.code().as_str(), "JM331");
}

#[test]
fn a_case_that_stops_early_misses_the_rest_of_the_planned_way() {
    let (map, _, mapping) = shop();
    let log = EventLog::from_events(
        ColumnNames::default(),
        [Event::new("early", "visit_home", Time::Nanos(0))],
    )
    .unwrap();
    let report = conformance(&map, &log, Some(&mapping), &ConformanceOptions::default()).unwrap();
    let case = &report.case_results[0];
    assert_eq!(case.failing, ["home"]);
    assert_eq!(case.missing, ["product", "checkout"]);
    assert!(case.deviations.is_empty());
    assert_eq!(case.fitness, 1.0);
}

#[test]
fn a_non_finite_scale_is_an_options_error_even_from_json() {
    // JSON cannot hold NaN or infinities: the bindings write them as text, which the settings
    // read so that the scale check reports them (JM305).
    let names: ColumnNames = serde_json::from_value(json!({
        "case": "case_id", "activity": "activity", "timestamp": "timestamp",
        "channel": null, "persona": null,
        "metrics": [{"kind": "csat", "column": "csat",
                     "scale": {"min": "NaN", "max": 5, "higher_is_easier": false}}]
    }))
    .unwrap();
    assert!(names.metrics[0].scale.min.is_nan());
    let err = LogBuilder::new(names).unwrap_err();
    assert_eq!(err.code().as_str(), "JM305");
    assert!(err.to_string().contains("csat scale NaN..5"), "{err}");
    let mut names = ColumnNames::default().with_metric(MetricKind::Ces, "ces");
    names.metrics[0].scale.max = f64::INFINITY;
    let err = EventLog::from_csv("case_id,activity,timestamp,ces\n".as_bytes(), names).unwrap_err();
    assert_eq!(err.code().as_str(), "JM305");
    let bad = json!({"min": "lots", "max": 5});
    assert!(serde_json::from_value::<journeymap::events::MetricScale>(bad).is_err());
}
