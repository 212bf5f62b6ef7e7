//! Any bytes as a journey map in JSON: validating never panics and agrees with loading (a map
//! loads exactly when validation finds no error); a loaded map is written and read back to the
//! same map, and scoring it never panics.
#![no_main]

use journeymap::validate::{Limits, validate_bytes};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = validate_bytes(data, &Limits::default());
    let loaded = journeymap::io::from_slice(data);
    assert_eq!(
        report.is_valid(),
        loaded.is_ok(),
        "validate and load disagree: {:?}",
        report.diagnostics
    );
    let Ok(map) = loaded else {
        return;
    };
    let text = journeymap::io::to_string(&map).expect("a loaded map is written");
    let again = journeymap::io::from_str(&text).expect("a written map reads back");
    assert_eq!(
        journeymap::io::to_string(&again).expect("written again"),
        text,
        "round trip changed the map"
    );
    let _ = map.score(&journeymap::score::ScoringConfig::default());
});
