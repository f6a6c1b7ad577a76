//! Identifiers: `checkIdentifier` (the entry point the CLI shares) and a
//! parse function per identifier returning its canonical form.
//!
//! `check_identifier` answers an invalid value with `valid = false` and the
//! stable code; the `parse_*` functions throw `KabinetError.Identifier` with
//! the same code instead.

use kabinet::ffi::KabinetError;
use kabinet::identifiers::{
    Bik, CorrespondentAccount, Email as REmail, IdentifierKind, Inn as RInn, InnKind as RInnKind,
    Kpp as RKpp, Ogrn, Ogrnip, Phone, SettlementAccount, Snils as RSnils,
};
use kabinet::Coded;

/// The outcome of checking one value.
#[derive(Debug, Clone, uniffi::Record)]
pub struct IdentifierCheck {
    /// The kind's stable name (`inn`, `corr-account`, …).
    pub kind: String,
    /// Whether the value is valid.
    pub valid: bool,
    /// The canonical form, when valid.
    pub normalized: Option<String>,
    /// The stable code of the failure.
    pub code: Option<String>,
    /// The failure in Russian.
    pub message_ru: Option<String>,
    /// The failure in English.
    pub message_en: Option<String>,
}

fn kind(name: &str) -> Result<IdentifierKind, KabinetError> {
    name.parse::<IdentifierKind>()
        .map_err(|e| KabinetError::identifier(&e))
}

/// Checks `value` as an identifier of `kind`; `bik` is needed for accounts.
///
/// # Errors
/// `identifier.unknown_kind` for a kind that is not one of [`identifier_kinds`].
#[uniffi::export]
pub fn check_identifier(
    kind: String,
    value: String,
    bik: Option<String>,
) -> Result<IdentifierCheck, KabinetError> {
    let k = self::kind(&kind)?;
    let name = k.as_str().to_owned();
    Ok(match kabinet::check_identifier(k, &value, bik.as_deref()) {
        Ok(n) => IdentifierCheck {
            kind: name,
            valid: true,
            normalized: Some(n),
            code: None,
            message_ru: None,
            message_en: None,
        },
        Err(e) => IdentifierCheck {
            kind: name,
            valid: false,
            normalized: None,
            code: Some(e.code().into()),
            message_ru: Some(e.message_ru()),
            message_en: Some(e.message_en()),
        },
    })
}

/// The stable names of every identifier kind, in the order of DOMAIN §1.
#[uniffi::export]
pub fn identifier_kinds() -> Vec<String> {
    IdentifierKind::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect()
}

/// Whose taxpayer number an ИНН is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum InnKind {
    /// 10 digits.
    LegalEntity,
    /// 12 digits (a person or an entrepreneur).
    Person,
}

/// A valid ИНН.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedInn {
    /// The digits.
    pub value: String,
    /// Legal entity or person.
    pub kind: InnKind,
}

/// A valid СНИЛС.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedSnils {
    /// The 11 digits.
    pub value: String,
    /// `XXX-XXX-XXX YY`.
    pub formatted: String,
}

/// A valid КПП.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedKpp {
    /// The 9 characters.
    pub value: String,
    /// The reason code, positions 5–6.
    pub reason: String,
}

/// A valid e-mail address.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ParsedEmail {
    /// The address, domain lowercased.
    pub value: String,
    /// The part before `@`.
    pub local_part: String,
    /// The domain.
    pub domain: String,
}

/// A valid bank account number keyed to its БИК.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BankAccount {
    /// The 20 digits.
    pub value: String,
    /// The bank's БИК.
    pub bik: String,
}

/// Parses a ИНН.
///
/// # Errors
/// `inn.*` codes.
#[uniffi::export]
pub fn parse_inn(value: String) -> Result<ParsedInn, KabinetError> {
    let inn = RInn::parse(&value)?;
    let kind = match inn.kind() {
        RInnKind::LegalEntity => InnKind::LegalEntity,
        RInnKind::Person => InnKind::Person,
    };
    Ok(ParsedInn {
        value: inn.as_str().into(),
        kind,
    })
}

/// Parses a ОГРН; returns the digits.
///
/// # Errors
/// `ogrn.*` codes.
#[uniffi::export]
pub fn parse_ogrn(value: String) -> Result<String, KabinetError> {
    Ok(Ogrn::parse(&value)?.into())
}

/// Parses a ОГРНИП; returns the digits.
///
/// # Errors
/// `ogrnip.*` codes.
#[uniffi::export]
pub fn parse_ogrnip(value: String) -> Result<String, KabinetError> {
    Ok(Ogrnip::parse(&value)?.into())
}

/// Parses a КПП.
///
/// # Errors
/// `kpp.*` codes.
#[uniffi::export]
pub fn parse_kpp(value: String) -> Result<ParsedKpp, KabinetError> {
    let kpp = RKpp::parse(&value)?;
    Ok(ParsedKpp {
        value: kpp.as_str().into(),
        reason: kpp.reason().into(),
    })
}

/// Parses a СНИЛС.
///
/// # Errors
/// `snils.*` codes.
#[uniffi::export]
pub fn parse_snils(value: String) -> Result<ParsedSnils, KabinetError> {
    let s = RSnils::parse(&value)?;
    Ok(ParsedSnils {
        value: s.as_str().into(),
        formatted: s.to_string(),
    })
}

/// Parses a БИК; returns the digits.
///
/// # Errors
/// `bik.*` codes.
#[uniffi::export]
pub fn parse_bik(value: String) -> Result<String, KabinetError> {
    Ok(Bik::parse(&value)?.into())
}

/// Parses a phone number; returns its E.164 form.
///
/// # Errors
/// `phone.*` codes.
#[uniffi::export]
pub fn parse_phone(value: String) -> Result<String, KabinetError> {
    Ok(Phone::parse(&value)?.into())
}

/// Parses an e-mail address.
///
/// # Errors
/// `email.*` codes.
#[uniffi::export]
pub fn parse_email(value: String) -> Result<ParsedEmail, KabinetError> {
    let e = REmail::parse(&value)?;
    Ok(ParsedEmail {
        value: e.as_str().into(),
        local_part: e.local_part().into(),
        domain: e.domain().into(),
    })
}

/// Parses a расчётный счёт against the bank's БИК.
///
/// # Errors
/// `bik.*` for the БИК, `account.*` for the number.
#[uniffi::export]
pub fn parse_settlement_account(value: String, bik: String) -> Result<BankAccount, KabinetError> {
    let bik = Bik::parse(&bik)?;
    let a = SettlementAccount::parse(&value, &bik)?;
    Ok(BankAccount {
        value: a.as_str().into(),
        bik: bik.as_str().into(),
    })
}

/// Parses a корреспондентский счёт against the bank's БИК.
///
/// # Errors
/// `bik.*` for the БИК, `corr_account.*` for the number.
#[uniffi::export]
pub fn parse_correspondent_account(
    value: String,
    bik: String,
) -> Result<BankAccount, KabinetError> {
    let bik = Bik::parse(&bik)?;
    let a = CorrespondentAccount::parse(&value, &bik)?;
    Ok(BankAccount {
        value: a.as_str().into(),
        bik: bik.as_str().into(),
    })
}
