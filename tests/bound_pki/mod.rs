//! An rcgen PKI in the Russian profile for the tests of bound signature
//! certificates: an accredited root with its CRL, leaves naming an
//! organization and a person, and the binding command around them.
#![allow(dead_code)]

use crate::support::{t, COMPANY_INN, COMPANY_OGRN, HEAD_INN};
use der::Encode;
use kabinet::certificates::{BoundCertificate, CertificateCommand};
use kabinet::pki::{validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::*;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertificateRevocationListParams,
    CustomExtension, DnType, IsCa, Issuer, KeyIdMethod, KeyPair, KeyUsagePurpose, SerialNumber,
    PKCS_ECDSA_P256_SHA256,
};
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::CertificatePolicies;

/// Validation and binding time; the directory was set up at `T0` the day before.
pub const AT: &str = "2026-03-03T00:00:00Z";
pub const HEAD_SNILS: &str = "11223344595";

pub fn oid(arcs: &[u64]) -> DnType {
    DnType::CustomDnType(arcs.to_vec())
}

pub fn ext_utf8(arcs: &[u64], text: &str) -> CustomExtension {
    let value = der::asn1::Utf8StringRef::new(text)
        .unwrap()
        .to_der()
        .unwrap();
    CustomExtension::from_oid_content(arcs, value)
}

pub fn kc2_policy() -> CustomExtension {
    let info = PolicyInformation {
        policy_identifier: "1.2.643.100.113.2".parse().unwrap(),
        policy_qualifiers: None,
    };
    CustomExtension::from_oid_content(
        &[2, 5, 29, 32],
        CertificatePolicies(vec![info]).to_der().unwrap(),
    )
}

/// Who a leaf names.
pub struct Subject<'a> {
    pub inn_le: &'a str,
    pub ogrn: &'a str,
    pub snils: &'a str,
    pub inn: Option<&'a str>,
}

pub const HEAD: Subject<'static> = Subject {
    inn_le: COMPANY_INN,
    ogrn: COMPANY_OGRN,
    snils: HEAD_SNILS,
    inn: Some(HEAD_INN),
};

/// An accredited root, its CRL, and leaves issued on demand.
pub struct Pki {
    root_key: KeyPair,
    root_params: CertificateParams,
    root: Vec<u8>,
    crl: Vec<u8>,
}

impl Pki {
    pub fn new() -> Self {
        let root_key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
        let mut p = CertificateParams::default();
        p.distinguished_name
            .push(DnType::CommonName, "Аккредитованный УЦ (тест)");
        p.distinguished_name.push(DnType::CountryName, "RU");
        p.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        p.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
        p.not_before = date_time_ymd(2020, 1, 1);
        p.not_after = date_time_ymd(2040, 1, 1);
        p.serial_number = Some(SerialNumber::from(1u64));
        p.key_identifier_method = KeyIdMethod::Sha256;
        p.custom_extensions = vec![ext_utf8(&[1, 2, 643, 100, 112], "ПАК \"УЦ\"")];
        let root = p.self_signed(&root_key).unwrap().der().to_vec();
        let crl = CertificateRevocationListParams {
            this_update: date_time_ymd(2026, 2, 25),
            next_update: date_time_ymd(2026, 4, 10),
            crl_number: SerialNumber::from(3u64),
            issuing_distribution_point: None,
            revoked_certs: vec![],
            key_identifier_method: KeyIdMethod::Sha256,
        }
        .signed_by(&Issuer::from_params(&p, &root_key))
        .unwrap()
        .der()
        .to_vec();
        Self {
            root_key,
            root_params: p,
            root,
            crl,
        }
    }

    pub fn leaf(&self, who: &Subject<'_>, serial: u64, not_after: (i32, u8, u8)) -> Vec<u8> {
        let mut p = CertificateParams::default();
        let dn = &mut p.distinguished_name;
        dn.push(DnType::CountryName, "RU");
        dn.push(DnType::CommonName, "Сотрудник ООО");
        dn.push(oid(&[1, 2, 643, 100, 4]), who.inn_le);
        dn.push(oid(&[1, 2, 643, 100, 1]), who.ogrn);
        dn.push(oid(&[1, 2, 643, 100, 3]), who.snils);
        if let Some(inn) = who.inn {
            dn.push(oid(&[1, 2, 643, 3, 131, 1, 1]), inn);
        }
        p.is_ca = IsCa::ExplicitNoCa;
        p.key_usages = vec![
            KeyUsagePurpose::DigitalSignature,
            KeyUsagePurpose::ContentCommitment,
        ];
        p.not_before = date_time_ymd(2025, 6, 1);
        p.not_after = date_time_ymd(not_after.0, not_after.1, not_after.2);
        p.serial_number = Some(SerialNumber::from(serial));
        p.key_identifier_method = KeyIdMethod::Sha256;
        p.use_authority_key_identifier_extension = true;
        p.custom_extensions = vec![
            ext_utf8(&[1, 2, 643, 100, 111], "СКЗИ \"КриптоПро CSP\""),
            ext_utf8(&[1, 2, 643, 100, 112], "СКЗИ \"КриптоПро CSP\"; УЦ"),
            kc2_policy(),
        ];
        let key = KeyPair::generate_for(&PKCS_ECDSA_P256_SHA256).unwrap();
        let issuer = Issuer::from_params(&self.root_params, &self.root_key);
        p.signed_by(&key, &issuer).unwrap().der().to_vec()
    }

    pub fn report(&self, leaf: &[u8], at: &str) -> pki::ValidationReport {
        let mut store = TrustStore::new();
        store.add_anchor(ParsedCertificate::from_der(&self.root).unwrap(), true);
        store.add_crl(ParsedCrl::from_der(&self.crl).unwrap());
        validate(
            &ParsedCertificate::from_der(leaf).unwrap(),
            &store,
            &ValidationOptions::at(t(at)),
        )
    }

    /// A certificate valid until 2027, bound-ready.
    pub fn bound(&self, who: &Subject<'_>, serial: u64) -> BoundCertificate {
        let report = self.report(&self.leaf(who, serial, (2027, 6, 1)), AT);
        assert!(report.valid, "{:?}", report.problems);
        BoundCertificate::from_report(&report, t(AT)).unwrap()
    }
}

pub fn bind(org: OrgId, account: AccountId, certificate: BoundCertificate) -> Command {
    Command::Certificate(CertificateCommand::Bind {
        org,
        account,
        certificate,
    })
}

pub fn refused(dir: &Directory, who: AccountId, command: Command) -> &'static str {
    let before = dir.clone();
    let e = dir
        .execute(command, &Context::account(who, t(AT)))
        .unwrap_err();
    assert_eq!(dir, &before);
    Coded::code(&e)
}

/// Binds `cert` to `head` in `org`, as the head.
pub fn run_bind(
    dir: &mut Directory,
    head: AccountId,
    org: OrgId,
    cert: BoundCertificate,
) -> Vec<Event> {
    dir.run(bind(org, head, cert), &Context::account(head, t(AT)))
        .unwrap()
}

/// An accountant (СНИЛС number `n` of the fixtures) hired into `org` by
/// `head`, with the СНИЛС their certificates name.
pub fn hire_accountant(
    dir: &mut Directory,
    head: AccountId,
    org: OrgId,
    n: u32,
) -> (AccountId, String) {
    let snils = crate::support::snils_of(n);
    let email = format!("accountant{n}@example.ru");
    let accountant = crate::support::person(dir, "Петрова", &snils, None, &email);
    crate::support::hire(
        dir,
        org,
        head,
        accountant,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    (accountant, snils)
}
