//! Why a command about powers of attorney was refused.

use super::power::PowerNumber;
use crate::coded::Coded;
use crate::reasons::Refusal;
use crate::rights::RightSet;
use crate::Timestamp;

/// A refused command about a power of attorney, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DelegationError {
    /// The number is already taken by another power of attorney.
    #[error("the number {number} is already taken")]
    DuplicateNumber {
        /// The number.
        number: PowerNumber,
    },
    /// No power of attorney has this number.
    #[error("power of attorney {number} not found")]
    NotFound {
        /// The number.
        number: PowerNumber,
    },
    /// A power of attorney must give at least one right.
    #[error("a power of attorney must give at least one right")]
    EmptyPowers,
    /// The end of validity is not after its start (or beyond the range of dates).
    #[error("the term is empty: valid from {valid_from} until {valid_until:?}")]
    BadTerm {
        /// The start.
        valid_from: Timestamp,
        /// The end asked for, if it could be computed.
        valid_until: Option<Timestamp>,
    },
    /// The start of validity lies before the moment of issue.
    #[error("the power cannot start before it is issued ({at})")]
    Backdated {
        /// The start asked for.
        valid_from: Timestamp,
        /// The moment of issue.
        at: Timestamp,
    },
    /// A third party must be identified by СНИЛС or ИНН.
    #[error("the representative is identified by neither СНИЛС nor ИНН")]
    RepresentativeUnidentified,
    /// A free text (internal number, legal ground) is empty or too long.
    #[error("the {field} is empty or longer than {max} characters")]
    BadText {
        /// Which text.
        field: &'static str,
        /// The longest allowed.
        max: usize,
    },
    /// Powers of attorney are first issued by members of the organization;
    /// a representative passes powers on by re-delegation.
    #[error("a representative passes powers on by re-delegation, not by issuing")]
    RedelegateInstead,
    /// The acting person is not the representative of the power.
    #[error("the person is not the representative of power of attorney {number}")]
    NotRepresentative {
        /// The power.
        number: PowerNumber,
    },
    /// Only the person who signed a power presented with a registration not
    /// yet active may revoke it.
    #[error("only the signer may revoke power of attorney {number} before the organization is registered")]
    NotSigner {
        /// The power.
        number: PowerNumber,
    },
    /// The power to pass on does not work now.
    #[error("the parent power of attorney does not work now")]
    ParentNotInForce {
        /// Why.
        refusal: Refusal,
    },
    /// The power does not allow re-delegation, or not with the mark asked for.
    #[error("power of attorney {number} does not allow this re-delegation")]
    RedelegationNotAllowed {
        /// The power that does not allow it.
        number: PowerNumber,
    },
    /// The chain would grow beyond the policy's depth limit.
    #[error("re-delegation deeper than {limit} links is not allowed")]
    DepthLimit {
        /// The limit.
        limit: u8,
    },
    /// A re-delegated power gives rights its chain does not (Civil Code art. 187).
    #[error("the re-delegated powers exceed the parent's")]
    ExceedsParent {
        /// The rights the chain does not give.
        missing: RightSet,
    },
    /// A re-delegated power outlives its chain (Civil Code art. 187).
    #[error("the re-delegated power cannot outlive its parent ({parent_until})")]
    OutlivesParent {
        /// The end asked for.
        valid_until: Timestamp,
        /// The end of the chain.
        parent_until: Timestamp,
    },
    /// The power was already revoked, refused or ended.
    #[error("power of attorney {number} is no longer in force ({status})")]
    NotInForce {
        /// The power.
        number: PowerNumber,
        /// Its status code.
        status: &'static str,
    },
    /// An irrevocable power is revoked only on a recorded legal ground
    /// (Civil Code art. 188.1).
    #[error("power of attorney {number} is irrevocable: a legal ground is required")]
    IrrevocableNeedsGround {
        /// The power.
        number: PowerNumber,
    },
}

impl Coded for DelegationError {
    fn code(&self) -> &'static str {
        match self {
            Self::DuplicateNumber { .. } => "delegation.duplicate_number",
            Self::NotFound { .. } => "delegation.not_found",
            Self::EmptyPowers => "delegation.empty_powers",
            Self::BadTerm { .. } => "delegation.bad_term",
            Self::Backdated { .. } => "delegation.backdated",
            Self::RepresentativeUnidentified => "delegation.representative_unidentified",
            Self::BadText { .. } => "delegation.bad_text",
            Self::RedelegateInstead => "delegation.redelegate_instead",
            Self::NotRepresentative { .. } => "delegation.not_representative",
            Self::NotSigner { .. } => "delegation.not_signer",
            Self::ParentNotInForce { .. } => "delegation.parent_not_in_force",
            Self::RedelegationNotAllowed { .. } => "delegation.redelegation_not_allowed",
            Self::DepthLimit { .. } => "delegation.depth_limit",
            Self::ExceedsParent { .. } => "delegation.exceeds_parent",
            Self::OutlivesParent { .. } => "delegation.outlives_parent",
            Self::NotInForce { .. } => "delegation.not_in_force",
            Self::IrrevocableNeedsGround { .. } => "delegation.irrevocable_needs_ground",
        }
    }

    fn message_ru(&self) -> String {
        let codes = |s: &RightSet| s.iter().map(|r| r.code()).collect::<Vec<_>>().join(", ");
        match self {
            Self::DuplicateNumber { number } => format!("номер {number} уже занят"),
            Self::NotFound { number } => format!("доверенность {number} не найдена"),
            Self::EmptyPowers => "доверенность должна содержать хотя бы одно полномочие".into(),
            Self::BadTerm { valid_from, .. } => {
                format!("срок действия должен оканчиваться позже начала ({valid_from})")
            }
            Self::Backdated { at, .. } => {
                format!("доверенность не может действовать раньше даты выдачи ({at})")
            }
            Self::RepresentativeUnidentified => {
                "представитель должен быть указан по СНИЛС или ИНН".into()
            }
            Self::BadText { field, max } => {
                format!("поле «{field}» пустое или длиннее {max} символов")
            }
            Self::RedelegateInstead => {
                "представитель передаёт полномочия только в порядке передоверия".into()
            }
            Self::NotRepresentative { number } => {
                format!("пользователь не является представителем по доверенности {number}")
            }
            Self::NotSigner { number } => format!(
                "до регистрации организации отменить доверенность {number} может только подписавшее её лицо"
            ),
            Self::ParentNotInForce { refusal } => format!(
                "доверенность, из которой передаются полномочия, не действует: {}",
                refusal.message_ru()
            ),
            Self::RedelegationNotAllowed { number } => {
                format!("доверенность {number} не допускает такого передоверия")
            }
            Self::DepthLimit { limit } => {
                format!("передоверие глубже {limit} звеньев не допускается")
            }
            Self::ExceedsParent { missing } => format!(
                "передоверяемые полномочия превышают полномочия основной доверенности: {}",
                codes(missing)
            ),
            Self::OutlivesParent { parent_until, .. } => format!(
                "срок передоверия не может превышать срок основной доверенности ({parent_until})"
            ),
            Self::NotInForce { number, status } => {
                format!("доверенность {number} уже не действует (статус {status})")
            }
            Self::IrrevocableNeedsGround { number } => {
                format!("доверенность {number} безотзывная: для отмены нужно указать основание")
            }
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::ParentNotInForce { refusal } => {
                format!("{self}: {}", refusal.message_en())
            }
            Self::ExceedsParent { missing } => {
                let r: Vec<_> = missing.iter().map(|r| r.code()).collect();
                format!("{self}: {}", r.join(", "))
            }
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delegation::MchdError;
    use crate::identifiers::Inn;
    use crate::rights::Right;

    fn all_messages() -> Vec<(&'static str, String, String)> {
        let n = PowerNumber::from_u128(7);
        let at = Timestamp::UNIX_EPOCH;
        let refusal = Refusal::PowerExpired {
            number: n,
            valid_until: at,
        };
        let rights = RightSet::of(&[Right::PaymentsApprove]);
        let delegation = [
            DelegationError::DuplicateNumber { number: n },
            DelegationError::NotFound { number: n },
            DelegationError::EmptyPowers,
            DelegationError::BadTerm {
                valid_from: at,
                valid_until: None,
            },
            DelegationError::Backdated { valid_from: at, at },
            DelegationError::RepresentativeUnidentified,
            DelegationError::BadText {
                field: "ground",
                max: 1000,
            },
            DelegationError::RedelegateInstead,
            DelegationError::NotRepresentative { number: n },
            DelegationError::NotSigner { number: n },
            DelegationError::ParentNotInForce {
                refusal: refusal.clone(),
            },
            DelegationError::RedelegationNotAllowed { number: n },
            DelegationError::DepthLimit { limit: 4 },
            DelegationError::ExceedsParent { missing: rights },
            DelegationError::OutlivesParent {
                valid_until: at,
                parent_until: at,
            },
            DelegationError::NotInForce {
                number: n,
                status: "revoked",
            },
            DelegationError::IrrevocableNeedsGround { number: n },
        ];
        let mchd = [
            MchdError::TooLarge { size: 2, max: 1 },
            MchdError::Malformed {
                detail: "eof".into(),
            },
            MchdError::Format {
                found: "EMCHD_2".into(),
            },
            MchdError::BadField {
                field: "НомДовер"
            },
            MchdError::BadIdentifier {
                field: "СвДоверит.ИННЮЛ",
                error: Inn::parse("1").unwrap_err(),
            },
            MchdError::UnknownPower { code: "x".into() },
            MchdError::PrincipalUnknown,
            MchdError::SignerUnknown,
            MchdError::Unidentified,
            MchdError::NotFound { number: n },
        ];
        let refusals = [
            Refusal::PowerUnknown { number: n },
            Refusal::NotTheRepresentative { number: n },
            refusal,
            Refusal::PowerNotYetValid {
                number: n,
                valid_from: at,
            },
            Refusal::PowerRevoked { number: n, at },
            Refusal::PowerRefused { number: n, at },
            Refusal::PowerEnded {
                number: n,
                cause: n,
            },
            Refusal::BeyondPowers {
                number: n,
                right: Right::PaymentsApprove,
            },
            Refusal::RedelegationNotAllowed { number: n },
            Refusal::ChainBroken { number: n },
            Refusal::PrincipalBlocked { number: n },
            Refusal::PrincipalLiquidated { number: n },
        ];
        let mut out: Vec<_> = delegation
            .iter()
            .map(|e| (e.code(), e.message_ru(), e.message_en()))
            .collect();
        out.extend(
            mchd.iter()
                .map(|e| (e.code(), e.message_ru(), e.message_en())),
        );
        out.extend(
            refusals
                .iter()
                .map(|e| (e.code(), e.message_ru(), e.message_en())),
        );
        out
    }

    #[test]
    fn codes_are_stable_unique_and_in_their_area() {
        let all = all_messages();
        let mut codes: Vec<_> = all.iter().map(|(c, _, _)| *c).collect();
        assert!(codes
            .iter()
            .all(|c| c.starts_with("delegation.") || c.starts_with("mchd.")));
        assert!(codes.iter().all(|c| c
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch == '.' || ch == '_')));
        let total = codes.len();
        codes.sort_unstable();
        codes.dedup();
        // the same refusal reads the same whether it stops a command or a check
        let shared = [
            "delegation.not_found",
            "delegation.not_representative",
            "delegation.redelegation_not_allowed",
        ];
        assert_eq!(codes.len() + shared.len(), total);
    }

    #[test]
    fn messages_are_lowercase_sentences_without_a_trailing_period() {
        for (code, ru, en) in all_messages() {
            for m in [&ru, &en] {
                let first = m.chars().next().unwrap();
                assert!(!first.is_uppercase() || m.starts_with("ИНН"), "{code}: {m}");
                assert!(!m.ends_with('.'), "{code}: {m}");
                assert!(
                    !m.contains("Error") && !m.contains("Refusal"),
                    "{code}: {m}"
                );
            }
            assert_ne!(ru, en, "{code}");
        }
        let e = DelegationError::ExceedsParent {
            missing: RightSet::of(&[Right::PaymentsApprove]),
        };
        assert!(e.message_en().ends_with("payments.approve"));
        assert_eq!(e.to_string(), "the re-delegated powers exceed the parent's");
    }
}
