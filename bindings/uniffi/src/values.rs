//! The values typed commands take and give: roles, events, kinds of
//! organization, requisites drafts, and the readers of codes and names.

use kabinet::accounts::PersonName;
use kabinet::ffi::KabinetError;
use kabinet::organizations::InstitutionLevel;
use kabinet::{AccountEvent, EmployeeEvent, OrganizationEvent, RoleEvent};
use kabinet::{BuiltInRole, CustomRoleId, OrgId, Right, RightSet, RoleRef};
use serde::de::DeserializeOwned;

/// A role: built in (by its code, `administrator`) or custom (by its number).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Enum)]
pub enum Role {
    /// A built-in role.
    BuiltIn {
        /// Its code: `administrator`, `accountant`, `hr`, `operator`, `specialist`, `observer`, `inspector`.
        code: String,
    },
    /// A custom role of the organization.
    Custom {
        /// Its number.
        id: u64,
    },
}

impl From<RoleRef> for Role {
    fn from(r: RoleRef) -> Self {
        match r {
            RoleRef::BuiltIn(b) => Role::BuiltIn {
                code: b.code().into(),
            },
            RoleRef::Custom(id) => Role::Custom { id: id.0 },
        }
    }
}

impl Role {
    pub(crate) fn to_core(&self) -> Result<RoleRef, KabinetError> {
        match self {
            Role::Custom { id } => Ok(RoleRef::Custom(CustomRoleId(*id))),
            Role::BuiltIn { code } => BuiltInRole::from_code(code)
                .map(RoleRef::BuiltIn)
                .ok_or_else(|| {
                    KabinetError::from(kabinet::InputError::new(kabinet::InputKind::Role, code))
                }),
        }
    }
}

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

/// The kind of an organization.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum OrganizationKind {
    /// Юридическое лицо.
    LegalEntity,
    /// Индивидуальный предприниматель.
    IndividualEntrepreneur,
    /// Учреждение; `level` is `federal`, `regional` or `municipal`.
    Institution {
        /// The level.
        level: String,
    },
    /// Орган власти (ОГВ/ОМСУ).
    StateBody,
    /// Филиал of a registered legal entity.
    Branch {
        /// The parent organization.
        parent: u64,
    },
}

/// Requisites as typed by a person; empty strings count as absent.
#[derive(Debug, Clone, Default, uniffi::Record)]
#[allow(missing_docs)]
pub struct RequisitesDraft {
    pub full_name: String,
    pub inn: String,
    pub kpp: String,
    pub ogrn: String,
    pub ogrnip: String,
    pub legal_address: String,
    pub actual_address: String,
    pub phone: String,
    pub email: String,
    pub bank_account: String,
    pub bank_name: String,
    pub bik: String,
    pub head_surname: String,
    pub head_given_name: String,
    pub head_patronymic: String,
    pub head_inn: String,
    pub head_position: String,
}

impl RequisitesDraft {
    pub(crate) fn to_core(&self) -> kabinet::organizations::RequisitesDraft {
        kabinet::organizations::RequisitesDraft {
            full_name: self.full_name.clone(),
            inn: self.inn.clone(),
            kpp: self.kpp.clone(),
            ogrn: self.ogrn.clone(),
            ogrnip: self.ogrnip.clone(),
            legal_address: self.legal_address.clone(),
            actual_address: self.actual_address.clone(),
            phone: self.phone.clone(),
            email: self.email.clone(),
            bank_account: self.bank_account.clone(),
            bank_name: self.bank_name.clone(),
            bik: self.bik.clone(),
            head_surname: self.head_surname.clone(),
            head_given_name: self.head_given_name.clone(),
            head_patronymic: self.head_patronymic.clone(),
            head_inn: self.head_inn.clone(),
            head_position: self.head_position.clone(),
        }
    }
}

/// Reads one of the library's named values (`confirmed`, `compromised`, …)
/// through serde, the single source of the names.
pub(crate) fn named<T: DeserializeOwned>(
    kind: kabinet::InputKind,
    name: &str,
) -> Result<T, KabinetError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned()))
        .map_err(|e| kabinet::InputError::new(kind, name).because(e).into())
}

/// Reads a right by its code.
pub(crate) fn right(code: &str) -> Result<Right, KabinetError> {
    Right::from_code(code).ok_or_else(|| {
        KabinetError::from(kabinet::InputError::new(kabinet::InputKind::Right, code))
    })
}

pub(crate) fn right_set(codes: &[String]) -> Result<RightSet, KabinetError> {
    codes.iter().map(|c| right(c)).collect()
}

pub(crate) fn name(surname: String, given_name: String, patronymic: Option<String>) -> PersonName {
    PersonName::new(&surname, &given_name, patronymic.as_deref())
}

pub(crate) fn kind(
    k: OrganizationKind,
) -> Result<kabinet::organizations::OrganizationKind, KabinetError> {
    use kabinet::organizations::OrganizationKind as K;
    Ok(match k {
        OrganizationKind::LegalEntity => K::LegalEntity,
        OrganizationKind::IndividualEntrepreneur => K::IndividualEntrepreneur,
        OrganizationKind::Institution { level } => K::Institution {
            level: named::<InstitutionLevel>(kabinet::InputKind::InstitutionLevel, &level)?,
        },
        OrganizationKind::StateBody => K::StateBody,
        OrganizationKind::Branch { parent } => K::Branch {
            parent: OrgId(parent),
        },
    })
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
