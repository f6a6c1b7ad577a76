//! Feeds arbitrary bytes to the reader of the FNS power of attorney
//! (EMCHD_1 XML) and to the bounded XML parser under it: neither may panic
//! or overflow the stack; every refusal carries a code; whatever reads as a
//! power exports to XML that reads back as the same power.
#![no_main]

use kabinet_core::delegation::fns_xml::{export_fns_power, parse_fns_power};
use kabinet_core::xml::{parse_bounded, XmlLimits};
use kabinet_core::Coded;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_bounded(text, XmlLimits { nodes: 10_000, depth: 32 });
    }
    match parse_fns_power(data) {
        Ok(power) => {
            let again = parse_fns_power(export_fns_power(&power).as_bytes());
            assert_eq!(again.as_ref(), Ok(&power));
        }
        Err(e) => assert!(e.code().contains('.'), "{}", e.code()),
    }
});
