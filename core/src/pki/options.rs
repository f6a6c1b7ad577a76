//! What validation is asked to do: the time, the revocation policy, the purpose, the budget.

use const_oid::ObjectIdentifier;
use jiff::SignedDuration;

use crate::Timestamp;

/// What to do when no current CRL tells whether a certificate is revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RevocationPolicy {
    /// Refuse the certificate (the safe default).
    #[default]
    Require,
    /// Accept it, and report a warning.
    SoftFail,
}

/// Bounds on the work one validation may do on untrusted input (webpki style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Signature verifications, certificates and CRLs together. webpki allows
    /// 100; a qualified path with CRLs needs about six, PKITS at most a dozen.
    /// CRL signatures the store already verified (it remembers them) do not count.
    pub signatures: usize,
    /// Complete candidate paths (leaf to anchor) evaluated. Key rollover gives a
    /// few candidates per level; 32 covers two rollovers on a four-level path
    /// while bounding a deliberately tangled pool of intermediates.
    pub paths: usize,
    /// Name-constraint comparisons (name × subtree). webpki's limit is 250 000,
    /// which bounds a certificate stuffed with names against many subtrees.
    pub name_constraint_checks: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            signatures: 100,
            paths: 32,
            name_constraint_checks: 250_000,
        }
    }
}

/// The policy inputs of RFC 5280 §6.1.1 (c, e, f, g). The defaults accept any policy.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PolicyOptions {
    /// user-initial-policy-set; `None` is {anyPolicy}.
    pub initial_policy_set: Option<Vec<ObjectIdentifier>>,
    /// initial-explicit-policy: the path must be valid for at least one policy.
    pub require_explicit_policy: bool,
    /// initial-policy-mapping-inhibit.
    pub inhibit_policy_mapping: bool,
    /// initial-any-policy-inhibit.
    pub inhibit_any_policy: bool,
}

/// The inputs of one validation.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationOptions {
    /// The time at which the certificate must be valid.
    pub at: Timestamp,
    /// What to do when revocation status is unknown.
    pub revocation: RevocationPolicy,
    /// An extended key usage the leaf must carry, when asked.
    pub required_eku: Option<ObjectIdentifier>,
    /// The certificate policy inputs.
    pub policy: PolicyOptions,
    /// The work budget.
    pub budget: Budget,
    /// Warn when a certificate of the path expires within this time (30 days by default).
    pub expiry_warning: SignedDuration,
}

impl ValidationOptions {
    /// The defaults at a given time: CRLs required, no extended key usage, the
    /// default budget, warnings 30 days before expiry.
    pub fn at(at: Timestamp) -> Self {
        Self {
            at,
            revocation: RevocationPolicy::Require,
            required_eku: None,
            policy: PolicyOptions::default(),
            budget: Budget::default(),
            expiry_warning: SignedDuration::from_hours(30 * 24),
        }
    }
}
