//! Decoding partial aggregates: arbitrary bytes (framed with the right header or not) are refused
//! or decoded into an aggregate that every operation can use without panicking.
#![no_main]

use journeymap::events::{Aggregate, DiscoverOptions, StatsOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut framed = b"JMAG\x01".to_vec();
    framed.extend_from_slice(data);
    for bytes in [data, framed.as_slice()] {
        if let Ok(agg) = Aggregate::from_bytes(bytes) {
            let _ = agg.stats(&StatsOptions::default());
            let _ = journeymap::events::discover(&agg, &DiscoverOptions::default());
            let _ = agg.merged(&agg);
            let _ = agg.to_bytes();
        }
    }
});
