//! The CSV event-log reader: any bytes after a header with every optional column. Whatever it
//! reads must aggregate, give statistics, discover a valid map and survive a bytes round trip.
#![no_main]

use journeymap::events::{Aggregate, ColumnNames, DiscoverOptions, EventLog, MetricKind, StatsOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let names = ColumnNames {
        channel: Some("channel".to_owned()),
        persona: Some("persona".to_owned()),
        ..ColumnNames::default()
    }
    .with_metric(MetricKind::Csat, "csat")
    .with_metric(MetricKind::Nps, "nps");
    let mut input = b"case_id,activity,timestamp,channel,persona,csat,nps\n".to_vec();
    input.extend_from_slice(data);
    let Ok(log) = EventLog::from_csv(input.as_slice(), names) else {
        return;
    };
    let agg = log.aggregate();
    let first = log.activity_names().first().cloned();
    let stats = agg.stats(&StatsOptions { outcomes: first.iter().cloned().collect(), top_variants: Some(5) });
    assert_eq!(stats.events as usize, log.events());
    let back = Aggregate::from_bytes(&agg.to_bytes()).expect("own bytes");
    assert!(back == agg);
    let options = DiscoverOptions { success: first.into_iter().collect(), by_channel: true, ..DiscoverOptions::default() };
    if let Ok(found) = journeymap::events::discover(&agg, &options) {
        assert!(journeymap::validate::validate_map(&found.map).is_valid());
    }
    // The same bytes as a log without a header of ours.
    let _ = EventLog::from_csv(data, ColumnNames::default());
});
