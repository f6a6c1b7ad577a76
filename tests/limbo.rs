//! x509-limbo (C2SP) conformance: the cases that fit an RFC 5280 validator of
//! signing certificates, run through the library's public API.
//!
//! # Selection (141 cases)
//!
//! From `limbo/limbo.json.gz` every case except:
//! - the `webpki::` namespace (CA/Browser Forum web rules): run and reported
//!   separately below, not scored;
//! - cases tagged `pedantic-webpki-*`, `pedantic-public-suffix-wildcard` or
//!   `max-chain-depth` (caller-set depth limits);
//! - cases that set `signature_algorithms` or `key_usage` (caller-set purpose);
//! - cases whose verdict comes from matching the expected peer name against
//!   the leaf or from a required extended key usage, named in [`NOT_RFC5280`].
//!
//! Anchors, intermediates, CRLs and the validation time are fed exactly as
//! given; a case without a validation time is judged at [`DEFAULT_TIME`] (the
//! suite's compile date, inside every such certificate's validity); a case
//! without CRLs is judged with unknown revocation status accepted.
//!
//! # Scoring
//! Every selected case must agree with the suite except those in
//! [`DEVIATIONS`], each with its reason; a deviation may never be a wrong
//! accept. Every case must finish within [`CASE_BUDGET`] (an optimized core:
//! the dev profile builds `kabinet-core` at opt-level 1).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::io::Read;
use std::time::{Duration, Instant};

use kabinet::pki::{
    validate, ParsedCertificate, ParsedCrl, RevocationPolicy, TrustStore, ValidationOptions,
    ValidationReport,
};
use kabinet::Timestamp;

/// When a case gives no validation time.
const DEFAULT_TIME: &str = "2026-06-29T00:00:00Z";

/// The longest any one case may take.
const CASE_BUDGET: Duration = Duration::from_millis(100);

/// Cases left out because their verdict is not an RFC 5280 path verdict.
const NOT_RFC5280: &[(&str, &str)] = &[
    (
        "rfc5280::eku::ee-wrong-eku",
        "the caller requires serverAuth",
    ),
    (
        "rfc5280::ca-as-leaf-wrong-san",
        "the peer name differs from the leaf's SAN",
    ),
    (
        "rfc5280::san::ip-in-dns",
        "the peer IP is only found as a dNSName",
    ),
    (
        "cve::cve-2025-61727",
        "a wildcard SAN against the peer name under a constraint",
    ),
    (
        "cve::cve-2025-61727-nc-permits-variant",
        "a wildcard SAN against the peer name",
    ),
    (
        "rfc5280::nc::nc-forbids-dnsname-wildcard-san",
        "a wildcard SAN against the peer name",
    ),
];

/// Accepted deviations from the suite's verdict, each with its reason. None
/// may be a wrong accept (the suite says FAILURE, kabinet says valid).
const DEVIATIONS: &[(&str, &str)] = &[
    (
        "pathlen::validation-ignores-pathlen-in-leaf",
        "kabinet validates the leaf for signing: a CA leaf whose key usage is keyCertSign and cRLSign only cannot sign documents (pki.key_usage)",
    ),
    (
        "rfc5280::ca-as-leaf",
        "the same: a CA leaf without digitalSignature or nonRepudiation cannot sign documents (pki.key_usage)",
    ),
    (
        "cve::cve-2024-0567",
        "its only anchor, Root A, is cross-signed and has no authorityKeyIdentifier, which rfc5280::aki::cross-signed-root-missing-aki refuses; the two cases contradict each other and kabinet keeps the stricter rule (pki.missing_extension)",
    ),
    (
        "rfc5280::validity::notafter-fractional",
        "a GeneralizedTime with fractional seconds is not DER (X.690 §11.7); the der crate refuses it and the validity cannot be read as valid",
    ),
];

struct Outcome {
    id: String,
    expect_valid: bool,
    valid: bool,
    codes: Vec<&'static str>,
    took: Duration,
}

fn selected(case: &serde_json::Value) -> bool {
    let id = case["id"].as_str().unwrap();
    let features: Vec<&str> = case["features"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let caller_set = |key: &str| !case[key].as_array().unwrap().is_empty();
    !features.iter().any(|f| {
        f.starts_with("pedantic-webpki")
            || *f == "pedantic-public-suffix-wildcard"
            || *f == "max-chain-depth"
    }) && !caller_set("signature_algorithms")
        && !caller_set("key_usage")
        && !NOT_RFC5280.iter().any(|(n, _)| *n == id)
}

fn certificates(case: &serde_json::Value, key: &str) -> Vec<ParsedCertificate> {
    case[key]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|pem| ParsedCertificate::from_der_or_pem(pem.as_str().unwrap().as_bytes()).ok())
        .collect()
}

fn run(case: &serde_json::Value) -> Outcome {
    let id = case["id"].as_str().unwrap().to_owned();
    let expect_valid = case["expected_result"].as_str() == Some("SUCCESS");
    let started = Instant::now();
    let report = judge(case);
    let took = started.elapsed();
    let (valid, codes) = match report {
        Some(r) => (r.valid, r.problems.iter().map(|p| p.code).collect()),
        None => (false, vec!["unreadable"]),
    };
    Outcome {
        id,
        expect_valid,
        valid,
        codes,
        took,
    }
}

/// The library's verdict; `None` when the leaf itself cannot be read (a refusal).
fn judge(case: &serde_json::Value) -> Option<ValidationReport> {
    let leaf =
        ParsedCertificate::from_der_or_pem(case["peer_certificate"].as_str()?.as_bytes()).ok()?;
    let mut store = TrustStore::new();
    for anchor in certificates(case, "trusted_certs") {
        store.add_anchor(anchor, false);
    }
    for intermediate in certificates(case, "untrusted_intermediates") {
        store.add_intermediate(intermediate);
    }
    let crls = case["crls"].as_array().unwrap();
    for pem in crls {
        // An unreadable CRL leaves the status unknown, which CRL cases refuse.
        if let Ok(list) = ParsedCrl::all_from_bytes(pem.as_str().unwrap().as_bytes()) {
            list.into_iter().for_each(|crl| store.add_crl(crl));
        }
    }
    let at: Timestamp = case["validation_time"]
        .as_str()
        .unwrap_or(DEFAULT_TIME)
        .parse()
        .unwrap();
    let mut options = ValidationOptions::at(at);
    options.revocation = if crls.is_empty() {
        RevocationPolicy::SoftFail
    } else {
        RevocationPolicy::Require
    };
    Some(validate(&leaf, &store, &options))
}

fn suite() -> Vec<serde_json::Value> {
    let dir = conformance::folder("limbo", "limbo.json.gz");
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(dir.join("limbo.json.gz")).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    let all: serde_json::Value = serde_json::from_str(&text).unwrap();
    all["testcases"].as_array().unwrap().clone()
}

fn describe(o: &Outcome) -> String {
    format!(
        "{} expected {} got {} {:?} in {:?}",
        o.id,
        if o.expect_valid { "SUCCESS" } else { "FAILURE" },
        if o.valid { "valid" } else { "invalid" },
        o.codes,
        o.took
    )
}

#[test]
fn limbo_rfc5280_selection_agrees() {
    let cases = suite();
    assert_eq!(cases.len(), 208, "the limbo data changed");
    let scored: Vec<Outcome> = cases
        .iter()
        .filter(|c| !c["id"].as_str().unwrap().starts_with("webpki::") && selected(c))
        .map(run)
        .collect();
    assert_eq!(scored.len(), 141, "the selection rule changed");
    let agree = scored.iter().filter(|o| o.valid == o.expect_valid).count();
    let wrong_accepts: Vec<String> = scored
        .iter()
        .filter(|o| o.valid && !o.expect_valid)
        .map(describe)
        .collect();
    let slow: Vec<String> = scored
        .iter()
        .filter(|o| o.took > CASE_BUDGET)
        .map(describe)
        .collect();
    let unexpected: Vec<String> = scored
        .iter()
        .filter(|o| (o.valid != o.expect_valid) != DEVIATIONS.iter().any(|(id, _)| *id == o.id))
        .map(describe)
        .collect();
    println!("limbo: {agree} of {} agree", scored.len());
    if let Some(slowest) = scored.iter().max_by_key(|o| o.took) {
        println!("slowest: {}", describe(slowest));
    }
    let webpki: Vec<Outcome> = cases
        .iter()
        .filter(|c| c["id"].as_str().unwrap().starts_with("webpki::"))
        .map(run)
        .collect();
    println!(
        "webpki:: (not scored): {} of {} agree",
        webpki.iter().filter(|o| o.valid == o.expect_valid).count(),
        webpki.len()
    );
    for line in &unexpected {
        println!("disagrees: {line}");
    }
    assert!(
        wrong_accepts.is_empty(),
        "wrong accepts:\n{}",
        wrong_accepts.join("\n")
    );
    assert!(
        slow.is_empty(),
        "cases over {CASE_BUDGET:?}:\n{}",
        slow.join("\n")
    );
    assert!(
        unexpected.is_empty(),
        "outcomes that differ from the suite and the deviation list:\n{}",
        unexpected.join("\n")
    );
    assert!(agree >= 135, "only {agree} of 141 agree");
}
