//! Conformance: every GOST R 34.10-2012 certificate of the real Russian CA
//! collection (`gost-ca/`, 1,134 certificate/issuer pairs, each verified
//! independently with OpenSSL and its GOST engine) verifies under its
//! issuer's key, and a single flipped bit in the signed bytes or in the
//! signature is refused — by the key read afresh for each signature and by
//! the key a parsed certificate keeps for all of them alike. Also: the TC26 reference PKI (`tc26/`), the
//! standard's worked examples (`gost-vectors/`) and the refusal of the
//! legacy GOST R 34.10-2001 certificates of the same collection.
//!
//! The data lives outside the repository: `$KABINET_TESTDATA`, or
//! `../shared/testdata` relative to the project root. These tests fail when
//! it is missing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::collections::BTreeMap;
use std::path::PathBuf;

use const_oid::ObjectIdentifier;
use der::asn1::{AnyRef, BitStringRef};
use der::{Decode, DecodePem, Encode, Sequence};
use kabinet::gost::{self, GostError, ParamSet, PublicKey, Signature};
use kabinet::pki::signature::verify_signature_by;
use kabinet::pki::{ParsedCertificate, PkiError};
use kabinet::Coded;
use x509_cert::spki::AlgorithmIdentifierRef;
use x509_cert::Certificate;

fn testdata() -> PathBuf {
    conformance::root("gost-ca/manifest.json")
}

/// The three parts of a certificate, with the tbsCertificate as its raw DER.
#[derive(Sequence)]
struct RawCertificate<'a> {
    tbs: AnyRef<'a>,
    algorithm: AlgorithmIdentifierRef<'a>,
    signature: BitStringRef<'a>,
}

struct Signed {
    tbs: Vec<u8>,
    algorithm: ObjectIdentifier,
    signature: Vec<u8>,
}

fn signed_parts(der: &[u8]) -> Signed {
    let raw = RawCertificate::from_der(der).unwrap();
    let tbs = raw.tbs.to_der().unwrap();
    assert!(
        der.windows(tbs.len()).any(|w| w == tbs.as_slice()),
        "tbs bytes not raw"
    );
    Signed {
        tbs,
        algorithm: raw.algorithm.oid,
        signature: raw.signature.as_bytes().unwrap().to_vec(),
    }
}

fn spki_der(cert: &Certificate) -> Vec<u8> {
    cert.tbs_certificate
        .subject_public_key_info
        .to_der()
        .unwrap()
}

#[test]
fn all_gost_2012_pairs_verify_and_single_bit_flips_are_refused() {
    let dir = testdata().join("gost-ca");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut pairs = 0;
    let mut sets: BTreeMap<String, usize> = BTreeMap::new();
    for entry in manifest["certificates"].as_array().unwrap() {
        let Some(issuer_file) = entry["issuer_file"].as_str() else {
            continue;
        };
        let file = entry["file"].as_str().unwrap();
        let der = std::fs::read(dir.join(file)).unwrap();
        let issuer_der = std::fs::read(dir.join(issuer_file)).unwrap();
        let issuer = Certificate::from_der(&issuer_der).unwrap();
        let spki = spki_der(&issuer);
        let signed = signed_parts(&der);
        assert_eq!(signed.algorithm, gost::oids::SIGNATURE_256, "{file}");
        assert!(gost::is_gost_signature_algorithm(&signed.algorithm));
        let key = PublicKey::from_spki_der(&spki).unwrap_or_else(|e| panic!("{issuer_file}: {e}"));
        *sets.entry(key.param_set().name().to_owned()).or_default() += 1;

        gost::verify_signature(&spki, &signed.algorithm, &signed.tbs, &signed.signature)
            .unwrap_or_else(|e| panic!("{file} under {issuer_file}: {e}"));
        // The key a certificate keeps once read is the key read afresh, and
        // the certificate path's verifier (which uses it) agrees.
        let parsed_issuer = ParsedCertificate::from_der(&issuer_der).unwrap();
        assert_eq!(parsed_issuer.gost_public_key(), Ok(&key), "{issuer_file}");
        let parsed = ParsedCertificate::from_der(&der).unwrap();
        let algorithm = &parsed.certificate().signature_algorithm;
        let by_issuer = |tbs: &[u8], sig: &[u8]| {
            let by_key = gost::verify_signature_by_key(&key, &signed.algorithm, tbs, sig);
            assert_eq!(
                by_key,
                gost::verify_signature(&spki, &signed.algorithm, tbs, sig),
                "{file}"
            );
            let by_certificate = verify_signature_by(&parsed_issuer, algorithm, tbs, sig);
            // A signature that does not verify, or whose r or s left its
            // range, is one problem for a certificate path.
            let expected = by_key.clone().map_err(|_| PkiError::BadSignature);
            assert_eq!(by_certificate, expected, "{file}");
            by_key
        };
        assert_eq!(by_issuer(&signed.tbs, &signed.signature), Ok(()), "{file}");

        // One flipped bit in the signed bytes, at a position that depends on the file.
        let mut tbs = signed.tbs.clone();
        let bit = (pairs * 7919 + 13) % (tbs.len() * 8);
        tbs[bit / 8] ^= 1 << (bit % 8);
        assert_eq!(
            by_issuer(&tbs, &signed.signature),
            Err(GostError::BadSignature),
            "{file}: flipped tbs bit {bit} accepted"
        );
        // One flipped bit in the signature (r or s may then leave its range).
        let mut sig = signed.signature.clone();
        let bit = (pairs * 104_729 + 5) % (sig.len() * 8);
        sig[bit / 8] ^= 1 << (bit % 8);
        let err = by_issuer(&signed.tbs, &sig).unwrap_err();
        assert!(
            matches!(
                err,
                GostError::BadSignature | GostError::ScalarOutOfRange { .. }
            ),
            "{file}: flipped signature bit {bit}: {err}"
        );
        // The kept keys have verified before, so they now run on their
        // split tables: the real signature still verifies there.
        assert_eq!(by_issuer(&signed.tbs, &signed.signature), Ok(()), "{file}");
        pairs += 1;
    }
    eprintln!("gost-ca: {pairs} pairs verified; issuer parameter sets: {sets:?}");
    assert_eq!(pairs, 1134);
    assert!(sets.contains_key(ParamSet::CryptoProA.name()));
}

#[test]
fn legacy_2001_certificates_and_keys_are_refused_with_their_code() {
    let dir = testdata().join("gost-ca");
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("manifest.json")).unwrap()).unwrap();
    let mut refused = 0;
    for entry in manifest["certificates"].as_array().unwrap() {
        if entry["signature_algorithm"] != "1.2.643.2.2.3" {
            continue;
        }
        let der = std::fs::read(dir.join(entry["file"].as_str().unwrap())).unwrap();
        let cert = Certificate::from_der(&der).unwrap();
        let signed = signed_parts(&der);
        assert!(gost::is_gost_signature_algorithm(&signed.algorithm));
        let spki = spki_der(&cert);
        let err = gost::verify_signature(&spki, &signed.algorithm, &signed.tbs, &signed.signature)
            .unwrap_err();
        assert_eq!(err.code(), "gost.legacy_2001_refused");
        if entry["public_key_algorithm"] == "1.2.643.2.2.19" {
            let err = PublicKey::from_spki_der(&spki).unwrap_err();
            assert_eq!(err.code(), "gost.legacy_2001_refused");
        }
        refused += 1;
    }
    assert_eq!(refused, 1269);
}

fn pem_cert(name: &str) -> (Certificate, Vec<u8>) {
    let pem = std::fs::read_to_string(testdata().join("tc26").join(name)).unwrap();
    let cert = Certificate::from_pem(pem.as_bytes()).unwrap();
    let der = cert.to_der().unwrap();
    (cert, der)
}

#[test]
fn tc26_senders_verify_under_the_root() {
    let (root, _) = pem_cert("root256_cert.pem");
    let root_spki = spki_der(&root);
    for (name, bits) in [("sender256_cert.pem", 256), ("sender512_cert.pem", 512)] {
        let (cert, der) = pem_cert(name);
        let signed = signed_parts(&der);
        gost::verify_signature(
            &root_spki,
            &signed.algorithm,
            &signed.tbs,
            &signed.signature,
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut tbs = signed.tbs.clone();
        tbs[40] ^= 0x10;
        assert_eq!(
            gost::verify_signature(&root_spki, &signed.algorithm, &tbs, &signed.signature),
            Err(GostError::BadSignature)
        );
        let key = PublicKey::from_spki_der(&spki_der(&cert)).unwrap();
        assert_eq!(key.bits(), bits);
        eprintln!("{name}: key parameter set {}", key.param_set());
        // The sender's own key did not sign its certificate (read afresh or kept).
        let expected = if bits == 256 {
            "gost.bad_signature"
        } else {
            "gost.algorithm_key_mismatch"
        };
        let (tbs, sig) = (&signed.tbs, &signed.signature);
        assert_eq!(
            gost::verify_signature(&spki_der(&cert), &signed.algorithm, tbs, sig)
                .unwrap_err()
                .code(),
            expected
        );
        assert_eq!(
            gost::verify_signature_by_key(&key, &signed.algorithm, tbs, sig)
                .unwrap_err()
                .code(),
            expected
        );
    }
}

#[test]
fn tc26_cms_signatures_verify() {
    let tc26 = testdata().join("tc26");
    for (file, signer_cert, bits) in [
        ("signed_a111.pem", "sender512_cert.pem", 512),
        ("signed_a121.pem", "sender256_cert.pem", 256),
    ] {
        let pem = std::fs::read_to_string(tc26.join(file)).unwrap();
        let (signer, message) = conformance::signed::first_signer(&pem);
        let (cert, _) = pem_cert(signer_cert);
        let spki = spki_der(&cert);
        let algorithm = signer.signature_algorithm.oid;
        assert!(gost::is_gost_signature_algorithm(&algorithm));
        let sig = signer.signature.as_bytes();
        gost::verify_signature(&spki, &algorithm, &message, sig)
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(PublicKey::from_spki_der(&spki).unwrap().bits(), bits);
        let mut bad = message.clone();
        *bad.last_mut().unwrap() ^= 0x01;
        assert_eq!(
            gost::verify_signature(&spki, &algorithm, &bad, sig),
            Err(GostError::BadSignature)
        );
    }
}

/// Replaces the first occurrence of `from` by `to` (same length) in `bytes`.
fn patch(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    assert_eq!(from.len(), to.len());
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern present");
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

#[test]
fn malformed_or_inconsistent_keys_get_their_own_codes() {
    let dir = testdata().join("gost-ca/certs");
    let issuer = Certificate::from_der(&std::fs::read(dir.join("0837.der")).unwrap()).unwrap();
    let spki = spki_der(&issuer);
    let key = PublicKey::from_spki_der(&spki).unwrap();
    assert_eq!(key.param_set(), ParamSet::CryptoProA);
    let oid = |s: &str| {
        const_oid::ObjectIdentifier::new(s)
            .unwrap()
            .as_bytes()
            .to_vec()
    };
    let code = |der: &[u8]| PublicKey::from_spki_der(der).unwrap_err().code();

    // An unknown parameter set (CryptoPro-A's arc changed to .35.9).
    let unknown = patch(&spki, &oid("1.2.643.2.2.35.1"), &oid("1.2.643.2.2.35.9"));
    assert_eq!(code(&unknown), "gost.unknown_parameter_set");
    // Streebog-512 digest parameters on a 256-bit key.
    let digest = patch(&spki, &oid("1.2.643.7.1.1.2.2"), &oid("1.2.643.7.1.1.2.3"));
    assert_eq!(code(&digest), "gost.digest_mismatch_parameters");
    // A 512-bit key algorithm with a 256-bit parameter set.
    let size = patch(&spki, &oid("1.2.643.7.1.1.1.1"), &oid("1.2.643.7.1.1.1.2"));
    assert_eq!(code(&size), "gost.bad_key_encoding");
    // A non-GOST key algorithm of the same encoded length (1.2.840.113549.1.1,
    // the PKCS #1 arc). The legacy 2001 key is covered by the 2001 certificates.
    let rsa = patch(
        &spki,
        &oid("1.2.643.7.1.1.1.1"),
        &oid("1.2.840.113549.1.1.1")[..8],
    );
    assert_eq!(code(&rsa), "gost.unsupported_algorithm");
    // A point moved off the curve (last byte of Y flipped).
    let mut off = spki.clone();
    *off.last_mut().unwrap() ^= 1;
    assert_eq!(code(&off), "gost.point_not_on_curve");
    // A certificate carrying that key keeps why it is no key, and verifying
    // by it refuses as verifying by its SubjectPublicKeyInfo does.
    let issuer_der = std::fs::read(dir.join("0837.der")).unwrap();
    let moved = ParsedCertificate::from_der(&patch(&issuer_der, &spki, &off)).unwrap();
    assert_eq!(
        moved.gost_public_key().map_err(Coded::code),
        Err("gost.point_not_on_curve")
    );
    let algorithm = &moved.certificate().signature_algorithm;
    let signed = signed_parts(&issuer_der);
    let by_certificate =
        verify_signature_by(&moved, algorithm, &signed.tbs, &signed.signature).unwrap_err();
    let by_key_info = kabinet::pki::signature::verify_signature(
        &moved.certificate().tbs_certificate.subject_public_key_info,
        moved.spki_der(),
        algorithm,
        &signed.tbs,
        &signed.signature,
    )
    .unwrap_err();
    assert_eq!(by_certificate, by_key_info);
    assert!(
        by_certificate.message_en().contains("curve"),
        "{by_certificate}"
    );
    // Truncated DER.
    assert_eq!(code(&spki[..spki.len() - 1]), "gost.bad_key_encoding");
    assert_eq!(code(&[]), "gost.bad_key_encoding");
    // Oversized input is refused before parsing.
    assert_eq!(code(&vec![0x30; 5000]), "gost.bad_key_encoding");
    // Signature algorithms: unknown ones are not GOST.
    let sha256_rsa = const_oid::ObjectIdentifier::new("1.2.840.113549.1.1.11").unwrap();
    assert!(!gost::is_gost_signature_algorithm(&sha256_rsa));
    assert_eq!(
        gost::verify_signature(&spki, &sha256_rsa, b"m", &[0; 64])
            .unwrap_err()
            .code(),
        "gost.unsupported_algorithm"
    );
    // A signature of the wrong length.
    assert_eq!(
        gost::verify_signature(&spki, &gost::oids::SIGNATURE_256, b"m", &[1; 65])
            .unwrap_err()
            .code(),
        "gost.bad_signature_encoding"
    );
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn standard_worked_examples_verify() {
    let path = testdata().join("gost-vectors/gost3410-2012-examples.json");
    let file: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let examples = file["examples"].as_array().unwrap();
    assert_eq!(examples.len(), 2);
    for ex in examples {
        let set = match ex["bits"].as_u64().unwrap() {
            256 => ParamSet::CryptoProTest,
            512 => ParamSet::Tc26Gost512Test,
            other => panic!("unexpected size {other}"),
        };
        let s = |k: &str| hex(ex[k].as_str().unwrap());
        let key = PublicKey::from_affine(set, &s("Qx"), &s("Qy")).unwrap();
        let digest: Vec<u8> = s("e").into_iter().rev().collect();
        let sig = Signature::from_rs(&s("r"), &s("s")).unwrap();
        gost::verify_digest(&key, &digest, &sig).unwrap();
        let mut e_plus_one = digest.clone();
        e_plus_one[0] = e_plus_one[0].wrapping_add(1);
        assert_eq!(
            gost::verify_digest(&key, &e_plus_one, &sig),
            Err(GostError::BadSignature)
        );
    }
}
