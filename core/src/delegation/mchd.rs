//! Export and import of powers of attorney as JSON whose keys mirror the
//! fields of the machine-readable power of attorney (МЧД, FNS format EMCHD_1).
//!
//! # Mapping
//!
//! | JSON key | МЧД meaning | field of [`PowerOfAttorney`] |
//! |---|---|---|
//! | `ВерсФорм` | format version, always `EMCHD_1` | — |
//! | `СвДов.НомДовер` | number (UUID) | `number` |
//! | `СвДов.ВнНомДовер` | internal number | `internal_number` |
//! | `СвДов.ДатаВыдДов` | date of issue (RFC 3339 instant) | `issued_at` |
//! | `СвДов.ДатаНачДейст` | start of validity, inclusive | `valid_from` |
//! | `СвДов.СрокДейст` | end of validity, exclusive | `valid_until` |
//! | `СвДов.ПрПередов` | re-delegation: `1` none, `2` once, `3` successive | `redelegation` |
//! | `СвДов.ПрБезотзыв` | `1` irrevocable, `0` revocable | `irrevocable` |
//! | `СвДов.НомРодДовер` | number of the power it was re-delegated from | `parent` |
//! | `СвДов.УрПередов` | depth of re-delegation (0 for a first power) | `depth` |
//! | `СвДоверит.ИННЮЛ`, `СвДоверит.ОГРН` | the principal organization | `principal` |
//! | `СвЛицПодп.СНИЛС`, `СвЛицПодп.ИННФЛ` | the person who signed | `issuer` |
//! | `СвУпПред.СНИЛС`, `СвУпПред.ИННФЛ` | the representative | `representative` |
//! | `СвУпПред.ИННЮЛ`, `СвУпПред.ОГРН` | the organization the representative acts through | `representative.acting_for` |
//! | `СвПолн[].КодПолн`, `СвПолн[].НаимПолн` | powers: codes (our rights catalog) and names | `powers` |
//!
//! Instants are written as RFC 3339 timestamps rather than the МЧД's dates,
//! so that the exact boundaries survive. Powers are coded with the rights
//! catalog of kabinet, not the federal classifier of powers. A
//! representative known by account is exported by that account's СНИЛС and
//! ИНН and comes back as a person identified by them: the account carrying
//! them acts under it just the same. The principal is found again by its
//! ИНН (and ОГРН when given), the signer by СНИЛС (or ИНН).
//!
//! Import validates every field and returns a coded [`MchdError`]; the
//! result is then registered with `Command::ImportPower`, which checks the
//! rules of the chain.

use super::power::{
    PowerNumber, PowerOfAttorney, PowerStatus, Redelegation, Representative,
    RepresentingOrganization,
};
use super::world::DelegationWorld;
use super::PowerQueries;
use crate::coded::Coded;
use crate::identifiers::{IdentifierError, Inn, Ogrn, Snils};
use crate::rights::{Right, RightSet};
use crate::Timestamp;
use serde::{Deserialize, Serialize};

/// Largest JSON accepted, in bytes: an МЧД with the whole rights catalog
/// takes about 4 KiB; 64 KiB leaves room for long names and nothing more.
pub const MAX_JSON_BYTES: usize = 64 * 1024;
/// Most entries of `СвПолн`: the rights catalog has fewer than 64 rights.
pub const MAX_POWERS: usize = 64;
/// The format version written and accepted.
pub const FORMAT: &str = "EMCHD_1";

/// A power of attorney in the shape of the МЧД.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mchd {
    /// `ВерсФорм`: the format version.
    #[serde(rename = "ВерсФорм")]
    pub format: String,
    /// `СвДов`: the document's own data.
    #[serde(rename = "СвДов")]
    pub document: MchdDocument,
    /// `СвДоверит`: the principal.
    #[serde(rename = "СвДоверит")]
    pub principal: MchdOrganization,
    /// `СвЛицПодп`: who signed.
    #[serde(rename = "СвЛицПодп")]
    pub signer: MchdPerson,
    /// `СвУпПред`: the representative.
    #[serde(rename = "СвУпПред")]
    pub representative: MchdRepresentative,
    /// `СвПолн`: the powers.
    #[serde(rename = "СвПолн")]
    pub powers: Vec<MchdPower>,
}

/// `СвДов`: number, dates, marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // each field is named in the module's mapping table
pub struct MchdDocument {
    #[serde(rename = "НомДовер")]
    pub number: String,
    #[serde(
        rename = "ВнНомДовер",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub internal_number: Option<String>,
    #[serde(rename = "ДатаВыдДов")]
    pub issued_at: String,
    #[serde(rename = "ДатаНачДейст")]
    pub valid_from: String,
    #[serde(rename = "СрокДейст")]
    pub valid_until: String,
    #[serde(rename = "ПрПередов")]
    pub redelegation: String,
    #[serde(rename = "ПрБезотзыв")]
    pub irrevocable: String,
    #[serde(
        rename = "НомРодДовер",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub parent: Option<String>,
    #[serde(rename = "УрПередов", default)]
    pub depth: u8,
}

/// An organization: ИНН and ОГРН.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MchdOrganization {
    #[serde(rename = "ИННЮЛ")]
    pub inn: String,
    #[serde(rename = "ОГРН", default, skip_serializing_if = "Option::is_none")]
    pub ogrn: Option<String>,
}

/// A person: СНИЛС and ИНН.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MchdPerson {
    #[serde(rename = "СНИЛС", default, skip_serializing_if = "Option::is_none")]
    pub snils: Option<String>,
    #[serde(rename = "ИННФЛ", default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
}

/// The representative: a person, possibly acting through an organization.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MchdRepresentative {
    #[serde(rename = "СНИЛС", default, skip_serializing_if = "Option::is_none")]
    pub snils: Option<String>,
    #[serde(rename = "ИННФЛ", default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
    #[serde(rename = "ИННЮЛ", default, skip_serializing_if = "Option::is_none")]
    pub organization_inn: Option<String>,
    #[serde(rename = "ОГРН", default, skip_serializing_if = "Option::is_none")]
    pub organization_ogrn: Option<String>,
}

/// One power: its code and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct MchdPower {
    #[serde(rename = "КодПолн")]
    pub code: String,
    #[serde(rename = "НаимПолн", default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl MchdPower {
    /// The powers of a document giving `rights`: each right's code with its
    /// Russian title, in catalog order.
    pub fn list(rights: RightSet) -> Vec<Self> {
        rights
            .iter()
            .map(|r| Self {
                code: r.code().to_owned(),
                name: Some(r.title_ru().to_owned()),
            })
            .collect()
    }
}

/// Why a power of attorney could not be exported or imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MchdError {
    /// The JSON is larger than [`MAX_JSON_BYTES`].
    #[error("the document is {size} bytes, more than {max}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// The JSON does not have the shape of the МЧД (syntax, a missing or unknown key).
    #[error("the document is malformed: {detail}")]
    Malformed {
        /// What the parser said.
        detail: String,
    },
    /// The format version is not `EMCHD_1`.
    #[error("unsupported format {found}")]
    Format {
        /// The version found.
        found: String,
    },
    /// A field has a value outside its domain.
    #[error("field {field} has an invalid value")]
    BadField {
        /// The JSON key.
        field: &'static str,
    },
    /// An identifier (ИНН, ОГРН, СНИЛС) is invalid.
    #[error("field {field}: {error}")]
    BadIdentifier {
        /// The JSON key.
        field: &'static str,
        /// The identifier's own error.
        error: IdentifierError,
    },
    /// A power's code is not in the rights catalog.
    #[error("unknown power code {code}")]
    UnknownPower {
        /// The code.
        code: String,
    },
    /// No active organization of the directory has the principal's ИНН (and ОГРН).
    #[error("the principal organization is not in the directory")]
    PrincipalUnknown,
    /// No account of the directory carries the signer's СНИЛС or ИНН.
    #[error("the signer is not in the directory")]
    SignerUnknown,
    /// The representative (or the signer, on export) has neither СНИЛС nor ИНН.
    #[error("a person is identified by neither СНИЛС nor ИНН")]
    Unidentified,
    /// No power of attorney has the number asked to export.
    #[error("power of attorney {number} not found")]
    NotFound {
        /// The number.
        number: PowerNumber,
    },
}

impl Coded for MchdError {
    fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "mchd.too_large",
            Self::Malformed { .. } => "mchd.malformed",
            Self::Format { .. } => "mchd.format",
            Self::BadField { .. } => "mchd.bad_field",
            Self::BadIdentifier { .. } => "mchd.bad_identifier",
            Self::UnknownPower { .. } => "mchd.unknown_power",
            Self::PrincipalUnknown => "mchd.principal_unknown",
            Self::SignerUnknown => "mchd.signer_unknown",
            Self::Unidentified => "mchd.unidentified",
            Self::NotFound { .. } => "mchd.not_found",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::TooLarge { size, max } => {
                format!("размер документа {size} байт превышает {max}")
            }
            Self::Malformed { detail } => format!("документ не соответствует формату: {detail}"),
            Self::Format { found } => format!("неподдерживаемая версия формата {found}"),
            Self::BadField { field } => format!("недопустимое значение поля {field}"),
            Self::BadIdentifier { field, error } => {
                format!("поле {field}: {}", error.message_ru())
            }
            Self::UnknownPower { code } => format!("неизвестный код полномочия {code}"),
            Self::PrincipalUnknown => "организация-доверитель не найдена".into(),
            Self::SignerUnknown => "лицо, подписавшее доверенность, не найдено".into(),
            Self::Unidentified => "лицо не указано ни по СНИЛС, ни по ИНН".into(),
            Self::NotFound { number } => format!("доверенность {number} не найдена"),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::BadIdentifier { field, error } => {
                format!("field {field}: {}", error.message_en())
            }
            other => other.to_string(),
        }
    }
}

impl Mchd {
    /// Reads the JSON form of an МЧД, checking its size and shape only (the
    /// fields are validated when it is imported or presented).
    ///
    /// # Errors
    /// [`MchdError::TooLarge`] beyond [`MAX_JSON_BYTES`];
    /// [`MchdError::Malformed`] when it does not have the shape of the МЧД.
    pub fn from_json(json: &str) -> Result<Mchd, MchdError> {
        if json.len() > MAX_JSON_BYTES {
            return Err(MchdError::TooLarge {
                size: json.len(),
                max: MAX_JSON_BYTES,
            });
        }
        serde_json::from_str(json).map_err(|e| MchdError::Malformed {
            detail: e.to_string(),
        })
    }
}

fn parse_time(field: &'static str, s: &str) -> Result<Timestamp, MchdError> {
    s.parse().map_err(|_| MchdError::BadField { field })
}

fn ident<T>(
    field: &'static str,
    s: Option<&str>,
    parse: impl Fn(&str) -> Result<T, IdentifierError>,
) -> Result<Option<T>, MchdError> {
    s.map(|v| parse(v).map_err(|error| MchdError::BadIdentifier { field, error }))
        .transpose()
}

/// The МЧД form of the directory's powers of attorney: export and import.
pub(crate) trait MchdForm: DelegationWorld {
    /// The МЧД form of a power of attorney, as JSON.
    ///
    /// # Errors
    /// [`MchdError::NotFound`] for an unknown number;
    /// [`MchdError::PrincipalUnknown`] or [`MchdError::Unidentified`] when
    /// the principal, the signer or the representative cannot be named by
    /// their requisites.
    fn export_power(&self, number: PowerNumber) -> Result<String, MchdError> {
        let mchd = self.power_as_mchd(number)?;
        serde_json::to_string_pretty(&mchd).map_err(|e| MchdError::Malformed {
            detail: e.to_string(),
        })
    }

    /// The МЧД form of a power of attorney.
    ///
    /// # Errors
    /// As [`crate::Directory::export_power`].
    fn power_as_mchd(&self, number: PowerNumber) -> Result<Mchd, MchdError> {
        let p = self.power(number).ok_or(MchdError::NotFound { number })?;
        let org = self
            .organization(p.principal)
            .ok_or(MchdError::PrincipalUnknown)?;
        let signer = self.account(p.issuer).ok_or(MchdError::SignerUnknown)?;
        let person = |snils: Option<&Snils>, inn: Option<&Inn>| -> Result<MchdPerson, MchdError> {
            if snils.is_none() && inn.is_none() {
                return Err(MchdError::Unidentified);
            }
            Ok(MchdPerson {
                snils: snils.map(|s| s.as_str().to_owned()),
                inn: inn.map(|i| i.as_str().to_owned()),
            })
        };
        let signer = person(signer.snils.as_ref(), signer.inn.as_ref())?;
        let representative = match &p.representative {
            Representative::Account { account } => {
                let a = self.account(*account).ok_or(MchdError::Unidentified)?;
                let who = person(a.snils.as_ref(), a.inn.as_ref())?;
                MchdRepresentative {
                    snils: who.snils,
                    inn: who.inn,
                    organization_inn: None,
                    organization_ogrn: None,
                }
            }
            Representative::Person {
                snils,
                inn,
                acting_for,
            } => {
                let who = person(snils.as_ref(), inn.as_ref())?;
                MchdRepresentative {
                    snils: who.snils,
                    inn: who.inn,
                    organization_inn: acting_for.as_ref().map(|f| f.inn.as_str().to_owned()),
                    organization_ogrn: acting_for
                        .as_ref()
                        .and_then(|f| f.ogrn.as_ref())
                        .map(|o| o.as_str().to_owned()),
                }
            }
        };
        Ok(Mchd {
            format: FORMAT.to_owned(),
            document: MchdDocument {
                number: p.number.to_string(),
                internal_number: p.internal_number.clone(),
                issued_at: p.issued_at.to_string(),
                valid_from: p.valid_from.to_string(),
                valid_until: p.valid_until.to_string(),
                redelegation: match p.redelegation {
                    Redelegation::None => "1",
                    Redelegation::Once => "2",
                    Redelegation::Successive => "3",
                }
                .to_owned(),
                irrevocable: if p.irrevocable { "1" } else { "0" }.to_owned(),
                parent: p.parent.map(|n| n.to_string()),
                depth: p.depth,
            },
            principal: MchdOrganization {
                inn: org.requisites.inn.as_str().to_owned(),
                ogrn: org.requisites.ogrn.as_ref().map(|o| o.as_str().to_owned()),
            },
            signer,
            representative,
            powers: MchdPower::list(p.powers),
        })
    }

    /// Reads a power of attorney from its МЧД JSON, validating every field
    /// and finding the principal and the signer in the directory. The result
    /// is registered with `Command::ImportPower`, which checks the chain.
    ///
    /// # Errors
    /// An [`MchdError`] naming the field at fault.
    fn import_power(&self, json: &str) -> Result<PowerOfAttorney, MchdError> {
        self.power_from_mchd(&Mchd::from_json(json)?)
    }

    /// A power of attorney from its МЧД form; see [`crate::Directory::import_power`].
    ///
    /// # Errors
    /// An [`MchdError`] naming the field at fault.
    fn power_from_mchd(&self, m: &Mchd) -> Result<PowerOfAttorney, MchdError> {
        self.read_mchd(m, |dir| dir.find_principal(&m.principal))
    }

    /// Reads every field of an МЧД, finding the principal with `principal`
    /// (after the document's own fields, so errors come in field order) and
    /// the signer among the directory's accounts.
    fn read_mchd(
        &self,
        m: &Mchd,
        principal: impl FnOnce(&Self) -> Result<crate::ids::OrgId, MchdError>,
    ) -> Result<PowerOfAttorney, MchdError> {
        if m.format != FORMAT {
            return Err(MchdError::Format {
                found: m.format.chars().take(32).collect(),
            });
        }
        let d = &m.document;
        let number = d
            .number
            .parse::<PowerNumber>()
            .map_err(|_| MchdError::BadField {
                field: "НомДовер"
            })?;
        let parent = d
            .parent
            .as_deref()
            .map(|p| p.parse::<PowerNumber>())
            .transpose()
            .map_err(|_| MchdError::BadField {
                field: "НомРодДовер",
            })?;
        if let Some(n) = &d.internal_number {
            let len = n.trim().chars().count();
            if len == 0 || len > super::rules::MAX_INTERNAL_NUMBER {
                return Err(MchdError::BadField {
                    field: "ВнНомДовер",
                });
            }
        }
        let issued_at = parse_time("ДатаВыдДов", &d.issued_at)?;
        let valid_from = parse_time("ДатаНачДейст", &d.valid_from)?;
        let valid_until = parse_time("СрокДейст", &d.valid_until)?;
        if valid_until <= valid_from {
            return Err(MchdError::BadField {
                field: "СрокДейст"
            });
        }
        let redelegation = match d.redelegation.as_str() {
            "1" => Redelegation::None,
            "2" => Redelegation::Once,
            "3" => Redelegation::Successive,
            _ => {
                return Err(MchdError::BadField {
                    field: "ПрПередов"
                })
            }
        };
        let irrevocable = match d.irrevocable.as_str() {
            "0" => false,
            "1" => true,
            _ => {
                return Err(MchdError::BadField {
                    field: "ПрБезотзыв",
                })
            }
        };
        if (parent.is_none()) != (d.depth == 0) {
            return Err(MchdError::BadField {
                field: "УрПередов"
            });
        }
        let principal = principal(self)?;
        let issuer = self.find_signer(&m.signer)?;
        let r = &m.representative;
        let snils = ident("СвУпПред.СНИЛС", r.snils.as_deref(), Snils::parse)?;
        let inn = ident("СвУпПред.ИННФЛ", r.inn.as_deref(), Inn::parse)?;
        if snils.is_none() && inn.is_none() {
            return Err(MchdError::Unidentified);
        }
        let firm_inn = ident("СвУпПред.ИННЮЛ", r.organization_inn.as_deref(), Inn::parse)?;
        let firm_ogrn = ident("СвУпПред.ОГРН", r.organization_ogrn.as_deref(), Ogrn::parse)?;
        let acting_for = match (firm_inn, firm_ogrn) {
            (Some(inn), ogrn) => Some(RepresentingOrganization { inn, ogrn }),
            (None, Some(_)) => {
                return Err(MchdError::BadField {
                    field: "СвУпПред.ИННЮЛ",
                })
            }
            (None, None) => None,
        };
        if m.powers.len() > MAX_POWERS {
            return Err(MchdError::BadField {
                field: "СвПолн"
            });
        }
        let mut powers = RightSet::EMPTY;
        for p in &m.powers {
            let right = Right::from_code(&p.code).ok_or_else(|| MchdError::UnknownPower {
                code: p.code.chars().take(64).collect(),
            })?;
            powers = powers.with(right);
        }
        if powers.is_empty() {
            return Err(MchdError::BadField {
                field: "СвПолн"
            });
        }
        Ok(PowerOfAttorney {
            number,
            internal_number: d.internal_number.as_ref().map(|n| n.trim().to_owned()),
            issued_at,
            valid_from,
            valid_until,
            principal,
            issuer,
            parent,
            depth: d.depth,
            representative: Representative::Person {
                snils,
                inn,
                acting_for,
            },
            powers,
            irrevocable,
            redelegation,
            status: PowerStatus::InForce,
        })
    }

    fn find_principal(&self, o: &MchdOrganization) -> Result<crate::ids::OrgId, MchdError> {
        let (inn, ogrn) = principal_identifiers(o)?;
        self.organizations_by_inn(&inn)
            .into_iter()
            .find(|org| {
                org.is_active()
                    && ogrn
                        .as_ref()
                        .is_none_or(|g| org.requisites.ogrn.as_ref() == Some(g))
            })
            .map(|org| org.id)
            .ok_or(MchdError::PrincipalUnknown)
    }

    fn find_signer(&self, p: &MchdPerson) -> Result<crate::ids::AccountId, MchdError> {
        let snils = ident("СвЛицПодп.СНИЛС", p.snils.as_deref(), Snils::parse)?;
        let inn = ident("СвЛицПодп.ИННФЛ", p.inn.as_deref(), Inn::parse)?;
        match (snils, inn) {
            // An account found by СНИЛС that carries another ИНН than the
            // document names is not the signer.
            (Some(s), i) => self
                .account_by_snils(&s)
                .filter(|a| i.is_none() || a.inn.is_none() || a.inn == i)
                .map(|a| a.id),
            (None, Some(i)) => self.account_by_inn(&i).map(|a| a.id),
            (None, None) => return Err(MchdError::Unidentified),
        }
        .ok_or(MchdError::SignerUnknown)
    }
}

impl<W: DelegationWorld + ?Sized> MchdForm for W {}

/// The principal's ИНН and ОГРН as the document names them.
pub(crate) fn principal_identifiers(
    o: &MchdOrganization,
) -> Result<(Inn, Option<Ogrn>), MchdError> {
    let inn = Inn::parse(&o.inn).map_err(|error| MchdError::BadIdentifier {
        field: "СвДоверит.ИННЮЛ",
        error,
    })?;
    let ogrn = ident("СвДоверит.ОГРН", o.ogrn.as_deref(), Ogrn::parse)?;
    Ok((inn, ogrn))
}
