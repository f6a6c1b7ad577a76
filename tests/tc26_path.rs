//! The TC26 reference GOST PKI (`tc26/` of the conformance data): the path
//! from the sender to a root without basicConstraints is built, since an
//! anchor is an input of validation (RFC 5280 §6.1.1) and need not carry
//! it. The GOST signatures go through the single dispatch point and are
//! verified by the GOST R 34.10-2012 verifier.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;
use std::process::Command;

use kabinet::pki::{
    validate, AnchorPolicy, ParsedCertificate, ProfileStrictness, RevocationPolicy, TrustStore,
    ValidationOptions,
};
use kabinet::Timestamp;

fn tc26() -> PathBuf {
    conformance::folder("tc26", "root256_cert.pem")
}

#[test]
fn sender_chains_to_a_root_without_basic_constraints() {
    let dir = tc26();
    let load = |name: &str| {
        ParsedCertificate::from_der_or_pem(&std::fs::read(dir.join(name)).unwrap()).unwrap()
    };
    let root = load("root256_cert.pem");
    assert!(root.extensions().basic_constraints.is_none());
    let mut store = TrustStore::new();
    store.add_anchor(root, false);
    let mut options = ValidationOptions::at("2026-03-01T00:00:00Z".parse::<Timestamp>().unwrap());
    options.revocation = RevocationPolicy::SoftFail;
    // Checked as a certificate (the default), the root is refused for its
    // missing basicConstraints; the TC26 PKI needs anchors taken by name and key.
    let report = validate(&load("sender256_cert.pem"), &store, &options);
    assert!(!report.valid);
    let refusal = report
        .problems
        .iter()
        .find(|p| p.certificate == Some(1))
        .unwrap();
    assert_eq!(refusal.code, "pki.missing_extension");
    assert!(
        refusal.detail.contains("basicConstraints"),
        "{}",
        refusal.detail
    );
    // Its certificates carry no authorityKeyIdentifier either: the relaxed profile.
    options.anchors = AnchorPolicy::NameAndKeyOnly;
    options.profile = ProfileStrictness::Relaxed;
    for leaf in [
        "sender256_cert.pem",
        "sender512_cert.pem",
        "recipient256_cert.pem",
    ] {
        let report = validate(&load(leaf), &store, &options);
        assert_eq!(report.path.len(), 2, "{leaf}");
        assert!(report.path[1].anchor);
        let codes: Vec<&str> = report.problems.iter().map(|p| p.code).collect();
        assert!(codes.is_empty(), "{leaf}: {codes:?}");
        assert!(report.valid, "{leaf}");
        assert_eq!(report.warnings[0].code, "pki.revocation_unknown_accepted");
    }
}

#[test]
fn check_signature_of_gost_certificates_verifies() {
    let dir = tc26();
    for leaf in ["sender256_cert.pem", "sender512_cert.pem"] {
        let out = Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .args(["cert", "check-signature"])
            .arg(dir.join(leaf))
            .arg("--issuer")
            .arg(dir.join("root256_cert.pem"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{leaf}: {out:?}");
    }
}
