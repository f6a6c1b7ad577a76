//! The test PKI in the Russian qualified profile, made with rcgen (ECDSA
//! P-256): one fixture and one clock for every test that needs certificates
//! of that profile.
//!
//! Root (accredited anchor) → accredited CA → holders: a legal entity's
//! head, an individual entrepreneur, an employee, a certificate expiring in
//! 29 days, a revoked one, one with the wrong key usage (serials 11–17), and
//! leaves issued on demand by the same CA ([`Pki::leaf`], serials the
//! caller's, from 100). Test time: [`AT`], 2026-03-03T00:00:00Z.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use der::Encode;
use kabinet::certificates::BoundCertificate;
use kabinet::pki::{
    validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions, ValidationReport,
};
use kabinet::Timestamp;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertificateRevocationListParams,
    CustomExtension, DnType, IsCa, Issuer, KeyIdMethod, KeyPair, KeyUsagePurpose, RevocationReason,
    RevokedCertParams, SerialNumber, PKCS_ECDSA_P256_SHA256,
};
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::CertificatePolicies;

pub const AT: &str = "2026-03-03T00:00:00Z";
pub const ORG_INN_LE: &str = "7707083893";
pub const ORG_OGRN: &str = "1027700132195";
pub const HEAD_SNILS: &str = "11223344595";
pub const HEAD_INN: &str = "500100732259";
pub const IP_INN: &str = "772053290506";
pub const IP_OGRNIP: &str = "304500116000157";
pub const EMPLOYEE_SNILS: &str = "08765432100";

pub struct Pki {
    pub root: Vec<u8>,
    pub untrusted_root: Vec<u8>,
    pub ca: Vec<u8>,
    pub root_crl: Vec<u8>,
    pub ca_crl: Vec<u8>,
    pub head: Vec<u8>,
    pub entrepreneur: Vec<u8>,
    pub employee: Vec<u8>,
    pub expiring: Vec<u8>,
    pub revoked: Vec<u8>,
    pub wrong_usage: Vec<u8>,
    pub foreign: Vec<u8>,
    /// The accredited CA, to issue more leaves.
    ca_key: KeyPair,
    ca_params: CertificateParams,
}

fn oid(arcs: &[u64]) -> DnType {
    DnType::CustomDnType(arcs.to_vec())
}

fn policies(classes: &[u64]) -> CustomExtension {
    let infos = classes
        .iter()
        .map(|c| PolicyInformation {
            policy_identifier: format!("1.2.643.100.113.{c}").parse().unwrap(),
            policy_qualifiers: None,
        })
        .collect();
    CustomExtension::from_oid_content(
        &[2, 5, 29, 32],
        CertificatePolicies(infos).to_der().unwrap(),
    )
}

fn utf8_ext(arcs: &[u64], text: &str) -> CustomExtension {
    let value = der::asn1::Utf8StringRef::new(text)
        .unwrap()
        .to_der()
        .unwrap();
    CustomExtension::from_oid_content(arcs, value)
}

fn ca_params(cn: &str, serial: u64) -> CertificateParams {
    let mut p = CertificateParams::default();
    p.distinguished_name.push(DnType::CountryName, "RU");
    p.distinguished_name.push(DnType::OrganizationName, cn);
    p.distinguished_name.push(DnType::CommonName, cn);
    p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    p.not_before = date_time_ymd(2020, 1, 1);
    p.not_after = date_time_ymd(2040, 1, 1);
    p.serial_number = Some(SerialNumber::from(serial));
    p.key_identifier_method = KeyIdMethod::Sha256;
    p.use_authority_key_identifier_extension = true;
    p
}

enum Kind {
    Head,
    Entrepreneur,
    Employee,
}

fn leaf_params(kind: Kind, cn: &str, serial: u64) -> CertificateParams {
    let mut p = holder_params(serial);
    let dn = &mut p.distinguished_name;
    dn.push(DnType::CountryName, "RU");
    dn.push(DnType::CommonName, cn);
    dn.push(oid(&[2, 5, 4, 4]), "Иванов");
    dn.push(oid(&[2, 5, 4, 42]), "Иван Иванович");
    match kind {
        Kind::Head => {
            dn.push(DnType::OrganizationName, "ООО \"Ромашка\"");
            dn.push(oid(&[2, 5, 4, 12]), "Генеральный директор");
            dn.push(oid(&[1, 2, 643, 100, 4]), ORG_INN_LE);
            dn.push(oid(&[1, 2, 643, 100, 1]), ORG_OGRN);
            dn.push(oid(&[1, 2, 643, 100, 3]), HEAD_SNILS);
            dn.push(oid(&[1, 2, 643, 3, 131, 1, 1]), HEAD_INN);
            dn.push(oid(&[1, 2, 840, 113549, 1, 9, 1]), "head@romashka.example");
        }
        Kind::Entrepreneur => {
            dn.push(oid(&[1, 2, 643, 3, 131, 1, 1]), IP_INN);
            dn.push(oid(&[1, 2, 643, 100, 5]), IP_OGRNIP);
            dn.push(oid(&[1, 2, 643, 100, 3]), "11122233344");
        }
        Kind::Employee => {
            dn.push(DnType::OrganizationName, "ООО \"Ромашка\"");
            dn.push(oid(&[2, 5, 4, 12]), "Бухгалтер");
            dn.push(oid(&[1, 2, 643, 100, 4]), ORG_INN_LE);
            dn.push(oid(&[1, 2, 643, 100, 1]), ORG_OGRN);
            dn.push(oid(&[1, 2, 643, 100, 3]), EMPLOYEE_SNILS);
        }
    }
    p
}

/// A holder's certificate of the qualified profile with serial `serial`,
/// valid 2025-06-01 to 2027-06-01, its subject still to be named: signing
/// and non-repudiation, the СКЗИ and УЦ tools, classes КС1 and КС2.
fn holder_params(serial: u64) -> CertificateParams {
    let mut p = CertificateParams::default();
    p.is_ca = IsCa::ExplicitNoCa;
    p.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::ContentCommitment,
    ];
    p.not_before = date_time_ymd(2025, 6, 1);
    p.not_after = date_time_ymd(2027, 6, 1);
    p.serial_number = Some(SerialNumber::from(serial));
    p.key_identifier_method = KeyIdMethod::Sha256;
    p.use_authority_key_identifier_extension = true;
    p.custom_extensions = vec![
        utf8_ext(
            &[1, 2, 643, 100, 111],
            "СКЗИ \"КриптоПро CSP\" (версия 5.0)",
        ),
        utf8_ext(
            &[1, 2, 643, 100, 112],
            "СКЗИ \"КриптоПро CSP\"; УЦ \"КриптоПро УЦ\"",
        ),
        policies(&[1, 2]),
    ];
    p
}

fn key() -> KeyPair {
    KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap()
}

fn crl(issuer: &Issuer<'_, &KeyPair>, revoked: &[u64]) -> Vec<u8> {
    let params = CertificateRevocationListParams {
        this_update: date_time_ymd(2026, 2, 25),
        next_update: date_time_ymd(2026, 3, 10),
        crl_number: SerialNumber::from(7u64),
        issuing_distribution_point: None,
        revoked_certs: revoked
            .iter()
            .map(|s| RevokedCertParams {
                serial_number: SerialNumber::from(*s),
                revocation_time: date_time_ymd(2026, 2, 20),
                reason_code: Some(RevocationReason::KeyCompromise),
                invalidity_date: None,
            })
            .collect(),
        key_identifier_method: KeyIdMethod::Sha256,
    };
    params.signed_by(issuer).unwrap().der().to_vec()
}

pub fn build() -> Pki {
    let (root_key, ca_key, other_root_key) = (key(), key(), key());
    let root_params = ca_params("Минцифры России (тест)", 1);
    let root = root_params.self_signed(&root_key).unwrap();
    let root_issuer = Issuer::from_params(&root_params, &root_key);
    let other_params = ca_params("Неаккредитованный корень", 2);
    let untrusted_root = other_params.self_signed(&other_root_key).unwrap();
    let other_issuer = Issuer::from_params(&other_params, &other_root_key);

    let mut ca_p = ca_params("Аккредитованный УЦ (тест)", 10);
    ca_p.not_before = date_time_ymd(2021, 1, 1);
    ca_p.not_after = date_time_ymd(2035, 1, 1);
    ca_p.custom_extensions = vec![utf8_ext(
        &[1, 2, 643, 100, 112],
        "ПАК \"Удостоверяющий центр\"",
    )];
    let ca = ca_p.signed_by(&ca_key, &root_issuer).unwrap();
    let ca_issuer = Issuer::from_params(&ca_p, &ca_key);

    let issue = |params: CertificateParams, issuer: &Issuer<'_, &KeyPair>| {
        params.signed_by(&key(), issuer).unwrap().der().to_vec()
    };
    let head = issue(
        leaf_params(Kind::Head, "Иванов Иван Иванович", 11),
        &ca_issuer,
    );
    let entrepreneur = issue(
        leaf_params(Kind::Entrepreneur, "ИП Иванов Иван Иванович", 12),
        &ca_issuer,
    );
    let employee = issue(
        leaf_params(Kind::Employee, "Петрова Анна Сергеевна", 13),
        &ca_issuer,
    );
    let mut p = leaf_params(Kind::Head, "Иванов (истекает)", 14);
    p.not_after = date_time_ymd(2026, 4, 1);
    let expiring = issue(p, &ca_issuer);
    let revoked = issue(leaf_params(Kind::Head, "Иванов (отозван)", 15), &ca_issuer);
    let mut p = leaf_params(Kind::Head, "Иванов (шифрование)", 16);
    p.key_usages = vec![KeyUsagePurpose::KeyEncipherment];
    let wrong_usage = issue(p, &ca_issuer);
    let foreign = issue(
        leaf_params(Kind::Head, "Иванов (чужой корень)", 17),
        &other_issuer,
    );

    Pki {
        root: root.der().to_vec(),
        untrusted_root: untrusted_root.der().to_vec(),
        ca: ca.der().to_vec(),
        root_crl: crl(&root_issuer, &[]),
        ca_crl: crl(&ca_issuer, &[15]),
        head,
        entrepreneur,
        employee,
        expiring,
        revoked,
        wrong_usage,
        foreign,
        ca_key,
        ca_params: ca_p,
    }
}

/// Who a leaf issued on demand names.
pub struct Subject<'a> {
    pub inn_le: &'a str,
    pub ogrn: &'a str,
    pub snils: &'a str,
    pub inn: Option<&'a str>,
}

impl Pki {
    /// The fixture ([`build`]).
    pub fn new() -> Self {
        build()
    }

    /// A leaf of the qualified profile for `who`, issued by the accredited
    /// CA, valid from 2025-06-01 to `not_after`.
    pub fn leaf(&self, who: &Subject<'_>, serial: u64, not_after: (i32, u8, u8)) -> Vec<u8> {
        let mut p = holder_params(serial);
        let dn = &mut p.distinguished_name;
        dn.push(DnType::CountryName, "RU");
        dn.push(DnType::CommonName, "Сотрудник ООО");
        dn.push(oid(&[1, 2, 643, 100, 4]), who.inn_le);
        dn.push(oid(&[1, 2, 643, 100, 1]), who.ogrn);
        dn.push(oid(&[1, 2, 643, 100, 3]), who.snils);
        if let Some(inn) = who.inn {
            dn.push(oid(&[1, 2, 643, 3, 131, 1, 1]), inn);
        }
        p.not_after = date_time_ymd(not_after.0, not_after.1, not_after.2);
        let issuer = Issuer::from_params(&self.ca_params, &self.ca_key);
        p.signed_by(&key(), &issuer).unwrap().der().to_vec()
    }

    /// The trust store of the fixture: the accredited root as anchor, the CA
    /// as intermediate, both CRLs.
    pub fn store(&self) -> TrustStore {
        let mut store = TrustStore::new();
        store.add_anchor(ParsedCertificate::from_der(&self.root).unwrap(), true);
        store.add_intermediate(ParsedCertificate::from_der(&self.ca).unwrap());
        store.add_crl(ParsedCrl::from_der(&self.root_crl).unwrap());
        store.add_crl(ParsedCrl::from_der(&self.ca_crl).unwrap());
        store
    }

    /// `leaf` validated against [`Pki::store`] at `at`.
    pub fn report(&self, leaf: &[u8], at: &str) -> ValidationReport {
        validate(
            &ParsedCertificate::from_der(leaf).unwrap(),
            &self.store(),
            &ValidationOptions::at(at.parse::<Timestamp>().unwrap()),
        )
    }

    /// A leaf for `who` valid until mid-2027, validated at [`AT`] and ready to bind.
    pub fn bound(&self, who: &Subject<'_>, serial: u64) -> BoundCertificate {
        let report = self.report(&self.leaf(who, serial, (2027, 6, 1)), AT);
        assert!(report.valid, "{:?}", report.problems);
        BoundCertificate::from_report(&report, AT.parse().unwrap()).unwrap()
    }
}
