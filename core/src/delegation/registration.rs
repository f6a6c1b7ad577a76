//! Registration by a representative: the power of attorney (МЧД) presented
//! with a submission, kept with the registration until the registry answers,
//! and the checks that decide whether it carries the registration.
//!
//! A representative submits the organization's requisites together with the
//! power they hold. The power names the principal by ИНН (and ОГРН) — the
//! organization does not exist in the directory yet —, the person who signed
//! it for the principal, the representative, a validity period and powers.
//! It is read when presented (every field validated, the signer found among
//! the accounts) and kept as a [`RegistrationPower`] beside the registration,
//! outside the powers of attorney the access check uses: an unchecked power
//! never grants anything.
//!
//! The formal check and the reconciliation with the registry judge it, every
//! reason at once:
//!
//! | reason | code |
//! |---|---|
//! | the signer is not the head the registry names, or the power was passed on (передоверие) | `registration.power_issuer_not_head` |
//! | the principal's ИНН or ОГРН differs from the submitted ones | `registration.power_principal_mismatch` |
//! | the representative is not the submitter (by СНИЛС / ИНН) | `registration.power_not_for_submitter` |
//! | not yet valid, or expired, at the time of the check | `registration.power_not_yet_valid`, `registration.power_expired` |
//! | revoked by the signer or refused by the representative before the answer | `registration.power_revoked`, `registration.power_refused` |
//! | it does not give every right of [`PowerLevel::REGISTRATION`] | `registration.power_scope` |
//!
//! The head is only known once the registry answers, so the formal check
//! judges everything but the signer; the reconciliation judges everything
//! again at its own time. On activation the power joins the directory's
//! powers of attorney, where decisions name it.

use super::{PowerLevel, PowerNumber, PowerOfAttorney, PowerStatus, TermPosition};
use crate::identifiers::{Inn, Ogrn};
use crate::ids::OrgId;
use crate::organizations::{PowerCheck, RejectionReason};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A power of attorney presented to register an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistrationPower {
    /// The principal's ИНН as the power names it (`СвДоверит.ИННЮЛ`).
    pub principal_inn: Inn,
    /// The principal's ОГРН as the power names it, if it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub principal_ogrn: Option<Ogrn>,
    /// The power itself: its principal is the organization being registered,
    /// its issuer the account of the person who signed it, its status whether
    /// it was revoked or refused meanwhile.
    pub power: PowerOfAttorney,
}

/// The powers presented with registrations not yet active, by organization.
/// They are few (registrations under way), so a power is found by number by
/// looking through them rather than through an index kept beside them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct RegistrationPowers {
    by_org: HashMap<OrgId, RegistrationPower>,
}

impl RegistrationPowers {
    /// The power presented for an organization, replacing an earlier one.
    pub(crate) fn insert(&mut self, org: OrgId, power: RegistrationPower) {
        self.by_org.insert(org, power);
    }

    /// Forgets the power of an organization (once active, it lives among the
    /// powers of attorney).
    pub(crate) fn remove(&mut self, org: OrgId) {
        self.by_org.remove(&org);
    }

    /// The power presented for an organization.
    pub(crate) fn of(&self, org: OrgId) -> Option<&RegistrationPower> {
        self.by_org.get(&org)
    }

    /// The presented power with a number.
    pub(crate) fn by_number(&self, number: &PowerNumber) -> Option<&RegistrationPower> {
        self.by_org.values().find(|p| p.power.number == *number)
    }

    /// Ends a presented power that is still in force.
    pub(crate) fn end(&mut self, number: &PowerNumber, status: PowerStatus) {
        let presented = self.by_org.values_mut().find(|p| p.power.number == *number);
        if let Some(p) = presented.filter(|p| p.power.status == PowerStatus::InForce) {
            p.power.status = status;
        }
    }

    /// Every presented power, by organization (snapshots rely on the order).
    pub(crate) fn in_order(&self) -> Vec<RegistrationPower> {
        let mut all: Vec<RegistrationPower> = self.by_org.values().cloned().collect();
        all.sort_by_key(|p| p.power.principal);
        all
    }
}

/// Every reason the power cannot carry the registration, in the order of
/// the module's table.
pub(crate) fn power_reasons(rp: &RegistrationPower, c: &PowerCheck<'_>) -> Vec<RejectionReason> {
    let p = &rp.power;
    let mut reasons = Vec::new();
    let signed_by_head = match c.head_inn {
        Some(head) => c.issuer.and_then(|a| a.inn.as_ref()) == Some(head),
        None => true,
    };
    if p.parent.is_some() || !signed_by_head {
        reasons.push(RejectionReason::PowerIssuerNotHead);
    }
    if rp.principal_inn != c.requisites.inn {
        reasons.push(RejectionReason::PowerPrincipalMismatch {
            field: "inn".into(),
        });
    }
    if rp.principal_ogrn.is_some() && rp.principal_ogrn != c.requisites.ogrn {
        reasons.push(RejectionReason::PowerPrincipalMismatch {
            field: "ogrn".into(),
        });
    }
    if !super::represents(c.submitter, &p.representative) {
        reasons.push(RejectionReason::PowerNotForSubmitter);
    }
    match p.status {
        PowerStatus::InForce => {}
        PowerStatus::Refused { at } => reasons.push(RejectionReason::PowerRefused { at }),
        PowerStatus::Revoked { at, .. } | PowerStatus::Ended { at, .. } => {
            reasons.push(RejectionReason::PowerRevoked { at });
        }
    }
    match p.term_position(c.at) {
        TermPosition::Within => {}
        TermPosition::NotYetValid => reasons.push(RejectionReason::PowerNotYetValid {
            valid_from: p.valid_from,
        }),
        TermPosition::Expired => reasons.push(RejectionReason::PowerExpired {
            valid_until: p.valid_until,
        }),
    }
    let missing = PowerLevel::REGISTRATION.rights().difference(p.powers);
    if !missing.is_empty() {
        reasons.push(RejectionReason::PowerScope { missing });
    }
    reasons
}
