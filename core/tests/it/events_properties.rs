//! Properties of event-log aggregates: merging the partials of a log partitioned by case equals
//! aggregating the whole log, rejected rows and their row numbers included; partials round-trip
//! through bytes; a case in two partials is an error; ingestion and decoding never panic,
//! whatever the input.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use journeymap::events::{
    Aggregate, ColumnNames, Event, EventLog, LogBuilder, MetricKind, StatsOptions, Time, timestamps,
};
use proptest::prelude::*;

/// One generated row: case, activity, seconds, channel, persona, csat, kind (0: missing case,
/// 1: missing activity, 2: unreadable timestamp, anything else: a valid row).
type Row = (u8, u8, u32, u8, u8, Option<u8>, u8);

fn names() -> ColumnNames {
    ColumnNames {
        channel: Some("channel".to_owned()),
        persona: Some("persona".to_owned()),
        ..ColumnNames::default()
    }
    .with_metric(MetricKind::Csat, "csat")
}

/// One row as text: case, activity, channel, persona, and its survey answers.
type Cells = (String, String, String, String, Vec<Option<f64>>);

/// The log of `rows`, numbered from `offset` (the rows before them in the whole log).
fn log_at(rows: &[Row], offset: u64) -> EventLog {
    let text: Vec<Cells> = rows
        .iter()
        .map(|&(c, a, _, ch, p, csat, kind)| {
            (
                if kind == 0 {
                    String::new()
                } else {
                    format!("case{c}")
                },
                if kind == 1 {
                    String::new()
                } else {
                    format!("act{a}")
                },
                format!("ch{ch}"),
                format!("p{p}"), // personas may conflict within a case (JM303, by row)
                vec![csat.map(|v| f64::from(v % 6 + 1))], // 6 is out of scale (JM301, by row)
            )
        })
        .collect();
    let events = rows.iter().zip(&text).map(|(r, t)| Event {
        case: &t.0,
        activity: &t.1,
        timestamp: if r.6 == 2 {
            Time::Text("not a time")
        } else {
            Time::Epoch(1_700_000_000.0 + f64::from(r.2 % 50))
        },
        channel: Some(&t.2),
        persona: Some(&t.3),
        metrics: &t.4,
    });
    let mut b = LogBuilder::new(names()).unwrap().with_row_offset(offset);
    for e in events {
        b.push(&e);
    }
    b.finish()
}

fn log_of(rows: &[Row]) -> EventLog {
    log_at(rows, 0)
}

fn rows() -> impl Strategy<Value = Vec<Row>> {
    prop::collection::vec(
        (
            0u8..12,
            0u8..5,
            any::<u32>(),
            0u8..3,
            0u8..3,
            prop::option::of(0u8..7),
            0u8..12,
        ),
        0..80,
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merge_equals_the_aggregate_of_the_concatenated_log(rows in rows(), split in 0u8..12) {
        // Partition by case: cases below `split` in the first part.
        // Bad rows (missing case or activity, unreadable timestamps), out-of-scale answers and
        // persona conflicts are in both parts; the second part is numbered on from the first.
        let (a, b): (Vec<Row>, Vec<Row>) = rows.iter().partition(|r| r.0 < split);
        let whole: Vec<Row> = a.iter().chain(&b).copied().collect();
        let expected = log_of(&whole).aggregate();
        let (pa, pb) = (log_of(&a).aggregate(), log_at(&b, a.len() as u64).aggregate());
        let merged = pa.merged(&pb).unwrap();
        prop_assert_eq!(merged.issues(), expected.issues());
        prop_assert_eq!(&merged, &expected);
        let reversed = pb.merged(&pa).unwrap();
        prop_assert_eq!(reversed.issues(), expected.issues());
        let options = StatsOptions { outcomes: vec!["act4".to_owned()], top_variants: None };
        prop_assert_eq!(merged.stats(&options), expected.stats(&options));
        // Through bytes, as between processes.
        let wire = Aggregate::from_bytes(&pa.to_bytes()).unwrap()
            .merged(&Aggregate::from_bytes(&pb.to_bytes()).unwrap()).unwrap();
        prop_assert_eq!(&wire, &expected);
        // Merging in the other order gives the same statistics.
        prop_assert_eq!(pb.merged(&pa).unwrap().stats(&options), expected.stats(&options));
    }

    #[test]
    fn a_case_in_two_partials_is_an_error(rows in rows()) {
        let log = log_of(&rows);
        let agg = log.aggregate();
        if agg.cases() > 0 {
            let err = agg.merged(&agg).unwrap_err();
            prop_assert_eq!(err.code().as_str(), "JM310");
        }
    }

    #[test]
    fn csv_ingestion_never_panics(text in "\\PC{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let header = "case_id,activity,timestamp,channel,persona,csat\n";
        let _ = EventLog::from_csv(format!("{header}{text}").as_bytes(), names());
        let mut raw = header.as_bytes().to_vec();
        raw.extend_from_slice(&bytes);
        if let Ok(log) = EventLog::from_csv(raw.as_slice(), names()) {
            let agg = log.aggregate();
            let _ = agg.stats(&StatsOptions::default());
            prop_assert_eq!(Aggregate::from_bytes(&agg.to_bytes()).unwrap(), agg);
        }
        let _ = EventLog::from_csv(bytes.as_slice(), ColumnNames::default());
    }

    #[test]
    fn timestamp_parsing_never_panics_and_round_trips(text in "\\PC{0,40}", nanos in any::<i64>()) {
        let _ = timestamps::parse(&text);
        prop_assert_eq!(timestamps::parse(&timestamps::format(nanos)), Ok(nanos));
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut framed = b"JMAG\x01".to_vec();
        framed.extend_from_slice(&bytes);
        let _ = Aggregate::from_bytes(&bytes);
        let _ = Aggregate::from_bytes(&framed);
    }
}

#[test]
fn incompatible_partials_are_refused() {
    let a = log_of(&[(1, 1, 1, 1, 1, None, 3)]).aggregate();
    let plain = EventLog::from_events(
        ColumnNames::default(),
        [Event::new("other", "x", Time::Nanos(0))],
    )
    .unwrap()
    .aggregate();
    assert_eq!(a.merged(&plain).unwrap_err().code().as_str(), "JM311");
    assert_eq!(
        Aggregate::from_bytes(b"nope").unwrap_err().code().as_str(),
        "JM312"
    );
}
