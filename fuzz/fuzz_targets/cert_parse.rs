//! Fuzzes certificate parsing (DER and PEM bundles) and the report of a validation.
#![no_main]

use kabinet_core::pki::{certificates_from_bytes, validate, Holder, TrustStore, ValidationOptions};
use kabinet_core::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(certs) = certificates_from_bytes(data) else { return };
    let mut store = TrustStore::new();
    for c in &certs {
        store.add_anchor(c.clone(), true);
        let _ = Holder::of(c);
        let _ = (c.subject_text(), c.issuer_text(), c.serial_hex());
    }
    let options = ValidationOptions::at(Timestamp::from_second(1_772_323_200).unwrap_or(Timestamp::UNIX_EPOCH));
    for c in &certs {
        let report = validate(c, &store, &options);
        assert_eq!(report.valid, report.problems.is_empty());
        let _ = report.signature_level();
    }
});
