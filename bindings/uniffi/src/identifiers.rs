//! Identifiers: `checkIdentifier` (the entry point the CLI shares) and a
//! parse function per identifier returning its canonical form.
//!
//! `check_identifier` answers an invalid value with `valid = false` and the
//! stable code; the `parse_*` functions throw `KabinetError.Identifier` with
//! the same code instead.

use kabinet::ffi::KabinetError;
pub use kabinet::ffi::ParsedSnils;
pub use kabinet::ffi::{BankAccount, IdentifierCheck, ParsedEmail, ParsedInn, ParsedKpp};
pub use kabinet::identifiers::InnKind;
use kabinet::identifiers::{Bik, CorrespondentAccount, Email, IdentifierKind, Inn, Kpp, Ogrn};
use kabinet::identifiers::{Ogrnip, Phone, SettlementAccount, Snils};

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
    Ok(IdentifierCheck::check(
        self::kind(&kind)?,
        &value,
        bik.as_deref(),
    ))
}

/// The stable names of every identifier kind, in the order of DOMAIN §1.
#[uniffi::export]
pub fn identifier_kinds() -> Vec<String> {
    IdentifierKind::ALL
        .iter()
        .map(|k| k.as_str().to_owned())
        .collect()
}

/// Parses a ИНН.
///
/// # Errors
/// `inn.*` codes.
#[uniffi::export]
pub fn parse_inn(value: String) -> Result<ParsedInn, KabinetError> {
    Ok(ParsedInn::from(&Inn::parse(&value)?))
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
    Ok(ParsedKpp::from(&Kpp::parse(&value)?))
}

/// Parses a СНИЛС.
///
/// # Errors
/// `snils.*` codes.
#[uniffi::export]
pub fn parse_snils(value: String) -> Result<ParsedSnils, KabinetError> {
    Ok(ParsedSnils::from(&Snils::parse(&value)?))
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
    Ok(ParsedEmail::from(&Email::parse(&value)?))
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
