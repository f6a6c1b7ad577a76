//! Hostile inputs cost bounded time and memory: every one is refused (or
//! validated) in under 100 ms and 64 MB through the library.
//!
//! The inputs are the ones that used to burn the CPU: SET OFs in reverse
//! order (a CRL issuer of 20,000 name parts, a subject of 3,000, CMS messages
//! of 2,000 and 8,000 certificates), and pools of intermediates sharing one
//! name that lead nowhere (14, 18 and 100). Time is the best of three runs
//! (the machine is shared); memory is the peak of live heap bytes, counted by
//! this test's global allocator.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(unsafe_code)] // a counting allocator around the system one

#[path = "support/der_bytes.rs"]
mod der_bytes;
#[path = "support/rcgen_pki.rs"]
mod rcgen_pki;

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use der_bytes::{
    certificate_with_subject, cms_with_certificates, cms_with_signers, crl_issued_by,
    name_with_one_rdn_of, signer_info,
};
use kabinet::cms::{verify_cms, CmsOptions};
use kabinet::pki::{validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::{Coded, Timestamp};
use rcgen::{Issuer, KeyPair};
use rcgen_pki::{key as new_key, params};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const TIME_LIMIT: Duration = Duration::from_millis(100);
const MEMORY_LIMIT: usize = 64 * 1024 * 1024;

/// Runs `work` three times; the best time and the largest heap growth.
fn measure(what: &str, mut work: impl FnMut()) {
    let mut best = Duration::MAX;
    let mut grown = 0;
    for _ in 0..3 {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let started = Instant::now();
        work();
        best = best.min(started.elapsed());
        grown = grown.max(PEAK.load(Ordering::Relaxed).saturating_sub(base));
    }
    println!("{what}: {best:?}, {} KiB at peak", grown / 1024);
    assert!(best < TIME_LIMIT, "{what} took {best:?}");
    assert!(grown < MEMORY_LIMIT, "{what} took {grown} bytes");
}

fn at() -> Timestamp {
    "2026-03-01T00:00:00Z".parse().unwrap()
}

/// A leaf issued by "Tangle CA", `n` self-issued intermediates named "Tangle CA"
/// (each signed by another key), and an anchor of another name: no path exists.
fn tangle(n: usize) -> (ParsedCertificate, TrustStore) {
    let (leaf, intermediates, anchor) = tangle_parts(n);
    let mut store = TrustStore::new();
    store.add_anchor(anchor, true);
    for c in intermediates {
        store.add_intermediate(c);
    }
    (leaf, store)
}

/// The leaf, the same-named intermediates and the unrelated anchor of [`tangle`].
fn tangle_parts(n: usize) -> (ParsedCertificate, Vec<ParsedCertificate>, ParsedCertificate) {
    let key = new_key;
    let root_key = key();
    let root = params("Unrelated Root", true)
        .self_signed(&root_key)
        .unwrap();
    let tangle_p = params("Tangle CA", true);
    let keys: Vec<KeyPair> = (0..n).map(|_| key()).collect();
    let intermediates = keys
        .iter()
        .enumerate()
        .map(|(i, k)| {
            let signer = &keys[(i + 1) % n];
            let c = tangle_p
                .signed_by(k, &Issuer::from_params(&tangle_p, signer))
                .unwrap();
            ParsedCertificate::from_der(c.der()).unwrap()
        })
        .collect();
    let leaf = params("Tangled Leaf", false)
        .signed_by(&key(), &Issuer::from_params(&tangle_p, &keys[0]))
        .unwrap();
    (
        ParsedCertificate::from_der(leaf.der()).unwrap(),
        intermediates,
        ParsedCertificate::from_der(root.der()).unwrap(),
    )
}

#[test]
fn hostile_inputs_cost_bounded_time_and_memory() {
    let crl = crl_issued_by(&name_with_one_rdn_of(20_000));
    assert!(crl.len() > 300_000, "{}", crl.len());
    measure("crl with a 20,000-part issuer", || {
        let e = ParsedCrl::from_der(&crl).unwrap_err();
        assert_eq!(e.code(), "pki.too_large", "{e}");
        assert!(e.to_string().contains("elements of one set"), "{e}");
    });

    let cert = certificate_with_subject(1, &name_with_one_rdn_of(3_000));
    assert!(cert.len() < 64 * 1024);
    measure("certificate with a 3,000-part subject", || {
        let e = ParsedCertificate::from_der(&cert).unwrap_err();
        assert_eq!(e.code(), "pki.too_large", "{e}");
        assert!(e.to_string().contains("elements of one set"), "{e}");
    });

    let store = TrustStore::new();
    for n in [2_000, 8_000] {
        // distinct certificates, in reverse of DER order
        let mut certs: Vec<Vec<u8>> = (0..n)
            .map(|i| certificate_with_subject(i + 1, &name_with_one_rdn_of(1)))
            .collect();
        certs.sort();
        certs.reverse();
        let message = cms_with_certificates(&certs);
        measure(&format!("cms with {n} certificates"), || {
            let e =
                verify_cms(&message, Some(b"x"), &[], &store, &CmsOptions::at(at())).unwrap_err();
            assert_eq!(e.code(), "cms.malformed", "{e}");
            assert!(e.to_string().contains("more than 64 elements"), "{e}");
        });
    }

    // A signed message carries its own tangle: 62 same-named intermediates and
    // the leaf, which all 16 signers (the most a message may have) point at.
    let (leaf, intermediates, anchor) = tangle_parts(62);
    let mut carried: Vec<Vec<u8>> = intermediates.iter().map(|c| c.der().to_vec()).collect();
    carried.push(leaf.der().to_vec());
    let tbs = &leaf.certificate().tbs_certificate;
    let issuer = der::Encode::to_der(&tbs.issuer).unwrap();
    let signer = signer_info(&issuer, tbs.serial_number.as_bytes());
    let message = cms_with_signers(&carried, &vec![signer; 16]);
    let mut store = TrustStore::new();
    store.add_anchor(anchor, true);
    measure(
        "cms carrying 62 same-named intermediates, 16 signers",
        || {
            let report =
                verify_cms(&message, Some(b"x"), &[], &store, &CmsOptions::at(at())).unwrap();
            assert!(!report.valid);
            assert_eq!(report.signers.len(), 16);
            assert!(report
                .signers
                .iter()
                .all(|s| s.certificate.as_ref().is_some_and(|c| !c.valid)));
        },
    );

    for n in [14, 18, 100] {
        let (leaf, store) = tangle(n);
        measure(&format!("{n} same-named intermediates"), || {
            let report = validate(&leaf, &store, &ValidationOptions::at(at()));
            assert!(!report.valid);
            assert!(
                report.has_problem("pki.budget_exhausted")
                    || report.has_problem("pki.no_trusted_root"),
                "{:?}",
                report.problems
            );
        });
    }
}
