//! Employees: memberships of accounts in organizations and the invitations
//! that create them.
//!
//! An administrator or the head invites an employee by e-mail or СНИЛС; the
//! employee accepts with their own confirmed account before the invitation
//! expires. Employees can be blocked, disabled, dismissed and restored; one
//! account may be a member of several organizations.

mod command;
mod invitation;
mod membership;
mod rules;
mod world;

pub use command::{EmployeeCommand, EmployeeEvent};
pub use invitation::{Invitation, InvitationStatus, Invitee};
pub use membership::{Membership, MembershipStatus, Standing};
pub(crate) use rules::{apply, execute, organization_of};
pub(crate) use world::{EmployeeError, EmployeeState, EmployeeWorld};
