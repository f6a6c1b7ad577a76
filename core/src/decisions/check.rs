//! The access check: a few hash lookups and bit tests, no allocation when a
//! role allows; a power of attorney is consulted only when the role path fails.

use super::bound_signature::Signing;
use super::{AccessRequest, Basis, Decision, Refusal};
use crate::accounts::{Account, AccountLevel, AccountStatus};
use crate::directory::Directory;
use crate::employees::{Membership, MembershipStatus, Standing};
use crate::organizations::Organization;
use crate::rights::Right;
use crate::roles::RoleRef;
use crate::signatures::{SignatureEvidence, SignerIdentity};
use crate::SignatureLevel;

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

/// Why an account cannot act at all, if it cannot.
pub(crate) fn account_refusals(account: &Account, out: &mut Vec<Refusal>) {
    match account.status {
        AccountStatus::Active => {}
        AccountStatus::Blocked(reason) => out.push(Refusal::AccountBlocked { reason }),
        AccountStatus::Disabled => out.push(Refusal::AccountDisabled),
    }
    if account.level != AccountLevel::Confirmed {
        out.push(Refusal::AccountNotConfirmed {
            level: account.level,
        });
    }
}

/// The first source that gives the member the right: headship, a role in the
/// order the member holds them, or an individual grant.
pub(crate) fn basis_for(m: &Membership, org: Option<&Organization>, right: Right) -> Option<Basis> {
    if m.standing == Standing::Head {
        return Some(Basis::Head);
    }
    m.roles
        .iter()
        .find(|role| match role {
            RoleRef::BuiltIn(b) => b.rights().contains(right),
            RoleRef::Custom(id) => org
                .and_then(|o| o.custom_role(*id))
                .is_some_and(|r| r.rights.contains(right)),
        })
        .map(Basis::Role)
        .or_else(|| m.grants.contains(right).then_some(Basis::Grant))
}

/// Whether the signature offered (bound evidence already resolved) is strong
/// enough and asserts the acting person and, when it names one, the
/// organization acted for. Reached only through
/// `Directory::signature_refusals`, which resolves bindings first.
pub(super) fn level_and_signer_refusals(
    evidence: &SignatureEvidence,
    required: SignatureLevel,
    account: Option<&Account>,
    org: Option<&Organization>,
    out: &mut Vec<Refusal>,
) {
    if !evidence.level.satisfies(required) {
        out.push(Refusal::SignatureTooWeak {
            required,
            offered: evidence.level,
        });
    }
    if evidence.level == SignatureLevel::Simple {
        return;
    }
    let Some(signer) = &evidence.signer else {
        out.push(Refusal::SignerIdentityMissing);
        return;
    };
    if let Some(account) = account {
        if !signer_is(signer, account) {
            out.push(Refusal::SignerNotActor);
        }
    }
    if let Some(org) = org {
        if !signer_belongs_to(signer, org) {
            out.push(Refusal::SignerOrganizationMismatch);
        }
    }
}

/// The certificate names the person: at least one of СНИЛС or ИНН matches the
/// account and none contradicts it.
fn signer_is(signer: &SignerIdentity, account: &Account) -> bool {
    let snils = agree(signer.snils.as_ref(), account.snils.as_ref());
    let inn = agree(signer.inn.as_ref(), account.inn.as_ref());
    snils != Agreement::Contradicts
        && inn != Agreement::Contradicts
        && (snils == Agreement::Matches || inn == Agreement::Matches)
}

/// A certificate that names an organization names this one. A personal
/// certificate (no organization in it) is the person's own and fits any
/// organization they act for.
fn signer_belongs_to(signer: &SignerIdentity, org: &Organization) -> bool {
    let r = &org.requisites;
    let claims = [
        agree(signer.organization_inn.as_ref(), Some(&r.inn)),
        agree(signer.ogrn.as_ref(), r.ogrn.as_ref()),
        agree(signer.ogrnip.as_ref(), r.ogrnip.as_ref()),
    ];
    !claims.contains(&Agreement::Contradicts)
}

#[derive(PartialEq, Eq)]
enum Agreement {
    Matches,
    Contradicts,
    Unknown,
}

fn agree<T: PartialEq>(claim: Option<&T>, actual: Option<&T>) -> Agreement {
    match (claim, actual) {
        (Some(c), Some(a)) if c == a => Agreement::Matches,
        (Some(_), _) => Agreement::Contradicts,
        (None, _) => Agreement::Unknown,
    }
}
