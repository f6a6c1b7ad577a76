//! Verifies one certificate's GOST signature under its issuer's key N times
//! and prints the time per verification: the counterpart of
//! `benches/openssl/gost_verify.c`, for measuring both with the same outer
//! tool (for example `/usr/bin/time`, whose user time does not depend on the
//! machine's load the way wall-clock time does).
//!
//! As OpenSSL's `X509_verify(cert, key)` there, each verification hashes the
//! tbsCertificate and checks the signature with the key the parsed issuer
//! keeps (`pki::signature::verify_signature_by`, the certificate path's
//! verifier; the key is read and checked once, and from its second
//! signature on it verifies with the split tables it builds once — the
//! untimed warm-up is its first, so the timed loop includes building them).
//! With `key-per-call` the key
//! is read from the issuer's SubjectPublicKeyInfo and checked (on the
//! curve, in the prime-order subgroup) on every verification instead
//! (`gost::verify_signature`).
//!
//! `cargo run --release --example gost_verify_loop -- CERT ISSUER [N] [key-per-call]`
//! (DER or PEM files).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, DecodePem, Encode, Sequence};
use kabinet::gost;
use kabinet::pki::signature::verify_signature_by;
use kabinet::pki::ParsedCertificate;
use x509_cert::spki::AlgorithmIdentifierRef;
use x509_cert::Certificate;

#[derive(Sequence)]
struct RawCertificate<'a> {
    tbs: AnyRef<'a>,
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: BitStringRef<'a>,
}

fn load(path: &str) -> Vec<u8> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    if bytes.starts_with(b"-----") {
        Certificate::from_pem(&bytes).unwrap().to_der().unwrap()
    } else {
        bytes
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    assert!(
        args.len() >= 3,
        "usage: gost_verify_loop CERT ISSUER [N] [key-per-call]"
    );
    let n: u32 = args.get(3).map_or(2000, |s| s.parse().unwrap());
    let cert = load(&args[1]);
    let issuer = Certificate::from_der(&load(&args[2])).unwrap();
    let spki = issuer
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .unwrap();
    let raw = RawCertificate::from_der(&cert).unwrap();
    let tbs = raw.tbs.to_der().unwrap();
    let sig = raw.signature.as_bytes().unwrap();
    let key_per_call = args.get(4).is_some_and(|a| a == "key-per-call");
    let parsed_issuer = ParsedCertificate::from_der(&issuer.to_der().unwrap()).unwrap();
    let parsed = ParsedCertificate::from_der(&cert).unwrap();
    let algorithm = &parsed.certificate().signature_algorithm;
    let verify = || {
        if key_per_call {
            gost::verify_signature(&spki, &raw.algorithm.oid, &tbs, sig).unwrap();
        } else {
            verify_signature_by(&parsed_issuer, algorithm, &tbs, sig).unwrap();
        }
    };
    verify();
    let start = std::time::Instant::now();
    for _ in 0..n {
        verify();
    }
    let us = start.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    println!("{us:.1} us per verification ({n} runs)");
}
