//! GOST R 34.10-2012 signature verification speed.
//!
//! * `gost/verify_cert_cryptopro_a`: a real certificate of the `gost-ca`
//!   collection (CryptoPro-A key, Streebog-256 over its tbsCertificate), the
//!   same work OpenSSL's `X509_verify` does (see `benches/openssl/`);
//! * `gost/verify_cms_512`: the 512-bit TC26 signature of `tc26/signed_a111.pem`
//!   (TC26-512-A key of `sender512_cert.pem`, Streebog-512 over the signed attributes);
//! * `gost/verify_cms_256_tc26_a`: the 256-bit TC26 signature of
//!   `tc26/signed_a121.pem` (TC26-256-A, cofactor 4, verified on its
//!   isomorphic curve with `a = 1`);
//! * `gost/*_key_kept`: the same with the key read once
//!   (`verify_signature_by_key`, as a parsed certificate verifies what it
//!   signed; the key's checks, a square root on the cofactor-4 sets,
//!   excluded), so from its second signature on with the key's split tables
//!   (built once, during warm-up);
//! * `gost/verify_digest_*`: the elliptic-curve part alone, without hashing
//!   (the same kept key, on its tables);
//! * `gost/real_ca_certificates_*`: every 256-bit certificate of the
//!   `gost-ca` collection (1,134, five issuers) in a seeded random order
//!   per iteration, keys read per call or kept — many certificates, a few
//!   CA keys, as a trust store sees them (divide by 1,134).
//!
//! Run: `cargo bench --bench gost`. The data comes from `$KABINET_TESTDATA`
//! or `../shared/testdata`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, DecodePem, Encode, Sequence};
use kabinet::gost::{self, PublicKey, Signature};
use x509_cert::spki::AlgorithmIdentifierRef;
use x509_cert::Certificate;

fn testdata() -> PathBuf {
    common::conformance::root("gost-ca/manifest.json")
}

#[derive(Sequence)]
struct RawCertificate<'a> {
    tbs: AnyRef<'a>,
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: BitStringRef<'a>,
}

/// (issuer SPKI, signature algorithm, signed bytes, signature).
type Case = (Vec<u8>, const_oid::ObjectIdentifier, Vec<u8>, Vec<u8>);

fn cert_case() -> Case {
    let dir = testdata().join("gost-ca/certs");
    let der = std::fs::read(dir.join("2402.der")).unwrap();
    let issuer = Certificate::from_der(&std::fs::read(dir.join("0837.der")).unwrap()).unwrap();
    let raw = RawCertificate::from_der(&der).unwrap();
    (
        issuer
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .unwrap(),
        raw.algorithm.oid,
        raw.tbs.to_der().unwrap(),
        raw.signature.as_bytes().unwrap().to_vec(),
    )
}

fn cms_case(file: &str, signer_cert: &str) -> Case {
    let tc26 = testdata().join("tc26");
    let pem = std::fs::read_to_string(tc26.join(file)).unwrap();
    let (signer, message) = common::conformance::signed::first_signer(&pem);
    let sender = std::fs::read_to_string(tc26.join(signer_cert)).unwrap();
    let sender = Certificate::from_pem(sender.as_bytes()).unwrap();
    (
        sender
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .unwrap(),
        signer.signature_algorithm.oid,
        message,
        signer.signature.as_bytes().to_vec(),
    )
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("gost");
    for (name, (spki, alg, msg, sig)) in [
        ("verify_cert_cryptopro_a", cert_case()),
        (
            "verify_cms_512",
            cms_case("signed_a111.pem", "sender512_cert.pem"),
        ),
        (
            "verify_cms_256_tc26_a",
            cms_case("signed_a121.pem", "sender256_cert.pem"),
        ),
    ] {
        gost::verify_signature(&spki, &alg, &msg, &sig).unwrap();
        group.bench_function(name, |b| {
            b.iter(|| gost::verify_signature(&spki, &alg, &msg, &sig).unwrap())
        });
        let key = PublicKey::from_spki_der(&spki).unwrap();
        group.bench_function(format!("{name}_key_kept"), |b| {
            b.iter(|| gost::verify_signature_by_key(&key, &alg, &msg, &sig).unwrap())
        });
        let signature = Signature::from_x509_bytes(&sig).unwrap();
        let digest = if key.bits() == 256 {
            gost::streebog256(&msg).to_vec()
        } else {
            gost::streebog512(&msg).to_vec()
        };
        group.bench_function(
            format!(
                "verify_digest_{}_{}",
                key.bits(),
                key.param_set().curve_name()
            ),
            |b| b.iter(|| gost::verify_digest(&key, &digest, &signature).unwrap()),
        );
        group.bench_function(
            format!("streebog_{}_{}_bytes", key.bits(), msg.len()),
            |b| {
                b.iter(|| {
                    if key.bits() == 256 {
                        gost::streebog256(&msg).to_vec()
                    } else {
                        gost::streebog512(&msg).to_vec()
                    }
                })
            },
        );
    }
    group.finish();
}

/// Every GOST R 34.10-2012 certificate of the `gost-ca` collection with
/// its issuer's key read once, in a seeded random order: what a trust
/// store does with many certificates and a few CA keys.
fn real_ca_certificates() -> Vec<(Vec<u8>, Case)> {
    let dir = testdata().join("gost-ca");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut cases = Vec::new();
    for entry in manifest["certificates"].as_array().unwrap() {
        let Some(issuer) = entry["issuer_file"].as_str() else {
            continue;
        };
        let der = std::fs::read(dir.join(entry["file"].as_str().unwrap())).unwrap();
        let raw = RawCertificate::from_der(&der).unwrap();
        if raw.algorithm.oid != gost::oids::SIGNATURE_256 {
            continue;
        }
        let issuer = Certificate::from_der(&std::fs::read(dir.join(issuer)).unwrap()).unwrap();
        let spki = issuer
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .unwrap();
        let case = (
            spki.clone(),
            raw.algorithm.oid,
            raw.tbs.to_der().unwrap(),
            raw.signature.as_bytes().unwrap().to_vec(),
        );
        cases.push((spki, case));
    }
    let mut draw = common::latency::Draw::seeded(0x676f_7374);
    for i in (1..cases.len()).rev() {
        cases.swap(i, draw.below(i + 1));
    }
    cases
}

/// `gost/real_ca_certificates_*`: the 1,134 real certificates (five
/// issuers) in random order per iteration, the issuer's key read per call
/// or kept (so on its split table after the first pass).
fn bench_real_ca(c: &mut Criterion) {
    let cases = real_ca_certificates();
    assert_eq!(cases.len(), 1134);
    let mut keys = std::collections::HashMap::new();
    for (spki, _) in &cases {
        keys.entry(spki.clone())
            .or_insert_with(|| PublicKey::from_spki_der(spki).unwrap());
    }
    let mut group = c.benchmark_group("gost");
    group.sample_size(10);
    group.bench_function("real_ca_certificates_key_read_per_call", |b| {
        b.iter(|| {
            for (_, (spki, alg, msg, sig)) in &cases {
                gost::verify_signature(spki, alg, msg, sig).unwrap();
            }
        })
    });
    group.bench_function("real_ca_certificates_key_kept", |b| {
        b.iter(|| {
            for (spki, (_, alg, msg, sig)) in &cases {
                gost::verify_signature_by_key(&keys[spki], alg, msg, sig).unwrap();
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_real_ca);
criterion_main!(benches);
