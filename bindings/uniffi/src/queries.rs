//! What the directory holds, as records: accounts, organizations, members,
//! invitations. The full JSON form of each is there too (`*_json`).

use crate::handle::Kabinet;
use kabinet::RoleRef;
use kabinet::Timestamp;
use kabinet::{AccountId, InvitationId, OrgId};

/// A person's account.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct AccountInfo {
    pub id: u64,
    pub surname: String,
    pub given_name: String,
    pub patronymic: Option<String>,
    /// `simplified`, `standard` or `confirmed`.
    pub level: String,
    /// `active`, `blocked` or `disabled`.
    pub status: String,
    pub snils: Option<String>,
    pub inn: Option<String>,
    pub email: Option<String>,
    pub email_confirmed: bool,
    pub phone: Option<String>,
    pub phone_confirmed: bool,
}

/// A custom role of an organization.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct CustomRoleInfo {
    pub id: u64,
    pub name: String,
    pub rights: Vec<String>,
}

/// An access group of an organization.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct AccessGroupInfo {
    pub id: u64,
    pub name: String,
    pub system: String,
    pub members: Vec<u64>,
}

/// An organization.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct OrganizationInfo {
    pub id: u64,
    /// `legal_entity`, `individual_entrepreneur`, `institution`, `state_body`, `branch`.
    pub kind: String,
    pub full_name: String,
    pub inn: String,
    pub kpp: Option<String>,
    pub ogrn: Option<String>,
    pub ogrnip: Option<String>,
    /// `registering`, `rejected`, `active`, `blocked`, `liquidated`.
    pub status: String,
    /// The codes of the rejection reasons, when rejected.
    pub rejection_reasons: Vec<String>,
    pub head: Option<u64>,
    pub members: Vec<u64>,
    pub custom_roles: Vec<CustomRoleInfo>,
    pub access_groups: Vec<AccessGroupInfo>,
}

/// A member of an organization.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct MemberInfo {
    pub account: u64,
    /// `head` or `employee`.
    pub standing: String,
    /// `active`, `blocked`, `disabled`, `dismissed`.
    pub status: String,
    pub roles: Vec<RoleRef>,
    /// Rights granted individually.
    pub grants: Vec<String>,
    /// Every right the membership gives.
    pub rights: Vec<String>,
    pub position: Option<String>,
    pub joined_at: Timestamp,
}

/// An invitation.
#[derive(Debug, Clone, uniffi::Record)]
#[allow(missing_docs)]
pub struct InvitationInfo {
    pub id: u64,
    pub org: u64,
    /// The СНИЛС or e-mail it is addressed to.
    pub invitee: String,
    pub roles: Vec<RoleRef>,
    pub sent_at: Timestamp,
    pub expires_at: Timestamp,
}

fn codes(s: kabinet::RightSet) -> Vec<String> {
    s.iter().map(|r| r.code().to_owned()).collect()
}

fn name_of<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn account(a: &kabinet::accounts::Account) -> AccountInfo {
    AccountInfo {
        id: a.id.0,
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

fn organization(o: &kabinet::organizations::Organization) -> OrganizationInfo {
    use kabinet::organizations::OrganizationStatus;
    let r = &o.requisites;
    OrganizationInfo {
        id: o.id.0,
        kind: o.kind.code().into(),
        full_name: r.full_name.to_string(),
        inn: r.inn.as_str().into(),
        kpp: r.kpp.as_ref().map(|v| v.as_str().to_owned()),
        ogrn: r.ogrn.as_ref().map(|v| v.as_str().to_owned()),
        ogrnip: r.ogrnip.as_ref().map(|v| v.as_str().to_owned()),
        status: o.status.code().into(),
        rejection_reasons: match &o.status {
            OrganizationStatus::Rejected { reasons } => reasons
                .iter()
                .map(|r| kabinet::Coded::code(r).to_owned())
                .collect(),
            _ => vec![],
        },
        head: o.head.map(|h| h.0),
        members: o.members.iter().map(|m| m.0).collect(),
        custom_roles: o
            .custom_roles
            .iter()
            .map(|c| CustomRoleInfo {
                id: c.id.0,
                name: c.name.clone(),
                rights: codes(c.rights),
            })
            .collect(),
        access_groups: o
            .access_groups
            .iter()
            .map(|g| AccessGroupInfo {
                id: g.id.0,
                name: g.name.clone(),
                system: g.system.clone(),
                members: g.members.iter().map(|m| m.0).collect(),
            })
            .collect(),
    }
}

fn member(
    account: AccountId,
    m: &kabinet::employees::Membership,
    org: &kabinet::organizations::Organization,
) -> MemberInfo {
    MemberInfo {
        account: account.0,
        standing: name_of(&m.standing),
        status: m.status.code().into(),
        roles: m.roles.iter().collect(),
        grants: codes(m.grants),
        rights: codes(m.rights(org)),
        position: m.position.as_deref().map(str::to_owned),
        joined_at: m.joined_at,
    }
}

fn invitation(i: &kabinet::employees::Invitation) -> InvitationInfo {
    use kabinet::employees::Invitee;
    InvitationInfo {
        id: i.id.0,
        org: i.org.0,
        invitee: match &i.invitee {
            Invitee::Email(e) => e.as_str().to_owned(),
            Invitee::Snils(s) => s.as_str().to_owned(),
        },
        roles: i.roles.clone(),
        sent_at: i.sent_at,
        expires_at: i.expires_at,
    }
}

#[uniffi::export]
impl Kabinet {
    /// An account, if the directory holds it.
    pub fn account(&self, id: u64) -> Option<AccountInfo> {
        self.inner.read().account(AccountId(id)).map(account)
    }

    /// Every account, by number.
    pub fn accounts(&self) -> Vec<AccountInfo> {
        self.inner.read().accounts().map(account).collect()
    }

    /// An organization, if the directory holds it.
    pub fn organization(&self, id: u64) -> Option<OrganizationInfo> {
        self.inner.read().organization(OrgId(id)).map(organization)
    }

    /// Every organization, by number.
    pub fn organizations(&self) -> Vec<OrganizationInfo> {
        self.inner
            .read()
            .organizations()
            .map(organization)
            .collect()
    }

    /// The membership of `account` in `organization`, if any.
    pub fn membership(&self, organization: u64, account: u64) -> Option<MemberInfo> {
        let a = AccountId(account);
        let dir = self.inner.read();
        let org = dir.organization(OrgId(organization))?;
        dir.membership(OrgId(organization), a)
            .map(|m| member(a, m, org))
    }

    /// The members of an organization, in joining order.
    pub fn members(&self, organization: u64) -> Vec<MemberInfo> {
        let dir = self.inner.read();
        let Some(org) = dir.organization(OrgId(organization)) else {
            return Vec::new();
        };
        dir.members(OrgId(organization))
            .map(|(a, m)| member(a, m, org))
            .collect()
    }

    /// The organizations an account belongs to, in joining order.
    pub fn organizations_of(&self, account: u64) -> Vec<u64> {
        self.inner
            .read()
            .organizations_of(AccountId(account))
            .iter()
            .map(|o| o.0)
            .collect()
    }

    /// An invitation, if the directory holds it.
    pub fn invitation(&self, id: u64) -> Option<InvitationInfo> {
        self.inner
            .read()
            .invitation(InvitationId(id))
            .map(invitation)
    }

    /// Every invitation of an organization, by number.
    pub fn invitations(&self, organization: u64) -> Vec<InvitationInfo> {
        self.inner
            .read()
            .invitations_of(OrgId(organization))
            .map(invitation)
            .collect()
    }

    /// An account in its full JSON form.
    pub fn account_json(&self, id: u64) -> Option<String> {
        self.inner
            .read()
            .account(AccountId(id))
            .and_then(|a| serde_json::to_string(a).ok())
    }

    /// An organization in its full JSON form.
    pub fn organization_json(&self, id: u64) -> Option<String> {
        self.inner
            .read()
            .organization(OrgId(id))
            .and_then(|o| serde_json::to_string(o).ok())
    }
}
