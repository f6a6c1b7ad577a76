//! Property tests of the journal: replaying it rebuilds the same state, and
//! a snapshot taken at any entry plus the entries after it equals the full
//! replay; the chain of any run verifies.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::directory::DirectorySnapshot;
use kabinet::employees::Invitee;
use kabinet::journal::{replay, Filter};
use kabinet::*;
use proptest::prelude::*;
use support::*;

const PEOPLE: usize = 6;

/// An operation: its kind, who acts, on whom, and a free parameter.
type Op = (u8, usize, usize, u64);

fn op() -> impl Strategy<Value = Op> {
    (
        0..7u8,
        prop_oneof![Just(0usize), 0..PEOPLE],
        0..PEOPLE,
        any::<u64>(),
    )
}

fn role(pick: u64) -> RoleRef {
    RoleRef::BuiltIn(BuiltInRole::ALL[pick as usize % BuiltInRole::ALL.len()])
}

fn command(
    k: &Kabinet,
    org: OrgId,
    people: &[AccountId],
    (kind, _, whom, x): Op,
) -> Option<Command> {
    let account = people[whom];
    Some(match kind {
        0 => Command::Employees(EmployeeCommand::InviteEmployee {
            org,
            invitee: Invitee::Snils(k.read().account(account)?.snils.clone()?),
            name: kabinet::accounts::PersonName::new("Х", "У", None),
            position: None,
            roles: vec![role(x)],
        }),
        1 => {
            let mut pending: Vec<_> = k.read().invitations_of(org).map(|i| i.id).collect();
            pending.sort();
            let invitation = *pending.get(x as usize % pending.len().max(1))?;
            Command::Employees(EmployeeCommand::AcceptInvitation { invitation })
        }
        2 => Command::Roles(RoleCommand::AssignRole {
            org,
            account,
            role: role(x),
        }),
        3 => Command::Roles(RoleCommand::RevokeRole {
            org,
            account,
            role: role(x),
        }),
        4 => Command::Roles(RoleCommand::GrantRights {
            org,
            account,
            rights: RightSet::from_bits(x & x.rotate_left(23)),
        }),
        5 => match x % 4 {
            0 => Command::Employees(EmployeeCommand::BlockEmployee { org, account }),
            1 => Command::Employees(EmployeeCommand::DisableEmployee { org, account }),
            2 => Command::Employees(EmployeeCommand::DismissEmployee { org, account }),
            _ => Command::Employees(EmployeeCommand::RestoreEmployee { org, account }),
        },
        _ => Command::Roles(RoleCommand::RevokeRights {
            org,
            account,
            rights: RightSet::from_bits(x),
        }),
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn replay_and_snapshot_plus_tail_rebuild_the_state(
        ops in prop::collection::vec(op(), 1..80),
        cut in any::<prop::sample::Index>(),
    ) {
        take_commands();
        let (mut dir, head, org) = world();
        let mut people = vec![head];
        for i in 1..PEOPLE {
            people.push(person(&mut dir, "Сотрудник", &snils_of(i as u32), None, &format!("p{i}@example.ru")));
        }
        let k = Kabinet::in_memory();
        for (c, ctx) in take_commands() {
            k.execute(c, &ctx).unwrap();
        }
        for op in ops {
            if let Some(c) = command(&k, org, &people, op) {
                // refused or not, every command is journaled
                let before = k.journal_head().seq;
                let _ = k.execute(c, &Context::account(people[op.1], t(T0)));
                prop_assert_eq!(k.journal_head().seq, before + 1);
            }
        }
        let state = k.read().clone();
        prop_assert_eq!(&k.replay_journal().unwrap(), &state);

        let entries = k.journal(&Filter::all()).unwrap();
        let c = cut.index(entries.len() + 1);
        let mut upto = Directory::new();
        replay(&mut upto, &entries[..c]);
        let json = serde_json::to_vec(&DirectorySnapshot::of(&upto)).unwrap();
        let restored = serde_json::from_slice::<DirectorySnapshot>(&json).unwrap().restore().unwrap();
        prop_assert_eq!(&restored, &upto);
        let mut resumed = restored;
        replay(&mut resumed, &entries[c..]);
        prop_assert_eq!(&resumed, &state);

        prop_assert_eq!(k.verify_journal().unwrap().unwrap().seq, entries.len() as u64);
    }
}
