//! Binding signature certificates to employees: the holder must match the
//! organization and the person, expired certificates are refused, those
//! expiring within 30 days are flagged, binding needs its rights, and replay
//! rebuilds the bindings; on an rcgen PKI in the Russian profile
//! (`tests/bound_pki`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod bound_pki;
mod common;
mod support;

use bound_pki::*;
use kabinet::certificates::{
    BoundCertificate, CertificateCommand, CertificateError, CertificateEvent, CertificateWarning,
};
use kabinet::directory::DirectorySnapshot;
use kabinet::notifications::Category;
use kabinet::*;
use support::{t, world, COMPANY_INN, FIRM_INN, T0};

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
    let (accountant, accountant_snils) = hire_accountant(&mut dir, head, org, 1);
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
