//! What a decision is asked about.

use crate::ids::{AccountId, OrgId};
use crate::rights::Right;
use crate::signatures::SignatureEvidence;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// A request for access: who, for which organization, to do what, when, and
/// with which signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessRequest {
    /// The person acting.
    pub actor: AccountId,
    /// The organization they act for.
    pub organization: OrgId,
    /// The right they exercise.
    pub right: Right,
    /// When.
    pub at: Timestamp,
    /// The signature offered.
    #[serde(default)]
    pub signature: SignatureEvidence,
}

impl AccessRequest {
    /// A request with a simple signature.
    pub fn new(actor: AccountId, organization: OrgId, right: Right, at: Timestamp) -> Self {
        Self {
            actor,
            organization,
            right,
            at,
            signature: SignatureEvidence::simple(),
        }
    }

    /// The same request with another signature.
    #[must_use]
    pub fn signed(mut self, signature: SignatureEvidence) -> Self {
        self.signature = signature;
        self
    }
}
