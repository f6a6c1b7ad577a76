//! Typed commands: one method of [`Kabinet`] per common flow, each building
//! the library's `Command` and running it. Commands of the portal itself
//! take `at`; commands of a person take the [`Context`] they act in.
//! Creating commands return the new number; the others return the events.

use crate::context::Context;
use crate::error::KabinetError;
use crate::handle::Kabinet;
use crate::registry::InMemoryRegistry;
use crate::time;
use kabinet::accounts::{AccountLevel, ContactKind, PersonName};
use kabinet::directory::ContactValue;
use kabinet::employees::Invitee;
use kabinet::identifiers::{Email, Inn, Phone, Snils};
use kabinet::organizations::{InstitutionLevel, RegistryAnswer, StateRegistry};
use kabinet::{
    AccessGroupId, AccountId, BuiltInRole, Command, CustomRoleId, InvitationId, OrgId, Right,
    RightSet, RoleRef,
};
use serde::de::DeserializeOwned;
use std::sync::Arc;
use std::time::SystemTime;

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
    fn to_core(&self) -> Result<RoleRef, KabinetError> {
        match self {
            Role::Custom { id } => Ok(RoleRef::Custom(CustomRoleId(*id))),
            Role::BuiltIn { code } => BuiltInRole::from_code(code)
                .map(RoleRef::BuiltIn)
                .ok_or_else(|| {
                    KabinetError::input(
                        "role.unknown",
                        format!("неизвестная роль «{code}»"),
                        format!("unknown role '{code}'"),
                    )
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
    fn to_core(&self) -> kabinet::organizations::RequisitesDraft {
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
fn named<T: DeserializeOwned>(what: &str, name: &str) -> Result<T, KabinetError> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).map_err(|e| {
        KabinetError::input(
            what,
            format!("недопустимое значение «{name}»: {e}"),
            format!("unexpected value '{name}': {e}"),
        )
    })
}

/// Reads a right by its code.
pub(crate) fn right(code: &str) -> Result<Right, KabinetError> {
    Right::from_code(code).ok_or_else(|| {
        KabinetError::input(
            "right.unknown",
            format!("неизвестное право «{code}»"),
            format!("unknown right '{code}'"),
        )
    })
}

fn right_set(codes: &[String]) -> Result<RightSet, KabinetError> {
    codes.iter().map(|c| right(c)).collect()
}

fn name(surname: String, given_name: String, patronymic: Option<String>) -> PersonName {
    PersonName::new(&surname, &given_name, patronymic.as_deref())
}

fn kind(k: OrganizationKind) -> Result<kabinet::organizations::OrganizationKind, KabinetError> {
    use kabinet::organizations::OrganizationKind as K;
    Ok(match k {
        OrganizationKind::LegalEntity => K::LegalEntity,
        OrganizationKind::IndividualEntrepreneur => K::IndividualEntrepreneur,
        OrganizationKind::Institution { level } => K::Institution {
            level: named::<InstitutionLevel>("organization.unknown_level", &level)?,
        },
        OrganizationKind::StateBody => K::StateBody,
        OrganizationKind::Branch { parent } => K::Branch {
            parent: OrgId(parent),
        },
    })
}

fn first_id(events: &[kabinet::Event]) -> Option<u64> {
    use kabinet::Event as E;
    events.iter().find_map(|e| match e {
        E::AccountRegistered { account, .. } => Some(account.0),
        E::OrganizationSubmitted { org, .. } => Some(org.0),
        E::InvitationSent { invitation } => Some(invitation.id.0),
        E::CustomRoleDefined { role, .. } => Some(role.id.0),
        E::AccessGroupCreated { group, .. } => Some(group.0),
        _ => None,
    })
}

impl Kabinet {
    fn system(&self, command: Command, at: SystemTime) -> Result<Vec<Event>, KabinetError> {
        let ctx = kabinet::Context::system(time::from_host(at)?);
        self.run_core(command, &ctx)
            .map(|e| e.iter().map(Event::from).collect())
    }

    fn by(&self, command: Command, context: &Context) -> Result<Vec<Event>, KabinetError> {
        self.run_core(command, &context.to_core()?)
            .map(|e| e.iter().map(Event::from).collect())
    }

    fn creating(&self, command: Command, context: &kabinet::Context) -> Result<u64, KabinetError> {
        let events = self.run_core(command, context)?;
        first_id(&events).ok_or_else(|| {
            KabinetError::input(
                "command.no_id",
                "команда не создала объект".into(),
                "the command created nothing".into(),
            )
        })
    }
}

#[uniffi::export]
impl Kabinet {
    /// Registers a person's account at the simplified level; returns its number. The portal.
    #[allow(clippy::too_many_arguments)]
    pub fn register_account(
        &self,
        surname: String,
        given_name: String,
        patronymic: Option<String>,
        snils: Option<String>,
        inn: Option<String>,
        email: Option<String>,
        phone: Option<String>,
        at: SystemTime,
    ) -> Result<u64, KabinetError> {
        let command = Command::RegisterAccount {
            name: name(surname, given_name, patronymic),
            snils: snils.as_deref().map(Snils::parse).transpose()?,
            inn: inn.as_deref().map(Inn::parse).transpose()?,
            email: email.as_deref().map(Email::parse).transpose()?,
            phone: phone.as_deref().map(Phone::parse).transpose()?,
        };
        self.creating(command, &kabinet::Context::system(time::from_host(at)?))
    }

    /// Raises an account one step: `standard` (needs a СНИЛС), then `confirmed`. The portal.
    pub fn raise_level(
        &self,
        account: u64,
        level: String,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let level: AccountLevel = named("account.unknown_level", &level)?;
        self.system(
            Command::RaiseAccountLevel {
                account: AccountId(account),
                level,
            },
            at,
        )
    }

    /// Raises an account to `standard` and then `confirmed`. The portal.
    pub fn confirm_identity(
        &self,
        account: u64,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let mut events = self.raise_level(account, "standard".into(), at)?;
        events.extend(self.raise_level(account, "confirmed".into(), at)?);
        Ok(events)
    }

    /// Sets an e-mail (`kind = "email"`) or a phone (`"phone"`), unconfirmed.
    pub fn change_contact(
        &self,
        context: Context,
        account: u64,
        kind: String,
        value: String,
    ) -> Result<Vec<Event>, KabinetError> {
        let contact = match named::<ContactKind>("account.unknown_contact", &kind)? {
            ContactKind::Email => ContactValue::Email(Email::parse(&value)?),
            ContactKind::Phone => ContactValue::Phone(Phone::parse(&value)?),
        };
        self.by(
            Command::ChangeContact {
                account: AccountId(account),
                contact,
            },
            &context,
        )
    }

    /// Marks `email` or `phone` confirmed after its one-time code was checked. The portal.
    pub fn confirm_contact(
        &self,
        account: u64,
        kind: String,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let kind: ContactKind = named("account.unknown_contact", &kind)?;
        self.system(
            Command::ConfirmContact {
                account: AccountId(account),
                kind,
            },
            at,
        )
    }

    /// Blocks an account (`failed_logins`, `compromised`, `not_confirmed_in_time`, `operator`). The portal.
    pub fn block_account(
        &self,
        account: u64,
        reason: String,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let reason = named("account.unknown_reason", &reason)?;
        self.system(
            Command::BlockAccount {
                account: AccountId(account),
                reason,
            },
            at,
        )
    }

    /// Restores a blocked or disabled account. The portal.
    pub fn restore_account(
        &self,
        account: u64,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        self.system(
            Command::RestoreAccount {
                account: AccountId(account),
            },
            at,
        )
    }

    /// Submits an organization for registration; returns its number.
    pub fn submit_organization(
        &self,
        context: Context,
        kind: OrganizationKind,
        requisites: RequisitesDraft,
    ) -> Result<u64, KabinetError> {
        let command = Command::SubmitOrganization {
            kind: self::kind(kind)?,
            requisites: requisites.to_core(),
        };
        self.creating(command, &context.to_core()?)
    }

    /// Corrects and resubmits a rejected registration.
    pub fn resubmit_organization(
        &self,
        context: Context,
        org: u64,
        requisites: RequisitesDraft,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::ResubmitOrganization {
                org: OrgId(org),
                requisites: requisites.to_core(),
            },
            &context,
        )
    }

    /// Records the registry's answer given in its JSON form. The portal.
    pub fn record_registry_answer(
        &self,
        org: u64,
        answer_json: String,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let answer: RegistryAnswer = serde_json::from_str(&answer_json).map_err(|e| {
            KabinetError::input(
                "registry.malformed",
                format!("ответ реестра не соответствует описанной форме: {e}"),
                format!("the registry answer does not have the documented form: {e}"),
            )
        })?;
        self.system(
            Command::RecordRegistryAnswer {
                org: OrgId(org),
                answer,
            },
            at,
        )
    }

    /// Asks `registry` about the organization's ИНН and records the answer. The portal.
    pub fn consult_registry(
        &self,
        org: u64,
        registry: Arc<InMemoryRegistry>,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let inn = self
            .inner
            .read()
            .organization(OrgId(org))
            .map(|o| o.requisites.inn.clone());
        let answer = match inn {
            Some(inn) => registry
                .registry()
                .lookup(&inn)
                .map_err(|e| KabinetError::Registry {
                    code: kabinet::Coded::code(&e).into(),
                    message_ru: kabinet::Coded::message_ru(&e),
                    message_en: kabinet::Coded::message_en(&e),
                })?,
            None => RegistryAnswer::NotFound,
        };
        self.system(
            Command::RecordRegistryAnswer {
                org: OrgId(org),
                answer,
            },
            at,
        )
    }

    /// Changes requisites (not ИНН, ОГРН, ОГРНИП); needs an enhanced signature.
    pub fn change_requisites(
        &self,
        context: Context,
        org: u64,
        requisites: RequisitesDraft,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::ChangeRequisites {
                org: OrgId(org),
                requisites: requisites.to_core(),
            },
            &context,
        )
    }

    /// Blocks an organization (`operator`, `state_body`, `compromised`). The portal.
    pub fn block_organization(
        &self,
        org: u64,
        reason: String,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        let reason = named("organization.unknown_reason", &reason)?;
        self.system(
            Command::BlockOrganization {
                org: OrgId(org),
                reason,
            },
            at,
        )
    }

    /// Unblocks an organization. The portal.
    pub fn unblock_organization(
        &self,
        org: u64,
        at: SystemTime,
    ) -> Result<Vec<Event>, KabinetError> {
        self.system(Command::UnblockOrganization { org: OrgId(org) }, at)
    }

    /// Invites a person by СНИЛС or e-mail (exactly one); returns the invitation's number.
    #[allow(clippy::too_many_arguments)]
    pub fn invite_employee(
        &self,
        context: Context,
        org: u64,
        surname: String,
        given_name: String,
        snils: Option<String>,
        email: Option<String>,
        position: Option<String>,
        roles: Vec<Role>,
    ) -> Result<u64, KabinetError> {
        let invitee = match (snils, email) {
            (Some(s), None) => Invitee::Snils(Snils::parse(&s)?),
            (None, Some(e)) => Invitee::Email(Email::parse(&e)?),
            _ => {
                return Err(KabinetError::input(
                    "invitation.invitee",
                    "укажите СНИЛС или адрес электронной почты".into(),
                    "give exactly one of a СНИЛС or an e-mail".into(),
                ))
            }
        };
        let roles = roles.iter().map(Role::to_core).collect::<Result<_, _>>()?;
        let command = Command::InviteEmployee {
            org: OrgId(org),
            invitee,
            name: name(surname, given_name, None),
            position,
            roles,
        };
        self.creating(command, &context.to_core()?)
    }

    /// Accepts an invitation with the invited person's confirmed account.
    pub fn accept_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::AcceptInvitation {
                invitation: InvitationId(invitation),
            },
            &context,
        )
    }

    /// Declines an invitation.
    pub fn decline_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::DeclineInvitation {
                invitation: InvitationId(invitation),
            },
            &context,
        )
    }

    /// Withdraws a pending invitation.
    pub fn revoke_invitation(
        &self,
        context: Context,
        invitation: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::RevokeInvitation {
                invitation: InvitationId(invitation),
            },
            &context,
        )
    }

    /// Blocks an employee.
    pub fn block_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::BlockEmployee {
                org: OrgId(org),
                account: AccountId(account),
            },
            &context,
        )
    }

    /// Dismisses an employee: access ends at once.
    pub fn dismiss_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::DismissEmployee {
                org: OrgId(org),
                account: AccountId(account),
            },
            &context,
        )
    }

    /// Restores a blocked, disabled or mistakenly dismissed employee.
    pub fn restore_employee(
        &self,
        context: Context,
        org: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::RestoreEmployee {
                org: OrgId(org),
                account: AccountId(account),
            },
            &context,
        )
    }

    /// Gives a role.
    pub fn assign_role(
        &self,
        context: Context,
        org: u64,
        account: u64,
        role: Role,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::AssignRole {
                org: OrgId(org),
                account: AccountId(account),
                role: role.to_core()?,
            },
            &context,
        )
    }

    /// Takes a role away.
    pub fn revoke_role(
        &self,
        context: Context,
        org: u64,
        account: u64,
        role: Role,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::RevokeRole {
                org: OrgId(org),
                account: AccountId(account),
                role: role.to_core()?,
            },
            &context,
        )
    }

    /// Grants rights (their codes) individually.
    pub fn grant_rights(
        &self,
        context: Context,
        org: u64,
        account: u64,
        rights: Vec<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::GrantRights {
                org: OrgId(org),
                account: AccountId(account),
                rights: right_set(&rights)?,
            },
            &context,
        )
    }

    /// Takes individually granted rights away.
    pub fn revoke_rights(
        &self,
        context: Context,
        org: u64,
        account: u64,
        rights: Vec<String>,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::RevokeRights {
                org: OrgId(org),
                account: AccountId(account),
                rights: right_set(&rights)?,
            },
            &context,
        )
    }

    /// Defines a custom role; returns its number.
    pub fn create_custom_role(
        &self,
        context: Context,
        org: u64,
        name: String,
        rights: Vec<String>,
    ) -> Result<u64, KabinetError> {
        let command = Command::CreateCustomRole {
            org: OrgId(org),
            name,
            rights: right_set(&rights)?,
        };
        self.creating(command, &context.to_core()?)
    }

    /// Deletes a custom role, taking it from everyone.
    pub fn delete_custom_role(
        &self,
        context: Context,
        org: u64,
        role: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::DeleteCustomRole {
                org: OrgId(org),
                role: CustomRoleId(role),
            },
            &context,
        )
    }

    /// Creates an access group of an information system; returns its number.
    pub fn create_access_group(
        &self,
        context: Context,
        org: u64,
        name: String,
        system: String,
    ) -> Result<u64, KabinetError> {
        self.creating(
            Command::CreateAccessGroup {
                org: OrgId(org),
                name,
                system,
            },
            &context.to_core()?,
        )
    }

    /// Adds an employee to an access group.
    pub fn add_to_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::AddToAccessGroup {
                org: OrgId(org),
                group: AccessGroupId(group),
                account: AccountId(account),
            },
            &context,
        )
    }

    /// Removes an employee from an access group.
    pub fn remove_from_access_group(
        &self,
        context: Context,
        org: u64,
        group: u64,
        account: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        self.by(
            Command::RemoveFromAccessGroup {
                org: OrgId(org),
                group: AccessGroupId(group),
                account: AccountId(account),
            },
            &context,
        )
    }
}
