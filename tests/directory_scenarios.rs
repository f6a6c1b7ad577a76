//! Scenarios from DOMAIN §2, §4, §5 and §7 that need the Rust API's depth
//! (state read back, error fields, events rebuilt); the stories every API
//! tells alike are the shared scenarios of `tests/scenarios`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::accounts::PersonName;
use kabinet::employees::Invitee;
use kabinet::identifiers::{Inn, Snils};
use kabinet::organizations::{OrganizationKind, OrganizationStatus, RegistryAnswer, StateRegistry};
use kabinet::*;
use support::*;

fn code(e: &CommandError) -> &'static str {
    Coded::code(e)
}

#[test]
fn registration_is_rejected_with_reasons_then_corrected_and_resubmitted() {
    let mut dir = Directory::new();
    let head = person(
        &mut dir,
        "Грефов",
        "112-233-445 95",
        Some(HEAD_INN),
        "h@example.ru",
    );
    let mut draft = company_draft();
    draft.full_name = "ООО Другое".into();
    let ctx = Context::account(head, t(T0));
    let ev = run(
        &mut dir,
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: draft,
        }),
        &ctx,
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = ev[0] else {
        panic!()
    };
    let answer = registry()
        .lookup(&Inn::parse(COMPANY_INN).unwrap())
        .unwrap();
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer {
            org,
            answer: answer.clone(),
        }),
        &Context::system(t(T0)),
    );
    let OrganizationStatus::Rejected { reasons } = &dir.organization(org).unwrap().status else {
        panic!("not rejected")
    };
    let codes: Vec<_> = reasons.iter().map(Coded::code).collect();
    assert_eq!(codes, ["registration.mismatch"]);
    assert!(Coded::message_ru(&reasons[0]).contains("full_name"));

    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::ResubmitOrganization {
            org,
            requisites: company_draft(),
        }),
        &ctx,
    );
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &Context::system(t(T0)),
    );
    assert!(dir.organization(org).unwrap().is_active());
}

#[test]
fn only_the_registry_named_head_may_register() {
    let mut dir = Directory::new();
    let stranger = person(
        &mut dir,
        "Чужой",
        "112-233-445 95",
        Some("502400123477"),
        "s@example.ru",
    );
    let ev = run(
        &mut dir,
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        }),
        &Context::account(stranger, t(T0)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = ev[0] else {
        panic!()
    };
    let answer = registry()
        .lookup(&Inn::parse(COMPANY_INN).unwrap())
        .unwrap();
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &Context::system(t(T0)),
    );
    let OrganizationStatus::Rejected { reasons } = &dir.organization(org).unwrap().status else {
        panic!()
    };
    assert!(reasons
        .iter()
        .any(|r| Coded::code(r) == "registration.submitter_not_head"));

    let not_found = run(
        &mut Directory::new(),
        Command::Accounts(AccountCommand::RegisterAccount {
            name: PersonName::new("А", "Б", None),
            snils: None,
            inn: None,
            email: None,
            phone: None,
        }),
        &Context::system(t(T0)),
    );
    assert_eq!(not_found.len(), 1);
    let mut other = Directory::new();
    let h = person(
        &mut other,
        "Грефов",
        "112-233-445 95",
        Some(HEAD_INN),
        "h@example.ru",
    );
    let ev = run(
        &mut other,
        Command::Organizations(OrganizationCommand::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        }),
        &Context::account(h, t(T0)),
    );
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = ev[0] else {
        panic!()
    };
    run(
        &mut other,
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer {
            org,
            answer: RegistryAnswer::NotFound,
        }),
        &Context::system(t(T0)),
    );
    let OrganizationStatus::Rejected { reasons } = &other.organization(org).unwrap().status else {
        panic!()
    };
    assert_eq!(Coded::code(&reasons[0]), "registration.not_in_registry");
}

#[test]
fn an_unconfirmed_account_cannot_register_and_requisites_report_every_field_error() {
    let mut dir = Directory::new();
    let ev = run(
        &mut dir,
        Command::Accounts(AccountCommand::RegisterAccount {
            name: PersonName::new("Новиков", "Пётр", None),
            snils: Some(Snils::parse("112-233-445 95").unwrap()),
            inn: None,
            email: None,
            phone: None,
        }),
        &Context::system(t(T0)),
    );
    let Event::Accounts(AccountEvent::AccountRegistered { account, .. }) = ev[0] else {
        panic!()
    };
    let err = dir
        .run(
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: company_draft(),
            }),
            &Context::account(account, t(T0)),
        )
        .unwrap_err();
    assert_eq!(code(&err), "account.cannot_act");

    let head = world().1;
    let (mut dir, _, _) = world();
    let mut bad = company_draft();
    bad.inn = String::new();
    bad.legal_address = String::new();
    bad.ogrnip = "304500116000157".into();
    let err = dir
        .run(
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: bad,
            }),
            &Context::account(head, t(T0)),
        )
        .unwrap_err();
    let CommandError::InvalidRequisites { fields } = err else {
        panic!("{err:?}")
    };
    let named: Vec<_> = fields
        .iter()
        .map(|f| (f.field.as_str(), f.error.code.as_str()))
        .collect();
    assert_eq!(
        named,
        [
            ("inn", "field.required"),
            ("ogrnip", "field.not_for_kind"),
            ("legal_address", "field.required")
        ]
    );
}

#[test]
fn every_reason_is_reported_at_once_even_for_nobody() {
    // The dismissed observer's three reasons are the shared scenario
    // every_reason_at_once; an account and an organization that do not exist
    // cannot be named there.
    let (dir, _, _) = world();
    let unknown = dir.check(&AccessRequest::new(
        AccountId(999),
        OrgId(999),
        Right::UsersView,
        t(T0),
    ));
    assert_eq!(
        unknown.refusal_codes(),
        [
            "access.account_unknown",
            "access.organization_unknown",
            "access.not_a_member"
        ]
    );
    assert!(unknown.explain_ru().starts_with("отказано"));
}

#[test]
fn a_right_beyond_ones_own_is_named() {
    // What the administrator may and may not do is the shared scenario
    // least_privilege; here the refusal names exactly the rights it lacks.
    let (mut dir, head, org) = world();
    let admin = person(&mut dir, "Админов", "001-001-997 00", None, "a@example.ru");
    let clerk = person(&mut dir, "Клерков", "001-001-996 00", None, "c@example.ru");
    hire(
        &mut dir,
        org,
        head,
        admin,
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    );
    hire(&mut dir, org, head, clerk, vec![]);
    let err = dir
        .run(
            Command::Roles(RoleCommand::AssignRole {
                org,
                account: clerk,
                role: RoleRef::BuiltIn(BuiltInRole::Accountant),
            }),
            &Context::account(admin, t(T0)),
        )
        .unwrap_err();
    let CommandError::BeyondOwnRights { missing } = &err else {
        panic!("{err:?}")
    };
    let accountant = BuiltInRole::Accountant.rights();
    let administrator = BuiltInRole::Administrator.rights();
    assert_eq!(*missing, accountant.difference(administrator));
    assert!(missing.contains(Right::AccountingApprove));
}

#[test]
fn changing_requisites_needs_an_enhanced_signature_and_keeps_identity() {
    let (mut dir, head, org) = world();
    let mut draft = company_draft();
    draft.actual_address = "г. Москва, ул. Новая, д. 1".into();
    let cmd = Command::Organizations(OrganizationCommand::ChangeRequisites {
        org,
        requisites: draft.clone(),
    });
    let err = dir
        .run(cmd.clone(), &Context::account(head, t(T0)))
        .unwrap_err();
    let CommandError::Denied { refusals } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(Coded::code(&refusals[0]), "access.signature_too_weak");
    let signer = SignerIdentity {
        inn: Some(Inn::parse(HEAD_INN).unwrap()),
        organization_inn: Some(Inn::parse(COMPANY_INN).unwrap()),
        ..Default::default()
    };
    let signed = Context::account(head, t(T0)).signed(SignatureEvidence::certified(
        SignatureLevel::Enhanced,
        signer,
    ));
    run(&mut dir, cmd, &signed);
    assert_eq!(
        dir.organization(org)
            .unwrap()
            .requisites
            .actual_address
            .as_deref(),
        Some("г. Москва, ул. Новая, д. 1")
    );
    draft.ogrn = "1027700067328".into();
    let err = dir
        .run(
            Command::Organizations(OrganizationCommand::ChangeRequisites {
                org,
                requisites: draft,
            }),
            &signed,
        )
        .unwrap_err();
    assert_eq!(code(&err), "organization.identity_immutable");
}

#[test]
fn effective_rights_name_every_source() {
    let (mut dir, head, org) = world();
    let op = person(
        &mut dir,
        "Операторов",
        "001-001-997 00",
        None,
        "op@example.ru",
    );
    hire(
        &mut dir,
        org,
        head,
        op,
        vec![
            RoleRef::BuiltIn(BuiltInRole::Operator),
            RoleRef::BuiltIn(BuiltInRole::Specialist),
        ],
    );
    let head_ctx = Context::account(head, t(T0));
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: op,
            rights: RightSet::of(&[Right::ReportsView, Right::DocumentsView]),
        }),
        &head_ctx,
    );
    let rights = dir.effective_rights(op, org, t(T0));
    let docs = rights
        .iter()
        .find(|r| r.right == Right::DocumentsView)
        .unwrap();
    assert_eq!(
        docs.sources,
        [
            Basis::Role(RoleRef::BuiltIn(BuiltInRole::Operator)),
            Basis::Role(RoleRef::BuiltIn(BuiltInRole::Specialist)),
            Basis::Grant
        ]
    );
    let reports = rights
        .iter()
        .find(|r| r.right == Right::ReportsView)
        .unwrap();
    assert_eq!(reports.sources, [Basis::Grant]);
    // Access groups are the shared scenario effective_rights_name_their_sources.
}

#[test]
fn one_account_in_several_organizations_and_one_snils_one_account() {
    let (mut dir, head, org) = world();
    let err = dir
        .run(
            Command::Accounts(AccountCommand::RegisterAccount {
                name: PersonName::new("Двойник", "Иван", None),
                snils: Some(Snils::parse("112-233-445 95").unwrap()),
                inn: None,
                email: None,
                phone: None,
            }),
            &Context::system(t(T0)),
        )
        .unwrap_err();
    assert_eq!(code(&err), "account.duplicate_snils");
    assert_eq!(dir.organizations_of(head), [org]);
}

#[test]
fn events_travel_as_json_and_rebuild_the_same_state() {
    let (mut dir, head, org) = world();
    let acc = person(&mut dir, "Бухова", "001-001-997 00", None, "b@example.ru");
    let before = dir.clone();
    let events = dir
        .execute(
            Command::Employees(EmployeeCommand::InviteEmployee {
                org,
                invitee: Invitee::Snils(Snils::parse("001-001-997 00").unwrap()),
                name: PersonName::new("Бухова", "Анна", None),
                position: None,
                roles: vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
            }),
            &Context::account(head, t(T0)),
        )
        .unwrap();
    assert_eq!(dir, before, "execute changes nothing");
    let json = serde_json::to_string(&events).unwrap();
    assert!(json.contains(r#""event":"invitation_sent""#));
    let back: Vec<Event> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, events);
    for e in &back {
        dir.apply(e);
    }
    let mut direct = before;
    for e in &events {
        direct.apply(e);
    }
    assert_eq!(dir, direct);
    assert_eq!(dir.invitations_of(org).count(), 1);
    let _ = acc;
}
