//! Reasons an access request is refused, each with a stable code.

use crate::accounts::{AccountLevel, BlockReason};
use crate::coded::Coded;
use crate::employees::MembershipStatus;
use crate::ids::{AccountId, OrgId};
use crate::rights::Right;
use crate::SignatureLevel;
use serde::{Deserialize, Serialize};

/// One reason an access request is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "refusal")]
pub enum Refusal {
    /// The directory holds no such account.
    AccountUnknown {
        /// The account asked about.
        account: AccountId,
    },
    /// The account is blocked.
    AccountBlocked {
        /// Why it was blocked.
        reason: BlockReason,
    },
    /// The account is temporarily disabled.
    AccountDisabled,
    /// The account's identity is not confirmed; only confirmed accounts act for organizations.
    AccountNotConfirmed {
        /// The account's level.
        level: AccountLevel,
    },
    /// The directory holds no such organization.
    OrganizationUnknown {
        /// The organization asked about.
        organization: OrgId,
    },
    /// The organization is not active (registering, rejected, blocked or liquidated).
    OrganizationNotActive {
        /// The organization's status code.
        status: String,
    },
    /// The account is not a member of the organization.
    NotAMember,
    /// The membership is blocked, disabled or ended.
    MembershipNotActive {
        /// The membership's status.
        status: MembershipStatus,
    },
    /// The actor holds no role or grant giving the right.
    RightNotHeld {
        /// The right asked for.
        right: Right,
    },
    /// The signature offered is weaker than the right requires.
    SignatureTooWeak {
        /// The level the right requires.
        required: SignatureLevel,
        /// The level offered.
        offered: SignatureLevel,
    },
    /// An enhanced or qualified signature was offered without the identity its certificate asserts.
    SignerIdentityMissing,
    /// The certificate's holder is not the acting person (СНИЛС or ИНН differ).
    SignerNotActor,
    /// The certificate was issued for another organization (ИННЮЛ, ОГРН or ОГРНИП differ).
    SignerOrganizationMismatch,
}

impl Coded for Refusal {
    fn code(&self) -> &'static str {
        match self {
            Self::AccountUnknown { .. } => "access.account_unknown",
            Self::AccountBlocked { .. } => "access.account_blocked",
            Self::AccountDisabled => "access.account_disabled",
            Self::AccountNotConfirmed { .. } => "access.account_not_confirmed",
            Self::OrganizationUnknown { .. } => "access.organization_unknown",
            Self::OrganizationNotActive { .. } => "access.organization_not_active",
            Self::NotAMember => "access.not_a_member",
            Self::MembershipNotActive { .. } => "access.membership_not_active",
            Self::RightNotHeld { .. } => "access.right_not_held",
            Self::SignatureTooWeak { .. } => "access.signature_too_weak",
            Self::SignerIdentityMissing => "access.signer_identity_missing",
            Self::SignerNotActor => "access.signer_not_actor",
            Self::SignerOrganizationMismatch => "access.signer_organization_mismatch",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::AccountUnknown { account } => format!("учётная запись {account} не найдена"),
            Self::AccountBlocked { reason } => {
                format!("учётная запись заблокирована ({})", reason.code())
            }
            Self::AccountDisabled => "учётная запись временно отключена".into(),
            Self::AccountNotConfirmed { .. } => {
                "учётная запись не подтверждена: действовать от имени организации может только подтверждённая учётная запись".into()
            }
            Self::OrganizationUnknown { organization } => {
                format!("организация {organization} не найдена")
            }
            Self::OrganizationNotActive { status } => {
                format!("организация не действует (статус {status})")
            }
            Self::NotAMember => "пользователь не является сотрудником организации".into(),
            Self::MembershipNotActive { status } => {
                format!("доступ сотрудника к организации прекращён (статус {})", status.code())
            }
            Self::RightNotHeld { right } => {
                format!("нет права «{}» ({})", right.title_ru(), right.code())
            }
            Self::SignatureTooWeak { required, offered } => format!(
                "требуется подпись уровня {}, предъявлена {}",
                required.abbreviation_ru(),
                offered.abbreviation_ru()
            ),
            Self::SignerIdentityMissing => {
                "для усиленной подписи не указан владелец сертификата".into()
            }
            Self::SignerNotActor => {
                "владелец сертификата не совпадает с действующим пользователем (СНИЛС или ИНН)".into()
            }
            Self::SignerOrganizationMismatch => {
                "сертификат выдан для другой организации (ИНН, ОГРН или ОГРНИП)".into()
            }
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::AccountUnknown { account } => format!("account {account} not found"),
            Self::AccountBlocked { reason } => {
                format!("the account is blocked ({})", reason.code())
            }
            Self::AccountDisabled => "the account is temporarily disabled".into(),
            Self::AccountNotConfirmed { .. } => {
                "the account is not confirmed: only a confirmed account may act for an organization"
                    .into()
            }
            Self::OrganizationUnknown { organization } => {
                format!("organization {organization} not found")
            }
            Self::OrganizationNotActive { status } => {
                format!("the organization is not active (status {status})")
            }
            Self::NotAMember => "the person is not an employee of the organization".into(),
            Self::MembershipNotActive { status } => {
                format!(
                    "the employee's access to the organization has ended (status {})",
                    status.code()
                )
            }
            Self::RightNotHeld { right } => {
                format!(
                    "the right to {} is not held ({})",
                    right.title_en(),
                    right.code()
                )
            }
            Self::SignatureTooWeak { required, offered } => format!(
                "a signature of level {} is required, {} was offered",
                required.as_str(),
                offered.as_str()
            ),
            Self::SignerIdentityMissing => {
                "an enhanced signature was offered without its certificate's holder".into()
            }
            Self::SignerNotActor => {
                "the certificate's holder is not the acting person (СНИЛС or ИНН differ)".into()
            }
            Self::SignerOrganizationMismatch => {
                "the certificate was issued for another organization (ИНН, ОГРН or ОГРНИП differ)"
                    .into()
            }
        }
    }
}
