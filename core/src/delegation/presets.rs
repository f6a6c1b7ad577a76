//! The three levels of powers the portal's guides name, as sets of rights.
//!
//! | level | code | rights |
//! |---|---|---|
//! | базовый (basic) | `basic` | view: every `*.view` right of the catalog except the journal |
//! | оперативный (operational) | `operational` | make changes: the basic rights plus preparing, signing and sending applications, documents, payments, declarations, personnel reporting and reporting (`*.edit`, `*.approve`, `*.delete` of those areas) |
//! | административный (administrative) | `administrative` | full control: every right of the catalog |
//!
//! A power of attorney may carry any subset of the catalog; the levels are
//! convenient starting points. The operational level leaves out the
//! organization's requisites, settings, employees, access groups,
//! certificates, powers of attorney and the journal: those are the
//! administrative level's.

use crate::rights::{Area, Level, Right, RightSet};
use serde::{Deserialize, Serialize};

/// A preset level of powers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum PowerLevel {
    /// Базовый: view.
    Basic,
    /// Оперативный: make changes in the working areas.
    Operational,
    /// Административный: full control.
    Administrative,
}

/// The areas where the operational level prepares, signs and sends.
const WORKING_AREAS: [Area; 6] = [
    Area::Applications,
    Area::Documents,
    Area::Payments,
    Area::Accounting,
    Area::Personnel,
    Area::Reports,
];

impl PowerLevel {
    /// Every level, narrowest first.
    pub const ALL: [PowerLevel; 3] = [Self::Basic, Self::Operational, Self::Administrative];

    /// The level a power of attorney must give for its representative to
    /// register the organization (DOMAIN §4): the registering person acts
    /// with the head's rights ("должностное лицо с правами руководителя"),
    /// which are every right, and nobody holds a right the principal did
    /// not give — so full control, the administrative level. The guides
    /// name no code of the federal classifier of powers for it; powers are
    /// coded with the rights catalog (see [`super::mchd`]).
    pub const REGISTRATION: PowerLevel = Self::Administrative;

    /// The stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Basic => "basic",
            Self::Operational => "operational",
            Self::Administrative => "administrative",
        }
    }

    /// The Russian name the guides use.
    pub fn name_ru(self) -> &'static str {
        match self {
            Self::Basic => "базовый",
            Self::Operational => "оперативный",
            Self::Administrative => "административный",
        }
    }

    /// The rights of the level.
    pub fn rights(self) -> RightSet {
        let basic = |r: &Right| r.level() == Level::View && r.area() != Area::Journal;
        match self {
            Self::Basic => Right::ALL.iter().copied().filter(basic).collect(),
            Self::Operational => Right::ALL
                .iter()
                .copied()
                .filter(|r| basic(r) || WORKING_AREAS.contains(&r.area()))
                .collect(),
            Self::Administrative => RightSet::all(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_widen_one_another() {
        let [b, o, a] = PowerLevel::ALL.map(PowerLevel::rights);
        assert!(b.is_subset(o) && o.is_subset(a) && b != o && o != a);
        assert!(b.contains(Right::ApplicationsView));
        assert!(!b.contains(Right::ApplicationsEdit));
        assert!(!b.contains(Right::JournalView));
        assert!(o.contains(Right::ReportsApprove));
        assert!(o.contains(Right::PaymentsApprove));
        assert!(!o.contains(Right::OrganizationEdit));
        assert!(!o.contains(Right::PowersEdit));
        assert!(!o.contains(Right::UsersManage));
        assert_eq!(a, RightSet::all());
        assert!(b.iter().all(|r| r.level() == Level::View));
    }
}
