//! The Russian qualified profile on a PKI made with rcgen: holders, markers,
//! classification, matching, warnings, revocation, key usage.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use kabinet::pki::russian::{match_holder, ExpectedOrganization, ExpectedPerson};
use kabinet::pki::{
    validate, ParsedCertificate, ParsedCrl, RevocationPolicy, SignToolClass, TrustStore,
    ValidationOptions, ValidationReport,
};
use kabinet::{Coded, SignatureLevel, Timestamp};

fn store(pki: &Pki, with_ca_crl: bool) -> TrustStore {
    let mut s = TrustStore::new();
    s.add_anchor(ParsedCertificate::from_der(&pki.root).unwrap(), true);
    s.add_anchor(
        ParsedCertificate::from_der(&pki.untrusted_root).unwrap(),
        false,
    );
    s.add_intermediate(ParsedCertificate::from_der(&pki.ca).unwrap());
    s.add_crl(ParsedCrl::from_der(&pki.root_crl).unwrap());
    if with_ca_crl {
        s.add_crl(ParsedCrl::from_der(&pki.ca_crl).unwrap());
    }
    s
}

fn options() -> ValidationOptions {
    ValidationOptions::at(AT.parse::<Timestamp>().unwrap())
}

fn check(pki: &Pki, leaf: &[u8]) -> ValidationReport {
    validate(
        &ParsedCertificate::from_der(leaf).unwrap(),
        &store(pki, true),
        &options(),
    )
}

fn codes(r: &ValidationReport) -> Vec<&'static str> {
    r.problems.iter().map(|p| p.code).collect()
}

#[test]
fn head_of_legal_entity_is_qualified() {
    let pki = build();
    let r = check(&pki, &pki.head);
    assert!(r.valid, "{:?}", codes(&r));
    assert!(r.qualified, "{:?}", r.not_qualified_because);
    assert_eq!(r.signature_level(), Some(SignatureLevel::Qualified));
    assert_eq!(r.path.len(), 3);
    assert!(r.path[2].anchor);
    assert_eq!(r.sign_tool_class, Some(SignToolClass::Kc2));
    let h = &r.holder;
    assert_eq!(h.inn_le.as_deref(), Some(ORG_INN_LE));
    assert_eq!(h.ogrn.as_deref(), Some(ORG_OGRN));
    assert_eq!(h.snils.as_deref(), Some(HEAD_SNILS));
    assert_eq!(h.inn.as_deref(), Some(HEAD_INN));
    assert_eq!(h.surname.as_deref(), Some("Иванов"));
    assert_eq!(h.given_name.as_deref(), Some("Иван Иванович"));
    assert_eq!(h.title.as_deref(), Some("Генеральный директор"));
    assert_eq!(h.email.as_deref(), Some("head@romashka.example"));
    assert!(h
        .subject_sign_tool
        .as_deref()
        .unwrap()
        .contains("КриптоПро"));
    assert!(r.warnings.is_empty());
    let org = ExpectedOrganization::LegalEntity {
        inn_le: ORG_INN_LE.into(),
        ogrn: ORG_OGRN.into(),
    };
    let person = ExpectedPerson {
        snils: Some("112-233-445 95".into()),
        inn: Some(HEAD_INN.into()),
    };
    assert!(match_holder(h, Some(&org), Some(&person)).is_empty());
    // The evidence handed to the access rules: КЭП, with the typed identifiers.
    let evidence = r.signature_evidence().unwrap();
    assert_eq!(evidence.level, SignatureLevel::Qualified);
    let signer = evidence.signer.unwrap();
    assert_eq!(signer.snils.unwrap().as_str(), HEAD_SNILS);
    assert_eq!(signer.organization_inn.unwrap().as_str(), ORG_INN_LE);
    assert_eq!(signer.ogrn.unwrap().as_str(), ORG_OGRN);
    assert_eq!(signer.inn.unwrap().as_str(), HEAD_INN);
}

#[test]
fn entrepreneur_matches_by_inn_and_ogrnip() {
    let pki = build();
    let r = check(&pki, &pki.entrepreneur);
    assert!(
        r.valid && r.qualified,
        "{:?} {:?}",
        codes(&r),
        r.not_qualified_because
    );
    assert_eq!(r.holder.inn.as_deref(), Some(IP_INN));
    let ip = ExpectedOrganization::Entrepreneur {
        inn: IP_INN.into(),
        ogrnip: IP_OGRNIP.into(),
    };
    assert!(match_holder(&r.holder, Some(&ip), None).is_empty());
    let other = ExpectedOrganization::Entrepreneur {
        inn: "500100732259".into(),
        ogrnip: IP_OGRNIP.into(),
    };
    let m = match_holder(&r.holder, Some(&other), None);
    assert_eq!(
        m.iter().map(Coded::code).collect::<Vec<_>>(),
        ["holder.inn_mismatch"]
    );
}

#[test]
fn employee_matches_person_by_snils_and_mismatching_inn_is_coded() {
    let pki = build();
    let r = check(&pki, &pki.employee);
    assert!(r.valid && r.qualified);
    let org = ExpectedOrganization::LegalEntity {
        inn_le: ORG_INN_LE.into(),
        ogrn: ORG_OGRN.into(),
    };
    let person = ExpectedPerson {
        snils: Some(EMPLOYEE_SNILS.into()),
        inn: None,
    };
    assert!(match_holder(&r.holder, Some(&org), Some(&person)).is_empty());
    let wrong_org = ExpectedOrganization::LegalEntity {
        inn_le: "7736050003".into(),
        ogrn: ORG_OGRN.into(),
    };
    let wrong_person = ExpectedPerson {
        snils: Some(HEAD_SNILS.into()),
        inn: None,
    };
    let m = match_holder(&r.holder, Some(&wrong_org), Some(&wrong_person));
    assert_eq!(
        m.iter().map(Coded::code).collect::<Vec<_>>(),
        ["holder.inn_le_mismatch", "holder.snils_mismatch"]
    );
    assert!(m[0].message_ru().contains("7736050003"));
}

#[test]
fn certificate_expiring_in_29_days_is_valid_with_a_warning() {
    let pki = build();
    let r = check(&pki, &pki.expiring);
    assert!(r.valid);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].code, "pki.expires_soon");
    assert_eq!(r.warnings[0].certificate, Some(0));
    assert!(
        r.warnings[0].detail.contains("29 days"),
        "{}",
        r.warnings[0].detail
    );
}

#[test]
fn revoked_certificate_is_refused() {
    let pki = build();
    let r = check(&pki, &pki.revoked);
    assert!(!r.valid);
    assert_eq!(codes(&r), ["pki.revoked"]);
    assert!(r.problems[0].detail.contains("key_compromise"));
    assert_eq!(r.signature_level(), None);
    assert!(r.signature_evidence().is_none());
    assert!(!r.qualified);
}

#[test]
fn wrong_key_usage_is_refused() {
    let pki = build();
    let r = check(&pki, &pki.wrong_usage);
    assert!(!r.valid);
    assert_eq!(codes(&r), ["pki.key_usage"]);
    assert_eq!(r.problems[0].certificate, Some(0));
}

#[test]
fn non_accredited_anchor_gives_an_enhanced_signature_only() {
    let pki = build();
    let mut s = store(&pki, true);
    // The foreign leaf chains to the non-accredited root, which issued no CRL: soft-fail.
    let mut o = options();
    o.revocation = RevocationPolicy::SoftFail;
    let r = validate(&ParsedCertificate::from_der(&pki.foreign).unwrap(), &s, &o);
    assert!(r.valid, "{:?}", codes(&r));
    assert!(!r.qualified);
    assert_eq!(r.not_qualified_because, ["qualified.anchor_not_accredited"]);
    assert_eq!(r.signature_level(), Some(SignatureLevel::Enhanced));
    assert_eq!(r.warnings[0].code, "pki.revocation_unknown_accepted");
    // Under the default policy the missing CRL refuses it.
    let r = validate(
        &ParsedCertificate::from_der(&pki.foreign).unwrap(),
        &s,
        &options(),
    );
    assert_eq!(codes(&r), ["pki.revocation_unknown"]);
    // Without any anchor: no trusted root.
    s = TrustStore::new();
    let r = validate(
        &ParsedCertificate::from_der(&pki.head).unwrap(),
        &s,
        &options(),
    );
    assert_eq!(codes(&r), ["pki.no_trusted_root"]);
}

#[test]
fn missing_crl_is_unknown_and_every_problem_is_reported() {
    let pki = build();
    let s = store(&pki, false);
    let mut o = options();
    o.at = "2028-01-01T00:00:00Z".parse().unwrap();
    let r = validate(&ParsedCertificate::from_der(&pki.head).unwrap(), &s, &o);
    // Expired leaf, and both CRLs stale at that time: all reported.
    assert_eq!(
        codes(&r),
        [
            "pki.expired",
            "pki.revocation_unknown",
            "pki.revocation_unknown"
        ]
    );
    assert_eq!(r.problems[0].certificate, Some(0));
    assert_eq!(r.problems[2].certificate, Some(1));
}

#[test]
fn store_finds_by_name_and_reports_ambiguity() {
    let pki = build();
    let s = store(&pki, true);
    assert!(s.find("Аккредитованный УЦ").is_ok());
    assert_eq!(s.find("нет такого").unwrap_err().code(), "pki.not_found");
    assert_eq!(s.find("CN=").unwrap_err().code(), "pki.ambiguous");
}
