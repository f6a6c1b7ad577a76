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

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::identifiers::{Inn, Snils};
use kabinet::organizations::{
    InMemoryRegistry, OrganizationKind, RegistryHead, RegistryRecord, RegistryStatus,
    RequisitesDraft, StateRegistry,
};
use kabinet::*;
use std::time::{Duration, Instant};

const POWERS: u128 = 10_000;

fn t(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A valid СНИЛС for the n-th generated person.
fn snils_of(n: u32) -> String {
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
    format!("{base}{check:02}")
}

fn account(dir: &mut Directory, n: u32, inn: Option<&str>) -> AccountId {
    let sys = Context::system(t("2026-03-02T09:00:00Z"));
    let events = dir
        .run(
            Command::RegisterAccount {
                name: PersonName::new("Иванов", "Иван", None),
                snils: Some(Snils::parse(&snils_of(n)).unwrap()),
                inn: inn.map(|i| Inn::parse(i).unwrap()),
                email: None,
                phone: None,
            },
            &sys,
        )
        .unwrap();
    let Event::AccountRegistered { account, .. } = events[0] else {
        panic!()
    };
    for level in [AccountLevel::Standard, AccountLevel::Confirmed] {
        dir.run(Command::RaiseAccountLevel { account, level }, &sys)
            .unwrap();
    }
    account
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
    let at = t("2026-03-02T09:00:00Z");
    let mut dir = Directory::new();
    let head = account(&mut dir, 1, Some("770712345633"));
    let draft = RequisitesDraft {
        full_name: "ПАО Сбербанк".into(),
        inn: "7707083893".into(),
        kpp: "773601001".into(),
        ogrn: "1027700132195".into(),
        legal_address: "117312, г. Москва, ул. Вавилова, д. 19".into(),
        head_surname: "Иванов".into(),
        head_given_name: "Иван".into(),
        head_patronymic: String::new(),
        head_inn: "770712345633".into(),
        head_position: "Президент".into(),
        ..RequisitesDraft::default()
    };
    let events = dir
        .run(
            Command::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: draft,
            },
            &Context::account(head, at),
        )
        .unwrap();
    let Event::OrganizationSubmitted { org, .. } = events[0] else {
        panic!()
    };
    let mut registry = InMemoryRegistry::new();
    registry.insert(RegistryRecord {
        full_name: "ПАО «Сбербанк»".into(),
        inn: Inn::parse("7707083893").unwrap(),
        kpp: Some(kabinet::identifiers::Kpp::parse("773601001").unwrap()),
        ogrn: Some(kabinet::identifiers::Ogrn::parse("1027700132195").unwrap()),
        ogrnip: None,
        status: RegistryStatus::Active,
        head: RegistryHead {
            name: PersonName::new("Иванов", "Иван", None),
            inn: Inn::parse("770712345633").unwrap(),
            position: "Президент".into(),
        },
    });
    let answer = registry.lookup(&Inn::parse("7707083893").unwrap()).unwrap();
    dir.run(
        Command::RecordRegistryAnswer { org, answer },
        &Context::system(at),
    )
    .unwrap();

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
        let command = Command::IssuePower {
            org,
            terms: terms(n, rep, Redelegation::None),
            irrevocable: false,
        };
        dir.run(command, &head_ctx).unwrap();
    }
    let people = [2, 3, 4].map(|n| account(&mut dir, n, None));
    let first = Command::IssuePower {
        org,
        terms: terms(
            0,
            Representative::Account { account: people[0] },
            Redelegation::Successive,
        ),
        irrevocable: false,
    };
    dir.run(first, &head_ctx).unwrap();
    for (i, pair) in people.windows(2).enumerate() {
        let by = pair[0];
        let ctx = Context::account(by, at).signed(qes(&dir, by));
        let command = Command::RedelegatePower {
            parent: Uuid::from_u128(i as u128),
            terms: terms(
                i as u128 + 1,
                Representative::Account { account: pair[1] },
                Redelegation::Successive,
            ),
        };
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

    // The same two checks, each sample being the median of batches of 256
    // calls: a batch the scheduler interrupts (the machine is shared) lands
    // in the upper half and does not move the median, so these figures are
    // the p50 of a check on an uncontended core.
    let mut g = c.benchmark_group("delegation_p50_of_batches");
    g.bench_function("check_chain_depth_3_of_10000", |b| {
        b.iter_custom(|iters| median_of_batches(iters, || w.dir.check(black_box(&allowed))))
    });
    g.bench_function("check_head_role_path", |b| {
        b.iter_custom(|iters| median_of_batches(iters, || w.dir.check(black_box(&head))))
    });
    g.finish();
}

/// Runs `f` `iters` times in batches of 256 and returns `iters` times the
/// median time of one call within a batch.
fn median_of_batches<T>(iters: u64, mut f: impl FnMut() -> T) -> Duration {
    const BATCH: u64 = 256;
    let batches = iters.div_ceil(BATCH).max(1);
    let mut times: Vec<Duration> = (0..batches)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..BATCH {
                black_box(f());
            }
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let median = times[times.len() / 2];
    median.mul_f64(iters as f64 / BATCH as f64)
}

criterion_group!(benches, bench);
criterion_main!(benches);
