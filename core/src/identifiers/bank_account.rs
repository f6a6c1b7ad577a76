//! Bank accounts: a settlement account (расчётный счёт) and a correspondent
//! account (корреспондентский счёт), each meaningful only with its bank's БИК.
//!
//! An account is 20 digits; digit 9 is the control key, computed from the
//! БИК and the other digits (Банк России, «Порядок расчёта контрольного
//! ключа в номере лицевого счёта», письмо от 08.09.1997 № 515): three digits taken from the БИК
//! are written before the account — digits 7–9 of the БИК for a settlement
//! account, "0" and digits 5–6 for a correspondent account — and the 23
//! digits, multiplied by the weights 7, 1, 3 repeating, must give products
//! whose last digits sum to a multiple of 10. All weights are prime to 10,
//! so any single wrong digit of the account is detected.
//!
//! Because the key depends on the bank, an account value holds its [`Bik`]
//! and serializes as `{"bik": "...", "number": "..."}`, deserialized through
//! the same check. Treasury accounts (03…) opened with the Federal Treasury
//! follow other rules and are outside this check.

use core::fmt;

use serde::{Deserialize, Serialize};

use super::inline::Ascii;
use super::input::{digit_char, digits, prepare};
use super::{Bik, IdentifierError, IdentifierKind};

/// The digits of an account.
const LENGTH: usize = 20;

/// The weights applied, repeating, to the 3-digit БИК prefix and the account.
const WEIGHTS: [u32; 3] = [7, 1, 3];

/// The index of the control key among the 23 weighted digits (account digit 9).
const KEY_INDEX: usize = 3 + 8;

/// A valid settlement account (расчётный счёт) of a bank client.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(try_from = "AccountRepr", into = "AccountRepr")]
pub struct SettlementAccount {
    number: Ascii<20>,
    bik: Bik,
}

/// A valid correspondent account (корреспондентский счёт) of a bank.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(try_from = "AccountRepr", into = "AccountRepr")]
pub struct CorrespondentAccount {
    number: Ascii<20>,
    bik: Bik,
}

/// The serialized shape of an account: the БИК and the number, both strings.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountRepr {
    bik: String,
    number: String,
}

/// Checks `input` as an account of `kind` keyed with `prefix`; returns the digits.
fn parse_account<'a>(
    kind: IdentifierKind,
    input: &'a str,
    prefix: &str,
) -> Result<&'a str, IdentifierError> {
    let value = prepare(kind, input)?;
    let account = digits(kind, value, &[LENGTH])?;
    let all: Vec<u8> = prefix
        .bytes()
        .map(|b| b.wrapping_sub(b'0'))
        .chain(account)
        .collect();
    let mut sum_without_key = 0u32;
    let mut found_key = 0u32;
    for (index, (&d, &w)) in all.iter().zip(WEIGHTS.iter().cycle()).enumerate() {
        if index == KEY_INDEX {
            found_key = u32::from(d);
        } else {
            sum_without_key += u32::from(d) * w % 10;
        }
    }
    // The key k must satisfy sum + 3k ≡ 0 (mod 10); 7 is the inverse of 3 mod 10.
    let expected_key = (10 - sum_without_key % 10) % 10 * 7 % 10;
    if expected_key != found_key {
        return Err(IdentifierError::Checksum {
            kind,
            expected: digit_char(expected_key).to_string(),
            found: digit_char(found_key).to_string(),
        });
    }
    Ok(value)
}

impl SettlementAccount {
    /// Parses a settlement account held at the bank with `bik`.
    ///
    /// # Errors
    ///
    /// `account.too_long`, `account.empty`, `account.not_digits`,
    /// `account.length` (not 20 digits) or `account.checksum` (the control
    /// key does not match the БИК).
    pub fn parse(input: &str, bik: &Bik) -> Result<Self, IdentifierError> {
        let n = parse_account(IdentifierKind::Account, input, bik.settlement_key_prefix())?;
        Ok(Self {
            number: Ascii::new(IdentifierKind::Account, n)?,
            bik: bik.clone(),
        })
    }

    /// The 20 digits.
    pub fn as_str(&self) -> &str {
        &self.number
    }

    /// The БИК of the bank the account is held at.
    pub fn bik(&self) -> &Bik {
        &self.bik
    }
}

impl CorrespondentAccount {
    /// Parses the correspondent account of the bank with `bik`.
    ///
    /// # Errors
    ///
    /// `corr_account.too_long`, `corr_account.empty`,
    /// `corr_account.not_digits`, `corr_account.length` (not 20 digits) or
    /// `corr_account.checksum` (the control key does not match the БИК).
    pub fn parse(input: &str, bik: &Bik) -> Result<Self, IdentifierError> {
        let n = parse_account(
            IdentifierKind::CorrAccount,
            input,
            &bik.correspondent_key_prefix(),
        )?;
        Ok(Self {
            number: Ascii::new(IdentifierKind::CorrAccount, n)?,
            bik: bik.clone(),
        })
    }

    /// The 20 digits.
    pub fn as_str(&self) -> &str {
        &self.number
    }

    /// The БИК of the bank.
    pub fn bik(&self) -> &Bik {
        &self.bik
    }
}

/// Parses a БИК given with an account of `kind`, wrapping its failure.
pub(crate) fn account_bik(kind: IdentifierKind, bik: &str) -> Result<Bik, IdentifierError> {
    Bik::parse(bik).map_err(|source| IdentifierError::BikInvalid {
        kind,
        source: Box::new(source),
    })
}

impl TryFrom<AccountRepr> for SettlementAccount {
    type Error = IdentifierError;

    fn try_from(repr: AccountRepr) -> Result<Self, Self::Error> {
        Self::parse(
            &repr.number,
            &account_bik(IdentifierKind::Account, &repr.bik)?,
        )
    }
}

impl TryFrom<AccountRepr> for CorrespondentAccount {
    type Error = IdentifierError;

    fn try_from(repr: AccountRepr) -> Result<Self, Self::Error> {
        Self::parse(
            &repr.number,
            &account_bik(IdentifierKind::CorrAccount, &repr.bik)?,
        )
    }
}

impl From<SettlementAccount> for AccountRepr {
    fn from(a: SettlementAccount) -> Self {
        Self {
            bik: a.bik.into(),
            number: a.number.to_string(),
        }
    }
}

impl From<CorrespondentAccount> for AccountRepr {
    fn from(a: CorrespondentAccount) -> Self {
        Self {
            bik: a.bik.into(),
            number: a.number.to_string(),
        }
    }
}

impl fmt::Display for SettlementAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)
    }
}

impl fmt::Display for CorrespondentAccount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    fn sber() -> Bik {
        Bik::parse("044525225").unwrap()
    }

    #[test]
    fn correspondent_account_is_keyed_with_bik_digits_5_and_6() {
        let acc = CorrespondentAccount::parse("30101810400000000225", &sber()).unwrap();
        assert_eq!(acc.as_str(), "30101810400000000225");
        assert_eq!(acc.bik(), &sber());
        // The same number keyed as a settlement account (prefix 225) fails.
        let err = SettlementAccount::parse("30101810400000000225", &sber()).unwrap_err();
        assert_eq!(err.code(), "account.checksum");
    }

    #[test]
    fn the_expected_key_is_the_one_that_validates() {
        let err = CorrespondentAccount::parse("30101810500000000225", &sber()).unwrap_err();
        let IdentifierError::Checksum {
            expected, found, ..
        } = err
        else {
            panic!("{err:?}")
        };
        assert_eq!((expected.as_str(), found.as_str()), ("4", "5"));
    }

    #[test]
    fn serde_goes_through_the_check() {
        let acc = CorrespondentAccount::parse("30101810400000000225", &sber()).unwrap();
        let json = serde_json::to_string(&acc).unwrap();
        assert_eq!(
            json,
            r#"{"bik":"044525225","number":"30101810400000000225"}"#
        );
        assert_eq!(
            serde_json::from_str::<CorrespondentAccount>(&json).unwrap(),
            acc
        );
        let bad = r#"{"bik":"044525225","number":"30101810500000000225"}"#;
        assert!(serde_json::from_str::<CorrespondentAccount>(bad).is_err());
        let bad_bik = r#"{"bik":"44525225","number":"30101810400000000225"}"#;
        assert!(serde_json::from_str::<CorrespondentAccount>(bad_bik).is_err());
    }
}
