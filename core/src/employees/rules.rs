//! Rules of employee commands (DOMAIN §5): invitations and membership
//! statuses. A status changes only by a holder of `users.manage`, on anyone
//! but the head; dismissal may revoke the person's powers of attorney from
//! the organization when the policy says so (DOMAIN §2). And the fold of
//! their events.

use super::world::{EmployeeError, EmployeeState, EmployeeWorld};
use super::{
    EmployeeCommand, EmployeeEvent, Invitation, InvitationStatus, Invitee, Membership,
    MembershipStatus, Standing,
};
use crate::accounts::Account;
use crate::context::Context;
use crate::ids::{AccountId, InvitationId, OrgId};
use crate::organizations::Organization;
use crate::rights::{Right, RightSet};
use crate::roles::{clean_name, role_rights, within_own, RoleError, RoleRef};

/// Executes a command about employees.
pub(crate) fn execute<W: EmployeeWorld>(
    w: &W,
    command: EmployeeCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    use EmployeeCommand as C;
    let events = match command {
        C::InviteEmployee {
            org,
            invitee,
            name,
            position,
            roles,
        } => {
            let (actor, held) = w.authorize(org, ctx, Right::UsersEdit)?;
            let o = w.existing_org(org)?;
            if !name.is_well_formed() {
                return Err(EmployeeError::BadName.into());
            }
            let position = position
                .as_deref()
                .map(clean_name)
                .transpose()
                .map_err(EmployeeError::from)?;
            if !roles.is_empty() {
                within_own(held, RightSet::EMPTY.with(Right::UsersManage))
                    .map_err(EmployeeError::from)?;
                within_own(held, roles_rights(w, o, &roles)?).map_err(EmployeeError::from)?;
            }
            if let Invitee::Snils(snils) = &invitee {
                if let Some(existing) = w.account_by_snils(snils) {
                    not_yet_member(w, org, existing.id)?;
                }
            }
            let expires_at = ctx
                .at
                .checked_add(w.policy().invitation_ttl)
                .unwrap_or(crate::Timestamp::MAX);
            vec![EmployeeEvent::InvitationSent {
                invitation: Invitation {
                    id: w.next_invitation(),
                    org,
                    invitee,
                    name,
                    position,
                    roles,
                    invited_by: actor,
                    sent_at: ctx.at,
                    expires_at,
                },
            }]
        }
        C::RevokeInvitation { invitation } => {
            let inv = pending(w, invitation)?;
            w.authorize(inv.org, ctx, Right::UsersEdit)?;
            vec![EmployeeEvent::InvitationClosed {
                invitation,
                status: InvitationStatus::Revoked,
            }]
        }
        C::AcceptInvitation { invitation } => answer(w, ctx, invitation, true)?,
        C::DeclineInvitation { invitation } => answer(w, ctx, invitation, false)?,
        C::BlockEmployee { org, account } => {
            return member_status(w, ctx, org, account, MembershipStatus::Blocked)
        }
        C::DisableEmployee { org, account } => {
            return member_status(w, ctx, org, account, MembershipStatus::Disabled)
        }
        C::DismissEmployee { org, account } => {
            return member_status(w, ctx, org, account, MembershipStatus::Dismissed)
        }
        C::RestoreEmployee { org, account } => {
            return member_status(w, ctx, org, account, MembershipStatus::Active)
        }
    };
    Ok(events.into_iter().map(Into::into).collect())
}

/// The organization a command about employees concerns, judged against the
/// state before it ran: named, or through the invitation it answers
/// (`None` for an invitation the directory does not hold).
pub(crate) fn organization_of<W: EmployeeWorld>(w: &W, command: &EmployeeCommand) -> Option<OrgId> {
    use EmployeeCommand as C;
    match command {
        C::InviteEmployee { org, .. }
        | C::BlockEmployee { org, .. }
        | C::DisableEmployee { org, .. }
        | C::DismissEmployee { org, .. }
        | C::RestoreEmployee { org, .. } => Some(*org),
        C::RevokeInvitation { invitation }
        | C::AcceptInvitation { invitation }
        | C::DeclineInvitation { invitation } => w.invitation(*invitation).map(|i| i.org),
    }
}

/// The union of the rights of assignable, existing roles, within the policy's count.
fn roles_rights<W: EmployeeWorld>(
    w: &W,
    org: &Organization,
    roles: &[RoleRef],
) -> Result<RightSet, EmployeeError> {
    let limit = w.policy().max_roles_per_member;
    if roles.len() > limit {
        return Err(RoleError::LimitReached { limit }.into());
    }
    roles.iter().try_fold(RightSet::EMPTY, |acc, &role| {
        Ok(acc.union(role_rights(&org.custom_roles, role)?))
    })
}

fn not_yet_member<W: EmployeeWorld>(
    w: &W,
    org: OrgId,
    account: AccountId,
) -> Result<(), EmployeeError> {
    match w.membership(org, account) {
        Some(m) if m.status != MembershipStatus::Dismissed => {
            Err(EmployeeError::AlreadyMember { account })
        }
        _ => Ok(()),
    }
}

fn pending<W: EmployeeWorld>(
    w: &W,
    invitation: InvitationId,
) -> Result<&Invitation, EmployeeError> {
    w.invitation(invitation)
        .ok_or(EmployeeError::InvitationNotFound { invitation })
}

fn answer<W: EmployeeWorld>(
    w: &W,
    ctx: &Context,
    invitation: InvitationId,
    accept: bool,
) -> Result<Vec<EmployeeEvent>, W::Error> {
    let actor = W::require_person(ctx)?;
    let inv = pending(w, invitation)?;
    let account = w.existing_account(actor)?;
    if !addressed_to(&inv.invitee, account) {
        return Err(EmployeeError::InvitationNotForYou.into());
    }
    if !accept {
        return Ok(vec![EmployeeEvent::InvitationClosed {
            invitation,
            status: InvitationStatus::Declined,
        }]);
    }
    if inv.is_expired(ctx.at) {
        return Err(EmployeeError::InvitationExpired {
            expires_at: inv.expires_at,
        }
        .into());
    }
    w.able_to_act(account)?;
    let o = w.existing_org(inv.org)?;
    if !o.is_active() {
        return Err(EmployeeError::OrganizationStatus {
            status: o.status.code(),
        }
        .into());
    }
    not_yet_member(w, inv.org, actor)?;
    let roles = inv
        .roles
        .iter()
        .copied()
        .filter(|&r| role_rights(&o.custom_roles, r).is_ok())
        .collect();
    Ok(vec![
        EmployeeEvent::InvitationClosed {
            invitation,
            status: InvitationStatus::Accepted,
        },
        EmployeeEvent::MemberJoined {
            org: inv.org,
            account: actor,
            standing: Standing::Employee,
            roles,
            position: inv.position.clone(),
            at: ctx.at,
        },
    ])
}

fn member_status<W: EmployeeWorld>(
    w: &W,
    ctx: &Context,
    org: OrgId,
    account: AccountId,
    status: MembershipStatus,
) -> Result<Vec<W::Event>, W::Error> {
    w.authorize(org, ctx, Right::UsersManage)?;
    let target = w
        .membership(org, account)
        .ok_or(EmployeeError::NotAMember { account })?;
    if target.standing == Standing::Head {
        return Err(EmployeeError::Role(RoleError::HeadProtected).into());
    }
    let allowed = match status {
        MembershipStatus::Active => target.status != MembershipStatus::Active,
        MembershipStatus::Blocked => matches!(
            target.status,
            MembershipStatus::Active | MembershipStatus::Disabled
        ),
        MembershipStatus::Disabled => target.status == MembershipStatus::Active,
        MembershipStatus::Dismissed => target.status != MembershipStatus::Dismissed,
    };
    if !allowed {
        return Err(EmployeeError::AlreadyInStatus {
            status: target.status.code(),
        }
        .into());
    }
    // Revocations first: the dismissal's notice, computed once every
    // event is applied, names only the powers that remain.
    let mut events =
        if status == MembershipStatus::Dismissed && w.policy().revoke_powers_on_dismissal {
            w.revocations_on_dismissal(org, account, ctx.at)
        } else {
            Vec::new()
        };
    events.push(
        EmployeeEvent::MembershipStatusChanged {
            org,
            account,
            status,
        }
        .into(),
    );
    Ok(events)
}

/// Whether the invitation is for this account: the same СНИЛС, or the
/// account's confirmed e-mail.
fn addressed_to(invitee: &Invitee, account: &Account) -> bool {
    match invitee {
        Invitee::Snils(s) => account.snils.as_ref() == Some(s),
        Invitee::Email(e) => account.confirmed_email() == Some(e),
    }
}

/// Folds an event about employees into the state.
pub(crate) fn apply<S: EmployeeState>(s: &mut S, event: &EmployeeEvent) {
    match event {
        EmployeeEvent::InvitationSent { invitation } => s.insert_invitation(invitation.clone()),
        EmployeeEvent::InvitationClosed { invitation, .. } => s.remove_invitation(*invitation),
        EmployeeEvent::MemberJoined {
            org,
            account,
            standing,
            roles,
            position,
            at,
        } => s.join(
            *org,
            *account,
            *standing,
            roles,
            position.as_deref().map(Box::from),
            *at,
        ),
        EmployeeEvent::MembershipStatusChanged {
            org,
            account,
            status,
        } => s.change_membership(*org, *account, |m: &mut Membership| m.status = *status),
    }
}
