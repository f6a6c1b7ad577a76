//! Scenarios of DOMAIN §6 and the portal's guides: powers of attorney given
//! by the head, used by employees and third parties, re-delegated, expiring by
//! themselves, suspended with the principal; least privilege; entering by a
//! power's number. Their end is in `delegation_revocation.rs`, their JSON in
//! `delegation_mchd.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::identifiers::{Inn, Ogrn, Snils};
use kabinet::organizations::OrganizationBlockReason;
use kabinet::*;
use support::*;

#[test]
fn the_head_gives_an_employee_powers_that_grant_at_once() {
    let (mut dir, head, org) = world();
    let clerk = employee(
        &mut dir,
        org,
        head,
        1,
        vec![RoleRef::BuiltIn(BuiltInRole::Specialist)],
    );
    let before = ask(&dir, clerk, org, Right::ReportsApprove, T0);
    assert_eq!(before.refusal_codes(), ["access.right_not_held"]);

    // issuing needs the qualified signature the policy table asks for powers_of_attorney.edit
    let weak = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: terms(1, to(clerk), PowerLevel::Operational.rights()),
                irrevocable: false,
            }),
            &Context::account(head, t(T0)),
        )
        .unwrap_err();
    assert_eq!(command_code(&weak), "access.denied");
    assert!(
        weak.message_en().contains("qualified"),
        "{}",
        weak.message_en()
    );

    issue(
        &mut dir,
        head,
        org,
        terms(1, to(clerk), PowerLevel::Operational.rights()),
    );
    let d = ask(&dir, clerk, org, Right::ReportsApprove, T0);
    assert!(d.allowed, "{d:?}");
    assert_eq!(d.basis, Some(Basis::PowerOfAttorney));
    let basis = d.delegation.as_ref().unwrap();
    assert_eq!(basis.number, num(1));
    assert_eq!(basis.chain.len(), 1);
    assert_eq!(basis.chain[0].issuer, head);
    assert!(d.explain_en().contains(&num(1).to_string()));
    // roles still decide what they give, without a chain
    let own = ask(&dir, clerk, org, Right::ApplicationsEdit, T0);
    assert_eq!(
        own.basis,
        Some(Basis::Role(RoleRef::BuiltIn(BuiltInRole::Specialist)))
    );
    assert!(own.delegation.is_none());
    // the operational level does not reach the organization's settings
    let beyond = ask(&dir, clerk, org, Right::SettingsEdit, T0);
    assert_eq!(
        beyond.refusal_codes(),
        ["access.right_not_held", "delegation.beyond_powers"]
    );
    // effective rights show where each comes from and until when
    let eff = dir.effective_rights(clerk, org, t(T0));
    let reports = eff
        .iter()
        .find(|e| e.right == Right::ReportsApprove)
        .unwrap();
    assert_eq!(reports.sources, [Basis::PowerOfAttorney]);
    assert_eq!(reports.powers[0].valid_until, t("2027-03-02T09:00:00Z"));
    let apps = eff
        .iter()
        .find(|e| e.right == Right::ApplicationsEdit)
        .unwrap();
    assert_eq!(
        apps.sources,
        [
            Basis::Role(RoleRef::BuiltIn(BuiltInRole::Specialist)),
            Basis::PowerOfAttorney
        ]
    );
}

#[test]
fn a_third_party_accountant_files_documents_for_the_company() {
    let (mut dir, head, org) = world();
    let outsider = person(
        &mut dir,
        "Внешний",
        &snils_of(7),
        Some("500123456750"),
        "acc@firm.ru",
    );
    let rep = Representative::Person {
        snils: Some(Snils::parse(&snils_of(7)).unwrap()),
        inn: None,
        acting_for: Some(RepresentingOrganization {
            inn: Inn::parse(FIRM_INN).unwrap(),
            ogrn: Some(Ogrn::parse(FIRM_OGRN).unwrap()),
        }),
    };
    let powers = RightSet::of(&[
        Right::DocumentsView,
        Right::DocumentsEdit,
        Right::DocumentsApprove,
    ]);
    issue(&mut dir, head, org, terms(2, rep, powers));

    // the accountant signs with the firm's certificate
    let firm_cert = SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: Some(Snils::parse(&snils_of(7)).unwrap()),
            organization_inn: Some(Inn::parse(FIRM_INN).unwrap()),
            ogrn: Some(Ogrn::parse(FIRM_OGRN).unwrap()),
            ..SignerIdentity::default()
        },
    );
    let submit =
        AccessRequest::new(outsider, org, Right::DocumentsApprove, t(T0)).signed(firm_cert.clone());
    let d = dir.check(&submit);
    assert!(d.allowed, "{:?}", d.refusal_codes());
    assert_eq!(d.delegation.unwrap().chain[0].number, num(2));

    // a certificate of yet another organization is still refused
    let mut stranger = firm_cert;
    let signer = stranger.signer.as_mut().unwrap();
    signer.organization_inn = Some(Inn::parse("7702070139").unwrap());
    signer.ogrn = None;
    let d = dir
        .check(&AccessRequest::new(outsider, org, Right::DocumentsApprove, t(T0)).signed(stranger));
    assert!(
        d.refusal_codes()
            .contains(&"access.signer_organization_mismatch"),
        "{d:?}"
    );

    // nothing beyond the powers, and not a member either
    let d = ask(&dir, outsider, org, Right::PaymentsApprove, T0);
    assert_eq!(
        d.refusal_codes(),
        ["access.not_a_member", "delegation.beyond_powers"]
    );
    assert!(d.explain_ru().contains("не даёт права"));

    // the queries find it by the person's СНИЛС
    let mine = dir.powers_of_representative(outsider);
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].number, num(2));
    assert_eq!(dir.powers_issued_by(org).len(), 1);
}

#[test]
fn entering_by_the_number_of_a_power_of_attorney() {
    let (mut dir, head, org) = world();
    let rep = person(
        &mut dir,
        "Представитель",
        &snils_of(3),
        None,
        "r@example.ru",
    );
    let nobody = person(&mut dir, "Посторонний", &snils_of(4), None, "n@example.ru");
    issue(
        &mut dir,
        head,
        org,
        terms(3, to(rep), PowerLevel::Basic.rights()),
    );

    let ctx = dir.enter_by_power(rep, num(3), t(T0)).unwrap();
    assert_eq!(ctx.principal, org);
    assert_eq!(ctx.powers, PowerLevel::Basic.rights());
    assert_eq!(ctx.valid_until, t("2027-03-02T09:00:00Z"));
    assert_eq!(ctx.chain.len(), 1);

    let not_rep = dir.enter_by_power(nobody, num(3), t(T0)).unwrap_err();
    assert_eq!(not_rep.code(), "delegation.not_representative");
    let unknown = dir.enter_by_power(rep, num(99), t(T0)).unwrap_err();
    assert_eq!(unknown.code(), "delegation.not_found");
    assert!(unknown.message_ru().contains("не найдена"));
    let late = dir
        .enter_by_power(rep, num(3), t("2027-03-02T09:00:00Z"))
        .unwrap_err();
    assert_eq!(late.code(), "delegation.expired");
}

#[test]
fn a_power_ends_by_itself_at_its_term() {
    let (mut dir, head, org) = world();
    let rep = person(&mut dir, "Срочный", &snils_of(5), None, "s@example.ru");
    let mut tm = terms(5, to(rep), RightSet::of(&[Right::ApplicationsView]));
    tm.valid_from = Some(t("2026-04-01T00:00:00Z"));
    tm.valid_until = Some(t("2026-05-01T00:00:00Z"));
    issue(&mut dir, head, org, tm);
    let at = |s: &str| ask(&dir, rep, org, Right::ApplicationsView, s);

    assert_eq!(
        at("2026-03-31T23:59:59.999999999Z").refusal_codes(),
        ["access.not_a_member", "delegation.not_yet_valid"]
    );
    assert!(
        at("2026-04-01T00:00:00Z").allowed,
        "valid_from is inclusive"
    );
    assert!(at("2026-04-30T23:59:59.999999999Z").allowed);
    assert_eq!(
        at("2026-05-01T00:00:00Z").refusal_codes(),
        ["access.not_a_member", "delegation.expired"],
        "valid_until is exclusive"
    );
    assert_eq!(
        at("2026-05-01T00:00:00.000000001Z").refusal_codes(),
        ["access.not_a_member", "delegation.expired"]
    );
    assert!(dir
        .effective_rights(rep, org, t("2026-05-01T00:00:00Z"))
        .is_empty());

    // reminders: ending within 10 days (end inclusive), not before, not once ended
    let soon = |s: &str| dir.powers_expiring_within(Some(org), t(s), 10).len();
    assert_eq!(soon("2026-04-20T23:59:59.999999999Z"), 0);
    assert_eq!(soon("2026-04-21T00:00:00Z"), 1);
    assert_eq!(soon("2026-04-30T23:59:59.999999999Z"), 1);
    assert_eq!(soon("2026-05-01T00:00:00Z"), 0);
    assert_eq!(
        dir.powers_expiring_within(None, t("2026-04-25T00:00:00Z"), 10)
            .len(),
        1
    );
    assert_eq!(
        dir.powers_expiring_within(Some(OrgId(999)), t("2026-04-25T00:00:00Z"), 10)
            .len(),
        0
    );
}

#[test]
fn with_no_term_a_power_lasts_one_calendar_year() {
    let (mut dir, head, org) = world();
    let rep = person(&mut dir, "Годовой", &snils_of(6), None, "y@example.ru");
    issue(
        &mut dir,
        head,
        org,
        terms(6, to(rep), PowerLevel::Basic.rights()),
    );
    let p = dir.power(num(6)).unwrap();
    assert_eq!(p.valid_from, t(T0));
    assert_eq!(p.valid_until, t("2027-03-02T09:00:00Z"));
    assert_eq!(p.issued_at, t(T0));
    // backdating and empty terms are refused
    let mut back = terms(60, to(rep), PowerLevel::Basic.rights());
    back.valid_from = Some(t("2026-03-01T09:00:00Z"));
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: back,
                irrevocable: false,
            }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.backdated");
    let mut empty = terms(61, to(rep), PowerLevel::Basic.rights());
    empty.valid_until = Some(t(T0));
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: empty,
                irrevocable: false,
            }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.bad_term");
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: terms(6, to(rep), PowerLevel::Basic.rights()),
                irrevocable: false,
            }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.duplicate_number");
}

#[test]
fn the_chief_accountant_re_delegates_to_a_junior() {
    let (mut dir, head, org) = world();
    let chief = employee(&mut dir, org, head, 10, vec![]);
    let junior = employee(&mut dir, org, head, 11, vec![]);
    let third = employee(&mut dir, org, head, 12, vec![]);
    let accounting = RightSet::of(&[
        Right::AccountingView,
        Right::AccountingEdit,
        Right::AccountingApprove,
        Right::ReportsView,
        Right::ReportsApprove,
    ]);
    let mut root = terms(10, to(chief), accounting);
    root.redelegation = Redelegation::Once;
    root.valid_until = Some(t("2026-12-31T00:00:00Z"));
    issue(&mut dir, head, org, root);

    // beyond the parent's powers, or beyond its term: refused (art. 187)
    let mut wide = terms(11, to(junior), accounting.with(Right::PaymentsApprove));
    wide.valid_until = Some(t("2026-06-01T00:00:00Z"));
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(10),
                terms: wide,
            }),
            &signed(&dir, chief, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.exceeds_parent");
    assert!(e.message_en().contains("payments.approve"));
    let mut long = terms(11, to(junior), accounting);
    long.valid_until = Some(t("2027-01-01T00:00:00Z"));
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(10),
                terms: long,
            }),
            &signed(&dir, chief, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.outlives_parent");
    // "once": the power made from it cannot be marked re-delegable
    let mut again = terms(11, to(junior), accounting);
    again.redelegation = Redelegation::Successive;
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(10),
                terms: again,
            }),
            &signed(&dir, chief, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.redelegation_not_allowed");
    // only the representative passes a power on
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(10),
                terms: terms(11, to(junior), accounting),
            }),
            &signed(&dir, junior, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.not_representative");

    let sub = RightSet::of(&[Right::ReportsView, Right::ReportsApprove]);
    let events = exec(
        &mut dir,
        chief,
        T0,
        Command::Delegation(DelegationCommand::RedelegatePower {
            parent: num(10),
            terms: terms(11, to(junior), sub),
        }),
    );
    let Event::Delegation(DelegationEvent::PowerIssued { power }) = &events[0] else {
        panic!()
    };
    assert_eq!(power.depth, 1);
    assert_eq!(power.parent, Some(num(10)));
    assert_eq!(
        power.valid_until,
        t("2026-12-31T00:00:00Z"),
        "the default stops at the chain's end"
    );

    let d = ask(&dir, junior, org, Right::ReportsApprove, T0);
    assert!(d.allowed, "{d:?}");
    let chain = d.delegation.unwrap().chain;
    assert_eq!(
        chain.iter().map(|l| l.number).collect::<Vec<_>>(),
        [num(10), num(11)]
    );
    assert_eq!(
        chain.iter().map(|l| l.issuer).collect::<Vec<_>>(),
        [head, chief]
    );
    assert_eq!(
        ask(&dir, junior, org, Right::AccountingApprove, T0).refusal_codes(),
        ["access.right_not_held", "delegation.beyond_powers"]
    );
    assert_eq!(dir.power_chain(num(11)).len(), 2);
    assert_eq!(dir.powers_redelegated_from(num(10)).len(), 1);

    // the junior's power came from a "once" power: it goes no further
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(11),
                terms: terms(12, to(third), sub),
            }),
            &signed(&dir, junior, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.redelegation_not_allowed");
}

#[test]
fn blocking_the_principal_suspends_its_powers_and_liquidation_ends_them() {
    let (mut dir, head, org) = world();
    let rep = person(&mut dir, "Блокируемый", &snils_of(50), None, "b@example.ru");
    issue(
        &mut dir,
        head,
        org,
        terms(50, to(rep), PowerLevel::Basic.rights()),
    );
    let sys = Context::system(t(T0));
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::BlockOrganization {
            org,
            reason: OrganizationBlockReason::Operator,
        }),
        &sys,
    );
    let d = ask(&dir, rep, org, Right::ApplicationsView, T0);
    assert!(
        d.refusal_codes().contains(&"delegation.principal_blocked"),
        "{d:?}"
    );
    assert_eq!(
        dir.enter_by_power(rep, num(50), t(T0)).unwrap_err().code(),
        "delegation.principal_blocked"
    );
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::UnblockOrganization { org }),
        &sys,
    );
    assert!(
        ask(&dir, rep, org, Right::ApplicationsView, T0).allowed,
        "unblocking resumes"
    );
    run(
        &mut dir,
        Command::Organizations(OrganizationCommand::LiquidateOrganization { org }),
        &sys,
    );
    let d = ask(&dir, rep, org, Right::ApplicationsView, T0);
    assert!(
        d.refusal_codes()
            .contains(&"delegation.principal_liquidated"),
        "{d:?}"
    );
}

#[test]
fn nobody_delegates_what_they_do_not_hold() {
    let (mut dir, head, org) = world();
    let admin = employee(
        &mut dir,
        org,
        head,
        60,
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    );
    let rep = person(&mut dir, "Получатель", &snils_of(61), None, "p@example.ru");
    // the administrator role does not hold powers_of_attorney.edit
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: terms(60, to(rep), PowerLevel::Basic.rights()),
                irrevocable: false,
            }),
            &signed(&dir, admin, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.denied");
    // with that right granted, still nothing beyond the administrator's own rights
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: admin,
            rights: RightSet::of(&[Right::PowersEdit]),
        }),
        &Context::account(head, t(T0)),
    );
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: terms(60, to(rep), RightSet::of(&[Right::ReportsApprove])),
                irrevocable: false,
            }),
            &signed(&dir, admin, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.beyond_own_rights");
    issue(
        &mut dir,
        admin,
        org,
        terms(
            60,
            to(rep),
            RightSet::of(&[Right::UsersView, Right::PowersEdit]),
        ),
    );
    // a representative holding powers_of_attorney.edit through a power re-delegates, not issues
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::IssuePower {
                org,
                terms: terms(61, to(admin), RightSet::of(&[Right::UsersView])),
                irrevocable: false,
            }),
            &signed(&dir, rep, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.redelegate_instead");
    // the power was not re-delegable either
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(60),
                terms: terms(61, to(admin), RightSet::of(&[Right::UsersView])),
            }),
            &signed(&dir, rep, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.redelegation_not_allowed");
}

#[test]
fn a_representative_acts_under_the_rights_of_the_power() {
    // commands guarded by a right accept a representative holding it through a power
    let (mut dir, head, org) = world();
    let rep = person(&mut dir, "Кадровый", &snils_of(70), None, "k@example.ru");
    let newcomer = person(&mut dir, "Новичок", &snils_of(71), None, "new@example.ru");
    issue(
        &mut dir,
        head,
        org,
        terms(
            70,
            to(rep),
            RightSet::of(&[Right::UsersView, Right::UsersEdit]),
        ),
    );
    let snils = Snils::parse(&snils_of(71)).unwrap();
    run(
        &mut dir,
        Command::Employees(EmployeeCommand::InviteEmployee {
            org,
            invitee: kabinet::employees::Invitee::Snils(snils),
            name: kabinet::accounts::PersonName::new("Новичок", "Иван", None),
            position: None,
            roles: vec![],
        }),
        &Context::account(rep, t(T0)),
    );
    let invited: Vec<_> = dir.invitations_of(org).collect();
    assert_eq!(invited.len(), 1);
    // once the power is revoked, the same command is refused
    exec(
        &mut dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(70),
            ground: None,
        }),
    );
    let e = dir
        .run(
            Command::Employees(EmployeeCommand::InviteEmployee {
                org,
                invitee: kabinet::employees::Invitee::Snils(Snils::parse(&snils_of(72)).unwrap()),
                name: kabinet::accounts::PersonName::new("Другой", "Иван", None),
                position: None,
                roles: vec![],
            }),
            &Context::account(rep, t(T0)),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.denied");
    assert!(dir.account(newcomer).is_some());
}

#[test]
fn a_person_is_matched_by_what_their_account_carries() {
    let (mut dir, head, org) = world();
    // the account carries the СНИЛС but no ИНН: the СНИЛС matches, nothing contradicts
    let no_inn = person(&mut dir, "Безинн", &snils_of(90), None, "a@example.ru");
    // the account carries the СНИЛС and another ИНН than the power names
    let other_inn = person(
        &mut dir,
        "Другоинн",
        &snils_of(91),
        Some("500123456750"),
        "b@example.ru",
    );
    for (n, who) in [(90u128, 90u32), (91, 91)] {
        let rep = Representative::Person {
            snils: Some(Snils::parse(&snils_of(who)).unwrap()),
            inn: Some(Inn::parse(HEAD_INN).unwrap()),
            acting_for: None,
        };
        issue(
            &mut dir,
            head,
            org,
            terms(n, rep, PowerLevel::Basic.rights()),
        );
    }
    assert!(ask(&dir, no_inn, org, Right::DocumentsView, T0).allowed);
    let d = ask(&dir, other_inn, org, Right::DocumentsView, T0);
    assert_eq!(d.refusal_codes(), ["access.not_a_member"]);
    assert_eq!(
        dir.enter_by_power(other_inn, num(91), t(T0))
            .unwrap_err()
            .code(),
        "delegation.not_representative"
    );
    assert!(dir.powers_of_representative(other_inn).is_empty());
}

#[test]
fn the_policy_bounds_the_depth_of_re_delegation() {
    let mut dir = Directory::with_policy(Policy {
        max_redelegation_depth: 1,
        ..Policy::default()
    });
    let head = person(
        &mut dir,
        "Грефов",
        "112-233-445 95",
        Some(HEAD_INN),
        "h@example.ru",
    );
    let org = company(&mut dir, head);
    let [a, b, c] = [100, 101, 102].map(|n| employee(&mut dir, org, head, n, vec![]));
    let view = RightSet::of(&[Right::DocumentsView]);
    let successive = |n, to_whom| PowerTerms {
        redelegation: Redelegation::Successive,
        ..terms(n, to(to_whom), view)
    };
    issue(&mut dir, head, org, successive(100, a));
    let cmd = Command::Delegation(DelegationCommand::RedelegatePower {
        parent: num(100),
        terms: successive(101, b),
    });
    exec(&mut dir, a, T0, cmd);
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RedelegatePower {
                parent: num(101),
                terms: terms(102, to(c), view),
            }),
            &signed(&dir, b, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.depth_limit");
    assert!(e.message_ru().contains('1'));
}

#[test]
fn a_chain_deeper_than_the_policy_allows_is_broken() {
    // the journal of a directory with the default depth, replayed under a
    // stricter policy: the check itself enforces the bound
    let (mut dir, head, org) = world();
    let [a, b] = [110, 111].map(|n| employee(&mut dir, org, head, n, vec![]));
    let view = RightSet::of(&[Right::DocumentsView]);
    let root = PowerTerms {
        redelegation: Redelegation::Successive,
        ..terms(110, to(a), view)
    };
    issue(&mut dir, head, org, root);
    let cmd = Command::Delegation(DelegationCommand::RedelegatePower {
        parent: num(110),
        terms: terms(111, to(b), view),
    });
    exec(&mut dir, a, T0, cmd);
    assert!(dir.verify_power(num(111), t(T0)).is_ok());

    let mut replayed = Directory::with_policy(Policy {
        max_redelegation_depth: 0,
        ..Policy::default()
    });
    for e in take_log() {
        replayed.apply(&e);
    }
    assert_eq!(replayed.power_count(), 2);
    assert_eq!(
        replayed.verify_power(num(111), t(T0)).unwrap_err().code(),
        "delegation.chain_broken"
    );
    assert!(replayed.verify_power(num(110), t(T0)).is_ok());
    let d = replayed
        .check(&AccessRequest::new(b, org, Right::DocumentsView, t(T0)).signed(qes(&replayed, b)));
    assert_eq!(
        d.refusal_codes(),
        ["access.right_not_held", "delegation.chain_broken"]
    );
}

#[test]
fn an_imported_power_obeys_the_rules_of_its_chain() {
    let (mut dir, head, org) = world();
    let a = employee(&mut dir, org, head, 120, vec![]);
    let outsider = person(&mut dir, "Внешний", &snils_of(121), None, "o@example.ru");
    issue(
        &mut dir,
        head,
        org,
        terms(120, to(a), RightSet::of(&[Right::DocumentsView])),
    );
    let parent = dir.power(num(120)).unwrap().clone();
    let child = PowerOfAttorney {
        number: num(121),
        parent: Some(num(120)),
        depth: 1,
        issuer: a,
        representative: to(outsider),
        ..parent
    };
    let sys = Context::system(t(T0));
    // the parent was issued without the right to pass it on
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::ImportPower {
                power: child.clone(),
            }),
            &sys,
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.redelegation_not_allowed");
    // only the portal registers imports
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::ImportPower { power: child }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "command.system_only");
}

#[test]
fn decisions_through_powers_travel_as_json() {
    let (mut dir, head, org) = world();
    let rep = person(&mut dir, "Джейсонов", &snils_of(130), None, "j@example.ru");
    let mut tm = terms(130, to(rep), RightSet::of(&[Right::DocumentsView]));
    tm.valid_until = Some(t("2026-04-01T00:00:00Z"));
    issue(&mut dir, head, org, tm);
    for (right, at) in [
        (Right::DocumentsView, T0),
        (Right::DocumentsEdit, T0),
        (Right::DocumentsView, "2026-04-01T00:00:00Z"),
    ] {
        let d = ask(&dir, rep, org, right, at);
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(
            serde_json::from_str::<Decision>(&json).unwrap(),
            d,
            "{json}"
        );
    }
    let allowed = serde_json::to_value(ask(&dir, rep, org, Right::DocumentsView, T0)).unwrap();
    assert_eq!(allowed["basis"]["basis"], "power_of_attorney");
    assert_eq!(
        allowed["delegation"]["chain"][0]["number"],
        num(130).to_string()
    );
    let refused = serde_json::to_value(ask(&dir, rep, org, Right::DocumentsEdit, T0)).unwrap();
    assert_eq!(refused["refusals"][1]["refusal"], "beyond_powers");
    assert_eq!(refused["refusals"][1]["right"], "documents.edit");
}
