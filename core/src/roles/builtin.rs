//! The eight built-in roles named by the portal's guides, with their rights.
//!
//! | role | code | rights |
//! |---|---|---|
//! | Руководитель | `head` | every right; held by the head the state registry names, never assigned |
//! | Администратор | `administrator` | requisites, settings, users and their rights, access groups, certificates, powers of attorney (view), the journal |
//! | Бухгалтер | `accountant` | payments, financial documents and declarations, reporting, documents |
//! | Кадровик | `hr` | personnel sections and personnel reporting, employees (view) |
//! | Оператор | `operator` | create and send applications and documents; settings (view) |
//! | Специалист | `specialist` | prepare applications and documents, nothing signed or sent |
//! | Наблюдатель / Контролёр | `observer` | view only, every area but the journal |
//! | Представитель госоргана | `inspector` | limited read access for control: applications, documents, reporting, the journal |

use crate::rights::{Right, RightSet};
use serde::{Deserialize, Serialize};

/// A role built into the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum BuiltInRole {
    /// Руководитель: the head, with every right.
    Head,
    /// Администратор: all settings, users and rights.
    Administrator,
    /// Бухгалтер: payments, financial documents, declarations.
    Accountant,
    /// Кадровик: personnel sections and reporting.
    Hr,
    /// Оператор: creates and sends applications and documents.
    Operator,
    /// Специалист: prepares applications and documents.
    Specialist,
    /// Наблюдатель / Контролёр: view only.
    Observer,
    /// Представитель госоргана: limited read access for control.
    Inspector,
}

use Right::*;

const ADMINISTRATOR: &[Right] = &[
    OrganizationView,
    OrganizationEdit,
    SettingsView,
    SettingsEdit,
    UsersView,
    UsersEdit,
    UsersDelete,
    UsersManage,
    AccessGroupsView,
    AccessGroupsEdit,
    AccessGroupsDelete,
    CertificatesView,
    CertificatesEdit,
    CertificatesDelete,
    PowersView,
    JournalView,
];
const ACCOUNTANT: &[Right] = &[
    OrganizationView,
    PaymentsView,
    PaymentsEdit,
    PaymentsApprove,
    AccountingView,
    AccountingEdit,
    AccountingApprove,
    ReportsView,
    ReportsEdit,
    ReportsApprove,
    DocumentsView,
    DocumentsEdit,
    DocumentsApprove,
];
const HR: &[Right] = &[
    OrganizationView,
    UsersView,
    PersonnelView,
    PersonnelEdit,
    PersonnelDelete,
    PersonnelApprove,
    ReportsView,
    ReportsEdit,
    DocumentsView,
    DocumentsEdit,
];
const OPERATOR: &[Right] = &[
    OrganizationView,
    SettingsView,
    ApplicationsView,
    ApplicationsEdit,
    ApplicationsDelete,
    ApplicationsApprove,
    DocumentsView,
    DocumentsEdit,
    DocumentsDelete,
    DocumentsApprove,
];
const SPECIALIST: &[Right] = &[
    OrganizationView,
    ApplicationsView,
    ApplicationsEdit,
    DocumentsView,
    DocumentsEdit,
];
const OBSERVER: &[Right] = &[
    OrganizationView,
    SettingsView,
    UsersView,
    AccessGroupsView,
    ApplicationsView,
    DocumentsView,
    PaymentsView,
    AccountingView,
    PersonnelView,
    ReportsView,
    PowersView,
    CertificatesView,
];
const INSPECTOR: &[Right] = &[
    OrganizationView,
    ApplicationsView,
    DocumentsView,
    ReportsView,
    JournalView,
];

impl BuiltInRole {
    /// Every built-in role.
    pub const ALL: [BuiltInRole; 8] = [
        Self::Head,
        Self::Administrator,
        Self::Accountant,
        Self::Hr,
        Self::Operator,
        Self::Specialist,
        Self::Observer,
        Self::Inspector,
    ];

    /// The rights the role gives.
    #[inline]
    pub fn rights(self) -> RightSet {
        match self {
            Self::Head => const { RightSet::of(Right::ALL) },
            Self::Administrator => const { RightSet::of(ADMINISTRATOR) },
            Self::Accountant => const { RightSet::of(ACCOUNTANT) },
            Self::Hr => const { RightSet::of(HR) },
            Self::Operator => const { RightSet::of(OPERATOR) },
            Self::Specialist => const { RightSet::of(SPECIALIST) },
            Self::Observer => const { RightSet::of(OBSERVER) },
            Self::Inspector => const { RightSet::of(INSPECTOR) },
        }
    }

    /// The stable code of the role.
    pub fn code(self) -> &'static str {
        match self {
            Self::Head => "head",
            Self::Administrator => "administrator",
            Self::Accountant => "accountant",
            Self::Hr => "hr",
            Self::Operator => "operator",
            Self::Specialist => "specialist",
            Self::Observer => "observer",
            Self::Inspector => "inspector",
        }
    }

    /// The name of the role as the portal shows it.
    pub fn title_ru(self) -> &'static str {
        match self {
            Self::Head => "Руководитель",
            Self::Administrator => "Администратор",
            Self::Accountant => "Бухгалтер",
            Self::Hr => "Кадровик",
            Self::Operator => "Оператор",
            Self::Specialist => "Специалист",
            Self::Observer => "Наблюдатель",
            Self::Inspector => "Представитель госоргана",
        }
    }

    /// The name of the role in English.
    pub fn title_en(self) -> &'static str {
        match self {
            Self::Head => "Head",
            Self::Administrator => "Administrator",
            Self::Accountant => "Accountant",
            Self::Hr => "HR officer",
            Self::Operator => "Operator",
            Self::Specialist => "Specialist",
            Self::Observer => "Observer",
            Self::Inspector => "State body inspector",
        }
    }

    /// Finds a built-in role by its code.
    pub fn from_code(code: &str) -> Option<BuiltInRole> {
        Self::ALL.into_iter().find(|r| r.code() == code)
    }

    /// Whether the role can be given by a command. The head's role cannot:
    /// headship comes from the state registry.
    pub fn is_assignable(self) -> bool {
        self != Self::Head
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_is_narrower_than_the_head() {
        for role in BuiltInRole::ALL {
            assert!(role.rights().is_subset(BuiltInRole::Head.rights()));
            assert_eq!(BuiltInRole::from_code(role.code()), Some(role));
        }
    }

    #[test]
    fn documented_boundaries_hold() {
        use BuiltInRole::*;
        assert!(Administrator.rights().contains(UsersManage));
        assert!(!Accountant.rights().contains(UsersManage));
        assert!(Accountant.rights().contains(AccountingApprove));
        assert!(!Specialist.rights().contains(ApplicationsApprove));
        assert!(Operator.rights().contains(ApplicationsApprove));
        assert!(Observer
            .rights()
            .iter()
            .all(|r| r.level() == crate::rights::Level::View));
        assert!(!Observer.rights().contains(JournalView));
        assert!(Inspector
            .rights()
            .iter()
            .all(|r| r.level() == crate::rights::Level::View));
        assert!(Inspector.rights().len() < Observer.rights().len());
        assert!(!Head.is_assignable() && Administrator.is_assignable());
    }
}
