//! Any bytes as a Mermaid `journey`: reading never panics; what is read exports to Mermaid that
//! reads back without a syntax or score error; a second export is identical to the first.
#![no_main]

use journeymap::io::mermaid;
use journeymap::io::ReadOptions;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let options = ReadOptions::default();
    let Some(map) = mermaid::read_bytes(data, &options).map else {
        return;
    };
    let Ok(first) = mermaid::to_string(&map, None) else {
        return;
    };
    let again = mermaid::read(&first, &options);
    for d in &again.diagnostics {
        assert!(
            !matches!(d.code.as_str(), "JM200" | "JM201" | "JM202" | "JM203" | "JM204" | "JM205"),
            "export does not read back: {d}\n{first}"
        );
    }
    let map = again.map.expect("an exported diagram reads back as a map");
    let second = mermaid::to_string(&map, None).expect("export");
    let third = mermaid::to_string(&mermaid::read(&second, &options).map.expect("map"), None)
        .expect("export");
    assert_eq!(second, third, "export is not stable");
});
