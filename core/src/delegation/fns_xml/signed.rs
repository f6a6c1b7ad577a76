//! A power of attorney with its detached signature: the signature over the
//! exact bytes of the file, and its signer one who may sign for the
//! principal.
//!
//! The signer must be, for each principal (each one passing the powers on,
//! for a re-delegation), one of its signatories ([`Principal::signatories`]):
//! the certificate's СНИЛС and personal ИНН equal the ones the document
//! gives for that person, and for an organization its ИННЮЛ and ОГРН equal
//! the organization's (an entrepreneur: ИНН and ОГРНИП). The certificate
//! must be valid at the signing time (the CMS default) and qualified. The
//! term of the power is then read at the time of verification: a power
//! signed while in force that has since expired is authentic and not in force.

use super::model::{FnsPowerOfAttorney, Principal};
use super::{parse_fns_power, DocumentKind, FnsXmlError};
use crate::cms::{verify_cms, CmsError, CmsOptions, CmsReport, SignerReport};
use crate::pki::russian::{match_holder, ExpectedOrganization, ExpectedPerson};
use crate::pki::{ParsedCertificate, TrustStore};
use crate::{Coded, CodedMessage, Timestamp};
use jiff::tz::{Offset, TimeZone};
use serde::Serialize;

/// Where the term of the power stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TermState {
    /// Before the date of issue.
    NotYetValid,
    /// Within the term.
    InForce,
    /// After the last day of validity.
    Expired,
}

/// Who signed, against who may sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignerMatch {
    /// Whether every principal has a signer among the valid signers who is
    /// one of its signatories.
    pub every_principal_signed: bool,
    /// For each principal, in document order, the index of the signer who
    /// signed for it (none when nobody did).
    pub signed_by: Vec<Option<usize>>,
    /// Why signers do not match, signer by signer (`holder.*` codes).
    pub mismatches: Vec<CodedMessage>,
}

/// The outcome of verifying a signed power of attorney.
#[derive(Debug, Clone, Serialize)]
pub struct SignedPowerReport {
    /// Whether the document is authentic: the signature valid over these
    /// bytes, its signer a signatory of every principal, the certificate
    /// qualified. Says nothing of the term; see `term`.
    pub valid: bool,
    /// The power read from the file.
    pub power: FnsPowerOfAttorney,
    /// The first instant it works: the date of issue at 00:00 Moscow time.
    pub valid_from: Timestamp,
    /// The first instant it no longer works: the day after its last day, 00:00 Moscow time.
    pub valid_until: Timestamp,
    /// Where its term stands at the time of verification.
    pub term: TermState,
    /// The time of verification.
    pub verified_at: Timestamp,
    /// The signature as a CMS message.
    pub signature: CmsReport,
    /// The signer against the principals.
    pub signer: SignerMatch,
    /// Why it is not valid (codes `mchd_sig.*` with both messages).
    pub problems: Vec<CodedMessage>,
}

/// Why a signed power of attorney could not be verified at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SignedPowerError {
    /// The file is not a power of attorney the library reads.
    #[error(transparent)]
    Document(#[from] FnsXmlError),
    /// The signature is not a CMS message that can be verified.
    #[error(transparent)]
    Signature(#[from] CmsError),
}

impl Coded for SignedPowerError {
    fn code(&self) -> &'static str {
        match self {
            Self::Document(e) => e.code(),
            Self::Signature(e) => e.code(),
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Document(e) => e.message_ru(),
            Self::Signature(e) => e.message_ru(),
        }
    }
    fn message_en(&self) -> String {
        match self {
            Self::Document(e) => e.message_en(),
            Self::Signature(e) => e.message_en(),
        }
    }
}

/// A problem of a signed power, coded `mchd_sig.*`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    Signature,
    NotSignatory,
    NotQualified,
}

impl Coded for Problem {
    fn code(&self) -> &'static str {
        match self {
            Self::Signature => "mchd_sig.signature_invalid",
            Self::NotSignatory => "mchd_sig.not_signatory",
            Self::NotQualified => "mchd_sig.not_qualified",
        }
    }
    fn message_ru(&self) -> String {
        match self {
            Self::Signature => "подпись доверенности недействительна (подробности в отчёте о подписи)",
            Self::NotSignatory => "доверенность подписал не тот, кто вправе действовать за доверителя без доверенности",
            Self::NotQualified => "сертификат подписанта не квалифицированный",
        }
        .into()
    }
    fn message_en(&self) -> String {
        match self {
            Self::Signature => "the power's signature is not valid (details in the signature report)",
            Self::NotSignatory => "the power was not signed by one who may act for the principal without a power of attorney",
            Self::NotQualified => "the signer's certificate is not qualified",
        }
        .into()
    }
}

/// Verifies a power of attorney file against its detached signature.
///
/// `options.validation.at` is the time of verification: the certificate is
/// validated at the signing time (by default) and the term read at `at`.
///
/// # Errors
/// A [`SignedPowerError`] when the file cannot be read as a power or the
/// signature as a CMS message; any other failure is in the report.
pub fn verify_signed_power(
    xml: &[u8],
    signature: &[u8],
    certificates: &[ParsedCertificate],
    store: &TrustStore,
    options: &CmsOptions,
) -> Result<SignedPowerReport, SignedPowerError> {
    let power = parse_fns_power(xml)?;
    let report = verify_cms(signature, Some(xml), certificates, store, options)?;
    let principals = match &power.kind {
        DocumentKind::Original => &power.principals,
        DocumentKind::Redelegation { passed_by, .. } => passed_by,
    };
    let signer = match_signers(principals, &report.signers);
    let mut problems = Vec::new();
    if !report.valid {
        problems.push(CodedMessage::of(&Problem::Signature));
    }
    if !signer.every_principal_signed {
        problems.push(CodedMessage::of(&Problem::NotSignatory));
    }
    let qualified = report
        .signers
        .iter()
        .all(|s| s.certificate.as_ref().is_some_and(|c| c.qualified));
    if !qualified {
        problems.push(CodedMessage::of(&Problem::NotQualified));
    }
    let (valid_from, valid_until) = power.term();
    let at = options.validation.at;
    let term = if at < valid_from {
        TermState::NotYetValid
    } else if at >= valid_until {
        TermState::Expired
    } else {
        TermState::InForce
    };
    Ok(SignedPowerReport {
        valid: problems.is_empty(),
        power,
        valid_from,
        valid_until,
        term,
        verified_at: at,
        signature: report,
        signer,
        problems,
    })
}

fn match_signers(principals: &[Principal], signers: &[SignerReport]) -> SignerMatch {
    let mut mismatches = Vec::new();
    let signed_by: Vec<Option<usize>> = principals
        .iter()
        .map(|principal| {
            let organization = expected_organization(principal);
            signers.iter().position(|s| {
                let Some(holder) = s.holder.as_ref().filter(|_| s.valid) else {
                    return false;
                };
                principal.signatories().iter().any(|who| {
                    if who.inn.is_none() && who.snils.is_none() {
                        return false;
                    }
                    let person = ExpectedPerson::new(who.snils, who.inn);
                    let found = match_holder(holder, organization.as_ref(), Some(&person));
                    let matched = found.is_empty() && inn_without_ogrn_matches(principal, holder);
                    mismatches.extend(found.iter().map(CodedMessage::of));
                    matched
                })
            })
        })
        .collect();
    let every_principal_signed = !principals.is_empty() && signed_by.iter().all(Option::is_some);
    if every_principal_signed {
        mismatches.clear();
    }
    mismatches.dedup();
    SignerMatch {
        every_principal_signed,
        signed_by,
        mismatches,
    }
}

/// A Russian organization named without ОГРН is matched by its ИННЮЛ alone.
fn inn_without_ogrn_matches(p: &Principal, holder: &crate::pki::Holder) -> bool {
    match p {
        Principal::RussianOrganization { organization, .. } if organization.ogrn.is_none() => {
            organization.inn.is_some()
                && holder.inn_le.as_deref() == organization.inn.as_ref().map(|i| i.as_str())
        }
        _ => true,
    }
}

fn expected_organization(p: &Principal) -> Option<ExpectedOrganization> {
    match p {
        Principal::RussianOrganization { organization, .. } => {
            let inn = organization.inn.as_ref()?;
            Some(ExpectedOrganization::legal_entity(
                inn,
                organization.ogrn.as_ref()?,
            ))
        }
        Principal::Entrepreneur(e) => Some(ExpectedOrganization::entrepreneur(&e.inn, &e.ogrnip)),
        Principal::ForeignOrganization { .. } | Principal::Individual(_) => None,
    }
}

/// Moscow time, fixed at UTC+3 since 2014: the dates of the format are Moscow dates.
fn moscow() -> TimeZone {
    TimeZone::fixed(Offset::constant(3))
}

impl FnsPowerOfAttorney {
    /// The term as instants: from the date of issue at 00:00 Moscow time
    /// (inclusive) to the day after the last day of validity at 00:00
    /// (exclusive) — a power "valid through 3 December" works all that day.
    /// Dates at the ends of the calendar saturate.
    pub fn term(&self) -> (Timestamp, Timestamp) {
        let start = |d: jiff::civil::Date| {
            d.to_zoned(moscow())
                .map(|z| z.timestamp())
                .unwrap_or(Timestamp::MAX)
        };
        let until = self
            .valid_through
            .tomorrow()
            .map(start)
            .unwrap_or(Timestamp::MAX);
        (start(self.issued_on), until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delegation::fns_xml::{Executive, FullName, Organization, Person};
    use crate::identifiers::{Inn, Kpp, Ogrn, Snils};
    use crate::pki::Holder;

    const ORG_INN: &str = "7707083893";
    const ORG_OGRN: &str = "1027700132195";
    const HEAD_INN: &str = "770712345633";
    const HEAD_SNILS: &str = "11223344595";

    fn company(executives: Vec<Executive>) -> Principal {
        Principal::RussianOrganization {
            organization: Organization {
                name: "ООО".into(),
                inn: Some(Inn::parse(ORG_INN).unwrap()),
                kpp: Kpp::parse("773601001").unwrap(),
                ogrn: Some(Ogrn::parse(ORG_OGRN).unwrap()),
            },
            executives,
        }
    }

    fn head() -> Executive {
        Executive::Person {
            acts_alone: true,
            person: Person {
                inn: Some(Inn::parse(HEAD_INN).unwrap()),
                snils: Some(Snils::parse(HEAD_SNILS).unwrap()),
                position: None,
                name: FullName {
                    surname: "Петров".into(),
                    given: "Иван".into(),
                    patronymic: None,
                },
                birth_date: None,
            },
        }
    }

    fn holder(inn_le: &str, ogrn: &str, inn: &str, snils: &str) -> Holder {
        Holder {
            inn_le: Some(inn_le.into()),
            ogrn: Some(ogrn.into()),
            inn: Some(inn.into()),
            snils: Some(snils.into()),
            ..Holder::default()
        }
    }

    fn signer(valid: bool, holder: Holder) -> SignerReport {
        SignerReport {
            valid,
            signer_id: "ski=00".into(),
            holder: Some(holder),
            subject: None,
            signing_time: None,
            certificate_checked_at: Timestamp::UNIX_EPOCH,
            digest_algorithm: "streebog256".into(),
            signature_algorithm: "gost2012-256".into(),
            signed_attributes: true,
            problems: Vec::new(),
            certificate: None,
            timestamps: Vec::new(),
        }
    }

    fn codes(m: &SignerMatch) -> Vec<&str> {
        m.mismatches.iter().map(|c| c.code.as_str()).collect()
    }

    #[test]
    fn the_executive_of_the_principal_signs_for_it() {
        let m = match_signers(
            &[company(vec![head()])],
            &[signer(
                true,
                holder(ORG_INN, ORG_OGRN, HEAD_INN, HEAD_SNILS),
            )],
        );
        assert!(m.every_principal_signed);
        assert_eq!(m.signed_by, vec![Some(0)]);
        assert!(m.mismatches.is_empty());
    }

    #[test]
    fn another_person_another_organization_or_an_invalid_signer_does_not() {
        let principal = [company(vec![head()])];
        // a valid signature of another person of the same organization
        let other = match_signers(
            &principal,
            &[signer(
                true,
                holder(ORG_INN, ORG_OGRN, "500100732259", "08765430300"),
            )],
        );
        assert!(!other.every_principal_signed);
        assert_eq!(other.signed_by, vec![None]);
        assert!(
            codes(&other).iter().any(|c| c.starts_with("holder.snils")),
            "{:?}",
            codes(&other)
        );
        // the head, but with the certificate of another organization
        let elsewhere = match_signers(
            &principal,
            &[signer(
                true,
                holder("7736050003", ORG_OGRN, HEAD_INN, HEAD_SNILS),
            )],
        );
        assert!(!elsewhere.every_principal_signed);
        assert!(
            codes(&elsewhere)
                .iter()
                .any(|c| c.starts_with("holder.inn_le")),
            "{:?}",
            codes(&elsewhere)
        );
        // the right holder, but the signature does not verify
        let invalid = match_signers(
            &principal,
            &[signer(
                false,
                holder(ORG_INN, ORG_OGRN, HEAD_INN, HEAD_SNILS),
            )],
        );
        assert!(!invalid.every_principal_signed);
        // no principal at all signs nothing
        assert!(
            !match_signers(
                &[],
                &[signer(
                    true,
                    holder(ORG_INN, ORG_OGRN, HEAD_INN, HEAD_SNILS)
                )]
            )
            .every_principal_signed
        );
    }

    #[test]
    fn every_principal_needs_its_own_signer() {
        let two = [company(vec![head()]), company(vec![head()])];
        let one = match_signers(
            &two,
            &[signer(
                true,
                holder(ORG_INN, ORG_OGRN, HEAD_INN, HEAD_SNILS),
            )],
        );
        // the same signer may sign for both only when it is the signatory of both
        assert!(one.every_principal_signed);
        let mut other_org = company(vec![head()]);
        if let Principal::RussianOrganization { organization, .. } = &mut other_org {
            organization.inn = Some(Inn::parse("7736050003").unwrap());
        }
        let m = match_signers(
            &[company(vec![head()]), other_org],
            &[signer(
                true,
                holder(ORG_INN, ORG_OGRN, HEAD_INN, HEAD_SNILS),
            )],
        );
        assert!(!m.every_principal_signed);
        assert_eq!(m.signed_by, vec![Some(0), None]);
    }
}
