//! From the directory's events to notices, and from notices to recipients:
//! the routing reads every feature's events and the memberships, so it is
//! the directory's; the notices themselves are the notifications'.

use super::{Directory, Event};
use crate::accounts::AccountEvent;
use crate::accounts::AccountStatus;
use crate::auth::AuthEvent;
use crate::employees::EmployeeEvent;
use crate::employees::{MembershipStatus, Standing};
use crate::ids::AccountId;
use crate::notifications::{Audience, Category, Importance, Notice};
use crate::rights::Right;
use crate::Timestamp;

fn to_person(
    category: Category,
    importance: Importance,
    person: AccountId,
    reference: String,
    at: Timestamp,
) -> Notice {
    Notice {
        category,
        importance,
        person: Some(person),
        org: None,
        audience: Audience {
            person: true,
            ..Audience::default()
        },
        reference,
        at,
    }
}

impl Directory {
    /// The notices an event calls for (none for most events). Call it after
    /// the event was applied: an application's notice names its applicant.
    pub fn notices_for(&self, event: &Event, at: Timestamp) -> Vec<Notice> {
        match event {
            Event::Accounts(AccountEvent::AccountStatusChanged {
                account,
                status: AccountStatus::Blocked(reason),
            }) => vec![to_person(
                Category::AccountBlocked,
                Importance::Critical,
                *account,
                reason.code().to_owned(),
                at,
            )],
            Event::Auth(AuthEvent::NewIpLogin { account, ip, at }) => vec![to_person(
                Category::UnauthorizedAttempt,
                Importance::High,
                *account,
                ip.to_string(),
                *at,
            )],
            Event::Auth(AuthEvent::LockedOut { account, at, .. }) => vec![to_person(
                Category::UnauthorizedAttempt,
                Importance::Critical,
                *account,
                "failed_logins".to_owned(),
                *at,
            )],
            Event::Employees(EmployeeEvent::MembershipStatusChanged {
                org,
                account,
                status: MembershipStatus::Dismissed,
            }) => self
                .powers_held_from(*org, *account, at)
                .into_iter()
                .map(|p| Notice {
                    category: Category::DismissedHoldsPower,
                    importance: Importance::High,
                    person: Some(*account),
                    org: Some(*org),
                    audience: Audience {
                        head: true,
                        administrators: true,
                        person: false,
                    },
                    reference: p.number.to_string(),
                    at,
                })
                .collect(),
            Event::Certificate(e) => crate::certificates::notices_for(e, at),
            Event::Application(e) => {
                crate::applications::notices_for(self.application_state(), e, at)
            }
            _ => Vec::new(),
        }
    }

    /// The accounts a notice goes to, without repeats, in ascending order:
    /// the person concerned, the organization's active members holding
    /// `users.manage`, its head, as the notice's audience says.
    pub fn recipients(&self, notice: &Notice) -> Vec<AccountId> {
        let mut out = Vec::new();
        if notice.audience.person {
            out.extend(notice.person);
        }
        if let Some(org_id) = notice.org {
            if let Some(org) = self.organization(org_id) {
                if notice.audience.head {
                    out.extend(org.head);
                }
                if notice.audience.administrators {
                    out.extend(self.members(org_id).filter_map(|(a, m)| {
                        let admin = m.status == MembershipStatus::Active
                            && (m.standing == Standing::Head
                                || m.rights(org).contains(Right::UsersManage));
                        admin.then_some(a)
                    }));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}
