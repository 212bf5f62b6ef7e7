//! The timestamp parser: never panics, and what it reads formats back to the same instant.
#![no_main]

use journeymap::events::timestamps;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(nanos) = timestamps::parse(text) {
        assert_eq!(timestamps::parse(&timestamps::format(nanos)), Ok(nanos));
    }
});
