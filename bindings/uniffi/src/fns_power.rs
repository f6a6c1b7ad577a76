//! The FNS power of attorney (EMCHD_1 XML) for Kotlin and Swift: read,
//! export, verify with the detached signature, and register a verified
//! one as evidence (`fnsPowerEvidence`, `importFnsPower`). The power crosses as its
//! JSON form (the one `kabinet mchd show --json` prints), the verification
//! as a record with the whole report beside it in JSON.

use crate::certificates::{validation_options, AnchorPolicy, ProfileStrictness, TrustStore};
use crate::handle::Kabinet;
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{
    self, PowerClassifier, PowerEvidence, SignedPowerError, SignedPowerReport, TermState,
};
use kabinet::ffi::{Area, KabinetError};
use kabinet::Timestamp;
use std::sync::Arc;

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
    at: Timestamp,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<FnsPowerVerification, KabinetError> {
    let report = signed_report(
        &xml,
        &signature,
        &store,
        at,
        soft_fail_revocation,
        anchor_policy,
        profile,
    )?;
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
        valid_from: report.valid_from,
        valid_until: report.valid_until,
        problems: report.problems.iter().map(|p| p.code.clone()).collect(),
        signing_time: signer.and_then(|s| s.signing_time),
        timestamp_valid: stamp.map(|t| t.valid),
        timestamp_time: stamp.and_then(|t| t.time),
        report_json: serde_json::to_string(&report).map_err(|e| json_error(&e))?,
    })
}

/// Verifies a power with its signature at `at` (the trust arguments of
/// [`verify_fns_power`]).
fn signed_report(
    xml: &[u8],
    signature: &[u8],
    store: &TrustStore,
    at: Timestamp,
    soft_fail_revocation: bool,
    anchor_policy: Option<AnchorPolicy>,
    profile: Option<ProfileStrictness>,
) -> Result<SignedPowerReport, KabinetError> {
    let mut options = CmsOptions::at(at);
    options.validation = validation_options(at, soft_fail_revocation, anchor_policy, profile)?;
    fns_xml::verify_signed_power(xml, signature, &[], &store.lock(), &options).map_err(|e| match &e
    {
        SignedPowerError::Document(d) => KabinetError::coded(Area::Power, d),
        _ => KabinetError::coded(Area::Certificate, &e),
    })
}

/// A classifier code of a power and the rights it gives.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MappedPower {
    /// `КодПолн`.
    pub code: String,
    /// The rights' codes.
    pub rights: Vec<String>,
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
    fn of(e: &PowerEvidence) -> Result<Self, KabinetError> {
        Ok(Self {
            number: e.mchd.document.number.clone(),
            mchd_json: serde_json::to_string(&e.mchd).map_err(|e| json_error(&e))?,
            granted: e
                .granted
                .iter()
                .map(|g| MappedPower {
                    code: g.code.clone(),
                    rights: g.rights.iter().map(|r| r.code().to_owned()).collect(),
                })
                .collect(),
            unmapped: e.unmapped.clone(),
            restricted: e.restricted.clone(),
            text_powers: e.text_powers,
            registry_url: e.registry_url.clone(),
        })
    }
}

#[uniffi::export]
impl Kabinet {
    /// Verifies an FNS power (EMCHD_1 XML and its detached signature) at
    /// `at` and reads it as evidence through the classifier table
    /// (`classifierJson`: `{"CODE": ["right.code", …]}`), without
    /// registering it.
    ///
    /// # Errors
    /// `Power` with `mchd_evidence.*` (not authentic, expired, nothing
    /// mapped, a table that does not read) or `mchd_xml.*`; `Certificate`
    /// when the signature is not a CMS message.
    #[uniffi::method(default(anchor_policy = None, profile = None))]
    #[allow(clippy::too_many_arguments)] // the trust arguments of verifyFnsPower
    pub fn fns_power_evidence(
        &self,
        xml: Vec<u8>,
        signature: Vec<u8>,
        store: Arc<TrustStore>,
        classifier_json: String,
        at: Timestamp,
        soft_fail_revocation: bool,
        anchor_policy: Option<AnchorPolicy>,
        profile: Option<ProfileStrictness>,
    ) -> Result<FnsPowerEvidence, KabinetError> {
        let table = PowerClassifier::from_json(&classifier_json)
            .map_err(|e| KabinetError::coded(Area::Power, &e))?;
        let report = signed_report(
            &xml,
            &signature,
            &store,
            at,
            soft_fail_revocation,
            anchor_policy,
            profile,
        )?;
        let evidence = self
            .inner
            .read()
            .power_evidence(&report, &table)
            .map_err(|e| KabinetError::coded(Area::Power, &e))?;
        FnsPowerEvidence::of(&evidence)
    }

    /// [`Kabinet::fns_power_evidence`], then registers the power at `at`.
    ///
    /// # Errors
    /// As `fnsPowerEvidence`; `Power` (`mchd.*`) when the principal or the
    /// signer is not in the directory; `Command` when the registration is refused.
    #[uniffi::method(default(anchor_policy = None, profile = None))]
    #[allow(clippy::too_many_arguments)] // the trust arguments of verifyFnsPower
    pub fn import_fns_power(
        &self,
        xml: Vec<u8>,
        signature: Vec<u8>,
        store: Arc<TrustStore>,
        classifier_json: String,
        at: Timestamp,
        soft_fail_revocation: bool,
        anchor_policy: Option<AnchorPolicy>,
        profile: Option<ProfileStrictness>,
    ) -> Result<FnsPowerEvidence, KabinetError> {
        let evidence = self.fns_power_evidence(
            xml,
            signature,
            store,
            classifier_json,
            at,
            soft_fail_revocation,
            anchor_policy,
            profile,
        )?;
        self.import_power(evidence.mchd_json.clone(), at)?;
        Ok(evidence)
    }
}
