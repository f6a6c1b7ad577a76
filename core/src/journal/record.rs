//! What one journal entry says: who did what, for which organization, on
//! which basis, from where, when, and with what result.

use crate::coded::CodedMessage;
use crate::delegation::PowerNumber;
use crate::directory::{Actor, Command, CommandError, Directory, Event};
use crate::employees::Standing;
use crate::ids::{AccountId, OrgId};
use crate::rights::RightSet;
use crate::roles::RoleRef;
use crate::signatures::SignatureLevel;
use crate::Timestamp;
use serde::{Deserialize, Serialize};
use std::net::IpAddr;

/// What an acting person held in the organization when the command was
/// executed: the basis their authorization rested on — membership (standing,
/// roles, grants) and the powers of attorney from the organization in force
/// for them at that moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Head or employee; `None` for a representative who is not a member.
    pub standing: Option<Standing>,
    /// The roles held.
    pub roles: Vec<RoleRef>,
    /// Rights granted individually, beyond the roles.
    pub grants: RightSet,
    /// The numbers of the powers of attorney from the organization that were
    /// in force for the person (the chain check passed), earliest issued first.
    #[serde(default)]
    pub powers: Vec<PowerNumber>,
}

impl Authority {
    /// What `account` held in `org` at `at`; `None` when nothing.
    pub fn of(
        directory: &Directory,
        account: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Option<Self> {
        let powers: Vec<PowerNumber> = directory
            .powers_of_representative(account)
            .into_iter()
            .filter(|p| p.principal == org && directory.verify_power(p.number, at).is_ok())
            .map(|p| p.number)
            .collect();
        let membership = directory.membership(org, account);
        if membership.is_none() && powers.is_empty() {
            return None;
        }
        Some(Authority {
            standing: membership.map(|m| m.standing),
            roles: membership
                .map(|m| m.roles.iter().collect())
                .unwrap_or_default(),
            grants: membership.map(|m| m.grants).unwrap_or_default(),
            powers,
        })
    }
}

/// What came of a command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "result")]
pub enum Outcome {
    /// The command passed every rule; these events were applied.
    Applied {
        /// The events, in order.
        events: Vec<Event>,
    },
    /// The command was refused; nothing changed.
    Refused {
        /// Why, as a code and messages.
        error: CodedMessage,
        /// Every access refusal behind it, when there were some.
        refusals: Vec<CodedMessage>,
    },
}

impl Outcome {
    /// The outcome of a command's result.
    pub fn of(result: &Result<Vec<Event>, CommandError>) -> Self {
        match result {
            Ok(events) => Outcome::Applied {
                events: events.clone(),
            },
            Err(e) => Outcome::Refused {
                error: CodedMessage::of(e),
                refusals: match e {
                    CommandError::Denied { refusals }
                    | CommandError::AccountCannotAct { refusals } => {
                        refusals.iter().map(CodedMessage::of).collect()
                    }
                    _ => Vec::new(),
                },
            },
        }
    }

    /// The events applied; empty when refused.
    pub fn events(&self) -> &[Event] {
        match self {
            Outcome::Applied { events } => events,
            Outcome::Refused { .. } => &[],
        }
    }

    /// `"applied"` or the refusal's code.
    pub fn code(&self) -> &str {
        match self {
            Outcome::Applied { .. } => "applied",
            Outcome::Refused { error, .. } => &error.code,
        }
    }
}

/// The content of one journal entry; its canonical bytes are its compact JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// When.
    pub at: Timestamp,
    /// Who: an account or the portal itself.
    pub actor: Actor,
    /// For which organization, when the command concerns one.
    pub organization: Option<OrgId>,
    /// The acting person's standing there, when they are a member.
    pub basis: Option<Authority>,
    /// The level of the signature the command was confirmed with.
    pub signature: SignatureLevel,
    /// The address the request came from.
    pub ip: Option<IpAddr>,
    /// The command's kind, as its JSON `command` tag.
    pub kind: String,
    /// The command itself: what was attempted.
    pub command: Command,
    /// What came of it.
    pub outcome: Outcome,
}

impl Record {
    /// The record of a command executed against `before` (the state it was
    /// checked against) with its result.
    pub fn of(
        before: &Directory,
        command: Command,
        ctx: &crate::directory::Context,
        result: &Result<Vec<Event>, CommandError>,
    ) -> Self {
        let outcome = Outcome::of(result);
        let organization = before.organization_of(&command, outcome.events());
        let basis = match (ctx.actor, organization) {
            (Actor::Account(a), Some(org)) => Authority::of(before, a, org, ctx.at),
            _ => None,
        };
        Record {
            at: ctx.at,
            actor: ctx.actor,
            organization,
            basis,
            signature: ctx.signature.level,
            ip: ctx.ip,
            kind: command.kind().to_owned(),
            command,
            outcome,
        }
    }

    /// Whether the command was refused.
    pub fn refused(&self) -> bool {
        matches!(self.outcome, Outcome::Refused { .. })
    }

    /// The canonical encoding: compact JSON, fields in declaration order.
    pub fn canonical(&self) -> Vec<u8> {
        // Serializing plain data into a vector cannot fail: every type here
        // has derived or infallible `Serialize` and no map has non-string keys.
        serde_json::to_vec(self).unwrap_or_default()
    }
}

/// The command's `command` tag (`assign_role`): [`Command::kind`].
pub fn command_kind(command: &Command) -> String {
    command.kind().to_owned()
}
