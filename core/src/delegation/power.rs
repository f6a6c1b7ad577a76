//! The power of attorney (доверенность) and its parts: who gives it, to whom,
//! which powers, for how long, and whether it may be passed on.
//!
//! The fields follow the machine-readable power of attorney (МЧД, FNS format
//! EMCHD_1): number (UUID) and internal number, date of issue, start and end
//! of validity, principal, issuer, representative, powers, revocability and
//! the re-delegation mark. The number is supplied by the caller: the core
//! draws no randomness.
//!
//! # Validity boundaries
//!
//! A power works on the half-open interval `[valid_from, valid_until)`:
//! `valid_from` is the first instant it works (inclusive) and `valid_until`
//! the first instant it no longer does (exclusive). One nanosecond before
//! `valid_until` it still works; at `valid_until` exactly it has expired.
//! With no term given, `valid_until` is `valid_from` plus one calendar year in
//! UTC (Civil Code art. 186), computed with `jiff`.

use crate::identifiers::{Inn, Ogrn, Snils};
pub use crate::ids::PowerNumber;
use crate::ids::{AccountId, OrgId};
use crate::rights::RightSet;
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Whether, and how far, the representative may pass the power on
/// (передоверие, Civil Code art. 187; МЧД mark `ПрПередов`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Redelegation {
    /// Без права передоверия: the power cannot be passed on.
    None,
    /// Однократное передоверие: it may be passed on once; the power made from
    /// it may not be passed on again.
    Once,
    /// Последующее передоверие: it may be passed on, and the power made from
    /// it may be passed on again (within the depth limit of the policy).
    Successive,
}

impl Redelegation {
    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Once => "once",
            Self::Successive => "successive",
        }
    }
}

/// An organization a third-party representative acts through (for example
/// an accounting firm filing for its client), identified by ИНН and ОГРН.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi(name = "ActingFor"))]
pub struct RepresentingOrganization {
    /// ИНН of the organization (10 digits, or 12 for an entrepreneur).
    pub inn: Inn,
    /// ОГРН of the organization, when it is a legal entity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "uniffi", uniffi(default = None))]
    pub ogrn: Option<Ogrn>,
}

/// Who receives the powers (представитель).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "kind")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Representative {
    /// A person known to the directory by their account (typically an employee).
    Account {
        /// The account.
        account: AccountId,
    },
    /// A third party identified by СНИЛС and/or personal ИНН; they act through
    /// whichever confirmed account carries that СНИЛС or ИНН.
    Person {
        /// The person's СНИЛС.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        snils: Option<Snils>,
        /// The person's ИНН (12 digits).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        inn: Option<Inn>,
        /// The organization the person acts through, if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "uniffi", uniffi(default = None))]
        acting_for: Option<RepresentingOrganization>,
    },
}

impl Representative {
    /// The organization a third party acts through, if any.
    pub fn acting_for(&self) -> Option<&RepresentingOrganization> {
        match self {
            Self::Person { acting_for, .. } => acting_for.as_ref(),
            Self::Account { .. } => None,
        }
    }
}

/// Why a power no longer works, when a command ended it. Expiry and the
/// principal's blocking or liquidation need no command: they are read from
/// the time and the principal's status at each check.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "status", from = "StatusForm")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PowerStatus {
    /// Not ended by any command.
    InForce,
    /// Revoked by the principal or the issuer (отмена доверенности).
    Revoked {
        /// When.
        at: Timestamp,
        /// The legal ground recorded (required for an irrevocable power).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        ground: Option<String>,
    },
    /// The representative refused it (отказ представителя).
    Refused {
        /// When.
        at: Timestamp,
    },
    /// Ended because the power it was re-delegated from was revoked or refused.
    Ended {
        /// When.
        at: Timestamp,
        /// The power whose end ended this one.
        cause: PowerNumber,
    },
}

/// The JSON form [`PowerStatus`] is read from: `in_force` as an empty struct
/// variant, so that a field given with it is refused, not ignored.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "snake_case", tag = "status")]
enum StatusForm {
    InForce {},
    Revoked {
        at: Timestamp,
        #[serde(default)]
        ground: Option<String>,
    },
    Refused {
        at: Timestamp,
    },
    Ended {
        at: Timestamp,
        cause: PowerNumber,
    },
}

impl From<StatusForm> for PowerStatus {
    fn from(f: StatusForm) -> Self {
        match f {
            StatusForm::InForce {} => Self::InForce,
            StatusForm::Revoked { at, ground } => Self::Revoked { at, ground },
            StatusForm::Refused { at } => Self::Refused { at },
            StatusForm::Ended { at, cause } => Self::Ended { at, cause },
        }
    }
}

impl PowerStatus {
    /// The stable code of the status.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InForce => "in_force",
            Self::Revoked { .. } => "revoked",
            Self::Refused { .. } => "refused",
            Self::Ended { .. } => "ended",
        }
    }
}

/// A power of attorney.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct PowerOfAttorney {
    /// The number (НомДовер), a UUID supplied by the caller.
    pub number: PowerNumber,
    /// The principal's own number for it (ВнНомДовер), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_number: Option<String>,
    /// When it was issued (ДатаВыдДов).
    pub issued_at: Timestamp,
    /// The first instant it works (inclusive).
    pub valid_from: Timestamp,
    /// The first instant it no longer works (exclusive; СрокДейст).
    pub valid_until: Timestamp,
    /// The organization giving the powers (доверитель).
    pub principal: OrgId,
    /// The person who signed it: the head or another holder of
    /// `powers_of_attorney.edit` for a first power, the representative of
    /// the parent power for a re-delegated one.
    pub issuer: AccountId,
    /// The power this one was re-delegated from; none for a first power.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<PowerNumber>,
    /// Links between it and its first power: 0 for a first power.
    pub depth: u8,
    /// Who receives the powers.
    pub representative: Representative,
    /// The powers given, a subset of the rights catalog.
    pub powers: RightSet,
    /// Whether it is irrevocable (безотзывная, Civil Code art. 188.1).
    pub irrevocable: bool,
    /// Whether it may be passed on.
    pub redelegation: Redelegation,
    /// Whether a command ended it.
    pub status: PowerStatus,
}

/// Where a moment stands against a power's term: the term runs from
/// `valid_from` inclusive to `valid_until` exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermPosition {
    /// Before `valid_from`.
    NotYetValid,
    /// Within the term.
    Within,
    /// At or after `valid_until`.
    Expired,
}

impl PowerOfAttorney {
    /// Where `at` stands against the power's term; the one place the term's
    /// bounds are read, for decisions and for registration alike.
    pub(crate) fn term_position(&self, at: Timestamp) -> TermPosition {
        if at < self.valid_from {
            TermPosition::NotYetValid
        } else if at >= self.valid_until {
            TermPosition::Expired
        } else {
            TermPosition::Within
        }
    }
}

/// The end of validity when none is given: one calendar year after
/// `valid_from`, in UTC (Civil Code art. 186). `None` only if that falls
/// beyond the range of timestamps.
pub fn default_valid_until(valid_from: Timestamp) -> Option<Timestamp> {
    valid_from
        .to_zoned(jiff::tz::TimeZone::UTC)
        .checked_add(jiff::Span::new().years(1))
        .ok()
        .map(|z| z.timestamp())
}

impl crate::reasons::ChainLink {
    /// The link describing a power.
    pub fn of(power: &PowerOfAttorney) -> Self {
        Self {
            number: power.number,
            issuer: power.issuer,
            powers: power.powers,
            valid_until: power.valid_until,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_term_is_one_calendar_year() {
        let from: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
        assert_eq!(
            default_valid_until(from).unwrap(),
            "2027-03-02T09:00:00Z".parse::<Timestamp>().unwrap()
        );
        // a leap day ends on the last day of February of the next year
        let leap: Timestamp = "2028-02-29T00:00:00Z".parse().unwrap();
        assert_eq!(
            default_valid_until(leap).unwrap(),
            "2029-02-28T00:00:00Z".parse::<Timestamp>().unwrap()
        );
    }

    #[test]
    fn statuses_and_marks_have_stable_names() {
        assert_eq!(PowerStatus::InForce.code(), "in_force");
        assert_eq!(Redelegation::Once.as_str(), "once");
        assert_eq!(
            serde_json::to_string(&Redelegation::Successive).unwrap(),
            "\"successive\""
        );
    }
}
