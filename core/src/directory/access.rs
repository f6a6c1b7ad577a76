//! The access check over the directory's state: [`Directory::check`], the
//! signature rules it and the power commands share
//! ([`Directory::signature_refusals`]) and [`Directory::effective_rights`].
//! The vocabulary of decisions and the pure rules they apply
//! (`account_refusals`, `basis_for`, `level_and_signer_refusals`) are the
//! `decisions` module's; this is where they meet the state.
//!
//! The check is a few hash lookups and bit tests, no allocation when a role
//! allows; a power of attorney is consulted only when the role path fails.

use crate::delegation::{ChainCheck, PowerAccess};
use std::borrow::Cow;

use super::Directory;
use crate::certificates::CertificateError;
use crate::decisions::{
    account_refusals, basis_for, echo_fingerprint, level_and_signer_refusals, slot, AccessRequest,
    Basis, Decision, EffectiveRight, HeldThroughPower, Refusal, Signing,
};
use crate::employees::{MembershipStatus, Standing};
use crate::ids::{AccountId, OrgId};
use crate::rights::{Right, RightSet};
use crate::roles::RoleRef;
use crate::signatures::{SignatureEvidence, SignatureLevel};
use crate::Timestamp;

impl Directory {
    /// Decides an access request, explaining the decision.
    ///
    /// Every applicable reason is reported, not only the first: an unknown
    /// right and a weak signature are both named.
    ///
    /// A signature naming a bound certificate
    /// ([`SignatureEvidence::bound_certificate`]) counts with the binding's
    /// level and holder only when the certificate is bound to the actor for
    /// the organization and valid at `request.at`; otherwise the request is
    /// refused (`access.certificate_not_bound`, `access.certificate_expired`,
    /// `access.certificate_not_yet_valid`).
    ///
    /// The right is held through membership (headship, a role, a grant) or,
    /// when membership does not give it, through a power of attorney whose
    /// whole chain works at `request.at` and gives it (the decision's
    /// `delegation` names the chain). When neither does, the refusals of
    /// both paths are reported: the membership's first, then, for each
    /// power the person holds for the organization, the link that failed.
    pub fn check(&self, request: &AccessRequest) -> Decision {
        let required = self.policy().signatures.required(request.right);
        let mut decision = Decision {
            allowed: false,
            right: request.right,
            required_signature: required,
            basis: None,
            refusals: Vec::new(),
            delegation: None,
        };
        let refusals = &mut decision.refusals;
        let (account, membership) =
            self.account_and_membership(request.actor, request.organization);
        match account {
            None => refusals.push(Refusal::AccountUnknown {
                account: request.actor,
            }),
            Some(account) => account_refusals(account, refusals),
        }
        let org = self.organization(request.organization);
        match org {
            None => refusals.push(Refusal::OrganizationUnknown {
                organization: request.organization,
            }),
            Some(org) if !org.is_active() => refusals.push(Refusal::OrganizationNotActive {
                status: org.status.code().to_owned(),
            }),
            Some(_) => {}
        }
        // The role path's refusals wait aside (no allocation): a power of
        // attorney may still give the right, and then they no longer apply.
        let mut role: [Option<Refusal>; 2] = [None, None];
        match (org, membership) {
            (_, None) => role[0] = Some(Refusal::NotAMember),
            (org, Some(m)) => {
                if m.status != MembershipStatus::Active {
                    role[0] = Some(Refusal::MembershipNotActive { status: m.status });
                }
                decision.basis = basis_for(m, org, request.right);
                if decision.basis.is_none() {
                    role[1] = Some(Refusal::RightNotHeld {
                        right: request.right,
                    });
                }
            }
        }
        let mut through_powers = Vec::new();
        if let (true, Some(account)) = (role.iter().any(Option::is_some), account) {
            match self.delegated(account, request.organization, request.right, request.at) {
                Ok(Some(basis)) => {
                    role = [None, None];
                    decision.basis = Some(Basis::PowerOfAttorney);
                    decision.delegation = Some(basis);
                }
                Ok(None) => {}
                Err(found) => through_powers = found,
            }
        }
        refusals.extend(role.into_iter().flatten());
        refusals.append(&mut through_powers);
        let signing = Signing {
            actor: request.actor,
            account,
            org: request.organization,
            organization: org,
            at: request.at,
        };
        if let Some(evidence) =
            self.signature_refusals(&request.signature, required, &signing, refusals)
        {
            if let Some(d) = &decision.delegation {
                self.accept_representing_signer(d, &evidence, refusals);
            }
        }
        decision.allowed = decision.refusals.is_empty();
        decision
    }
}

impl Directory {
    /// Every reason `evidence` does not meet `required` for `signing`: a
    /// bound certificate that is not bound to the actor for the organization
    /// or not valid at the time, a level too weak, a signer who is not the
    /// actor or contradicts the organization. Returns the evidence that
    /// counted (the binding's level and holder when it names a bound
    /// certificate), or `None` when the bound certificate was refused.
    pub(crate) fn signature_refusals<'e>(
        &self,
        evidence: &'e SignatureEvidence,
        required: SignatureLevel,
        signing: &Signing<'_>,
        out: &mut Vec<Refusal>,
    ) -> Option<Cow<'e, SignatureEvidence>> {
        match self.resolve_signature(evidence, signing.actor, signing.org, signing.at) {
            Ok(evidence) => {
                level_and_signer_refusals(
                    &evidence,
                    required,
                    signing.account,
                    signing.organization,
                    out,
                );
                Some(evidence)
            }
            Err(refusal) => {
                out.push(refusal);
                None
            }
        }
    }

    /// The evidence the check uses: `evidence` itself when it names no bound
    /// certificate, otherwise the level and holder of the binding.
    fn resolve_signature<'e>(
        &self,
        evidence: &'e SignatureEvidence,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Result<Cow<'e, SignatureEvidence>, Refusal> {
        let Some(fingerprint) = &evidence.bound_certificate else {
            return Ok(Cow::Borrowed(evidence));
        };
        let bound = self
            .certificate_state()
            .of(org, actor)
            .iter()
            .find(|c| c.fingerprint.eq_ignore_ascii_case(fingerprint))
            .ok_or_else(|| Refusal::CertificateNotBound {
                fingerprint: echo_fingerprint(fingerprint),
            })?;
        match bound.usable_at(at) {
            Ok(()) => {}
            Err(CertificateError::NotYetValid { not_before }) => {
                return Err(Refusal::CertificateNotYetValid {
                    fingerprint: bound.fingerprint.clone(),
                    not_before,
                })
            }
            Err(_) => {
                return Err(Refusal::CertificateExpired {
                    fingerprint: bound.fingerprint.clone(),
                    not_after: bound.not_after,
                })
            }
        }
        let level = match evidence.level {
            SignatureLevel::Simple => bound.level,
            offered => offered.min(bound.level),
        };
        Ok(Cow::Owned(SignatureEvidence {
            level,
            signer: Some(bound.holder.clone()),
            bound_certificate: Some(bound.fingerprint.clone()),
        }))
    }
}

impl Directory {
    /// The rights `actor` can exercise for `org` at `at`, each with its
    /// provenance, in catalog order: through membership (when the member is
    /// active) and through every power of attorney whose chain works at `at`.
    /// Empty when the actor cannot act for the organization at all
    /// (unknown, blocked, not confirmed, organization not active);
    /// [`Directory::check`] says why.
    pub fn effective_rights(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Vec<EffectiveRight> {
        let (Some(account), Some(o)) = (self.account(actor), self.organization(org)) else {
            return Vec::new();
        };
        if !account.may_act() || !o.is_active() {
            return Vec::new();
        }
        let mut slots: Vec<Option<EffectiveRight>> = vec![None; Right::ALL.len()];
        if let Some(m) = self
            .membership(org, actor)
            .filter(|m| m.status == MembershipStatus::Active)
        {
            for right in m.rights(o).iter() {
                let Some(e) = slot(&mut slots, right) else {
                    continue;
                };
                if m.standing == Standing::Head {
                    e.sources.push(Basis::Head);
                }
                for role in m.roles.iter() {
                    let gives = match role {
                        RoleRef::BuiltIn(b) => b.rights().contains(right),
                        RoleRef::Custom(id) => {
                            o.custom_role(id).is_some_and(|r| r.rights.contains(right))
                        }
                    };
                    if gives {
                        e.sources.push(Basis::Role(role));
                    }
                }
                if m.grants.contains(right) {
                    e.sources.push(Basis::Grant);
                }
            }
        }
        for (place, power) in self.candidate_powers(account, org) {
            let Ok(basis) = self.verify_slot(place, power, None, at) else {
                continue;
            };
            let held = HeldThroughPower {
                number: basis.number,
                valid_until: basis.valid_until,
            };
            for right in basis.powers.iter() {
                let Some(e) = slot(&mut slots, right) else {
                    continue;
                };
                if !e.sources.contains(&Basis::PowerOfAttorney) {
                    e.sources.push(Basis::PowerOfAttorney);
                }
                e.powers.push(held);
            }
        }
        slots.into_iter().flatten().collect()
    }

    /// The rights `actor` holds for `org` at `at` through powers of
    /// attorney alone, as a set.
    pub fn rights_through_powers(&self, actor: AccountId, org: OrgId, at: Timestamp) -> RightSet {
        let Some(account) = self.account(actor) else {
            return RightSet::EMPTY;
        };
        self.candidate_powers(account, org)
            .filter_map(|(s, p)| self.verify_slot(s, p, None, at).ok())
            .fold(RightSet::EMPTY, |acc, b| acc.union(b.powers))
    }
}
