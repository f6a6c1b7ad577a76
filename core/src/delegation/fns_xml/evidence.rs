//! From a verified FNS power of attorney to the directory's evidence: the
//! МЧД form ([`Mchd`]) that `Command::ImportPower` registers (through
//! [`crate::Directory::power_from_mchd`]) and `Command::SubmitOrganizationByPower`
//! presents. Decisions taken under it then name its registry number
//! (`НомДовер`) in their chain.
//!
//! # What is taken, and from where
//! - **Only an authentic document**: a [`SignedPowerReport`] that is valid
//!   (signature, signatory of the principal, qualified certificate) and not
//!   expired at the time it was verified.
//! - **The issuer** is the person whose certificate signed for the
//!   principal: the СНИЛС and personal ИНН of that certificate, which the
//!   verification matched to the document. The directory must hold their
//!   account (the signer is the one who answers for the power).
//! - **The principal**: a Russian organization (by ИННЮЛ and ОГРН) or an
//!   entrepreneur (by ИНН) for an original power; for a re-delegation
//!   (`Передов`), the principal of the power it is made from
//!   (`НомДоверN`, else `НомДоверПерв`), which must be in the directory,
//!   its depth one more than that power's.
//! - **The representative**: exactly one, a person — an individual, an
//!   entrepreneur, or the person named for a Russian organization or branch
//!   (who then acts through it).
//! - **The term**: from the date of issue 00:00 to the day after the last
//!   day 00:00, Moscow time ([`FnsPowerOfAttorney::term`]).
//! - **The powers**: the classifier codes (`КодПолн`) are the federal
//!   classifiers', not kabinet's rights, and DOMAIN gives no table between
//!   them: the host supplies one ([`PowerClassifier`]). A code the table
//!   does not know grants nothing and is reported; a code carrying
//!   restrictions (`ОгрСвПолн`), which kabinet does not interpret, grants
//!   nothing and is reported — granting the whole right would give more
//!   than the principal gave. Text powers (`ТекстПолн`) grant nothing.
//!   Nobody gains a right the document and the table do not both give.
//!
//! The registry status (revoked at the FNS or not) cannot be known offline;
//! [`PowerEvidence::registry_url`] says where the host asks.

use std::collections::BTreeMap;

use super::model::{FnsPowerOfAttorney, Party, Person, Principal};
use super::signed::{SignedPowerReport, TermState};
use super::DocumentKind;
use crate::delegation::mchd::{
    MchdDocument, MchdOrganization, MchdPerson, MchdPower, MchdRepresentative, FORMAT,
};
use crate::delegation::{DelegationWorld, PowerQueries};
use crate::delegation::{Mchd, PowerNumber, Redelegation};
use crate::rights::{Right, RightSet};
use crate::Coded;
use serde::Serialize;

/// Largest classifier table read as JSON, in bytes.
pub const MAX_CLASSIFIER_BYTES: usize = 1024 * 1024;
/// Most codes in a classifier table: the federal classifiers hold a few
/// thousand powers together.
pub const MAX_CLASSIFIER_CODES: usize = 10_000;
/// Longest code in a classifier table, in characters.
pub const MAX_CODE_CHARS: usize = 255;

/// The host's table from classifier codes of powers (`КодПолн`) to the
/// rights of kabinet.
///
/// As JSON: one object, each key a code and each value the list of right
/// codes it gives (`{"BBDOCS_0001": ["documents.view"], "2_FNS_0007": []}`;
/// an empty list says the code is known and gives nothing). A key given
/// twice, an unknown right, a table over the bounds is refused.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PowerClassifier {
    codes: BTreeMap<String, RightSet>,
}

impl PowerClassifier {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// The table with `code` giving `rights` (replacing what it gave).
    #[must_use]
    pub fn with(mut self, code: impl Into<String>, rights: RightSet) -> Self {
        self.codes.insert(code.into(), rights);
        self
    }

    /// What `code` gives, when the table knows it.
    pub fn rights_of(&self, code: &str) -> Option<RightSet> {
        self.codes.get(code).copied()
    }

    /// How many codes the table knows.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// Whether the table knows no code.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }

    /// Reads the JSON form (see the type).
    ///
    /// # Errors
    /// [`EvidenceError::Classifier`] naming what is wrong.
    pub fn from_json(text: &str) -> Result<Self, EvidenceError> {
        let bad = |detail: String| EvidenceError::Classifier { detail };
        if text.len() > MAX_CLASSIFIER_BYTES {
            return Err(bad(format!(
                "{} bytes, more than {MAX_CLASSIFIER_BYTES}",
                text.len()
            )));
        }
        let Entries(entries) = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        let mut table = Self::new();
        for (code, rights) in entries {
            let shown: String = code.chars().take(64).collect();
            if code.trim().is_empty() || code.chars().count() > MAX_CODE_CHARS {
                return Err(bad(format!("code \"{shown}\" is empty or too long")));
            }
            let mut set = RightSet::EMPTY;
            for r in &rights {
                let right = Right::from_code(r).ok_or_else(|| {
                    let r: String = r.chars().take(64).collect();
                    bad(format!("code \"{shown}\" names the unknown right \"{r}\""))
                })?;
                set = set.with(right);
            }
            if table.codes.insert(code, set).is_some() {
                return Err(bad(format!("code \"{shown}\" is given twice")));
            }
        }
        Ok(table)
    }
}

/// The entries of the JSON object in order, duplicates kept (serde's maps
/// keep the last silently), at most [`MAX_CLASSIFIER_CODES`].
struct Entries(Vec<(String, Vec<String>)>);

impl<'de> serde::Deserialize<'de> for Entries {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Entries;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object from classifier codes to lists of rights")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Entries, A::Error> {
                let mut out = Vec::new();
                while let Some(entry) = map.next_entry::<String, Vec<String>>()? {
                    if out.len() == MAX_CLASSIFIER_CODES {
                        return Err(serde::de::Error::custom(format!(
                            "more than {MAX_CLASSIFIER_CODES} codes"
                        )));
                    }
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }
        d.deserialize_map(Visit)
    }
}

/// One classifier code of the document and what it gives.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct MappedPower {
    /// `КодПолн`.
    pub code: String,
    /// The rights the table gives for it.
    pub rights: RightSet,
}

/// A verified power as evidence for the directory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PowerEvidence {
    /// The МЧД form, for `power_from_mchd` + `Command::ImportPower`, or
    /// `Command::SubmitOrganizationByPower`.
    pub mchd: Mchd,
    /// The codes that give rights, in document order.
    pub granted: Vec<MappedPower>,
    /// Codes the table does not know: they give nothing.
    pub unmapped: Vec<String>,
    /// Codes with restrictions (`ОгрСвПолн`): they give nothing.
    pub restricted: Vec<String>,
    /// Whether the document states its powers as text (`ТекстПолн`), which
    /// give nothing.
    pub text_powers: bool,
    /// Where the registry status of the power is checked (`СведСист`).
    pub registry_url: String,
}

/// Why a verified power cannot serve as evidence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.message_en())]
#[non_exhaustive]
pub enum EvidenceError {
    /// The classifier table is not its documented JSON form (`mchd_evidence.classifier`).
    Classifier {
        /// What is wrong.
        detail: String,
    },
    /// The document is not authentic (`mchd_evidence.not_authentic`).
    NotAuthentic {
        /// The codes of the report's problems.
        problems: Vec<String>,
    },
    /// The power had expired when it was verified (`mchd_evidence.expired`).
    Expired,
    /// More than one principal (`mchd_evidence.several_principals`): a
    /// power of the directory has one.
    SeveralPrincipals,
    /// A principal the directory does not hold (`mchd_evidence.principal_kind`):
    /// a foreign organization, an individual, or an organization without ИНН.
    PrincipalKind {
        /// `foreign_organization`, `individual`, `no_inn`.
        kind: &'static str,
    },
    /// Not exactly one representative (`mchd_evidence.representatives`).
    Representatives {
        /// How many the document names.
        count: usize,
    },
    /// The representative is an organization naming no person to act for
    /// it, or a foreign one (`mchd_evidence.representative_kind`).
    RepresentativeKind,
    /// A re-delegation from a power the directory does not hold
    /// (`mchd_evidence.parent_unknown`).
    ParentUnknown {
        /// The number the document names, if any.
        number: Option<PowerNumber>,
    },
    /// No code gives a right (`mchd_evidence.no_rights`).
    NoRights {
        /// Codes unknown to the table.
        unmapped: usize,
        /// Codes with restrictions.
        restricted: usize,
    },
}

impl Coded for EvidenceError {
    fn code(&self) -> &'static str {
        match self {
            Self::Classifier { .. } => "mchd_evidence.classifier",
            Self::NotAuthentic { .. } => "mchd_evidence.not_authentic",
            Self::Expired => "mchd_evidence.expired",
            Self::SeveralPrincipals => "mchd_evidence.several_principals",
            Self::PrincipalKind { .. } => "mchd_evidence.principal_kind",
            Self::Representatives { .. } => "mchd_evidence.representatives",
            Self::RepresentativeKind => "mchd_evidence.representative_kind",
            Self::ParentUnknown { .. } => "mchd_evidence.parent_unknown",
            Self::NoRights { .. } => "mchd_evidence.no_rights",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Classifier { detail } => format!("таблица классификатора полномочий неверна: {detail}"),
            Self::NotAuthentic { problems } => {
                format!("доверенность не подлинная ({})", problems.join(", "))
            }
            Self::Expired => "срок доверенности истёк к моменту проверки".into(),
            Self::SeveralPrincipals => "у доверенности несколько доверителей, а в справочнике доверитель один".into(),
            Self::PrincipalKind { kind } => format!("доверитель такого вида не ведётся в справочнике ({kind})"),
            Self::Representatives { count } => {
                format!("нужен ровно один представитель, в документе {count}")
            }
            Self::RepresentativeKind => "представитель — организация без указанного лица, действующего от её имени, или иностранная организация".into(),
            Self::ParentUnknown { number: Some(n) } => {
                format!("доверенность {n}, из которой передоверено, не зарегистрирована")
            }
            Self::ParentUnknown { number: None } => "в передоверии не указан номер исходной доверенности".into(),
            Self::NoRights { unmapped, restricted } => format!(
                "ни одно полномочие не даёт прав: неизвестных таблице кодов {unmapped}, с ограничениями {restricted}"
            ),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::Classifier { detail } => format!("the classifier table is not valid: {detail}"),
            Self::NotAuthentic { problems } => {
                format!("the power is not authentic ({})", problems.join(", "))
            }
            Self::Expired => "the power had expired when it was verified".into(),
            Self::SeveralPrincipals => "the power has several principals; the directory's powers have one".into(),
            Self::PrincipalKind { kind } => format!("the directory holds no principal of this kind ({kind})"),
            Self::Representatives { count } => {
                format!("exactly one representative is needed, the document names {count}")
            }
            Self::RepresentativeKind => "the representative is an organization naming no person to act for it, or a foreign one".into(),
            Self::ParentUnknown { number: Some(n) } => {
                format!("the power {n} this one is passed on from is not registered")
            }
            Self::ParentUnknown { number: None } => "the re-delegation does not name the power it comes from".into(),
            Self::NoRights { unmapped, restricted } => format!(
                "no power gives a right: {unmapped} codes unknown to the table, {restricted} with restrictions"
            ),
        }
    }
}

/// Powers of attorney from the FNS registry as the directory's evidence.
pub(crate) trait FnsEvidence: DelegationWorld {
    /// A verified power of attorney as the directory's evidence, its powers
    /// read through the host's `classifier` (see the module).
    ///
    /// # Errors
    /// An [`EvidenceError`]; the МЧД form is then read by
    /// [`crate::Directory::power_from_mchd`], which finds the principal, the signer
    /// and checks every field with its own codes.
    fn power_evidence(
        &self,
        report: &SignedPowerReport,
        classifier: &PowerClassifier,
    ) -> Result<PowerEvidence, EvidenceError> {
        if !report.valid {
            return Err(EvidenceError::NotAuthentic {
                problems: report.problems.iter().map(|p| p.code.clone()).collect(),
            });
        }
        if report.term == TermState::Expired {
            return Err(EvidenceError::Expired);
        }
        let power = &report.power;
        let signer = report
            .signer
            .signed_by
            .first()
            .copied()
            .flatten()
            .and_then(|i| report.signature.signers.get(i))
            .and_then(|s| s.holder.as_ref())
            .ok_or_else(|| EvidenceError::NotAuthentic {
                problems: vec!["mchd_sig.not_signatory".into()],
            })?;
        let signer = MchdPerson {
            snils: signer.snils.clone(),
            inn: signer.inn.clone(),
        };
        self.evidence_of(
            power,
            signer,
            report.valid_from,
            report.valid_until,
            classifier,
        )
    }

    /// The evidence of a power signed by `signer` (already matched to the
    /// document), valid over `[from, until)`.
    fn evidence_of(
        &self,
        power: &FnsPowerOfAttorney,
        signer: MchdPerson,
        from: crate::Timestamp,
        until: crate::Timestamp,
        classifier: &PowerClassifier,
    ) -> Result<PowerEvidence, EvidenceError> {
        let (principal, parent, depth) = match &power.kind {
            DocumentKind::Original => (principal_of(&power.principals)?, None, 0),
            DocumentKind::Redelegation { first_power, .. } => {
                let number = first_power.parent.or(first_power.first);
                let parent = number
                    .and_then(|n| self.power(n))
                    .ok_or(EvidenceError::ParentUnknown { number })?;
                let org = self
                    .organization(parent.principal)
                    .ok_or(EvidenceError::ParentUnknown { number })?;
                let principal = MchdOrganization {
                    inn: org.requisites.inn.as_str().to_owned(),
                    ogrn: org.requisites.ogrn.as_ref().map(|o| o.as_str().to_owned()),
                };
                let depth = parent.depth.saturating_add(1);
                (principal, Some(parent.number), depth)
            }
        };
        let representative = representative_of(&power.representatives)?;
        let mut rights = RightSet::EMPTY;
        let (mut granted, mut unmapped, mut restricted) = (Vec::new(), Vec::new(), Vec::new());
        for p in &power.powers.codes {
            if !p.restrictions.is_empty() {
                restricted.push(p.code.clone());
                continue;
            }
            match classifier.rights_of(&p.code) {
                None => unmapped.push(p.code.clone()),
                Some(r) if r.is_empty() => {}
                Some(r) => {
                    rights = rights.union(r);
                    granted.push(MappedPower {
                        code: p.code.clone(),
                        rights: r,
                    });
                }
            }
        }
        if rights.is_empty() {
            return Err(EvidenceError::NoRights {
                unmapped: unmapped.len(),
                restricted: restricted.len(),
            });
        }
        let mchd = Mchd {
            format: FORMAT.to_owned(),
            document: MchdDocument {
                number: power.number.to_string(),
                internal_number: Some(power.internal_number.clone()),
                issued_at: from.to_string(),
                valid_from: from.to_string(),
                valid_until: until.to_string(),
                redelegation: match power.redelegation {
                    Redelegation::None => "1",
                    Redelegation::Once => "2",
                    Redelegation::Successive => "3",
                }
                .to_owned(),
                irrevocable: if power.irrevocable { "1" } else { "0" }.to_owned(),
                parent: parent.map(|n| n.to_string()),
                depth,
            },
            principal,
            signer,
            representative,
            powers: MchdPower::list(rights),
        };
        Ok(PowerEvidence {
            mchd,
            granted,
            unmapped,
            restricted,
            text_powers: power.powers.text.is_some(),
            registry_url: power.registry_url.clone(),
        })
    }
}

impl<W: DelegationWorld + ?Sized> FnsEvidence for W {}

/// The one principal of an original power, by its identifiers.
fn principal_of(principals: &[Principal]) -> Result<MchdOrganization, EvidenceError> {
    let [principal] = principals else {
        return Err(EvidenceError::SeveralPrincipals);
    };
    match principal {
        Principal::RussianOrganization { organization, .. } => {
            let inn = organization
                .inn
                .as_ref()
                .ok_or(EvidenceError::PrincipalKind { kind: "no_inn" })?;
            Ok(MchdOrganization {
                inn: inn.as_str().to_owned(),
                ogrn: organization.ogrn.as_ref().map(|o| o.as_str().to_owned()),
            })
        }
        Principal::Entrepreneur(e) => Ok(MchdOrganization {
            inn: e.inn.as_str().to_owned(),
            ogrn: None,
        }),
        Principal::ForeignOrganization { .. } => Err(EvidenceError::PrincipalKind {
            kind: "foreign_organization",
        }),
        Principal::Individual(_) => Err(EvidenceError::PrincipalKind { kind: "individual" }),
    }
}

/// The one representative, as a person acting (maybe) through an organization.
fn representative_of(parties: &[Party]) -> Result<MchdRepresentative, EvidenceError> {
    let [party] = parties else {
        return Err(EvidenceError::Representatives {
            count: parties.len(),
        });
    };
    let person = |p: &Person| MchdRepresentative {
        snils: p.snils.as_ref().map(|s| s.as_str().to_owned()),
        inn: p.inn.as_ref().map(|i| i.as_str().to_owned()),
        organization_inn: None,
        organization_ogrn: None,
    };
    match party {
        Party::Person(p) => Ok(person(p)),
        Party::Entrepreneur(e) => Ok(MchdRepresentative {
            snils: Some(e.snils.as_str().to_owned()),
            inn: Some(e.inn.as_str().to_owned()),
            organization_inn: None,
            organization_ogrn: None,
        }),
        Party::Organization {
            organization,
            person: Some(p),
        }
        | Party::Branch {
            branch: organization,
            person: Some(p),
        } => {
            let inn = organization
                .inn
                .as_ref()
                .ok_or(EvidenceError::RepresentativeKind)?;
            Ok(MchdRepresentative {
                organization_inn: Some(inn.as_str().to_owned()),
                organization_ogrn: organization.ogrn.as_ref().map(|o| o.as_str().to_owned()),
                ..person(p)
            })
        }
        Party::Organization { person: None, .. }
        | Party::Branch { person: None, .. }
        | Party::ForeignBranch { .. } => Err(EvidenceError::RepresentativeKind),
    }
}
