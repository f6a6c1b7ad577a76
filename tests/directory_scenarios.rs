//! Scenarios from DOMAIN §2, §4, §5 and §7: registration through the registry,
//! invitations, roles, least privilege, signatures and explained decisions.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::accounts::{AccountLevel, AccountStatus, BlockReason, PersonName};
use kabinet::employees::Invitee;
use kabinet::identifiers::{Inn, Snils};
use kabinet::organizations::{
    OrganizationBlockReason, OrganizationKind, OrganizationStatus, RegistryAnswer, StateRegistry,
};
use kabinet::*;
use support::*;

fn code(e: &CommandError) -> &'static str {
    Coded::code(e)
}

#[test]
fn the_head_registers_the_company_and_holds_every_right() {
    let (dir, head, org) = world();
    let o = dir.organization(org).unwrap();
    assert_eq!(o.status, OrganizationStatus::Active);
    assert_eq!(o.head, Some(head));
    let d = dir.check(&AccessRequest::new(head, org, Right::UsersManage, t(T0)));
    assert!(d.allowed, "{d:?}");
    assert_eq!(d.basis, Some(Basis::Head));
    assert_eq!(
        dir.effective_rights(head, org, t(T0)).len(),
        Right::ALL.len()
    );
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
        Command::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: draft,
        },
        &ctx,
    );
    let Event::OrganizationSubmitted { org, .. } = ev[0] else {
        panic!()
    };
    let answer = registry()
        .lookup(&Inn::parse(COMPANY_INN).unwrap())
        .unwrap();
    run(
        &mut dir,
        Command::RecordRegistryAnswer {
            org,
            answer: answer.clone(),
        },
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
        Command::ResubmitOrganization {
            org,
            requisites: company_draft(),
        },
        &ctx,
    );
    run(
        &mut dir,
        Command::RecordRegistryAnswer { org, answer },
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
        Command::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        },
        &Context::account(stranger, t(T0)),
    );
    let Event::OrganizationSubmitted { org, .. } = ev[0] else {
        panic!()
    };
    let answer = registry()
        .lookup(&Inn::parse(COMPANY_INN).unwrap())
        .unwrap();
    run(
        &mut dir,
        Command::RecordRegistryAnswer { org, answer },
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
        Command::RegisterAccount {
            name: PersonName::new("А", "Б", None),
            snils: None,
            inn: None,
            email: None,
            phone: None,
        },
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
        Command::SubmitOrganization {
            kind: OrganizationKind::LegalEntity,
            requisites: company_draft(),
        },
        &Context::account(h, t(T0)),
    );
    let Event::OrganizationSubmitted { org, .. } = ev[0] else {
        panic!()
    };
    run(
        &mut other,
        Command::RecordRegistryAnswer {
            org,
            answer: RegistryAnswer::NotFound,
        },
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
        Command::RegisterAccount {
            name: PersonName::new("Новиков", "Пётр", None),
            snils: Some(Snils::parse("112-233-445 95").unwrap()),
            inn: None,
            email: None,
            phone: None,
        },
        &Context::system(t(T0)),
    );
    let Event::AccountRegistered { account, .. } = ev[0] else {
        panic!()
    };
    let err = dir
        .run(
            Command::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: company_draft(),
            },
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
            Command::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: bad,
            },
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
fn an_accountant_needs_a_qualified_signature_of_their_own_for_this_company() {
    let (mut dir, head, org) = world();
    let acc = person(
        &mut dir,
        "Бухова",
        "001-001-997 00",
        Some("502400123477"),
        "b@example.ru",
    );
    hire(
        &mut dir,
        org,
        head,
        acc,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    let req = AccessRequest::new(acc, org, Right::AccountingApprove, t(T0));

    let d = dir.check(&req);
    assert!(!d.allowed);
    assert_eq!(
        d.basis,
        Some(Basis::Role(RoleRef::BuiltIn(BuiltInRole::Accountant)))
    );
    assert_eq!(d.refusal_codes(), ["access.signature_too_weak"]);
    assert_eq!(d.required_signature, SignatureLevel::Qualified);

    let own = SignerIdentity {
        snils: Some(Snils::parse("001-001-997 00").unwrap()),
        organization_inn: Some(Inn::parse(COMPANY_INN).unwrap()),
        ..SignerIdentity::default()
    };
    let d = dir.check(&req.clone().signed(SignatureEvidence::certified(
        SignatureLevel::Qualified,
        own.clone(),
    )));
    assert!(d.allowed, "{}", d.explain_en());

    let enhanced = dir.check(&req.clone().signed(SignatureEvidence::certified(
        SignatureLevel::Enhanced,
        own.clone(),
    )));
    assert_eq!(enhanced.refusal_codes(), ["access.signature_too_weak"]);

    let foreign = SignerIdentity {
        organization_inn: Some(Inn::parse("7736207543").unwrap()),
        ..own.clone()
    };
    let d = dir.check(&req.clone().signed(SignatureEvidence::certified(
        SignatureLevel::Qualified,
        foreign,
    )));
    assert_eq!(d.refusal_codes(), ["access.signer_organization_mismatch"]);

    let someone_else = SignerIdentity {
        snils: Some(Snils::parse("112-233-445 95").unwrap()),
        ..own
    };
    let d = dir.check(&req.clone().signed(SignatureEvidence::certified(
        SignatureLevel::Qualified,
        someone_else,
    )));
    assert_eq!(d.refusal_codes(), ["access.signer_not_actor"]);

    let bare = dir.check(&req.signed(SignatureEvidence {
        level: SignatureLevel::Qualified,
        signer: None,
        bound_certificate: None,
    }));
    assert_eq!(bare.refusal_codes(), ["access.signer_identity_missing"]);
}

#[test]
fn every_reason_is_reported_at_once() {
    let (mut dir, head, org) = world();
    let obs = person(&mut dir, "Смотров", "001-001-997 00", None, "o@example.ru");
    hire(
        &mut dir,
        org,
        head,
        obs,
        vec![RoleRef::BuiltIn(BuiltInRole::Observer)],
    );
    run(
        &mut dir,
        Command::DismissEmployee { org, account: obs },
        &Context::account(head, t(T0)),
    );
    let d = dir.check(&AccessRequest::new(obs, org, Right::ReportsApprove, t(T0)));
    assert_eq!(
        d.refusal_codes(),
        [
            "access.membership_not_active",
            "access.right_not_held",
            "access.signature_too_weak"
        ]
    );
    assert!(d.explain_ru().starts_with("отказано"));
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
}

#[test]
fn least_privilege_binds_administrators() {
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
    let as_admin = Context::account(admin, t(T0));

    let err = dir
        .run(
            Command::AssignRole {
                org,
                account: clerk,
                role: RoleRef::BuiltIn(BuiltInRole::Accountant),
            },
            &as_admin,
        )
        .unwrap_err();
    let CommandError::BeyondOwnRights { missing } = &err else {
        panic!("{err:?}")
    };
    assert!(
        missing.contains(Right::AccountingApprove) && !missing.contains(Right::OrganizationView)
    );

    let err = dir
        .run(
            Command::CreateCustomRole {
                org,
                name: "Платёжник".into(),
                rights: RightSet::of(&[Right::PaymentsApprove]),
            },
            &as_admin,
        )
        .unwrap_err();
    assert_eq!(code(&err), "access.beyond_own_rights");

    let ev = run(
        &mut dir,
        Command::CreateCustomRole {
            org,
            name: "Кадры-просмотр".into(),
            rights: RightSet::of(&[Right::UsersView, Right::JournalView]),
        },
        &as_admin,
    );
    let Event::CustomRoleDefined { ref role, .. } = ev[0] else {
        panic!()
    };
    let role = RoleRef::Custom(role.id);
    run(
        &mut dir,
        Command::AssignRole {
            org,
            account: clerk,
            role,
        },
        &as_admin,
    );
    let d = dir.check(&AccessRequest::new(clerk, org, Right::JournalView, t(T0)));
    assert_eq!(d.basis, Some(Basis::Role(role)));

    for cmd in [
        Command::DismissEmployee { org, account: head },
        Command::BlockEmployee { org, account: head },
        Command::GrantRights {
            org,
            account: head,
            rights: RightSet::of(&[Right::UsersView]),
        },
    ] {
        assert_eq!(
            code(&dir.run(cmd, &as_admin).unwrap_err()),
            "employee.head_protected"
        );
    }
    let err = dir
        .run(
            Command::AssignRole {
                org,
                account: clerk,
                role: RoleRef::BuiltIn(BuiltInRole::Head),
            },
            &Context::account(head, t(T0)),
        )
        .unwrap_err();
    assert_eq!(code(&err), "role.not_assignable");

    let err = dir
        .run(
            Command::DismissEmployee {
                org,
                account: admin,
            },
            &Context::account(clerk, t(T0)),
        )
        .unwrap_err();
    assert_eq!(code(&err), "access.denied");
}

#[test]
fn an_administrator_dismisses_and_restores_someone_with_more_rights() {
    let (mut dir, head, org) = world();
    let admin = person(&mut dir, "Админов", "001-001-997 00", None, "a@example.ru");
    let acc = person(&mut dir, "Бухова", "001-001-996 00", None, "b@example.ru");
    hire(
        &mut dir,
        org,
        head,
        admin,
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    );
    hire(
        &mut dir,
        org,
        head,
        acc,
        vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
    );
    // DOMAIN §5: the administrator manages every employee but the head.
    run(
        &mut dir,
        Command::DismissEmployee { org, account: acc },
        &Context::account(admin, t(T0)),
    );
    assert!(
        !dir.check(&AccessRequest::new(acc, org, Right::PaymentsView, t(T0)))
            .allowed
    );
    run(
        &mut dir,
        Command::RestoreEmployee { org, account: acc },
        &Context::account(admin, t(T0)),
    );
    assert!(
        dir.check(&AccessRequest::new(acc, org, Right::PaymentsView, t(T0)))
            .allowed
    );
}

#[test]
fn invitations_expire_by_time_alone() {
    let (mut dir, head, org) = world();
    let p = person(&mut dir, "Новиков", "001-001-997 00", None, "n@example.ru");
    let ev = run(
        &mut dir,
        Command::InviteEmployee {
            org,
            invitee: Invitee::Email(kabinet::identifiers::Email::parse("n@example.ru").unwrap()),
            name: PersonName::new("Новиков", "Иван", None),
            position: None,
            roles: vec![RoleRef::BuiltIn(BuiltInRole::Specialist)],
        },
        &Context::account(head, t(T0)),
    );
    let Event::InvitationSent { ref invitation } = ev[0] else {
        panic!()
    };
    let (id, expires_at) = (invitation.id, invitation.expires_at);
    assert_eq!(expires_at, t("2026-03-09T09:00:00Z"));
    let accept = Command::AcceptInvitation { invitation: id };
    let err = dir
        .execute(accept.clone(), &Context::account(p, expires_at))
        .unwrap_err();
    assert_eq!(code(&err), "invitation.expired");
    let just_before = expires_at
        .checked_sub(jiff::SignedDuration::from_nanos(1))
        .unwrap();
    let stranger = person(&mut dir, "Чужой", "001-001-996 00", None, "x@example.ru");
    assert_eq!(
        code(
            &dir.execute(accept.clone(), &Context::account(stranger, just_before))
                .unwrap_err()
        ),
        "invitation.not_for_you"
    );
    run(&mut dir, accept.clone(), &Context::account(p, just_before));
    assert_eq!(dir.organizations_of(p), [org]);
    assert_eq!(
        code(
            &dir.execute(accept, &Context::account(p, just_before))
                .unwrap_err()
        ),
        "invitation.not_found"
    );
}

#[test]
fn blocked_organizations_and_accounts_grant_nothing() {
    let (mut dir, head, org) = world();
    let sys = Context::system(t(T0));
    run(
        &mut dir,
        Command::BlockOrganization {
            org,
            reason: OrganizationBlockReason::Operator,
        },
        &sys,
    );
    let d = dir.check(&AccessRequest::new(head, org, Right::UsersView, t(T0)));
    assert_eq!(d.refusal_codes(), ["access.organization_not_active"]);
    assert!(dir.effective_rights(head, org, t(T0)).is_empty());
    run(&mut dir, Command::UnblockOrganization { org }, &sys);
    run(
        &mut dir,
        Command::BlockAccount {
            account: head,
            reason: BlockReason::FailedLogins,
        },
        &sys,
    );
    assert_eq!(
        dir.account(head).unwrap().status,
        AccountStatus::Blocked(BlockReason::FailedLogins)
    );
    let d = dir.check(&AccessRequest::new(head, org, Right::UsersView, t(T0)));
    assert_eq!(d.refusal_codes(), ["access.account_blocked"]);
    run(&mut dir, Command::RestoreAccount { account: head }, &sys);
    assert!(
        dir.check(&AccessRequest::new(head, org, Right::UsersView, t(T0)))
            .allowed
    );
    assert_eq!(
        code(
            &dir.run(
                Command::BlockAccount {
                    account: head,
                    reason: BlockReason::Operator
                },
                &Context::account(head, t(T0))
            )
            .unwrap_err()
        ),
        "command.system_only"
    );
}

#[test]
fn changing_requisites_needs_an_enhanced_signature_and_keeps_identity() {
    let (mut dir, head, org) = world();
    let mut draft = company_draft();
    draft.actual_address = "г. Москва, ул. Новая, д. 1".into();
    let cmd = Command::ChangeRequisites {
        org,
        requisites: draft.clone(),
    };
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
            Command::ChangeRequisites {
                org,
                requisites: draft,
            },
            &signed,
        )
        .unwrap_err();
    assert_eq!(code(&err), "organization.identity_immutable");
}

#[test]
fn effective_rights_name_every_source_and_access_groups_hold_members() {
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
        Command::GrantRights {
            org,
            account: op,
            rights: RightSet::of(&[Right::ReportsView, Right::DocumentsView]),
        },
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

    let ev = run(
        &mut dir,
        Command::CreateAccessGroup {
            org,
            name: "1С:Бухгалтерия".into(),
            system: "1С".into(),
        },
        &head_ctx,
    );
    let Event::AccessGroupCreated { group, .. } = ev[0] else {
        panic!()
    };
    run(
        &mut dir,
        Command::AddToAccessGroup {
            org,
            group,
            account: op,
        },
        &head_ctx,
    );
    assert!(dir
        .organization(org)
        .unwrap()
        .access_group(group)
        .unwrap()
        .members
        .contains(&op));
    let err = dir
        .run(
            Command::AddToAccessGroup {
                org,
                group,
                account: AccountId(404),
            },
            &head_ctx,
        )
        .unwrap_err();
    assert_eq!(code(&err), "employee.not_a_member");
    run(
        &mut dir,
        Command::RemoveFromAccessGroup {
            org,
            group,
            account: op,
        },
        &head_ctx,
    );
    run(
        &mut dir,
        Command::DeleteAccessGroup { org, group },
        &head_ctx,
    );
    assert!(dir.organization(org).unwrap().access_groups.is_empty());
}

#[test]
fn one_account_in_several_organizations_and_one_snils_one_account() {
    let (mut dir, head, org) = world();
    let err = dir
        .run(
            Command::RegisterAccount {
                name: PersonName::new("Двойник", "Иван", None),
                snils: Some(Snils::parse("112-233-445 95").unwrap()),
                inn: None,
                email: None,
                phone: None,
            },
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
            Command::InviteEmployee {
                org,
                invitee: Invitee::Snils(Snils::parse("001-001-997 00").unwrap()),
                name: PersonName::new("Бухова", "Анна", None),
                position: None,
                roles: vec![RoleRef::BuiltIn(BuiltInRole::Accountant)],
            },
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

#[test]
fn confirming_an_identity_is_one_command_whole_or_nothing() {
    let mut dir = Directory::new();
    let register = |dir: &mut Directory, snils: Option<&str>| {
        let events = run(
            dir,
            Command::RegisterAccount {
                name: PersonName::new("Новиков", "Иван", None),
                snils: snils.map(|s| Snils::parse(s).unwrap()),
                inn: None,
                email: None,
                phone: None,
            },
            &Context::system(t(T0)),
        );
        let Event::AccountRegistered { account, .. } = events[0] else {
            panic!("{events:?}")
        };
        account
    };
    let sys = Context::system(t(T0));
    let a = register(&mut dir, Some("001-001-997 00"));
    let events = run(&mut dir, Command::ConfirmIdentity { account: a }, &sys);
    let levels: Vec<_> = events
        .iter()
        .map(|e| match e {
            Event::AccountLevelChanged { level, .. } => *level,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(levels, [AccountLevel::Standard, AccountLevel::Confirmed]);
    assert_eq!(dir.account(a).unwrap().level, AccountLevel::Confirmed);
    let err = dir
        .run(Command::ConfirmIdentity { account: a }, &sys)
        .unwrap_err();
    assert_eq!(code(&err), "command.already_in_status");
    // Without a СНИЛС nothing changes, not even the first step.
    let b = register(&mut dir, None);
    let err = dir
        .run(Command::ConfirmIdentity { account: b }, &sys)
        .unwrap_err();
    assert_eq!(code(&err), "account.level_transition");
    assert_eq!(dir.account(b).unwrap().level, AccountLevel::Simplified);
    // Only the portal confirms.
    let err = dir
        .run(
            Command::ConfirmIdentity { account: b },
            &Context::account(a, t(T0)),
        )
        .unwrap_err();
    assert_eq!(code(&err), "command.system_only");
}
