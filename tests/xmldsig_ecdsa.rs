//! XML signatures outside GOST: an ECDSA P-256 / SHA-256 signature (value as
//! raw r ‖ s, W3C `xmldsig-more#ecdsa-sha256`) made at test time with ring
//! over a document whose Reference names an element by `Id`, with the
//! signer's certificate from an rcgen PKI in KeyInfo. The canonical forms
//! the signer hashes come from the library's canonicalizer (checked against
//! the W3C examples in its own tests); what this test checks is the
//! verifier's path for a non-GOST key: the value's DER conversion, ring's
//! check, the certificate path, and that a changed byte anywhere signed is
//! caught.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use base64ct::{Base64, Encoding};
use kabinet::pki::{RevocationPolicy, TrustStore, ValidationOptions};
use kabinet::xml::c14n::{canonicalize, C14nMode};
use kabinet::xml::{parse_bounded, XmlLimits};
use kabinet::xmldsig::verify_xml;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, PKCS_ECDSA_P256_SHA256,
};
use ring::signature::{EcdsaKeyPair, ECDSA_P256_SHA256_FIXED_SIGNING};

const LIMITS: XmlLimits = XmlLimits {
    nodes: 10_000,
    depth: 64,
};
const EXC: &str = "http://www.w3.org/2001/10/xml-exc-c14n#";

struct Signer {
    root: Vec<u8>,
    leaf: Vec<u8>,
    key: EcdsaKeyPair,
}

fn signer() -> Signer {
    let root_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let mut root = CertificateParams::default();
    root.distinguished_name
        .push(DnType::CommonName, "XML test root");
    root.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    root.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    root.not_before = date_time_ymd(2020, 1, 1);
    root.not_after = date_time_ymd(2040, 1, 1);
    let root_cert = root.self_signed(&root_key).unwrap();
    let issuer = Issuer::from_params(&root, &root_key);
    let leaf_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
    let mut leaf = CertificateParams::default();
    leaf.distinguished_name
        .push(DnType::CommonName, "XML test signer");
    leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    leaf.not_before = date_time_ymd(2025, 1, 1);
    leaf.not_after = date_time_ymd(2030, 1, 1);
    leaf.use_authority_key_identifier_extension = true;
    let leaf_cert = leaf.signed_by(&leaf_key, &issuer).unwrap();
    let rng = ring::rand::SystemRandom::new();
    let key = EcdsaKeyPair::from_pkcs8(
        &ECDSA_P256_SHA256_FIXED_SIGNING,
        &leaf_key.serialize_der(),
        &rng,
    )
    .unwrap();
    Signer {
        root: root_cert.der().to_vec(),
        leaf: leaf_cert.der().to_vec(),
        key,
    }
}

fn document(digest: &str, value: &str, leaf: &str) -> String {
    format!(
        r##"<Envelope xmlns="urn:example:envelope"><Body Id="body"><Amount currency="RUB">1000.00</Amount><Payee>ООО «Пример»</Payee></Body><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="{EXC}"/><ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256"/><ds:Reference URI="#body"><ds:Transforms><ds:Transform Algorithm="{EXC}"/></ds:Transforms><ds:DigestMethod Algorithm="http://www.w3.org/2001/04/xmlenc#sha256"/><ds:DigestValue>{digest}</ds:DigestValue></ds:Reference></ds:SignedInfo><ds:SignatureValue>{value}</ds:SignatureValue><ds:KeyInfo><ds:X509Data><ds:X509Certificate>{leaf}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature></Envelope>"##
    )
}

fn exclusive(text: &str, tag: &str) -> String {
    let doc = parse_bounded(text, LIMITS).unwrap();
    let node = doc
        .descendants()
        .find(|n| n.tag_name().name() == tag)
        .unwrap();
    canonicalize(
        node,
        &C14nMode::Exclusive {
            inclusive_prefixes: Vec::new(),
        },
        &|_| false,
    )
}

/// A document signed by `s`: the Body's digest, then the value over SignedInfo.
fn signed(s: &Signer) -> String {
    let leaf = Base64::encode_string(&s.leaf);
    let draft = document("", "", &leaf);
    let body = exclusive(&draft, "Body");
    let digest = Base64::encode_string(
        ring::digest::digest(&ring::digest::SHA256, body.as_bytes()).as_ref(),
    );
    let with_digest = document(&digest, "", &leaf);
    let signed_info = exclusive(&with_digest, "SignedInfo");
    let rng = ring::rand::SystemRandom::new();
    let value = s.key.sign(&rng, signed_info.as_bytes()).unwrap();
    document(&digest, &Base64::encode_string(value.as_ref()), &leaf)
}

fn verify(s: &Signer, xml: &str) -> kabinet::xmldsig::XmlDsigReport {
    let mut store = TrustStore::new();
    store.add_anchors_from_bytes(&s.root, false).unwrap();
    let mut options = ValidationOptions::at("2026-03-01T00:00:00Z".parse().unwrap());
    options.revocation = RevocationPolicy::SoftFail;
    verify_xml(xml.as_bytes(), &[], &store, &options).unwrap()
}

fn codes(report: &kabinet::xmldsig::XmlDsigReport) -> Vec<&'static str> {
    report.signatures[0]
        .problems
        .iter()
        .map(|p| p.code)
        .collect()
}

#[test]
fn an_ecdsa_p256_signature_by_id_verifies() {
    let s = signer();
    let xml = signed(&s);
    let report = verify(&s, &xml);
    assert!(report.valid, "{:#?}", report.signatures[0].problems);
    let signature = &report.signatures[0];
    assert!(signature.signature_value_valid);
    assert_eq!(signature.references[0].uri, "#body");
    assert!(signature.references[0].digest_matches);
    assert!(signature
        .subject
        .as_deref()
        .unwrap()
        .contains("XML test signer"));
}

#[test]
fn a_changed_byte_of_the_body_or_of_signed_info_is_caught() {
    let s = signer();
    let xml = signed(&s);
    let body = verify(&s, &xml.replace("1000.00", "9000.00"));
    assert!(!body.valid);
    assert_eq!(codes(&body), ["xmldsig.digest_mismatch"]);
    assert!(body.signatures[0].signature_value_valid);

    let method = verify(
        &s,
        &xml.replace("URI=\"#body\"", "URI=\"#body\" Type=\"x\""),
    );
    assert!(!method.valid);
    assert!(!method.signatures[0].signature_value_valid);
    assert!(codes(&method).contains(&"xmldsig.bad_signature"));
}

#[test]
fn a_signature_by_another_key_fails_its_value() {
    let s = signer();
    let other = signer();
    // The document signed by `other`, with `s`'s certificate put in its KeyInfo.
    let xml = signed(&other).replace(
        &Base64::encode_string(&other.leaf),
        &Base64::encode_string(&s.leaf),
    );
    let report = verify(&s, &xml);
    assert!(!report.valid);
    assert_eq!(codes(&report), ["xmldsig.bad_signature"]);
}
