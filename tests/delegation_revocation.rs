//! Scenarios of the end of powers of attorney (DOMAIN §6, Civil Code
//! arts. 188 and 188.1): revocation by the organization or by the one who
//! passed a power on, the representative's refusal, irrevocable powers, and
//! everything re-delegated ending with its source.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::*;
use support::*;

#[test]
fn revoking_a_power_ends_everything_re_delegated_from_it() {
    let (mut dir, head, org) = world();
    let a = employee(&mut dir, org, head, 20, vec![]);
    let b = employee(&mut dir, org, head, 21, vec![]);
    let c = employee(&mut dir, org, head, 22, vec![]);
    let outsider = employee(&mut dir, org, head, 23, vec![]);
    let view = RightSet::of(&[Right::DocumentsView]);
    let mut root = terms(20, to(a), view);
    root.redelegation = Redelegation::Successive;
    issue(&mut dir, head, org, root);
    let mut mid = terms(21, to(b), view);
    mid.redelegation = Redelegation::Successive;
    exec(
        &mut dir,
        a,
        T0,
        Command::Delegation(DelegationCommand::RedelegatePower {
            parent: num(20),
            terms: mid,
        }),
    );
    exec(
        &mut dir,
        b,
        T0,
        Command::Delegation(DelegationCommand::RedelegatePower {
            parent: num(21),
            terms: terms(22, to(c), view),
        }),
    );
    assert!(ask(&dir, c, org, Right::DocumentsView, T0).allowed);

    // an employee without powers_of_attorney.delete who did not issue it may not revoke
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(20),
                ground: None,
            }),
            &signed(&dir, outsider, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.denied");

    let later = "2026-03-03T09:00:00Z";
    let events = exec(
        &mut dir,
        head,
        later,
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(20),
            ground: None,
        }),
    );
    let Event::Delegation(DelegationEvent::PowerRevoked { ended, .. }) = &events[0] else {
        panic!()
    };
    assert_eq!(ended, &[num(21), num(22)]);
    for who in [a, b, c] {
        let d = ask(&dir, who, org, Right::DocumentsView, later);
        assert!(!d.allowed);
        assert!(d.refusal_codes().contains(&"delegation.revoked"), "{d:?}");
    }
    assert_eq!(dir.power(num(22)).unwrap().status.code(), "ended");
    // at a time before the revocation? revocation takes effect at once and for good
    assert!(!ask(&dir, c, org, Right::DocumentsView, T0).allowed);
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(21),
                ground: None,
            }),
            &signed(&dir, a, later),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.not_in_force");
}

#[test]
fn the_issuer_of_a_re_delegation_may_revoke_it_and_a_representative_may_refuse() {
    let (mut dir, head, org) = world();
    let a = employee(&mut dir, org, head, 30, vec![]);
    let b = employee(&mut dir, org, head, 31, vec![]);
    let view = RightSet::of(&[Right::PaymentsView]);
    let mut root = terms(30, to(a), view);
    root.redelegation = Redelegation::Successive;
    issue(&mut dir, head, org, root);
    exec(
        &mut dir,
        a,
        T0,
        Command::Delegation(DelegationCommand::RedelegatePower {
            parent: num(30),
            terms: terms(31, to(b), view),
        }),
    );
    exec(
        &mut dir,
        a,
        T0,
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(31),
            ground: None,
        }),
    );
    assert_eq!(
        ask(&dir, b, org, Right::PaymentsView, T0).refusal_codes(),
        ["access.right_not_held", "delegation.revoked"]
    );
    assert!(ask(&dir, a, org, Right::PaymentsView, T0).allowed);

    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RefusePower { number: num(30) }),
            &Context::account(b, t(T0)),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.not_representative");
    run(
        &mut dir,
        Command::Delegation(DelegationCommand::RefusePower { number: num(30) }),
        &Context::account(a, t(T0)),
    );
    assert_eq!(
        ask(&dir, a, org, Right::PaymentsView, T0).refusal_codes(),
        ["access.right_not_held", "delegation.refused"]
    );
}

#[test]
fn an_irrevocable_power_is_revoked_only_on_a_recorded_ground() {
    let (mut dir, head, org) = world();
    let rep = person(
        &mut dir,
        "Залогодержатель",
        &snils_of(40),
        None,
        "z@example.ru",
    );
    exec(
        &mut dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms: terms(
                40,
                to(rep),
                RightSet::of(&[Right::PaymentsView, Right::PaymentsEdit]),
            ),
            irrevocable: true,
        }),
    );
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(40),
                ground: None,
            }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.irrevocable_needs_ground");
    assert!(e.message_ru().contains("безотзывная"));
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(40),
                ground: Some("   ".into()),
            }),
            &signed(&dir, head, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.bad_text");
    assert!(ask(&dir, rep, org, Right::PaymentsEdit, T0).allowed);
    let ground = "решение суда по делу № А40-1/2026, ст. 188.1 ГК РФ";
    exec(
        &mut dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(40),
            ground: Some(ground.into()),
        }),
    );
    let PowerStatus::Revoked {
        ground: Some(g), ..
    } = &dir.power(num(40)).unwrap().status
    else {
        panic!()
    };
    assert_eq!(g, ground);
    assert_eq!(
        ask(&dir, rep, org, Right::PaymentsEdit, T0).refusal_codes(),
        ["access.not_a_member", "delegation.revoked"]
    );
}

#[test]
fn a_first_power_is_revoked_by_the_organization_not_by_whoever_signed_it() {
    let (mut dir, head, org) = world();
    let clerk = employee(
        &mut dir,
        org,
        head,
        95,
        vec![RoleRef::BuiltIn(BuiltInRole::Observer)],
    );
    let rep = person(&mut dir, "Получатель", &snils_of(96), None, "q@example.ru");
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: clerk,
            rights: RightSet::of(&[Right::PowersEdit]),
        }),
        &Context::account(head, t(T0)),
    );
    issue(
        &mut dir,
        clerk,
        org,
        terms(95, to(rep), RightSet::of(&[Right::DocumentsView])),
    );
    assert_eq!(dir.power(num(95)).unwrap().issuer, clerk);
    // the clerk signed it but does not hold powers_of_attorney.delete
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::RevokePower {
                number: num(95),
                ground: None,
            }),
            &signed(&dir, clerk, T0),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "access.denied");
    assert!(
        e.message_en().contains("powers_of_attorney.delete"),
        "{}",
        e.message_en()
    );
    exec(
        &mut dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::RevokePower {
            number: num(95),
            ground: None,
        }),
    );
    assert_eq!(dir.power(num(95)).unwrap().status.code(), "revoked");
}
