//! The values typed commands give (events in their JSON form) and the
//! readers of codes and names.

use kabinet::accounts::PersonName;
use kabinet::ffi::KabinetError;
use kabinet::Right;
use kabinet::{AccountEvent, EmployeeEvent, OrganizationEvent, RoleEvent};

/// An event: its kind (the JSON `event` tag) and its documented JSON form.
#[derive(Debug, Clone, uniffi::Record)]
pub struct Event {
    /// The kind, e.g. `member_joined`.
    pub kind: String,
    /// The event in JSON.
    pub json: String,
}

impl From<&kabinet::Event> for Event {
    fn from(e: &kabinet::Event) -> Self {
        Self {
            kind: e.kind().into(),
            json: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

/// Reads a right by its code.
pub(crate) fn right(code: &str) -> Result<Right, KabinetError> {
    Right::from_code(code).ok_or_else(|| {
        KabinetError::from(kabinet::InputError::new(kabinet::InputKind::Right, code))
    })
}

pub(crate) fn name(surname: String, given_name: String, patronymic: Option<String>) -> PersonName {
    PersonName::new(&surname, &given_name, patronymic.as_deref())
}

pub(crate) fn first_id(events: &[kabinet::Event]) -> Option<u64> {
    use kabinet::Event as E;
    events.iter().find_map(|e| match e {
        E::Accounts(AccountEvent::AccountRegistered { account, .. }) => Some(account.0),
        E::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) => Some(org.0),
        E::Employees(EmployeeEvent::InvitationSent { invitation }) => Some(invitation.id.0),
        E::Roles(RoleEvent::CustomRoleDefined { role, .. }) => Some(role.id.0),
        E::Roles(RoleEvent::AccessGroupCreated { group, .. }) => Some(group.0),
        _ => None,
    })
}
