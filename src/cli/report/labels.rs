//! The words of the access review in Russian (the default) and English:
//! headings, flags, standings, statuses, roles and rights by their names.

use super::review::{Flag, MemberReview};
use clap::ValueEnum;
use kabinet::RoleRef;

/// The language of the page and the tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Русский.
    Ru,
    /// English.
    En,
}

/// The fixed words of the review.
pub struct Words {
    pub lang: &'static str,
    pub title: &'static str,
    pub at: &'static str,
    pub unused_rule: &'static str,
    pub members: &'static str,
    pub name: &'static str,
    pub role: &'static str,
    pub status: &'static str,
    pub rights: &'static str,
    pub beyond_roles: &'static str,
    pub last_used: &'static str,
    pub never: &'static str,
    pub powers: &'static str,
    pub certificates: &'static str,
    pub flags: &'static str,
    pub until: &'static str,
    pub expiring_powers: &'static str,
    pub number: &'static str,
    pub representative: &'static str,
    pub none: &'static str,
    pub sort_hint: &'static str,
}

const RU: Words = Words {
    lang: "ru",
    title: "Пересмотр доступа",
    at: "на",
    unused_rule: "не пользовался — нет записей в журнале за последние",
    members: "Сотрудники",
    name: "Сотрудник",
    role: "Роль",
    status: "Статус",
    rights: "Права по разделам",
    beyond_roles: "Сверх ролей",
    last_used: "Последнее действие",
    never: "никогда",
    powers: "Доверенности",
    certificates: "Сертификаты",
    flags: "Отметки",
    until: "до",
    expiring_powers: "Доверенности организации, истекающие в ближайшие 30 дней",
    number: "Номер",
    representative: "Представитель",
    none: "нет",
    sort_hint: "нажмите на заголовок столбца, чтобы отсортировать",
};

const EN: Words = Words {
    lang: "en",
    title: "Access review",
    at: "at",
    unused_rule: "unused — no journal entry within the last",
    members: "Members",
    name: "Member",
    role: "Role",
    status: "Status",
    rights: "Rights by area",
    beyond_roles: "Beyond roles",
    last_used: "Last action",
    never: "never",
    powers: "Powers of attorney",
    certificates: "Certificates",
    flags: "Flags",
    until: "until",
    expiring_powers: "The organization's powers of attorney expiring within 30 days",
    number: "Number",
    representative: "Representative",
    none: "none",
    sort_hint: "click a column heading to sort",
};

impl Lang {
    /// The fixed words.
    pub fn words(self) -> &'static Words {
        match self {
            Self::Ru => &RU,
            Self::En => &EN,
        }
    }

    /// A flag's name.
    pub fn flag(self, f: Flag) -> &'static str {
        let (ru, en) = match f {
            Flag::BeyondRoles => ("права сверх ролей", "rights beyond roles"),
            Flag::Unused => ("не пользовался", "unused"),
            Flag::PowerExpiring => ("доверенность истекает", "power of attorney expiring"),
            Flag::CertificateExpiring => ("сертификат истекает", "certificate expiring"),
            Flag::DismissedHoldsPower => (
                "уволен, но держит доверенность",
                "dismissed, still holds a power",
            ),
        };
        self.pick(ru, en)
    }

    /// A standing's name.
    pub fn standing(self, code: &str) -> &'static str {
        match code {
            "head" => self.pick("руководитель", "head"),
            _ => self.pick("сотрудник", "employee"),
        }
    }

    /// A membership status's name.
    pub fn status(self, m: &MemberReview) -> &'static str {
        self.pick(m.status.title_ru(), m.status.title_en())
    }

    /// The names of a member's roles (the head's own role when they hold no other).
    pub fn roles(self, m: &MemberReview) -> Vec<String> {
        if m.roles.is_empty() && m.standing == "head" {
            let head = kabinet::BuiltInRole::Head;
            return vec![self.pick(head.title_ru(), head.title_en()).to_owned()];
        }
        m.roles
            .iter()
            .zip(&m.custom_role_names)
            .map(|(r, custom)| match (r, custom) {
                (RoleRef::BuiltIn(b), _) => self.pick(b.title_ru(), b.title_en()).to_owned(),
                (RoleRef::Custom(_), Some(name)) => name.clone(),
                (RoleRef::Custom(id), None) => id.to_string(),
            })
            .collect()
    }

    /// A right's name.
    pub fn right(self, r: kabinet::Right) -> &'static str {
        self.pick(r.title_ru(), r.title_en())
    }

    /// An access level's name.
    pub fn level(self, l: kabinet::rights::Level) -> &'static str {
        self.pick(l.title_ru(), l.title_en())
    }

    /// An area's name.
    pub fn area(self, a: kabinet::rights::Area) -> &'static str {
        self.pick(a.title_ru(), a.title_en())
    }

    /// Why a right is held, from its source code (`head`, `role accountant`, `grant`, …).
    pub fn because(self, source: &str) -> String {
        match source {
            "head" => self.pick("руководитель", "head").into(),
            "grant" => self.pick("выдано лично", "granted individually").into(),
            "power of attorney" => self.pick("доверенность", "power of attorney").into(),
            other => match other
                .strip_prefix("role ")
                .and_then(kabinet::BuiltInRole::from_code)
            {
                Some(b) => self.pick(b.title_ru(), b.title_en()).into(),
                None => other.to_owned(),
            },
        }
    }

    fn pick(self, ru: &'static str, en: &'static str) -> &'static str {
        match self {
            Self::Ru => ru,
            Self::En => en,
        }
    }
}
