//! Invitations to join an organization, with expiry.

use crate::accounts::PersonName;
use crate::identifiers::{Email, Snils};
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::roles::RoleRef;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Whom an invitation is addressed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "by", content = "value")]
pub enum Invitee {
    /// A person by e-mail: accepted by an account whose confirmed e-mail it is.
    Email(Email),
    /// A person by СНИЛС: accepted by the account with this СНИЛС.
    Snils(Snils),
}

/// How an invitation was closed. A closed invitation leaves the directory's
/// state (the journal keeps it); expiry is not a closing: it follows from the
/// time ([`Invitation::is_expired`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    /// Accepted: the person joined.
    Accepted,
    /// Declined by the person.
    Declined,
    /// Withdrawn by the organization.
    Revoked,
}

/// A pending invitation to join an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Invitation {
    /// Its number.
    pub id: InvitationId,
    /// The inviting organization.
    pub org: OrgId,
    /// Whom it is for.
    pub invitee: Invitee,
    /// The person's name as the inviter typed it.
    pub name: PersonName,
    /// The position offered.
    pub position: Option<String>,
    /// The roles the person gets on joining.
    pub roles: Vec<RoleRef>,
    /// Who invited.
    pub invited_by: AccountId,
    /// When it was sent.
    pub sent_at: Timestamp,
    /// When it stops being valid.
    pub expires_at: Timestamp,
}

impl Invitation {
    /// Whether the invitation can no longer be accepted at `at`: an
    /// invitation is valid up to, and not including, `expires_at`.
    pub fn is_expired(&self, at: Timestamp) -> bool {
        at >= self.expires_at
    }
}
