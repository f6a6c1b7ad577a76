//! CMS SignedData verification speed.
//!
//! * `cms/verify_tc26_256`: the whole verification of `tc26/signed_a121.pem`
//!   (256-bit GOST signer, no signed attributes): decoding, signer lookup,
//!   Streebog-256 of the content, the signature, and the validation of the
//!   sender's path to `root256_cert.pem` (one more GOST signature).
//!
//! * `mchd/parse`: reading the real signed power of attorney of `mchd/valid/`
//!   (EMCHD_1 XML, 35 classifier powers), every identifier checked.
//! * `mchd/verify_signed`: that power with its detached CAdES-T signature:
//!   parsing, Streebog-256 of the file, the signer's GOST signature, its path
//!   through the FNS CA to the Минцифры root, the timestamp token's signature
//!   and the authority's path through the Tensor CA — six GOST verifications.
//!
//! Run: `cargo bench --bench cms`. The data comes from `$KABINET_TESTDATA`
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
use kabinet::cms::{verify_cms, CmsOptions};
use kabinet::pki::{AnchorPolicy, ProfileStrictness, RevocationPolicy, TrustStore};

fn tc26() -> PathBuf {
    common::conformance::folder("tc26", "signed_a121.pem")
}

fn bench(c: &mut Criterion) {
    let dir = tc26();
    let message = std::fs::read(dir.join("signed_a121.pem")).expect("tc26 test data");
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&std::fs::read(dir.join("root256_cert.pem")).unwrap(), true)
        .unwrap();
    let mut options = CmsOptions::at("2024-06-01T00:00:00Z".parse().unwrap());
    options.validation.revocation = RevocationPolicy::SoftFail;
    // The TC26 root has no basicConstraints, its certificates no authorityKeyIdentifier.
    options.validation.anchors = AnchorPolicy::NameAndKeyOnly;
    options.validation.profile = ProfileStrictness::Relaxed;
    assert!(
        verify_cms(&message, None, &[], &store, &options)
            .unwrap()
            .valid
    );
    c.bench_function("cms/verify_tc26_256", |b| {
        b.iter(|| verify_cms(&message, None, &[], &store, &options).unwrap())
    });
}

fn bench_mchd(c: &mut Criterion) {
    use common::conformance::fns_power::{options, signed, store};
    use kabinet::delegation::fns_xml::{parse_fns_power, verify_signed_power};
    let (xml, sig) = signed();
    let store = store();
    let options = options("2024-12-03T09:00:00Z");
    let report = verify_signed_power(&xml, &sig, &[], &store, &options).unwrap();
    assert!(report.valid && report.signature.signers[0].timestamps[0].valid);
    c.bench_function("mchd/parse", |b| b.iter(|| parse_fns_power(&xml).unwrap()));
    c.bench_function("mchd/verify_signed", |b| {
        b.iter(|| verify_signed_power(&xml, &sig, &[], &store, &options).unwrap())
    });
}

criterion_group!(benches, bench, bench_mchd);
criterion_main!(benches);
