//! The foreign form of signature verification: CMS messages, XML
//! signatures and signed FNS powers of attorney. The library's reports keep
//! each problem as a typed value and each certificate's whole validation
//! report; what crosses is the problems' codes with both messages, the
//! certificates' [`CertificateReport`]s, and, for a power, the term as its
//! code with the whole report beside it as JSON.

use super::{name_of, Area, CertificateReport, KabinetError};
use crate::cms::{self, CertificateTime};
use crate::delegation::fns_xml::SignedPowerReport;
use crate::delegation::fns_xml::{FnsXmlError, MappedPower, PowerEvidence};
use crate::pki::Holder;
use crate::xmldsig::{self, ReferenceReport};
use crate::{CodedMessage, Timestamp};

/// What is known of one signer of a CMS message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CmsSigner {
    /// Whether this signer's signature and certificate are valid.
    pub valid: bool,
    /// The signer identifier as written: `issuer=…, serial=…` or `ski=…`.
    pub signer_id: String,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<Holder>,
    /// The signing time the signer claims, when its signed attributes carry one.
    pub signing_time: Option<Timestamp>,
    /// The time the signer's certificate was validated at.
    pub certificate_checked_at: Timestamp,
    /// The digest algorithm (`streebog256`, `sha256`, …).
    pub digest_algorithm: String,
    /// The signature algorithm (`gost2012-256`, …).
    pub signature_algorithm: String,
    /// Whether the signer signed attributes rather than the content itself.
    pub signed_attributes: bool,
    /// Every problem of this signer.
    pub problems: Vec<CodedMessage>,
    /// The validation report of the signer's certificate, when it was found.
    pub certificate: Option<CertificateReport>,
}

impl From<&cms::SignerReport> for CmsSigner {
    fn from(s: &cms::SignerReport) -> Self {
        Self {
            valid: s.valid,
            signer_id: s.signer_id.clone(),
            subject: s.subject.clone(),
            holder: s.holder.clone(),
            signing_time: s.signing_time,
            certificate_checked_at: s.certificate_checked_at,
            digest_algorithm: s.digest_algorithm.clone(),
            signature_algorithm: s.signature_algorithm.clone(),
            signed_attributes: s.signed_attributes,
            problems: s.problems.iter().map(CodedMessage::from).collect(),
            certificate: s.certificate.as_ref().map(CertificateReport::from),
        }
    }
}

/// The outcome of verifying a CMS message.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CmsReport {
    /// Whether every signer is valid.
    pub valid: bool,
    /// The content type, dotted (`1.2.840.113549.1.7.1` for data).
    pub content_type: String,
    /// Whether the content was detached (supplied separately).
    pub detached: bool,
    /// Whether the certificates were validated at each signer's signing time
    /// (when it carries one) rather than at the time of verification.
    pub signing_time_policy: bool,
    /// The time of verification.
    pub verified_at: Timestamp,
    /// One entry per signer, in the order of the message.
    pub signers: Vec<CmsSigner>,
}

impl From<&cms::CmsReport> for CmsReport {
    fn from(r: &cms::CmsReport) -> Self {
        Self {
            valid: r.valid,
            content_type: r.content_type.clone(),
            detached: r.detached,
            signing_time_policy: r.certificate_time == CertificateTime::SigningTime,
            verified_at: r.verified_at,
            signers: r.signers.iter().map(CmsSigner::from).collect(),
        }
    }
}

/// One `ds:Signature` of a document.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlSignature {
    /// Whether every reference matches, the value verifies and the certificate is valid.
    pub valid: bool,
    /// The signature's `Id` attribute, when it has one.
    pub id: Option<String>,
    /// The CanonicalizationMethod URI of SignedInfo.
    pub canonicalization: String,
    /// The SignatureMethod URI.
    pub signature_method: String,
    /// Every reference, in document order.
    pub references: Vec<ReferenceReport>,
    /// Whether the SignatureValue verifies over the canonical SignedInfo.
    pub signature_value_valid: bool,
    /// The subject of the signer's certificate, when found.
    pub subject: Option<String>,
    /// The holder read from the signer's certificate, when found.
    pub holder: Option<Holder>,
    /// The validation report of the signer's certificate, when found.
    pub certificate: Option<CertificateReport>,
    /// Every problem of this signature, in order.
    pub problems: Vec<CodedMessage>,
}

impl From<&xmldsig::XmlSignatureReport> for XmlSignature {
    fn from(s: &xmldsig::XmlSignatureReport) -> Self {
        Self {
            valid: s.valid,
            id: s.id.clone(),
            canonicalization: s.canonicalization.clone(),
            signature_method: s.signature_method.clone(),
            references: s.references.clone(),
            signature_value_valid: s.signature_value_valid,
            subject: s.subject.clone(),
            holder: s.holder.clone(),
            certificate: s.certificate.as_ref().map(CertificateReport::from),
            problems: s.problems.iter().map(CodedMessage::from).collect(),
        }
    }
}

/// The outcome of verifying the signatures of a document.
#[derive(Debug, Clone, uniffi::Record)]
pub struct XmlDsigReport {
    /// Whether every signature is valid.
    pub valid: bool,
    /// The time the certificates were validated at.
    pub verified_at: Timestamp,
    /// One entry per `ds:Signature`, in document order.
    pub signatures: Vec<XmlSignature>,
}

impl From<&xmldsig::XmlDsigReport> for XmlDsigReport {
    fn from(r: &xmldsig::XmlDsigReport) -> Self {
        Self {
            valid: r.valid,
            verified_at: r.verified_at,
            signatures: r.signatures.iter().map(XmlSignature::from).collect(),
        }
    }
}

/// A JSON form that could not be written, as the power's error.
pub fn json_error(e: &serde_json::Error) -> KabinetError {
    KabinetError::coded(
        Area::Power,
        &FnsXmlError::Json {
            detail: e.to_string(),
        },
    )
}

/// The outcome of verifying a signed power of attorney.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FnsPowerVerification {
    /// Authentic: the signature valid over the exact bytes, its signer one
    /// who may sign for the principal, the certificate qualified.
    pub valid: bool,
    /// The term at the time of verification: `not_yet_valid`, `in_force`, `expired`.
    pub term: String,
    /// The registry number (`НомДовер`).
    pub number: String,
    /// The first instant it works.
    pub valid_from: Timestamp,
    /// The first instant it no longer works.
    pub valid_until: Timestamp,
    /// Why it is not authentic (`mchd_sig.*`).
    pub problems: Vec<String>,
    /// The signing time the signer states.
    pub signing_time: Option<Timestamp>,
    /// Whether the signature timestamp (CAdES-T) is valid, when there is one.
    pub timestamp_valid: Option<bool>,
    /// The time the timestamp authority states.
    pub timestamp_time: Option<Timestamp>,
    /// The whole report as JSON (power, signature, signer match).
    pub report_json: String,
}

impl FnsPowerVerification {
    /// The verification of `report`, with the report as JSON beside it.
    ///
    /// # Errors
    /// `Power` (`mchd_xml.json`) when the report cannot be written as JSON.
    pub fn of(report: &SignedPowerReport) -> Result<Self, KabinetError> {
        let signer = report.signature.signers.first();
        let stamp = signer.and_then(|s| s.timestamps.first());
        Ok(Self {
            valid: report.valid,
            term: name_of(&report.term),
            number: report.power.number.to_string(),
            valid_from: report.valid_from,
            valid_until: report.valid_until,
            problems: report.problems.iter().map(|p| p.code.clone()).collect(),
            signing_time: signer.and_then(|s| s.signing_time),
            timestamp_valid: stamp.map(|t| t.valid),
            timestamp_time: stamp.and_then(|t| t.time),
            report_json: serde_json::to_string(report).map_err(|e| json_error(&e))?,
        })
    }
}

/// A verified FNS power read as the directory's evidence.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FnsPowerEvidence {
    /// The registry number (`НомДовер`).
    pub number: String,
    /// The МЧД JSON form, for `importPower` or `submitOrganizationByPower`.
    pub mchd_json: String,
    /// The codes that give rights, in document order.
    pub granted: Vec<MappedPower>,
    /// Codes unknown to the table: they give nothing.
    pub unmapped: Vec<String>,
    /// Codes with restrictions (`ОгрСвПолн`): they give nothing.
    pub restricted: Vec<String>,
    /// Whether the powers are stated as text (`ТекстПолн`), which give nothing.
    pub text_powers: bool,
    /// Where the registry status is checked.
    pub registry_url: String,
}

impl FnsPowerEvidence {
    /// The evidence with its МЧД form as JSON.
    ///
    /// # Errors
    /// `Power` (`mchd_xml.json`) when the form cannot be written as JSON.
    pub fn of(e: &PowerEvidence) -> Result<Self, KabinetError> {
        Ok(Self {
            number: e.mchd.document.number.clone(),
            mchd_json: serde_json::to_string(&e.mchd).map_err(|e| json_error(&e))?,
            granted: e.granted.clone(),
            unmapped: e.unmapped.clone(),
            restricted: e.restricted.clone(),
            text_powers: e.text_powers,
            registry_url: e.registry_url.clone(),
        })
    }
}
