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

/// How trust anchors given as certificates are taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum AnchorPolicy {
    /// The anchor is a certificate like any other: valid at the time of
    /// validation, no unknown critical or duplicate extension, a critical
    /// basicConstraints asserting cA, keyCertSign when keyUsage is present,
    /// the profile rules of a certification authority (the safe default, as
    /// OpenSSL, Go and rustls do).
    #[default]
    Certificate,
    /// Only the anchor's name and key are used (RFC 5280 §6.1.1 d: the anchor
    /// is an input, not a certificate to validate). For trust lists whose
    /// roots predate the profile, such as the TC26 reference root, which has
    /// no basicConstraints. Name constraints the anchor carries still apply.
    NameAndKeyOnly,
}

/// A validation option named by a host (Python, Kotlin, the command line)
/// that is not one of the option's names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OptionError {
    /// Not a revocation policy (`require`, `soft_fail`).
    #[error("unknown revocation policy '{name}'")]
    UnknownRevocationPolicy {
        /// The name given.
        name: String,
    },
    /// Not an anchor policy (`certificate`, `name_and_key_only`).
    #[error("unknown anchor policy '{name}'")]
    UnknownAnchorPolicy {
        /// The name given.
        name: String,
    },
    /// Not a profile strictness (`strict`, `relaxed`).
    #[error("unknown profile strictness '{name}'")]
    UnknownProfile {
        /// The name given.
        name: String,
    },
}

impl crate::Coded for OptionError {
    fn code(&self) -> &'static str {
        match self {
            Self::UnknownRevocationPolicy { .. } => "pki.unknown_revocation_policy",
            Self::UnknownAnchorPolicy { .. } => "pki.unknown_anchor_policy",
            Self::UnknownProfile { .. } => "pki.unknown_profile",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::UnknownRevocationPolicy { name } => {
                format!("неизвестная политика проверки отзыва «{name}»")
            }
            Self::UnknownAnchorPolicy { name } => {
                format!("неизвестная политика доверенных корней «{name}»")
            }
            Self::UnknownProfile { name } => format!("неизвестная строгость профиля «{name}»"),
        }
    }
    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// Options with stable names, as hosts pass them.
macro_rules! named {
    ($ty:ty, $error:ident, $($variant:ident = $name:literal),+) => {
        impl $ty {
            /// The stable name.
            pub fn name(self) -> &'static str {
                match self {
                    $(Self::$variant => $name,)+
                }
            }

            /// The value of a stable name.
            ///
            /// # Errors
            #[doc = concat!("[`OptionError::", stringify!($error), "`] for another name.")]
            pub fn from_name(name: &str) -> Result<Self, OptionError> {
                match name {
                    $($name => Ok(Self::$variant),)+
                    _ => Err(OptionError::$error { name: name.to_owned() }),
                }
            }
        }
    };
}

named!(
    RevocationPolicy,
    UnknownRevocationPolicy,
    Require = "require",
    SoftFail = "soft_fail"
);
named!(
    AnchorPolicy,
    UnknownAnchorPolicy,
    Certificate = "certificate",
    NameAndKeyOnly = "name_and_key_only"
);
named!(
    ProfileStrictness,
    UnknownProfile,
    Strict = "strict",
    Relaxed = "relaxed"
);

/// How strictly the certificates of a path must meet the RFC 5280 profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum ProfileStrictness {
    /// Every rule of the profile (the default).
    #[default]
    Strict,
    /// Without the rules on how the issuing CA was to encode a certificate
    /// that change nothing of what a path means: authorityKeyIdentifier and
    /// subjectKeyIdentifier present (aids to path building, §4.2.1.1–2) and
    /// policyConstraints critical (§4.2.1.11; kabinet processes it either
    /// way). For PKIs older than RFC 5280 — NIST PKITS, written for RFC 3280,
    /// or the TC26 reference PKI, whose certificates carry no
    /// authorityKeyIdentifier. Every other rule still holds.
    Relaxed,
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
    /// Certificates the path search considers as the next link (anchors and
    /// intermediates, dead ends included), over the whole search, CRL signers'
    /// paths too. A qualified path with a key rollover considers fewer than 20
    /// and PKITS's largest case fewer than 50; without this bound, 18
    /// intermediates sharing one name took seconds and 100 took days. 1024
    /// ends any pool within milliseconds.
    pub candidates: usize,
    /// Name-constraint comparisons (name × subtree). webpki's limit is 250 000,
    /// which bounds a certificate stuffed with names against many subtrees.
    pub name_constraint_checks: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Self {
            signatures: 100,
            paths: 32,
            candidates: 1024,
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
    /// How trust anchors are taken.
    pub anchors: AnchorPolicy,
    /// How strictly certificates must meet the profile.
    pub profile: ProfileStrictness,
    /// Warn when a certificate of the path expires within this time (30 days by default).
    pub expiry_warning: SignedDuration,
}

impl ValidationOptions {
    /// The defaults at a given time: CRLs required, no extended key usage, the
    /// default budget, anchors checked as certificates, warnings 30 days before expiry.
    pub fn at(at: Timestamp) -> Self {
        Self {
            at,
            revocation: RevocationPolicy::Require,
            required_eku: None,
            policy: PolicyOptions::default(),
            budget: Budget::default(),
            anchors: AnchorPolicy::Certificate,
            profile: ProfileStrictness::Strict,
            expiry_warning: SignedDuration::from_hours(30 * 24),
        }
    }
}
