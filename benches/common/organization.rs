//! The benches' large organization: a head and `n` employees holding mixed
//! roles (built-in, two built-in at once, a custom role, and every seventh
//! an individual grant), built through commands as a host would.

use super::fixtures::{hire, person, run, snils_of, t, world, T0};
use kabinet::*;

/// A directory with one organization, its head and `employees` employees;
/// the accounts in hiring order, the head first.
pub fn organization(employees: u32) -> (Directory, OrgId, Vec<AccountId>) {
    let (mut dir, head, org) = world();
    let as_head = Context::account(head, t(T0));
    let rights = RightSet::of(&[
        Right::DocumentsView,
        Right::DocumentsEdit,
        Right::JournalView,
    ]);
    let events = run(
        &mut dir,
        Command::CreateCustomRole {
            org,
            name: "Документовед".into(),
            rights,
        },
        &as_head,
    );
    let Event::CustomRoleDefined { ref role, .. } = events[0] else {
        panic!("the custom role was not defined: {events:?}")
    };
    let custom = RoleRef::Custom(role.id);
    let b = RoleRef::BuiltIn;
    let mut people = vec![head];
    for n in 1..=employees {
        let account = person(
            &mut dir,
            "Сотрудник",
            &snils_of(n),
            None,
            &format!("e{n}@example.ru"),
        );
        let roles = match n % 5 {
            0 => vec![b(BuiltInRole::Accountant)],
            1 => vec![b(BuiltInRole::Operator)],
            2 => vec![b(BuiltInRole::Specialist), b(BuiltInRole::Observer)],
            3 => vec![custom],
            _ => vec![b(BuiltInRole::Hr)],
        };
        hire(&mut dir, org, head, account, roles);
        if n % 7 == 0 {
            let rights = RightSet::of(&[Right::ReportsView]);
            run(
                &mut dir,
                Command::GrantRights {
                    org,
                    account,
                    rights,
                },
                &as_head,
            );
        }
        people.push(account);
        // The fixtures keep every command and event for the tests' replay
        // checks; a bench does not need them in memory.
        if n % 4096 == 0 {
            super::fixtures::take_log();
            super::fixtures::take_commands();
        }
    }
    super::fixtures::take_log();
    super::fixtures::take_commands();
    (dir, org, people)
}
