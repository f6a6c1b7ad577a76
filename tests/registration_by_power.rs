//! Registration by a representative with a power of attorney (DOMAIN §4):
//! the МЧД presented with the submission, judged by the formal check and the
//! reconciliation with the registry, revoked or refused before the answer,
//! corrected and resubmitted; on activation the head joins as head, the
//! representative as an official acting through the power, which decisions name.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::delegation::mchd::{MchdOrganization, MchdPerson, MchdPower};
use kabinet::delegation::{Mchd, PowerLevel, PowerStatus};
use kabinet::directory::DirectorySnapshot;
use kabinet::employees::Standing;
use kabinet::organizations::{
    OrganizationKind, OrganizationStatus, RejectionReason, StateRegistry,
};
use kabinet::*;
use support::*;

const SUBMITTED: &str = "2026-03-02T10:00:00Z";
const ANSWERED: &str = "2026-03-03T10:00:00Z";

struct World {
    dir: Directory,
    head: AccountId,
    rep: AccountId,
}

fn world() -> World {
    let mut dir = Directory::new();
    let head = person(
        &mut dir,
        "Грефов",
        HEAD_SNILS,
        Some(HEAD_INN),
        "h@example.ru",
    );
    let rep = person(
        &mut dir,
        "Поверенный",
        &rep_snils(),
        Some(REP_INN),
        "r@example.ru",
    );
    World { dir, head, rep }
}

fn submit(w: &mut World, power: Mchd) -> (OrgId, Vec<Event>) {
    let events = run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
            power: Box::new(power),
        }),
        &Context::account(w.rep, t(SUBMITTED)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = events[0]
    else {
        panic!("not submitted: {events:?}")
    };
    (org, events)
}

fn answer(w: &mut World, org: OrgId, at: &str) -> Vec<Event> {
    let a = registry()
        .lookup(&Inn::parse(COMPANY_INN).unwrap())
        .unwrap();
    run(
        &mut w.dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer: a }),
        &Context::system(t(at)),
    )
}

fn reasons(dir: &Directory, org: OrgId) -> Vec<&'static str> {
    match &dir.organization(org).unwrap().status {
        OrganizationStatus::Rejected { reasons } => reasons.iter().map(Coded::code).collect(),
        other => panic!("not rejected: {other:?}"),
    }
}

#[test]
fn a_representative_registers_the_company_with_the_heads_power() {
    let mut w = world();
    let (org, events) = submit(&mut w, mchd(1));
    assert_eq!(events[1].kind(), "registration_power_presented");
    assert_eq!(
        w.dir.registration_power(org).unwrap().power.issuer,
        w.head,
        "the signer was found by СНИЛС and ИНН"
    );
    // nothing is granted before the registry answers
    assert!(w.dir.power(num(1)).is_none());
    assert!(!ask(&w.dir, w.rep, org, Right::OrganizationView, SUBMITTED).allowed);

    let events = answer(&mut w, org, ANSWERED);
    let kinds: Vec<_> = events.iter().map(Event::kind).collect();
    assert_eq!(
        kinds,
        [
            "registration_advanced",
            "registration_advanced",
            "organization_activated",
            "member_joined",
            "member_joined",
            "power_issued"
        ]
    );
    let o = w.dir.organization(org).unwrap();
    assert_eq!(o.status, OrganizationStatus::Active);
    assert_eq!(
        o.head,
        Some(w.head),
        "the head is the registry's, not the submitter"
    );
    assert_eq!(o.submitted_by, w.rep);
    assert_eq!(
        w.dir.membership(org, w.head).unwrap().standing,
        Standing::Head
    );
    let m = w.dir.membership(org, w.rep).unwrap();
    assert_eq!(m.standing, Standing::Employee);
    assert!(m.roles.is_empty() && m.grants.is_empty());
    assert_eq!(w.dir.organizations_of(w.rep), vec![org]);

    // the head holds every right as head; the representative every right
    // through the power, which the decision names
    let d = ask(&w.dir, w.head, org, Right::UsersManage, ANSWERED);
    assert_eq!(d.basis, Some(Basis::Head));
    for &right in Right::ALL {
        let d = ask(&w.dir, w.rep, org, right, ANSWERED);
        assert!(d.allowed, "{right}: {d:?}");
        assert_eq!(d.basis, Some(Basis::PowerOfAttorney));
        assert_eq!(d.delegation.as_ref().unwrap().number, num(1));
    }
    assert!(w.dir.registration_power(org).is_none());
    let p = w.dir.power(num(1)).unwrap();
    assert_eq!((p.principal, p.issuer), (org, w.head));
    // the power ends by itself: after it, the representative holds nothing
    let d = ask(
        &w.dir,
        w.rep,
        org,
        Right::OrganizationView,
        "2027-01-10T00:00:00Z",
    );
    assert!(!d.allowed);
    assert!(
        d.refusals.iter().any(|r| r.code() == "delegation.expired"),
        "{d:?}"
    );
}

#[test]
fn the_head_revokes_the_power_and_the_representative_loses_the_rights() {
    let mut w = world();
    let (org, _) = submit(&mut w, mchd(2));
    answer(&mut w, org, ANSWERED);
    exec(
        &mut w.dir,
        w.head,
        "2026-03-04T10:00:00Z",
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(2),
            ground: None,
        }),
    );
    let d = ask(
        &w.dir,
        w.rep,
        org,
        Right::OrganizationView,
        "2026-03-04T11:00:00Z",
    );
    assert!(!d.allowed, "{d:?}");
    assert!(
        ask(
            &w.dir,
            w.head,
            org,
            Right::OrganizationView,
            "2026-03-04T11:00:00Z"
        )
        .allowed
    );
}

#[test]
fn a_power_signed_by_someone_else_is_rejected_when_the_registry_answers() {
    let mut w = world();
    let other = person(
        &mut w.dir,
        "Заместителев",
        &snils_of(91),
        Some("500100732259"),
        "z@example.ru",
    );
    let mut m = mchd(3);
    m.signer = MchdPerson {
        snils: Some(snils_of(91)),
        inn: None,
    };
    let (org, events) = submit(&mut w, m);
    // the formal check cannot know the head yet
    assert_eq!(events.last().unwrap().kind(), "registration_advanced");
    assert_eq!(w.dir.registration_power(org).unwrap().power.issuer, other);
    answer(&mut w, org, ANSWERED);
    assert_eq!(reasons(&w.dir, org), ["registration.power_issuer_not_head"]);
    assert!(
        w.dir.power(num(3)).is_none(),
        "a rejected power grants nothing"
    );
    assert!(w.dir.membership(org, other).is_none());
}

#[test]
fn a_power_for_another_principal_or_person_or_scope_is_rejected_with_every_reason() {
    let mut w = world();
    let mut m = mchd(4);
    m.principal = MchdOrganization {
        inn: FIRM_INN.into(),
        ogrn: Some(FIRM_OGRN.into()),
    };
    m.representative.snils = Some(snils_of(92));
    m.representative.inn = None;
    m.powers = MchdPower::list(PowerLevel::Operational.rights());
    let (org, events) = submit(&mut w, m);
    let Event::Organizations(OrganizationEvent::RegistrationRejected { reasons: found, .. }) =
        events.last().unwrap()
    else {
        panic!("the formal check rejects: {events:?}")
    };
    let codes: Vec<_> = found.iter().map(Coded::code).collect();
    assert_eq!(
        codes,
        [
            "registration.power_principal_mismatch",
            "registration.power_principal_mismatch",
            "registration.power_not_for_submitter",
            "registration.power_scope",
        ]
    );
    let RejectionReason::PowerScope { missing } = &found[3] else {
        panic!()
    };
    assert_eq!(
        *missing,
        RightSet::all().difference(PowerLevel::Operational.rights())
    );
    assert!(found[3].message_ru().contains("users.manage"));
    assert!(found[2].message_en().contains("not given to the submitter"));
    assert_eq!(reasons(&w.dir, org).len(), 4);
}

#[test]
fn an_expired_power_is_rejected_at_submission_and_at_the_answer() {
    // expired before the submission: the formal check says so
    let mut w = world();
    let mut m = mchd(5);
    m.document.valid_until = "2026-03-01T00:00:00Z".into();
    let (org, _) = submit(&mut w, m);
    assert_eq!(reasons(&w.dir, org), ["registration.power_expired"]);

    // valid at submission, expired by the time the registry answers
    let mut w = world();
    let mut m = mchd(6);
    m.document.valid_until = "2026-03-03T00:00:00Z".into();
    let (org, _) = submit(&mut w, m);
    assert!(matches!(
        w.dir.organization(org).unwrap().status,
        OrganizationStatus::Registering { .. }
    ));
    answer(&mut w, org, ANSWERED);
    let o = w.dir.organization(org).unwrap();
    let OrganizationStatus::Rejected { reasons: found } = &o.status else {
        panic!("{:?}", o.status)
    };
    assert_eq!(
        found,
        &[RejectionReason::PowerExpired {
            valid_until: t("2026-03-03T00:00:00Z")
        }]
    );

    // not yet valid
    let mut w = world();
    let mut m = mchd(7);
    m.document.valid_from = "2026-04-01T00:00:00Z".into();
    let (org, _) = submit(&mut w, m);
    assert_eq!(reasons(&w.dir, org), ["registration.power_not_yet_valid"]);
}

#[test]
fn a_power_revoked_or_refused_before_the_answer_rejects_the_registration() {
    let mut w = world();
    let (org, _) = submit(&mut w, mchd(8));
    // only the signer revokes it before the organization exists
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(8),
                ground: None,
            }),
            &signed(&w.dir, w.rep, "2026-03-02T12:00:00Z"),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.not_signer");
    // with the qualified signature the policy requires
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(8),
                ground: None,
            }),
            &Context::account(w.head, t("2026-03-02T12:00:00Z")),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.denied");
    exec(
        &mut w.dir,
        w.head,
        "2026-03-02T12:00:00Z",
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(8),
            ground: None,
        }),
    );
    assert!(matches!(
        w.dir.registration_power(org).unwrap().power.status,
        PowerStatus::Revoked { .. }
    ));
    answer(&mut w, org, ANSWERED);
    assert_eq!(reasons(&w.dir, org), ["registration.power_revoked"]);
    assert!(w.dir.membership(org, w.head).is_none());

    let mut w = world();
    let (org, _) = submit(&mut w, mchd(9));
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::RefusePower { number: num(9) }),
        &Context::account(w.rep, t("2026-03-02T12:00:00Z")),
    );
    answer(&mut w, org, ANSWERED);
    assert_eq!(reasons(&w.dir, org), ["registration.power_refused"]);
}

#[test]
fn a_rejected_registration_is_resubmitted_with_a_corrected_power() {
    let mut w = world();
    let mut m = mchd(10);
    m.document.valid_until = "2026-03-03T00:00:00Z".into();
    let (org, _) = submit(&mut w, m);
    answer(&mut w, org, ANSWERED);
    assert_eq!(reasons(&w.dir, org), ["registration.power_expired"]);

    // a plain resubmission keeps the expired power: rejected again at once
    let events = run(
        &mut w.dir,
        Command::Organizations(OrganizationCommand::ResubmitOrganization {
            org,
            requisites: company_draft(),
        }),
        &Context::account(w.rep, t("2026-03-04T10:00:00Z")),
    );
    assert_eq!(events.last().unwrap().kind(), "registration_rejected");

    // someone else cannot resubmit, and a number in use is refused
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::ResubmitOrganizationByPower {
                org,
                requisites: company_draft(),
                power: Box::new(mchd(11)),
            }),
            &Context::account(w.head, t("2026-03-04T10:00:00Z")),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "organization.not_submitter");

    // the head signs a new power; the representative resubmits with it
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::ResubmitOrganizationByPower {
            org,
            requisites: company_draft(),
            power: Box::new(mchd(11)),
        }),
        &Context::account(w.rep, t("2026-03-04T10:00:00Z")),
    );
    assert_eq!(w.dir.registration_power(org).unwrap().power.number, num(11));
    answer(&mut w, org, "2026-03-05T10:00:00Z");
    assert!(w.dir.organization(org).unwrap().is_active());
    assert!(w.dir.power(num(11)).is_some());
    assert!(
        w.dir.power(num(10)).is_none(),
        "the replaced power is not recorded"
    );
}

#[test]
fn a_submitter_rejected_as_not_the_head_corrects_with_a_power() {
    let mut w = world();
    let events = run(
        &mut w.dir,
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        }),
        &Context::account(w.rep, t(SUBMITTED)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = events[0]
    else {
        panic!()
    };
    answer(&mut w, org, ANSWERED);
    assert_eq!(reasons(&w.dir, org), ["registration.submitter_not_head"]);
    run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::ResubmitOrganizationByPower {
            org,
            requisites: company_draft(),
            power: Box::new(mchd(12)),
        }),
        &Context::account(w.rep, t(ANSWERED)),
    );
    answer(&mut w, org, ANSWERED);
    let o = w.dir.organization(org).unwrap();
    assert_eq!((o.is_active(), o.head), (true, Some(w.head)));
}

#[test]
fn a_document_that_cannot_be_read_is_refused_before_anything_is_recorded() {
    let mut w = world();
    let ctx = Context::account(w.rep, t(SUBMITTED));
    let submit = |power: Mchd| {
        Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
            power: Box::new(power),
        })
    };
    // the signer holds no account: they could not become the head
    let mut m = mchd(13);
    m.signer = MchdPerson {
        snils: Some(snils_of(99)),
        inn: None,
    };
    let e = w.dir.run(submit(m), &ctx).unwrap_err();
    assert_eq!(command_code(&e), "mchd.signer_unknown");
    // an СНИЛС of one person with the ИНН of another names nobody
    let mut m = mchd(14);
    m.signer.inn = Some(REP_INN.into());
    let e = w.dir.run(submit(m), &ctx).unwrap_err();
    assert_eq!(command_code(&e), "mchd.signer_unknown");
    let mut m = mchd(15);
    m.powers[0].code = "nope.view".into();
    let e = w.dir.run(submit(m), &ctx).unwrap_err();
    assert_eq!(command_code(&e), "mchd.unknown_power");
    assert_eq!(w.dir.counts().1, 0, "no organization was recorded");

    // a number already presented for another registration is taken
    run(&mut w.dir, submit(mchd(16)), &ctx);
    let mut other = company_draft();
    other.kpp = "773601002".into();
    let e = w
        .dir
        .run(
            Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
                kind: OrganizationKind::LegalEntity,
                requisites: other,
                power: Box::new(mchd(16)),
            }),
            &ctx,
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.duplicate_number");
}

#[test]
fn replaying_the_events_or_a_snapshot_rebuilds_the_same_directory() {
    take_log();
    let mut w = world();
    let (org, _) = submit(&mut w, mchd(20));
    // a second registration (a branch's КПП), whose power the head revokes
    let mut other = company_draft();
    other.kpp = "773601002".into();
    let events = run(
        &mut w.dir,
        Command::Delegation(DelegationCommand::SubmitOrganizationByPower {
            kind: OrganizationKind::LegalEntity,
            requisites: other,
            power: Box::new(mchd(21)),
        }),
        &Context::account(w.rep, t(SUBMITTED)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org: second, .. }) =
        events[0]
    else {
        panic!()
    };
    assert_eq!(events.last().unwrap().kind(), "registration_advanced");
    exec(
        &mut w.dir,
        w.head,
        "2026-03-02T12:00:00Z",
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(21),
            ground: None,
        }),
    );
    answer(&mut w, org, ANSWERED);

    let log = take_log();
    let json = serde_json::to_string(&log).unwrap();
    let back: Vec<Event> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
    let mut replayed = Directory::new();
    for e in &back {
        replayed.apply(e);
    }
    assert_eq!(replayed, w.dir);
    let snap = serde_json::to_string(&DirectorySnapshot::of(&w.dir)).unwrap();
    let restored = serde_json::from_str::<DirectorySnapshot>(&snap)
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(restored, w.dir);
    assert!(matches!(
        restored.registration_power(second).unwrap().power.status,
        PowerStatus::Revoked { .. }
    ));
    assert!(restored.registration_power(org).is_none());
    assert!(restored.power(num(20)).is_some());
}
