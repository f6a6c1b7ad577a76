//! The one entry point that checks a value of any kind by name: used by the
//! `kabinet id check` command and the bindings, with its outcome as a value.

use crate::Coded;

use super::{
    bank_account::account_bik, Bik, CorrespondentAccount, Email, IdentifierError, IdentifierKind,
    Inn, Kpp, Ogrn, Ogrnip, Phone, SettlementAccount, Snils,
};

/// Checks `value` as an identifier of `kind` and returns its canonical form
/// (the `as_str()` of the parsed type: digits, `+` and digits for a phone,
/// the address with a lowercased domain for an email).
///
/// `bik` is the bank's БИК, needed for [`IdentifierKind::Account`] and
/// [`IdentifierKind::CorrAccount`] and ignored for every other kind.
///
/// # Errors
///
/// The [`IdentifierError`] of the kind's parser; for accounts also
/// `account.bik_required` / `corr_account.bik_required` when `bik` is
/// missing and `account.bik_invalid` / `corr_account.bik_invalid` (wrapping
/// the БИК's own error) when it is not a valid БИК.
///
/// # Example
///
/// ```
/// use kabinet_core::identifiers::{check_identifier, IdentifierKind};
/// use kabinet_core::Coded;
///
/// let corr = check_identifier(IdentifierKind::CorrAccount, "30101810400000000225", Some("044525225"))?;
/// assert_eq!(corr, "30101810400000000225");
/// let err = check_identifier(IdentifierKind::Account, "40702810938000060473", None).unwrap_err();
/// assert_eq!(err.code(), "account.bik_required");
/// # Ok::<(), kabinet_core::identifiers::IdentifierError>(())
/// ```
pub fn check_identifier(
    kind: IdentifierKind,
    value: &str,
    bik: Option<&str>,
) -> Result<String, IdentifierError> {
    let bank = |kind| match bik {
        Some(bik) => account_bik(kind, bik),
        None => Err(IdentifierError::BikRequired { kind }),
    };
    Ok(match kind {
        IdentifierKind::Inn => Inn::parse(value)?.into(),
        IdentifierKind::Ogrn => Ogrn::parse(value)?.into(),
        IdentifierKind::Ogrnip => Ogrnip::parse(value)?.into(),
        IdentifierKind::Kpp => Kpp::parse(value)?.into(),
        IdentifierKind::Snils => Snils::parse(value)?.into(),
        IdentifierKind::Bik => Bik::parse(value)?.into(),
        IdentifierKind::Account => SettlementAccount::parse(value, &bank(kind)?)?
            .as_str()
            .to_owned(),
        IdentifierKind::CorrAccount => CorrespondentAccount::parse(value, &bank(kind)?)?
            .as_str()
            .to_owned(),
        IdentifierKind::Phone => Phone::parse(value)?.into(),
        IdentifierKind::Email => Email::parse(value)?.into(),
    })
}

/// The outcome of checking one value: its canonical form, or the code and
/// messages of the failure. It is what a host shows for a checked field, and
/// it crosses as it is to Python, Kotlin and Swift.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, module = "kabinet"))]
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

impl IdentifierCheck {
    /// Checks `value` as an identifier of `kind` (see [`check_identifier`]).
    pub fn check(kind: IdentifierKind, value: &str, bik: Option<&str>) -> Self {
        Self::of(kind, check_identifier(kind, value, bik))
    }

    /// The outcome of [`check_identifier`] for `kind`.
    pub fn of(kind: IdentifierKind, outcome: Result<String, IdentifierError>) -> Self {
        let kind = kind.as_str().to_owned();
        match outcome {
            Ok(n) => Self {
                kind,
                valid: true,
                normalized: Some(n),
                code: None,
                message_ru: None,
                message_en: None,
            },
            Err(e) => Self {
                kind,
                valid: false,
                normalized: None,
                code: Some(e.code().into()),
                message_ru: Some(e.message_ru()),
                message_en: Some(e.message_en()),
            },
        }
    }
}

#[cfg(feature = "python")]
#[pyo3::pymethods]
impl IdentifierCheck {
    fn __repr__(&self) -> String {
        match (&self.normalized, &self.code) {
            (Some(n), _) => format!(
                "IdentifierCheck(kind={:?}, valid=True, normalized={n:?})",
                self.kind
            ),
            (_, c) => format!(
                "IdentifierCheck(kind={:?}, valid=False, code={:?})",
                self.kind,
                c.as_deref().unwrap_or("")
            ),
        }
    }

    fn __bool__(&self) -> bool {
        self.valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Coded;

    #[test]
    fn returns_the_canonical_form() {
        assert_eq!(
            check_identifier(IdentifierKind::Snils, " 112-233-445 95", None).unwrap(),
            "11223344595"
        );
        assert_eq!(
            check_identifier(IdentifierKind::Phone, "+7 (495) 500-55-50", None).unwrap(),
            "+74955005550"
        );
        assert_eq!(
            check_identifier(IdentifierKind::Inn, "7707083893", Some("ignored")).unwrap(),
            "7707083893"
        );
    }

    #[test]
    fn accounts_need_a_valid_bik() {
        let acc = "30101810400000000225";
        assert_eq!(
            check_identifier(IdentifierKind::CorrAccount, acc, None).unwrap_err(),
            IdentifierError::BikRequired {
                kind: IdentifierKind::CorrAccount
            }
        );
        let err = check_identifier(IdentifierKind::CorrAccount, acc, Some("04452522")).unwrap_err();
        assert_eq!(err.code(), "corr_account.bik_invalid");
        let IdentifierError::BikInvalid { source, .. } = err else {
            panic!()
        };
        assert_eq!(source.code(), "bik.length");
        assert_eq!(
            check_identifier(IdentifierKind::Account, acc, None)
                .unwrap_err()
                .code(),
            "account.bik_required"
        );
        assert_eq!(
            check_identifier(IdentifierKind::CorrAccount, acc, Some("044525225")).unwrap(),
            acc
        );
    }

    #[test]
    fn a_check_is_the_canonical_form_or_the_coded_failure() {
        let valid = IdentifierCheck::check(IdentifierKind::Snils, " 112-233-445 95", None);
        assert!(valid.valid && valid.code.is_none() && valid.message_en.is_none());
        assert_eq!(valid.normalized.as_deref(), Some("11223344595"));
        assert_eq!(valid.kind, "snils");
        let invalid = IdentifierCheck::check(IdentifierKind::Account, "40702810938000060473", None);
        assert!(!invalid.valid && invalid.normalized.is_none());
        assert_eq!(invalid.code.as_deref(), Some("account.bik_required"));
        assert!(invalid.message_ru.is_some() && invalid.message_en.is_some());
        assert_ne!(invalid.message_ru, invalid.message_en);
        let kind = IdentifierKind::Inn;
        let valid = IdentifierCheck::check(kind, "7707083893", None);
        assert!(valid.valid);
        assert_eq!(valid.normalized.as_deref(), Some("7707083893"));
        assert_eq!(valid.code, None);
        let invalid = IdentifierCheck::check(kind, "7707083894", None);
        assert!(!invalid.valid);
        assert_eq!(invalid.kind, "inn");
        assert_eq!(invalid.code.as_deref(), Some("inn.checksum"));
        assert!(invalid.message_ru.is_some_and(|m| !m.is_empty()));
    }

    /// A host passes any text: a value of 4 MiB is refused by its length
    /// for every kind, before it is read, and the check does not echo it.
    #[test]
    fn an_oversized_value_is_refused_by_its_length_for_every_kind() {
        let huge = "7".repeat(4 << 20);
        for kind in IdentifierKind::ALL {
            let started = std::time::Instant::now();
            let check = IdentifierCheck::check(kind, &huge, Some("044525225"));
            assert!(
                started.elapsed() < std::time::Duration::from_millis(100),
                "{kind:?}"
            );
            assert!(!check.valid && check.normalized.is_none(), "{kind:?}");
            let code = check.code.unwrap_or_default();
            assert!(code.ends_with(".too_long"), "{kind:?}: {code}");
            let message =
                check.message_en.unwrap_or_default() + &check.message_ru.unwrap_or_default();
            assert!(!message.is_empty() && message.len() < 1024, "{kind:?}");
        }
        // An oversized БИК beside an account is refused by the БИК's own length.
        let check =
            IdentifierCheck::check(IdentifierKind::Account, "40702810938000060473", Some(&huge));
        assert_eq!(check.code.as_deref(), Some("account.bik_invalid"));
        assert!(check.message_en.is_some_and(|m| m.len() < 1024));
    }
}
