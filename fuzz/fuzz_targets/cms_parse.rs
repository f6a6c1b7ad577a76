//! Fuzzes CMS SignedData verification: parsing, signer lookup, attributes, signatures.
#![no_main]

use kabinet_core::cms::{verify_cms, CmsOptions};
use kabinet_core::pki::TrustStore;
use kabinet_core::Timestamp;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let store = TrustStore::new();
    let options = CmsOptions::at(Timestamp::from_second(1_772_323_200).unwrap_or(Timestamp::UNIX_EPOCH));
    // The content supplied too: the detached path is taken when the message has none.
    if let Ok(report) = verify_cms(data, Some(b"content"), &[], &store, &options) {
        // No anchor: no signer can be valid.
        assert!(!report.valid);
        assert!(report.signers.iter().all(|s| !s.problems.is_empty()));
    }
});
