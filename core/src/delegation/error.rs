//! Why a command about powers of attorney was refused.

use super::power::PowerNumber;
use crate::coded::Coded;
use crate::decisions::Refusal;
use crate::rights::RightSet;
use crate::Timestamp;

/// A refused command about a power of attorney, with a stable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
