//! Folding events into the directory. Applying cannot fail: events record
//! what was already decided; an event that names something missing changes
//! nothing.

use super::{ContactValue, Directory, Event};
use crate::accounts::{Account, AccountLevel, AccountStatus, Contact, ContactKind};
use crate::delegation::{PowerNumber, PowerStatus};
use crate::employees::{Membership, MembershipStatus, Standing};
use crate::ids::{AccountId, OrgId};
use crate::organizations::{Organization, OrganizationStatus, RegistrationStage};
use crate::rights::RightSet;
use crate::roles::{AccessGroup, RoleRef};

impl Directory {
    /// Folds one event into the state.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::AccountRegistered {
                account,
                name,
                snils,
                inn,
                email,
                phone,
            } => {
                if let Some(s) = snils {
                    self.by_snils.insert(s.clone(), *account);
                }
                self.accounts.insert(
                    *account,
                    Account {
                        id: *account,
                        name: name.clone(),
                        level: AccountLevel::Simplified,
                        status: AccountStatus::Active,
                        snils: snils.clone(),
                        inn: inn.clone(),
                        email: email.clone().map(unconfirmed),
                        phone: phone.clone().map(unconfirmed),
                    },
                );
                self.next.account = self.next.account.max(account.0 + 1);
            }
            Event::AccountLevelChanged { account, level } => {
                if let Some(a) = self.accounts.get_mut(account) {
                    a.level = *level;
                }
            }
            Event::ContactChanged { account, contact } => {
                if let Some(a) = self.accounts.get_mut(account) {
                    match contact {
                        ContactValue::Email(e) => a.email = Some(unconfirmed(e.clone())),
                        ContactValue::Phone(p) => a.phone = Some(unconfirmed(p.clone())),
                    }
                }
            }
            Event::ContactConfirmed { account, kind } => {
                if let Some(a) = self.accounts.get_mut(account) {
                    match kind {
                        ContactKind::Email => a.email.iter_mut().for_each(|c| c.confirmed = true),
                        ContactKind::Phone => a.phone.iter_mut().for_each(|c| c.confirmed = true),
                    }
                }
            }
            Event::AccountStatusChanged { account, status } => {
                if let Some(a) = self.accounts.get_mut(account) {
                    a.status = *status;
                }
            }
            Event::OrganizationSubmitted {
                org,
                kind,
                requisites,
                by,
            } => {
                self.index_inn(*org, &requisites.inn);
                self.organizations.insert(
                    *org,
                    Organization {
                        id: *org,
                        kind: *kind,
                        requisites: requisites.clone(),
                        status: OrganizationStatus::Registering {
                            stage: RegistrationStage::Submitted,
                        },
                        submitted_by: *by,
                        head: None,
                        activated_at: None,
                        members: Vec::new(),
                        custom_roles: Vec::new(),
                        access_groups: Vec::new(),
                    },
                );
                self.next.org = self.next.org.max(org.0 + 1);
            }
            Event::RequisitesChanged { org, requisites } => {
                let old = self
                    .organizations
                    .get(org)
                    .map(|o| o.requisites.inn.clone());
                if let Some(old) = old.filter(|old| *old != requisites.inn) {
                    if let Some(ids) = self.by_inn.get_mut(&old) {
                        ids.retain(|id| id != org);
                    }
                    self.index_inn(*org, &requisites.inn);
                }
                if let Some(o) = self.organizations.get_mut(org) {
                    o.requisites = requisites.clone();
                }
            }
            Event::RegistrationAdvanced { org, stage } => {
                self.set_org_status(*org, OrganizationStatus::Registering { stage: *stage });
            }
            Event::RegistrationRejected { org, reasons } => {
                self.set_org_status(
                    *org,
                    OrganizationStatus::Rejected {
                        reasons: reasons.clone(),
                    },
                );
            }
            Event::OrganizationActivated { org, head, at } => {
                if let Some(o) = self.organizations.get_mut(org) {
                    o.status = OrganizationStatus::Active;
                    o.head = Some(*head);
                    o.activated_at = Some(*at);
                }
            }
            Event::OrganizationStatusChanged { org, status } => {
                self.set_org_status(*org, status.clone());
            }
            Event::InvitationSent { invitation } => {
                self.next.invitation = self.next.invitation.max(invitation.id.0 + 1);
                self.invitations.insert(invitation.id, invitation.clone());
            }
            Event::InvitationClosed { invitation, status } => {
                if let Some(i) = self.invitations.get_mut(invitation) {
                    i.status = *status;
                }
            }
            Event::MemberJoined {
                org,
                account,
                standing,
                roles,
                position,
                at,
            } => self.join(*org, *account, *standing, roles, position.clone(), *at),
            Event::MembershipStatusChanged {
                org,
                account,
                status,
            } => {
                if let Some(m) = self.memberships.get_mut(&(*org, *account)) {
                    m.status = *status;
                }
            }
            Event::RoleAssigned { org, account, role } => self.update_member(*org, *account, |m| {
                if !m.roles.contains(role) {
                    m.roles.push(*role);
                }
            }),
            Event::RoleRevoked { org, account, role } => {
                self.update_member(*org, *account, |m| m.roles.retain(|r| r != role));
            }
            Event::RightsGranted {
                org,
                account,
                rights,
            } => self.update_member(*org, *account, |m| m.grants = m.grants.union(*rights)),
            Event::RightsRevoked {
                org,
                account,
                rights,
            } => self.update_member(*org, *account, |m| m.grants = m.grants.difference(*rights)),
            Event::CustomRoleDefined { org, role } => {
                self.next.role = self.next.role.max(role.id.0 + 1);
                if let Some(o) = self.organizations.get_mut(org) {
                    match o.custom_roles.iter_mut().find(|r| r.id == role.id) {
                        Some(existing) => *existing = role.clone(),
                        None => o.custom_roles.push(role.clone()),
                    }
                }
                self.refresh_org(*org);
            }
            Event::CustomRoleDeleted { org, role } => {
                let gone = RoleRef::Custom(*role);
                if let Some(o) = self.organizations.get_mut(org) {
                    o.custom_roles.retain(|r| r.id != *role);
                    for &a in &o.members {
                        if let Some(m) = self.memberships.get_mut(&(*org, a)) {
                            m.roles.retain(|r| *r != gone);
                        }
                    }
                }
                self.refresh_org(*org);
            }
            Event::AccessGroupCreated {
                org,
                group,
                name,
                system,
            } => {
                self.next.group = self.next.group.max(group.0 + 1);
                if let Some(o) = self.organizations.get_mut(org) {
                    o.access_groups.push(AccessGroup {
                        id: *group,
                        name: name.clone(),
                        system: system.clone(),
                        members: Default::default(),
                    });
                }
            }
            Event::AccessGroupMemberAdded {
                org,
                group,
                account,
            } => self.update_group(*org, *group, |g| {
                g.members.insert(*account);
            }),
            Event::AccessGroupMemberRemoved {
                org,
                group,
                account,
            } => self.update_group(*org, *group, |g| {
                g.members.remove(account);
            }),
            Event::AccessGroupDeleted { org, group } => {
                if let Some(o) = self.organizations.get_mut(org) {
                    o.access_groups.retain(|g| g.id != *group);
                }
            }
            Event::PowerIssued { power } => self.powers.insert(power.clone()),
            Event::PowerRevoked {
                number,
                at,
                ground,
                ended,
            } => {
                let status = PowerStatus::Revoked {
                    at: *at,
                    ground: ground.clone(),
                };
                self.end_powers(*number, status, *at, ended);
            }
            Event::PowerRefused { number, at, ended } => {
                self.end_powers(*number, PowerStatus::Refused { at: *at }, *at, ended);
            }
        }
    }

    fn end_powers(
        &mut self,
        number: PowerNumber,
        status: PowerStatus,
        at: crate::Timestamp,
        ended: &[PowerNumber],
    ) {
        self.powers.end(&number, status);
        for n in ended {
            self.powers.end(n, PowerStatus::Ended { at, cause: number });
        }
    }

    fn index_inn(&mut self, org: OrgId, inn: &crate::identifiers::Inn) {
        let ids = self.by_inn.entry(inn.clone()).or_default();
        if !ids.contains(&org) {
            ids.push(org);
        }
    }

    fn set_org_status(&mut self, org: OrgId, status: OrganizationStatus) {
        if let Some(o) = self.organizations.get_mut(&org) {
            o.status = status;
        }
    }

    fn join(
        &mut self,
        org: OrgId,
        account: AccountId,
        standing: Standing,
        roles: &[RoleRef],
        position: Option<String>,
        at: crate::Timestamp,
    ) {
        let Some(o) = self.organizations.get_mut(&org) else {
            return;
        };
        if !o.members.contains(&account) {
            o.members.push(account);
        }
        let orgs = self.account_orgs.entry(account).or_default();
        if !orgs.contains(&org) {
            orgs.push(org);
        }
        let mut m = Membership {
            standing,
            status: MembershipStatus::Active,
            roles: roles.to_vec(),
            grants: RightSet::EMPTY,
            position,
            joined_at: at,
            effective: RightSet::EMPTY,
        };
        m.effective = effective_rights(&m, o);
        self.memberships.insert((org, account), m);
    }

    fn update_member(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut Membership),
    ) {
        let (Some(o), Some(m)) = (
            self.organizations.get(&org),
            self.memberships.get_mut(&(org, account)),
        ) else {
            return;
        };
        change(m);
        m.effective = effective_rights(m, o);
    }

    fn update_group(
        &mut self,
        org: OrgId,
        group: crate::ids::AccessGroupId,
        change: impl FnOnce(&mut AccessGroup),
    ) {
        if let Some(g) = self
            .organizations
            .get_mut(&org)
            .and_then(|o| o.access_groups.iter_mut().find(|g| g.id == group))
        {
            change(g);
        }
    }

    /// Recomputes every member's rights after a custom role changed.
    fn refresh_org(&mut self, org: OrgId) {
        let Some(o) = self.organizations.get(&org) else {
            return;
        };
        for &a in &o.members {
            if let Some(m) = self.memberships.get_mut(&(org, a)) {
                m.effective = effective_rights(m, o);
            }
        }
    }
}

fn unconfirmed<T>(value: T) -> Contact<T> {
    Contact {
        value,
        confirmed: false,
    }
}

/// Every right a membership gives: all for the head, otherwise its roles' and grants'.
pub(crate) fn effective_rights(m: &Membership, org: &Organization) -> RightSet {
    if m.standing == Standing::Head {
        return RightSet::all();
    }
    m.roles.iter().fold(m.grants, |acc, role| {
        acc.union(match role {
            RoleRef::BuiltIn(b) => b.rights(),
            RoleRef::Custom(id) => org.custom_role(*id).map_or(RightSet::EMPTY, |r| r.rights),
        })
    })
}
