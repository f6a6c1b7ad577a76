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
        Command::Roles(RoleCommand::CreateCustomRole {
            org,
            name: "Документовед".into(),
            rights,
        }),
        &as_head,
    );
    let Event::Roles(RoleEvent::CustomRoleDefined { ref role, .. }) = events[0] else {
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
                Command::Roles(RoleCommand::GrantRights {
                    org,
                    account,
                    rights,
                }),
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

/// A qualified signature naming the account's person, as a power of
/// attorney's issue and use require.
pub fn qes(dir: &Directory, who: AccountId) -> SignatureEvidence {
    let a = dir.account(who).expect("the account");
    SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: a.snils.clone(),
            inn: a.inn.clone(),
            ..SignerIdentity::default()
        },
    )
}

/// Gives `chains` outside people powers of attorney from the head (the
/// operational rights, re-delegation allowed), every third passed on to a
/// second person and every ninth once more to a third: chains of depth 1, 2
/// and 3. Returns every holder with the depth of the power it holds.
/// Numbers of the generated people start at `first_person`.
pub fn power_chains(
    dir: &mut Directory,
    org: OrgId,
    head: AccountId,
    chains: u32,
    first_person: u32,
) -> Vec<(AccountId, usize)> {
    let at = t(T0);
    let terms = |number: u128, account| PowerTerms {
        number: Uuid::from_u128(number),
        internal_number: None,
        representative: Representative::Account { account },
        powers: PowerLevel::Operational.rights(),
        valid_from: None,
        valid_until: None,
        redelegation: Redelegation::Successive,
    };
    let head_ctx = Context::account(head, at).signed(qes(dir, head));
    let mut next = first_person;
    let mut fresh = |dir: &mut Directory| {
        next += 1;
        person(
            dir,
            "Представитель",
            &snils_of(next),
            None,
            &format!("r{next}@example.ru"),
        )
    };
    let mut holders = Vec::new();
    for c in 0..chains {
        let depth = match c % 9 {
            0 => 3,
            3 | 6 => 2,
            _ => 1,
        };
        let mut by = head;
        let mut parent = None;
        for level in 0..depth {
            let holder = fresh(dir);
            let number = (u128::from(c) << 8) | level as u128;
            let command = match parent {
                None => Command::Delegation(DelegationCommand::IssuePower {
                    org,
                    terms: terms(number, holder),
                    irrevocable: false,
                }),
                Some(parent) => Command::Delegation(DelegationCommand::RedelegatePower {
                    parent,
                    terms: terms(number, holder),
                }),
            };
            let ctx = if by == head {
                head_ctx.clone()
            } else {
                Context::account(by, at).signed(qes(dir, by))
            };
            run(dir, command, &ctx);
            holders.push((holder, level + 1));
            parent = Some(Uuid::from_u128(number));
            by = holder;
        }
        if c % 4096 == 0 {
            super::fixtures::take_log();
            super::fixtures::take_commands();
        }
    }
    super::fixtures::take_log();
    super::fixtures::take_commands();
    holders
}
