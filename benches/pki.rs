//! Certificate path validation: a 3-certificate ECDSA P-256 path with CRLs,
//! against the bare signature verifications of the same path (ring) and
//! against rustls-webpki on the same path, in the same run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::pki::{validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::Timestamp;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertificateRevocationListParams, DnType,
    IsCa, Issuer, KeyIdMethod, KeyPair, KeyUsagePurpose, SerialNumber, PKCS_ECDSA_P256_SHA256,
};
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_ASN1};
use rustls_pki_types::{CertificateDer, UnixTime};
use webpki::{
    anchor_from_trusted_cert, BorrowedCertRevocationList, CertRevocationList, EndEntityCert,
    ExpirationPolicy, KeyUsage, RevocationCheckDepth, RevocationOptionsBuilder,
    UnknownStatusPolicy,
};

struct Path {
    root: Vec<u8>,
    ca: Vec<u8>,
    leaf: Vec<u8>,
    root_crl: Vec<u8>,
    ca_crl: Vec<u8>,
}

fn params(cn: &str, ca: bool, serial: u64) -> CertificateParams {
    let mut p = CertificateParams::default();
    p.distinguished_name.push(DnType::CountryName, "RU");
    p.distinguished_name.push(DnType::CommonName, cn);
    p.serial_number = Some(SerialNumber::from(serial));
    p.not_before = date_time_ymd(2025, 1, 1);
    p.not_after = date_time_ymd(2030, 1, 1);
    p.key_identifier_method = KeyIdMethod::Sha256;
    p.use_authority_key_identifier_extension = true;
    if ca {
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    } else {
        p.is_ca = IsCa::ExplicitNoCa;
        p.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    }
    p
}

fn crl(issuer: &Issuer<'_, &KeyPair>) -> Vec<u8> {
    CertificateRevocationListParams {
        this_update: date_time_ymd(2026, 2, 25),
        next_update: date_time_ymd(2026, 3, 10),
        crl_number: SerialNumber::from(1u64),
        issuing_distribution_point: None,
        revoked_certs: Vec::new(),
        key_identifier_method: KeyIdMethod::Sha256,
    }
    .signed_by(issuer)
    .unwrap()
    .der()
    .to_vec()
}

fn make_path() -> Path {
    let key = || KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let (root_key, ca_key, leaf_key) = (key(), key(), key());
    let root_p = params("Bench Root", true, 1);
    let root = root_p.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::from_params(&root_p, &root_key);
    let ca_p = params("Bench CA", true, 2);
    let ca = ca_p.signed_by(&ca_key, &root_issuer).unwrap();
    let ca_issuer = Issuer::from_params(&ca_p, &ca_key);
    let leaf = params("Bench Leaf", false, 3)
        .signed_by(&leaf_key, &ca_issuer)
        .unwrap();
    Path {
        root: root.der().to_vec(),
        ca: ca.der().to_vec(),
        leaf: leaf.der().to_vec(),
        root_crl: crl(&root_issuer),
        ca_crl: crl(&ca_issuer),
    }
}

/// A trust store that has validated nothing: the path's root as an
/// accredited anchor, its CA as intermediate, both CRLs, parsed from DER.
fn store_of(p: &Path) -> TrustStore {
    let mut store = TrustStore::new();
    store.add_anchor(ParsedCertificate::from_der(&p.root).unwrap(), true);
    store.add_intermediate(ParsedCertificate::from_der(&p.ca).unwrap());
    store.add_crl(ParsedCrl::from_der(&p.root_crl).unwrap());
    store.add_crl(ParsedCrl::from_der(&p.ca_crl).unwrap());
    store
}

fn bench(c: &mut Criterion) {
    let p = make_path();
    let at: Timestamp = "2026-03-01T00:00:00Z".parse().unwrap();

    // kabinet: store built once (anchors, intermediates and CRLs are parsed when loaded);
    // the leaf is parsed and validated in each iteration. The store remembers the CRL
    // signatures it verified (first validation below): each iteration verifies the two
    // certificate signatures and checks the CRLs' times, scope and entries.
    let store = store_of(&p);
    let options = ValidationOptions::at(at);
    let report = validate(
        &ParsedCertificate::from_der(&p.leaf).unwrap(),
        &store,
        &options,
    );
    assert!(report.valid, "{:?}", report.problems);

    // Bare: the four signatures of the same path (two certificates, two CRLs).
    let key_of = |der: &[u8]| {
        let c = ParsedCertificate::from_der(der).unwrap();
        c.certificate()
            .tbs_certificate
            .subject_public_key_info
            .subject_public_key
            .raw_bytes()
            .to_vec()
    };
    let signed_cert = |der: &[u8]| {
        let c = ParsedCertificate::from_der(der).unwrap();
        (
            c.tbs_der().to_vec(),
            c.certificate().signature.raw_bytes().to_vec(),
        )
    };
    let signed_crl = |der: &[u8]| {
        let c = ParsedCrl::from_der(der).unwrap();
        (c.tbs_der().to_vec(), c.crl().signature.raw_bytes().to_vec())
    };
    let (root_key, ca_key) = (key_of(&p.root), key_of(&p.ca));
    let checks = [
        (root_key.clone(), signed_cert(&p.ca)),
        (ca_key.clone(), signed_cert(&p.leaf)),
        (root_key, signed_crl(&p.root_crl)),
        (ca_key, signed_crl(&p.ca_crl)),
    ];
    // The two certificate signatures only: what kabinet verifies per iteration.
    let cert_checks = &checks[..2];
    for (key, (msg, sig)) in &checks {
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, key)
            .verify(msg, sig)
            .unwrap();
    }

    // webpki: anchors and CRLs parsed once, the leaf and the intermediate per iteration.
    let root_der = CertificateDer::from(p.root.clone());
    let anchors = [anchor_from_trusted_cert(&root_der).unwrap()];
    let intermediates = [CertificateDer::from(p.ca.clone())];
    let crls = [
        CertRevocationList::Borrowed(BorrowedCertRevocationList::from_der(&p.root_crl).unwrap()),
        CertRevocationList::Borrowed(BorrowedCertRevocationList::from_der(&p.ca_crl).unwrap()),
    ];
    let crl_refs: Vec<&CertRevocationList<'_>> = crls.iter().collect();
    let time = UnixTime::since_unix_epoch(std::time::Duration::from_secs(
        at.as_second().unsigned_abs(),
    ));
    let leaf_der = CertificateDer::from(p.leaf.clone());
    let webpki_validate = || {
        let revocation = RevocationOptionsBuilder::new(&crl_refs)
            .unwrap()
            .with_depth(RevocationCheckDepth::Chain)
            .with_status_policy(UnknownStatusPolicy::Deny)
            .with_expiration_policy(ExpirationPolicy::Enforce)
            .build();
        let ee = EndEntityCert::try_from(&leaf_der).unwrap();
        ee.verify_for_usage(
            webpki::ALL_VERIFICATION_ALGS,
            &anchors,
            &intermediates,
            time,
            KeyUsage::client_auth(),
            Some(revocation),
            None,
        )
        .map(|_| ())
    };
    webpki_validate().unwrap();

    let parsed_leaf = ParsedCertificate::from_der(&p.leaf).unwrap();
    interleaved_summary(&[
        ("bare signatures (ring)", &|| {
            for (key, (msg, sig)) in &checks {
                UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, black_box(key))
                    .verify(msg, sig)
                    .unwrap();
            }
        }),
        ("bare cert signatures (2)", &|| {
            for (key, (msg, sig)) in cert_checks {
                UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, black_box(key))
                    .verify(msg, sig)
                    .unwrap();
            }
        }),
        ("kabinet", &|| {
            let leaf = ParsedCertificate::from_der(black_box(&p.leaf)).unwrap();
            assert!(validate(&leaf, &store, &options).valid);
        }),
        ("rustls-webpki", &|| webpki_validate().unwrap()),
        // A store that has validated nothing yet: built from the DER of the
        // anchor, the intermediate and both CRLs, then the leaf parsed and
        // validated, so all four signatures are verified (webpki parses its
        // CRLs and extracts its anchor once, outside its iterations).
        ("kabinet, cold store", &|| {
            let cold = store_of(black_box(&p));
            let leaf = ParsedCertificate::from_der(black_box(&p.leaf)).unwrap();
            assert!(validate(&leaf, &cold, &options).valid);
        }),
        ("kabinet parse leaf only", &|| {
            black_box(ParsedCertificate::from_der(black_box(&p.leaf)).unwrap());
        }),
        ("kabinet validate only", &|| {
            assert!(validate(black_box(&parsed_leaf), &store, &options).valid);
        }),
    ]);

    let mut g = c.benchmark_group("certificate path validation (3 x ECDSA P-256, 2 CRLs)");
    g.bench_function("bare signatures (ring, 4 verifications)", |b| {
        b.iter(|| {
            for (key, (msg, sig)) in &checks {
                UnparsedPublicKey::new(&ECDSA_P256_SHA256_ASN1, black_box(key))
                    .verify(msg, sig)
                    .unwrap();
            }
        })
    });
    g.bench_function("kabinet parse leaf + validate", |b| {
        b.iter(|| {
            let leaf = ParsedCertificate::from_der(black_box(&p.leaf)).unwrap();
            let r = validate(&leaf, &store, &options);
            assert!(r.valid);
        })
    });
    g.bench_function("rustls-webpki verify_for_usage", |b| {
        b.iter(|| webpki_validate().unwrap())
    });
    g.bench_function("kabinet parse leaf only", |b| {
        b.iter(|| ParsedCertificate::from_der(black_box(&p.leaf)).unwrap())
    });
    g.bench_function("kabinet validate (leaf already parsed)", |b| {
        b.iter(|| assert!(validate(black_box(&parsed_leaf), &store, &options).valid))
    });
    g.finish();
}

/// The machine is shared: criterion's groups run one after another, so a change
/// of load between them distorts the comparison. This runs the variants in
/// alternation (rounds of 20 iterations each) and prints the minimum and the
/// median time per iteration of each, so the ratios compare like with like.
/// Percentages are against the first variant, and for the minimum also against
/// the second.
fn interleaved_summary(variants: &[(&str, &dyn Fn())]) {
    // `cargo test` runs benches once as tests, without `--bench`: no summary then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    const ROUNDS: usize = 300;
    const BATCH: u32 = 20;
    let mut times: Vec<Vec<f64>> = vec![Vec::with_capacity(ROUNDS); variants.len()];
    for _ in 0..ROUNDS {
        for (i, (_, run)) in variants.iter().enumerate() {
            let start = std::time::Instant::now();
            for _ in 0..BATCH {
                run();
            }
            times[i].push(start.elapsed().as_secs_f64() * 1e6 / f64::from(BATCH));
        }
    }
    let stats: Vec<(f64, f64)> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            (t[0], t[t.len() / 2])
        })
        .collect();
    let (base_min, base_median) = stats[0];
    let (second_min, _) = stats[1];
    println!(
        "interleaved ({ROUNDS} rounds of {BATCH} iterations), per iteration \
         (percentages: against the first variant; min also against the second):"
    );
    for ((name, _), (min, median)) in variants.iter().zip(&stats) {
        println!(
            "  {name:<26} min {min:8.1} us ({:+.1}% / {:+.1}%)   median {median:8.1} us ({:+.1}%)",
            (min / base_min - 1.0) * 100.0,
            (min / second_min - 1.0) * 100.0,
            (median / base_median - 1.0) * 100.0
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
