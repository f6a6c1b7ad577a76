//! `check` on an organization with 10,000 employees and mixed roles.
//!
//! Run: `cargo bench --bench check`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::employees::Invitee;
use kabinet::organizations::{
    OrganizationKind, RegistryAnswer, RegistryHead, RegistryRecord, RegistryStatus, RequisitesDraft,
};
use kabinet::*;

const EMPLOYEES: u32 = 10_000;

fn snils(n: u32) -> Snils {
    let base = format!("{:09}", 2_000_000 + n);
    let sum: u32 = base
        .chars()
        .enumerate()
        .map(|(i, c)| c.to_digit(10).unwrap() * (9 - i as u32))
        .sum();
    let check = match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => (s % 101) % 100,
    };
    Snils::parse(&format!("{base}{check:02}")).unwrap()
}

fn person(dir: &mut Directory, at: Timestamp, snils: Snils, inn: Option<Inn>) -> AccountId {
    let sys = Context::system(at);
    let ev = dir
        .run(
            Command::RegisterAccount {
                name: PersonName::new("Сотрудник", "Иван", None),
                snils: Some(snils),
                inn,
                email: None,
                phone: None,
            },
            &sys,
        )
        .unwrap();
    let Event::AccountRegistered { account, .. } = ev[0] else {
        panic!()
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        dir.run(Command::RaiseAccountLevel { account, level }, &sys)
            .unwrap();
    }
    account
}

/// An organization with a head and `EMPLOYEES` employees holding mixed roles:
/// built-in roles, two at once, a custom role, individual grants.
pub fn organization() -> (Directory, OrgId, Vec<AccountId>) {
    let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
    let mut dir = Directory::new();
    let head_inn = Inn::parse("770712345633").unwrap();
    let head = person(&mut dir, at, snils(0), Some(head_inn.clone()));
    let draft = RequisitesDraft {
        full_name: "ПАО Сбербанк".into(),
        inn: "7707083893".into(),
        kpp: "773601001".into(),
        ogrn: "1027700132195".into(),
        legal_address: "Москва".into(),
        head_surname: "Сотрудник".into(),
        head_given_name: "Иван".into(),
        head_position: "Президент".into(),
        ..Default::default()
    };
    let ev = dir
        .run(
            Command::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            },
            &Context::account(head, at),
        )
        .unwrap();
    let Event::OrganizationSubmitted {
        org,
        ref requisites,
        ..
    } = ev[0]
    else {
        panic!()
    };
    let record = RegistryRecord {
        full_name: requisites.full_name.clone(),
        inn: requisites.inn.clone(),
        kpp: requisites.kpp.clone(),
        ogrn: requisites.ogrn.clone(),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Сотрудник", "Иван", None),
            inn: head_inn,
            position: "Президент".into(),
        },
    };
    dir.run(
        Command::RecordRegistryAnswer {
            org,
            answer: RegistryAnswer::Found {
                record: Box::new(record),
            },
        },
        &Context::system(at),
    )
    .unwrap();
    let as_head = Context::account(head, at);
    let ev = dir
        .run(
            Command::CreateCustomRole {
                org,
                name: "Документовед".into(),
                rights: RightSet::of(&[
                    Right::DocumentsView,
                    Right::DocumentsEdit,
                    Right::JournalView,
                ]),
            },
            &as_head,
        )
        .unwrap();
    let Event::CustomRoleDefined { ref role, .. } = ev[0] else {
        panic!()
    };
    let custom = RoleRef::Custom(role.id);
    let b = RoleRef::BuiltIn;
    let mut people = vec![head];
    for n in 1..=EMPLOYEES {
        let s = snils(n);
        let account = person(&mut dir, at, s.clone(), None);
        let roles = match n % 5 {
            0 => vec![b(BuiltInRole::Accountant)],
            1 => vec![b(BuiltInRole::Operator)],
            2 => vec![b(BuiltInRole::Specialist), b(BuiltInRole::Observer)],
            3 => vec![custom],
            _ => vec![b(BuiltInRole::Hr)],
        };
        let ev = dir
            .run(
                Command::InviteEmployee {
                    org,
                    invitee: Invitee::Snils(s),
                    name: PersonName::new("Сотрудник", "Иван", None),
                    position: None,
                    roles,
                },
                &as_head,
            )
            .unwrap();
        let Event::InvitationSent { ref invitation } = ev[0] else {
            panic!()
        };
        dir.run(
            Command::AcceptInvitation {
                invitation: invitation.id,
            },
            &Context::account(account, at),
        )
        .unwrap();
        if n % 7 == 0 {
            dir.run(
                Command::GrantRights {
                    org,
                    account,
                    rights: RightSet::of(&[Right::ReportsView]),
                },
                &as_head,
            )
            .unwrap();
        }
        people.push(account);
    }
    (dir, org, people)
}

fn bench(c: &mut Criterion) {
    let (dir, org, people) = organization();
    let at: Timestamp = "2026-03-02T10:00:00Z".parse().unwrap();
    // a mix: allowed through roles, through grants, refused, the head
    let rights = [
        Right::DocumentsView,
        Right::AccountingApprove,
        Right::ReportsView,
        Right::JournalView,
        Right::ApplicationsEdit,
        Right::UsersManage,
    ];
    let requests: Vec<AccessRequest> = (0..4096)
        .map(|i| {
            let who = people[(i * 7919) % people.len()];
            AccessRequest::new(who, org, rights[i % rights.len()], at)
        })
        .collect();
    let allowed = requests.iter().filter(|r| dir.check(r).allowed).count();
    eprintln!("mixed requests: {allowed} of {} allowed", requests.len());
    let mut i = 0;
    c.bench_function("check/mixed_10k_employees", |b| {
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(dir.check(black_box(&requests[i])))
        })
    });
    let allowed_only: Vec<&AccessRequest> =
        requests.iter().filter(|r| dir.check(r).allowed).collect();
    let mut j = 0;
    c.bench_function("check/allowed_10k_employees", |b| {
        b.iter(|| {
            j = (j + 1) % allowed_only.len();
            black_box(dir.check(black_box(allowed_only[j])))
        })
    });
    let refused: Vec<&AccessRequest> = requests.iter().filter(|r| !dir.check(r).allowed).collect();
    let mut k = 0;
    c.bench_function("check/refused_10k_employees", |b| {
        b.iter(|| {
            k = (k + 1) % refused.len();
            black_box(dir.check(black_box(refused[k])))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
