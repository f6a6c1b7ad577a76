//! The pure rules of the access check: why an account cannot act, what a
//! membership rests on, whether a signature meets a level (the check itself,
//! over the state, is `directory/access.rs`).

use super::{Basis, Refusal};
use crate::accounts::Account;
use crate::employees::{Membership, Standing};
use crate::organizations::Organization;
use crate::rights::Right;
use crate::roles::RoleRef;
use crate::signatures::{SignatureEvidence, SignerIdentity};
use crate::SignatureLevel;

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
pub(crate) fn level_and_signer_refusals(
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
