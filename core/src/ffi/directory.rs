//! The foreign form of what the directory holds: accounts, organizations
//! with their custom roles and access groups, memberships and invitations.
//! The library's values keep names, identifiers and statuses as typed
//! values; what crosses is their text and codes (the same the JSON form
//! writes), numbers as `u64`, rights as their codes, and a membership with
//! every right it gives already computed.

use super::name_of;
use crate::accounts::Account;
use crate::employees::{Invitation, Invitee, Membership};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
use crate::organizations::{Organization, OrganizationStatus};
use crate::rights::RightSet;
use crate::{Coded, RoleRef, Timestamp};

/// A person's account.
#[derive(Debug, Clone, uniffi::Record)]
pub struct AccountInfo {
    /// The account's number.
    pub id: AccountId,
    /// Фамилия.
    pub surname: String,
    /// Имя.
    pub given_name: String,
    /// Отчество, when there is one.
    pub patronymic: Option<String>,
    /// `simplified`, `standard` or `confirmed`.
    pub level: String,
    /// `active`, `blocked` or `disabled`.
    pub status: String,
    /// СНИЛС, when known.
    pub snils: Option<String>,
    /// ИНН, when known.
    pub inn: Option<String>,
    /// The e-mail address, when given.
    pub email: Option<String>,
    /// Whether the e-mail address is confirmed.
    pub email_confirmed: bool,
    /// The phone number, when given.
    pub phone: Option<String>,
    /// Whether the phone number is confirmed.
    pub phone_confirmed: bool,
}

/// A custom role of an organization.
#[derive(Debug, Clone, uniffi::Record)]
pub struct CustomRoleInfo {
    /// The role's number.
    pub id: CustomRoleId,
    /// Its name.
    pub name: String,
    /// The rights it gives.
    pub rights: RightSet,
}

/// An access group of an organization.
#[derive(Debug, Clone, uniffi::Record)]
pub struct AccessGroupInfo {
    /// The group's number.
    pub id: AccessGroupId,
    /// Its name.
    pub name: String,
    /// The system it opens.
    pub system: String,
    /// Its members.
    pub members: Vec<AccountId>,
}

/// An organization.
#[derive(Debug, Clone, uniffi::Record)]
pub struct OrganizationInfo {
    /// The organization's number.
    pub id: OrgId,
    /// `legal_entity`, `individual_entrepreneur`, `institution`, `state_body`, `branch`.
    pub kind: String,
    /// The full name.
    pub full_name: String,
    /// ИНН.
    pub inn: String,
    /// КПП, when it has one.
    pub kpp: Option<String>,
    /// ОГРН, when it has one.
    pub ogrn: Option<String>,
    /// ОГРНИП, when it has one.
    pub ogrnip: Option<String>,
    /// `registering`, `rejected`, `active`, `blocked`, `liquidated`.
    pub status: String,
    /// The codes of the rejection reasons, when rejected.
    pub rejection_reasons: Vec<String>,
    /// The head's account.
    pub head: Option<AccountId>,
    /// Every member's account, in joining order.
    pub members: Vec<AccountId>,
    /// Its custom roles.
    pub custom_roles: Vec<CustomRoleInfo>,
    /// Its access groups.
    pub access_groups: Vec<AccessGroupInfo>,
}

/// A member of an organization.
#[derive(Debug, Clone, uniffi::Record)]
pub struct MemberInfo {
    /// The member's account.
    pub account: AccountId,
    /// `head` or `employee`.
    pub standing: String,
    /// `active`, `blocked`, `disabled`, `dismissed`.
    pub status: String,
    /// The roles held.
    pub roles: Vec<RoleRef>,
    /// Rights granted individually.
    pub grants: RightSet,
    /// Every right the membership gives.
    pub rights: RightSet,
    /// The position, when stated.
    pub position: Option<String>,
    /// When the member joined.
    pub joined_at: Timestamp,
}

/// An invitation.
#[derive(Debug, Clone, uniffi::Record)]
pub struct InvitationInfo {
    /// The invitation's number.
    pub id: InvitationId,
    /// The organization inviting.
    pub org: OrgId,
    /// The СНИЛС or e-mail it is addressed to.
    pub invitee: String,
    /// The roles offered.
    pub roles: Vec<RoleRef>,
    /// When it was sent.
    pub sent_at: Timestamp,
    /// When it lapses.
    pub expires_at: Timestamp,
}

impl From<&Account> for AccountInfo {
    fn from(a: &Account) -> Self {
        Self {
            id: a.id,
            surname: a.name.surname().to_owned(),
            given_name: a.name.given_name().to_owned(),
            patronymic: a.name.patronymic().map(str::to_owned),
            level: name_of(&a.level),
            status: a.status.code().into(),
            snils: a.snils.as_ref().map(|s| s.as_str().to_owned()),
            inn: a.inn.as_ref().map(|s| s.as_str().to_owned()),
            email: a.email.as_ref().map(|c| c.value.as_str().to_owned()),
            email_confirmed: a.email.as_ref().is_some_and(|c| c.confirmed),
            phone: a.phone.as_ref().map(|c| c.value.as_str().to_owned()),
            phone_confirmed: a.phone.as_ref().is_some_and(|c| c.confirmed),
        }
    }
}

impl From<&Organization> for OrganizationInfo {
    fn from(o: &Organization) -> Self {
        let r = &o.requisites;
        Self {
            id: o.id,
            kind: o.kind.code().into(),
            full_name: r.full_name.to_string(),
            inn: r.inn.as_str().into(),
            kpp: r.kpp.as_ref().map(|v| v.as_str().to_owned()),
            ogrn: r.ogrn.as_ref().map(|v| v.as_str().to_owned()),
            ogrnip: r.ogrnip.as_ref().map(|v| v.as_str().to_owned()),
            status: o.status.code().into(),
            rejection_reasons: match &o.status {
                OrganizationStatus::Rejected { reasons } => {
                    reasons.iter().map(|r| r.code().to_owned()).collect()
                }
                _ => vec![],
            },
            head: o.head,
            members: o.members.clone(),
            custom_roles: o
                .custom_roles
                .iter()
                .map(|c| CustomRoleInfo {
                    id: c.id,
                    name: c.name.clone(),
                    rights: c.rights,
                })
                .collect(),
            access_groups: o
                .access_groups
                .iter()
                .map(|g| AccessGroupInfo {
                    id: g.id,
                    name: g.name.clone(),
                    system: g.system.clone(),
                    members: g.members.iter().copied().collect(),
                })
                .collect(),
        }
    }
}

impl MemberInfo {
    /// The membership `m` of `account` in `org`, with every right it gives.
    pub fn of(account: AccountId, m: &Membership, org: &Organization) -> Self {
        Self {
            account,
            standing: name_of(&m.standing),
            status: m.status.code().into(),
            roles: m.roles.iter().collect(),
            grants: m.grants,
            rights: m.rights(org),
            position: m.position.as_deref().map(str::to_owned),
            joined_at: m.joined_at,
        }
    }
}

impl From<&Invitation> for InvitationInfo {
    fn from(i: &Invitation) -> Self {
        Self {
            id: i.id,
            org: i.org,
            invitee: match &i.invitee {
                Invitee::Email(e) => e.as_str().to_owned(),
                Invitee::Snils(s) => s.as_str().to_owned(),
            },
            roles: i.roles.clone(),
            sent_at: i.sent_at,
            expires_at: i.expires_at,
        }
    }
}
