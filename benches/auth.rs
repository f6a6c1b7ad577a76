//! Authentication: password verification per scheme (deliberately slow),
//! password rules per preset, session touches and notification routing.
//!
//! Run: `cargo bench --bench auth`
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use kabinet::auth::*;
use kabinet::notifications::NotificationCommand;
use kabinet::*;
use support::*;

const SALT: [u8; 16] = *b"kabinet-salt-016";

fn passwords(c: &mut Criterion) {
    let mut g = c.benchmark_group("password_verify");
    g.sample_size(10);
    let light = HashScheme::Argon2id {
        m_kib: 4096,
        t: 1,
        p: 1,
    };
    for (name, scheme) in [
        ("argon2id_m19456_t2_p1", HashScheme::ARGON2ID_OWASP),
        ("pbkdf2_sha256_600000", HashScheme::PBKDF2_OWASP),
        ("argon2id_m4096_t1_p1", light),
    ] {
        let stored = hash_password("correct horse battery staple", &SALT, &scheme).unwrap();
        g.bench_function(name, |b| {
            b.iter(|| {
                let v = verify_password(
                    black_box("correct horse battery staple"),
                    black_box(&stored),
                    &scheme,
                )
                .unwrap();
                assert_eq!(v, Verification::Valid);
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("password_policy_check");
    for (name, policy) in [
        ("portal", PasswordPolicy::portal()),
        ("nist", PasswordPolicy::nist()),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| policy.check(black_box("Tr0ub4dor&3-horse"), false))
        });
    }
    g.finish();
}

fn sessions(c: &mut Criterion) {
    const SESSIONS: u64 = 1_000;
    let (mut dir, head, _) = world();
    let sys = Context::system(t(T0));
    let mut ids = Vec::new();
    for _ in 0..SESSIONS {
        let ev = dir
            .run(
                Command::Auth(AuthCommand::RecordLogin {
                    account: head,
                    method: LoginMethod::Password,
                    succeeded: true,
                }),
                &sys,
            )
            .unwrap();
        let Event::Auth(AuthEvent::LoginSucceeded { session, .. }) = ev[0] else {
            panic!()
        };
        ids.push(session);
    }
    let ctx = Context::account(head, t("2026-03-02T09:05:00Z"));
    let mut g = c.benchmark_group("session");
    g.throughput(Throughput::Elements(SESSIONS));
    g.bench_function("touch_1000_live_sessions", |b| {
        b.iter(|| {
            for id in &ids {
                dir.run(
                    Command::Session(SessionCommand::Touch { session: *id }),
                    &ctx,
                )
                .unwrap();
            }
        })
    });
    g.finish();
}

fn routing(c: &mut Criterion) {
    const EMPLOYEES: u32 = 1_000;
    let (mut dir, head, org) = world();
    for n in 0..EMPLOYEES {
        let a = person(
            &mut dir,
            "Сотрудник",
            &snils_of(n),
            None,
            &format!("e{n}@example.ru"),
        );
        let role = if n % 50 == 0 {
            BuiltInRole::Administrator
        } else {
            BuiltInRole::Operator
        };
        hire(&mut dir, org, head, a, vec![RoleRef::BuiltIn(role)]);
    }
    let notice = head_certificate_expiring(head, org);
    let recipients = dir.recipients(&notice).len();
    assert_eq!(recipients, 1 + (EMPLOYEES as usize).div_ceil(50));
    let sys = Context::system(t(T0));
    let mut g = c.benchmark_group("notification");
    g.throughput(Throughput::Elements(1));
    g.bench_function("route_to_admins_of_1000_employees", |b| {
        b.iter(|| {
            let ev = dir
                .execute(
                    Command::Notification(NotificationCommand::Notify {
                        notice: black_box(notice.clone()),
                    }),
                    &sys,
                )
                .unwrap();
            assert_eq!(ev.len(), recipients * 2);
        })
    });
    g.finish();
}

criterion_group!(benches, passwords, sessions, routing);
criterion_main!(benches);
