//! Folding events into the directory. Applying cannot fail: events record
//! what was already decided; an event that names something missing changes
//! nothing.

use super::{Directory, Event};
use crate::accounts::Account;
use crate::employees::Membership;
use crate::ids::{AccountId, OrgId};
use crate::organizations::OrganizationEvent;
use crate::organizations::{Organization, OrganizationStatus, RegistrationStage};

impl Directory {
    /// Folds one event into the state.
    pub fn apply(&mut self, event: &Event) {
        match event {
            Event::Accounts(e) => crate::accounts::apply(self, e),
            Event::Organizations(OrganizationEvent::OrganizationSubmitted {
                org,
                kind,
                requisites,
                by,
            }) => {
                self.by_inn.insert((requisites.inn.clone(), *org));
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
            Event::Delegation(e) => crate::delegation::apply(self, e),
            Event::Organizations(OrganizationEvent::RequisitesChanged { org, requisites }) => {
                let old = self
                    .organizations
                    .get(org)
                    .map(|o| o.requisites.inn.clone());
                if let Some(old) = old.filter(|old| *old != requisites.inn) {
                    self.by_inn.remove(&(old, *org));
                    self.by_inn.insert((requisites.inn.clone(), *org));
                }
                if let Some(o) = self.organizations.get_mut(org) {
                    o.requisites = requisites.clone();
                }
            }
            Event::Organizations(OrganizationEvent::RegistrationAdvanced { org, stage }) => {
                self.set_org_status(*org, OrganizationStatus::Registering { stage: *stage });
            }
            Event::Organizations(OrganizationEvent::RegistrationRejected { org, reasons }) => {
                self.set_org_status(
                    *org,
                    OrganizationStatus::Rejected {
                        reasons: reasons.clone(),
                    },
                );
            }
            Event::Organizations(OrganizationEvent::OrganizationActivated { org, head, at }) => {
                // A presented power joins the powers of attorney (the next event).
                self.registration_powers.remove(*org);
                if let Some(o) = self.organizations.get_mut(org) {
                    o.status = OrganizationStatus::Active;
                    o.head = Some(*head);
                    o.activated_at = Some(*at);
                }
            }
            Event::Organizations(OrganizationEvent::OrganizationStatusChanged { org, status }) => {
                self.set_org_status(*org, status.clone());
            }
            Event::Employees(e) => crate::employees::apply(self, e),
            Event::Roles(e) => crate::roles::apply(self, e),
            Event::Auth(e) => crate::auth::apply(&mut self.auth, e),
            Event::Session(e) => crate::auth::apply_session(&mut self.auth, e),
            Event::Notification(e) => crate::notifications::apply(&mut self.notifications, e),
            Event::Application(e) => crate::applications::apply(&mut self.applications, e),
            Event::Certificate(e) => crate::certificates::apply(&mut self.certificates, e),
        }
    }

    fn set_org_status(&mut self, org: OrgId, status: OrganizationStatus) {
        if let Some(o) = self.organizations.get_mut(&org) {
            o.status = status;
        }
    }

    pub(super) fn account_mut(&mut self, account: AccountId) -> Option<&mut Account> {
        self.accounts.get_mut(&account).map(|e| &mut e.account)
    }

    pub(super) fn update_member(
        &mut self,
        org: OrgId,
        account: AccountId,
        change: impl FnOnce(&mut Membership),
    ) {
        if let Some(m) = self
            .accounts
            .get_mut(&account)
            .and_then(|e| e.memberships.get_mut(org))
        {
            change(m);
        }
    }
}
