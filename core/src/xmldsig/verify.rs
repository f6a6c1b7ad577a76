//! Verification of every `ds:Signature` of a document (XML-DSig core
//! validation, §3.2): each Reference's digest, then the SignatureValue over
//! the canonical SignedInfo with the signer's key, then the signer's
//! certificate path.
//!
//! The signer's certificate comes from `KeyInfo/X509Data/X509Certificate`
//! (the others there serve as untrusted intermediates) or, when KeyInfo has
//! none, from the certificates supplied. Among several, the signer is the
//! one that issues none of the others; if that still leaves several, the one
//! whose key verifies the value.

use base64ct::{Base64, Encoding};
use roxmltree::Node;

use super::algorithms::{canonicalization, ecdsa_der, SignatureMethod};
use super::reference::{self, child, dsig_children, inclusive_prefixes, is_dsig, Ids, Work};
use super::{XmlDsigError, XmlDsigReport, XmlSigProblem, XmlSignatureReport};
use crate::pki::name::names_equal;
use crate::pki::signature::verify_signature_by;
use crate::pki::{
    validate_with_intermediates, Holder, ParsedCertificate, TrustStore, ValidationOptions,
};
use crate::xml::c14n::canonicalize;
use crate::xml::{parse_bounded, XmlLimits};
use crate::Coded;

/// Largest document accepted, in bytes.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Most signatures in one document.
pub const MAX_SIGNATURES: usize = 16;
/// Most references in one signature.
pub const MAX_REFERENCES: usize = 16;
/// Most certificates in one KeyInfo.
pub const MAX_KEYINFO_CERTIFICATES: usize = 16;
/// The bounds of the document and of every intermediate octet stream reparsed.
const LIMITS: XmlLimits = XmlLimits {
    nodes: 1_000_000,
    depth: 256,
};

/// Verifies every XML signature of `xml` at `options.at`.
///
/// `certificates` are looked at for a signer whose KeyInfo carries no
/// certificate; `store` holds the anchors, intermediates and CRLs.
///
/// # Errors
/// An [`XmlDsigError`] when the document cannot be verified at all; problems
/// of signatures are in the report.
pub fn verify_xml(
    xml: &[u8],
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &ValidationOptions,
) -> Result<XmlDsigReport, XmlDsigError> {
    let text = utf8_text(xml)?;
    let doc = parse_bounded(text, LIMITS)?;
    let signatures: Vec<Node<'_, '_>> = doc
        .descendants()
        .filter(|n| is_dsig(*n, "Signature"))
        .collect();
    if signatures.is_empty() {
        return Err(XmlDsigError::NoSignature);
    }
    if signatures.len() > MAX_SIGNATURES {
        return Err(XmlDsigError::TooManySignatures {
            count: signatures.len(),
            limit: MAX_SIGNATURES,
        });
    }
    let shared = Shared {
        ids: Ids::of(&doc),
        work: Work::new(LIMITS),
    };
    let reports: Vec<XmlSignatureReport> = signatures
        .into_iter()
        .map(|s| verify_signature_element(s, &shared, certificates, store, options))
        .collect();
    Ok(XmlDsigReport {
        valid: reports.iter().all(|r| r.valid),
        verified_at: options.at,
        signatures: reports,
    })
}

/// The document as text: UTF-8, a byte-order mark dropped, and a declared encoding, if any, UTF-8.
fn utf8_text(xml: &[u8]) -> Result<&str, XmlDsigError> {
    if xml.len() > MAX_DOCUMENT_BYTES {
        return Err(XmlDsigError::TooLarge {
            size: xml.len(),
            limit: MAX_DOCUMENT_BYTES,
        });
    }
    let bytes = xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml);
    let text = std::str::from_utf8(bytes).map_err(|e| XmlDsigError::Encoding {
        detail: e.to_string(),
    })?;
    if let Some(declaration) = text
        .strip_prefix("<?xml")
        .and_then(|d| d.split("?>").next())
    {
        if let Some(encoding) = declared_encoding(declaration) {
            if !encoding.eq_ignore_ascii_case("utf-8") {
                return Err(XmlDsigError::Encoding {
                    detail: format!("declared {encoding}"),
                });
            }
        }
    }
    Ok(text)
}

fn declared_encoding(declaration: &str) -> Option<&str> {
    let after = declaration
        .split_once("encoding")?
        .1
        .trim_start()
        .strip_prefix('=')?
        .trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    after.get(1..)?.split(quote).next()
}

/// The parts of one `ds:Signature` element.
struct Parts<'a, 'i> {
    signed_info: Node<'a, 'i>,
    value: Node<'a, 'i>,
    key_info: Option<Node<'a, 'i>>,
}

fn parts<'a, 'i>(signature: Node<'a, 'i>) -> Result<Parts<'a, 'i>, XmlSigProblem> {
    let one = |local: &'static str| -> Result<Node<'a, 'i>, XmlSigProblem> {
        let mut found = dsig_children(signature, local);
        match (found.next(), found.next()) {
            (Some(n), None) => Ok(n),
            (None, _) => Err(XmlSigProblem::Structure {
                detail: format!("no {local}"),
            }),
            (Some(_), Some(_)) => Err(XmlSigProblem::Structure {
                detail: format!("{local} twice"),
            }),
        }
    };
    Ok(Parts {
        signed_info: one("SignedInfo")?,
        value: one("SignatureValue")?,
        key_info: child(signature, "KeyInfo"),
    })
}

/// What every signature of one document shares: its identifiers and the
/// budget of reference processing.
struct Shared {
    ids: Ids,
    work: Work,
}

fn verify_signature_element(
    signature: Node<'_, '_>,
    shared: &Shared,
    supplied: &[ParsedCertificate],
    store: &TrustStore,
    options: &ValidationOptions,
) -> XmlSignatureReport {
    let mut report = XmlSignatureReport {
        valid: false,
        id: signature.attribute("Id").map(str::to_owned),
        canonicalization: String::new(),
        signature_method: String::new(),
        references: Vec::new(),
        signature_value_valid: false,
        holder: None,
        subject: None,
        certificate: None,
        problems: Vec::new(),
    };
    let mut problems = Vec::new();
    match parts(signature) {
        Ok(parts) => check_parts(
            &parts,
            signature,
            shared,
            supplied,
            store,
            options,
            &mut report,
            &mut problems,
        ),
        Err(p) => problems.push(p),
    }
    report.valid = problems.is_empty();
    report.problems = problems.into_iter().map(Into::into).collect();
    report
}

#[allow(clippy::too_many_arguments)]
fn check_parts(
    parts: &Parts<'_, '_>,
    signature: Node<'_, '_>,
    shared: &Shared,
    supplied: &[ParsedCertificate],
    store: &TrustStore,
    options: &ValidationOptions,
    report: &mut XmlSignatureReport,
    problems: &mut Vec<XmlSigProblem>,
) {
    let method = child(parts.signed_info, "CanonicalizationMethod");
    report.canonicalization = method
        .and_then(|m| m.attribute("Algorithm"))
        .unwrap_or_default()
        .to_owned();
    report.signature_method = child(parts.signed_info, "SignatureMethod")
        .and_then(|m| m.attribute("Algorithm"))
        .unwrap_or_default()
        .to_owned();
    let references: Vec<Node<'_, '_>> = dsig_children(parts.signed_info, "Reference").collect();
    if references.is_empty() || references.len() > MAX_REFERENCES {
        problems.push(XmlSigProblem::Structure {
            detail: format!(
                "{} references, from 1 to {MAX_REFERENCES} expected",
                references.len()
            ),
        });
    } else {
        report.references = references
            .iter()
            .map(|r| reference::check(*r, signature, &shared.ids, &shared.work, problems))
            .collect();
    }
    let mode = canonicalization(
        &report.canonicalization,
        method.map(inclusive_prefixes).unwrap_or_default(),
    );
    // SignedInfo's canonical form counts against the same budget as the
    // references': signatures nested in SignedInfo would otherwise have each
    // level canonicalize every level below it.
    let signed_info = match mode {
        Some(mode) => shared
            .work
            .begin()
            .and_then(|()| {
                shared
                    .work
                    .produced(canonicalize(parts.signed_info, &mode, &|_| false))
            })
            .map_err(|p| problems.push(p))
            .ok(),
        None => {
            problems.push(XmlSigProblem::UnsupportedAlgorithm {
                uri: report.canonicalization.clone(),
            });
            None
        }
    };
    let method = SignatureMethod::from_uri(&report.signature_method)
        .map_err(|p| problems.push(p))
        .ok();
    let value = signature_value(parts.value, method.as_ref())
        .map_err(|p| problems.push(p))
        .ok();
    let carried = match key_info_certificates(parts.key_info) {
        Ok(c) => c,
        Err(p) => {
            problems.push(p);
            return;
        }
    };
    let pool = if carried.is_empty() {
        supplied
    } else {
        carried.as_slice()
    };
    let candidates = leaves(pool);
    if candidates.is_empty() {
        problems.push(XmlSigProblem::NoCertificate {
            detail: "no X509Certificate and none supplied".into(),
        });
        return;
    }
    let verified = match (&signed_info, &method, &value) {
        (Some(message), Some(method), Some(value)) => {
            let outcome = candidates.iter().map(|c| {
                (
                    *c,
                    check_value(c, method, message, value, &report.signature_method),
                )
            });
            let mut first = None;
            let mut found = None;
            for (cert, result) in outcome {
                if result.is_ok() {
                    found = Some(cert);
                    break;
                }
                first.get_or_insert((cert, result));
            }
            match (found, first) {
                (Some(cert), _) => {
                    report.signature_value_valid = true;
                    Some(cert)
                }
                (None, Some((cert, Err(p)))) => {
                    problems.push(p);
                    Some(cert)
                }
                _ => None,
            }
        }
        _ => None,
    };
    let Some(signer) = verified.or_else(|| candidates.first().copied()) else {
        return;
    };
    report.holder = Some(Holder::of(signer));
    report.subject = Some(signer.subject_text());
    let validation = validate_with_intermediates(signer, &carried, store, options);
    if !validation.valid {
        let codes: Vec<&str> = validation.problems.iter().map(|p| p.code).collect();
        problems.push(XmlSigProblem::CertificateInvalid {
            codes: codes.join(", "),
        });
    }
    report.certificate = Some(validation);
}

fn signature_value(
    node: Node<'_, '_>,
    method: Option<&SignatureMethod>,
) -> Result<Vec<u8>, XmlSigProblem> {
    let text: String = node
        .text()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let raw = Base64::decode_vec(&text).map_err(|e| XmlSigProblem::BadSignatureValue {
        detail: e.to_string(),
    })?;
    match method {
        Some(m) if m.raw_ecdsa => ecdsa_der(&raw),
        _ => Ok(raw),
    }
}

fn check_value(
    cert: &ParsedCertificate,
    method: &SignatureMethod,
    message: &str,
    value: &[u8],
    uri: &str,
) -> Result<(), XmlSigProblem> {
    verify_signature_by(cert, &method.algorithm, message.as_bytes(), value)
        .map_err(|e| XmlSigProblem::from_signature(e, uri))
}

fn key_info_certificates(
    key_info: Option<Node<'_, '_>>,
) -> Result<Vec<ParsedCertificate>, XmlSigProblem> {
    let Some(key_info) = key_info else {
        return Ok(Vec::new());
    };
    let nodes: Vec<Node<'_, '_>> = dsig_children(key_info, "X509Data")
        .flat_map(|d| dsig_children(d, "X509Certificate"))
        .collect();
    if nodes.len() > MAX_KEYINFO_CERTIFICATES {
        return Err(XmlSigProblem::NoCertificate {
            detail: format!(
                "{} certificates, more than {MAX_KEYINFO_CERTIFICATES}",
                nodes.len()
            ),
        });
    }
    nodes
        .iter()
        .map(|n| {
            let text: String = n
                .text()
                .unwrap_or_default()
                .chars()
                .filter(|c| !c.is_ascii_whitespace())
                .collect();
            let der = Base64::decode_vec(&text).map_err(|e| XmlSigProblem::BadCertificate {
                detail: e.to_string(),
            })?;
            ParsedCertificate::from_der(&der).map_err(|e| XmlSigProblem::BadCertificate {
                detail: e.message_en(),
            })
        })
        .collect()
}

/// The certificates of `pool` that issue none of the others.
fn leaves(pool: &[ParsedCertificate]) -> Vec<&ParsedCertificate> {
    pool.iter()
        .enumerate()
        .filter(|(i, c)| {
            !pool.iter().enumerate().any(|(j, other)| {
                j != *i
                    && names_equal(
                        &other.certificate().tbs_certificate.issuer,
                        &c.certificate().tbs_certificate.subject,
                    )
            })
        })
        .map(|(_, c)| c)
        .collect()
}
