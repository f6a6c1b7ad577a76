//! XML signature verification speed.
//!
//! * `xmldsig/verify_xmlsec_256`: the whole verification of
//!   `xmldsig/xmlsec/enveloped-gost2012-256.xml` (6 KB): parsing, the
//!   enveloped-signature and XPath transforms, Canonical XML 1.0 of the
//!   document and of SignedInfo, Streebog-256, the GOST R 34.10-2012 256
//!   signature, and the signer's path RSA root → RSA CA → GOST leaf (two RSA
//!   signatures).
//! * `xmldsig/validate_xmlsec_leaf` (the anchor, in the same run): the path
//!   validation of that leaf alone — the part of the above that is not XML.
//! * `xmldsig/verify_smev_response`: the СМЭВ 3 response of `smev3/` (11 KB,
//!   two signatures, exclusive C14N + the СМЭВ transform, two GOST 256
//!   signatures, two certificate paths through `gost-ca` 1762 → 0837).
//! * `xmldsig/c14n_exclusive_smev`: exclusive C14N of that whole message.
//!
//! Run: `cargo bench --bench xmldsig`. The data comes from `$KABINET_TESTDATA`
//! or `../shared/testdata`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use criterion::{criterion_group, criterion_main, Criterion};
use kabinet::pki::{
    validate, AnchorPolicy, ParsedCertificate, RevocationPolicy, TrustStore, ValidationOptions,
};
use kabinet::xml::c14n::{canonicalize, C14nMode};
use kabinet::xml::{parse_bounded, XmlLimits};
use kabinet::xmldsig::verify_xml;

fn options(at: &str) -> ValidationOptions {
    let mut o = ValidationOptions::at(at.parse().unwrap());
    o.revocation = RevocationPolicy::SoftFail;
    o
}

fn bench_xmlsec(c: &mut Criterion) {
    let dir = common::conformance::folder("xmldsig", "SOURCES.md");
    let xml = std::fs::read(dir.join("xmlsec/enveloped-gost2012-256.xml")).unwrap();
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(
            &std::fs::read(dir.join("xmlsec/rsa-root-ca.der")).unwrap(),
            false,
        )
        .unwrap();
    let mut options = options("2026-12-01T00:00:00Z");
    // The xmlsec root's basicConstraints is not critical.
    options.anchors = AnchorPolicy::NameAndKeyOnly;
    let report = verify_xml(&xml, &[], &store, &options).unwrap();
    assert!(report.valid);
    c.bench_function("xmldsig/verify_xmlsec_256", |b| {
        b.iter(|| verify_xml(&xml, &[], &store, &options).unwrap())
    });
    // The anchor: the same path, with the second-level CA as the KeyInfo gives it.
    let leaf = ParsedCertificate::from_der(
        &std::fs::read(dir.join("xmlsec/gost-2012-256-cert.der")).unwrap(),
    )
    .unwrap();
    let text = std::str::from_utf8(&xml).unwrap();
    let doc = parse_bounded(
        text,
        XmlLimits {
            nodes: 100_000,
            depth: 64,
        },
    )
    .unwrap();
    for node in doc
        .descendants()
        .filter(|n| n.has_tag_name("X509Certificate"))
    {
        let body: String = node.text().unwrap().split_whitespace().collect();
        let der = base64_decode(&body);
        let cert = ParsedCertificate::from_der(&der).unwrap();
        if cert.subject_text().contains("Second level CA") {
            store.add_intermediate(cert);
        }
    }
    assert!(validate(&leaf, &store, &options).valid);
    c.bench_function("xmldsig/validate_xmlsec_leaf", |b| {
        b.iter(|| validate(&leaf, &store, &options))
    });
}

fn base64_decode(text: &str) -> Vec<u8> {
    use base64ct::{Base64, Encoding};
    Base64::decode_vec(text).unwrap()
}

fn bench_smev(c: &mut Criterion) {
    let root = common::conformance::root("xmldsig/SOURCES.md");
    let xml =
        std::fs::read(root.join("xmldsig/smev3/GetResponseResponse_ValidResponse.xml")).unwrap();
    let certs = root.join("gost-ca/certs");
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&std::fs::read(certs.join("0837.der")).unwrap(), true)
        .unwrap();
    store
        .add_intermediates_from_bytes(&std::fs::read(certs.join("1762.der")).unwrap())
        .unwrap();
    let options = options("2021-06-07T00:00:00Z");
    let report = verify_xml(&xml, &[], &store, &options).unwrap();
    // The business content was replaced after signing: every digest
    // mismatches, every certificate is valid — all the work is done.
    assert_eq!(report.signatures.len(), 2);
    assert!(report
        .signatures
        .iter()
        .all(|s| s.certificate.as_ref().is_some_and(|c| c.valid)));
    c.bench_function("xmldsig/verify_smev_response", |b| {
        b.iter(|| verify_xml(&xml, &[], &store, &options).unwrap())
    });
    let text = std::str::from_utf8(&xml).unwrap();
    let exclusive = C14nMode::Exclusive {
        inclusive_prefixes: Vec::new(),
    };
    c.bench_function("xmldsig/c14n_exclusive_smev", |b| {
        b.iter(|| {
            let doc = parse_bounded(
                text,
                XmlLimits {
                    nodes: 100_000,
                    depth: 64,
                },
            )
            .unwrap();
            canonicalize(doc.root(), &exclusive, &|_| false)
        })
    });
}

criterion_group!(benches, bench_xmlsec, bench_smev);
criterion_main!(benches);
