//! NIST PKITS 1.0.1 conformance: every case of `pkits/manifest.json` is run.
//!
//! The data lives outside the repository (`../shared/testdata` or the folder
//! in `KABINET_TESTDATA`); the test fails loudly when it is missing. Cases that
//! kabinet does not support are listed explicitly below with the reason, and
//! the test asserts that exactly those cases disagree with NIST's expectation,
//! so any change in behaviour (better or worse) fails the test.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;

use kabinet::pki::{
    validate, ParsedCertificate, ParsedCrl, PolicyOptions, ProfileStrictness, TrustStore,
    ValidationOptions,
};
use kabinet::Timestamp;

fn testdata() -> PathBuf {
    conformance::root("pkits/manifest.json")
}

/// DSA (with SHA-1): refused as a weak, unsupported algorithm, so these valid
/// paths are reported invalid with the code `pki.weak_dsa`.
const DSA_CASES: &[&str] = &["4.1.4", "4.1.5"];

/// Cases whose outcome differs from NIST's because a feature is not supported,
/// in manifest order. Keep in sync with the `pki` module documentation.
const EXPECTED_UNSUPPORTED: &[(&str, &str)] = &[];

/// The RFC 5280 initial policy inputs of a case ("NIST-test-policy-N" is 2.16.840.1.101.3.2.1.48.N).
fn policy_settings(settings: &serde_json::Value) -> PolicyOptions {
    let flag = |key: &str| settings[key].as_str() == Some("true");
    let initial = settings["SetInitialPolicySet"].as_str().map(|list| {
        list.split(',')
            .map(|name| {
                let n = name.trim().strip_prefix("NIST-test-policy-").unwrap();
                format!("2.16.840.1.101.3.2.1.48.{n}").parse().unwrap()
            })
            .collect()
    });
    PolicyOptions {
        initial_policy_set: initial,
        require_explicit_policy: flag("SetInitialExplicitPolicy"),
        inhibit_policy_mapping: flag("SetInitialPolicyMappingInhibit"),
        inhibit_any_policy: flag("SetInitialInhibitAnyPolicy"),
    }
}

struct Case {
    id: String,
    expect_valid: bool,
    valid: bool,
    codes: Vec<&'static str>,
    details: Vec<String>,
}

fn run_all() -> Vec<Case> {
    let dir = testdata().join("pkits");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let at: Timestamp = manifest["validation_time"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let load_cert = |name: &str| {
        let der = std::fs::read(dir.join("certs").join(format!("{name}.crt"))).unwrap();
        ParsedCertificate::from_der(&der).unwrap_or_else(|e| panic!("{name}: {e}"))
    };
    let mut out = Vec::new();
    for case in manifest["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap().to_owned();
        let path: Vec<&str> = case["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        let mut store = TrustStore::new();
        store.add_anchor(load_cert(path[0]), false);
        for name in &path[1..path.len() - 1] {
            store.add_intermediate(load_cert(name));
        }
        for crl in case["crls"].as_array().unwrap() {
            let name = crl.as_str().unwrap();
            let der = std::fs::read(dir.join("crls").join(format!("{name}.crl"))).unwrap();
            store.add_crl(ParsedCrl::from_der(&der).unwrap_or_else(|e| panic!("{name}: {e}")));
        }
        let leaf = load_cert(path[path.len() - 1]);
        let mut options = ValidationOptions::at(at);
        options.policy = policy_settings(&case["settings"]);
        // PKITS 1.0.1 was written for RFC 3280: its valid policy paths carry
        // non-critical policyConstraints, which RFC 5280 forbids (the relaxed
        // profile lets them be).
        options.profile = ProfileStrictness::Relaxed;
        let report = validate(&leaf, &store, &options);
        out.push(Case {
            id,
            expect_valid: case["expect_valid"].as_bool().unwrap(),
            valid: report.valid,
            codes: report.problems.iter().map(|p| p.code).collect(),
            details: report
                .problems
                .iter()
                .map(|p| format!("[{:?}] {}", p.certificate, p.detail))
                .collect(),
        });
    }
    out
}

#[test]
fn pkits_every_case() {
    let cases = run_all();
    assert_eq!(cases.len(), 249, "the manifest should hold 249 cases");
    let mut disagreeing = Vec::new();
    for c in &cases {
        if c.valid != c.expect_valid {
            disagreeing.push(c.id.clone());
            eprintln!(
                "{} expected {} got {} {:?}",
                c.id, c.expect_valid, c.valid, c.details
            );
        }
    }
    for id in DSA_CASES {
        let c = cases.iter().find(|c| c.id == *id).unwrap();
        assert!(
            !c.valid && c.codes.contains(&"pki.weak_dsa"),
            "{id} must be refused as DSA: {:?}",
            c.codes
        );
    }
    let expected: Vec<String> = DSA_CASES
        .iter()
        .copied()
        .chain(EXPECTED_UNSUPPORTED.iter().map(|(id, _)| *id))
        .map(str::to_owned)
        .collect();
    let per_section =
        |ids: &[String], section: &str| ids.iter().filter(|i| i.starts_with(section)).count();
    for section in [
        "4.1.", "4.2.", "4.3.", "4.4.", "4.5.", "4.6.", "4.7.", "4.8.", "4.9.", "4.10.", "4.11.",
        "4.12.", "4.13.", "4.14.", "4.15.", "4.16.",
    ] {
        let allowed = if section == "4.1." {
            DSA_CASES.len()
        } else {
            0
        };
        assert_eq!(
            per_section(&disagreeing, section),
            allowed,
            "section {section} must pass entirely"
        );
    }
    assert_eq!(
        disagreeing, expected,
        "cases disagreeing with NIST differ from the expected-unsupported list"
    );
}
