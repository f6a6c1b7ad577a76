//! Who changes an employee's membership (DOMAIN §5) and what dismissal does
//! to the powers of attorney the employee holds (DOMAIN §2, Civil Code
//! art. 188).
//!
//! - A status changes (block, disable, dismiss, restore) only by a holder of
//!   `users.manage`; `users.delete` alone does not suffice.
//! - The holder of `users.manage` manages every employee but the head, even
//!   one holding rights it lacks; it never grants beyond its own rights.
//! - Dismissal ends access through membership at once, not the powers of
//!   attorney: the head and administrators are told which remain, and a
//!   policy option revokes the revocable ones in the same command.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::employees::MembershipStatus;
use kabinet::notifications::{Category, Importance};
use kabinet::*;
use support::*;

fn as_(who: AccountId) -> Context {
    Context::account(who, t(T0))
}

fn code_of(dir: &mut Directory, command: Command, who: AccountId) -> &'static str {
    match dir.run(command, &as_(who)) {
        Ok(_) => "ok",
        Err(e) => command_code(&e),
    }
}

fn status(dir: &Directory, org: OrgId, who: AccountId) -> MembershipStatus {
    dir.membership(org, who).unwrap().status
}

#[test]
fn the_administrator_manages_every_employee_but_the_head() {
    let (mut dir, head, org, people) = staffed_world();
    let (admin, accountant) = (people[0], people[1]);
    // The accountant holds payments.approve, which the administrator lacks.
    assert!(!ask(&dir, admin, org, Right::PaymentsApprove, T0).allowed);
    for (command, expected) in [
        (
            Command::Employees(EmployeeCommand::BlockEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Blocked,
        ),
        (
            Command::Employees(EmployeeCommand::RestoreEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Active,
        ),
        (
            Command::Employees(EmployeeCommand::DisableEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Disabled,
        ),
        (
            Command::Employees(EmployeeCommand::RestoreEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Active,
        ),
        (
            Command::Employees(EmployeeCommand::DismissEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Dismissed,
        ),
        (
            Command::Employees(EmployeeCommand::RestoreEmployee {
                org,
                account: accountant,
            }),
            MembershipStatus::Active,
        ),
    ] {
        run(&mut dir, command, &as_(admin));
        assert_eq!(status(&dir, org, accountant), expected);
    }
    // Taking a role away grants nothing: allowed though the role's rights
    // are beyond the administrator's own.
    let accountant_role = RoleRef::BuiltIn(BuiltInRole::Accountant);
    run(
        &mut dir,
        Command::Roles(RoleCommand::RevokeRole {
            org,
            account: accountant,
            role: accountant_role,
        }),
        &as_(admin),
    );
    assert!(!ask(&dir, accountant, org, Right::PaymentsApprove, T0).allowed);
    // Giving it back is granting: refused, with the rights it lacks named.
    let err = dir
        .run(
            Command::Roles(RoleCommand::AssignRole {
                org,
                account: accountant,
                role: accountant_role,
            }),
            &as_(admin),
        )
        .unwrap_err();
    assert_eq!(command_code(&err), "access.beyond_own_rights");
    // Individually granted rights the administrator lacks: the head grants,
    // the administrator may take them away but not grant them again.
    let approve = RightSet::of(&[Right::PaymentsApprove]);
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: accountant,
            rights: approve,
        }),
        &as_(head),
    );
    run(
        &mut dir,
        Command::Roles(RoleCommand::RevokeRights {
            org,
            account: accountant,
            rights: approve,
        }),
        &as_(admin),
    );
    assert_eq!(
        code_of(
            &mut dir,
            Command::Roles(RoleCommand::GrantRights {
                org,
                account: accountant,
                rights: approve
            }),
            admin
        ),
        "access.beyond_own_rights"
    );
    // The head is out of reach.
    for command in [
        Command::Employees(EmployeeCommand::BlockEmployee { org, account: head }),
        Command::Employees(EmployeeCommand::DisableEmployee { org, account: head }),
        Command::Employees(EmployeeCommand::DismissEmployee { org, account: head }),
        Command::Roles(RoleCommand::RevokeRole {
            org,
            account: head,
            role: RoleRef::BuiltIn(BuiltInRole::Head),
        }),
    ] {
        let code = code_of(&mut dir, command, admin);
        assert!(
            code == "employee.head_protected" || code == "role.not_assignable",
            "{code}"
        );
    }
    assert_eq!(status(&dir, org, head), MembershipStatus::Active);
}

#[test]
fn a_status_changes_only_with_manage_users() {
    let (mut dir, head, org, people) = staffed_world();
    let (admin, accountant) = (people[0], people[1]);
    let deleter = employee(&mut dir, org, head, 40, vec![]);
    let manager = employee(&mut dir, org, head, 41, vec![]);
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: deleter,
            rights: RightSet::of(&[Right::UsersView, Right::UsersDelete]),
        }),
        &as_(head),
    );
    run(
        &mut dir,
        Command::Roles(RoleCommand::GrantRights {
            org,
            account: manager,
            rights: RightSet::of(&[Right::UsersView, Right::UsersManage]),
        }),
        &as_(head),
    );
    for command in [
        Command::Employees(EmployeeCommand::BlockEmployee {
            org,
            account: accountant,
        }),
        Command::Employees(EmployeeCommand::DisableEmployee {
            org,
            account: accountant,
        }),
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: accountant,
        }),
    ] {
        let err = dir.run(command, &as_(deleter)).unwrap_err();
        assert_eq!(command_code(&err), "access.denied");
        let CommandError::Denied { refusals } = err else {
            panic!("{err:?}")
        };
        assert!(matches!(
            refusals.as_slice(),
            [Refusal::RightNotHeld {
                right: Right::UsersManage,
                ..
            }]
        ));
    }
    assert_eq!(status(&dir, org, accountant), MembershipStatus::Active);
    // users.manage alone suffices, on an administrator too.
    run(
        &mut dir,
        Command::Employees(EmployeeCommand::BlockEmployee {
            org,
            account: admin,
        }),
        &as_(manager),
    );
    assert_eq!(status(&dir, org, admin), MembershipStatus::Blocked);
    run(
        &mut dir,
        Command::Employees(EmployeeCommand::RestoreEmployee {
            org,
            account: admin,
        }),
        &as_(manager),
    );
    assert_eq!(status(&dir, org, admin), MembershipStatus::Active);
}

/// The staffed company of the fixtures, whose accountant holds two powers
/// from it: a revocable one
/// (number 1, re-delegable, passed on as number 3 to the administrator) and
/// an irrevocable one (number 2).
fn accountant_with_powers(policy: Policy) -> (Directory, AccountId, OrgId, Vec<AccountId>) {
    let (mut dir, head, org, people) = staffed_world_with(policy);
    let reports = RightSet::of(&[Right::ReportsView, Right::ReportsEdit]);
    let mut revocable = terms(1, to(people[1]), reports);
    revocable.redelegation = Redelegation::Once;
    issue(&mut dir, head, org, revocable);
    exec(
        &mut dir,
        head,
        T0,
        Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms: terms(2, to(people[1]), RightSet::of(&[Right::DocumentsView])),
            irrevocable: true,
        }),
    );
    exec(
        &mut dir,
        people[1],
        T0,
        Command::Delegation(DelegationCommand::RedelegatePower {
            parent: num(1),
            terms: terms(3, to(people[0]), RightSet::of(&[Right::ReportsView])),
        }),
    );
    (dir, head, org, people)
}

#[test]
fn dismissal_ends_membership_not_powers_and_names_them() {
    let (mut dir, head, org, people) = accountant_with_powers(Policy::default());
    let (admin, accountant) = (people[0], people[1]);
    let events = run(
        &mut dir,
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: accountant,
        }),
        &as_(admin),
    );
    assert_eq!(events.len(), 1, "no revocation without the policy option");
    // Membership access ends at once; the powers still work (art. 188).
    assert!(!ask(&dir, accountant, org, Right::PaymentsView, T0).allowed);
    let by_power = ask(&dir, accountant, org, Right::ReportsEdit, T0);
    assert!(by_power.allowed, "{:?}", by_power.refusals);
    assert_eq!(by_power.delegation.unwrap().number, num(1));
    // The head and the administrators are told which powers remain.
    let notices: Vec<_> = events
        .iter()
        .flat_map(|e| dir.notices_for(e, t(T0)))
        .collect();
    let named: Vec<&str> = notices.iter().map(|n| n.reference.as_str()).collect();
    assert_eq!(named, [num(1).to_string(), num(2).to_string()]);
    for n in &notices {
        assert_eq!(n.category, Category::DismissedHoldsPower);
        assert_eq!(n.importance, Importance::High);
        assert_eq!((n.person, n.org), (Some(accountant), Some(org)));
        assert_eq!(dir.recipients(n), [head, admin]);
    }
    assert_eq!(
        dir.powers_held_from(org, accountant, t(T0))
            .iter()
            .map(|p| p.number)
            .collect::<Vec<_>>(),
        [num(1), num(2)]
    );
    // Restoring and dismissing again tells again; other statuses tell nothing.
    run(
        &mut dir,
        Command::Employees(EmployeeCommand::RestoreEmployee {
            org,
            account: accountant,
        }),
        &as_(admin),
    );
    let blocked = run(
        &mut dir,
        Command::Employees(EmployeeCommand::BlockEmployee {
            org,
            account: accountant,
        }),
        &as_(admin),
    );
    assert!(blocked.iter().all(|e| dir.notices_for(e, t(T0)).is_empty()));
    // An employee without powers is dismissed without a notice.
    let clerk = employee(&mut dir, org, head, 30, vec![]);
    let events = run(
        &mut dir,
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: clerk,
        }),
        &as_(admin),
    );
    assert!(events.iter().all(|e| dir.notices_for(e, t(T0)).is_empty()));
}

#[test]
fn the_policy_option_revokes_the_revocable_powers_with_the_dismissal() {
    let policy = Policy {
        revoke_powers_on_dismissal: true,
        ..Policy::default()
    };
    let (mut dir, head, org, people) = accountant_with_powers(policy.clone());
    let (admin, accountant) = (people[0], people[1]);
    assert!(
        ask(&dir, admin, org, Right::ReportsView, T0).allowed,
        "through power 3"
    );
    let events = run(
        &mut dir,
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: accountant,
        }),
        &as_(admin),
    );
    assert_eq!(events.len(), 2);
    let Event::Delegation(DelegationEvent::PowerRevoked {
        number,
        ground,
        ended,
        ..
    }) = &events[0]
    else {
        panic!("{:?}", events[0])
    };
    assert_eq!((*number, ended.as_slice()), (num(1), [num(3)].as_slice()));
    assert_eq!(
        ground.as_deref(),
        Some(kabinet::delegation::DISMISSAL_GROUND)
    );
    assert!(matches!(
        events[1],
        Event::Employees(EmployeeEvent::MembershipStatusChanged { .. })
    ));
    // The revocable power and the one passed on from it end; the
    // irrevocable one stays and is the only one named.
    assert!(!ask(&dir, accountant, org, Right::ReportsEdit, T0).allowed);
    assert!(!ask(&dir, admin, org, Right::ReportsView, T0).allowed);
    assert!(ask(&dir, accountant, org, Right::DocumentsView, T0).allowed);
    let named: Vec<String> = events
        .iter()
        .flat_map(|e| dir.notices_for(e, t(T0)))
        .map(|n| n.reference)
        .collect();
    assert_eq!(named, [num(2).to_string()]);
    let _ = head;
    // Replaying the journal rebuilds the same state.
    let mut replayed = Directory::with_policy(policy);
    for e in take_log() {
        replayed.apply(&e);
    }
    assert_eq!(replayed, dir);
}
