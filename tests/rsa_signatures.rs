//! RSA signatures (PKCS#1 v1.5 and PSS with SHA-256/384/512) on self-signed
//! certificates made with OpenSSL, and the refusals of weak RSA variants.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::pki::signature::verify_signature;
use kabinet::pki::{ParsedCertificate, PkiError};
use kabinet::Coded;

fn self_check(name: &str, tamper: bool) -> Result<(), PkiError> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/rsa")
        .join(name);
    let cert = ParsedCertificate::from_der_or_pem(&std::fs::read(path).unwrap()).unwrap();
    let c = cert.certificate();
    let mut tbs = cert.tbs_der().to_vec();
    if tamper {
        let last = tbs.len() - 1;
        tbs[last] ^= 1;
    }
    let spki = &c.tbs_certificate.subject_public_key_info;
    verify_signature(
        spki,
        cert.spki_der(),
        &c.signature_algorithm,
        &tbs,
        c.signature.as_bytes().unwrap(),
    )
}

#[test]
fn pkcs1_and_pss_with_sha2_verify() {
    for name in [
        "pkcs1_sha256.pem",
        "pkcs1_sha384.pem",
        "pkcs1_sha512.pem",
        "pss_sha256.pem",
        "pss_sha384.pem",
        "pss_sha512.pem",
    ] {
        assert_eq!(self_check(name, false), Ok(()), "{name}");
        assert_eq!(
            self_check(name, true).unwrap_err().code(),
            "pki.bad_signature",
            "{name}"
        );
    }
}

#[test]
fn weak_or_unsupported_rsa_variants_are_refused_with_their_codes() {
    assert_eq!(
        self_check("rsa1024.pem", false).unwrap_err().code(),
        "pki.weak_rsa_key"
    );
    assert_eq!(
        self_check("sha1.pem", false).unwrap_err().code(),
        "pki.weak_sha1"
    );
    assert_eq!(
        self_check("pss_salt20.pem", false).unwrap_err().code(),
        "pki.unsupported_algorithm"
    );
}
