//! Storage: durable commands per second (one per transaction and batched),
//! `check` on a reopened database (fresh by default, with bounded staleness,
//! and right after another handle wrote), opening a database of 1,000,000 journal
//! entries, journal verification throughput.
//!
//! Run: `cargo bench --bench store`; `scripts/bench-store` runs it beside a
//! throwaway PostgreSQL server, so that the groups marked PostgreSQL below
//! (writer processes; `check` on PostgreSQL) run too, side by side with
//! SQLite. They need `KABINET_BENCH_POSTGRES`, a server URL, and say so when
//! it is missing.
//!
//! The 1,000,000-entry database is built once into
//! `target/bench-store-1m.db` (50,000 accounts registered, then 950,000
//! contact changes, in batches of 9,000 with a snapshot every 10,000
//! entries — so the latest snapshot is 10,000 entries behind the end and
//! opening replays them) and reused by later runs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

#[path = "../tests/support/snils.rs"]
mod generated;

use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kabinet::accounts::{AccountLevel, PersonName};
use kabinet::directory::ContactValue;
use kabinet::employees::Invitee;
use kabinet::organizations::{
    OrganizationKind, RegistryAnswer, RegistryHead, RegistryRecord, RegistryStatus, RequisitesDraft,
};
use kabinet::store::Store;
use kabinet::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn target() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target")
}

fn fresh(name: &str) -> PathBuf {
    let path = target().join(name);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

fn at() -> Timestamp {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn register(i: u64) -> Command {
    Command::Accounts(AccountCommand::RegisterAccount {
        name: PersonName::new("Сотрудник", "Иван", None),
        snils: None,
        inn: None,
        email: Some(Email::parse(&format!("p{i}@example.ru")).unwrap()),
        phone: None,
    })
}

fn durable_commands(c: &mut Criterion) {
    let mut g = c.benchmark_group("durable");
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    let k = Kabinet::open(fresh("bench-store-durable.db")).unwrap();
    let ctx = Context::system(at());
    let mut i = 0u64;
    g.throughput(Throughput::Elements(1));
    g.bench_function("one command per transaction", |b| {
        b.iter(|| {
            i += 1;
            k.execute(register(i), &ctx).unwrap()
        })
    });
    g.throughput(Throughput::Elements(100));
    // The append alone (snapshots off, so no sample carries the cost of
    // rewriting the directory: what the Merkle tree adds shows there), then
    // as a handle runs by default.
    let append_only = Kabinet::open(fresh("bench-store-append.db"))
        .unwrap()
        .snapshot_every(u64::MAX);
    for (name, k) in [
        ("100 commands per transaction", &k),
        ("100 commands per transaction, snapshots off", &append_only),
    ] {
        g.bench_function(name, |b| {
            b.iter_batched(
                || {
                    (0..100)
                        .map(|_| {
                            i += 1;
                            (register(i), ctx.clone())
                        })
                        .collect::<Vec<_>>()
                },
                |batch| k.execute_batch(batch).unwrap(),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

/// The n-th generated person's СНИЛС, with real check digits.
fn snils(n: u32) -> Snils {
    Snils::parse(&generated::snils_of(n)).unwrap()
}

/// A company with a head and 1,000 employees, every command journaled, at
/// `path` (a file or a database URL).
fn company_db(path: PathBuf) -> (PathBuf, AccountId, OrgId, Vec<AccountId>) {
    let k = Kabinet::open(&path).unwrap();
    let sys = Context::system(at());
    let mut ids = Vec::new();
    for n in 0..1001u32 {
        let ev = k
            .execute(
                Command::Accounts(AccountCommand::RegisterAccount {
                    name: PersonName::new("Сотрудник", "Иван", None),
                    snils: Some(snils(n)),
                    inn: (n == 0).then(|| Inn::parse("770712345633").unwrap()),
                    email: None,
                    phone: None,
                }),
                &sys,
            )
            .unwrap();
        let Event::Accounts(AccountEvent::AccountRegistered { account, .. }) = ev[0] else {
            panic!()
        };
        let batch = [AccountLevel::Standard, AccountLevel::Confirmed]
            .map(|level| {
                (
                    Command::Accounts(AccountCommand::RaiseAccountLevel { account, level }),
                    sys.clone(),
                )
            })
            .to_vec();
        k.execute_batch(batch).unwrap();
        ids.push(account);
    }
    let head = ids[0];
    let ev = k
        .execute(
            Command::Organizations(OrganizationCommand::SubmitOrganization {
                kind: OrganizationKind::LegalEntity,
                requisites: RequisitesDraft {
                    full_name: "ПАО Сбербанк".into(),
                    inn: "7707083893".into(),
                    kpp: "773601001".into(),
                    ogrn: "1027700132195".into(),
                    legal_address: "г. Москва".into(),
                    head_surname: "Сотрудник".into(),
                    head_given_name: "Иван".into(),
                    head_inn: "770712345633".into(),
                    head_position: "Президент".into(),
                    ..RequisitesDraft::default()
                },
            }),
            &Context::account(head, at()),
        )
        .unwrap();
    let Event::Organizations(OrganizationEvent::OrganizationSubmitted { org, .. }) = ev[0] else {
        panic!()
    };
    let answer = RegistryAnswer::Found {
        record: Box::new(RegistryRecord {
            full_name: "ПАО «Сбербанк»".into(),
            inn: Inn::parse("7707083893").unwrap(),
            kpp: Some(Kpp::parse("773601001").unwrap()),
            ogrn: Some(Ogrn::parse("1027700132195").unwrap()),
            ogrnip: None,
            status: RegistryStatus::Active,
            head: RegistryHead {
                name: PersonName::new("Сотрудник", "Иван", None),
                inn: Inn::parse("770712345633").unwrap(),
                position: "Президент".into(),
            },
        }),
    };
    k.execute(
        Command::Organizations(OrganizationCommand::RecordRegistryAnswer { org, answer }),
        &sys,
    )
    .unwrap();
    let roles = [
        BuiltInRole::Accountant,
        BuiltInRole::Operator,
        BuiltInRole::Observer,
        BuiltInRole::Hr,
    ];
    for (n, &account) in ids.iter().enumerate().skip(1) {
        let ev = k
            .execute(
                Command::Employees(EmployeeCommand::InviteEmployee {
                    org,
                    invitee: Invitee::Snils(snils(n as u32)),
                    name: PersonName::new("Сотрудник", "Иван", None),
                    position: None,
                    roles: vec![RoleRef::BuiltIn(roles[n % roles.len()])],
                }),
                &Context::account(head, at()),
            )
            .unwrap();
        let Event::Employees(EmployeeEvent::InvitationSent { invitation }) = &ev[0] else {
            panic!()
        };
        k.execute(
            Command::Employees(EmployeeCommand::AcceptInvitation {
                invitation: invitation.id,
            }),
            &Context::account(account, at()),
        )
        .unwrap();
    }
    (path, head, org, ids)
}

/// The PostgreSQL server of the PostgreSQL groups, if the run has one.
fn postgres_server() -> Option<String> {
    let server = std::env::var("KABINET_BENCH_POSTGRES").ok();
    if server.is_none() && std::env::args().any(|a| a == "--bench") {
        eprintln!(
            "KABINET_BENCH_POSTGRES is not set: the PostgreSQL groups do not run \
             (scripts/bench-store runs them beside a throwaway server)"
        );
    }
    server
}

/// A new, empty database on the PostgreSQL server; its URL.
#[cfg(feature = "postgres")]
fn fresh_postgres(server: &str, name: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let db = format!("bench_{}_{name}_{n}", std::process::id());
    let mut client = postgres::Client::connect(server, postgres::NoTls).unwrap();
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let base = server.rsplit_once('/').map_or(server, |(b, _)| b);
    PathBuf::from(format!("{base}/{db}"))
}

#[cfg(not(feature = "postgres"))]
fn fresh_postgres(_server: &str, _name: &str) -> PathBuf {
    panic!("built without the postgres feature")
}

fn check_reopened(c: &mut Criterion) {
    check_on(
        c,
        "check on a reopened database (1,000 employees)",
        fresh("bench-store-check.db"),
    );
    if let Some(server) = postgres_server() {
        if std::env::args().any(|a| a == "--bench") {
            check_on(
                c,
                "check on PostgreSQL (1,000 employees)",
                fresh_postgres(&server, "check"),
            );
        }
    }
}

fn check_on(c: &mut Criterion, group: &str, location: PathBuf) {
    let (path, _, org, ids) = company_db(location);
    let k = Kabinet::open(&path).unwrap();
    let rights = [
        Right::PaymentsView,
        Right::DocumentsEdit,
        Right::PersonnelView,
        Right::UsersManage,
    ];
    let requests: Vec<AccessRequest> = (0..4096usize)
        .map(|i| AccessRequest::new(ids[1 + i % 1000], org, rights[i % rights.len()], at()))
        .collect();
    let mut g = c.benchmark_group(group);
    let mut i = 0usize;
    {
        // The decision alone, under a read lock held across the iterations:
        // what the three variants below add to it is the freshness.
        let directory = k.read();
        g.bench_function("the decision alone (the store not asked)", |b| {
            b.iter(|| {
                i = (i + 1) % requests.len();
                black_box(directory.check(&requests[i]).allowed)
            })
        });
    }
    g.bench_function("fresh (the default): nothing changed", |b| {
        b.iter(|| {
            i = (i + 1) % requests.len();
            black_box(k.check(&requests[i]).allowed)
        })
    });
    let bounded = Kabinet::open(&path)
        .unwrap()
        .freshness(Freshness::AtMost(Duration::from_millis(100)));
    g.bench_function("at most 100 ms old", |b| {
        b.iter(|| {
            i = (i + 1) % requests.len();
            black_box(bounded.check(&requests[i]).allowed)
        })
    });
    let other = Kabinet::open(&path).unwrap();
    let refused = Command::Accounts(AccountCommand::DisableAccount {
        account: AccountId(u64::MAX),
    });
    g.bench_function("fresh, right after another handle wrote", |b| {
        b.iter_batched(
            || {
                other
                    .execute(refused.clone(), &Context::system(at()))
                    .unwrap_err();
                i = (i + 1) % requests.len();
                &requests[i]
            },
            |request| black_box(k.check(request).allowed),
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

const MILLION: u64 = 1_000_000;

fn million_db() -> PathBuf {
    let path = target().join("bench-store-1m.db");
    if path.is_file() {
        if let Ok(store) = kabinet::store::SqliteStore::open(&path) {
            if store.entry_count().unwrap_or(0) == MILLION {
                return path;
            }
        }
    }
    let path = fresh("bench-store-1m.db");
    let k = Kabinet::open(&path).unwrap().snapshot_every(10_000);
    let ctx = Context::system(at());
    let accounts = 50_000u64;
    let mut n = 0u64;
    while n < MILLION {
        let size = 9_000.min(MILLION - n);
        let batch = (n..n + size)
            .map(|i| {
                let command = if i < accounts {
                    register(i)
                } else {
                    Command::Accounts(AccountCommand::ChangeContact {
                        account: AccountId(i % accounts + 1),
                        contact: ContactValue::Email(
                            Email::parse(&format!("q{}@example.ru", i % 7)).unwrap(),
                        ),
                    })
                };
                (command, ctx.clone())
            })
            .collect();
        for r in k.execute_batch(batch).unwrap() {
            r.unwrap();
        }
        n += size;
    }
    path
}

fn million(c: &mut Criterion) {
    // `cargo test` runs benches once as tests, without `--bench`: the 677 MB
    // database is the benches' own data, not the test run's.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // Built on first use, so that a filter leaving these out (`-- check`)
    // does not build it either.
    let path = std::sync::OnceLock::new();
    let path = || path.get_or_init(million_db);
    let mut g = c.benchmark_group("1,000,000 entries");
    g.sample_size(10).measurement_time(Duration::from_secs(20));
    g.bench_function("open (latest snapshot + 10,000-entry tail)", |b| {
        let path = path();
        b.iter(|| black_box(Kabinet::open(path).unwrap().journal_head()))
    });
    let handle = std::sync::OnceLock::new();
    let handle = || handle.get_or_init(|| Kabinet::open(path()).unwrap());
    g.bench_function("inclusion proof of one entry, built and checked", |b| {
        let k = handle();
        let mut seq = 1u64;
        b.iter(|| {
            // entries all over the journal, cold and warm pages alike
            seq = (seq * 7_919 + 104_729) % MILLION + 1;
            let proof = k.prove_entry(seq, Some(MILLION)).unwrap().unwrap();
            proof.verify().unwrap();
            black_box(proof)
        })
    });
    g.bench_function(
        "consistency of two checkpoints (999,000 → 1,000,000), built and checked",
        |b| {
            let k = handle();
            let (old, new) = (MILLION - 1_000, MILLION);
            let (old_root, new_root) = (k.journal_root(old).unwrap(), k.journal_root(new).unwrap());
            b.iter(|| {
                let proof = k.prove_extension(old, new).unwrap().unwrap();
                kabinet::journal::merkle::verify_consistency(
                    old, new, &old_root, &new_root, &proof,
                )
                .unwrap();
                black_box(proof)
            })
        },
    );
    let store = std::sync::OnceLock::new();
    g.throughput(Throughput::Elements(MILLION));
    g.bench_function("verify the whole chain", |b| {
        let store = store.get_or_init(|| kabinet::store::SqliteStore::open(path()).unwrap());
        b.iter(|| store.verify(&mut |_| {}).unwrap().unwrap())
    });
    g.finish();
}

/// Runs `writers` processes of `kabinet db write-loop` on a new database at
/// `location`, `per_writer` durable commands each (one per transaction), and
/// returns the wall time until the last one finished.
fn run_writers(location: &Path, writers: usize, per_writer: u64) -> Duration {
    drop(Kabinet::open(location).unwrap());
    let start = Instant::now();
    let children: Vec<_> = (0..writers)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
                .args(["db", "write-loop", "--snapshot-every", "100000", "--count"])
                .arg(per_writer.to_string())
                .arg(location)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    start.elapsed()
}

/// Durable commands per second with 1, 2 and 4 writer processes on one
/// SQLite file and on one PostgreSQL database, every command its own
/// transaction and decided against the state it lands on. Each sample is a
/// new database; the time includes starting the processes and opening it.
fn writer_processes(c: &mut Criterion) {
    let Some(server) = postgres_server() else {
        return;
    };
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    const PER_WRITER: u64 = 200;
    let mut g = c.benchmark_group("writer processes");
    g.sample_size(10).measurement_time(Duration::from_secs(15));
    let mut n = 0u64;
    for writers in [1usize, 2, 4] {
        g.throughput(Throughput::Elements(writers as u64 * PER_WRITER));
        g.bench_function(format!("SQLite, {writers}"), |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| {
                        n += 1;
                        let path = fresh(&format!("bench-store-writers-{n}.db"));
                        let took = run_writers(&path, writers, PER_WRITER);
                        for suffix in ["", "-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                        }
                        took
                    })
                    .sum()
            })
        });
        g.bench_function(format!("PostgreSQL, {writers}"), |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| run_writers(&fresh_postgres(&server, "writers"), writers, PER_WRITER))
                    .sum()
            })
        });
    }
    g.finish();
}

criterion_group!(
    benches,
    durable_commands,
    check_reopened,
    writer_processes,
    million
);
criterion_main!(benches);
