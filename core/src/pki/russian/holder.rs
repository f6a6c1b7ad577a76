//! The holder of a certificate as the Russian profile describes it.
//!
//! Identifiers are kept as the digit strings found in the subject (the
//! typed identifiers of the core can be built from them). An ИНН of a legal
//! entity written in the ИНН attribute with the legacy "00" prefix (12 digits)
//! is read as ИННЮЛ when no ИННЮЛ attribute is present.

use serde::Serialize;

use crate::identifiers::{Inn, Ogrn, Ogrnip, Snils};
use crate::pki::name::first_attribute_value;
use crate::pki::{oids, ParsedCertificate};
use crate::SignerIdentity;

/// Class of the holder's signature tool (certificate policies 1.2.643.100.113.1–.6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum SignToolClass {
    /// КС1.
    Kc1,
    /// КС2.
    Kc2,
    /// КС3.
    Kc3,
    /// КВ1.
    Kb1,
    /// КВ2.
    Kb2,
    /// КА1.
    Ka1,
}

impl SignToolClass {
    /// The class a certificate policy identifier stands for.
    pub fn from_policy(oid: &const_oid::ObjectIdentifier) -> Option<Self> {
        [
            (oids::CLASS_KC1, Self::Kc1),
            (oids::CLASS_KC2, Self::Kc2),
            (oids::CLASS_KC3, Self::Kc3),
            (oids::CLASS_KB1, Self::Kb1),
            (oids::CLASS_KB2, Self::Kb2),
            (oids::CLASS_KA1, Self::Ka1),
        ]
        .iter()
        .find(|(o, _)| o == oid)
        .map(|(_, c)| *c)
    }

    /// The name users know: КС1 … КА1.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Kc1 => "КС1",
            Self::Kc2 => "КС2",
            Self::Kc3 => "КС3",
            Self::Kb1 => "КВ1",
            Self::Kb2 => "КВ2",
            Self::Ka1 => "КА1",
        }
    }
}

/// Who holds a certificate, from its subject and extensions.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(
    feature = "uniffi",
    derive(uniffi::Record),
    uniffi(name = "CertificateHolder")
)]
pub struct Holder {
    /// commonName.
    pub common_name: Option<String>,
    /// surname (SN).
    pub surname: Option<String>,
    /// givenName (GN): first name and patronymic.
    pub given_name: Option<String>,
    /// organizationName (O).
    pub organization: Option<String>,
    /// title.
    pub title: Option<String>,
    /// emailAddress.
    pub email: Option<String>,
    /// ИНН (of the person, 12 digits; or 10 digits of an organization in older certificates).
    pub inn: Option<String>,
    /// ИННЮЛ (10 digits).
    pub inn_le: Option<String>,
    /// ОГРН (13 digits).
    pub ogrn: Option<String>,
    /// ОГРНИП (15 digits).
    pub ogrnip: Option<String>,
    /// СНИЛС (11 digits).
    pub snils: Option<String>,
    /// subjectSignTool: the holder's signature tool.
    pub subject_sign_tool: Option<String>,
    /// Whether issuerSignTool is present.
    pub issuer_sign_tool: bool,
    /// The sign-tool classes from the certificate policies, strongest last.
    pub sign_tool_classes: Vec<SignToolClass>,
}

fn digits(value: String) -> String {
    value.chars().filter(char::is_ascii_digit).collect()
}

impl Holder {
    /// Reads the holder of a certificate.
    pub fn of(cert: &ParsedCertificate) -> Self {
        let subject = &cert.certificate().tbs_certificate.subject;
        let first = |oid| first_attribute_value(subject, &oid);
        let mut inn = first(oids::INN).map(digits);
        let mut inn_le = first(oids::INNLE).map(digits);
        if inn_le.is_none() {
            if let Some(legacy) = inn
                .as_deref()
                .and_then(|i| i.strip_prefix("00"))
                .filter(|i| i.len() == 10)
            {
                inn_le = Some(legacy.to_owned());
                inn = None;
            }
        }
        let ext = cert.extensions();
        let mut sign_tool_classes: Vec<SignToolClass> = ext
            .policies
            .iter()
            .filter_map(SignToolClass::from_policy)
            .collect();
        sign_tool_classes.sort();
        sign_tool_classes.dedup();
        Self {
            common_name: first(oids::CN),
            surname: first(oids::SURNAME),
            given_name: first(oids::GIVEN_NAME),
            organization: first(oids::O),
            title: first(oids::TITLE),
            email: first(oids::EMAIL),
            inn,
            inn_le,
            ogrn: first(oids::OGRN).map(digits),
            ogrnip: first(oids::OGRNIP).map(digits),
            snils: first(oids::SNILS).map(digits),
            subject_sign_tool: ext.subject_sign_tool.clone(),
            issuer_sign_tool: ext.has_issuer_sign_tool,
            sign_tool_classes,
        }
    }

    /// The strongest sign-tool class listed.
    pub fn sign_tool_class(&self) -> Option<SignToolClass> {
        self.sign_tool_classes.last().copied()
    }

    /// Whether the subject names a legal entity (ИННЮЛ or ОГРН).
    pub fn is_legal_entity(&self) -> bool {
        self.inn_le.is_some() || self.ogrn.is_some()
    }

    /// The identity the access rules know a signer by, from the identifiers
    /// of the subject; a value that fails its checksum is left out.
    pub fn signer_identity(&self) -> SignerIdentity {
        let parse = |v: &Option<String>| v.as_deref().and_then(|v| Inn::parse(v).ok());
        SignerIdentity {
            snils: self.snils.as_deref().and_then(|v| Snils::parse(v).ok()),
            inn: parse(&self.inn),
            organization_inn: parse(&self.inn_le),
            ogrn: self.ogrn.as_deref().and_then(|v| Ogrn::parse(v).ok()),
            ogrnip: self.ogrnip.as_deref().and_then(|v| Ogrnip::parse(v).ok()),
        }
    }

    /// Whether the subject names an individual entrepreneur (ОГРНИП).
    pub fn is_entrepreneur(&self) -> bool {
        self.ogrnip.is_some()
    }
}
