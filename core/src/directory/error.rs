//! Why a command was refused. Nothing changes when a command fails.

use crate::coded::Coded;
use crate::decisions::Refusal;
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId};
use crate::organizations::FieldError;
use crate::rights::RightSet;
use crate::roles::RoleRef;
use crate::Timestamp;

/// A refused command, with a stable code and messages in two languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CommandError {
    /// Only the portal itself may execute this command.
    #[error("only the portal may do this")]
    SystemOnly,
    /// A person's account must execute this command.
    #[error("a person's account must do this")]
    AccountOnly,
    /// The acting account may not do this to another account.
    #[error("an account may change only its own contacts")]
    NotYourAccount,
    /// No such account.
    #[error("account {account} not found")]
    AccountNotFound {
        /// The account.
        account: AccountId,
    },
    /// One person, one account: the СНИЛС already belongs to an account.
    #[error("the СНИЛС already belongs to account {existing}")]
    DuplicateSnils {
        /// The account holding it.
        existing: AccountId,
    },
    /// The account cannot act: blocked, disabled or not confirmed.
    #[error("the account cannot act")]
    AccountCannotAct {
        /// Why.
        refusals: Vec<Refusal>,
    },
    /// A level change that skips a step, goes down, or lacks a СНИЛС.
    #[error("the account level cannot change this way")]
    LevelTransition,
    /// The contact to confirm is not set.
    #[error("the contact is not set")]
    ContactMissing,
    /// The status is already what the command would make it.
    #[error("nothing to change: already {status}")]
    AlreadyInStatus {
        /// The current status code.
        status: &'static str,
    },
    /// No such organization.
    #[error("organization {org} not found")]
    OrganizationNotFound {
        /// The organization.
        org: OrgId,
    },
    /// The organization is not in a state this command applies to.
    #[error("the organization's status {status} does not allow this")]
    OrganizationStatus {
        /// Its status code.
        status: &'static str,
    },
    /// The requisites have field errors; every one is listed.
    #[error("the requisites have {} field errors", fields.len())]
    InvalidRequisites {
        /// Every field error.
        fields: Vec<FieldError>,
    },
    /// ИНН, ОГРН and ОГРНИП identify the organization and cannot change.
    #[error("the organization's identifying numbers cannot change")]
    IdentityImmutable,
    /// Only the submitter may resubmit a registration.
    #[error("only the submitter may resubmit")]
    NotSubmitter,
    /// A branch's parent is not an active legal entity.
    #[error("the branch's parent organization is not an active legal entity")]
    BranchParent,
    /// The actor may not do this: the access check refused.
    #[error("access refused")]
    Denied {
        /// Every reason.
        refusals: Vec<Refusal>,
    },
    /// Least privilege: nobody grants, or takes, a right they do not hold.
    #[error("rights beyond the actor's own")]
    BeyondOwnRights {
        /// The rights the actor lacks.
        missing: RightSet,
    },
    /// The head cannot be removed or restricted by anyone in the organization.
    #[error("the head cannot be changed by an employee")]
    HeadProtected,
    /// The person is not a member of the organization.
    #[error("account {account} is not a member")]
    NotAMember {
        /// The account.
        account: AccountId,
    },
    /// The person is already a member.
    #[error("account {account} is already a member")]
    AlreadyMember {
        /// The account.
        account: AccountId,
    },
    /// The role cannot be given by a command (the head's).
    #[error("the role {role} cannot be assigned")]
    RoleNotAssignable {
        /// The role.
        role: RoleRef,
    },
    /// No such custom role.
    #[error("custom role {role} not found")]
    RoleNotFound {
        /// The role.
        role: CustomRoleId,
    },
    /// The member already holds the role.
    #[error("the role {role} is already held")]
    RoleAlreadyHeld {
        /// The role.
        role: RoleRef,
    },
    /// The member does not hold the role.
    #[error("the role {role} is not held")]
    RoleNotHeld {
        /// The role.
        role: RoleRef,
    },
    /// No such pending invitation: never sent, or already answered or withdrawn.
    #[error("invitation {invitation} not found or no longer pending")]
    InvitationNotFound {
        /// The invitation.
        invitation: InvitationId,
    },
    /// The invitation expired.
    #[error("the invitation expired at {expires_at}")]
    InvitationExpired {
        /// When it expired.
        expires_at: Timestamp,
    },
    /// The invitation is addressed to someone else.
    #[error("the invitation is addressed to another person")]
    InvitationNotForYou,
    /// No such access group.
    #[error("access group {group} not found")]
    AccessGroupNotFound {
        /// The group.
        group: AccessGroupId,
    },
    /// A name is empty or too long (more than 200 characters).
    #[error("the name is empty or too long")]
    BadName,
    /// A policy limit was reached.
    #[error("the limit of {limit} is reached")]
    LimitReached {
        /// The limit.
        limit: usize,
    },
    /// A rule of powers of attorney was broken.
    #[error(transparent)]
    Delegation(crate::delegation::DelegationError),
    /// The power of attorney presented (МЧД) could not be read.
    #[error(transparent)]
    PowerDocument(#[from] crate::delegation::MchdError),
    /// The command passed its rules but could not be recorded durably in the
    /// journal, so it was not applied.
    #[error("the command could not be recorded: {reason}")]
    NotRecorded {
        /// What the store reported.
        reason: String,
    },
    /// Authentication or a session refused the command.
    #[error(transparent)]
    Auth(#[from] crate::auth::AuthError),
    /// Notifications refused the command.
    #[error(transparent)]
    Notification(#[from] crate::notifications::NotificationError),
    /// Applications refused the command.
    #[error(transparent)]
    Application(#[from] crate::applications::ApplicationError),
    /// Certificate binding refused the command.
    #[error(transparent)]
    Certificate(#[from] crate::certificates::CertificateError),
}

impl Coded for CommandError {
    fn code(&self) -> &'static str {
        match self {
            Self::SystemOnly => "command.system_only",
            Self::AccountOnly => "command.account_only",
            Self::NotYourAccount => "account.not_yours",
            Self::AccountNotFound { .. } => "account.not_found",
            Self::DuplicateSnils { .. } => "account.duplicate_snils",
            Self::AccountCannotAct { .. } => "account.cannot_act",
            Self::LevelTransition => "account.level_transition",
            Self::ContactMissing => "account.contact_missing",
            Self::AlreadyInStatus { .. } => "command.already_in_status",
            Self::OrganizationNotFound { .. } => "organization.not_found",
            Self::OrganizationStatus { .. } => "organization.status",
            Self::InvalidRequisites { .. } => "organization.invalid_requisites",
            Self::IdentityImmutable => "organization.identity_immutable",
            Self::NotSubmitter => "organization.not_submitter",
            Self::BranchParent => "organization.branch_parent",
            Self::Denied { .. } => "access.denied",
            Self::BeyondOwnRights { .. } => "access.beyond_own_rights",
            Self::HeadProtected => "employee.head_protected",
            Self::NotAMember { .. } => "employee.not_a_member",
            Self::AlreadyMember { .. } => "employee.already_member",
            Self::RoleNotAssignable { .. } => "role.not_assignable",
            Self::RoleNotFound { .. } => "role.not_found",
            Self::RoleAlreadyHeld { .. } => "role.already_held",
            Self::RoleNotHeld { .. } => "role.not_held",
            Self::InvitationNotFound { .. } => "invitation.not_found",
            Self::InvitationExpired { .. } => "invitation.expired",
            Self::InvitationNotForYou => "invitation.not_for_you",
            Self::AccessGroupNotFound { .. } => "access_group.not_found",
            Self::BadName => "command.bad_name",
            Self::LimitReached { .. } => "command.limit_reached",
            Self::Delegation(e) => e.code(),
            Self::PowerDocument(e) => e.code(),
            Self::NotRecorded { .. } => "journal.not_recorded",
            Self::Auth(e) => e.code(),
            Self::Notification(e) => e.code(),
            Self::Application(e) => e.code(),
            Self::Certificate(e) => e.code(),
        }
    }

    fn message_ru(&self) -> String {
        let rights = |s: &RightSet| s.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
        let refusals = |r: &[Refusal]| {
            r.iter()
                .map(Coded::message_ru)
                .collect::<Vec<_>>()
                .join("; ")
        };
        match self {
            Self::SystemOnly => "действие выполняет только портал".into(),
            Self::AccountOnly => "действие выполняет пользователь под своей учётной записью".into(),
            Self::NotYourAccount => "изменять контакты можно только в своей учётной записи".into(),
            Self::AccountNotFound { account } => format!("учётная запись {account} не найдена"),
            Self::DuplicateSnils { existing } => {
                format!("СНИЛС уже принадлежит учётной записи {existing}")
            }
            Self::AccountCannotAct { refusals: r } => {
                format!("учётная запись не может действовать: {}", refusals(r))
            }
            Self::LevelTransition => "уровень учётной записи нельзя изменить таким образом".into(),
            Self::ContactMissing => "контакт не указан".into(),
            Self::AlreadyInStatus { status } => format!("изменений нет: статус уже {status}"),
            Self::OrganizationNotFound { org } => format!("организация {org} не найдена"),
            Self::OrganizationStatus { status } => {
                format!("статус организации ({status}) не допускает это действие")
            }
            Self::InvalidRequisites { fields } => {
                let list: Vec<_> = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.error.message_ru))
                    .collect();
                format!("ошибки в реквизитах: {}", list.join("; "))
            }
            Self::IdentityImmutable => "ИНН, ОГРН и ОГРНИП организации изменить нельзя".into(),
            Self::NotSubmitter => "повторно подать заявку может только заявитель".into(),
            Self::BranchParent => {
                "головная организация филиала не действует или не является юридическим лицом".into()
            }
            Self::Denied { refusals: r } => format!("доступ запрещён: {}", refusals(r)),
            Self::BeyondOwnRights { missing } => {
                format!(
                    "нельзя выдавать или отзывать права, которых нет у вас самих: {}",
                    rights(missing)
                )
            }
            Self::HeadProtected => "руководителя нельзя удалить или ограничить".into(),
            Self::NotAMember { account } => {
                format!("{account} не является сотрудником организации")
            }
            Self::AlreadyMember { account } => {
                format!("{account} уже является сотрудником организации")
            }
            Self::RoleNotAssignable { role } => format!("роль {role} нельзя назначить"),
            Self::RoleNotFound { role } => format!("роль {role} не найдена"),
            Self::RoleAlreadyHeld { role } => format!("роль {role} уже назначена"),
            Self::RoleNotHeld { role } => format!("роль {role} не назначена"),
            Self::InvitationNotFound { invitation } => {
                format!("приглашение {invitation} не найдено или уже закрыто")
            }
            Self::InvitationExpired { expires_at } => {
                format!("срок приглашения истёк {expires_at}")
            }
            Self::InvitationNotForYou => "приглашение адресовано другому человеку".into(),
            Self::AccessGroupNotFound { group } => format!("группа доступа {group} не найдена"),
            Self::BadName => "название пустое или длиннее 200 символов".into(),
            Self::LimitReached { limit } => format!("достигнут предел: {limit}"),
            Self::Delegation(e) => e.message_ru(),
            Self::PowerDocument(e) => e.message_ru(),
            Self::NotRecorded { reason } => format!("команда не записана в журнал: {reason}"),
            Self::Auth(e) => e.message_ru(),
            Self::Notification(e) => e.message_ru(),
            Self::Application(e) => e.message_ru(),
            Self::Certificate(e) => e.message_ru(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::AccountCannotAct { refusals } => {
                let r: Vec<_> = refusals.iter().map(Coded::message_en).collect();
                format!("the account cannot act: {}", r.join("; "))
            }
            Self::Denied { refusals } => {
                let r: Vec<_> = refusals.iter().map(Coded::message_en).collect();
                format!("access refused: {}", r.join("; "))
            }
            Self::InvalidRequisites { fields } => {
                let list: Vec<_> = fields
                    .iter()
                    .map(|f| format!("{}: {}", f.field, f.error.message_en))
                    .collect();
                format!("the requisites have errors: {}", list.join("; "))
            }
            Self::BeyondOwnRights { missing } => {
                let r: Vec<_> = missing.iter().map(|r| r.code()).collect();
                format!("{}: {}", self, r.join(", "))
            }
            Self::Delegation(e) => e.message_en(),
            Self::PowerDocument(e) => e.message_en(),
            other => other.to_string(),
        }
    }
}
