//! What the directory holds, as the FFI model's records: accounts,
//! organizations, members, invitations. The full JSON form of each is there
//! too (`*_json`).

use crate::handle::Kabinet;
pub use kabinet::ffi::{AccessGroupInfo, AccountInfo, CustomRoleInfo, InvitationInfo};
pub use kabinet::ffi::{MemberInfo, OrganizationInfo};
use kabinet::{AccountId, InvitationId, OrgId};

#[uniffi::export]
impl Kabinet {
    /// An account, if the directory holds it.
    pub fn account(&self, id: u64) -> Option<AccountInfo> {
        self.inner
            .read()
            .account(AccountId(id))
            .map(AccountInfo::from)
    }

    /// Every account, by number.
    pub fn accounts(&self) -> Vec<AccountInfo> {
        self.inner
            .read()
            .accounts()
            .map(AccountInfo::from)
            .collect()
    }

    /// An organization, if the directory holds it.
    pub fn organization(&self, id: u64) -> Option<OrganizationInfo> {
        self.inner
            .read()
            .organization(OrgId(id))
            .map(OrganizationInfo::from)
    }

    /// Every organization, by number.
    pub fn organizations(&self) -> Vec<OrganizationInfo> {
        self.inner
            .read()
            .organizations()
            .map(OrganizationInfo::from)
            .collect()
    }

    /// The membership of `account` in `organization`, if any.
    pub fn membership(&self, organization: u64, account: u64) -> Option<MemberInfo> {
        let a = AccountId(account);
        let dir = self.inner.read();
        let org = dir.organization(OrgId(organization))?;
        dir.membership(OrgId(organization), a)
            .map(|m| MemberInfo::of(a, m, org))
    }

    /// The members of an organization, in joining order.
    pub fn members(&self, organization: u64) -> Vec<MemberInfo> {
        let dir = self.inner.read();
        let Some(org) = dir.organization(OrgId(organization)) else {
            return Vec::new();
        };
        dir.members(OrgId(organization))
            .map(|(a, m)| MemberInfo::of(a, m, org))
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
            .map(InvitationInfo::from)
    }

    /// Every invitation of an organization, by number.
    pub fn invitations(&self, organization: u64) -> Vec<InvitationInfo> {
        self.inner
            .read()
            .invitations_of(OrgId(organization))
            .map(InvitationInfo::from)
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
