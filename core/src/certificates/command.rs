//! Certificate commands and their events.

use super::{BoundCertificate, CertificateWarning};
use crate::ids::{AccountId, OrgId};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A change to the certificates bound to employees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "certificate_command")]
pub enum CertificateCommand {
    /// Binds a validated certificate to an employee. Right `certificates.edit`;
    /// the holder must match the organization and the employee.
    Bind {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The certificate, from [`BoundCertificate::from_report`].
        certificate: BoundCertificate,
    },
    /// Unbinds a certificate from an employee. Right `certificates.delete`.
    Unbind {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The certificate's SHA-256 fingerprint, hex.
        fingerprint: String,
    },
}

impl CertificateCommand {
    /// The organization the command names.
    pub fn organization(&self) -> OrgId {
        match self {
            Self::Bind { org, .. } | Self::Unbind { org, .. } => *org,
        }
    }
}

/// What a certificate command did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "certificate_event")]
pub enum CertificateEvent {
    /// A certificate was bound to an employee.
    Bound {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// The certificate (boxed: it is the largest part of any event).
        certificate: Box<BoundCertificate>,
        /// Who bound it.
        by: AccountId,
        /// When.
        at: Timestamp,
        /// What should be seen: it expires soon.
        warnings: Vec<CertificateWarning>,
    },
    /// A certificate was unbound.
    Unbound {
        /// The organization.
        org: OrgId,
        /// The employee.
        account: AccountId,
        /// Its SHA-256 fingerprint, lowercase hex.
        fingerprint: String,
        /// Who unbound it.
        by: AccountId,
        /// When.
        at: Timestamp,
    },
}
