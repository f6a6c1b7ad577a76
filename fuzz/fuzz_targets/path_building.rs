//! Fuzzes path building over many certificates: the input is a run of DER
//! certificates (each one TLV); the first is the leaf, the first byte's low
//! bits say how many of the rest are anchors, the others are intermediates.
//! Run with a large `-max_len` (see `run.sh`) so pools of hundreds of
//! certificates sharing one name are reached; `-timeout` catches a search
//! that does not end within its budget.
#![no_main]

use der::{Reader, SliceReader};
use kabinet_core::pki::{validate, ParsedCertificate, TrustStore, ValidationOptions};
use kabinet_core::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let Ok(mut reader) = SliceReader::new(rest) else { return };
    let mut certs = Vec::new();
    while !reader.is_finished() {
        let Ok(tlv) = reader.tlv_bytes() else { break };
        if let Ok(c) = ParsedCertificate::from_der(tlv) {
            certs.push(c);
        }
    }
    let Some((leaf, others)) = certs.split_first() else { return };
    let anchors = usize::from(selector & 0x0f).max(1);
    let mut store = TrustStore::new();
    for (i, c) in others.iter().enumerate() {
        if i < anchors {
            store.add_anchor(c.clone(), selector & 0x10 != 0);
        } else {
            store.add_intermediate(c.clone());
        }
    }
    let options = ValidationOptions::at(Timestamp::from_second(1_772_323_200).unwrap_or(Timestamp::UNIX_EPOCH));
    let report = validate(leaf, &store, &options);
    assert_eq!(report.valid, report.problems.is_empty());
});
