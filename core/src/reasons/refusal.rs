//! Reasons an access request is refused, each with a stable code.

use crate::accounts::{Account, AccountLevel, AccountStatus, BlockReason};
use crate::coded::Coded;
use crate::employees::MembershipStatus;
use crate::ids::{AccountId, OrgId, PowerNumber};
use crate::rights::Right;
use crate::{SignatureLevel, Timestamp};
use serde::{Deserialize, Serialize};

/// One reason an access request is refused.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "refusal")]
#[non_exhaustive]
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
    /// The signature names a certificate that is not bound to the acting
    /// person for this organization (never bound, bound to someone else, or unbound).
    CertificateNotBound {
        /// The fingerprint named.
        fingerprint: String,
    },
    /// The bound certificate the signature names has expired.
    CertificateExpired {
        /// Its fingerprint.
        fingerprint: String,
        /// The end of its validity.
        not_after: Timestamp,
    },
    /// The bound certificate the signature names is not valid yet.
    CertificateNotYetValid {
        /// Its fingerprint.
        fingerprint: String,
        /// The start of its validity.
        not_before: Timestamp,
    },
    /// The directory holds no power of attorney with this number.
    PowerUnknown {
        /// The number asked about.
        number: PowerNumber,
    },
    /// The acting person is not the representative the power names.
    NotTheRepresentative {
        /// The power.
        number: PowerNumber,
    },
    /// A link of the chain expired (at or after its end of validity).
    PowerExpired {
        /// The link.
        number: PowerNumber,
        /// The first instant it no longer worked.
        valid_until: Timestamp,
    },
    /// A link of the chain is not valid yet.
    PowerNotYetValid {
        /// The link.
        number: PowerNumber,
        /// The first instant it works.
        valid_from: Timestamp,
    },
    /// A link of the chain was revoked.
    PowerRevoked {
        /// The link.
        number: PowerNumber,
        /// When.
        at: Timestamp,
    },
    /// The representative of a link refused it.
    PowerRefused {
        /// The link.
        number: PowerNumber,
        /// When.
        at: Timestamp,
    },
    /// A link ended with the power it was re-delegated from.
    PowerEnded {
        /// The link.
        number: PowerNumber,
        /// The power whose end ended it.
        cause: PowerNumber,
    },
    /// A link of the chain does not give the right asked for.
    BeyondPowers {
        /// The link.
        number: PowerNumber,
        /// The right asked for.
        right: Right,
    },
    /// A power was passed on although it does not allow re-delegation.
    RedelegationNotAllowed {
        /// The power that does not allow it.
        number: PowerNumber,
    },
    /// A link's parent is missing, belongs to another principal, or the chain is too deep.
    ChainBroken {
        /// The link.
        number: PowerNumber,
    },
    /// The principal organization is blocked: its powers of attorney are suspended.
    PrincipalBlocked {
        /// The power.
        number: PowerNumber,
    },
    /// The principal organization was liquidated: its powers of attorney ended.
    PrincipalLiquidated {
        /// The power.
        number: PowerNumber,
    },
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
            Self::CertificateNotBound { .. } => "access.certificate_not_bound",
            Self::CertificateExpired { .. } => "access.certificate_expired",
            Self::CertificateNotYetValid { .. } => "access.certificate_not_yet_valid",
            Self::PowerUnknown { .. } => "delegation.not_found",
            Self::NotTheRepresentative { .. } => "delegation.not_representative",
            Self::PowerExpired { .. } => "delegation.expired",
            Self::PowerNotYetValid { .. } => "delegation.not_yet_valid",
            Self::PowerRevoked { .. } => "delegation.revoked",
            Self::PowerRefused { .. } => "delegation.refused",
            Self::PowerEnded { .. } => "delegation.ended",
            Self::BeyondPowers { .. } => "delegation.beyond_powers",
            Self::RedelegationNotAllowed { .. } => "delegation.redelegation_not_allowed",
            Self::ChainBroken { .. } => "delegation.chain_broken",
            Self::PrincipalBlocked { .. } => "delegation.principal_blocked",
            Self::PrincipalLiquidated { .. } => "delegation.principal_liquidated",
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
                format!("доступ сотрудника к организации прекращён (статус: {})", status.title_ru())
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
            Self::CertificateNotBound { fingerprint } => format!(
                "сертификат {fingerprint} не привязан к пользователю в этой организации"
            ),
            Self::CertificateExpired {
                fingerprint,
                not_after,
            } => format!("срок действия привязанного сертификата {fingerprint} истёк {not_after}"),
            Self::CertificateNotYetValid {
                fingerprint,
                not_before,
            } => format!("привязанный сертификат {fingerprint} действует с {not_before}"),
            Self::PowerUnknown { number } => format!("доверенность {number} не найдена"),
            Self::NotTheRepresentative { number } => {
                format!("пользователь не является представителем по доверенности {number}")
            }
            Self::PowerExpired {
                number,
                valid_until,
            } => format!("срок действия доверенности {number} истёк {valid_until}"),
            Self::PowerNotYetValid { number, valid_from } => {
                format!("доверенность {number} действует с {valid_from}")
            }
            Self::PowerRevoked { number, at } => format!("доверенность {number} отменена {at}"),
            Self::PowerRefused { number, at } => {
                format!("представитель отказался от доверенности {number} {at}")
            }
            Self::PowerEnded { number, cause } => format!(
                "доверенность {number} прекращена вместе с доверенностью {cause}, на которой она основана"
            ),
            Self::BeyondPowers { number, right } => format!(
                "доверенность {number} не даёт права «{}» ({})",
                right.title_ru(),
                right.code()
            ),
            Self::RedelegationNotAllowed { number } => {
                format!("доверенность {number} не допускает передоверия")
            }
            Self::ChainBroken { number } => {
                format!("цепочка передоверия доверенности {number} нарушена")
            }
            Self::PrincipalBlocked { number } => format!(
                "организация-доверитель заблокирована: действие доверенности {number} приостановлено"
            ),
            Self::PrincipalLiquidated { number } => format!(
                "организация-доверитель ликвидирована: доверенность {number} прекращена"
            ),
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
            Self::CertificateNotBound { fingerprint } => format!(
                "certificate {fingerprint} is not bound to the person for this organization"
            ),
            Self::CertificateExpired {
                fingerprint,
                not_after,
            } => format!("the bound certificate {fingerprint} expired at {not_after}"),
            Self::CertificateNotYetValid {
                fingerprint,
                not_before,
            } => format!("the bound certificate {fingerprint} is valid from {not_before}"),
            Self::PowerUnknown { number } => format!("power of attorney {number} not found"),
            Self::NotTheRepresentative { number } => {
                format!("the person is not the representative of power of attorney {number}")
            }
            Self::PowerExpired {
                number,
                valid_until,
            } => format!("power of attorney {number} expired at {valid_until}"),
            Self::PowerNotYetValid { number, valid_from } => {
                format!("power of attorney {number} is valid from {valid_from}")
            }
            Self::PowerRevoked { number, at } => {
                format!("power of attorney {number} was revoked at {at}")
            }
            Self::PowerRefused { number, at } => {
                format!("the representative refused power of attorney {number} at {at}")
            }
            Self::PowerEnded { number, cause } => format!(
                "power of attorney {number} ended with power of attorney {cause} it came from"
            ),
            Self::BeyondPowers { number, right } => format!(
                "power of attorney {number} does not give the right to {} ({})",
                right.title_en(),
                right.code()
            ),
            Self::RedelegationNotAllowed { number } => {
                format!("power of attorney {number} does not allow re-delegation")
            }
            Self::ChainBroken { number } => {
                format!("the chain of re-delegation of power of attorney {number} is broken")
            }
            Self::PrincipalBlocked { number } => format!(
                "the principal organization is blocked: power of attorney {number} is suspended"
            ),
            Self::PrincipalLiquidated { number } => format!(
                "the principal organization was liquidated: power of attorney {number} ended"
            ),
        }
    }
}
/// Why an account cannot act at all, if it cannot.
pub(crate) fn account_refusals(account: &Account, out: &mut Vec<Refusal>) {
    match account.status {
        AccountStatus::Active => {}
        AccountStatus::Blocked(reason) => out.push(Refusal::AccountBlocked { reason }),
        AccountStatus::Disabled => out.push(Refusal::AccountDisabled),
    }
    if account.level != AccountLevel::Confirmed {
        out.push(Refusal::AccountNotConfirmed {
            level: account.level,
        });
    }
}
