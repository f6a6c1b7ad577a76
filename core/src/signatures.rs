//! Kinds of electronic signature and the evidence of one offered with a request.
//!
//! Russian law (63-ФЗ) knows three kinds, ordered by strength: simple (ПЭП:
//! a login and password or a one-time code), enhanced unqualified (УНЭП/НЭП:
//! a certificate that is valid but not qualified) and qualified (КЭП: a
//! certificate of an accredited certification authority with the qualified
//! markers). An action requires a minimal level; a stronger one satisfies it.

use serde::{Deserialize, Serialize};

/// The kind of electronic signature, ordered from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
