//! The trust store remembers verified signatures of its CRLs and of its own
//! certificates between validations: the memory is reused, bound to the
//! signed object and to the signer's exact key, never holds a certificate
//! from outside the store, and never turns a failed verification or another
//! key into a success.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/rcgen_pki.rs"]
mod rcgen_pki;

use kabinet::pki::{validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::Timestamp;
use rcgen::{
    date_time_ymd, CertificateParams, CertificateRevocationListParams, Issuer, KeyIdMethod,
    KeyPair, SerialNumber,
};
use rcgen_pki::key;

fn params(cn: &str, ca: bool, serial: u64, not_after: (i32, u8, u8)) -> CertificateParams {
    let mut p = rcgen_pki::params(cn, ca);
    p.serial_number = Some(SerialNumber::from(serial));
    p.not_after = date_time_ymd(not_after.0, not_after.1, not_after.2);
    p
}

fn crl(issuer: &Issuer<'_, &KeyPair>) -> ParsedCrl {
    let der = CertificateRevocationListParams {
        this_update: date_time_ymd(2026, 2, 20),
        next_update: date_time_ymd(2026, 3, 20),
        crl_number: SerialNumber::from(1u64),
        issuing_distribution_point: None,
        revoked_certs: Vec::new(),
        key_identifier_method: KeyIdMethod::Sha256,
    }
    .signed_by(issuer)
    .unwrap();
    ParsedCrl::from_der(der.der()).unwrap()
}

fn cert(der: &[u8]) -> ParsedCertificate {
    ParsedCertificate::from_der(der).unwrap()
}

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn codes(report: &kabinet::pki::ValidationReport) -> Vec<&'static str> {
    report.problems.iter().map(|p| p.code).collect()
}

/// Root → CA → leaf, with a CRL of the root and one of the CA.
struct Simple {
    store: TrustStore,
    leaf: ParsedCertificate,
}

fn simple() -> Simple {
    let (root_key, ca_key) = (key(), key());
    let root_p = params("Cache Root", true, 1, (2030, 1, 1));
    let root = root_p.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::from_params(&root_p, &root_key);
    let ca_p = params("Cache CA", true, 2, (2030, 1, 1));
    let ca = ca_p.signed_by(&ca_key, &root_issuer).unwrap();
    let ca_issuer = Issuer::from_params(&ca_p, &ca_key);
    let leaf = params("Cache Leaf", false, 3, (2030, 1, 1))
        .signed_by(&key(), &ca_issuer)
        .unwrap();
    let mut store = TrustStore::new();
    store.add_anchor(cert(root.der()), true);
    store.add_intermediate(cert(ca.der()));
    store.add_crl(crl(&root_issuer));
    store.add_crl(crl(&ca_issuer));
    Simple {
        store,
        leaf: cert(leaf.der()),
    }
}

/// Options whose signature budget covers the two certificate signatures of
/// the path but not the two CRL signatures as well.
fn two_signatures(time: Timestamp) -> ValidationOptions {
    let mut o = ValidationOptions::at(time);
    o.budget.signatures = 2;
    o
}

#[test]
fn a_verified_crl_signature_is_reused_by_later_validations() {
    let s = simple();
    let time = at("2026-03-01T00:00:00Z");
    // Nothing remembered yet: four verifications are needed, two are allowed.
    let first = validate(&s.leaf, &s.store, &two_signatures(time));
    assert!(!first.valid);
    assert!(codes(&first).contains(&"pki.budget_exhausted"), "{first:?}");

    let full = validate(&s.leaf, &s.store, &ValidationOptions::at(time));
    assert!(full.valid, "{:?}", full.problems);

    // Now both CRL signatures are remembered: two verifications suffice.
    let again = validate(&s.leaf, &s.store, &two_signatures(time));
    assert!(again.valid, "{:?}", again.problems);

    // A copy of the store keeps what was verified, and a store shared between
    // threads reuses it from each of them.
    let copy = s.store.clone();
    assert!(validate(&s.leaf, &copy, &two_signatures(time)).valid);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..2)
            .map(|_| scope.spawn(|| validate(&s.leaf, &s.store, &two_signatures(time)).valid))
            .collect();
        for h in handles {
            assert!(h.join().unwrap());
        }
    });
}

#[test]
fn the_time_checks_of_a_remembered_crl_still_apply() {
    let s = simple();
    assert!(
        validate(
            &s.leaf,
            &s.store,
            &ValidationOptions::at(at("2026-03-01T00:00:00Z"))
        )
        .valid
    );
    // The CRLs' nextUpdate (2026-03-20) has passed: their remembered
    // signatures do not make them current.
    let stale = validate(
        &s.leaf,
        &s.store,
        &ValidationOptions::at(at("2026-04-01T00:00:00Z")),
    );
    assert!(!stale.valid);
    assert!(
        codes(&stale).contains(&"pki.revocation_unknown"),
        "{stale:?}"
    );
    // Before their thisUpdate (2026-02-20) likewise.
    let early = validate(
        &s.leaf,
        &s.store,
        &ValidationOptions::at(at("2026-02-10T00:00:00Z")),
    );
    assert!(!early.valid);
    assert!(
        codes(&early).contains(&"pki.revocation_unknown"),
        "{early:?}"
    );
}

#[test]
fn a_crl_remembered_for_one_key_is_refused_under_another_key_of_the_same_name() {
    // Two CA certificates with one name and different keys: A (expires
    // 2026-02-28) and B. The CA's CRL is signed by A only.
    let (root_key, a_key, b_key) = (key(), key(), key());
    let root_p = params("Cache Root", true, 1, (2030, 1, 1));
    let root = root_p.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::from_params(&root_p, &root_key);
    let a_p = params("Cache CA", true, 2, (2026, 2, 28));
    let b_p = params("Cache CA", true, 3, (2030, 1, 1));
    let ca_a = a_p.signed_by(&a_key, &root_issuer).unwrap();
    let ca_b = b_p.signed_by(&b_key, &root_issuer).unwrap();
    let a_issuer = Issuer::from_params(&a_p, &a_key);
    let b_issuer = Issuer::from_params(&b_p, &b_key);
    let leaf_a = params("Leaf A", false, 10, (2030, 1, 1))
        .signed_by(&key(), &a_issuer)
        .unwrap();
    let leaf_b = params("Leaf B", false, 11, (2030, 1, 1))
        .signed_by(&key(), &b_issuer)
        .unwrap();
    let mut store = TrustStore::new();
    store.add_anchor(cert(root.der()), true);
    store.add_intermediate(cert(ca_a.der()));
    store.add_intermediate(cert(ca_b.der()));
    store.add_crl(crl(&root_issuer));
    store.add_crl(crl(&a_issuer));

    // While A is valid, its CRL verifies and is remembered with A's key.
    let before = at("2026-02-25T00:00:00Z");
    let (leaf_a, leaf_b) = (cert(leaf_a.der()), cert(leaf_b.der()));
    let r = validate(&leaf_a, &store, &ValidationOptions::at(before));
    assert!(r.valid, "{:?}", r.problems);

    // B's key does not verify A's CRL; the memory of A's verification must
    // not be taken for it, and A (expired now) cannot vouch for the CRL.
    let after = at("2026-03-01T00:00:00Z");
    for _ in 0..2 {
        let r = validate(&leaf_b, &store, &ValidationOptions::at(after));
        assert!(!r.valid);
        assert!(codes(&r).contains(&"pki.revocation_unknown"), "{r:?}");
        assert!(!codes(&r).contains(&"pki.bad_signature"), "{r:?}");
    }

    // Control: with a CRL signed by B itself the same validation succeeds.
    let mut with_b = store.clone();
    with_b.add_crl(crl(&b_issuer));
    let r = validate(&leaf_b, &with_b, &ValidationOptions::at(after));
    assert!(r.valid, "{:?}", r.problems);
}

/// Options with a budget of `n` signature verifications.
fn signatures(time: Timestamp, n: usize) -> ValidationOptions {
    let mut o = ValidationOptions::at(time);
    o.budget.signatures = n;
    o
}

#[test]
fn the_signature_of_an_intermediate_of_the_store_is_verified_once() {
    let s = simple();
    let time = at("2026-03-01T00:00:00Z");
    // Leaf by CA, CA by root, and the two CRLs: four at first.
    assert!(!validate(&s.leaf, &s.store, &signatures(time, 3)).valid);
    assert!(validate(&s.leaf, &s.store, &signatures(time, 4)).valid);
    // Then only the leaf's own signature: the CA and the CRLs are remembered.
    let again = validate(&s.leaf, &s.store, &signatures(time, 1));
    assert!(again.valid, "{:?}", codes(&again));
    // The leaf comes from outside the store and is never remembered.
    let none = validate(&s.leaf, &s.store, &signatures(time, 0));
    assert!(codes(&none).contains(&"pki.budget_exhausted"), "{none:?}");
}

#[test]
fn an_intermediate_remembered_under_one_key_is_refused_under_another() {
    let s = simple();
    let time = at("2026-03-01T00:00:00Z");
    assert!(validate(&s.leaf, &s.store, &signatures(time, 4)).valid);
    // Another root of the same name and another key, as the only anchor
    // beside the same CA: the remembered signature does not carry over.
    let impostor_p = params("Cache Root", true, 1, (2030, 1, 1));
    let impostor = impostor_p.self_signed(&key()).unwrap();
    let mut other = TrustStore::new();
    other.add_anchor(cert(impostor.der()), true);
    for ca in s.store.intermediates() {
        other.add_intermediate(ca.clone());
    }
    let report = validate(&s.leaf, &other, &ValidationOptions::at(time));
    assert!(!report.valid);
    assert!(!codes(&report).is_empty());
}
