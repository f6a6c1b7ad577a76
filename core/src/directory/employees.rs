//! Rules of employee commands (DOMAIN §5): invitations and membership
//! statuses. A status changes only by a holder of `users.manage`, on anyone
//! but the head; dismissal may revoke the person's powers of attorney from
//! the organization when the policy says so (DOMAIN §2).

use super::guard::{clean_name, not_the_head, within_own};
use super::{CommandError, Context, Directory, Event};
use crate::accounts::{Account, PersonName};
use crate::decisions::account_refusals;
use crate::delegation::PowerCommands;
use crate::employees::EmployeeEvent;
use crate::employees::{Invitation, InvitationStatus, Invitee, MembershipStatus, Standing};
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::organizations::Organization;
use crate::rights::{Right, RightSet};
use crate::roles::RoleRef;
use crate::view::DirectoryView;

impl Directory {
    pub(super) fn invite_employee(
        &self,
        ctx: &Context,
        org: OrgId,
        invitee: Invitee,
        name: PersonName,
        position: Option<String>,
        roles: Vec<RoleRef>,
    ) -> Result<Vec<Event>, CommandError> {
        let (actor, held) = self.authorize(org, ctx, Right::UsersEdit)?;
        let o = self.existing_org(org)?;
        if !name.is_well_formed() {
            return Err(CommandError::BadName);
        }
        let position = position.as_deref().map(clean_name).transpose()?;
        if !roles.is_empty() {
            within_own(held, RightSet::EMPTY.with(Right::UsersManage))?;
            within_own(held, self.roles_rights(o, &roles)?)?;
        }
        if let Invitee::Snils(snils) = &invitee {
            if let Some(existing) = self.account_by_snils(snils) {
                self.not_yet_member(org, existing.id)?;
            }
        }
        let expires_at = ctx
            .at
            .checked_add(self.policy().invitation_ttl)
            .unwrap_or(crate::Timestamp::MAX);
        Ok(vec![Event::Employees(EmployeeEvent::InvitationSent {
            invitation: Invitation {
                id: InvitationId(self.next.invitation.max(1)),
                org,
                invitee,
                name,
                position,
                roles,
                invited_by: actor,
                sent_at: ctx.at,
                expires_at,
            },
        })])
    }

    /// The union of the rights of assignable, existing roles, within the policy's count.
    pub(super) fn roles_rights(
        &self,
        org: &Organization,
        roles: &[RoleRef],
    ) -> Result<RightSet, CommandError> {
        if roles.len() > self.policy().max_roles_per_member {
            return Err(CommandError::LimitReached {
                limit: self.policy().max_roles_per_member,
            });
        }
        roles.iter().try_fold(RightSet::EMPTY, |acc, &role| {
            Ok(acc.union(role_rights(org, role)?))
        })
    }

    fn not_yet_member(&self, org: OrgId, account: AccountId) -> Result<(), CommandError> {
        match self.membership(org, account) {
            Some(m) if m.status != MembershipStatus::Dismissed => {
                Err(CommandError::AlreadyMember { account })
            }
            _ => Ok(()),
        }
    }

    pub(super) fn revoke_invitation(
        &self,
        ctx: &Context,
        invitation: InvitationId,
    ) -> Result<Vec<Event>, CommandError> {
        let inv = self.pending_invitation(invitation)?;
        self.authorize(inv.org, ctx, Right::UsersEdit)?;
        Ok(vec![Event::Employees(EmployeeEvent::InvitationClosed {
            invitation,
            status: InvitationStatus::Revoked,
        })])
    }

    pub(super) fn answer_invitation(
        &self,
        ctx: &Context,
        invitation: InvitationId,
        accept: bool,
    ) -> Result<Vec<Event>, CommandError> {
        let actor = Self::require_person(ctx)?;
        let inv = self.pending_invitation(invitation)?;
        let account = self.existing_account(actor)?;
        if !addressed_to(&inv.invitee, account) {
            return Err(CommandError::InvitationNotForYou);
        }
        if !accept {
            return Ok(vec![Event::Employees(EmployeeEvent::InvitationClosed {
                invitation,
                status: InvitationStatus::Declined,
            })]);
        }
        if inv.is_expired(ctx.at) {
            return Err(CommandError::InvitationExpired {
                expires_at: inv.expires_at,
            });
        }
        let mut refusals = Vec::new();
        account_refusals(account, &mut refusals);
        if !refusals.is_empty() {
            return Err(CommandError::AccountCannotAct { refusals });
        }
        let o = self.existing_org(inv.org)?;
        if !o.is_active() {
            return Err(CommandError::OrganizationStatus {
                status: o.status.code(),
            });
        }
        self.not_yet_member(inv.org, actor)?;
        let roles = inv
            .roles
            .iter()
            .copied()
            .filter(|&r| role_rights(o, r).is_ok())
            .collect();
        Ok(vec![
            Event::Employees(EmployeeEvent::InvitationClosed {
                invitation,
                status: InvitationStatus::Accepted,
            }),
            Event::Employees(EmployeeEvent::MemberJoined {
                org: inv.org,
                account: actor,
                standing: Standing::Employee,
                roles,
                position: inv.position.clone(),
                at: ctx.at,
            }),
        ])
    }

    fn pending_invitation(&self, invitation: InvitationId) -> Result<&Invitation, CommandError> {
        self.invitation(invitation)
            .ok_or(CommandError::InvitationNotFound { invitation })
    }

    pub(super) fn set_member_status(
        &self,
        ctx: &Context,
        org: OrgId,
        account: AccountId,
        status: MembershipStatus,
    ) -> Result<Vec<Event>, CommandError> {
        self.authorize(org, ctx, Right::UsersManage)?;
        let target = self.existing_member(org, account)?;
        not_the_head(target)?;
        let allowed = match status {
            MembershipStatus::Active => target.status != MembershipStatus::Active,
            MembershipStatus::Blocked => {
                matches!(
                    target.status,
                    MembershipStatus::Active | MembershipStatus::Disabled
                )
            }
            MembershipStatus::Disabled => target.status == MembershipStatus::Active,
            MembershipStatus::Dismissed => target.status != MembershipStatus::Dismissed,
        };
        if !allowed {
            return Err(CommandError::AlreadyInStatus {
                status: target.status.code(),
            });
        }
        // Revocations first: the dismissal's notice, computed once every
        // event is applied, names only the powers that remain.
        let mut events =
            if status == MembershipStatus::Dismissed && self.policy().revoke_powers_on_dismissal {
                self.revocations_on_dismissal(org, account, ctx.at)
            } else {
                Vec::new()
            };
        events.push(Event::Employees(EmployeeEvent::MembershipStatusChanged {
            org,
            account,
            status,
        }));
        Ok(events)
    }
}

/// The rights a role gives in `org`.
pub(super) fn role_rights(org: &Organization, role: RoleRef) -> Result<RightSet, CommandError> {
    crate::roles::role_rights(&org.custom_roles, role).map_err(CommandError::from)
}

/// Whether the invitation is for this account: the same СНИЛС, or the
/// account's confirmed e-mail.
fn addressed_to(invitee: &Invitee, account: &Account) -> bool {
    match invitee {
        Invitee::Snils(s) => account.snils.as_ref() == Some(s),
        Invitee::Email(e) => account.confirmed_email() == Some(e),
    }
}
