//! Attacks on certificate validation, each refused with its code: a second
//! subjectAltName slipping past name constraints, names of forms the
//! constraints do not process, URIs outside a URI subtree, malformed names,
//! duplicate extensions in CRLs, and anchors that are not fit to be anchors
//! (refused unless the caller chooses to take anchors by name and key only).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[path = "support/der_bytes.rs"]
mod der_bytes;
#[path = "support/rcgen_pki.rs"]
mod rcgen_pki;

use der_bytes::{oid, seq, tlv};
use kabinet::pki::{
    validate, AnchorPolicy, ParsedCertificate, ParsedCrl, RevocationPolicy, TrustStore,
    ValidationOptions, ValidationReport,
};
use kabinet::{Coded, Timestamp};
use rcgen::{
    date_time_ymd, CertificateParams, CertificateRevocationListParams, CustomExtension, IsCa,
    Issuer, KeyIdMethod, KeyUsagePurpose, SanType, SerialNumber,
};
use rcgen_pki::{key, params};

const SAN: &[u64] = &[2, 5, 29, 17];
const NAME_CONSTRAINTS: &[u64] = &[2, 5, 29, 30];

fn at() -> Timestamp {
    "2026-03-01T00:00:00Z".parse().unwrap()
}

/// A critical nameConstraints extension with `permitted` and `excluded` subtrees
/// (each an encoded GeneralName).
fn name_constraints(permitted: &[Vec<u8>], excluded: &[Vec<u8>]) -> CustomExtension {
    let subtrees = |tag: u8, names: &[Vec<u8>]| {
        let body: Vec<u8> = names.iter().flat_map(|n| seq(&[n])).collect();
        (!names.is_empty()).then(|| tlv(tag, &body))
    };
    let body: Vec<u8> = [subtrees(0xA0, permitted), subtrees(0xA1, excluded)]
        .into_iter()
        .flatten()
        .flatten()
        .collect();
    let mut ext = CustomExtension::from_oid_content(NAME_CONSTRAINTS, tlv(0x30, &body));
    ext.set_criticality(true);
    ext
}

fn dns(name: &str) -> Vec<u8> {
    tlv(0x82, name.as_bytes())
}
fn uri(name: &str) -> Vec<u8> {
    tlv(0x86, name.as_bytes())
}
/// An otherName of type 1.2.3.4 holding a UTF8String.
fn other_name(value: &str) -> Vec<u8> {
    tlv(
        0xA0,
        &[
            oid(&[0x2A, 0x03, 0x04]),
            tlv(0xA0, &tlv(0x0C, value.as_bytes())),
        ]
        .concat(),
    )
}

/// A root with `constraints` and a leaf it issues with `leaf` applied to its params.
fn constrained(
    constraints: CustomExtension,
    leaf: impl FnOnce(&mut CertificateParams),
) -> ValidationReport {
    let root_key = key();
    let mut root_p = params("Constrained Root", true);
    root_p.custom_extensions.push(constraints);
    let root = root_p.self_signed(&root_key).unwrap();
    let mut leaf_p = params("Leaf", false);
    leaf(&mut leaf_p);
    let leaf = leaf_p
        .signed_by(&key(), &Issuer::from_params(&root_p, &root_key))
        .unwrap();
    let mut store = TrustStore::new();
    store.add_anchor(ParsedCertificate::from_der(root.der()).unwrap(), false);
    let mut options = ValidationOptions::at(at());
    options.revocation = RevocationPolicy::SoftFail;
    validate(
        &ParsedCertificate::from_der(leaf.der()).unwrap(),
        &store,
        &options,
    )
}

fn codes(r: &ValidationReport) -> Vec<&'static str> {
    r.problems.iter().map(|p| p.code).collect()
}

#[test]
fn a_second_subject_alt_name_does_not_slip_past_name_constraints() {
    // The first SAN (evil.test) breaks the constraint; a reader that kept the
    // last copy would only see ok.example.com.
    let r = constrained(name_constraints(&[dns("example.com")], &[]), |p| {
        p.subject_alt_names = vec![SanType::DnsName("evil.test".try_into().unwrap())];
        let second = seq(&[&dns("ok.example.com")]);
        p.custom_extensions
            .push(CustomExtension::from_oid_content(SAN, second));
    });
    assert!(!r.valid);
    assert!(
        codes(&r).contains(&"pki.duplicate_extension"),
        "{:?}",
        codes(&r)
    );
    // and a single, permitted SAN passes
    let r = constrained(name_constraints(&[dns("example.com")], &[]), |p| {
        p.subject_alt_names = vec![SanType::DnsName("ok.example.com".try_into().unwrap())];
    });
    assert!(r.valid, "{:?}", codes(&r));
}

#[test]
fn uris_are_held_to_uri_subtrees_by_host() {
    let nc = || name_constraints(&[uri(".example.com")], &[]);
    let with = |u: &'static str| {
        move |p: &mut CertificateParams| {
            p.subject_alt_names = vec![SanType::URI(u.try_into().unwrap())];
        }
    };
    assert!(constrained(nc(), with("https://portal.example.com/a")).valid);
    let r = constrained(nc(), with("https://evil.test/portal.example.com"));
    assert_eq!(codes(&r), ["pki.name_constraints"]);
    // a URI without a host cannot be shown to lie in the subtree
    let r = constrained(nc(), with("urn:example:portal"));
    assert_eq!(codes(&r), ["pki.name_constraints"]);
}

#[test]
fn constraints_of_unprocessed_forms_refuse_names_of_that_form_only() {
    let excluded = || name_constraints(&[], &[other_name("forbidden")]);
    let r = constrained(excluded(), |p| {
        p.subject_alt_names = vec![SanType::OtherName((vec![1, 2, 3, 4], "anything".into()))];
    });
    assert_eq!(codes(&r), ["pki.name_constraints_unsupported"]);
    // no otherName below: the constraint has nothing to apply to
    let r = constrained(excluded(), |p| {
        p.subject_alt_names = vec![SanType::DnsName("host.example.com".try_into().unwrap())];
    });
    assert!(r.valid, "{:?}", codes(&r));
}

#[test]
fn malformed_names_are_refused_with_or_without_constraints() {
    for bad in ["foo_bar.example.com", ".example.com", "a..example.com"] {
        let r = constrained(name_constraints(&[dns("example.com")], &[]), |p| {
            p.custom_extensions
                .push(CustomExtension::from_oid_content(SAN, seq(&[&dns(bad)])));
        });
        assert!(
            codes(&r).contains(&"pki.invalid_name"),
            "{bad}: {:?}",
            codes(&r)
        );
    }
    // a malformed constraint refuses the issuer that carries it
    let r = constrained(name_constraints(&[dns("*.example.com")], &[]), |_| {});
    assert_eq!(codes(&r), ["pki.invalid_name"]);
    assert_eq!(r.problems[0].certificate, Some(1));
}

/// A change made to a root's parameters.
type RootChange = dyn Fn(&mut CertificateParams);

/// A root (self-signed) customized by `root`, and a leaf it issues.
fn with_root(root: impl FnOnce(&mut CertificateParams), policy: AnchorPolicy) -> ValidationReport {
    let root_key = key();
    let mut root_p = params("Anchor", true);
    root(&mut root_p);
    let root_cert = root_p.self_signed(&root_key).unwrap();
    let leaf = params("Leaf", false)
        .signed_by(&key(), &Issuer::from_params(&root_p, &root_key))
        .unwrap();
    let mut store = TrustStore::new();
    store.add_anchor(ParsedCertificate::from_der(root_cert.der()).unwrap(), false);
    let mut options = ValidationOptions::at(at());
    options.revocation = RevocationPolicy::SoftFail;
    options.anchors = policy;
    validate(
        &ParsedCertificate::from_der(leaf.der()).unwrap(),
        &store,
        &options,
    )
}

#[test]
fn anchors_are_checked_as_certificates_unless_taken_by_name_and_key() {
    let expired = |p: &mut CertificateParams| p.not_after = date_time_ymd(2026, 1, 1);
    let not_ca = |p: &mut CertificateParams| p.is_ca = IsCa::ExplicitNoCa;
    let no_cert_sign = |p: &mut CertificateParams| p.key_usages = vec![KeyUsagePurpose::CrlSign];
    let unknown_critical = |p: &mut CertificateParams| {
        let mut e = CustomExtension::from_oid_content(&[1, 2, 3, 4, 5], vec![0x05, 0x00]);
        e.set_criticality(true);
        p.custom_extensions.push(e);
    };
    let cases: [(&str, &RootChange); 4] = [
        ("pki.expired", &expired),
        ("pki.not_ca", &not_ca),
        ("pki.key_usage", &no_cert_sign),
        ("pki.unknown_critical_extension", &unknown_critical),
    ];
    for (code, change) in cases {
        let r = with_root(change, AnchorPolicy::Certificate);
        assert!(!r.valid, "{code}");
        let on_anchor: Vec<&str> = r
            .problems
            .iter()
            .filter(|p| p.certificate == Some(1))
            .map(|p| p.code)
            .collect();
        assert!(on_anchor.contains(&code), "{code}: {:?}", codes(&r));
        let r = with_root(change, AnchorPolicy::NameAndKeyOnly);
        assert!(r.valid, "{code} by name and key: {:?}", codes(&r));
    }
    assert!(with_root(|_| {}, AnchorPolicy::Certificate).valid);
}

#[test]
fn crls_with_duplicate_or_missing_fields_are_refused_when_read() {
    let root_key = key();
    let root_p = params("CRL Root", true);
    let issuer = Issuer::from_params(&root_p, &root_key);
    let crl = |number: Option<u64>| {
        CertificateRevocationListParams {
            this_update: date_time_ymd(2026, 2, 1),
            next_update: date_time_ymd(2026, 4, 1),
            crl_number: SerialNumber::from(number.unwrap_or(1)),
            issuing_distribution_point: None,
            revoked_certs: vec![],
            key_identifier_method: KeyIdMethod::Sha256,
        }
        .signed_by(&issuer)
        .unwrap()
        .der()
        .to_vec()
    };
    let good = crl(Some(5));
    assert!(ParsedCrl::from_der(&good).is_ok());
    // The CRL's extensions are its last field of tbsCertList ([0] EXPLICIT);
    // re-encode with the cRLNumber repeated or removed (signature not checked at read).
    let parsed = ParsedCrl::from_der(&good).unwrap();
    let number = parsed
        .crl()
        .tbs_cert_list
        .crl_extensions
        .as_ref()
        .unwrap()
        .iter()
        .find(|e| e.extn_id.to_string() == "2.5.29.20")
        .cloned()
        .unwrap();
    let rewrite = |extensions: Vec<x509_cert::ext::Extension>| {
        use der::Encode;
        let mut list = parsed.crl().clone();
        list.tbs_cert_list.crl_extensions = Some(extensions);
        list.to_der().unwrap()
    };
    let e = ParsedCrl::from_der(&rewrite(vec![number.clone(), number.clone()])).unwrap_err();
    assert_eq!(e.code(), "pki.duplicate_extension");
    let e = ParsedCrl::from_der(&rewrite(vec![])).unwrap_err();
    assert_eq!(e.code(), "pki.crl_number_missing");
    let mut critical = number;
    critical.critical = true;
    let e = ParsedCrl::from_der(&rewrite(vec![critical])).unwrap_err();
    assert_eq!(e.code(), "pki.crl_number_critical");
}
