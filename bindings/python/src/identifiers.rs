//! Identifiers: `check_identifier` (the entry point the CLI shares) and one
//! class per identifier, whose constructor parses.
//!
//! `check_identifier(kind, value, bik=None)` never raises for an invalid
//! value: it returns an `IdentifierCheck` with `valid`, `normalized` and the
//! stable `code` and messages of the failure. The classes (`Inn`, `Snils`,
//! …) are the "parse, don't validate" form: `Inn("7707083893")` holds a valid
//! ИНН or raises `kabinet.IdentifierError` with the same code.

use crate::errors::{self, Family};
use kabinet::identifiers::{
    Bik as RBik, CorrespondentAccount as RCorr, Email as REmail, IdentifierCheck, IdentifierError,
    IdentifierKind, Inn as RInn, InnKind, Kpp as RKpp, Ogrn as ROgrn, Ogrnip as ROgrnip,
    Phone as RPhone, SettlementAccount as RAccount, Snils as RSnils,
};
use pyo3::prelude::*;
use serde_json::Value;

/// Parses an identifier kind by its stable name (`inn`, `corr-account`, …).
pub fn kind(py: Python<'_>, name: &str) -> PyResult<IdentifierKind> {
    name.parse::<IdentifierKind>()
        .map_err(|e| errors::coded(py, Family::Identifier, &e, Value::Null))
}

/// Raises the coded error of an identifier.
pub fn error(py: Python<'_>, e: &IdentifierError) -> PyErr {
    let details = serde_json::json!({ "kind": e.kind().as_str() });
    errors::coded(py, Family::Identifier, e, details)
}

/// Checks `value` as an identifier of `kind`; an invalid value is an answer, not an exception.
#[pyfunction]
#[pyo3(signature = (kind, value, bik = None))]
fn check_identifier(
    py: Python<'_>,
    kind: &str,
    value: &str,
    bik: Option<&str>,
) -> PyResult<IdentifierCheck> {
    Ok(IdentifierCheck::check(self::kind(py, kind)?, value, bik))
}

/// The stable names of every identifier kind, in the order of DOMAIN §1.
#[pyfunction]
fn identifier_kinds() -> Vec<&'static str> {
    IdentifierKind::ALL.iter().map(|k| k.as_str()).collect()
}

macro_rules! identifier_class {
    ($py_name:ident, $rust:ty, $doc:literal) => {
        identifier_class!($py_name, $rust, $doc, {});
    };
    ($py_name:ident, $rust:ty, $doc:literal, { $($extra:tt)* }) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, hash, module = "kabinet")]
        #[derive(PartialEq, Eq, Hash)]
        pub struct $py_name(pub $rust);

        #[pymethods]
        impl $py_name {
            #[new]
            fn new(py: Python<'_>, value: &str) -> PyResult<Self> {
                <$rust>::parse(value).map(Self).map_err(|e| error(py, &e))
            }

            /// Parses a value; the same as the constructor.
            #[staticmethod]
            fn parse(py: Python<'_>, value: &str) -> PyResult<Self> {
                Self::new(py, value)
            }

            /// The canonical form.
            #[getter]
            fn value(&self) -> &str {
                self.0.as_str()
            }

            fn __str__(&self) -> String {
                self.0.to_string()
            }

            fn __repr__(&self) -> String {
                format!("{}({:?})", stringify!($py_name), self.0.as_str())
            }

            $($extra)*
        }
    };
}

identifier_class!(
    Inn,
    RInn,
    "ИНН of a legal entity (10 digits) or a person (12 digits).",
    {
        /// `"legal_entity"` (10 digits) or `"person"` (12 digits).
        #[getter]
        fn kind(&self) -> &'static str {
            match self.0.kind() {
                InnKind::LegalEntity => "legal_entity",
                InnKind::Person => "person",
            }
        }
    }
);
identifier_class!(Ogrn, ROgrn, "ОГРН: 13 digits, first 1 or 5.");
identifier_class!(Ogrnip, ROgrnip, "ОГРНИП: 15 digits, first 3.");
identifier_class!(Kpp, RKpp, "КПП: `NNNNPPNNN`.", {
    /// The reason code, positions 5–6.
    #[getter]
    fn reason(&self) -> &str {
        self.0.reason()
    }
});
identifier_class!(Snils, RSnils, "СНИЛС: 11 digits, shown `XXX-XXX-XXX YY`.");
identifier_class!(Bik, RBik, "БИК: 9 digits.");
identifier_class!(Phone, RPhone, "A phone number in E.164 form.");
identifier_class!(Email, REmail, "An e-mail address, domain lowercased.", {
    /// The part before `@`.
    #[getter]
    fn local_part(&self) -> &str {
        self.0.local_part()
    }

    /// The domain, lowercased.
    #[getter]
    fn domain(&self) -> &str {
        self.0.domain()
    }
});

macro_rules! account_class {
    ($py_name:ident, $rust:ty, $doc:literal) => {
        #[doc = $doc]
        #[pyclass(frozen, eq, hash, module = "kabinet")]
        #[derive(PartialEq, Eq, Hash)]
        pub struct $py_name(pub $rust);

        #[pymethods]
        impl $py_name {
            #[new]
            fn new(py: Python<'_>, value: &str, bik: &str) -> PyResult<Self> {
                let bik = RBik::parse(bik).map_err(|e| error(py, &e))?;
                <$rust>::parse(value, &bik)
                    .map(Self)
                    .map_err(|e| error(py, &e))
            }

            /// Parses an account number checked against the bank's БИК.
            #[staticmethod]
            fn parse(py: Python<'_>, value: &str, bik: &str) -> PyResult<Self> {
                Self::new(py, value, bik)
            }

            /// The 20 digits.
            #[getter]
            fn value(&self) -> &str {
                self.0.as_str()
            }

            /// The bank's БИК.
            #[getter]
            fn bik(&self) -> &str {
                self.0.bik().as_str()
            }

            fn __str__(&self) -> String {
                self.0.as_str().to_owned()
            }

            fn __repr__(&self) -> String {
                format!(
                    "{}({:?}, bik={:?})",
                    stringify!($py_name),
                    self.0.as_str(),
                    self.0.bik().as_str()
                )
            }
        }
    };
}

account_class!(
    SettlementAccount,
    RAccount,
    "Расчётный счёт: 20 digits, keyed to a БИК."
);
account_class!(
    CorrespondentAccount,
    RCorr,
    "Корреспондентский счёт: 20 digits, keyed to a БИК."
);

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(check_identifier, m)?)?;
    m.add_function(wrap_pyfunction!(identifier_kinds, m)?)?;
    m.add_class::<IdentifierCheck>()?;
    m.add_class::<Inn>()?;
    m.add_class::<Ogrn>()?;
    m.add_class::<Ogrnip>()?;
    m.add_class::<Kpp>()?;
    m.add_class::<Snils>()?;
    m.add_class::<Bik>()?;
    m.add_class::<Phone>()?;
    m.add_class::<Email>()?;
    m.add_class::<SettlementAccount>()?;
    m.add_class::<CorrespondentAccount>()?;
    Ok(())
}
