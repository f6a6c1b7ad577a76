//! The FNS power of attorney (EMCHD_1 XML) for Kotlin and Swift: read,
//! export and verify with the detached signature. The power crosses as its
//! JSON form (the one `kabinet mchd show --json` prints), the verification
//! as a record with the whole report beside it in JSON.

use crate::certificates::{validation_options, AnchorPolicy, ProfileStrictness, TrustStore};
use crate::error::{Area, KabinetError};
use crate::time;
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{self, SignedPowerError, TermState};
use std::sync::Arc;
use std::time::SystemTime;

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
    pub valid_from: SystemTime,
    /// The first instant it no longer works.
    pub valid_until: SystemTime,
    /// Why it is not authentic (`mchd_sig.*`).
    pub problems: Vec<String>,
    /// The signing time the signer states.
    pub signing_time: Option<SystemTime>,
    /// Whether the signature timestamp (CAdES-T) is valid, when there is one.
    pub timestamp_valid: Option<bool>,
    /// The time the timestamp authority states.
    pub timestamp_time: Option<SystemTime>,
    /// The whole report as JSON (power, signature, signer match).
    pub report_json: String,
}

fn json_error(e: &serde_json::Error) -> KabinetError {
    KabinetError::coded(
        Area::Power,
        &fns_xml::FnsXmlError::Json {
            detail: e.to_string(),
        },
    )
}

/// Reads a power of attorney from the bytes of an EMCHD_1 file; returns its JSON form.
///
/// # Errors
/// `Power` with `mchd_xml.*` or the code of a failing identifier.
#[uniffi::export]
pub fn read_fns_power(data: Vec<u8>) -> Result<String, KabinetError> {
    let power =
        fns_xml::parse_fns_power(&data).map_err(|e| KabinetError::coded(Area::Power, &e))?;
    serde_json::to_string(&power).map_err(|e| json_error(&e))
}

/// Writes a power given in its JSON form as EMCHD_1 XML, read back first.
///
/// # Errors
/// `Power` with `mchd_xml.json` for another shape, `mchd_xml.*` or an
/// identifier's code for a value the format refuses.
#[uniffi::export]
pub fn export_fns_power(power_json: String) -> Result<String, KabinetError> {
    fns_xml::export_fns_power_json(&power_json).map_err(|e| KabinetError::coded(Area::Power, &e))
}

/// Verifies a power of attorney file against its detached CMS signature at
/// `at`: the certificate at the signing time, the term at `at`.
///
/// # Errors
/// `Power` when the file is not a power, `Certificate` (`cms.*`) when the
/// signature is not a CMS message; `time.out_of_range`.
#[uniffi::export(default(anchor_policy = None, profile = None))]
pub fn verify_fns_power(
    xml: Vec<u8>,
    signature: Vec<u8>,
    store: Arc<TrustStore>,
    at: SystemTime,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<FnsPowerVerification, KabinetError> {
    let mut options = CmsOptions::at(time::from_host(at)?);
    options.validation = validation_options(at, soft_fail_revocation, anchor_policy, profile)?;
    let report = fns_xml::verify_signed_power(&xml, &signature, &[], &store.lock(), &options)
        .map_err(|e| match &e {
            SignedPowerError::Document(d) => KabinetError::coded(Area::Power, d),
            _ => KabinetError::coded(Area::Certificate, &e),
        })?;
    let signer = report.signature.signers.first();
    let stamp = signer.and_then(|s| s.timestamps.first());
    Ok(FnsPowerVerification {
        valid: report.valid,
        term: match report.term {
            TermState::NotYetValid => "not_yet_valid",
            TermState::InForce => "in_force",
            TermState::Expired => "expired",
        }
        .into(),
        number: report.power.number.to_string(),
        valid_from: time::to_host(report.valid_from),
        valid_until: time::to_host(report.valid_until),
        problems: report.problems.iter().map(|p| p.code.clone()).collect(),
        signing_time: signer.and_then(|s| s.signing_time).map(time::to_host),
        timestamp_valid: stamp.map(|t| t.valid),
        timestamp_time: stamp.and_then(|t| t.time).map(time::to_host),
        report_json: serde_json::to_string(&report).map_err(|e| json_error(&e))?,
    })
}
