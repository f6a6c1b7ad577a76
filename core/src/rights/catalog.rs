//! The rights of the catalog, their areas, levels and stable codes.

use serde::{Deserialize, Serialize};

/// An area of the organization's account.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum Area {
    /// Requisites of the organization (реквизиты).
    Organization,
    /// Settings of the account (настройки).
    Settings,
    /// Employees and their access (сотрудники, права).
    Users,
    /// Access groups of information systems (группы доступа).
    AccessGroups,
    /// Applications for services (заявления).
    Applications,
    /// Documents (документы).
    Documents,
    /// Payments (платежи).
    Payments,
    /// Financial documents and declarations (бухгалтерия, декларации).
    Accounting,
    /// Personnel sections and personnel reporting (кадры).
    Personnel,
    /// Statutory reporting (отчётность).
    Reports,
    /// Powers of attorney (доверенности).
    PowersOfAttorney,
    /// Signature certificates bound to employees (сертификаты подписи).
    Certificates,
    /// The journal of actions (журнал действий).
    Journal,
}

impl Area {
    /// The area's name: its code, and its title in Russian and in English.
    fn names(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Organization => (
                "organization",
                "Реквизиты организации",
                "Organization requisites",
            ),
            Self::Settings => ("settings", "Настройки", "Settings"),
            Self::Users => ("users", "Сотрудники и права", "Employees and rights"),
            Self::AccessGroups => ("access_groups", "Группы доступа", "Access groups"),
            Self::Applications => ("applications", "Заявления", "Applications"),
            Self::Documents => ("documents", "Документы", "Documents"),
            Self::Payments => ("payments", "Платежи", "Payments"),
            Self::Accounting => (
                "accounting",
                "Бухгалтерия и декларации",
                "Accounting and declarations",
            ),
            Self::Personnel => ("personnel", "Кадры", "Personnel"),
            Self::Reports => ("reports", "Отчётность", "Reporting"),
            Self::PowersOfAttorney => ("powers_of_attorney", "Доверенности", "Powers of attorney"),
            Self::Certificates => (
                "certificates",
                "Сертификаты подписи",
                "Signature certificates",
            ),
            Self::Journal => ("journal", "Журнал действий", "Journal of actions"),
        }
    }

    /// The stable code of the area (the part of a right's code before the dot).
    pub fn code(self) -> &'static str {
        self.names().0
    }

    /// The area's title in Russian.
    pub fn title_ru(self) -> &'static str {
        self.names().1
    }

    /// The area's title in English.
    pub fn title_en(self) -> &'static str {
        self.names().2
    }
}

/// An access level on an area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// See (просмотр).
    View,
    /// Create and change (редактирование).
    Edit,
    /// Delete or withdraw (удаление).
    Delete,
    /// Confirm, sign and send (подтверждение).
    Approve,
    /// Manage users and their rights (управление пользователями).
    Manage,
}

impl Level {
    /// The level's title in Russian, as the portal names access levels.
    pub fn title_ru(self) -> &'static str {
        match self {
            Self::View => "просмотр",
            Self::Edit => "редактирование",
            Self::Delete => "удаление",
            Self::Approve => "подтверждение",
            Self::Manage => "управление пользователями",
        }
    }

    /// The level's title in English.
    pub fn title_en(self) -> &'static str {
        match self {
            Self::View => "view",
            Self::Edit => "edit",
            Self::Delete => "delete",
            Self::Approve => "approve",
            Self::Manage => "manage users",
        }
    }
}

macro_rules! catalog {
    ($($variant:ident = $code:literal, $area:ident, $level:ident, $ru:literal, $en:literal;)*) => {
        /// A right of the catalog: one meaningful area and level.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        #[repr(u8)]
        pub enum Right {
            $(
                #[doc = $en]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        impl Right {
            /// Every right of the catalog, in catalog order.
            pub const ALL: &'static [Right] = &[$(Right::$variant),*];

            /// The stable code, `area.level`.
            pub fn code(self) -> &'static str {
                match self { $(Right::$variant => $code,)* }
            }

            /// The area this right belongs to.
            pub fn area(self) -> Area {
                match self { $(Right::$variant => Area::$area,)* }
            }

            /// The access level this right gives on its area.
            pub fn level(self) -> Level {
                match self { $(Right::$variant => Level::$level,)* }
            }

            /// What the right allows, in Russian.
            pub fn title_ru(self) -> &'static str {
                match self { $(Right::$variant => $ru,)* }
            }

            /// What the right allows, in English.
            pub fn title_en(self) -> &'static str {
                match self { $(Right::$variant => $en,)* }
            }

            /// Finds a right by its stable code.
            pub fn from_code(code: &str) -> Option<Right> {
                match code { $($code => Some(Right::$variant),)* _ => None }
            }
        }
    };
}

catalog! {
    OrganizationView = "organization.view", Organization, View, "просмотр реквизитов организации", "view the organization's requisites";
    OrganizationEdit = "organization.edit", Organization, Edit, "изменение реквизитов организации", "change the organization's requisites";
    SettingsView = "settings.view", Settings, View, "просмотр настроек", "view the settings";
    SettingsEdit = "settings.edit", Settings, Edit, "изменение настроек", "change the settings";
    UsersView = "users.view", Users, View, "просмотр сотрудников", "view the employees";
    UsersEdit = "users.edit", Users, Edit, "приглашение и изменение сотрудников", "invite and update employees";
    UsersDelete = "users.delete", Users, Delete, "блокировка и увольнение сотрудников", "block and dismiss employees";
    UsersManage = "users.manage", Users, Manage, "управление ролями и правами сотрудников", "manage the roles and rights of employees";
    AccessGroupsView = "access_groups.view", AccessGroups, View, "просмотр групп доступа", "view the access groups";
    AccessGroupsEdit = "access_groups.edit", AccessGroups, Edit, "изменение групп доступа", "change the access groups";
    AccessGroupsDelete = "access_groups.delete", AccessGroups, Delete, "удаление групп доступа", "delete access groups";
    ApplicationsView = "applications.view", Applications, View, "просмотр заявлений", "view applications";
    ApplicationsEdit = "applications.edit", Applications, Edit, "создание и заполнение заявлений", "create and fill in applications";
    ApplicationsDelete = "applications.delete", Applications, Delete, "удаление черновиков и отзыв заявлений", "delete drafts and withdraw applications";
    ApplicationsApprove = "applications.approve", Applications, Approve, "подписание и отправка заявлений", "sign and send applications";
    DocumentsView = "documents.view", Documents, View, "просмотр документов", "view documents";
    DocumentsEdit = "documents.edit", Documents, Edit, "загрузка и изменение документов", "upload and change documents";
    DocumentsDelete = "documents.delete", Documents, Delete, "удаление документов", "delete documents";
    DocumentsApprove = "documents.approve", Documents, Approve, "подписание и отправка документов", "sign and send documents";
    PaymentsView = "payments.view", Payments, View, "просмотр платежей", "view payments";
    PaymentsEdit = "payments.edit", Payments, Edit, "подготовка платежей", "prepare payments";
    PaymentsApprove = "payments.approve", Payments, Approve, "подтверждение платежей", "confirm payments";
    AccountingView = "accounting.view", Accounting, View, "просмотр финансовых документов и деклараций", "view financial documents and declarations";
    AccountingEdit = "accounting.edit", Accounting, Edit, "подготовка финансовых документов и деклараций", "prepare financial documents and declarations";
    AccountingApprove = "accounting.approve", Accounting, Approve, "подписание и подача деклараций", "sign and file declarations";
    PersonnelView = "personnel.view", Personnel, View, "просмотр кадровых разделов", "view personnel sections";
    PersonnelEdit = "personnel.edit", Personnel, Edit, "ведение кадровых разделов", "maintain personnel sections";
    PersonnelDelete = "personnel.delete", Personnel, Delete, "удаление кадровых записей", "delete personnel records";
    PersonnelApprove = "personnel.approve", Personnel, Approve, "подписание и отправка кадровой отчётности", "sign and send personnel reporting";
    ReportsView = "reports.view", Reports, View, "просмотр отчётности", "view reporting";
    ReportsEdit = "reports.edit", Reports, Edit, "подготовка отчётности", "prepare reporting";
    ReportsApprove = "reports.approve", Reports, Approve, "подписание и сдача отчётности", "sign and file reporting";
    PowersView = "powers_of_attorney.view", PowersOfAttorney, View, "просмотр доверенностей", "view powers of attorney";
    PowersEdit = "powers_of_attorney.edit", PowersOfAttorney, Edit, "выдача доверенностей", "issue powers of attorney";
    PowersDelete = "powers_of_attorney.delete", PowersOfAttorney, Delete, "отзыв доверенностей", "revoke powers of attorney";
    CertificatesView = "certificates.view", Certificates, View, "просмотр сертификатов подписи", "view signature certificates";
    CertificatesEdit = "certificates.edit", Certificates, Edit, "привязка сертификатов подписи", "bind signature certificates";
    CertificatesDelete = "certificates.delete", Certificates, Delete, "отвязка сертификатов подписи", "unbind signature certificates";
    JournalView = "journal.view", Journal, View, "просмотр журнала действий", "view the journal of actions";
}

impl Right {
    /// The position of this right in the catalog (its bit in a [`super::RightSet`]).
    pub fn index(self) -> u32 {
        self as u32
    }
}

impl core::fmt::Display for Right {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_fits_a_bit_set_and_codes_are_unique() {
        assert!(Right::ALL.len() <= 64);
        let mut codes: Vec<_> = Right::ALL.iter().map(|r| r.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Right::ALL.len());
    }

    #[test]
    fn codes_round_trip_and_match_area_and_level() {
        for &r in Right::ALL {
            assert_eq!(Right::from_code(r.code()), Some(r));
            let json = serde_json::to_string(&r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.code()));
            let area = serde_json::to_string(&r.area()).unwrap();
            assert!(r.code().starts_with(area.trim_matches('"')), "{r:?}");
            assert_eq!(area.trim_matches('"'), r.area().code());
            assert_eq!(r.code().split('.').next(), Some(r.area().code()));
            assert!(!r.area().title_ru().is_empty() && !r.area().title_en().is_empty());
        }
        assert_eq!(Right::from_code("nope.view"), None);
        assert_eq!(Right::UsersManage.level(), Level::Manage);
    }

    #[test]
    fn indices_are_positions_in_the_catalog() {
        for (i, &r) in Right::ALL.iter().enumerate() {
            assert_eq!(r.index() as usize, i);
        }
    }
}
