//! Verification of CMS SignedData (RFC 5652 §5): content, signed attributes, signature, certificate.
//!
//! For each SignerInfo: the signer's certificate is looked up by issuer and
//! serial number or by subject key identifier among the message's
//! certificates and the ones supplied; with signed attributes, the content
//! type and message digest attributes are checked against the content
//! (digest recomputed with the SignerInfo's algorithm) and the signature is
//! verified over the DER of the SET OF attributes (RFC 5652 §5.4); without,
//! over the content itself. The certificate is then validated by
//! [`crate::pki::validate`] at the time the [`CertificateTime`] policy says.
//!
//! Signed attributes are re-encoded in DER for verification: a signer that
//! sent them in another order (BER) gets `cms.bad_signature`.

use crate::pki::ValidationReport;
use ::cms::cert::CertificateChoices;
use ::cms::content_info::ContentInfo;
use ::cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use const_oid::ObjectIdentifier;
use der::asn1::OctetString;
use der::{Decode, Encode, Tag, Tagged};

use super::algorithms::{digest_of, name, signature_algorithm};
use super::limits::{MAX_CERTIFICATES, MAX_MESSAGE_BYTES, MAX_SIGNED_ATTRIBUTES, MAX_SIGNERS};
use super::report::{CertificateTime, CmsProblem, CmsReport, SignerReport};
use super::{CmsError, SignerProblem};
use crate::pki::name::{display_name, names_equal};
use crate::pki::signature::verify_signature_by;
use crate::pki::{
    validate_with_intermediates, Holder, ParsedCertificate, TrustStore, ValidationOptions,
};
use crate::Timestamp;

/// id-signedData (RFC 5652 §5.1).
const SIGNED_DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.2");
/// id-data (RFC 5652 §4).
const DATA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.7.1");
/// id-contentType (RFC 5652 §11.1).
const CONTENT_TYPE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.3");
/// id-messageDigest (RFC 5652 §11.2).
const MESSAGE_DIGEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.4");
/// id-signingTime (RFC 5652 §11.3).
const SIGNING_TIME: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.5");

/// The inputs of one verification.
#[derive(Debug, Clone, PartialEq)]
pub struct CmsOptions {
    /// Certificate validation options; their `at` is the time of verification.
    pub validation: ValidationOptions,
    /// Which time the signers' certificates are validated at.
    pub certificate_time: CertificateTime,
}

impl CmsOptions {
    /// The defaults at a time of verification: certificates validated at the
    /// signing time (else at `at`), CRLs required.
    pub fn at(at: Timestamp) -> Self {
        Self {
            validation: ValidationOptions::at(at),
            certificate_time: CertificateTime::SigningTime,
        }
    }
}

/// Verifies a CMS SignedData message, DER or PEM.
///
/// `content` is the detached content (or, for an attached message, a copy
/// that must be identical); `certificates` are certificates supplied besides
/// the message's own, to find signers by; `store` holds the anchors,
/// intermediates and CRLs. The message's certificates are used as untrusted
/// intermediates too.
///
/// # Errors
/// A [`CmsError`] when the message cannot be verified at all: too large,
/// unreadable, not SignedData, without signers, over a limit, or its
/// content is missing or conflicts with the one supplied. Problems of
/// signers are not errors: they are in the report.
pub fn verify_cms(
    message: &[u8],
    content: Option<&[u8]>,
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &CmsOptions,
) -> Result<CmsReport, CmsError> {
    verify_message(message, content, certificates, store, options, true)
}

/// [`verify_cms`], with the signers' timestamps read or not (a timestamp
/// token is verified without reading timestamps of its own).
pub(super) fn verify_message(
    message: &[u8],
    content: Option<&[u8]>,
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &CmsOptions,
    timestamps: bool,
) -> Result<CmsReport, CmsError> {
    let signed = parse(message)?;
    let signer_count = signed.signer_infos.0.len();
    if signer_count == 0 {
        return Err(CmsError::NoSigners);
    }
    if signer_count > MAX_SIGNERS {
        return Err(CmsError::TooManySigners {
            count: signer_count,
            limit: MAX_SIGNERS,
        });
    }
    let carried = message_certificates(&signed)?;
    let attached = match &signed.encap_content_info.econtent {
        Some(any) if any.tag() == Tag::OctetString => Some(any.value()),
        Some(any) => {
            return Err(CmsError::Malformed {
                detail: format!("the content is a {} instead of an octet string", any.tag()),
            })
        }
        None => None,
    };
    let data = match (attached, content) {
        (Some(a), Some(c)) if a != c => return Err(CmsError::ContentConflict),
        (Some(a), _) => a,
        (None, Some(c)) => c,
        (None, None) => return Err(CmsError::ContentMissing),
    };
    // The certificates of the message, and those supplied beside it, are
    // untrusted intermediates beside the store's (the store itself is not
    // copied: what it remembers between validations serves this one).
    let intermediates: Vec<ParsedCertificate> =
        carried.iter().chain(certificates).cloned().collect();
    let candidates: Vec<&ParsedCertificate> = carried.iter().chain(certificates).collect();
    let content_type = signed.encap_content_info.econtent_type;
    let mut validations = Validations::new(&intermediates);
    let signers = signed
        .signer_infos
        .0
        .iter()
        .map(|info| {
            let input = SignerInput {
                info,
                content_type,
                data,
            };
            let mut report = verify_signer(&input, &candidates, store, options, &mut validations);
            if timestamps {
                report.timestamps = super::timestamp::timestamps_of(info, &carried, store, options);
            }
            report
        })
        .collect::<Vec<_>>();
    Ok(CmsReport {
        valid: signers.iter().all(|s| s.valid),
        content_type: content_type.to_string(),
        detached: attached.is_none(),
        certificate_time: options.certificate_time,
        verified_at: options.validation.at,
        signers,
    })
}

/// Decodes a DER or PEM ContentInfo holding SignedData.
fn parse(message: &[u8]) -> Result<SignedData, CmsError> {
    if message.len() > MAX_MESSAGE_BYTES {
        return Err(CmsError::TooLarge {
            size: message.len(),
            limit: MAX_MESSAGE_BYTES,
        });
    }
    let malformed = |e: der::Error| CmsError::Malformed {
        detail: e.to_string(),
    };
    let trimmed = message.trim_ascii_start();
    let der_bytes;
    let der_input = if trimmed.starts_with(b"-----BEGIN") {
        der_bytes = der::pem::decode_vec(trimmed)
            .map_err(|e| malformed(e.into()))?
            .1;
        der_bytes.as_slice()
    } else {
        message
    };
    crate::pki::shape::check(der_input).map_err(|e| CmsError::Malformed {
        detail: e.describe().into(),
    })?;
    let info = ContentInfo::from_der(der_input).map_err(malformed)?;
    if info.content_type != SIGNED_DATA {
        return Err(CmsError::NotSignedData {
            content_type: info.content_type.to_string(),
        });
    }
    info.content.decode_as::<SignedData>().map_err(malformed)
}

/// The certificates the message carries, parsed (other formats are ignored).
fn message_certificates(signed: &SignedData) -> Result<Vec<ParsedCertificate>, CmsError> {
    let Some(set) = &signed.certificates else {
        return Ok(Vec::new());
    };
    let count = set.0.len();
    if count > MAX_CERTIFICATES {
        return Err(CmsError::TooManyCertificates {
            count,
            limit: MAX_CERTIFICATES,
        });
    }
    let malformed = |detail: String| CmsError::Malformed { detail };
    set.0
        .iter()
        .filter_map(|choice| match choice {
            CertificateChoices::Certificate(c) => Some(c),
            CertificateChoices::Other(_) => None,
        })
        .map(|c| {
            let der = c.to_der().map_err(|e| malformed(e.to_string()))?;
            ParsedCertificate::from_der(&der)
                .map_err(|e| malformed(format!("certificate: {}", crate::Coded::message_en(&e))))
        })
        .collect()
}

/// The path validations of one message, by certificate and time: signers
/// that name the same certificate at the same time share one validation
/// (it depends on nothing else), so sixteen signers pointing at one
/// certificate in a tangle of intermediates cost one path search, not sixteen.
struct Validations<'c> {
    /// The untrusted intermediates of the message.
    intermediates: &'c [ParsedCertificate],
    done: Vec<([u8; 32], Timestamp, ValidationReport)>,
}

impl<'c> Validations<'c> {
    fn new(intermediates: &'c [ParsedCertificate]) -> Self {
        Self {
            intermediates,
            done: Vec::new(),
        }
    }

    fn of(
        &mut self,
        cert: &ParsedCertificate,
        store: &TrustStore,
        options: &ValidationOptions,
    ) -> ValidationReport {
        let key = (*cert.fingerprint(), options.at);
        if let Some((_, _, report)) = self.done.iter().find(|(f, t, _)| (*f, *t) == key) {
            return report.clone();
        }
        let report = validate_with_intermediates(cert, self.intermediates, store, options);
        self.done.push((key.0, key.1, report.clone()));
        report
    }
}

/// One SignerInfo with what it signs.
struct SignerInput<'a> {
    info: &'a SignerInfo,
    content_type: ObjectIdentifier,
    data: &'a [u8],
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn signer_id(sid: &SignerIdentifier) -> String {
    match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => format!(
            "issuer={}, serial={}",
            display_name(&ias.issuer),
            hex(ias.serial_number.as_bytes())
        ),
        SignerIdentifier::SubjectKeyIdentifier(ski) => format!("ski={}", hex(ski.0.as_bytes())),
    }
}

fn find_signer<'a>(
    sid: &SignerIdentifier,
    candidates: &[&'a ParsedCertificate],
) -> Option<&'a ParsedCertificate> {
    candidates.iter().copied().find(|c| match sid {
        SignerIdentifier::IssuerAndSerialNumber(ias) => {
            let tbs = &c.certificate().tbs_certificate;
            tbs.serial_number == ias.serial_number && names_equal(&tbs.issuer, &ias.issuer)
        }
        SignerIdentifier::SubjectKeyIdentifier(ski) => {
            c.extensions().subject_key_id.as_deref() == Some(ski.0.as_bytes())
        }
    })
}

/// The attributes of RFC 5652 §11 read from the signed attributes.
#[derive(Default)]
struct Attributes {
    content_type: Option<ObjectIdentifier>,
    message_digest: Option<Vec<u8>>,
    signing_time: Option<Timestamp>,
}

/// The single value of an attribute, decoded; `None` when it has not exactly
/// one value, cannot be decoded, or its type was already seen.
fn single<T: der::DecodeOwned>(attr: &x509_cert::attr::Attribute, seen: bool) -> Option<T> {
    if seen || attr.values.len() != 1 {
        return None;
    }
    let der = attr.values.get(0)?.to_der().ok()?;
    T::from_der(&der).ok()
}

fn read_attributes(info: &SignerInfo) -> Result<Option<Attributes>, SignerProblem> {
    let Some(attrs) = &info.signed_attrs else {
        return Ok(None);
    };
    if attrs.len() > MAX_SIGNED_ATTRIBUTES {
        return Err(SignerProblem::TooManyAttributes {
            count: attrs.len(),
            limit: MAX_SIGNED_ATTRIBUTES,
        });
    }
    let mut out = Attributes::default();
    for attr in attrs.iter() {
        if attr.oid == CONTENT_TYPE {
            let v = single::<ObjectIdentifier>(attr, out.content_type.is_some());
            out.content_type = Some(v.ok_or(SignerProblem::BadAttribute {
                name: "content-type",
            })?);
        } else if attr.oid == MESSAGE_DIGEST {
            let v = single::<OctetString>(attr, out.message_digest.is_some());
            out.message_digest = Some(
                v.ok_or(SignerProblem::BadAttribute {
                    name: "message-digest",
                })?
                .into_bytes(),
            );
        } else if attr.oid == SIGNING_TIME {
            let bad = SignerProblem::BadAttribute {
                name: "signing-time",
            };
            let v = single::<x509_cert::time::Time>(attr, out.signing_time.is_some())
                .ok_or(bad.clone())?;
            let seconds = i64::try_from(v.to_unix_duration().as_secs()).map_err(|_| bad.clone())?;
            out.signing_time = Some(Timestamp::from_second(seconds).map_err(|_| bad)?);
        }
    }
    Ok(Some(out))
}

/// Checks the content against the signed attributes, or the content type
/// when there are none; returns the bytes the signature covers.
fn signed_bytes(
    input: &SignerInput<'_>,
    attrs: Option<&Attributes>,
    problems: &mut Vec<SignerProblem>,
) -> Option<Vec<u8>> {
    let info = input.info;
    let digest = match digest_of(&info.digest_alg.oid, input.data) {
        Ok(d) => d,
        Err(p) => {
            problems.push(p);
            return None;
        }
    };
    let Some(attrs) = attrs else {
        if input.content_type != DATA {
            problems.push(SignerProblem::ContentTypeNotData {
                content_type: input.content_type.to_string(),
            });
        }
        return Some(input.data.to_vec());
    };
    match attrs.content_type {
        None => problems.push(SignerProblem::MissingAttribute {
            name: "content-type",
        }),
        Some(t) if t != input.content_type => problems.push(SignerProblem::ContentTypeMismatch {
            signed: t.to_string(),
            actual: input.content_type.to_string(),
        }),
        Some(_) => {}
    }
    match &attrs.message_digest {
        None => problems.push(SignerProblem::MissingAttribute {
            name: "message-digest",
        }),
        Some(d) if *d != digest => problems.push(SignerProblem::DigestMismatch),
        Some(_) => {}
    }
    match info.signed_attrs.as_ref().map(Encode::to_der) {
        Some(Ok(der)) => Some(der),
        _ => {
            problems.push(SignerProblem::BadAttribute {
                name: "signed attributes",
            });
            None
        }
    }
}

fn verify_signer(
    input: &SignerInput<'_>,
    candidates: &[&ParsedCertificate],
    store: &TrustStore,
    options: &CmsOptions,
    validations: &mut Validations<'_>,
) -> SignerReport {
    let info = input.info;
    let mut problems = Vec::new();
    let attrs = read_attributes(info).unwrap_or_else(|p| {
        problems.push(p);
        None
    });
    let had_attributes = info.signed_attrs.is_some();
    let signing_time = attrs.as_ref().and_then(|a| a.signing_time);
    let now = options.validation.at;
    if let Some(t) = signing_time.filter(|t| *t > now) {
        problems.push(SignerProblem::SigningTimeInFuture {
            signing_time: t.to_string(),
            at: now.to_string(),
        });
    }
    // Only a complete attribute set is checked (a refused one was reported above).
    let message = if had_attributes && attrs.is_none() {
        None
    } else {
        signed_bytes(input, attrs.as_ref(), &mut problems)
    };
    let signer = find_signer(&info.sid, candidates);
    let checked_at = match options.certificate_time {
        CertificateTime::SigningTime => signing_time.unwrap_or(now),
        CertificateTime::Verification => now,
    };
    let mut certificate = None;
    match signer {
        None => problems.push(SignerProblem::SignerNotFound),
        Some(cert) => {
            if let Some(message) = &message {
                check_signature(info, cert, message, &mut problems);
            }
            let mut validation = options.validation.clone();
            validation.at = checked_at;
            let report = validations.of(cert, store, &validation);
            if !report.valid {
                let codes: Vec<&str> = report.problems.iter().map(|p| p.code).collect();
                problems.push(SignerProblem::CertificateInvalid {
                    codes: codes.join(", "),
                });
            }
            certificate = Some(report);
        }
    }
    SignerReport {
        valid: problems.is_empty(),
        signer_id: signer_id(&info.sid),
        holder: signer.map(Holder::of),
        subject: signer.map(ParsedCertificate::subject_text),
        signing_time,
        certificate_checked_at: checked_at,
        digest_algorithm: name(&info.digest_alg.oid),
        signature_algorithm: name(&info.signature_algorithm.oid),
        signed_attributes: had_attributes,
        problems: problems.into_iter().map(CmsProblem::from).collect(),
        certificate,
        timestamps: Vec::new(),
    }
}

fn check_signature(
    info: &SignerInfo,
    cert: &ParsedCertificate,
    message: &[u8],
    problems: &mut Vec<SignerProblem>,
) {
    let algorithm = match signature_algorithm(&info.digest_alg.oid, &info.signature_algorithm) {
        Ok(a) => a,
        Err(p) => {
            problems.push(p);
            return;
        }
    };
    if let Err(e) = verify_signature_by(cert, &algorithm, message, info.signature.as_bytes()) {
        problems.push(SignerProblem::from_signature(
            e,
            &info.signature_algorithm.oid.to_string(),
            &info.digest_alg.oid.to_string(),
        ));
    }
}
