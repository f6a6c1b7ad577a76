//! Kinds of electronic signature and the evidence of one offered with a request.
//!
//! Russian law (63-ФЗ) knows three kinds, ordered by strength: simple (ПЭП:
//! a login and password or a one-time code), enhanced unqualified (УНЭП/НЭП:
//! a certificate that is valid but not qualified) and qualified (КЭП: a
//! certificate of an accredited certification authority with the qualified
//! markers). An action requires a minimal level; a stronger one satisfies it.

use crate::identifiers::{Inn, Ogrn, Ogrnip, Snils};
use serde::{Deserialize, Serialize};

/// The kind of electronic signature, ordered from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SignatureLevel {
    /// ПЭП: login and password or a one-time code; identifies, no legal force for documents.
    Simple,
    /// УНЭП/НЭП: an enhanced unqualified signature (a valid certificate that is not qualified).
    Enhanced,
    /// КЭП: a qualified signature, equal to a handwritten one.
    Qualified,
}

impl SignatureLevel {
    /// Every level, weakest first.
    pub const ALL: [SignatureLevel; 3] = [Self::Simple, Self::Enhanced, Self::Qualified];

    /// The stable name used in codes, JSON and the bindings.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Simple => "simple",
            Self::Enhanced => "enhanced",
            Self::Qualified => "qualified",
        }
    }

    /// The Russian abbreviation users know: ПЭП, УНЭП, КЭП.
    pub fn abbreviation_ru(self) -> &'static str {
        match self {
            Self::Simple => "ПЭП",
            Self::Enhanced => "УНЭП",
            Self::Qualified => "КЭП",
        }
    }

    /// Whether a signature of this level is enough where `required` is asked for.
    pub fn satisfies(self, required: SignatureLevel) -> bool {
        self >= required
    }
}

/// Who a certificate says its holder is: the identity an enhanced or
/// qualified signature asserts (DOMAIN §7, the subject's ИНН, ИННЮЛ, ОГРН,
/// ОГРНИП and СНИЛС).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignerIdentity {
    /// The holder's СНИЛС.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub snils: Option<Snils>,
    /// The holder's personal ИНН.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub inn: Option<Inn>,
    /// ИННЮЛ of the organization the certificate was issued for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub organization_inn: Option<Inn>,
    /// ОГРН of that organization.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ogrn: Option<Ogrn>,
    /// ОГРНИП, for an entrepreneur's certificate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ogrnip: Option<Ogrnip>,
}

/// The signature offered with a request or a command: its level and, for
/// enhanced and qualified signatures, the identity its certificate asserts.
/// The certificate itself is validated before this evidence is made.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SignatureEvidence {
    /// The kind of signature.
    pub level: SignatureLevel,
    /// The identity the certificate asserts (none for a simple signature).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub signer: Option<SignerIdentity>,
    /// The SHA-256 fingerprint (hex) of a certificate bound to the acting
    /// employee. When set, an access check uses the binding's level and
    /// holder, and refuses when the certificate is not bound to the actor for
    /// the organization or is outside its validity; a level given as well
    /// (from a report validated now) caps the bound one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub bound_certificate: Option<String>,
}

impl SignatureEvidence {
    /// A simple signature (ПЭП): the session's login.
    pub const fn simple() -> Self {
        Self {
            level: SignatureLevel::Simple,
            signer: None,
            bound_certificate: None,
        }
    }

    /// An enhanced or qualified signature asserting an identity.
    pub fn certified(level: SignatureLevel, signer: SignerIdentity) -> Self {
        Self {
            level,
            signer: Some(signer),
            bound_certificate: None,
        }
    }

    /// A signature made with the certificate bound to the acting employee
    /// that has this SHA-256 fingerprint (hex): its level and holder are
    /// the binding's.
    pub fn bound(fingerprint: impl Into<String>) -> Self {
        Self {
            bound_certificate: Some(fingerprint.into()),
            ..Self::simple()
        }
    }

    /// The same evidence, naming the bound certificate it was made with.
    #[must_use]
    pub fn with_bound_certificate(mut self, fingerprint: impl Into<String>) -> Self {
        self.bound_certificate = Some(fingerprint.into());
        self
    }
}

impl Default for SignatureEvidence {
    fn default() -> Self {
        Self::simple()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stronger_levels_satisfy_weaker_requirements() {
        assert!(SignatureLevel::Qualified.satisfies(SignatureLevel::Enhanced));
        assert!(SignatureLevel::Enhanced.satisfies(SignatureLevel::Enhanced));
        assert!(!SignatureLevel::Simple.satisfies(SignatureLevel::Enhanced));
        assert!(!SignatureLevel::Enhanced.satisfies(SignatureLevel::Qualified));
    }
}
