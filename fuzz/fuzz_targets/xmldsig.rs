//! Feeds arbitrary bytes to the XML signature verifier and, as UTF-8, to both
//! canonicalizations and to the СМЭВ transform: none may panic or overflow
//! the stack; every refusal carries a code; canonical XML is a fixed point
//! (its own canonical form, in both modes).
#![no_main]

use kabinet_core::pki::{TrustStore, ValidationOptions};
use kabinet_core::xml::c14n::{canonicalize, C14nMode};
use kabinet_core::xml::smev::smev_transform;
use kabinet_core::xml::{parse_bounded, XmlLimits};
use kabinet_core::xmldsig::verify_xml;
use kabinet_core::{Coded, Timestamp};
use libfuzzer_sys::fuzz_target;

const LIMITS: XmlLimits = XmlLimits {
    nodes: 10_000,
    depth: 64,
};

fn fixed_point(text: &str, mode: &C14nMode) {
    let Ok(doc) = parse_bounded(text, LIMITS) else {
        return;
    };
    let once = canonicalize(doc.root(), mode, &|_| false);
    let again = parse_bounded(&once, LIMITS).unwrap_or_else(|e| panic!("{e:?}: {once}"));
    assert_eq!(canonicalize(again.root(), mode, &|_| false), once);
}

fuzz_target!(|data: &[u8]| {
    let at = Timestamp::from_second(1_772_323_200).unwrap_or(Timestamp::UNIX_EPOCH);
    match verify_xml(data, &[], &TrustStore::new(), &ValidationOptions::at(at)) {
        Ok(report) => assert_eq!(
            report.valid,
            report.signatures.iter().all(|s| s.valid && s.problems.is_empty())
        ),
        Err(e) => assert!(e.code().starts_with("xmldsig."), "{}", e.code()),
    }
    if let Ok(text) = std::str::from_utf8(data) {
        fixed_point(text, &C14nMode::Inclusive);
        fixed_point(
            text,
            &C14nMode::Exclusive {
                inclusive_prefixes: Vec::new(),
            },
        );
        let _ = smev_transform(text, LIMITS);
    }
});
