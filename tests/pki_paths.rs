//! Path building on rcgen PKIs: key rollover, budgets, other key types, and
//! the invariant that nothing expired, not yet valid or revoked is ever valid.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
#[path = "support/rcgen_pki.rs"]
mod rcgen_pki;

use std::sync::OnceLock;

use kabinet::pki::{validate, Budget, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::Timestamp;
use proptest::prelude::*;
use rcgen::{
    date_time_ymd, CertificateParams, Issuer, KeyIdMethod, KeyPair, SignatureAlgorithm,
    PKCS_ECDSA_P256_SHA256, PKCS_ECDSA_P384_SHA384, PKCS_ED25519,
};
use rcgen_pki::params;

fn at() -> Timestamp {
    "2026-03-01T00:00:00Z".parse().unwrap()
}

fn soft(budget: Budget) -> ValidationOptions {
    let mut o = ValidationOptions::at(at());
    o.revocation = kabinet::pki::RevocationPolicy::SoftFail;
    o.budget = budget;
    o
}

struct Rollover {
    root: Vec<u8>,
    old_ca: Vec<u8>,
    new_ca: Vec<u8>,
    leaf: Vec<u8>,
}

/// A root, a CA certified twice under one name (old key, new key) and a leaf
/// of the new key. With `distinct_key_ids` false, both CA certificates carry
/// the same subjectKeyIdentifier (a CA that kept it across the rollover), so
/// the leaf's authorityKeyIdentifier cannot tell them apart.
fn rollover(distinct_key_ids: bool, alg: &'static SignatureAlgorithm) -> Rollover {
    let key = || KeyPair::generate_for(alg).unwrap();
    let (root_key, old_key, new_key) = (key(), key(), key());
    let root_p = params("Rollover Root", true);
    let root = root_p.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::from_params(&root_p, &root_key);
    let mut ca_p = params("Rollover CA", true);
    if !distinct_key_ids {
        ca_p.key_identifier_method = KeyIdMethod::PreSpecified(vec![7; 20]);
    }
    let old_ca = ca_p.signed_by(&old_key, &root_issuer).unwrap();
    let new_ca = ca_p.signed_by(&new_key, &root_issuer).unwrap();
    let new_issuer = Issuer::from_params(&ca_p, &new_key);
    let leaf = params("Rollover Leaf", false)
        .signed_by(&key(), &new_issuer)
        .unwrap();
    Rollover {
        root: root.der().to_vec(),
        old_ca: old_ca.der().to_vec(),
        new_ca: new_ca.der().to_vec(),
        leaf: leaf.der().to_vec(),
    }
}

fn rollover_store(r: &Rollover) -> TrustStore {
    let mut s = TrustStore::new();
    s.add_anchor(ParsedCertificate::from_der(&r.root).unwrap(), false);
    // The old key first, so that a builder that only compared names would pick it.
    s.add_intermediate(ParsedCertificate::from_der(&r.old_ca).unwrap());
    s.add_intermediate(ParsedCertificate::from_der(&r.new_ca).unwrap());
    s
}

#[test]
fn key_rollover_picks_the_issuer_by_key_identifier() {
    let r = rollover(true, &PKCS_ECDSA_P256_SHA256);
    let report = validate(
        &ParsedCertificate::from_der(&r.leaf).unwrap(),
        &rollover_store(&r),
        &soft(Budget::default()),
    );
    assert!(report.valid, "{:?}", report.problems);
    let new_fp = ParsedCertificate::from_der(&r.new_ca)
        .unwrap()
        .fingerprint_hex();
    assert_eq!(report.path[1].fingerprint, new_fp);
}

#[test]
fn key_rollover_with_shared_key_identifiers_picks_the_issuer_by_signature() {
    let r = rollover(false, &PKCS_ECDSA_P256_SHA256);
    let leaf = ParsedCertificate::from_der(&r.leaf).unwrap();
    let report = validate(&leaf, &rollover_store(&r), &soft(Budget::default()));
    assert!(report.valid, "{:?}", report.problems);
    // With room for one candidate path only, the wrong (old) key is tried and the budget ends the search.
    let tight = Budget {
        paths: 1,
        ..Budget::default()
    };
    let report = validate(&leaf, &rollover_store(&r), &soft(tight));
    assert!(!report.valid);
    assert!(
        report.has_problem("pki.bad_signature"),
        "{:?}",
        report.problems
    );
    assert!(
        report.has_problem("pki.budget_exhausted"),
        "{:?}",
        report.problems
    );
    let no_signatures = Budget {
        signatures: 0,
        ..Budget::default()
    };
    let report = validate(&leaf, &rollover_store(&r), &soft(no_signatures));
    assert!(!report.valid);
    assert!(report.has_problem("pki.budget_exhausted"));
}

#[test]
fn ed25519_and_p384_paths_validate() {
    for alg in [&PKCS_ED25519, &PKCS_ECDSA_P384_SHA384] {
        let r = rollover(true, alg);
        let report = validate(
            &ParsedCertificate::from_der(&r.leaf).unwrap(),
            &rollover_store(&r),
            &soft(Budget::default()),
        );
        assert!(report.valid, "{alg:?}: {:?}", report.problems);
    }
}

#[test]
fn a_pem_bundle_loads_every_block() {
    let r = rollover(true, &PKCS_ECDSA_P256_SHA256);
    let mut s = TrustStore::new();
    let bundle = format!(
        "junk before\n{}\n{}",
        pem_encode(&r.old_ca),
        pem_encode(&r.new_ca)
    );
    assert_eq!(
        s.add_intermediates_from_bytes(bundle.as_bytes()).unwrap(),
        2
    );
    assert_eq!(s.intermediates()[1].der(), r.new_ca.as_slice());
    // The signed part and the key are the exact encoded bytes.
    use der::Encode;
    let c = &s.intermediates()[1];
    assert_eq!(
        c.spki_der(),
        c.certificate()
            .tbs_certificate
            .subject_public_key_info
            .to_der()
            .unwrap()
    );
    assert_eq!(
        c.tbs_der(),
        c.certificate().tbs_certificate.to_der().unwrap()
    );
    // Lines of 76 characters, a single line, CRLF line ends: all read.
    for text in [
        pem_encode_width(&r.leaf, 76),
        pem_encode_width(&r.leaf, 10_000),
        pem_encode(&r.leaf).replace('\n', "\r\n"),
    ] {
        assert_eq!(
            ParsedCertificate::from_der_or_pem(text.as_bytes())
                .unwrap()
                .der(),
            r.leaf.as_slice()
        );
    }
    // A single-certificate input refuses a bundle of two.
    let two = ParsedCertificate::from_der_or_pem(bundle.as_bytes()).unwrap_err();
    assert_eq!(kabinet::Coded::code(&two), "pki.ambiguous");
}

fn pem_encode(der: &[u8]) -> String {
    pem_encode_width(der, 64)
}

fn pem_encode_width(der: &[u8], width: usize) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b64 = String::new();
    for chunk in der.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            b64.push(if k <= chunk.len() {
                T[((n >> (18 - 6 * k)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    let lines: String = b64
        .as_bytes()
        .chunks(width)
        .map(|l| format!("{}\n", std::str::from_utf8(l).unwrap()))
        .collect();
    format!("-----BEGIN CERTIFICATE-----\n{lines}-----END CERTIFICATE-----\n")
}

fn profile_pki() -> &'static (common::Pki, TrustStore) {
    static PKI: OnceLock<(common::Pki, TrustStore)> = OnceLock::new();
    PKI.get_or_init(|| {
        let pki = common::build();
        let mut s = TrustStore::new();
        s.add_anchor(ParsedCertificate::from_der(&pki.root).unwrap(), true);
        s.add_intermediate(ParsedCertificate::from_der(&pki.ca).unwrap());
        s.add_crl(ParsedCrl::from_der(&pki.root_crl).unwrap());
        s.add_crl(ParsedCrl::from_der(&pki.ca_crl).unwrap());
        (pki, s)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the time: a valid report means every certificate of the path is
    /// within its validity and the CRLs are current; a revoked certificate is never valid.
    #[test]
    fn nothing_expired_or_revoked_is_ever_valid(seconds in 1_500_000_000i64..2_300_000_000i64) {
        let (pki, store) = profile_pki();
        let at = Timestamp::from_second(seconds).unwrap();
        let options = ValidationOptions::at(at);
        let head = ParsedCertificate::from_der(&pki.head).unwrap();
        let report = validate(&head, store, &options);
        let crl_window = "2026-02-25T00:00:00Z".parse::<Timestamp>().unwrap()..="2026-03-10T00:00:00Z".parse::<Timestamp>().unwrap();
        let leaf_window = head.not_before()..=head.not_after();
        prop_assert_eq!(report.valid, crl_window.contains(&at) && leaf_window.contains(&at));
        if !leaf_window.contains(&at) {
            prop_assert!(report.has_problem("pki.expired") || report.has_problem("pki.not_yet_valid"));
        }
        let revoked = validate(&ParsedCertificate::from_der(&pki.revoked).unwrap(), store, &options);
        prop_assert!(!revoked.valid);
        prop_assert_eq!(revoked.signature_level(), None);
    }
}

#[test]
fn a_path_longer_than_the_depth_limit_is_refused_with_its_code() {
    let key = || KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let root_key = key();
    let root_p = params("Deep 0", true);
    let mut store = TrustStore::new();
    store.add_anchor(
        ParsedCertificate::from_der(root_p.self_signed(&root_key).unwrap().der()).unwrap(),
        false,
    );
    let (mut issuer_p, mut issuer_key) = (root_p, root_key);
    let leaf_of = |issuer_p: &CertificateParams, issuer_key: &KeyPair| {
        let issuer = Issuer::from_params(issuer_p, issuer_key);
        ParsedCertificate::from_der(
            params("Deep leaf", false)
                .signed_by(&key(), &issuer)
                .unwrap()
                .der(),
        )
        .unwrap()
    };
    let mut leaves = Vec::new();
    for depth in 1..=8 {
        let p = params(&format!("Deep {depth}"), true);
        let k = key();
        let cert = p
            .signed_by(&k, &Issuer::from_params(&issuer_p, &issuer_key))
            .unwrap();
        store.add_intermediate(ParsedCertificate::from_der(cert.der()).unwrap());
        (issuer_p, issuer_key) = (p, k);
        leaves.push(leaf_of(&issuer_p, &issuer_key));
    }
    // Anchor + 6 CAs + leaf = 8 certificates: the limit, accepted.
    let ok = validate(&leaves[5], &store, &soft(Budget::default()));
    assert!(ok.valid, "{:?}", ok.problems);
    assert_eq!(ok.path.len(), 8);
    // One more CA: beyond the limit.
    let deep = validate(&leaves[6], &store, &soft(Budget::default()));
    assert!(!deep.valid);
    assert!(
        deep.has_problem("pki.no_trusted_root") && deep.has_problem("pki.path_too_long"),
        "{:?}",
        deep.problems
    );
}

#[test]
fn a_large_crl_answers_for_listed_and_unlisted_certificates() {
    use rcgen::{
        CertificateRevocationListParams, RevocationReason, RevokedCertParams, SerialNumber,
    };
    let key = || KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let root_key = key();
    let root_p = params("Big CRL Root", true);
    let root = root_p.self_signed(&root_key).unwrap();
    let issuer = Issuer::from_params(&root_p, &root_key);
    let leaf_with_serial = |serial: u64| {
        let mut p = params("Big CRL Leaf", false);
        p.serial_number = Some(SerialNumber::from(serial));
        ParsedCertificate::from_der(p.signed_by(&key(), &issuer).unwrap().der()).unwrap()
    };
    let revoked_certs = (1_000u64..51_000)
        .filter(|s| s % 2 == 0)
        .map(|s| RevokedCertParams {
            serial_number: SerialNumber::from(s),
            revocation_time: date_time_ymd(2026, 1, 10),
            reason_code: Some(RevocationReason::Superseded),
            invalidity_date: None,
        })
        .collect();
    let crl = CertificateRevocationListParams {
        this_update: date_time_ymd(2026, 2, 25),
        next_update: date_time_ymd(2026, 3, 10),
        crl_number: SerialNumber::from(1u64),
        issuing_distribution_point: None,
        revoked_certs,
        key_identifier_method: KeyIdMethod::Sha256,
    }
    .signed_by(&issuer)
    .unwrap();
    let mut store = TrustStore::new();
    store.add_anchor(ParsedCertificate::from_der(root.der()).unwrap(), false);
    store.add_crl(ParsedCrl::from_der(crl.der()).unwrap());
    assert_eq!(store.crls()[0].entry_count(), 25_000);
    let options = ValidationOptions::at(at());
    let revoked = validate(&leaf_with_serial(30_000), &store, &options);
    assert!(revoked.has_problem("pki.revoked"), "{:?}", revoked.problems);
    assert!(revoked.problems[0].detail.contains("superseded"));
    let good = validate(&leaf_with_serial(30_001), &store, &options);
    assert!(good.valid, "{:?}", good.problems);
}
