//! The kinds of identifier and requisite, with the names the CLI and the bindings use.
//!
//! [`IdentifierKind`] names each identifier family once: its stable name
//! (`inn`, `corr-account`, …) is what `kabinet id check <kind>` accepts and
//! what the bindings pass; its code area (`inn`, `corr_account`, …) prefixes
//! the stable codes of [`IdentifierError`](super::IdentifierError); its
//! Russian and English names appear in user-facing messages.

use core::fmt;
use core::str::FromStr;

use crate::Coded;

/// Which identifier or requisite a value is meant to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IdentifierKind {
    /// ИНН: taxpayer number of a legal entity (10 digits) or a person (12 digits).
    Inn,
    /// ОГРН: primary state registration number of a legal entity (13 digits).
    Ogrn,
    /// ОГРНИП: primary state registration number of an individual entrepreneur (15 digits).
    Ogrnip,
    /// КПП: tax registration reason code (9 characters).
    Kpp,
    /// СНИЛС: individual insurance account number (11 digits).
    Snils,
    /// БИК: bank identification code of the Bank of Russia directory (9 digits).
    Bik,
    /// Расчётный счёт: a client's settlement account (20 digits, checked against a БИК).
    Account,
    /// Корреспондентский счёт: a bank's correspondent account (20 digits, checked against a БИК).
    CorrAccount,
    /// A phone number in the international E.164 form.
    Phone,
    /// An email address.
    Email,
}

impl IdentifierKind {
    /// Every kind, in the order of DOMAIN §1.
    pub const ALL: [IdentifierKind; 10] = [
        Self::Inn,
        Self::Ogrn,
        Self::Ogrnip,
        Self::Kpp,
        Self::Snils,
        Self::Bik,
        Self::Account,
        Self::CorrAccount,
        Self::Phone,
        Self::Email,
    ];

    /// The stable name used by the CLI and the bindings (`inn`, `corr-account`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inn => "inn",
            Self::Ogrn => "ogrn",
            Self::Ogrnip => "ogrnip",
            Self::Kpp => "kpp",
            Self::Snils => "snils",
            Self::Bik => "bik",
            Self::Account => "account",
            Self::CorrAccount => "corr-account",
            Self::Phone => "phone",
            Self::Email => "email",
        }
    }

    /// The area that prefixes this kind's error codes (`inn`, `corr_account`, …).
    pub fn code_area(self) -> &'static str {
        match self {
            Self::CorrAccount => "corr_account",
            other => other.as_str(),
        }
    }

    /// Whether checking a value of this kind needs the bank's БИК.
    pub fn needs_bik(self) -> bool {
        matches!(self, Self::Account | Self::CorrAccount)
    }

    /// The Russian name in the nominative case, as users know it (`ИНН`, `номер телефона`).
    pub fn name_ru(self) -> &'static str {
        match self {
            Self::Inn => "ИНН",
            Self::Ogrn => "ОГРН",
            Self::Ogrnip => "ОГРНИП",
            Self::Kpp => "КПП",
            Self::Snils => "СНИЛС",
            Self::Bik => "БИК",
            Self::Account => "номер расчётного счёта",
            Self::CorrAccount => "номер корреспондентского счёта",
            Self::Phone => "номер телефона",
            Self::Email => "адрес электронной почты",
        }
    }

    /// The Russian name in the prepositional case, with its preposition (`в ИНН`).
    pub(crate) fn in_ru(self) -> &'static str {
        match self {
            Self::Inn => "в ИНН",
            Self::Ogrn => "в ОГРН",
            Self::Ogrnip => "в ОГРНИП",
            Self::Kpp => "в КПП",
            Self::Snils => "в СНИЛС",
            Self::Bik => "в БИК",
            Self::Account => "в номере расчётного счёта",
            Self::CorrAccount => "в номере корреспондентского счёта",
            Self::Phone => "в номере телефона",
            Self::Email => "в адресе электронной почты",
        }
    }

    /// The Russian name in the genitive case (`ИНН`, `расчётного счёта`).
    pub(crate) fn of_ru(self) -> &'static str {
        match self {
            Self::Account => "расчётного счёта",
            Self::CorrAccount => "корреспондентского счёта",
            Self::Phone => "номера телефона",
            Self::Email => "адреса электронной почты",
            other => other.name_ru(),
        }
    }

    /// The English name with its article (`the INN`, `the settlement account number`).
    pub fn name_en(self) -> &'static str {
        match self {
            Self::Inn => "the INN (taxpayer number)",
            Self::Ogrn => "the OGRN (registration number)",
            Self::Ogrnip => "the OGRNIP (entrepreneur registration number)",
            Self::Kpp => "the KPP (registration reason code)",
            Self::Snils => "the SNILS (insurance number)",
            Self::Bik => "the BIK (bank code)",
            Self::Account => "the settlement account number",
            Self::CorrAccount => "the correspondent account number",
            Self::Phone => "the phone number",
            Self::Email => "the email address",
        }
    }
}

impl fmt::Display for IdentifierKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for IdentifierKind {
    type Err = UnknownIdentifierKind;

    /// Accepts exactly the stable names of [`IdentifierKind::as_str`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| UnknownIdentifierKind {
                // Echo at most a short prefix of what was given: it is untrusted input.
                found: s.chars().take(UnknownIdentifierKind::ECHO_CHARS).collect(),
            })
    }
}

/// A name that is not one of the identifier kinds.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message_en())]
pub struct UnknownIdentifierKind {
    /// The name given (at most its first 64 characters).
    pub found: String,
}

impl UnknownIdentifierKind {
    /// How much of an unknown name is echoed back: enough to recognise a typo.
    const ECHO_CHARS: usize = 64;

    fn names() -> String {
        IdentifierKind::ALL.map(IdentifierKind::as_str).join(", ")
    }
}

impl Coded for UnknownIdentifierKind {
    fn code(&self) -> &'static str {
        "identifier.unknown_kind"
    }

    fn message_ru(&self) -> String {
        format!(
            "неизвестный вид реквизита «{}»; допустимы: {}",
            self.found.escape_debug(),
            Self::names()
        )
    }

    fn message_en(&self) -> String {
        format!(
            "unknown kind of identifier '{}'; expected one of: {}",
            self.found.escape_debug(),
            Self::names()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_the_cli_names() {
        let names: Vec<_> = IdentifierKind::ALL.map(IdentifierKind::as_str).to_vec();
        assert_eq!(
            names,
            [
                "inn",
                "ogrn",
                "ogrnip",
                "kpp",
                "snils",
                "bik",
                "account",
                "corr-account",
                "phone",
                "email"
            ]
        );
        for kind in IdentifierKind::ALL {
            assert_eq!(kind.as_str().parse::<IdentifierKind>(), Ok(kind));
        }
    }

    #[test]
    fn unknown_names_are_refused_with_a_code() {
        let err = "INN".parse::<IdentifierKind>().unwrap_err();
        assert_eq!(err.code(), "identifier.unknown_kind");
        assert_eq!(err.found, "INN");
        assert!(err.message_en().contains("corr-account"));
        let long = "x".repeat(10_000);
        assert_eq!(long.parse::<IdentifierKind>().unwrap_err().found.len(), 64);
    }

    #[test]
    fn only_accounts_need_a_bik() {
        let needing: Vec<_> = IdentifierKind::ALL
            .into_iter()
            .filter(|k| k.needs_bik())
            .collect();
        assert_eq!(
            needing,
            [IdentifierKind::Account, IdentifierKind::CorrAccount]
        );
        assert_eq!(IdentifierKind::CorrAccount.code_area(), "corr_account");
    }
}
