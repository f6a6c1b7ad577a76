//! Signature evidence that names a certificate bound to the acting employee.
//!
//! A host that accepts only certificates bound to employees (see
//! [`crate::certificates`]) names the signing certificate by its SHA-256
//! fingerprint in [`SignatureEvidence::bound_certificate`]. The check then
//! takes the level and the holder from the binding, and only when the
//! certificate is bound to the acting person for the organization acted
//! for, and is within its validity at the request's time; otherwise the
//! request is refused with a coded reason and nothing of the evidence counts.
//!
//! When the evidence also carries a level of its own (made from a report the
//! host validated now), the weaker of that level and the bound one is used:
//! a binding never raises what today's validation found.
//!
//! [`Directory::signature_refusals`] is the one place a required signature
//! is checked: `check` and every command that demands a signature level of
//! its own (re-delegating and revoking powers of attorney) go through it, so
//! bound-certificate evidence counts the same everywhere.

use std::borrow::Cow;

use super::check::level_and_signer_refusals;
use super::Refusal;
use crate::accounts::Account;
use crate::certificates::CertificateError;
use crate::directory::Directory;
use crate::ids::{AccountId, OrgId};
use crate::organizations::Organization;
use crate::signatures::{SignatureEvidence, SignatureLevel};
use crate::Timestamp;

/// Longest fingerprint echoed in a refusal: a SHA-256 fingerprint is 64 hex
/// digits, so a longer value cannot name a binding and is cut there.
const MAX_FINGERPRINT_ECHO: usize = 64;

fn echo(fingerprint: &str) -> String {
    fingerprint.chars().take(MAX_FINGERPRINT_ECHO).collect()
}

/// Who signs, for which organization, and when: what a signature is held
/// against.
pub(crate) struct Signing<'a> {
    /// The acting person.
    pub actor: AccountId,
    /// The acting person's account, when it exists: the signer must be them.
    pub account: Option<&'a Account>,
    /// The organization acted for: a bound certificate counts only when
    /// bound to the actor for it.
    pub org: OrgId,
    /// The organization a certificate naming one must not contradict; `None`
    /// when the command does not hold the signer's organization against it
    /// (a representative may sign with their own firm's certificate).
    pub organization: Option<&'a Organization>,
    /// The moment of the request: a bound certificate must be valid then.
    pub at: Timestamp,
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
                fingerprint: echo(fingerprint),
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
