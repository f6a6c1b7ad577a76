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
//! `Directory::signature_refusals` (`directory/access.rs`) is the one place a required signature
//! is checked: `check` and every command that demands a signature level of
//! its own (re-delegating and revoking powers of attorney) go through it, so
//! bound-certificate evidence counts the same everywhere.

use crate::accounts::Account;
use crate::ids::{AccountId, OrgId};
use crate::organizations::Organization;
use crate::Timestamp;

/// Longest fingerprint echoed in a refusal: a SHA-256 fingerprint is 64 hex
/// digits, so a longer value cannot name a binding and is cut there.
const MAX_FINGERPRINT_ECHO: usize = 64;

/// A fingerprint as a refusal may echo it.
pub(crate) fn echo_fingerprint(fingerprint: &str) -> String {
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
