//! Binding signature certificates to employees: the holder must match the
//! organization and the person, expired certificates are refused, those
//! expiring within 30 days are flagged; an access check takes the level of
//! a bound certificate the signature names only while it is bound to the
//! actor and valid, and so do the commands about powers of attorney; on an
//! rcgen PKI in the Russian profile.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use der::Encode;
use kabinet::accounts::PersonName;
use kabinet::certificates::{
    BoundCertificate, CertificateCommand, CertificateError, CertificateEvent, CertificateWarning,
};
use kabinet::directory::DirectorySnapshot;
use kabinet::identifiers::{Inn, Kpp, Ogrn};
use kabinet::notifications::Category;
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::pki::{validate, ParsedCertificate, ParsedCrl, TrustStore, ValidationOptions};
use kabinet::*;
use rcgen::{
    date_time_ymd, BasicConstraints, CertificateParams, CertificateRevocationListParams,
    CustomExtension, DnType, IsCa, Issuer, KeyIdMethod, KeyPair, KeyUsagePurpose, SerialNumber,
    PKCS_ECDSA_P256_SHA256,
};
use support::{
    company_draft, hire, num, person, snils_of, t, terms, to, world, COMPANY_INN, COMPANY_OGRN,
    FIRM_INN, FIRM_OGRN, HEAD_INN, T0,
};
use x509_cert::ext::pkix::certpolicy::PolicyInformation;
use x509_cert::ext::pkix::CertificatePolicies;

/// Validation and binding time; the directory was set up at `T0` the day before.
const AT: &str = "2026-03-03T00:00:00Z";
const HEAD_SNILS: &str = "11223344595";

fn oid(arcs: &[u64]) -> DnType {
    DnType::CustomDnType(arcs.to_vec())
}

fn ext_utf8(arcs: &[u64], text: &str) -> CustomExtension {
    let value = der::asn1::Utf8StringRef::new(text)
        .unwrap()
        .to_der()
        .unwrap();
    CustomExtension::from_oid_content(arcs, value)
}

fn kc2_policy() -> CustomExtension {
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
struct Subject<'a> {
    inn_le: &'a str,
    ogrn: &'a str,
    snils: &'a str,
    inn: Option<&'a str>,
}

const HEAD: Subject<'static> = Subject {
    inn_le: COMPANY_INN,
    ogrn: COMPANY_OGRN,
    snils: HEAD_SNILS,
    inn: Some(HEAD_INN),
};

/// An accredited root, its CRL, and leaves issued on demand.
struct Pki {
    root_key: KeyPair,
    root_params: CertificateParams,
    root: Vec<u8>,
    crl: Vec<u8>,
}

impl Pki {
    fn new() -> Self {
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

    fn leaf(&self, who: &Subject<'_>, serial: u64, not_after: (i32, u8, u8)) -> Vec<u8> {
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

    fn report(&self, leaf: &[u8], at: &str) -> pki::ValidationReport {
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
    fn bound(&self, who: &Subject<'_>, serial: u64) -> BoundCertificate {
        let report = self.report(&self.leaf(who, serial, (2027, 6, 1)), AT);
        assert!(report.valid, "{:?}", report.problems);
        BoundCertificate::from_report(&report, t(AT)).unwrap()
    }
}

fn bind(org: OrgId, account: AccountId, certificate: BoundCertificate) -> Command {
    Command::Certificate(CertificateCommand::Bind {
        org,
        account,
        certificate,
    })
}

fn refused(dir: &Directory, who: AccountId, command: Command) -> &'static str {
    let before = dir.clone();
    let e = dir
        .execute(command, &Context::account(who, t(AT)))
        .unwrap_err();
    assert_eq!(dir, &before);
    Coded::code(&e)
}

#[test]
fn the_head_binds_a_matching_qualified_certificate() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let cert = pki.bound(&HEAD, 100);
    assert_eq!(cert.level, SignatureLevel::Qualified);
    assert_eq!(cert.fingerprint.len(), 64);
    assert_eq!(cert.holder.snils.as_ref().unwrap().as_str(), HEAD_SNILS);
    assert_eq!(
        cert.holder.organization_inn.as_ref().unwrap().as_str(),
        COMPANY_INN
    );
    let events = dir
        .run(
            bind(org, head, cert.clone()),
            &Context::account(head, t(AT)),
        )
        .unwrap();
    let Event::Certificate(CertificateEvent::Bound { warnings, by, .. }) = &events[0] else {
        panic!("{events:?}")
    };
    assert!(warnings.is_empty());
    assert_eq!(*by, head);
    assert_eq!(dir.certificates_of(org, head), std::slice::from_ref(&cert));
    assert_eq!(
        dir.certificate_state()
            .find(org, &cert.fingerprint.to_uppercase())
            .map(|(a, _)| a),
        Some(head)
    );
    // the same certificate twice is refused
    assert_eq!(
        refused(&dir, head, bind(org, head, cert)),
        "certificate.already_bound"
    );
}

#[test]
fn a_holder_of_another_organization_or_person_is_refused_with_its_code() {
    let pki = Pki::new();
    let (dir, head, org) = world();
    let other_org = Subject {
        inn_le: FIRM_INN,
        ..HEAD
    };
    assert_eq!(
        refused(&dir, head, bind(org, head, pki.bound(&other_org, 101))),
        "holder.inn_le_mismatch"
    );
    let other_person = Subject {
        inn: Some("500100732259"),
        ..HEAD
    };
    let e = dir
        .execute(
            bind(org, head, pki.bound(&other_person, 102)),
            &Context::account(head, t(AT)),
        )
        .unwrap_err();
    assert_eq!(Coded::code(&e), "holder.inn_mismatch");
    let CommandError::Certificate(CertificateError::HolderMismatch { mismatches }) = e else {
        panic!("{e:?}")
    };
    assert_eq!(mismatches.len(), 1);
    assert!(dir.certificates_of(org, head).is_empty());
}

#[test]
fn a_certificate_expiring_in_29_days_is_bound_with_a_warning_and_a_notice() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let report = pki.report(&pki.leaf(&HEAD, 103, (2026, 4, 1)), AT);
    assert!(report.valid, "{:?}", report.problems);
    let cert = BoundCertificate::from_report(&report, t(AT)).unwrap();
    let events = dir
        .run(
            bind(org, head, cert.clone()),
            &Context::account(head, t(AT)),
        )
        .unwrap();
    let Event::Certificate(CertificateEvent::Bound { warnings, .. }) = &events[0] else {
        panic!("{events:?}")
    };
    assert_eq!(
        warnings,
        &[CertificateWarning::ExpiresSoon {
            not_after: t("2026-04-01T00:00:00Z"),
            days: 29
        }]
    );
    assert_eq!(Coded::code(&warnings[0]), "certificate.expires_soon");
    let notices = dir.notices_for(&events[0], t(AT));
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].category, Category::CertificateExpiring);
    assert_eq!(notices[0].person, Some(head));
    // the query sees it within 30 days, not within 28
    let soon = dir.certificates_expiring_within(Some(org), t(AT), 30);
    assert_eq!(soon.len(), 1);
    assert_eq!(soon[0].2, &cert);
    assert!(dir.certificates_expiring_within(None, t(AT), 28).is_empty());
    // a certificate valid until 2027 is not flagged
    run_bind(&mut dir, head, org, pki.bound(&HEAD, 104));
    assert_eq!(dir.certificates_expiring_within(None, t(AT), 30).len(), 1);
    assert_eq!(dir.certificate_state().expiries().len(), 2);
}

fn run_bind(
    dir: &mut Directory,
    head: AccountId,
    org: OrgId,
    cert: BoundCertificate,
) -> Vec<Event> {
    dir.run(bind(org, head, cert), &Context::account(head, t(AT)))
        .unwrap()
}

#[test]
fn expired_certificates_are_refused() {
    let pki = Pki::new();
    let (dir, head, org) = world();
    let leaf = pki.leaf(&HEAD, 105, (2026, 3, 2));
    // validated while valid, bound after the end: refused by the command
    let report = pki.report(&leaf, "2026-03-01T00:00:00Z");
    assert!(report.valid, "{:?}", report.problems);
    let cert = BoundCertificate::from_report(&report, t("2026-03-01T00:00:00Z")).unwrap();
    assert_eq!(
        refused(&dir, head, bind(org, head, cert)),
        "certificate.expired"
    );
    // and by the constructor
    assert_eq!(
        BoundCertificate::from_report(&report, t(AT)),
        Err(CertificateError::Expired {
            not_after: t("2026-03-02T00:00:00Z")
        })
    );
    // a report of an expired certificate is invalid: refused with its problems
    let report = pki.report(&leaf, AT);
    let e = BoundCertificate::from_report(&report, t(AT)).unwrap_err();
    assert_eq!(Coded::code(&e), "certificate.invalid");
    let CertificateError::Invalid { problems } = e else {
        panic!()
    };
    assert!(!problems.is_empty(), "{problems:?}");
}

#[test]
fn binding_and_unbinding_need_their_rights() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let accountant = person(&mut dir, "Петрова", &snils_of(1), None, "acc@example.ru");
    hire(
        &mut dir,
        org,
        head,
        accountant,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    let accountant_snils = snils_of(1);
    let own = Subject {
        snils: &accountant_snils,
        inn: None,
        ..HEAD
    };
    let cert = pki.bound(&own, 106);
    // the accountant holds certificates.view only
    assert_eq!(
        refused(&dir, accountant, bind(org, accountant, cert.clone())),
        "access.denied"
    );
    // the head binds it for her
    dir.run(
        bind(org, accountant, cert.clone()),
        &Context::account(head, t(AT)),
    )
    .unwrap();
    assert_eq!(dir.certificates_of(org, accountant).len(), 1);
    let unbind = |fingerprint: &str| {
        Command::Certificate(CertificateCommand::Unbind {
            org,
            account: accountant,
            fingerprint: fingerprint.to_owned(),
        })
    };
    assert_eq!(
        refused(&dir, accountant, unbind(&cert.fingerprint)),
        "access.denied"
    );
    assert_eq!(
        refused(&dir, head, unbind(&"0".repeat(64))),
        "certificate.not_bound"
    );
    let events = dir
        .run(
            unbind(&cert.fingerprint.to_uppercase()),
            &Context::account(head, t(AT)),
        )
        .unwrap();
    assert!(matches!(
        &events[0],
        Event::Certificate(CertificateEvent::Unbound { fingerprint, .. }) if *fingerprint == cert.fingerprint
    ));
    assert!(dir.certificates_of(org, accountant).is_empty());
    // a certificate of the head is not the accountant's
    assert_eq!(
        refused(&dir, head, bind(org, accountant, pki.bound(&HEAD, 107))),
        "holder.snils_mismatch"
    );
}

#[test]
fn replay_and_snapshot_rebuild_the_bindings() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let mut log = support::take_log();
    let a = pki.bound(&HEAD, 108);
    let b = pki.bound(&HEAD, 109);
    log.extend(run_bind(&mut dir, head, org, a.clone()));
    log.extend(run_bind(&mut dir, head, org, b.clone()));
    log.extend(
        dir.run(
            Command::Certificate(CertificateCommand::Unbind {
                org,
                account: head,
                fingerprint: a.fingerprint.clone(),
            }),
            &Context::account(head, t(AT)),
        )
        .unwrap(),
    );
    assert_eq!(dir.certificates_of(org, head), [b]);
    let mut replayed = Directory::new();
    for e in &log {
        replayed.apply(e);
    }
    assert_eq!(replayed, dir);
    let json = serde_json::to_string(&DirectorySnapshot::of(&dir)).unwrap();
    let back: DirectorySnapshot = serde_json::from_str(&json).unwrap();
    assert_eq!(back.restore().unwrap(), dir);
    // events round-trip through JSON too
    for e in &log {
        let again: Event = serde_json::from_str(&serde_json::to_string(e).unwrap()).unwrap();
        assert_eq!(&again, e);
    }
    let _ = T0;
}

fn decide(
    dir: &Directory,
    who: AccountId,
    org: OrgId,
    at: &str,
    sig: SignatureEvidence,
) -> Decision {
    // Approving reports requires a qualified signature (КЭП) by default.
    dir.check(&AccessRequest::new(who, org, Right::ReportsApprove, t(at)).signed(sig))
}

#[test]
fn check_takes_the_level_of_a_certificate_bound_to_the_actor() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let leaf = pki.leaf(&HEAD, 110, (2027, 6, 1));
    let report = pki.report(&leaf, AT);
    let cert = BoundCertificate::from_report(&report, t(AT)).unwrap();
    // not bound yet: the fingerprint alone gives nothing
    let by_fingerprint = SignatureEvidence::bound(cert.fingerprint.clone());
    let d = decide(&dir, head, org, AT, by_fingerprint.clone());
    assert!(!d.allowed);
    assert_eq!(d.refusal_codes(), ["access.certificate_not_bound"]);
    let by_report = report.bound_signature_evidence().unwrap();
    assert_eq!(
        by_report.bound_certificate.as_deref(),
        Some(cert.fingerprint.as_str())
    );
    assert_eq!(
        decide(&dir, head, org, AT, by_report.clone()).refusal_codes(),
        ["access.certificate_not_bound"]
    );
    // a simple signature is too weak (the control)
    assert_eq!(
        decide(&dir, head, org, AT, SignatureEvidence::simple()).refusal_codes(),
        ["access.signature_too_weak"]
    );

    run_bind(&mut dir, head, org, cert.clone());
    // bound: the fingerprint (any case) and the report both carry КЭП
    for sig in [
        by_fingerprint.clone(),
        SignatureEvidence::bound(cert.fingerprint.to_uppercase()),
        by_report,
    ] {
        let d = decide(&dir, head, org, AT, sig);
        assert!(d.allowed, "{:?}", d.refusals);
    }
    // a level given with the evidence caps the bound one
    let weaker = SignatureEvidence::certified(SignatureLevel::Enhanced, cert.holder.clone())
        .with_bound_certificate(cert.fingerprint.clone());
    let d = decide(&dir, head, org, AT, weaker);
    assert_eq!(d.refusal_codes(), ["access.signature_too_weak"]);
    // the same evidence round-trips through JSON
    let json = serde_json::to_string(&by_fingerprint).unwrap();
    assert!(json.contains("bound_certificate"), "{json}");
    let back: SignatureEvidence = serde_json::from_str(&json).unwrap();
    assert_eq!(back, by_fingerprint);
}

#[test]
fn check_refuses_a_bound_certificate_of_another_person_expired_or_unbound() {
    let pki = Pki::new();
    let (mut dir, head, org) = world();
    let accountant = person(&mut dir, "Петрова", &snils_of(2), None, "acc2@example.ru");
    hire(
        &mut dir,
        org,
        head,
        accountant,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    let accountant_snils = snils_of(2);
    let own = Subject {
        snils: &accountant_snils,
        inn: None,
        ..HEAD
    };
    let heads = pki.bound(&HEAD, 120);
    let accountants = pki.bound(&own, 121);
    run_bind(&mut dir, head, org, heads.clone());
    dir.run(
        bind(org, accountant, accountants.clone()),
        &Context::account(head, t(AT)),
    )
    .unwrap();
    let sig = |c: &BoundCertificate| SignatureEvidence::bound(c.fingerprint.clone());
    assert!(decide(&dir, head, org, AT, sig(&heads)).allowed);
    // the accountant's certificate is not the head's, and the other way round
    let d = decide(&dir, head, org, AT, sig(&accountants));
    assert_eq!(d.refusal_codes(), ["access.certificate_not_bound"]);
    assert_eq!(
        d.refusals[0],
        Refusal::CertificateNotBound {
            fingerprint: accountants.fingerprint.clone()
        }
    );
    let d = decide(&dir, accountant, org, AT, sig(&heads));
    assert!(d.refusal_codes().contains(&"access.certificate_not_bound"));
    // another organization: not bound there
    let d = decide(&dir, head, OrgId(org.0 + 1000), AT, sig(&heads));
    assert!(d.refusal_codes().contains(&"access.certificate_not_bound"));
    // past its notAfter (2027-06-01) at the check's time
    let late = "2027-06-02T00:00:00Z";
    let d = decide(&dir, head, org, late, sig(&heads));
    assert!(!d.allowed);
    assert!(
        d.refusal_codes().contains(&"access.certificate_expired"),
        "{:?}",
        d.refusal_codes()
    );
    assert!(!d.refusal_codes().contains(&"access.signature_too_weak"));
    // before its notBefore (2025-06-01)
    let d = decide(&dir, head, org, "2025-05-01T00:00:00Z", sig(&heads));
    assert!(d
        .refusal_codes()
        .contains(&"access.certificate_not_yet_valid"));
    // unbound: refused again
    dir.run(
        Command::Certificate(CertificateCommand::Unbind {
            org,
            account: head,
            fingerprint: heads.fingerprint.clone(),
        }),
        &Context::account(head, t(AT)),
    )
    .unwrap();
    let d = decide(&dir, head, org, AT, sig(&heads));
    assert_eq!(d.refusal_codes(), ["access.certificate_not_bound"]);
    let e = &d.refusals[0];
    assert!(Coded::message_ru(e).contains("не привязан"));
    assert!(Coded::message_en(e).contains("not bound"));
    // a fingerprint of absurd length is echoed cut to 64 characters
    let d = decide(
        &dir,
        head,
        org,
        AT,
        SignatureEvidence::bound("ab".repeat(1000)),
    );
    let Refusal::CertificateNotBound { fingerprint } = &d.refusals[0] else {
        panic!("{:?}", d.refusals)
    };
    assert_eq!(fingerprint.len(), 64);
}

// Powers of attorney demand a qualified signature (issue, re-delegate,
// revoke): evidence naming a bound certificate counts there exactly as in
// `check`, for the principal organization of the power.

/// A second organization the same head runs (the firm), registered like the
/// company.
fn firm(dir: &mut Directory, head: AccountId) -> OrgId {
    const FIRM_KPP: &str = "770401001";
    let draft = RequisitesDraft {
        full_name: "ООО «Яндекс»".into(),
        inn: FIRM_INN.into(),
        kpp: FIRM_KPP.into(),
        ogrn: FIRM_OGRN.into(),
        ..company_draft()
    };
    let events = dir
        .run(
            Command::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            },
            &Context::account(head, t(T0)),
        )
        .unwrap();
    let Event::OrganizationSubmitted { org, .. } = events[0] else {
        panic!("{events:?}")
    };
    let mut registry = InMemoryRegistry::new();
    registry.insert(RegistryRecord {
        full_name: "ООО «Яндекс»".into(),
        inn: Inn::parse(FIRM_INN).unwrap(),
        kpp: Some(Kpp::parse(FIRM_KPP).unwrap()),
        ogrn: Some(Ogrn::parse(FIRM_OGRN).unwrap()),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Грефов", "Иван", Some("Петрович")),
            inn: Inn::parse(HEAD_INN).unwrap(),
            position: "Президент".into(),
        },
    });
    let answer = registry.lookup(&Inn::parse(FIRM_INN).unwrap()).unwrap();
    dir.run(
        Command::RecordRegistryAnswer { org, answer },
        &Context::system(t(T0)),
    )
    .unwrap();
    org
}

/// A context signed only by naming a bound certificate.
fn by_bound(who: AccountId, at: &str, certificate: &BoundCertificate) -> Context {
    Context::account(who, t(at)).signed(SignatureEvidence::bound(certificate.fingerprint.clone()))
}

/// The refusal codes of a denied command.
fn denied(dir: &Directory, command: Command, ctx: &Context) -> Vec<&'static str> {
    let e = dir.execute(command, ctx).unwrap_err();
    let CommandError::Denied { refusals } = e else {
        panic!("{e:?}")
    };
    refusals.iter().map(Coded::code).collect()
}

/// The company with its head's КЭП and an employee's КЭП bound, and the
/// employee's certificate.
struct PowerWorld {
    dir: Directory,
    head: AccountId,
    org: OrgId,
    heads: BoundCertificate,
    clerk: AccountId,
    clerks: BoundCertificate,
    /// Who the clerk passes powers on to.
    deputy: AccountId,
}

fn power_world(pki: &Pki) -> PowerWorld {
    let (mut dir, head, org) = world();
    let clerk = person(&mut dir, "Иванова", &snils_of(3), None, "clerk@example.ru");
    hire(&mut dir, org, head, clerk, vec![]);
    let deputy = person(&mut dir, "Сидоров", &snils_of(4), None, "dep@example.ru");
    let clerk_snils = snils_of(3);
    let heads = pki.bound(&HEAD, 130);
    let clerks = pki.bound(
        &Subject {
            snils: &clerk_snils,
            inn: None,
            ..HEAD
        },
        131,
    );
    run_bind(&mut dir, head, org, heads.clone());
    dir.run(
        bind(org, clerk, clerks.clone()),
        &Context::account(head, t(AT)),
    )
    .unwrap();
    PowerWorld {
        dir,
        head,
        org,
        heads,
        clerk,
        clerks,
        deputy,
    }
}

fn issue_to(org: OrgId, n: u128, representative: AccountId) -> Command {
    let mut terms = terms(
        n,
        to(representative),
        RightSet::of(&[Right::ReportsApprove]),
    );
    terms.redelegation = Redelegation::Once;
    terms.valid_until = Some(t("2028-01-01T00:00:00Z"));
    Command::IssuePower {
        org,
        terms,
        irrevocable: false,
    }
}

fn pass_on(parent: u128, n: u128, representative: AccountId) -> Command {
    let mut terms = terms(
        n,
        to(representative),
        RightSet::of(&[Right::ReportsApprove]),
    );
    terms.valid_until = Some(t("2027-12-01T00:00:00Z"));
    Command::RedelegatePower {
        parent: num(parent),
        terms,
    }
}

fn revoke(n: u128) -> Command {
    Command::RevokePower {
        number: num(n),
        ground: None,
    }
}

#[test]
fn powers_are_issued_passed_on_and_revoked_with_a_bound_qualified_certificate() {
    let pki = Pki::new();
    let PowerWorld {
        mut dir,
        head,
        org,
        heads,
        clerk,
        clerks,
        deputy,
    } = power_world(&pki);
    // the control: a simple signature is too weak for every power command
    let simple = Context::account(head, t(AT));
    assert_eq!(
        denied(&dir, issue_to(org, 1, clerk), &simple),
        ["access.signature_too_weak"]
    );
    let events = dir
        .run(issue_to(org, 1, clerk), &by_bound(head, AT, &heads))
        .unwrap();
    assert!(matches!(&events[0], Event::PowerIssued { power } if power.number == num(1)));
    assert_eq!(
        denied(&dir, pass_on(1, 2, deputy), &Context::account(clerk, t(AT))),
        ["access.signature_too_weak"]
    );
    // the representative passes it on and revokes what they passed on,
    // signing by naming their own bound КЭП only
    let events = dir
        .run(pass_on(1, 2, deputy), &by_bound(clerk, AT, &clerks))
        .unwrap();
    assert!(matches!(&events[0], Event::PowerIssued { power } if power.parent == Some(num(1))));
    assert_eq!(
        denied(&dir, revoke(2), &Context::account(clerk, t(AT))),
        ["access.signature_too_weak"]
    );
    let events = dir.run(revoke(2), &by_bound(clerk, AT, &clerks)).unwrap();
    assert!(matches!(&events[0], Event::PowerRevoked { number, .. } if *number == num(2)));
    // the head revokes the first power with theirs
    let events = dir.run(revoke(1), &by_bound(head, AT, &heads)).unwrap();
    assert!(matches!(&events[0], Event::PowerRevoked { number, .. } if *number == num(1)));
    // a level validated now caps the binding's: УНЭП is not enough
    let weaker = SignatureEvidence::certified(SignatureLevel::Enhanced, heads.holder.clone())
        .with_bound_certificate(heads.fingerprint.clone());
    assert_eq!(
        denied(
            &dir,
            issue_to(org, 3, clerk),
            &Context::account(head, t(AT)).signed(weaker)
        ),
        ["access.signature_too_weak"]
    );
}

#[test]
fn power_commands_refuse_a_certificate_bound_elsewhere_expired_or_not_yet_valid() {
    let pki = Pki::new();
    let PowerWorld {
        mut dir,
        head,
        org,
        heads,
        clerk,
        clerks,
        deputy,
    } = power_world(&pki);
    dir.run(issue_to(org, 1, clerk), &by_bound(head, AT, &heads))
        .unwrap();
    // bound to someone else: the clerk's certificate for the head, the
    // head's for the clerk
    let codes = denied(&dir, issue_to(org, 2, clerk), &by_bound(head, AT, &clerks));
    assert_eq!(codes, ["access.certificate_not_bound"]);
    let codes = denied(&dir, revoke(1), &by_bound(head, AT, &clerks));
    assert_eq!(codes, ["access.certificate_not_bound"]);
    let codes = denied(&dir, pass_on(1, 3, deputy), &by_bound(clerk, AT, &heads));
    assert_eq!(codes, ["access.certificate_not_bound"]);
    // bound to the head, but for another organization: it counts there only
    let firm_org = firm(&mut dir, head);
    let firm_cert = pki.bound(
        &Subject {
            inn_le: FIRM_INN,
            ogrn: FIRM_OGRN,
            ..HEAD
        },
        132,
    );
    run_bind(&mut dir, head, firm_org, firm_cert.clone());
    let codes = denied(
        &dir,
        issue_to(org, 4, clerk),
        &by_bound(head, AT, &firm_cert),
    );
    assert_eq!(codes, ["access.certificate_not_bound"]);
    let codes = denied(&dir, revoke(1), &by_bound(head, AT, &firm_cert));
    assert_eq!(codes, ["access.certificate_not_bound"]);
    let events = dir
        .run(
            issue_to(firm_org, 5, clerk),
            &by_bound(head, AT, &firm_cert),
        )
        .unwrap();
    assert!(matches!(&events[0], Event::PowerIssued { power } if power.principal == firm_org));
    // past the certificate's notAfter (2027-06-01), the power still in force
    let late = "2027-06-02T00:00:00Z";
    let codes = denied(&dir, issue_to(org, 6, clerk), &by_bound(head, late, &heads));
    assert_eq!(codes, ["access.certificate_expired"]);
    let codes = denied(&dir, revoke(1), &by_bound(head, late, &heads));
    assert_eq!(codes, ["access.certificate_expired"]);
    let codes = denied(&dir, pass_on(1, 7, deputy), &by_bound(clerk, late, &clerks));
    assert_eq!(codes, ["access.certificate_expired"]);
    // before its notBefore (2025-06-01)
    let early = "2025-05-01T00:00:00Z";
    let codes = denied(
        &dir,
        pass_on(1, 8, deputy),
        &by_bound(clerk, early, &clerks),
    );
    assert_eq!(codes, ["access.certificate_not_yet_valid"]);
    // power 1 is still in force: the right certificate at the right time revokes it
    dir.run(revoke(1), &by_bound(head, AT, &heads)).unwrap();
}
