//! Bound certificates as signature evidence: an access check takes the
//! level of a bound certificate the signature names only while it is bound
//! to the actor for the organization and valid, and so do the commands about
//! powers of attorney; on an rcgen PKI in the Russian profile
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
use kabinet::accounts::PersonName;
use kabinet::certificates::{BoundCertificate, CertificateCommand};
use kabinet::identifiers::{Inn, Kpp, Ogrn};
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::*;
use support::{
    company_draft, hire, num, person, snils_of, t, terms, to, world, FIRM_INN, FIRM_OGRN, HEAD_INN,
    T0,
};

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
    let (accountant, accountant_snils) = hire_accountant(&mut dir, head, org, 2);
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
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            }),
            &Context::account(head, t(T0)),
        )
        .unwrap();
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = events[0]
    else {
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
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
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
    Command::Delegation(DelegationCommand::IssuePower {
        org,
        terms,
        irrevocable: false,
    })
}

fn pass_on(parent: u128, n: u128, representative: AccountId) -> Command {
    let mut terms = terms(
        n,
        to(representative),
        RightSet::of(&[Right::ReportsApprove]),
    );
    terms.valid_until = Some(t("2027-12-01T00:00:00Z"));
    Command::Delegation(DelegationCommand::RedelegatePower {
        parent: num(parent),
        terms,
    })
}

fn revoke(n: u128) -> Command {
    Command::Delegation(DelegationCommand::RevokePower {
        number: num(n),
        ground: None,
    })
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
    assert!(
        matches!(&events[0], Event::Delegation(DelegationEvent::PowerIssued { power }) if power.number == num(1))
    );
    assert_eq!(
        denied(&dir, pass_on(1, 2, deputy), &Context::account(clerk, t(AT))),
        ["access.signature_too_weak"]
    );
    // the representative passes it on and revokes what they passed on,
    // signing by naming their own bound КЭП only
    let events = dir
        .run(pass_on(1, 2, deputy), &by_bound(clerk, AT, &clerks))
        .unwrap();
    assert!(
        matches!(&events[0], Event::Delegation(DelegationEvent::PowerIssued { power }) if power.parent == Some(num(1)))
    );
    assert_eq!(
        denied(&dir, revoke(2), &Context::account(clerk, t(AT))),
        ["access.signature_too_weak"]
    );
    let events = dir.run(revoke(2), &by_bound(clerk, AT, &clerks)).unwrap();
    assert!(
        matches!(&events[0], Event::Delegation(DelegationEvent::PowerRevoked { number, .. }) if *number == num(2))
    );
    // the head revokes the first power with theirs
    let events = dir.run(revoke(1), &by_bound(head, AT, &heads)).unwrap();
    assert!(
        matches!(&events[0], Event::Delegation(DelegationEvent::PowerRevoked { number, .. }) if *number == num(1))
    );
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
    assert!(
        matches!(&events[0], Event::Delegation(DelegationEvent::PowerIssued { power }) if power.principal == firm_org)
    );
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
