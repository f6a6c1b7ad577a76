//! Many handles on one journal, in one process and in several, on an SQLite
//! file and on a PostgreSQL database: every answer includes what any handle
//! acknowledged before the question, writers interleave into one chain with
//! every rule checked against the state its entry lands on, a killed writer
//! costs the others nothing. On SQLite, the file alone (or a backup) holds
//! everything.
#![cfg(all(feature = "sqlite", unix))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use kabinet::store::{SqliteStore, Store};
use kabinet::*;
use support::*;

fn pays(k: &Kabinet, accountant: AccountId, org: OrgId) -> bool {
    k.check(&AccessRequest::new(
        accountant,
        org,
        Right::PaymentsEdit,
        t(T0),
    ))
    .allowed
}

fn dismiss(org: OrgId, account: AccountId) -> Command {
    Command::Employees(EmployeeCommand::DismissEmployee { org, account })
}

fn write_loop(path: &Path, count: u64) -> Process {
    let mut p = Process::new(env!("CARGO_BIN_EXE_kabinet"));
    p.args([
        "db",
        "write-loop",
        "--count",
        &count.to_string(),
        "--snapshot-every",
        "40",
    ])
    .arg(path);
    p
}

/// The tests every store must pass, for one backend: `fresh(name)` gives an
/// empty database (a file path or a URL).
macro_rules! shared_journal_tests {
    ($backend:ident, $fresh:expr) => {
        mod $backend {
            use super::*;

            fn fresh(name: &str) -> PathBuf {
                $fresh(name)
            }

            /// A database holding the staffed company (head, administrator, accountant,
            /// an employee), and the company's parts.
            pub(crate) fn staffed(name: &str) -> (PathBuf, AccountId, OrgId, Vec<AccountId>) {
                let path = fresh(name);
                let (_, head, org, people) = staffed_world();
                let k = Kabinet::open(&path).unwrap();
                for (command, ctx) in take_commands() {
                    k.execute(command, &ctx).unwrap();
                }
                (path, head, org, people)
            }

            #[test]
            fn a_second_handle_answers_from_what_the_first_acknowledged() {
                let (path, head, org, people) = staffed("fresh");
                let a = Kabinet::open(&path).unwrap();
                let b = Kabinet::open(&path).unwrap();
                let accountant = people[1];
                assert!(pays(&b, accountant, org));
                a.execute(dismiss(org, accountant), &Context::account(head, t(T0)))
                    .unwrap();
                // b was opened before the dismissal: it must not allow the payment.
                assert!(!pays(&b, accountant, org));
                let positioned = b.check_positioned(&AccessRequest::new(
                    accountant,
                    org,
                    Right::PaymentsEdit,
                    t(T0),
                ));
                assert!(!positioned.decision.allowed);
                assert_eq!(positioned.seq, a.journal_head().seq);
                // b's next command lands after a's, decided against the new state.
                let restored = b.execute(
                    Command::Employees(EmployeeCommand::RestoreEmployee {
                        org,
                        account: accountant,
                    }),
                    &Context::account(head, t(T0)),
                );
                assert!(restored.is_ok(), "{restored:?}");
                assert!(pays(&a, accountant, org));
                assert_eq!(a.journal_head(), b.journal_head());
                assert!(a.verify_journal().unwrap().is_ok());
                assert_eq!(*a.read(), *b.read());
                assert_eq!(*a.read(), a.replay_journal().unwrap());
            }

            #[test]
            fn a_stale_writer_is_decided_again_against_the_state_its_entry_lands_on() {
                let (path, head, org, people) = staffed("redecide");
                let a = Kabinet::open(&path).unwrap();
                // b asks the store at most once an hour: it does not see a's
                // command (on SQLite; PostgreSQL's notification may bring it
                // up to date any moment) ...
                let b = Kabinet::open(&path)
                    .unwrap()
                    .freshness(Freshness::AtMost(Duration::from_secs(3600)));
                let admin = people[0];
                let _ = b.check(&AccessRequest::new(admin, org, Right::UsersManage, t(T0)));
                a.execute(dismiss(org, admin), &Context::account(head, t(T0)))
                    .unwrap();
                if stringify!($backend) == "sqlite" {
                    assert!(
                        b.check(&AccessRequest::new(admin, org, Right::UsersManage, t(T0)))
                            .allowed
                    );
                }
                // ... but a command from it is decided against the journal as it is:
                // the dismissed administrator may no longer manage users.
                let refused = b.execute(dismiss(org, people[2]), &Context::account(admin, t(T0)));
                assert!(refused.is_err(), "{refused:?}");
                assert!(!matches!(refused, Err(CommandError::NotRecorded { .. })));
                assert!(
                    !b.check(&AccessRequest::new(admin, org, Right::UsersManage, t(T0)))
                        .allowed
                );
                let entries = a.journal(&journal::Filter::all()).unwrap();
                let last = entries.last().unwrap();
                assert_ne!(last.record.outcome.code(), "applied");
                assert_eq!(last.record.kind, "dismiss_employee");
                assert!(a.verify_journal().unwrap().is_ok());
            }

            #[test]
            fn handles_in_threads_interleave_into_one_chain() {
                let (path, head, _, _) = staffed("threads");
                let n_handles = 4;
                let per_handle = 25;
                std::thread::scope(|s| {
                    for _ in 0..n_handles {
                        let path = &path;
                        s.spawn(move || {
                            let k = Kabinet::open(path).unwrap();
                            for _ in 0..per_handle {
                                k.execute(
                                    Command::Accounts(AccountCommand::DisableAccount {
                                        account: AccountId(u64::MAX),
                                    }),
                                    &Context::account(head, t(T0)),
                                )
                                .map(|_| panic!("refused")).unwrap_or_else(|e| assert!(!matches!(e, CommandError::NotRecorded { .. }), "{e:?}"));
                                // each refusal is journaled: no command is lost
                            }
                        });
                    }
                });
                let k = Kabinet::open(&path).unwrap();
                let refused = k
                    .journal(&journal::Filter::all())
                    .unwrap()
                    .iter()
                    .filter(|e| e.record.kind == "disable_account")
                    .count();
                assert_eq!(refused, n_handles * per_handle);
                assert!(k.verify_journal().unwrap().is_ok());
            }

            #[test]
            fn writer_processes_interleave_into_one_chain() {
                let path = fresh("processes");
                drop(Kabinet::open(&path).unwrap());
                let children: Vec<_> = (0..3)
                    .map(|_| {
                        write_loop(&path, 150)
                            .stdout(Stdio::null())
                            .spawn()
                            .unwrap()
                    })
                    .collect();
                for mut c in children {
                    assert!(c.wait().unwrap().success());
                }
                let k = Kabinet::open(&path).unwrap();
                assert_eq!(k.journal_head().seq, 450);
                assert!(k.verify_journal().unwrap().is_ok());
                assert_eq!(*k.read(), k.replay_journal().unwrap());
            }

            #[test]
            fn killing_one_writer_costs_the_others_nothing() {
                let path = fresh("kill");
                drop(Kabinet::open(&path).unwrap());
                let mut steady = write_loop(&path, 400)
                    .stdout(Stdio::piped())
                    .spawn()
                    .unwrap();
                let mut acknowledged = 0u64;
                for round in 0..50u64 {
                    let mut victim = write_loop(&path, u64::MAX)
                        .stdout(Stdio::piped())
                        .spawn()
                        .unwrap();
                    let mut lines = BufReader::new(victim.stdout.take().unwrap()).lines();
                    for _ in 0..(1 + round % 4) {
                        if let Some(Ok(line)) = lines.next() {
                            acknowledged = acknowledged.max(line.parse().unwrap());
                        }
                    }
                    victim.kill().unwrap();
                    victim.wait().unwrap();
                }
                let out = BufReader::new(steady.stdout.take().unwrap());
                let steady_last: u64 = out
                    .lines()
                    .map_while(Result::ok)
                    .last()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!(
                    steady.wait().unwrap().success(),
                    "the steady writer carried on"
                );
                let k = Kabinet::open(&path).unwrap();
                let head = k.journal_head().seq;
                assert!(
                    head >= acknowledged.max(steady_last),
                    "{head} {acknowledged} {steady_last}"
                );
                assert!(k.verify_journal().unwrap().is_ok());
                assert_eq!(*k.read(), k.replay_journal().unwrap());
            }

            mod interleavings {
                use super::*;
                use proptest::prelude::*;

                #[derive(Debug, Clone)]
                enum Step {
                    Dismiss,
                    Restore,
                    Register,
                    Check,
                }

                fn step() -> impl Strategy<Value = Step> {
                    prop_oneof![
                        Just(Step::Dismiss),
                        Just(Step::Restore),
                        Just(Step::Register),
                        Just(Step::Check),
                    ]
                }

                proptest! {
                    #![proptest_config(ProptestConfig::with_cases(24))]

                    /// Random commands on 2–4 handles of one database, in random order,
                    /// while 2–4 writer processes append their own: every decision
                    /// reflects every command acknowledged before it, on whichever
                    /// handle; every command a process acknowledged is in the journal;
                    /// one chain; replay equals every handle's state.
                    #[test]
                    fn every_handle_answers_from_every_acknowledged_command(
                        handles in 2usize..=4,
                        writers in proptest::collection::vec(2u64..=10, 2..=4),
                        steps in proptest::collection::vec((0usize..4, step()), 1..40),
                    ) {
                        let (path, head, org, people) = staffed("prop");
                        let ks: Vec<Kabinet> = (0..handles).map(|_| Kabinet::open(&path).unwrap()).collect();
                        let processes: Vec<std::process::Child> = writers
                            .iter()
                            .map(|count| write_loop(&path, *count).stdout(Stdio::piped()).spawn().unwrap())
                            .collect();
                        let accountant = people[1];
                        let ctx = Context::account(head, t(T0));
                        let mut employed = true;
                        for (i, (h, step)) in steps.into_iter().enumerate() {
                            let k = &ks[h % handles];
                            match step {
                                Step::Dismiss => {
                                    let r = k.execute(dismiss(org, accountant), &ctx);
                                    prop_assert_eq!(r.is_ok(), employed, "{:?}", r);
                                    employed = false;
                                }
                                Step::Restore => {
                                    let r = k.execute(Command::Employees(EmployeeCommand::RestoreEmployee { org, account: accountant }), &ctx);
                                    prop_assert_eq!(r.is_ok(), !employed, "{:?}", r);
                                    employed = true;
                                }
                                Step::Register => {
                                    k.execute(
                                        Command::Accounts(AccountCommand::RegisterAccount {
                                            name: accounts::PersonName::new("Новиков", "Иван", None),
                                            snils: None,
                                            inn: None,
                                            email: Some(identifiers::Email::parse(&format!("n{i}@example.ru")).unwrap()),
                                            phone: None,
                                        }),
                                        &Context::system(t(T0)),
                                    ).unwrap();
                                }
                                Step::Check => prop_assert_eq!(pays(k, accountant, org), employed),
                            }
                        }
                        for (p, count) in processes.into_iter().zip(&writers) {
                            let out = p.wait_with_output().unwrap();
                            prop_assert!(out.status.success(), "a writer process failed");
                            let acknowledged = String::from_utf8_lossy(&out.stdout).lines().count() as u64;
                            prop_assert_eq!(acknowledged, *count);
                        }
                        // Every command the processes acknowledged is in the journal.
                        let by_processes = ks[0]
                            .journal(&journal::Filter { actor: Some(Actor::System), ..journal::Filter::all() })
                            .unwrap()
                            .iter()
                            .filter(|e| match &e.record.command {
                                Command::Accounts(AccountCommand::RegisterAccount { name, .. }) => name.surname() == "Тестов",
                                Command::Accounts(AccountCommand::DisableAccount { .. }) => true,
                                _ => false,
                            })
                            .count() as u64;
                        prop_assert_eq!(by_processes, writers.iter().sum::<u64>());
                        let heads: Vec<journal::Head> = ks.iter().map(Kabinet::journal_head).collect();
                        prop_assert!(heads.windows(2).all(|w| w[0] == w[1]), "{:?}", heads);
                        prop_assert!(ks[0].verify_journal().unwrap().is_ok());
                        let replayed = ks[0].replay_journal().unwrap();
                        for k in &ks {
                            prop_assert!(*k.read() == replayed);
                        }
                    }
                }
            }
        }
    };
}

shared_journal_tests!(sqlite, |name: &str| fresh_temp_path(&format!(
    "sharing-{name}.db"
)));
#[cfg(feature = "postgres")]
shared_journal_tests!(postgres, |name: &str| fresh_postgres(&format!(
    "sharing-{name}"
)));

#[test]
fn the_file_alone_holds_everything_once_the_last_handle_closes() {
    let (path, _, _, _) = sqlite::staffed("fold");
    let k = Kabinet::open(&path).unwrap();
    let n = k.journal_head().seq;
    // while a handle is open, a copy of the file alone may miss the log
    let early = fresh_temp_path("sharing-fold-early-copy.db");
    std::fs::copy(&path, &early).unwrap();
    drop(k);
    let wal = format!("{}-wal", path.display());
    assert!(std::fs::metadata(&wal).map_or(true, |m| m.len() == 0));
    let copy = fresh_temp_path("sharing-fold-copy.db");
    std::fs::copy(&path, &copy).unwrap();
    let store = SqliteStore::open_existing(&copy).unwrap();
    assert_eq!(store.verify(&mut |_| {}).unwrap().unwrap().seq, n);
    // the early copy: a journal or, when the log held it all, a clear refusal
    match SqliteStore::open_existing(&early) {
        Ok(s) => assert!(s.verify(&mut |_| {}).unwrap().is_ok()),
        Err(e) => {
            assert_eq!(e.code(), "store.not_a_journal");
            assert!(e.message_en().contains("write-ahead log"), "{e}");
        }
    }
}

#[test]
fn a_copy_without_its_log_says_so() {
    let path = fresh_temp_path("sharing-nolog.db");
    let k = Kabinet::open(&path).unwrap();
    k.execute(
        Command::Accounts(AccountCommand::DisableAccount {
            account: AccountId(7),
        }),
        &Context::system(t(T0)),
    )
    .unwrap_err();
    let copy = fresh_temp_path("sharing-nolog-copy.db");
    std::fs::copy(&path, &copy).unwrap();
    drop(k);
    let out = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "verify"])
        .arg(&copy)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("store.not_a_journal") && err.contains("write-ahead log"),
        "{err}"
    );
}

#[test]
fn a_backup_is_one_self_contained_file() {
    let (path, head, org, people) = sqlite::staffed("backup");
    let k = Kabinet::open(&path).unwrap();
    let dest = fresh_temp_path("sharing-backup-copy.db");
    let out = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "backup"])
        .arg(&path)
        .arg(&dest)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    // writers go on; the backup keeps the state it was taken at
    k.execute(dismiss(org, people[1]), &Context::account(head, t(T0)))
        .unwrap();
    assert!(!Path::new(&format!("{}-wal", dest.display())).exists());
    let b = Kabinet::open(&dest).unwrap();
    assert_eq!(b.journal_head().seq, k.journal_head().seq - 1);
    assert!(b.verify_journal().unwrap().is_ok());
    assert!(pays(&b, people[1], org));
    // the same through the library: the handle's store does the copy
    let through_handle = fresh_temp_path("sharing-backup-handle.db");
    k.backup(&through_handle).unwrap();
    k.fold_log().unwrap();
    assert_eq!(
        Kabinet::open(&through_handle).unwrap().journal_head(),
        k.journal_head()
    );
    assert_eq!(
        Kabinet::in_memory()
            .backup(&through_handle)
            .unwrap_err()
            .code(),
        "store.unsupported"
    );
    // never over an existing file
    let again = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "backup"])
        .arg(&path)
        .arg(&dest)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}
