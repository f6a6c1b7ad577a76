//! The access check through powers of attorney.
//!
//! An organization holds 10,000 powers of attorney (9,997 given to third
//! parties identified by СНИЛС, and a chain of three: the head's power to an
//! employee, re-delegated to a second person, re-delegated again to a third).
//! Measured: `check` by the third person through the chain of depth 3; the
//! same check refused because the right lies beyond the chain; the head's
//! check through the role path (for comparison); entering by the number of
//! the power.
//!
//! The group `delegation_p50_of_batches` repeats the allowed check and the
//! role-path check with each sample taken as the median of batches of 256
//! calls, which keeps the figures of a shared machine close to those of an
//! uncontended core.
//!
//! Run: `cargo bench --bench delegation`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::fixtures::{person, snils_of, t, world as fixtures_world, T0};
use common::median_of_batches;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::identifiers::Snils;
use kabinet::*;

const POWERS: u128 = 10_000;

/// A confirmed person with the n-th generated СНИЛС.
fn account(dir: &mut Directory, n: u32) -> AccountId {
    person(
        dir,
        "Иванов",
        &snils_of(n),
        None,
        &format!("p{n}@example.ru"),
    )
}

fn qes(dir: &Directory, who: AccountId) -> SignatureEvidence {
    let a = dir.account(who).unwrap();
    SignatureEvidence::certified(
        SignatureLevel::Qualified,
        SignerIdentity {
            snils: a.snils.clone(),
            inn: a.inn.clone(),
            ..SignerIdentity::default()
        },
    )
}

struct World {
    dir: Directory,
    head: AccountId,
    org: OrgId,
    last: AccountId,
    leaf: PowerNumber,
}

fn world() -> World {
    let at = t(T0);
    let (mut dir, head, org) = fixtures_world();
    let head_ctx = Context::account(head, at).signed(qes(&dir, head));
    let terms = |n: u128, representative, redelegation| PowerTerms {
        number: Uuid::from_u128(n),
        internal_number: None,
        representative,
        powers: PowerLevel::Operational.rights(),
        valid_from: None,
        valid_until: None,
        redelegation,
    };
    for n in 3..POWERS {
        let snils = Snils::parse(&snils_of(1000 + n as u32)).unwrap();
        let rep = Representative::Person {
            snils: Some(snils),
            inn: None,
            acting_for: None,
        };
        let command = Command::Delegation(DelegationCommand::IssuePower {
            org,
            terms: terms(n, rep, Redelegation::None),
            irrevocable: false,
        });
        dir.run(command, &head_ctx).unwrap();
    }
    let people = [2, 3, 4].map(|n| account(&mut dir, n));
    let first = Command::Delegation(DelegationCommand::IssuePower {
        org,
        terms: terms(
            0,
            Representative::Account { account: people[0] },
            Redelegation::Successive,
        ),
        irrevocable: false,
    });
    dir.run(first, &head_ctx).unwrap();
    for (i, pair) in people.windows(2).enumerate() {
        let by = pair[0];
        let ctx = Context::account(by, at).signed(qes(&dir, by));
        let command = Command::Delegation(DelegationCommand::RedelegatePower {
            parent: Uuid::from_u128(i as u128),
            terms: terms(
                i as u128 + 1,
                Representative::Account { account: pair[1] },
                Redelegation::Successive,
            ),
        });
        dir.run(command, &ctx).unwrap();
    }
    assert_eq!(dir.power_count(), POWERS as usize);
    World {
        dir,
        head,
        org,
        last: people[2],
        leaf: Uuid::from_u128(2),
    }
}

fn bench(c: &mut Criterion) {
    let w = world();
    let at = t("2026-06-01T12:00:00Z");
    let allowed =
        AccessRequest::new(w.last, w.org, Right::ReportsApprove, at).signed(qes(&w.dir, w.last));
    let d = w.dir.check(&allowed);
    assert!(d.allowed, "{:?}", d.refusal_codes());
    assert_eq!(d.delegation.as_ref().unwrap().chain.len(), 3);
    let beyond =
        AccessRequest::new(w.last, w.org, Right::UsersManage, at).signed(qes(&w.dir, w.last));
    assert!(!w.dir.check(&beyond).allowed);
    let head =
        AccessRequest::new(w.head, w.org, Right::ReportsApprove, at).signed(qes(&w.dir, w.head));
    assert!(w.dir.check(&head).allowed);

    let mut g = c.benchmark_group("delegation");
    g.bench_function("check_chain_depth_3_of_10000", |b| {
        b.iter(|| w.dir.check(black_box(&allowed)))
    });
    g.bench_function("check_refused_beyond_chain", |b| {
        b.iter(|| w.dir.check(black_box(&beyond)))
    });
    g.bench_function("check_head_role_path", |b| {
        b.iter(|| w.dir.check(black_box(&head)))
    });
    g.bench_function("enter_by_power_depth_3", |b| {
        b.iter(|| {
            w.dir
                .enter_by_power(black_box(w.last), black_box(w.leaf), at)
        })
    });
    g.finish();

    // The same two checks, each sample the median of batches (p50).
    let mut g = c.benchmark_group("delegation_p50_of_batches");
    g.bench_function("check_chain_depth_3_of_10000", |b| {
        b.iter_custom(|iters| median_of_batches(iters, || w.dir.check(black_box(&allowed))))
    });
    g.bench_function("check_head_role_path", |b| {
        b.iter_custom(|iters| median_of_batches(iters, || w.dir.check(black_box(&head))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
