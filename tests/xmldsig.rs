//! Conformance: GOST XML signatures of `xmldsig/` with the verdicts its
//! SOURCES.md gives. The two xmlsec documents (enveloped, inclusive C14N,
//! XPath filter, GOST 2012-256/512, RSA root → RSA CA → GOST leaf) are
//! valid. The three СМЭВ 3 messages (exclusive C14N + СМЭВ transform) are
//! invalid as stored — their SignedInfo was re-indented after signing —
//! with correct reference digests in the first two files and replaced
//! content in the third; after the documented normalisation (whitespace-only
//! text inside each `ds:SignedInfo` removed, here in the test and never in
//! the verifier) five signature values verify.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;

use kabinet::pki::{
    AnchorPolicy, ParsedCertificate, RevocationPolicy, TrustStore, ValidationOptions,
};
use kabinet::xmldsig::{verify_xml, XmlDsigError, XmlDsigReport, MAX_TRANSFORMED_BYTES};
use kabinet::Coded;

fn dir() -> PathBuf {
    conformance::folder("xmldsig", "SOURCES.md")
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(dir().join(path)).unwrap()
}

fn options(at: &str) -> ValidationOptions {
    let mut o = ValidationOptions::at(at.parse().unwrap());
    o.revocation = RevocationPolicy::SoftFail;
    o
}

/// The xmlsec root's basicConstraints is not critical, which the default
/// anchor policy refuses (`pki.extension_criticality`, as OpenSSL's strict
/// mode, Go and rustls do): the root is taken as a name and a key.
fn xmlsec_options() -> ValidationOptions {
    let mut o = options("2026-12-01T00:00:00Z");
    o.anchors = AnchorPolicy::NameAndKeyOnly;
    o
}

fn xmlsec_store() -> TrustStore {
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&read("xmlsec/rsa-root-ca.der"), false)
        .unwrap();
    store
}

fn verify_xmlsec(xml: &[u8]) -> XmlDsigReport {
    verify_xml(xml, &[], &xmlsec_store(), &xmlsec_options()).unwrap()
}

fn verify(xml: &[u8], store: &TrustStore, at: &str) -> XmlDsigReport {
    verify_xml(xml, &[], store, &options(at)).unwrap()
}

/// Whitespace-only text inside every `ds:SignedInfo` removed: the
/// normalisation SOURCES.md documents to undo the re-indentation.
fn normalise_signed_info(xml: &[u8]) -> Vec<u8> {
    let text = std::str::from_utf8(xml).unwrap();
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<ds:SignedInfo>") {
        let end = rest[start..].find("</ds:SignedInfo>").unwrap() + start;
        out.push_str(&rest[..start]);
        let inner = &rest[start..end];
        let mut squeezed = String::new();
        for (i, piece) in inner.split('<').enumerate() {
            if i > 0 {
                squeezed.push('<');
            }
            match piece.split_once('>') {
                Some((tag, text)) if text.trim().is_empty() => {
                    squeezed.push_str(tag);
                    squeezed.push('>');
                }
                _ => squeezed.push_str(piece),
            }
        }
        out.push_str(&squeezed);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

#[test]
fn the_xmlsec_gost_signatures_are_valid() {
    for bits in ["256", "512"] {
        let xml = read(&format!("xmlsec/enveloped-gost2012-{bits}.xml"));
        let report = verify_xmlsec(&xml);
        assert!(report.valid, "{bits}: {:#?}", report.signatures[0].problems);
        let signature = &report.signatures[0];
        assert_eq!(signature.references.len(), 1);
        assert!(signature.references[0].digest_matches);
        assert_eq!(
            signature.references[0].digest_computed.as_deref(),
            Some(signature.references[0].digest_claimed.as_str())
        );
        assert!(signature.signature_value_valid);
        let leaf = ParsedCertificate::from_der(&read(&format!("xmlsec/gost-2012-{bits}-cert.der")))
            .unwrap();
        assert_eq!(
            signature.subject.as_deref(),
            Some(leaf.subject_text().as_str())
        );
        assert!(signature.certificate.as_ref().unwrap().valid);
    }
}

#[test]
fn the_xmlsec_root_is_refused_as_a_certificate_by_default() {
    let xml = read("xmlsec/enveloped-gost2012-256.xml");
    let report = verify(&xml, &xmlsec_store(), "2026-12-01T00:00:00Z");
    let signature = &report.signatures[0];
    assert!(!report.valid);
    assert!(signature.signature_value_valid);
    assert!(signature.references[0].digest_matches);
    let codes: Vec<&str> = signature.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["xmldsig.certificate_invalid"]);
    assert!(signature.problems[0]
        .detail
        .contains("pki.extension_criticality"));
    let certificate = signature.certificate.as_ref().unwrap();
    assert!(!certificate.valid);
}

#[test]
fn altered_content_fails_its_digest_and_nothing_else() {
    let xml = String::from_utf8(read("xmlsec/enveloped-gost2012-256.xml")).unwrap();
    let altered = xml.replace("Hello, World!", "Hello, World?");
    let report = verify_xmlsec(altered.as_bytes());
    let signature = &report.signatures[0];
    assert!(!report.valid);
    let codes: Vec<&str> = signature.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["xmldsig.digest_mismatch"]);
    assert!(signature.signature_value_valid);
}

#[test]
fn an_altered_signed_info_fails_its_signature_value() {
    let xml = String::from_utf8(read("xmlsec/enveloped-gost2012-512.xml")).unwrap();
    let altered = xml.replacen("<Reference URI=\"\">", "<Reference URI=\"\" Id=\"r\">", 1);
    let report = verify_xmlsec(altered.as_bytes());
    let signature = &report.signatures[0];
    assert!(!signature.signature_value_valid);
    assert!(signature.has_problem("xmldsig.bad_signature"));
    assert!(signature.references[0].digest_matches);
}

#[test]
fn without_the_anchor_the_certificate_is_what_fails() {
    let xml = read("xmlsec/enveloped-gost2012-256.xml");
    let report = verify(&xml, &TrustStore::new(), "2026-12-01T00:00:00Z");
    let signature = &report.signatures[0];
    assert!(signature.signature_value_valid && signature.references[0].digest_matches);
    let codes: Vec<&str> = signature.problems.iter().map(|p| p.code).collect();
    assert_eq!(codes, ["xmldsig.certificate_invalid"]);
}

/// (file, time of the message, whether each reference digest matches).
const SMEV: [(&str, &str, &[bool]); 3] = [
    ("SendRequestResponce.xml", "2021-03-23T04:03:07Z", &[true]),
    (
        "GetResponseResponce_InvalidContent.xml",
        "2021-04-01T03:36:55Z",
        &[true, true],
    ),
    (
        "GetResponseResponse_ValidResponse.xml",
        "2021-06-07T05:31:13Z",
        &[false, false],
    ),
];

#[test]
fn smev_messages_as_stored_are_invalid_with_the_expected_digests() {
    for (file, at, digests) in SMEV {
        let report = verify(&read(&format!("smev3/{file}")), &TrustStore::new(), at);
        assert!(!report.valid, "{file}");
        let matched: Vec<bool> = report
            .signatures
            .iter()
            .map(|s| s.references[0].digest_matches)
            .collect();
        assert_eq!(matched, digests, "{file}");
        for s in &report.signatures {
            assert!(!s.valid && !s.signature_value_valid, "{file}");
            assert!(s.has_problem("xmldsig.bad_signature"), "{file}");
        }
    }
}

#[test]
fn smev_signature_values_verify_after_the_documented_normalisation() {
    let mut verified = 0;
    for (file, at, digests) in SMEV {
        let xml = normalise_signed_info(&read(&format!("smev3/{file}")));
        let report = verify(&xml, &TrustStore::new(), at);
        for (s, digest_matches) in report.signatures.iter().zip(digests) {
            assert!(s.signature_value_valid, "{file}: {:#?}", s.problems);
            assert_eq!(s.references[0].digest_matches, *digest_matches, "{file}");
            verified += 1;
        }
    }
    assert_eq!(verified, 5);
}

/// The production certificates of the third message chain to the Ростелеком
/// CA of `gost-ca/` at the message time: only the replaced content fails.
#[test]
fn replaced_content_is_the_only_fault_of_the_production_message() {
    let certs = conformance::folder("gost-ca", "certs/0837.der").join("certs");
    let mut store = TrustStore::new();
    store
        .add_anchors_from_bytes(&std::fs::read(certs.join("0837.der")).unwrap(), true)
        .unwrap();
    store
        .add_intermediates_from_bytes(&std::fs::read(certs.join("1762.der")).unwrap())
        .unwrap();
    let (file, at, _) = SMEV[2];
    let xml = normalise_signed_info(&read(&format!("smev3/{file}")));
    let report = verify(&xml, &store, at);
    assert_eq!(report.signatures.len(), 2);
    for s in &report.signatures {
        let codes: Vec<&str> = s.problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["xmldsig.digest_mismatch"], "{:?}", s.subject);
        assert!(s.certificate.as_ref().unwrap().valid);
    }
}

/// The test-CA messages are whole once normalised: with their signer
/// trusted directly, every check passes; without it, only the certificate fails.
#[test]
fn the_test_ca_messages_fail_only_for_their_untrusted_certificate() {
    for (file, at, _) in &SMEV[..2] {
        let xml = normalise_signed_info(&read(&format!("smev3/{file}")));
        let report = verify(&xml, &TrustStore::new(), at);
        for s in &report.signatures {
            let codes: Vec<&str> = s.problems.iter().map(|p| p.code).collect();
            assert_eq!(codes, ["xmldsig.certificate_invalid"], "{file}");
        }
    }
}

#[test]
fn a_duplicated_identifier_is_refused_as_wrapping() {
    let xml = String::from_utf8(normalise_signed_info(&read(
        "smev3/SendRequestResponce.xml",
    )))
    .unwrap();
    let wrapped = xml.replacen(
        "<ns2:MessageMetadata Id=\"SIGNED_BY_SMEV\">",
        "<ns2:MessageMetadata Id=\"SIGNED_BY_SMEV\"><x Id=\"SIGNED_BY_SMEV\"/>",
        1,
    );
    let report = verify(wrapped.as_bytes(), &TrustStore::new(), SMEV[0].1);
    assert!(report.signatures[0].has_problem("xmldsig.duplicate_id"));
    assert!(!report.valid);
}

#[test]
fn unsupported_transforms_and_references_are_named() {
    let xml = String::from_utf8(read("xmlsec/enveloped-gost2012-256.xml")).unwrap();
    let xslt = xml.replace(
        "http://www.w3.org/2000/09/xmldsig#enveloped-signature",
        "http://www.w3.org/TR/1999/REC-xslt-19991116",
    );
    let report = verify_xmlsec(xslt.as_bytes());
    assert!(report.signatures[0].has_problem("xmldsig.unsupported_transform"));
    let external = xml.replace(
        "<Reference URI=\"\">",
        "<Reference URI=\"http://example.org/\">",
    );
    let report = verify_xmlsec(external.as_bytes());
    assert!(report.signatures[0].has_problem("xmldsig.unsupported_reference"));
    let other_xpath = xml.replace("not(ancestor-or-self::dsig:Signature)", "true()");
    let report = verify_xmlsec(other_xpath.as_bytes());
    assert!(report.signatures[0].has_problem("xmldsig.unsupported_transform"));
}

#[test]
fn hostile_documents_are_refused_quickly_with_codes() {
    let store = TrustStore::new();
    let o = options("2026-12-01T00:00:00Z");
    let code = |xml: &[u8]| verify_xml(xml, &[], &store, &o).unwrap_err().code();
    let started = std::time::Instant::now();
    assert_eq!(
        code(b"<!DOCTYPE a [<!ENTITY x \"x\">]><a>&x;</a>"),
        "xmldsig.malformed"
    );
    assert_eq!(
        code(&"<a>".repeat(100_000).into_bytes()),
        "xmldsig.malformed"
    );
    assert_eq!(code(&vec![b' '; 100 * 1024 * 1024]), "xmldsig.too_large");
    assert_eq!(code(b"<a/>"), "xmldsig.no_signature");
    assert_eq!(
        code(b"<?xml version=\"1.0\" encoding=\"windows-1251\"?><a/>"),
        "xmldsig.encoding"
    );
    assert_eq!(code(b"<a>\xff</a>"), "xmldsig.encoding");
    assert!(
        started.elapsed().as_millis() < 2_000,
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(
        verify_xml(b"<a/>", &[], &store, &o),
        Err(XmlDsigError::NoSignature)
    ));
}

/// 16 signatures × 16 references × 8 canonicalizations of a whole 1 MB
/// document would be 2,048 passes (16 s in a release build before the
/// budget): the references share one budget of transform output
/// ([`MAX_TRANSFORMED_BYTES`]), and those past it are reported, not computed.
#[test]
fn references_share_one_budget_of_canonicalization() {
    let c14n = r#"<ds:Transform Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/>"#;
    let reference = format!(
        r#"<ds:Reference URI=""><ds:Transforms>{}</ds:Transforms><ds:DigestMethod Algorithm="urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference>"#,
        c14n.repeat(8)
    );
    let signature = format!(
        r#"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256"/>{}</ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>"#,
        reference.repeat(16)
    );
    let filler = format!(r#"<f a="1">{}</f>"#, "x".repeat(200));
    let xml = format!(
        "<r>{}{}</r>",
        filler.repeat(1_000_000 / filler.len()),
        signature.repeat(16)
    );
    let started = std::time::Instant::now();
    let report = verify_xml(
        xml.as_bytes(),
        &[],
        &TrustStore::new(),
        &options("2026-12-01T00:00:00Z"),
    )
    .unwrap();
    let elapsed = started.elapsed();
    let references = report.signatures.iter().flat_map(|s| &s.references);
    let computed = references.filter(|r| r.digest_computed.is_some()).count();
    // Each reference makes 9 passes over about the document's size: the
    // budget lets the first few through, the others are reported (and, once
    // it is spent, every SignedInfo after them).
    assert!(report
        .signatures
        .iter()
        .all(|s| s.has_problem("xmldsig.too_much_work")));
    let affordable = MAX_TRANSFORMED_BYTES / (9 * xml.len());
    assert!(
        (affordable..=affordable + 1).contains(&computed),
        "{computed} computed, {affordable} affordable"
    );
    assert!(!report.valid);
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}

/// Signatures nested in one another's SignedInfo: each level's SignedInfo
/// holds every level below it, so canonicalizing each would be 16 passes
/// over the whole document. They count against the same budget.
#[test]
fn nested_signed_info_shares_the_budget() {
    let open = r##"<ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:SignedInfo><ds:CanonicalizationMethod Algorithm="http://www.w3.org/TR/2001/REC-xml-c14n-20010315"/><ds:SignatureMethod Algorithm="urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34102012-gostr34112012-256"/><ds:Reference URI="#none"><ds:DigestMethod Algorithm="urn:ietf:params:xml:ns:cpxmlsec:algorithms:gostr34112012-256"/><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference><x>"##;
    let close = "</x></ds:SignedInfo><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>";
    let filler = format!(r#"<f a="1">{}</f>"#, "x".repeat(200));
    let xml = format!(
        "<r>{}{}{}</r>",
        open.repeat(16),
        filler.repeat(15_000_000 / filler.len()),
        close.repeat(16)
    );
    let started = std::time::Instant::now();
    let report = verify_xml(
        xml.as_bytes(),
        &[],
        &TrustStore::new(),
        &options("2026-12-01T00:00:00Z"),
    )
    .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(report.signatures.len(), 16);
    let over = report
        .signatures
        .iter()
        .filter(|s| s.has_problem("xmldsig.too_much_work"))
        .count();
    // 64 MiB lets four SignedInfo of 15 MB through; the other twelve are refused.
    assert_eq!(over, 16 - MAX_TRANSFORMED_BYTES / xml.len(), "{over}");
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}
