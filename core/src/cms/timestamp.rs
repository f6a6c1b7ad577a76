//! Signature timestamps (CAdES-T, RFC 3161 / RFC 5126 §6.1.1): the token in
//! a signer's unsigned attribute `id-aa-signatureTimeStampToken` is itself a
//! SignedData over a `TSTInfo`; it is verified like any message (signature,
//! the authority's certificate and path), and its message imprint must be
//! the digest of the signer's signature value. The authority's certificate
//! must carry the extended key usage id-kp-timeStamping (RFC 3161 §2.3).
//!
//! A timestamp is reported beside the signer, not folded into its validity:
//! the signature stands or falls by itself, and the timestamp says whether
//! an authority vouches it existed at `time`.

use ::cms::content_info::ContentInfo;
use ::cms::signed_data::{SignedData, SignerInfo};
use const_oid::ObjectIdentifier;
use der::asn1::{AnyRef, GeneralizedTime, Int, OctetString};
use der::{Decode, Encode, Reader, SliceReader};
use serde::Serialize;
use x509_cert::spki::AlgorithmIdentifierOwned;

use super::algorithms::{digest_of, name};
use super::limits::MAX_MESSAGE_BYTES;
use super::report::{CmsProblem, CmsReport};
use super::SignerProblem;
use crate::pki::{ParsedCertificate, TrustStore};
use crate::{Coded, Timestamp};

/// id-aa-signatureTimeStampToken (RFC 3161 appendix A).
const SIGNATURE_TIMESTAMP: ObjectIdentifier =
    ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.14");
/// id-kp-timeStamping (RFC 3161 §2.3): the authority's certificate must carry it.
const TIME_STAMPING: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.6.1.5.5.7.3.8");
/// id-ct-TSTInfo (RFC 3161 §2.4.2).
const TST_INFO: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.1.4");

/// What is known of one signature timestamp.
#[derive(Debug, Clone, Serialize)]
pub struct TimestampReport {
    /// Whether the token is valid and vouches for this signature.
    pub valid: bool,
    /// The time the authority states (`genTime`), when the token could be read.
    pub time: Option<Timestamp>,
    /// The digest algorithm of the message imprint.
    pub digest_algorithm: Option<String>,
    /// The authority's certificate subject, when found.
    pub authority: Option<String>,
    /// Why it is not valid: `cms.timestamp_malformed`, `cms.timestamp_imprint`,
    /// `cms.timestamp_invalid` (the token's own problems are in `token`).
    pub problems: Vec<CmsProblem>,
    /// The verification of the token as a signed message.
    pub token: Option<Box<CmsReport>>,
}

/// The timestamps of a signer, at most [`MAX_TIMESTAMPS`].
pub(super) fn timestamps_of(
    info: &SignerInfo,
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &super::CmsOptions,
) -> Vec<TimestampReport> {
    let Some(attrs) = &info.unsigned_attrs else {
        return Vec::new();
    };
    attrs
        .iter()
        .filter(|a| a.oid == SIGNATURE_TIMESTAMP)
        .flat_map(|a| a.values.iter())
        .take(MAX_TIMESTAMPS)
        .map(|token| {
            let der = token.to_der().unwrap_or_default();
            check(
                &der,
                info.signature.as_bytes(),
                certificates,
                store,
                options,
            )
        })
        .collect()
}

/// Most timestamps read per signer.
pub const MAX_TIMESTAMPS: usize = 4;

fn failed(problem: SignerProblem) -> TimestampReport {
    TimestampReport {
        valid: false,
        time: None,
        digest_algorithm: None,
        authority: None,
        problems: vec![problem.into()],
        token: None,
    }
}

fn check(
    token: &[u8],
    signature: &[u8],
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &super::CmsOptions,
) -> TimestampReport {
    if token.len() > MAX_MESSAGE_BYTES {
        return failed(SignerProblem::TimestampMalformed);
    }
    let Some(info) = tst_info(token) else {
        return failed(SignerProblem::TimestampMalformed);
    };
    let mut token_options = options.clone();
    token_options.validation.required_eku = Some(TIME_STAMPING);
    let report = match super::verify::verify_message(
        token,
        None,
        certificates,
        store,
        &token_options,
        false,
    ) {
        Ok(r) => r,
        Err(e) => {
            return failed(SignerProblem::TimestampInvalid {
                codes: e.code().into(),
            })
        }
    };
    let mut problems: Vec<CmsProblem> = Vec::new();
    let codes: Vec<&str> = report
        .signers
        .iter()
        .flat_map(|s| s.problems.iter().map(|p| p.code))
        .collect();
    if !codes.is_empty() {
        problems.push(
            SignerProblem::TimestampInvalid {
                codes: codes.join(", "),
            }
            .into(),
        );
    }
    match digest_of(&info.imprint_algorithm.oid, signature) {
        Ok(d) if d == info.imprint => {}
        Ok(_) => problems.push(SignerProblem::TimestampImprint.into()),
        Err(p) => problems.push(p.into()),
    }
    TimestampReport {
        valid: report.valid && problems.is_empty(),
        time: Some(info.time),
        digest_algorithm: Some(name(&info.imprint_algorithm.oid)),
        authority: report.signers.first().and_then(|s| s.subject.clone()),
        problems,
        token: Some(Box::new(report)),
    }
}

/// The parts of `TSTInfo` a verifier needs.
struct TstInfo {
    imprint_algorithm: AlgorithmIdentifierOwned,
    imprint: Vec<u8>,
    time: Timestamp,
}

/// Reads the `TSTInfo` inside a token: version, policy, messageImprint,
/// serialNumber, genTime; the optional fields after it are skipped.
fn tst_info(token: &[u8]) -> Option<TstInfo> {
    crate::pki::shape::check(token).ok()?;
    let info = ContentInfo::from_der(token).ok()?;
    let signed = info.content.decode_as::<SignedData>().ok()?;
    if signed.encap_content_info.econtent_type != TST_INFO {
        return None;
    }
    let content = signed.encap_content_info.econtent?;
    let bytes = OctetString::from_der(&content.to_der().ok()?)
        .ok()?
        .into_bytes();
    let mut reader = SliceReader::new(&bytes).ok()?;
    let parsed = reader
        .sequence(|r| {
            let _version: u8 = r.decode()?;
            let _policy: ObjectIdentifier = r.decode()?;
            let (imprint_algorithm, imprint) = r.sequence(|m| {
                let algorithm: AlgorithmIdentifierOwned = m.decode()?;
                let hashed: OctetString = m.decode()?;
                Ok((algorithm, hashed.into_bytes()))
            })?;
            let _serial: Int = r.decode()?;
            let time: GeneralizedTime = r.decode()?;
            while !r.is_finished() {
                let _: AnyRef<'_> = r.decode()?;
            }
            Ok((imprint_algorithm, imprint, time))
        })
        .ok()?;
    let (imprint_algorithm, imprint, time) = parsed;
    let seconds = i64::try_from(time.to_unix_duration().as_secs()).ok()?;
    Some(TstInfo {
        imprint_algorithm,
        imprint,
        time: Timestamp::from_second(seconds).ok()?,
    })
}
