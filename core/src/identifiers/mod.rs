//! Temporary stand-in for the identifiers module (replaced at merge).
#![allow(missing_docs)]
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdentifierError(pub &'static str);
impl crate::Coded for IdentifierError {
    fn code(&self) -> &'static str {
        self.0
    }
    fn message_ru(&self) -> String {
        self.0.into()
    }
    fn message_en(&self) -> String {
        self.0.into()
    }
}
impl core::fmt::Display for IdentifierError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.0)
    }
}
impl std::error::Error for IdentifierError {}

macro_rules! stub {
    ($name:ident, $code:literal) => {
        #[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub struct $name(String);
        impl $name {
            pub fn parse(s: &str) -> Result<Self, IdentifierError> {
                let t = s.trim();
                if t.is_empty() {
                    return Err(IdentifierError($code));
                }
                Ok(Self(t.to_owned()))
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}
stub!(Inn, "inn.format");
stub!(Ogrn, "ogrn.format");
stub!(Ogrnip, "ogrnip.format");
stub!(Kpp, "kpp.format");
stub!(Snils, "snils.format");
stub!(Bik, "bik.format");
stub!(Phone, "phone.format");
stub!(Email, "email.format");
stub!(SettlementAccount, "account.format");
impl Inn {
    pub fn is_legal_entity(&self) -> bool {
        self.0.len() == 10
    }
}
impl SettlementAccount {
    pub fn parse_with_bik(s: &str, _bik: &Bik) -> Result<Self, IdentifierError> {
        Self::parse(s)
    }
}
