//! Feeds arbitrary UTF-8 to the МЧД JSON import: it may never panic, every
//! failure carries an `mchd.` code, and whatever parses as an МЧД document
//! comes back identical from its own JSON.
#![no_main]

use kabinet_core::delegation::Mchd;
use kabinet_core::{Coded, Directory};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let dir = Directory::new();
    match dir.import_power(text) {
        // an empty directory holds no principal: nothing can import
        Ok(power) => panic!("imported into an empty directory: {power:?}"),
        Err(e) => assert!(e.code().starts_with("mchd."), "{}", e.code()),
    }
    if let Ok(doc) = serde_json::from_str::<Mchd>(text) {
        let json = serde_json::to_string(&doc).expect("serializes");
        assert_eq!(serde_json::from_str::<Mchd>(&json).ok(), Some(doc));
    }
});
