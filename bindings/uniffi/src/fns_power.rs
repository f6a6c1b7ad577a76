//! The FNS power of attorney (EMCHD_1 XML) for Kotlin and Swift: read,
//! export, verify with the detached signature, and register a verified
//! one as evidence (`fnsPowerEvidence`, `importFnsPower`). The power crosses as its
//! JSON form (the one `kabinet mchd show --json` prints), the verification
//! as a record with the whole report beside it in JSON.

use crate::certificates::{validation_options, AnchorPolicy, ProfileStrictness, TrustStore};
use crate::handle::Kabinet;
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{self, PowerClassifier, SignedPowerError, SignedPowerReport};
use kabinet::ffi::{json_error, Area, KabinetError};
use kabinet::ffi::{FnsPowerEvidence, FnsPowerVerification};
use kabinet::Timestamp;
use std::sync::Arc;

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
    FnsPowerVerification::of(&report)
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
