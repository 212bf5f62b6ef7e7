//! The activity-mapping CSV reader: never panics on any bytes after its header.
#![no_main]

use journeymap::events::ActivityMapping;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut input = b"activity,touchpoint,channel\n".to_vec();
    input.extend_from_slice(data);
    let _ = ActivityMapping::from_csv(input.as_slice());
    let _ = ActivityMapping::from_csv(data);
});
