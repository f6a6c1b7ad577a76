//! Codes sent by SMS or e-mail: only their digest is kept, with a lifetime
//! and a limit of attempts.
//!
//! The host draws the code (the facade uses `ring::rand::SystemRandom`),
//! sends it, and gives the core only [`CodeDigest::of`] it: SHA-256 over the
//! account, the purpose and the code. The journal never holds a code.

use crate::ids::AccountId;
use serde::{Deserialize, Serialize};

/// What a one-time code is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CodePurpose {
    /// The second factor of a login.
    Login,
    /// Confirming a phone or an e-mail address.
    ContactConfirmation,
    /// Recovering access ("Восстановление доступа"); limited per day.
    Recovery,
}

impl CodePurpose {
    fn tag(self) -> &'static str {
        match self {
            Self::Login => "login",
            Self::ContactConfirmation => "contact_confirmation",
            Self::Recovery => "recovery",
        }
    }
}

/// Where a code is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum CodeChannel {
    /// By SMS to the account's phone.
    Sms,
    /// By e-mail.
    Email,
}

/// The SHA-256 digest of a code, bound to its account and purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CodeDigest(pub [u8; 32]);

impl CodeDigest {
    /// The digest of a code as the person typed it (surrounding spaces removed).
    pub fn of(account: AccountId, purpose: CodePurpose, code: &str) -> Self {
        let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
        ctx.update(b"kabinet.code\0");
        ctx.update(&account.0.to_be_bytes());
        ctx.update(purpose.tag().as_bytes());
        ctx.update(b"\0");
        ctx.update(code.trim().as_bytes());
        let mut out = [0u8; 32];
        out.copy_from_slice(ctx.finish().as_ref());
        Self(out)
    }

    /// Compares two digests in constant time.
    pub fn matches(&self, other: &CodeDigest) -> bool {
        same_bytes(&self.0, &other.0)
    }
}

/// Byte strings compared without an early exit (the length is not secret).
pub(crate) fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_bind_account_purpose_and_code() {
        let a = CodeDigest::of(AccountId(1), CodePurpose::Login, " 123456 ");
        assert!(a.matches(&CodeDigest::of(AccountId(1), CodePurpose::Login, "123456")));
        assert!(!a.matches(&CodeDigest::of(AccountId(2), CodePurpose::Login, "123456")));
        assert!(!a.matches(&CodeDigest::of(
            AccountId(1),
            CodePurpose::Recovery,
            "123456"
        )));
        assert!(!a.matches(&CodeDigest::of(AccountId(1), CodePurpose::Login, "123457")));
    }
}
