//! CMS SignedData verification on the TC26 reference messages: both verify,
//! and altered copies (content, signed attributes, signature, certificate)
//! are refused with their codes; any flipped bit of a signature or of the
//! signed attributes is refused.
//!
//! Reads `tc26/` from `../shared/testdata` (or `KABINET_TESTDATA`) and fails
//! when it is missing.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;

use cms::content_info::ContentInfo;
use cms::signed_data::SignedData;
use der::{Decode, Encode};
use kabinet::cms::{verify_cms, CertificateTime, CmsOptions, CmsReport};
use kabinet::pki::{
    AnchorPolicy, ParsedCertificate, ProfileStrictness, RevocationPolicy, TrustStore,
};
use kabinet::{Coded, Timestamp};
use proptest::prelude::*;

fn tc26() -> PathBuf {
    conformance::folder("tc26", "signed_a111.pem")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(tc26().join(name)).unwrap()
}

/// The message as DER.
fn der_of(name: &str) -> Vec<u8> {
    der::pem::decode_vec(&read(name)).unwrap().1
}

fn store() -> TrustStore {
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&read("root256_cert.pem"), true)
        .unwrap();
    store
}

fn options() -> CmsOptions {
    // The TC26 PKI publishes no CRL: revocation is unknown, accepted with a warning.
    let mut o = CmsOptions::at("2024-06-01T00:00:00Z".parse().unwrap());
    o.validation.revocation = RevocationPolicy::SoftFail;
    // The TC26 root has no basicConstraints: it is an anchor by name and key
    // only; its certificates carry no authorityKeyIdentifier: the relaxed profile.
    o.validation.anchors = AnchorPolicy::NameAndKeyOnly;
    o.validation.profile = ProfileStrictness::Relaxed;
    o
}

fn verify(message: &[u8], content: Option<&[u8]>) -> CmsReport {
    verify_cms(message, content, &[], &store(), &options()).unwrap()
}

fn codes(r: &CmsReport) -> Vec<&'static str> {
    r.signers
        .iter()
        .flat_map(|s| s.problems.iter().map(|p| p.code))
        .collect()
}

#[test]
fn both_tc26_messages_verify_with_their_signers_and_algorithms() {
    let a111 = verify(&read("signed_a111.pem"), None);
    assert!(a111.valid, "{:?}", codes(&a111));
    assert!(!a111.detached);
    assert_eq!(a111.content_type, "1.2.840.113549.1.7.1");
    let s = &a111.signers[0];
    assert!(s.signed_attributes);
    assert_eq!(s.digest_algorithm, "streebog512");
    assert_eq!(s.signature_algorithm, "gost2012-512");
    assert_eq!(
        s.signing_time,
        Some("2019-03-20T19:55:22Z".parse::<Timestamp>().unwrap())
    );
    // validated at the signing time by default
    assert_eq!(s.certificate_checked_at, s.signing_time.unwrap());
    let holder = s.holder.as_ref().unwrap();
    assert_eq!(
        holder.common_name.as_deref(),
        Some("ORIGINATOR: GOST 34.10-12 512-bit")
    );
    assert!(s.certificate.as_ref().unwrap().valid);

    let a121 = verify(&read("signed_a121.pem"), None);
    assert!(a121.valid, "{:?}", codes(&a121));
    let s = &a121.signers[0];
    assert!(!s.signed_attributes);
    assert_eq!(s.signing_time, None);
    assert_eq!(s.digest_algorithm, "streebog256");
    assert_eq!(s.certificate_checked_at, a121.verified_at);
    assert_eq!(
        s.certificate.as_ref().unwrap().path.len(),
        2,
        "sender and root"
    );
}

#[test]
fn the_message_is_read_from_der_as_from_pem() {
    assert!(verify(&der_of("signed_a111.pem"), None).valid);
}

/// The message with its content removed (detached), and the content.
fn detach(name: &str) -> (Vec<u8>, Vec<u8>) {
    let info = ContentInfo::from_der(&der_of(name)).unwrap();
    let mut signed: SignedData = info.content.decode_as().unwrap();
    let content = signed.encap_content_info.econtent.take().unwrap();
    let message = ContentInfo {
        content_type: info.content_type,
        content: der::Any::encode_from(&signed).unwrap(),
    }
    .to_der()
    .unwrap();
    (message, content.value().to_vec())
}

#[test]
fn detached_content_verifies_when_supplied_and_is_refused_when_altered() {
    for name in ["signed_a111.pem", "signed_a121.pem"] {
        let (detached, plain) = detach(name);
        let report = verify(&detached, Some(&plain));
        assert!(report.valid, "{name}: {:?}", codes(&report));
        assert!(report.detached);
        let mut altered = plain.clone();
        altered[0] ^= 1;
        let report = verify(&detached, Some(&altered));
        assert!(!report.valid);
        let expected = if name == "signed_a111.pem" {
            "cms.digest_mismatch"
        } else {
            "cms.bad_signature"
        };
        assert_eq!(codes(&report), [expected], "{name}");
        let err = verify_cms(&detached, None, &[], &store(), &options()).unwrap_err();
        assert_eq!(err.code(), "cms.content_missing");
    }
    // attached, and a different copy supplied
    let err = verify_cms(
        &read("signed_a111.pem"),
        Some(b"other"),
        &[],
        &store(),
        &options(),
    )
    .unwrap_err();
    assert_eq!(err.code(), "cms.content_conflict");
}

/// Replaces the first occurrence of `from` in `bytes` by `to` (same length).
fn patch(bytes: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let at = bytes
        .windows(from.len())
        .position(|w| w == from)
        .expect("pattern present");
    let mut out = bytes.to_vec();
    out[at..at + to.len()].copy_from_slice(to);
    out
}

#[test]
fn altered_content_attributes_signature_and_certificate_get_their_codes() {
    let der = der_of("signed_a111.pem");
    let plain = detach("signed_a111.pem").1;
    // content: the first bytes of the attached text
    let content = patch(&der, &plain[..16], b"XXXXXXXXXXXXXXXX");
    assert_eq!(codes(&verify(&content, None)), ["cms.digest_mismatch"]);
    // signed attributes: the signing time moved by a year (2019 -> 2018)
    let attrs = patch(&der, b"190320195522Z", b"180320195522Z");
    assert_eq!(codes(&verify(&attrs, None)), ["cms.bad_signature"]);
    // signature: its last byte
    let info = ContentInfo::from_der(&der).unwrap();
    let signed: SignedData = info.content.decode_as().unwrap();
    let sig = signed.signer_infos.0.get(0).unwrap().signature.as_bytes();
    let mut flipped = sig.to_vec();
    *flipped.last_mut().unwrap() ^= 0x80;
    assert_eq!(
        codes(&verify(&patch(&der, sig, &flipped), None)),
        ["cms.bad_signature"]
    );
    // certificate: a byte of the sender certificate's own signature -> path invalid
    let sender = ParsedCertificate::from_der_or_pem(&read("sender512_cert.pem")).unwrap();
    let cert_sig = sender.certificate().signature.raw_bytes();
    let mut bad = cert_sig.to_vec();
    bad[10] ^= 1;
    let report = verify(&patch(&der, cert_sig, &bad), None);
    assert_eq!(codes(&report), ["cms.certificate_invalid"]);
    assert!(report.signers[0]
        .certificate
        .as_ref()
        .unwrap()
        .has_problem("pki.bad_signature"));
    // an untrusted anchor: no path
    let report = verify_cms(&der, None, &[], &TrustStore::new(), &options()).unwrap();
    assert_eq!(codes(&report), ["cms.certificate_invalid"]);
}

#[test]
fn the_validation_time_is_a_policy_and_future_signatures_are_refused() {
    let mut o = options();
    o.certificate_time = CertificateTime::Verification;
    let r = verify_cms(&read("signed_a111.pem"), None, &[], &store(), &o).unwrap();
    assert!(r.valid);
    assert_eq!(r.signers[0].certificate_checked_at, r.verified_at);
    // verified before it was signed
    o.validation.at = "2019-01-01T00:00:00Z".parse().unwrap();
    let r = verify_cms(&read("signed_a111.pem"), None, &[], &store(), &o).unwrap();
    assert_eq!(codes(&r), ["cms.signing_time_in_future"]);
    // after the certificates expire (2049): at the verification time it is invalid
    o.validation.at = "2050-01-01T00:00:00Z".parse().unwrap();
    let r = verify_cms(&read("signed_a111.pem"), None, &[], &store(), &o).unwrap();
    assert_eq!(codes(&r), ["cms.certificate_invalid"]);
    // ... and at the signing time it is valid
    o.certificate_time = CertificateTime::SigningTime;
    let r = verify_cms(&read("signed_a111.pem"), None, &[], &store(), &o).unwrap();
    assert!(r.valid, "{:?}", codes(&r));
}

#[test]
fn a_signer_supplied_separately_is_found_when_the_message_has_none() {
    let info = ContentInfo::from_der(&der_of("signed_a121.pem")).unwrap();
    let mut signed: SignedData = info.content.decode_as().unwrap();
    signed.certificates = None;
    let bare = ContentInfo {
        content_type: info.content_type,
        content: der::Any::encode_from(&signed).unwrap(),
    }
    .to_der()
    .unwrap();
    assert_eq!(codes(&verify(&bare, None)), ["cms.signer_not_found"]);
    let sender = ParsedCertificate::from_der_or_pem(&read("sender256_cert.pem")).unwrap();
    let r = verify_cms(&bare, None, &[sender], &store(), &options()).unwrap();
    assert!(r.valid, "{:?}", codes(&r));
}

#[test]
fn garbage_and_other_content_types_are_refused() {
    let err = |bytes: &[u8]| {
        verify_cms(bytes, None, &[], &store(), &options())
            .unwrap_err()
            .code()
    };
    assert_eq!(err(b""), "cms.malformed");
    assert_eq!(
        err(b"-----BEGIN CMS-----\n!!\n-----END CMS-----\n"),
        "cms.malformed"
    );
    let data = ContentInfo {
        content_type: const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1"),
        content: der::Any::encode_from(&der::asn1::OctetString::new(b"x".to_vec()).unwrap())
            .unwrap(),
    }
    .to_der()
    .unwrap();
    assert_eq!(err(&data), "cms.not_signed_data");
}

/// The byte ranges of the signature and of the signed attributes' body in the DER of a111.
fn mutable_ranges() -> (Vec<u8>, std::ops::Range<usize>, std::ops::Range<usize>) {
    let der = der_of("signed_a111.pem");
    let info = ContentInfo::from_der(&der).unwrap();
    let signed: SignedData = info.content.decode_as().unwrap();
    let signer = signed.signer_infos.0.get(0).unwrap();
    let find = |needle: &[u8]| {
        let at = der.windows(needle.len()).position(|w| w == needle).unwrap();
        at..at + needle.len()
    };
    let sig = find(signer.signature.as_bytes());
    let attrs = signer.signed_attrs.as_ref().unwrap().to_der().unwrap();
    // in the message the SET carries the tag [0]; its body is identical
    let attrs = find(&attrs[1..]);
    (der, sig, attrs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_flipped_bit_of_the_signature_or_signed_attributes_is_refused(
        in_signature in any::<bool>(),
        offset in any::<prop::sample::Index>(),
        bit in 0u8..8,
    ) {
        let (der, sig, attrs) = mutable_ranges();
        let range = if in_signature { sig } else { attrs };
        let at = range.start + offset.index(range.len());
        let mut bad = der.clone();
        bad[at] ^= 1 << bit;
        match verify_cms(&bad, None, &[], &store(), &options()) {
            Ok(r) => prop_assert!(!r.valid, "byte {at} bit {bit} accepted"),
            Err(e) => prop_assert_eq!(e.code(), "cms.malformed"),
        }
    }
}
