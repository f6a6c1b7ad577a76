//! What the journal records of a command, read from the typed command: the
//! organization it concerns (its kind is [`Command::kind`]). No JSON is
//! looked into. Every family is named here, and a family whose commands
//! name their organization says it itself (`RoleCommand::organization`,
//! `employees::organization_of`, …), so a new command cannot be journaled
//! without an organization by oversight: its family's match is exhaustive.

use super::{Command, Directory, Event};
use crate::ids::OrgId;
use crate::organizations::OrganizationEvent;

impl Directory {
    /// The organization a command concerns, judged against the state before
    /// it ran: named in it; through the invitation, power of attorney or
    /// application it acts on; or, for a registration, created by it (read
    /// from its `events`). `None` for commands on people alone (accounts,
    /// logins, sessions, preferences).
    pub fn organization_of(&self, command: &Command, events: &[Event]) -> Option<OrgId> {
        match command {
            Command::Organizations(c) => c.organization().or_else(|| submitted(events)),
            Command::Roles(c) => Some(c.organization()),
            Command::Employees(c) => crate::employees::organization_of(self, c),
            Command::Delegation(c) => {
                crate::delegation::organization_of(self, c).or_else(|| submitted(events))
            }
            Command::Application(c) => c.organization(self.application_state()),
            Command::Certificate(c) => Some(c.organization()),
            Command::Notification(c) => c.organization(),
            Command::Auth(_) | Command::Session(_) => None,
            // Accounts are people's: no command of theirs concerns an organization.
            Command::Accounts(_) => None,
        }
    }
}

/// The organization a registration created, named by its events.
fn submitted(events: &[Event]) -> Option<OrgId> {
    events.iter().find_map(|e| match e {
        Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) => Some(*org),
        _ => None,
    })
}
