//! Fuzzes CRL parsing (DER and PEM) and reading its entries and extensions.
#![no_main]

use kabinet_core::pki::ParsedCrl;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(crls) = ParsedCrl::all_from_bytes(data) else { return };
    for crl in &crls {
        let _ = (crl.issuer_text(), crl.this_update(), crl.next_update(), crl.entry_count());
        let _ = crl.extensions().issuing_distribution_point.is_some();
    }
});
