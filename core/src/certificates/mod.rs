//! Signature certificates bound to the employees of an organization (DOMAIN §7).
//!
//! A host validates a certificate ([`crate::pki::validate`]) and turns the
//! valid [`ValidationReport`](crate::pki::ValidationReport) into a
//! [`BoundCertificate`] with [`BoundCertificate::from_report`]: fingerprint,
//! serial, issuer, the holder's typed identity, the end of validity and the
//! signature level it supports. Binding it is a command,
//! [`CertificateCommand::Bind`], for a holder of `certificates.edit`: the
//! holder must match the organization (ИННЮЛ and ОГРН of a legal entity,
//! ИНН and ОГРНИП of an entrepreneur) and the person (СНИЛС and ИНН of the
//! account), through [`crate::pki::russian::match_holder`]; an expired
//! certificate is refused, one expiring within 30 days is bound with a
//! warning carried in the event (and a notice for the notifications).
//! [`CertificateCommand::Unbind`] needs `certificates.delete`.
//!
//! Using a bound certificate in an access decision: the host validates the
//! certificate a request was signed with and passes
//! `report.signature_evidence()` as the [`Context`](crate::Context)'s or
//! [`AccessRequest`](crate::AccessRequest)'s signature; `check` then matches
//! the signer to the person and the organization itself. A host that only
//! accepts bound certificates passes `report.bound_signature_evidence()`
//! instead (or just [`SignatureEvidence::bound`](crate::SignatureEvidence::bound)
//! with the certificate's fingerprint): `check` then uses the binding's level
//! (КЭП or УНЭП) and holder, and only while the certificate is bound to the
//! actor for that organization and within its validity at the request's
//! time; otherwise it refuses with `access.certificate_not_bound`,
//! `access.certificate_expired` or `access.certificate_not_yet_valid`.

mod bound;
mod command;
mod error;
mod execute;
mod world;

pub use bound::{BoundCertificate, CertificateWarning, EXPIRY_WARNING_DAYS};
pub use command::{CertificateCommand, CertificateEvent};
pub use error::CertificateError;
pub use execute::MAX_PER_EMPLOYEE;
pub(crate) use execute::{apply, execute, notices_for};
pub(crate) use world::CertificateWorld;

use crate::ids::{AccountId, OrgId};
use crate::notifications::CertificateExpiry;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Every certificate bound, per organization and account, in binding order.
/// Serialized as a list of [`Binding`]s (JSON keys cannot be pairs).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(from = "Vec<Binding>", into = "Vec<Binding>")]
pub struct CertificateState {
    pub(crate) bound: BTreeMap<(OrgId, AccountId), Vec<BoundCertificate>>,
}

/// The certificates bound to one employee of one organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Binding {
    /// The organization.
    pub org: OrgId,
    /// The employee.
    pub account: AccountId,
    /// The certificates, in binding order.
    pub certificates: Vec<BoundCertificate>,
}

impl From<Vec<Binding>> for CertificateState {
    fn from(list: Vec<Binding>) -> Self {
        Self {
            bound: list
                .into_iter()
                .filter(|b| !b.certificates.is_empty())
                .map(|b| ((b.org, b.account), b.certificates))
                .collect(),
        }
    }
}

impl From<CertificateState> for Vec<Binding> {
    fn from(state: CertificateState) -> Self {
        state
            .bound
            .into_iter()
            .map(|((org, account), certificates)| Binding {
                org,
                account,
                certificates,
            })
            .collect()
    }
}

impl CertificateState {
    /// The certificates bound to an employee of an organization, in binding order.
    pub fn of(&self, org: OrgId, account: AccountId) -> &[BoundCertificate] {
        self.bound
            .get(&(org, account))
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The binding of a certificate by its SHA-256 fingerprint (hex, any case).
    pub fn find(&self, org: OrgId, fingerprint: &str) -> Option<(AccountId, &BoundCertificate)> {
        self.bound
            .range((org, AccountId(0))..=(org, AccountId(u64::MAX)))
            .flat_map(|(&(_, a), v)| v.iter().map(move |c| (a, c)))
            .find(|(_, c)| c.fingerprint.eq_ignore_ascii_case(fingerprint))
    }

    /// Every binding, of one organization or of all, that is still valid at
    /// `at` and expires within `days` days of it, soonest first.
    pub fn expiring_within(
        &self,
        org: Option<OrgId>,
        at: Timestamp,
        days: i64,
    ) -> Vec<(OrgId, AccountId, &BoundCertificate)> {
        let mut out: Vec<_> = self
            .bound
            .iter()
            .filter(|((o, _), _)| org.is_none_or(|wanted| wanted == *o))
            .flat_map(|(&(o, a), v)| v.iter().map(move |c| (o, a, c)))
            .filter(|(_, _, c)| c.expires_within(at, days))
            .collect();
        out.sort_by_key(|(o, a, c)| (c.not_after, *o, *a));
        out
    }

    /// Every binding as the expiries the reminders of
    /// [`crate::notifications::certificate_reminders`] take.
    pub fn expiries(&self) -> Vec<CertificateExpiry> {
        self.bound
            .iter()
            .flat_map(|(&(org, holder), v)| {
                v.iter().map(move |c| CertificateExpiry {
                    serial: c.serial.clone(),
                    holder,
                    org: Some(org),
                    not_after: c.not_after,
                })
            })
            .collect()
    }
}
