//! Property tests of the directory's invariants:
//! - nobody gains a right that the person granting it did not hold;
//! - only the registry makes a head;
//! - replaying the events of any run rebuilds an equal directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::accounts::PersonName;
use kabinet::employees::{Invitee, Standing};
use kabinet::identifiers::Snils;
use kabinet::*;
use proptest::prelude::*;
use std::collections::HashMap;
use support::*;

const PEOPLE: usize = 6;

#[derive(Debug, Clone)]
enum Op {
    Invite {
        by: usize,
        whom: usize,
        roles: Vec<u8>,
    },
    Accept {
        who: usize,
        nth: usize,
    },
    Assign {
        by: usize,
        whom: usize,
        role: u8,
    },
    Revoke {
        by: usize,
        whom: usize,
        role: u8,
    },
    Grant {
        by: usize,
        whom: usize,
        rights: u64,
    },
    Ungrant {
        by: usize,
        whom: usize,
        rights: u64,
    },
    DefineRole {
        by: usize,
        rights: u64,
        nth: Option<usize>,
    },
    DeleteRole {
        by: usize,
        nth: usize,
    },
    Status {
        by: usize,
        whom: usize,
        kind: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    // half of the commands come from the head, so that grants cascade
    let by = || prop_oneof![Just(0usize), 0..PEOPLE];
    let p = 0..PEOPLE;
    prop_oneof![
        (by(), p.clone(), prop::collection::vec(any::<u8>(), 0..3))
            .prop_map(|(by, whom, roles)| Op::Invite { by, whom, roles }),
        (p.clone(), 0..8usize).prop_map(|(who, nth)| Op::Accept { who, nth }),
        (by(), p.clone(), any::<u8>()).prop_map(|(by, whom, role)| Op::Assign { by, whom, role }),
        (by(), p.clone(), any::<u8>()).prop_map(|(by, whom, role)| Op::Revoke { by, whom, role }),
        (by(), p.clone(), any::<u64>()).prop_map(|(by, whom, rights)| Op::Grant {
            by,
            whom,
            rights
        }),
        (by(), p.clone(), any::<u64>()).prop_map(|(by, whom, rights)| Op::Ungrant {
            by,
            whom,
            rights
        }),
        (by(), any::<u64>(), prop::option::of(0..4usize))
            .prop_map(|(by, rights, nth)| Op::DefineRole { by, rights, nth }),
        (by(), 0..4usize).prop_map(|(by, nth)| Op::DeleteRole { by, nth }),
        (by(), p, 0..4u8).prop_map(|(by, whom, kind)| Op::Status { by, whom, kind }),
    ]
}

/// A sparse random set, so that grants are often within someone's rights.
fn sparse(bits: u64) -> RightSet {
    RightSet::from_bits(bits & bits.rotate_left(17) & bits.rotate_left(31))
}

struct World {
    dir: Directory,
    org: OrgId,
    people: Vec<AccountId>,
    log: Vec<Event>,
}

impl World {
    fn new() -> Self {
        take_log();
        let mut dir = Directory::new();
        let head = person(
            &mut dir,
            "Грефов",
            "112-233-445 95",
            Some(HEAD_INN),
            "head@example.ru",
        );
        let org = company(&mut dir, head);
        let mut people = vec![head];
        for i in 1..PEOPLE {
            people.push(person(
                &mut dir,
                "Сотрудник",
                &snils_of(i as u32),
                None,
                &format!("p{i}@example.ru"),
            ));
        }
        World {
            dir,
            org,
            people,
            log: take_log(),
        }
    }

    fn role(&self, pick: u8) -> RoleRef {
        let customs = &self.dir.organization(self.org).unwrap().custom_roles;
        let n = BuiltInRole::ALL.len() + customs.len();
        let i = pick as usize % n;
        match BuiltInRole::ALL.get(i) {
            Some(&b) => RoleRef::BuiltIn(b),
            None => RoleRef::Custom(customs[i - BuiltInRole::ALL.len()].id),
        }
    }

    fn custom(&self, nth: usize) -> Option<CustomRoleId> {
        let customs = &self.dir.organization(self.org).unwrap().custom_roles;
        (!customs.is_empty()).then(|| customs[nth % customs.len()].id)
    }

    fn command(&self, op: &Op) -> Option<(AccountId, Command)> {
        let org = self.org;
        let p = |i: usize| self.people[i];
        Some(match *op {
            Op::Invite {
                by,
                whom,
                ref roles,
            } => {
                let snils = self.dir.account(p(whom)).unwrap().snils.clone().unwrap();
                let roles = roles.iter().map(|&r| self.role(r)).collect();
                (
                    p(by),
                    Command::Employees(EmployeeCommand::InviteEmployee {
                        org,
                        invitee: Invitee::Snils(snils),
                        name: PersonName::new("Х", "У", None),
                        position: None,
                        roles,
                    }),
                )
            }
            Op::Accept { who, nth } => {
                let pending: Vec<_> = self.dir.invitations_of(org).map(|i| i.id).collect();
                assert!(
                    pending.is_sorted_by(|a, b| a < b),
                    "invitations by number: {pending:?}"
                );
                let id = *pending.get(nth % pending.len().max(1))?;
                (
                    p(who),
                    Command::Employees(EmployeeCommand::AcceptInvitation { invitation: id }),
                )
            }
            Op::Assign { by, whom, role } => (
                p(by),
                Command::Roles(RoleCommand::AssignRole {
                    org,
                    account: p(whom),
                    role: self.role(role),
                }),
            ),
            Op::Revoke { by, whom, role } => (
                p(by),
                Command::Roles(RoleCommand::RevokeRole {
                    org,
                    account: p(whom),
                    role: self.role(role),
                }),
            ),
            Op::Grant { by, whom, rights } => (
                p(by),
                Command::Roles(RoleCommand::GrantRights {
                    org,
                    account: p(whom),
                    rights: sparse(rights),
                }),
            ),
            Op::Ungrant { by, whom, rights } => (
                p(by),
                Command::Roles(RoleCommand::RevokeRights {
                    org,
                    account: p(whom),
                    rights: sparse(rights),
                }),
            ),
            Op::DefineRole { by, rights, nth } => match nth.and_then(|n| self.custom(n)) {
                Some(role) => (
                    p(by),
                    Command::Roles(RoleCommand::UpdateCustomRole {
                        org,
                        role,
                        name: "Р".into(),
                        rights: sparse(rights),
                    }),
                ),
                None => (
                    p(by),
                    Command::Roles(RoleCommand::CreateCustomRole {
                        org,
                        name: "Р".into(),
                        rights: sparse(rights),
                    }),
                ),
            },
            Op::DeleteRole { by, nth } => (
                p(by),
                Command::Roles(RoleCommand::DeleteCustomRole {
                    org,
                    role: self.custom(nth)?,
                }),
            ),
            Op::Status { by, whom, kind } => {
                let account = p(whom);
                (
                    p(by),
                    match kind {
                        0 => Command::Employees(EmployeeCommand::BlockEmployee { org, account }),
                        1 => Command::Employees(EmployeeCommand::DisableEmployee { org, account }),
                        2 => Command::Employees(EmployeeCommand::DismissEmployee { org, account }),
                        _ => Command::Employees(EmployeeCommand::RestoreEmployee { org, account }),
                    },
                )
            }
        })
    }

    /// The rights each person can exercise now.
    fn usable(&self) -> HashMap<AccountId, RightSet> {
        self.people
            .iter()
            .map(|&a| {
                (
                    a,
                    self.dir
                        .effective_rights(a, self.org, t(T0))
                        .iter()
                        .map(|e| e.right)
                        .collect(),
                )
            })
            .collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn nobody_gains_a_right_its_grantor_did_not_hold(ops in prop::collection::vec(op(), 1..60)) {
        let mut w = World::new();
        // the rights an invitation's roles may bring: its inviter's at the time,
        // plus what later definers of its custom roles held
        let mut sponsors: HashMap<InvitationId, RightSet> = HashMap::new();
        let mut definers: HashMap<CustomRoleId, RightSet> = HashMap::new();
        for op in &ops {
            let Some((actor, command)) = w.command(op) else { continue };
            let before = w.usable();
            let invited = match &command {
                Command::Employees(EmployeeCommand::AcceptInvitation { invitation }) => w.dir.invitation(*invitation).cloned(),
                _ => None,
            };
            let Ok(events) = w.dir.run(command.clone(), &Context::account(actor, t(T0))) else { continue };
            let after = w.usable();
            let held = before[&actor];
            for event in &events {
                match event {
                    Event::Employees(EmployeeEvent::InvitationSent { invitation }) => { sponsors.insert(invitation.id, held); }
                    Event::Roles(RoleEvent::CustomRoleDefined { role, .. }) => { *definers.entry(role.id).or_default() = definers.get(&role.id).copied().unwrap_or_default().union(held); }
                    _ => {}
                }
            }
            for (&who, &now) in &after {
                let gained = now.difference(before[&who]);
                let allowed = match &command {
                    Command::Employees(EmployeeCommand::AcceptInvitation { invitation }) => {
                        let inv = invited.as_ref().unwrap();
                        inv.roles.iter().fold(sponsors[invitation], |acc, r| match r {
                            RoleRef::Custom(id) => acc.union(definers.get(id).copied().unwrap_or_default()),
                            RoleRef::BuiltIn(_) => acc,
                        })
                    }
                    _ => held,
                };
                prop_assert!(gained.is_subset(allowed), "{command:?} gave {who} {:?} beyond {:?}", gained.difference(allowed), allowed);
            }
            for (a, m) in w.dir.members(w.org) {
                prop_assert!(m.standing != Standing::Head || a == w.people[0], "only the registry makes a head");
            }
            w.log.extend(events);
        }
        // Listings come by number, so no host sorts them.
        let accounts: Vec<_> = w.dir.accounts().map(|a| a.id).collect();
        prop_assert!(accounts.is_sorted_by(|a, b| a < b), "{accounts:?}");
        let organizations: Vec<_> = w.dir.organizations().map(|o| o.id).collect();
        prop_assert!(organizations.is_sorted_by(|a, b| a < b), "{organizations:?}");
        let mut replayed = Directory::new();
        for e in &w.log {
            replayed.apply(e);
        }
        prop_assert_eq!(&replayed, &w.dir);
    }
}

#[test]
fn generated_snils_numbers_are_valid() {
    for n in [0, 1, 999, 123_456] {
        Snils::parse(&snils_of(n)).unwrap();
    }
}
