//! The SQLite store: the state survives reopening, snapshot + tail equals
//! full replay, tampering is found and named, readers never see half a
//! command.
#![cfg(feature = "sqlite")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::journal::{Broken, Digest, Filter, VerifyError};
use kabinet::store::{SqliteStore, Store};
use kabinet::*;
use rusqlite::{params, Connection};
use std::path::{Path, PathBuf};
use support::*;

/// A fresh database path under the target directory.
fn temp_db(name: &str) -> PathBuf {
    fresh_temp_path(&format!("store-{name}.db"))
}

struct Story {
    dir: Directory,
    head: AccountId,
    org: OrgId,
    people: Vec<AccountId>,
    commands: Vec<(Command, Context)>,
}

/// A company with a head and five people, three of them hired.
fn story() -> Story {
    let (dir, head, org, people) = staffed_world();
    Story {
        dir,
        head,
        org,
        people,
        commands: take_commands(),
    }
}

/// Runs the story through a handle, plus one refused command at the end.
fn run_story(k: &Kabinet, s: &Story) {
    for (command, ctx) in &s.commands {
        k.execute(command.clone(), ctx).unwrap();
    }
    let refused = k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org: s.org,
            account: s.head,
        }),
        &Context::account(s.people[2], t(T0)),
    );
    assert!(refused.is_err());
}

fn populated(name: &str) -> (PathBuf, Story, u64) {
    let path = temp_db(name);
    let s = story();
    let k = Kabinet::open(&path).unwrap();
    run_story(&k, &s);
    let n = k.journal_head().seq;
    assert_eq!(n, s.commands.len() as u64 + 1);
    (path, s, n)
}

fn verify_file(path: &Path) -> Result<u64, VerifyError> {
    SqliteStore::open(path)
        .unwrap()
        .verify(&mut |_| {})
        .unwrap()
        .map(|h| h.seq)
}

#[test]
fn reopening_finds_the_state_and_the_journal() {
    let (path, s, n) = populated("reopen");
    let k = Kabinet::open(&path).unwrap();
    assert_eq!(*k.read(), s.dir);
    assert_eq!(k.journal_head().seq, n);
    assert_eq!(k.verify_journal().unwrap().unwrap().seq, n);
    let refused = k
        .journal(&Filter {
            actor: Some(Actor::Account(s.people[2])),
            ..Filter::default()
        })
        .unwrap();
    let last = refused.last().unwrap();
    assert!(last.record.refused());
    assert_eq!(last.record.organization, Some(s.org));
    assert_eq!(last.record.kind, "dismiss_employee");
    assert!(
        last.record.basis.is_some(),
        "the employee's standing is recorded"
    );
    // the refusal changed nothing, and the state is the replay of the journal
    assert_eq!(k.replay_journal().unwrap(), s.dir);
    // a command on the reopened database continues the chain
    k.execute(
        Command::Employees(EmployeeCommand::DisableEmployee {
            org: s.org,
            account: s.people[2],
        }),
        &Context::account(s.head, t(T0)),
    )
    .unwrap();
    drop(k);
    assert_eq!(verify_file(&path), Ok(n + 1));
}

#[test]
fn snapshot_and_tail_equal_full_replay() {
    let path = temp_db("snapshots");
    let s = story();
    {
        let k = Kabinet::open(&path).unwrap().snapshot_every(7);
        run_story(&k, &s);
    }
    let conn = Connection::open(&path).unwrap();
    let snapshots: i64 = conn
        .query_row("SELECT count(*) FROM snapshots", [], |r| r.get(0))
        .unwrap();
    let latest: i64 = conn
        .query_row("SELECT max(seq) FROM snapshots", [], |r| r.get(0))
        .unwrap();
    assert_eq!(snapshots, 2, "older snapshots are pruned");
    assert_eq!(latest, 28, "the last multiple of 7 before entry 33");
    let k = Kabinet::open(&path).unwrap();
    assert_eq!(*k.read(), s.dir);
    assert_eq!(k.replay_journal().unwrap(), *k.read());
}

/// A large directory is not rewritten every `snapshot_every` entries: the
/// entries between two snapshots, at `SNAPSHOT_BYTES_PER_ENTRY` bytes each,
/// outweigh the earlier snapshot, and opening replays no longer a tail.
#[test]
fn snapshots_grow_apart_as_the_directory_grows() {
    let path = temp_db("snapshot-spacing");
    let ctx = Context::system(t(T0));
    let every = 10u64;
    let k = Kabinet::open(&path).unwrap().snapshot_every(every);
    for i in 0..1_500u64 {
        k.execute(registration(i), &ctx).unwrap();
    }
    let head = k.journal_head().seq;
    drop(k);
    let conn = Connection::open(&path).unwrap();
    let kept: Vec<(u64, u64)> = conn
        .prepare("SELECT seq, length(body) FROM snapshots ORDER BY seq")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let [(earlier, earlier_bytes), (latest, latest_bytes)] = kept[..] else {
        panic!("two snapshots are kept: {kept:?}");
    };
    let gap = latest - earlier;
    assert!(gap >= every);
    assert!(
        gap * SNAPSHOT_BYTES_PER_ENTRY >= earlier_bytes,
        "{gap} entries after a snapshot of {earlier_bytes} bytes"
    );
    assert!(
        gap > 2 * every,
        "a 1,500-account directory is snapshotted less often than every {every} entries"
    );
    let tail = head - latest;
    assert!(
        tail < every.max(latest_bytes / SNAPSHOT_BYTES_PER_ENTRY) + 1,
        "opening replays {tail} entries after a snapshot of {latest_bytes} bytes"
    );
    let reopened = Kabinet::open(&path).unwrap();
    assert_eq!(reopened.replay_journal().unwrap(), *reopened.read());
}

#[test]
fn an_unreadable_snapshot_falls_back_to_replay() {
    let path = temp_db("bad-snapshot");
    let s = story();
    {
        let k = Kabinet::open(&path).unwrap().snapshot_every(5);
        run_story(&k, &s);
    }
    Connection::open(&path)
        .unwrap()
        .execute("UPDATE snapshots SET body = x'00'", [])
        .unwrap();
    assert_eq!(*Kabinet::open(&path).unwrap().read(), s.dir);
}

fn tampered(name: &str, sql: impl FnOnce(&Connection)) -> (Result<u64, VerifyError>, PathBuf) {
    let (path, _, _) = populated(name);
    let conn = Connection::open(&path).unwrap();
    sql(&conn);
    drop(conn);
    (verify_file(&path), path)
}

#[test]
fn an_untouched_journal_verifies() {
    let (path, _, n) = populated("untouched");
    assert_eq!(verify_file(&path), Ok(n));
}

#[test]
fn a_changed_entry_is_named() {
    let (result, _) = tampered("changed", |c| {
        let body: Vec<u8> = c
            .query_row("SELECT body FROM journal WHERE seq = 12", [], |r| r.get(0))
            .unwrap();
        let text = String::from_utf8(body).unwrap();
        let forged = text.replacen("\"at\":\"2026", "\"at\":\"2025", 1);
        assert_ne!(forged, text);
        c.execute(
            "UPDATE journal SET body = ?1 WHERE seq = 12",
            [forged.into_bytes()],
        )
        .unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 12,
            broken: Broken::Content
        })
    );
}

#[test]
fn a_removed_entry_is_named() {
    let (result, _) = tampered("removed", |c| {
        c.execute("DELETE FROM journal WHERE seq = 9", []).unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 9,
            broken: Broken::Sequence { found: 10 }
        })
    );
}

#[test]
fn swapped_entries_are_named() {
    let (result, _) = tampered("swapped", |c| {
        // exchange the contents (and digests) of entries 15 and 16, keeping their numbers
        c.execute_batch(
            "UPDATE journal SET seq = -1 WHERE seq = 15;
             UPDATE journal SET seq = 15 WHERE seq = 16;
             UPDATE journal SET seq = 16 WHERE seq = -1;",
        )
        .unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 15,
            broken: Broken::Link
        })
    );
}

#[test]
fn an_inserted_entry_is_named() {
    let (result, _) = tampered("inserted", |c| {
        // make room at 20 and insert a well-formed entry chained after 19:
        // the entry after it no longer links
        let n: i64 = c
            .query_row("SELECT max(seq) FROM journal", [], |r| r.get(0))
            .unwrap();
        for seq in (20..=n).rev() {
            c.execute("UPDATE journal SET seq = seq + 1 WHERE seq = ?1", [seq])
                .unwrap();
        }
        let (body, prev): (Vec<u8>, Vec<u8>) = c
            .query_row("SELECT body, hash FROM journal WHERE seq = 19", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        let prev = Digest::from_slice(&prev).unwrap();
        let hash = Digest::of_entry(20, &prev, &body);
        c.execute(
            "INSERT INTO journal (seq, at, at_ns, actor, org, kind, result, body, prev, hash)
             SELECT 20, at, at_ns, actor, org, kind, result, ?1, ?2, ?3 FROM journal WHERE seq = 19",
            params![body, prev.0.as_slice(), hash.0.as_slice()],
        )
        .unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 21,
            broken: Broken::Link
        })
    );
}

#[test]
fn entries_cut_off_the_end_are_noticed() {
    let (result, _) = tampered("truncated", |c| {
        c.execute("DELETE FROM journal WHERE seq > 30", []).unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 31,
            broken: Broken::Truncated { recorded: 33 }
        })
    );
}

#[test]
fn the_cli_names_the_first_bad_entry_and_exits_1() {
    let (_, path) = tampered("cli", |c| {
        c.execute("UPDATE journal SET body = x'7b7d' WHERE seq = 5", [])
            .unwrap();
    });
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "verify"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("broken at entry 5 [journal.content]"),
        "{text}"
    );
    // opening for work refuses a broken tail instead of building a wrong state
    assert!(matches!(
        Kabinet::open(&path),
        Err(kabinet::store::StoreError::Broken(VerifyError {
            seq: 5,
            ..
        }))
    ));
}

#[test]
fn readers_never_see_half_a_command() {
    let path = temp_db("concurrent");
    let s = story();
    let k = Kabinet::open(&path).unwrap();
    run_story(&k, &s);
    let (org, head, clerk) = (s.org, s.head, s.people[2]);
    let observer = RoleRef::BuiltIn(BuiltInRole::Observer);
    let accountant = RoleRef::BuiltIn(BuiltInRole::Accountant);
    k.execute(
        Command::Roles(RoleCommand::AssignRole {
            org,
            account: clerk,
            role: observer,
        }),
        &Context::account(s.head, t(T0)),
    )
    .unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let readers: Vec<_> = (0..2)
            .map(|_| {
                scope.spawn(|| {
                    let mut seen = [0u32; 2];
                    while !done.load(std::sync::atomic::Ordering::Relaxed) {
                        let dir = k.read();
                        let m = dir.membership(org, clerk).unwrap();
                        // the writer swaps one role for the other in one batch:
                        // exactly one of them is ever held
                        let holds = (m.roles.contains(observer), m.roles.contains(accountant));
                        assert!(holds.0 != holds.1, "torn read: {holds:?}");
                        let pays = dir
                            .check(&AccessRequest::new(
                                clerk,
                                org,
                                Right::AccountingEdit,
                                t(T0),
                            ))
                            .allowed;
                        assert_eq!(pays, holds.1);
                        seen[usize::from(holds.1)] += 1;
                    }
                    seen
                })
            })
            .collect();
        let ctx = Context::account(head, t(T0));
        for i in 0..40 {
            let (from, to) = if i % 2 == 0 {
                (observer, accountant)
            } else {
                (accountant, observer)
            };
            let results = k
                .execute_batch(vec![
                    (
                        Command::Roles(RoleCommand::AssignRole {
                            org,
                            account: clerk,
                            role: to,
                        }),
                        ctx.clone(),
                    ),
                    (
                        Command::Roles(RoleCommand::RevokeRole {
                            org,
                            account: clerk,
                            role: from,
                        }),
                        ctx.clone(),
                    ),
                ])
                .unwrap();
            assert!(results.iter().all(Result::is_ok), "{results:?}");
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        for r in readers {
            let seen = r.join().unwrap();
            assert!(seen[0] + seen[1] > 0);
        }
    });
    assert_eq!(k.replay_journal().unwrap(), *k.read());
}

#[test]
fn a_changed_query_column_is_named() {
    // the body is intact, but a query by actor would no longer find entry 10
    let (result, _) = tampered("columns", |c| {
        c.execute("UPDATE journal SET actor = 999 WHERE seq = 10", [])
            .unwrap();
    });
    assert_eq!(
        result,
        Err(VerifyError {
            seq: 10,
            broken: Broken::Columns
        })
    );
}

/// The last entry of the story is a refusal; rewriting its `result` column
/// to `applied` (or its time's text) would make a query report it falsely.
#[test]
fn every_query_column_is_verified() {
    for (name, sql) in [
        ("result", "UPDATE journal SET result = 'applied' WHERE seq = (SELECT max(seq) FROM journal)"),
        ("at", "UPDATE journal SET at = '2001-01-01T00:00:00Z' WHERE seq = (SELECT max(seq) FROM journal)"),
        ("kind", "UPDATE journal SET kind = 'hire_employee' WHERE seq = (SELECT max(seq) FROM journal)"),
    ] {
        let (result, path) = tampered(&format!("column-{name}"), |c| {
            c.execute(sql, []).unwrap();
        });
        let last: i64 = Connection::open(&path)
            .unwrap()
            .query_row("SELECT max(seq) FROM journal", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            result,
            Err(VerifyError {
                seq: last as u64,
                broken: Broken::Columns
            }),
            "column {name}"
        );
    }
}

#[test]
fn reading_the_journal_is_a_right() {
    let (path, s, _) = populated("journal-right");
    let k = Kabinet::open(&path).unwrap();
    let sig = SignatureEvidence::simple();
    // the head holds every right; only the company's entries come back
    let seen = k
        .journal_as(s.head, s.org, t(T0), sig.clone(), &Filter::all())
        .unwrap();
    assert!(!seen.is_empty());
    assert!(seen.iter().all(|e| e.record.organization == Some(s.org)));
    assert!(seen.len() < k.journal(&Filter::all()).unwrap().len());
    // the clerk holds no role: refused, with the reason
    let refused = k
        .journal_as(s.people[2], s.org, t(T0), sig, &Filter::all())
        .unwrap_err();
    assert_eq!(Coded::code(&refused), "journal.refused");
    let kabinet::store::JournalError::Refused { refusals } = refused else {
        panic!()
    };
    assert!(refusals.iter().any(|r| r.code() == "access.right_not_held"));
}

#[test]
fn powers_of_attorney_survive_snapshots_and_reach_the_access_review() {
    use kabinet::delegation::PowerLevel;
    let path = temp_db("powers");
    take_commands();
    let (mut dir, head, org) = world();
    let clerk = employee(&mut dir, org, head, 1, vec![]);
    let other = employee(&mut dir, org, head, 2, vec![]);
    issue(
        &mut dir,
        head,
        org,
        terms(1, to(clerk), PowerLevel::Operational.rights()),
    );
    // a second power ending in ten days: the review lists it
    issue(
        &mut dir,
        head,
        org,
        kabinet::delegation::PowerTerms {
            valid_until: Some(t("2026-03-12T09:00:00Z")),
            ..terms(2, to(other), PowerLevel::Basic.rights())
        },
    );
    let commands = take_commands();
    {
        let k = Kabinet::open(&path).unwrap().snapshot_every(3);
        for (c, ctx) in commands {
            k.execute(c, &ctx).unwrap();
        }
    }
    let k = Kabinet::open(&path).unwrap();
    assert_eq!(*k.read(), dir);
    assert_eq!(k.read().power_count(), 2);
    assert_eq!(k.replay_journal().unwrap(), dir);
    // what the clerk acts under is journaled: membership and the power in force
    let _ = k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: other,
        }),
        &Context::account(clerk, t(T0)),
    );
    let last = k.journal(&Filter::all()).unwrap().pop().unwrap();
    let basis = last.record.basis.unwrap();
    assert_eq!(basis.standing, Some(kabinet::employees::Standing::Employee));
    assert_eq!(basis.powers, vec![num(1)]);
    drop(k);

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["report", "access", "--db"])
        .arg(&path)
        .args(["--org", &org.0.to_string(), "--at", T0])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expiring = v["expiring_powers"].as_array().unwrap();
    assert_eq!(expiring.len(), 1, "{expiring:?}");
    assert_eq!(expiring[0]["account"], other.0);
    let name = Kabinet::open(&path)
        .unwrap()
        .read()
        .account(other)
        .unwrap()
        .name
        .to_string();
    assert_eq!(expiring[0]["representative"], name);
    assert_eq!(expiring[0]["valid_until"], "2026-03-12T09:00:00Z");
}
