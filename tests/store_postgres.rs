//! The PostgreSQL store on a real server (`./scripts/test` starts one):
//! reopening, snapshots, tamper evidence, refusals that name no password,
//! change notifications, and the CLI's `db` commands by URL. What every
//! store must do with many handles and processes is in `store_sharing.rs`.
#![cfg(all(feature = "postgres", unix))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::time::{Duration, Instant};

use kabinet::journal::{Broken, Filter, VerifyError};
use kabinet::store::{open_store, Opening, PostgresStore};
use kabinet::*;
use support::*;

/// A database holding the staffed company, written by a handle that takes a
/// snapshot every `snapshot_every` entries.
fn staffed(name: &str, snapshot_every: u64) -> (PathBuf, AccountId, OrgId, Vec<AccountId>) {
    let url = fresh_postgres(name);
    let (_, head, org, people) = staffed_world();
    let k = Kabinet::open(&url).unwrap().snapshot_every(snapshot_every);
    for (command, ctx) in take_commands() {
        k.execute(command, &ctx).unwrap();
    }
    (url, head, org, people)
}

fn client(url: &Path) -> postgres::Client {
    postgres::Client::connect(url.to_str().unwrap(), postgres::NoTls).unwrap()
}

fn kabinet_cli(args: &[&str], target: &Path) -> std::process::Output {
    Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(args)
        .arg(target)
        .output()
        .unwrap()
}

#[test]
fn reopening_finds_the_state_the_snapshots_and_the_chain() {
    let (url, _, org, people) = staffed("reopen", 7);
    let first = Kabinet::open(&url).unwrap();
    let n = first.journal_head().seq;
    assert!(n > 14, "{n}");
    let state = first.read().clone();
    drop(first);
    let mut db = client(&url);
    let kept: i64 = db
        .query_one("SELECT count(*) FROM snapshots", &[])
        .unwrap()
        .get(0);
    assert_eq!(kept, 2, "older snapshots are pruned");
    let k = Kabinet::open(&url).unwrap();
    assert_eq!(*k.read(), state);
    assert_eq!(k.replay_journal().unwrap(), state);
    assert_eq!(k.verify_journal().unwrap().unwrap().seq, n);
    // refusals are journaled with their organization, and queries find them
    k.execute(
        Command::Employees(EmployeeCommand::DismissEmployee {
            org,
            account: people[3],
        }),
        &Context::account(people[2], t(T0)),
    )
    .unwrap_err();
    let by_actor = k
        .journal(&Filter {
            actor: Some(Actor::Account(people[2])),
            ..Filter::default()
        })
        .unwrap();
    let last = by_actor.last().unwrap();
    assert!(last.record.refused());
    assert_eq!(last.record.organization, Some(org));
    assert_eq!(k.journal(&Filter::all()).unwrap().len() as u64, n + 1);
    let store = PostgresStore::open_existing(url.to_str().unwrap()).unwrap();
    assert_eq!(store.schema_version().unwrap(), 2);
}

#[test]
fn a_changed_entry_is_named() {
    let (url, _, _, _) = staffed("tamper", 10_000);
    let mut db = client(&url);
    let body: Vec<u8> = db
        .query_one("SELECT body FROM journal WHERE seq = 5", &[])
        .unwrap()
        .get(0);
    let text = String::from_utf8(body).unwrap();
    let forged = text.replacen("\"at\":\"2026", "\"at\":\"2025", 1);
    assert_ne!(forged, text);
    db.execute(
        "UPDATE journal SET body = $1 WHERE seq = 5",
        &[&forged.into_bytes()],
    )
    .unwrap();
    let store = open_store(&url, Opening::Existing).unwrap();
    assert_eq!(
        store.verify(&mut |_| {}).unwrap(),
        Err(VerifyError {
            seq: 5,
            broken: Broken::Content
        })
    );
    let out = kabinet_cli(&["db", "verify"], &url);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains('5'),
        "{out:?}"
    );
}

#[test]
fn an_empty_database_is_not_a_journal_and_no_password_is_shown() {
    let url = fresh_postgres("empty");
    let with_password = url
        .to_str()
        .unwrap()
        .replacen("kabinet@", "kabinet:s3cret-word@", 1);
    let err = PostgresStore::open_existing(&with_password).unwrap_err();
    assert_eq!(err.code(), "store.not_a_journal");
    for message in [err.message_en(), err.message_ru(), format!("{err:?}")] {
        assert!(!message.contains("s3cret"), "{message}");
    }
    // a server that is not there: a typed refusal, no password either
    let nowhere = "postgresql://kabinet:s3cret-word@127.0.0.1:1/none?connect_timeout=2";
    let err = PostgresStore::open(nowhere).unwrap_err();
    assert_eq!(err.code(), "store.database");
    assert!(!format!("{} {err:?}", err.message_en()).contains("s3cret"));
    // the CLI refuses the same way, with exit status 2
    let out = kabinet_cli(&["db", "verify"], Path::new(&with_password));
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("store.not_a_journal"), "{said}");
    assert!(!said.contains("s3cret"), "{said}");
}

#[test]
fn a_notification_brings_a_lazy_handle_up_to_date() {
    let (url, head, org, people) = staffed("notify", 10_000);
    let writer = Kabinet::open(&url).unwrap();
    // the reader asks the database at most once an hour ...
    let reader = Kabinet::open(&url)
        .unwrap()
        .freshness(Freshness::AtMost(Duration::from_secs(3600)));
    let pays = |k: &Kabinet| {
        k.check(&AccessRequest::new(
            people[1],
            org,
            Right::PaymentsEdit,
            t(T0),
        ))
        .allowed
    };
    assert!(pays(&reader));
    writer
        .execute(
            Command::Employees(EmployeeCommand::DismissEmployee {
                org,
                account: people[1],
            }),
            &Context::account(head, t(T0)),
        )
        .unwrap();
    // ... but hears of the commit within milliseconds, and catches up
    let started = Instant::now();
    while pays(&reader) {
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "the notification never arrived"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    assert_eq!(reader.journal_head(), writer.journal_head());
}

#[test]
fn the_cli_creates_verifies_and_exports_by_url() {
    let url = fresh_postgres("cli");
    let out = kabinet_cli(&["db", "verify"], &url);
    assert_eq!(out.status.code(), Some(2), "nothing there yet: {out:?}");
    let out = kabinet_cli(&["db", "init"], &url);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("schema version 2"));
    let out = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args([
            "db",
            "write-loop",
            "--count",
            "30",
            "--snapshot-every",
            "10",
        ])
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let out = kabinet_cli(&["db", "verify"], &url);
    assert!(out.status.success(), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("ok: 30 entries"));
    let out = kabinet_cli(&["db", "export"], &url);
    assert!(out.status.success(), "{out:?}");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 30);
    // backups are the database's own
    let dest = fresh_temp_path("postgres-backup.db");
    let out = Process::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "backup"])
        .arg(&url)
        .arg(&dest)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("pg_dump"),
        "{out:?}"
    );
}

/// The journal as a transparency log on PostgreSQL: the stored tree agrees
/// with the entries, proofs lead to the signed root, an audited opening
/// refuses a journal cut below its latest checkpoint.
#[test]
fn checkpoints_and_proofs_on_postgresql() {
    let url = fresh_postgres("audit");
    let pkcs8 = kabinet::audit::new_checkpoint_key().unwrap();
    let key = || kabinet::journal::checkpoint::CheckpointKey::from_pkcs8(&pkcs8).unwrap();
    let k = Kabinet::open_audited(&url, Policy::default(), key()).unwrap();
    for i in 0..600u64 {
        k.execute(registration(i), &Context::system(t(T0))).unwrap();
    }
    k.checkpoint().unwrap();
    let signed = k.sign_checkpoint(&key(), t(T0)).unwrap().unwrap();
    assert_eq!(signed.checkpoint.size, 600);
    assert_eq!(k.journal_root(600).unwrap(), signed.checkpoint.root);
    for seq in [1, 256, 512, 513, 600] {
        let proof = k.prove_entry(seq, None).unwrap().unwrap();
        proof.verify().unwrap();
        assert_eq!(proof.root, signed.checkpoint.root);
    }
    let nodes: i64 = client(&url)
        .query_one("SELECT count(*) FROM merkle", &[])
        .unwrap()
        .get(0);
    assert_eq!(nodes as u64, journal::merkle::stored_node_count(600));
    drop(k);
    assert!(Kabinet::open_audited(&url, Policy::default(), key()).is_ok());
    let mut db = client(&url);
    db.batch_execute(
        "DELETE FROM journal WHERE seq > 590;
         UPDATE head SET seq = 590, hash = (SELECT hash FROM journal WHERE seq = 590);",
    )
    .unwrap();
    let refused = Kabinet::open_audited(&url, Policy::default(), key()).unwrap_err();
    assert_eq!(refused.code(), "journal.checkpoint_mismatch");
    let plain = Kabinet::open(&url).unwrap();
    assert_eq!(
        plain
            .verify_against_checkpoints(&[signed], None)
            .unwrap()
            .unwrap_err()
            .code(),
        "journal.checkpoint_mismatch"
    );
}
