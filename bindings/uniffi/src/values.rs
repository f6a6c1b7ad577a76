//! The values typed commands give (events in their JSON form) and the
//! readers of codes and names.

use kabinet::accounts::PersonName;
use kabinet::ffi::KabinetError;
use kabinet::Right;
use kabinet::{AccountEvent, EmployeeEvent, OrganizationEvent, RoleEvent};

pub use kabinet::ffi::EventRecord as Event;

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
