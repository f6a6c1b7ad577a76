//! `check` on an organization with 10,000 employees and mixed roles.
//!
//! Employees hold built-in roles, two built-in roles at once, a custom role,
//! and every seventh an individual grant. 4,096 requests over six rights
//! mix allowed and refused answers. The group `check_p50_of_batches` takes
//! each sample as the median of batches of 256 calls (see `common`).
//!
//! Run: `cargo bench --bench check`
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::fixtures::{hire, person, run, snils_of, t, world, T0};
use common::median_of_batches;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::*;

const EMPLOYEES: u32 = 10_000;

/// An organization with a head and `EMPLOYEES` employees holding mixed roles.
fn organization() -> (Directory, OrgId, Vec<AccountId>) {
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
        panic!()
    };
    let custom = RoleRef::Custom(role.id);
    let b = RoleRef::BuiltIn;
    let mut people = vec![head];
    for n in 1..=EMPLOYEES {
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
    }
    fixtures_log_dropped();
    (dir, org, people)
}

/// The fixtures keep every event they ran for the tests' replay checks; the
/// bench does not need them in memory.
fn fixtures_log_dropped() {
    common::fixtures::take_log();
}

fn bench(c: &mut Criterion) {
    let (dir, org, people) = organization();
    let at = t("2026-03-02T10:00:00Z");
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
            AccessRequest::new(
                people[(i * 7919) % people.len()],
                org,
                rights[i % rights.len()],
                at,
            )
        })
        .collect();
    let (allowed, refused): (Vec<&AccessRequest>, Vec<&AccessRequest>) =
        requests.iter().partition(|r| dir.check(r).allowed);
    eprintln!(
        "mixed requests: {} of {} allowed",
        allowed.len(),
        requests.len()
    );
    assert!(!allowed.is_empty() && !refused.is_empty());

    let mut g = c.benchmark_group("check");
    let mut i = 0;
    g.bench_function("mixed_10k_employees", |b| {
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(dir.check(black_box(&requests[i])))
        })
    });
    let mut j = 0;
    g.bench_function("allowed_10k_employees", |b| {
        b.iter(|| {
            j = (j + 1) % allowed.len();
            black_box(dir.check(black_box(allowed[j])))
        })
    });
    let mut k = 0;
    g.bench_function("refused_10k_employees", |b| {
        b.iter(|| {
            k = (k + 1) % refused.len();
            black_box(dir.check(black_box(refused[k])))
        })
    });
    g.finish();

    let mut g = c.benchmark_group("check_p50_of_batches");
    let mut j = 0;
    g.bench_function("allowed_10k_employees", |b| {
        b.iter_custom(|iters| {
            median_of_batches(iters, || {
                j = (j + 1) % allowed.len();
                dir.check(black_box(allowed[j]))
            })
        })
    });
    let mut i = 0;
    g.bench_function("mixed_10k_employees", |b| {
        b.iter_custom(|iters| {
            median_of_batches(iters, || {
                i = (i + 1) & 4095;
                dir.check(black_box(&requests[i]))
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
