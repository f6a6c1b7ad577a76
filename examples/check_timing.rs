//! The Rust baseline of the Python binding benchmark
//! (`bindings/python/bench/bench_check.py`):
//! the same organization of 10,000 employees in mixed roles and the same mix
//! of requests, `Kabinet::check` timed in a plain loop (release mode).
//!
//! Run: `cargo run --release --example check_timing`
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

#[path = "../tests/support/snils.rs"]
mod generated;

use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::employees::Invitee;
use kabinet::identifiers::{Inn, Snils};
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::*;
use std::hint::black_box;
use std::time::Instant;

const EMPLOYEES: u32 = 10_000;
const ROLES: [BuiltInRole; 5] = [
    BuiltInRole::Observer,
    BuiltInRole::Accountant,
    BuiltInRole::Operator,
    BuiltInRole::Specialist,
    BuiltInRole::Hr,
];
const RIGHTS: [Right; 5] = [
    Right::OrganizationView,
    Right::PaymentsApprove,
    Right::ApplicationsEdit,
    Right::PersonnelEdit,
    Right::UsersManage,
];

/// The n-th generated person's СНИЛС, with real check digits.
fn snils_of(n: u32) -> Snils {
    Snils::parse(&generated::snils_of(n)).unwrap()
}

fn person(k: &Kabinet, snils: Snils, inn: Option<Inn>, at: Timestamp) -> AccountId {
    let sys = Context::system(at);
    let name = PersonName::new("Сотрудник", "Иван", None);
    let events = k
        .execute(
            Command::Accounts(AccountCommand::RegisterAccount {
                name,
                snils: Some(snils),
                inn,
                email: None,
                phone: None,
            }),
            &sys,
        )
        .unwrap();
    let Event::Accounts(AccountEvent::AccountRegistered { account, .. }) = events[0] else {
        unreachable!()
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        k.execute(
            Command::Accounts(AccountCommand::RaiseAccountLevel { account, level }),
            &sys,
        )
        .unwrap();
    }
    account
}

fn main() {
    let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
    let k = Kabinet::in_memory();
    let head_inn = Inn::parse("770712345633").unwrap();
    let head = person(
        &k,
        Snils::parse("112-233-445 95").unwrap(),
        Some(head_inn.clone()),
        at,
    );
    let draft = RequisitesDraft {
        full_name: "ПАО Сбербанк".into(),
        inn: "7707083893".into(),
        kpp: "773601001".into(),
        ogrn: "1027700132195".into(),
        legal_address: "Москва".into(),
        head_surname: "Грефов".into(),
        head_given_name: "Иван".into(),
        head_inn: "770712345633".into(),
        head_position: "Президент".into(),
        ..RequisitesDraft::default()
    };
    let as_head = Context::account(head, at);
    let events = k
        .execute(
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            }),
            &as_head,
        )
        .unwrap();
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted {
        org,
        ref requisites,
        ..
    }) = events[0]
    else {
        unreachable!()
    };
    let mut registry = InMemoryRegistry::new();
    registry.insert(RegistryRecord {
        full_name: "ПАО Сбербанк".into(),
        inn: requisites.inn.clone(),
        kpp: requisites.kpp.clone(),
        ogrn: requisites.ogrn.clone(),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Грефов", "Иван", None),
            inn: head_inn,
            position: "Президент".into(),
        },
    });
    let answer = registry.lookup(&requisites.inn).unwrap();
    k.execute(
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &Context::system(at),
    )
    .unwrap();
    let mut staff = Vec::new();
    for n in 0..EMPLOYEES {
        let snils = snils_of(n);
        let a = person(&k, snils.clone(), None, at);
        let events = k
            .execute(
                Command::Employees(EmployeeCommand::InviteEmployee {
                    org,
                    invitee: Invitee::Snils(snils),
                    name: PersonName::new("Сотрудник", "Иван", None),
                    position: None,
                    roles: vec![RoleRef::BuiltIn(ROLES[n as usize % ROLES.len()])],
                }),
                &as_head,
            )
            .unwrap();
        let Event::Employees(EmployeeEvent::InvitationSent { ref invitation }) = events[0] else {
            unreachable!()
        };
        k.execute(
            Command::Employees(EmployeeCommand::AcceptInvitation {
                invitation: invitation.id,
            }),
            &Context::account(a, at),
        )
        .unwrap();
        staff.push(a);
    }
    let requests: Vec<AccessRequest> = (0..1000usize)
        .map(|i| {
            AccessRequest::new(
                staff[(i * 7919) % staff.len()],
                org,
                RIGHTS[i % RIGHTS.len()],
                at,
            )
        })
        .collect();
    let allowed = requests.iter().filter(|r| k.check(r).allowed).count();
    // Many short samples, the best kept: the machine is shared, and the
    // minimum filters out the moments another process held the core.
    let (rounds, samples) = (20u32, 25);
    let mut best = f64::MAX;
    for _ in 0..samples {
        let start = Instant::now();
        for _ in 0..rounds {
            for r in &requests {
                black_box(k.check(black_box(r)));
            }
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let per_call = best / f64::from(rounds) / requests.len() as f64 * 1e9;
    println!(
        "rust check: {per_call:.0} ns/call ({EMPLOYEES} employees, {allowed}/{} requests allowed, best of {samples} x {} calls)",
        requests.len(),
        rounds as usize * requests.len()
    );
}
