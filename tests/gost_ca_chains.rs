//! Real certificates of Russian accredited certification authorities
//! (`gost-ca/` of the conformance data): every one parses, names chain as
//! RFC 5280 §7.1 says, and the signature dispatch answers for GOST.
//!
//! The data lives outside the repository; the test fails loudly when it is missing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::collections::HashMap;
use std::path::PathBuf;

use kabinet::pki::name::names_equal;
use kabinet::pki::signature::verify_signature;
use kabinet::pki::{Holder, ParsedCertificate, PkiError, WeakAlgorithm};

fn gost_ca() -> PathBuf {
    conformance::folder("gost-ca", "manifest.json")
}

#[test]
fn every_accredited_ca_certificate_parses_chains_and_dispatches() {
    let dir = gost_ca();
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let entries = manifest["certificates"].as_array().unwrap();
    assert_eq!(entries.len(), 2403);
    let mut certs: HashMap<String, ParsedCertificate> = HashMap::new();
    for e in entries {
        let file = e["file"].as_str().unwrap();
        let der = std::fs::read(dir.join(file)).unwrap();
        let cert = ParsedCertificate::from_der(&der).unwrap_or_else(|err| panic!("{file}: {err}"));
        assert_eq!(
            cert.certificate().signature_algorithm.oid.to_string(),
            e["signature_algorithm"].as_str().unwrap()
        );
        let _ = Holder::of(&cert);
        certs.insert(file.to_owned(), cert);
    }
    let (mut pairs, mut legacy, mut with_ogrn) = (0, 0, 0);
    for e in entries {
        let file = e["file"].as_str().unwrap();
        let cert = &certs[file];
        if Holder::of(cert).ogrn.is_some() {
            with_ogrn += 1;
        }
        let sig = cert.certificate().signature.as_bytes().unwrap();
        match e["issuer_file"].as_str() {
            Some(issuer_file) => {
                pairs += 1;
                let issuer = &certs[issuer_file];
                // The issuer OpenSSL verified is found by name (RFC 5280 §7.1)...
                assert!(
                    names_equal(
                        &cert.certificate().tbs_certificate.issuer,
                        &issuer.certificate().tbs_certificate.subject
                    ),
                    "{file}: issuer name does not match {issuer_file}"
                );
                // ...and by key identifier when both are present.
                if let (Some(aki), Some(ski)) = (
                    &cert.extensions().authority_key_id,
                    &issuer.extensions().subject_key_id,
                ) {
                    assert_eq!(
                        aki, ski,
                        "{file}: authority key id differs from {issuer_file}"
                    );
                }
                // GOST R 34.10-2012 goes through the one dispatch point and verifies.
                let spki = &issuer.certificate().tbs_certificate.subject_public_key_info;
                let r = verify_signature(
                    spki,
                    issuer.spki_der(),
                    &cert.certificate().signature_algorithm,
                    cert.tbs_der(),
                    sig,
                );
                assert!(r.is_ok(), "{file} by {issuer_file}: {r:?}");
            }
            None => {
                legacy += 1;
                let spki = &cert.certificate().tbs_certificate.subject_public_key_info;
                let r = verify_signature(
                    spki,
                    cert.spki_der(),
                    &cert.certificate().signature_algorithm,
                    cert.tbs_der(),
                    sig,
                );
                assert!(
                    matches!(
                        r,
                        Err(PkiError::WeakAlgorithm {
                            kind: WeakAlgorithm::Gost2001,
                            ..
                        })
                    ),
                    "{file}: {r:?}"
                );
            }
        }
    }
    assert_eq!((pairs, legacy), (1134, 1269));
    assert!(
        with_ogrn > 1000,
        "only {with_ogrn} certificates carry an ОГРН"
    );
}
