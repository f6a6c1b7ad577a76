//! The journal as a transparency log, attacked by someone who can write the
//! SQLite file: against a checkpoint signed before, a cut tail, a rewritten
//! entry with the whole chain and tree recomputed, and any single-row edit
//! are found; checkpoints and proofs cannot be forged.
#![cfg(feature = "sqlite")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::journal::checkpoint::{AuditError, CheckpointError, CheckpointKey, SignedCheckpoint};
use kabinet::journal::merkle::{leaf_hash, Frontier, STORED_LEVEL};
use kabinet::journal::{Broken, Digest};
use kabinet::*;
use proptest::prelude::*;
use rusqlite::{params, Connection};
use std::path::PathBuf;
use support::*;

fn new_key() -> CheckpointKey {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
    CheckpointKey::from_pkcs8(pkcs8.as_ref()).unwrap()
}

fn register(k: &Kabinet, i: u64) {
    k.execute(registration(i), &Context::system(t(T0))).unwrap();
}

/// A journal of `n` entries, and a checkpoint of it signed with `key`.
fn journal(name: &str, n: u64, key: &CheckpointKey) -> (PathBuf, SignedCheckpoint) {
    let path = fresh_temp_path(&format!("audit-{name}.db"));
    let k = Kabinet::open(&path).unwrap();
    for i in 0..n {
        register(&k, i);
    }
    let cp = k.sign_checkpoint(key, t(T0)).unwrap().unwrap();
    assert_eq!(cp.checkpoint.size, n);
    (path, cp)
}

fn audit(path: &PathBuf, cps: &[SignedCheckpoint]) -> Result<u64, AuditError> {
    let k = Kabinet::open(path).unwrap();
    k.verify_against_checkpoints(cps, None)
        .unwrap()
        .map(|(head, _)| head.seq)
}

/// Rewrites entries from `from` on with the chain and the stored tree
/// recomputed, as an attacker who knows the formats would.
fn rechain(c: &Connection, from: u64) {
    let rows: Vec<(u64, Vec<u8>, Vec<u8>)> = c
        .prepare("SELECT seq, prev, body FROM journal ORDER BY seq")
        .unwrap()
        .query_map([], |r| {
            Ok((r.get::<_, i64>(0)? as u64, r.get(1)?, r.get(2)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut prev = Digest::ZERO;
    let mut frontier = Frontier::new();
    c.execute("DELETE FROM merkle", []).unwrap();
    for (seq, stored_prev, body) in rows {
        let prev_now = if seq >= from {
            prev
        } else {
            Digest::from_slice(&stored_prev).unwrap()
        };
        let hash = Digest::of_entry(seq, &prev_now, &body);
        c.execute(
            "UPDATE journal SET prev = ?1, hash = ?2 WHERE seq = ?3",
            params![prev_now.0.as_slice(), hash.0.as_slice(), seq as i64],
        )
        .unwrap();
        frontier.push(leaf_hash(&hash.0), STORED_LEVEL, &mut |n| {
            c.execute(
                "INSERT INTO merkle (level, idx, hash) VALUES (?1, ?2, ?3)",
                params![n.level, n.index as i64, n.hash.0.as_slice()],
            )
            .unwrap();
        });
        c.execute(
            "UPDATE head SET seq = ?1, hash = ?2",
            params![seq as i64, hash.0.as_slice()],
        )
        .unwrap();
        prev = hash;
    }
}

#[test]
fn a_cut_tail_passes_alone_and_fails_against_a_checkpoint() {
    let key = new_key();
    let (path, cp) = journal("cut", 600, &key);
    {
        let c = Connection::open(&path).unwrap();
        c.execute("DELETE FROM journal WHERE seq > 590", [])
            .unwrap();
        c.execute("DELETE FROM snapshots", []).unwrap();
        rechain(&c, u64::MAX);
    }
    // Without anything kept elsewhere, a consistent cut cannot be seen.
    assert_eq!(audit(&path, &[]), Ok(590));
    let found = audit(&path, &[cp]).unwrap_err();
    assert_eq!(
        found,
        AuditError::Journal(kabinet::journal::VerifyError {
            seq: 591,
            broken: Broken::Checkpoint { size: 600 }
        })
    );
    assert_eq!(found.code(), "journal.checkpoint_mismatch");
}

#[test]
fn a_forged_entry_with_the_chain_recomputed_fails_against_a_checkpoint() {
    let key = new_key();
    let (path, cp) = journal("forged", 300, &key);
    {
        let c = Connection::open(&path).unwrap();
        // entry 100 now registers someone else; everything after is rechained
        let body: Vec<u8> = c
            .query_row("SELECT body FROM journal WHERE seq = 100", [], |r| r.get(0))
            .unwrap();
        let forged = String::from_utf8(body)
            .unwrap()
            .replace("p99@example.ru", "intruder@example.ru");
        c.execute(
            "UPDATE journal SET body = ?1 WHERE seq = 100",
            params![forged.as_bytes()],
        )
        .unwrap();
        c.execute("DELETE FROM snapshots", []).unwrap();
        rechain(&c, 100);
    }
    assert_eq!(audit(&path, &[]), Ok(300), "the chain alone is consistent");
    assert_eq!(
        audit(&path, std::slice::from_ref(&cp)).unwrap_err().code(),
        "journal.checkpoint_mismatch"
    );
    // The proof of the forged entry does not lead to the checkpoint's root.
    let k = Kabinet::open(&path).unwrap();
    let proof = k.prove_entry(100, Some(300)).unwrap().unwrap();
    proof.verify().unwrap();
    assert_ne!(proof.root, cp.checkpoint.root);
}

#[test]
fn checkpoints_cannot_be_forged() {
    let key = new_key();
    let (path, cp) = journal("signature", 40, &key);
    let mut forged = cp.clone();
    forged.checkpoint.size = 39;
    assert_eq!(
        audit(&path, &[forged]),
        Err(AuditError::Checkpoint(CheckpointError::BadSignature))
    );
    // Signed, but by a key the auditor does not trust.
    let other = new_key();
    let k = Kabinet::open(&path).unwrap();
    let theirs = k.sign_checkpoint(&other, t(T0)).unwrap().unwrap();
    assert_eq!(
        k.verify_against_checkpoints(&[theirs], Some(&key.public_key()))
            .unwrap(),
        Err(AuditError::Checkpoint(CheckpointError::UntrustedKey))
    );
    assert_eq!(
        k.verify_against_checkpoints(&[cp], Some(&key.public_key()))
            .unwrap()
            .unwrap()
            .0
            .seq,
        40
    );
}

#[test]
fn every_entry_has_a_proof_that_any_change_breaks() {
    let key = new_key();
    let (path, cp) = journal("proofs", 270, &key);
    let k = Kabinet::open(&path).unwrap();
    assert_eq!(k.journal_root(270).unwrap(), cp.checkpoint.root);
    for seq in [1, 2, 128, 255, 256, 257, 269, 270] {
        let proof = k.prove_entry(seq, Some(270)).unwrap().unwrap();
        proof.verify().unwrap();
        assert_eq!(proof.root, cp.checkpoint.root);
        let mut changed = proof.clone();
        changed.body = changed.body.replacen("Иван", "Пётр", 1);
        assert!(changed.verify().is_err());
        let mut moved = proof.clone();
        moved.seq = if seq == 1 { 2 } else { seq - 1 };
        assert!(moved.verify().is_err());
    }
    assert!(k.prove_entry(271, Some(270)).unwrap().is_err());
    assert_eq!(
        k.prove_entry(10, Some(5_000)).unwrap(),
        Err(kabinet::journal::merkle::ProofError::OutOfRange),
        "no proof in a journal larger than the one stored"
    );
    // Consistency between two sizes, checked as an auditor would.
    let old = k.journal_root(100).unwrap();
    let proof = k.prove_extension(100, 270).unwrap().unwrap();
    kabinet::journal::merkle::verify_consistency(100, 270, &old, &cp.checkpoint.root, &proof)
        .unwrap();
}

/// One naive change of one row of the journal's tables.
#[derive(Debug, Clone)]
enum Tamper {
    Body(u64),
    Delete(u64),
    Swap(u64),
    Insert(u64),
    Truncate(u64),
    Node(u64),
    Head,
}

fn tamper(c: &Connection, t: &Tamper) {
    let run = |sql: &str, seq: u64| {
        c.execute(sql, [seq as i64]).unwrap();
    };
    match *t {
        Tamper::Body(s) => run(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), 'example.ru', 'example.ry') AS BLOB) WHERE seq = ?1",
            s,
        ),
        Tamper::Delete(s) => run("DELETE FROM journal WHERE seq = ?1", s),
        Tamper::Swap(s) => {
            run("UPDATE journal SET seq = -1 WHERE seq = ?1", s);
            run("UPDATE journal SET seq = ?1 WHERE seq = ?1 + 1", s);
            run("UPDATE journal SET seq = ?1 + 1 WHERE seq = -1", s);
        }
        Tamper::Insert(s) => run(
            "INSERT INTO journal SELECT ?1 + 1000, at, at_ns, actor, org, kind, result, body, prev, hash FROM journal WHERE seq = ?1",
            s,
        ),
        Tamper::Truncate(s) => {
            run("DELETE FROM journal WHERE seq > ?1", s);
            c.execute("DELETE FROM head", []).unwrap();
        }
        Tamper::Node(i) => run(
            "UPDATE merkle SET hash = zeroblob(32) WHERE level = 8 AND idx = ?1",
            i,
        ),
        Tamper::Head => {
            c.execute("UPDATE head SET seq = seq - 1", []).unwrap();
        }
    }
}

fn tampering() -> impl Strategy<Value = Tamper> {
    let seq = 1u64..520;
    prop_oneof![
        seq.clone().prop_map(Tamper::Body),
        seq.clone().prop_map(Tamper::Delete),
        (1u64..519).prop_map(Tamper::Swap),
        seq.clone().prop_map(Tamper::Insert),
        (0u64..519).prop_map(Tamper::Truncate),
        (0u64..2).prop_map(Tamper::Node),
        Just(Tamper::Head),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any single-row edit, deletion, insertion, reordering or truncation
    /// of the journal, its tree or its head is found against a checkpoint
    /// taken before it.
    #[test]
    fn any_single_change_is_found(change in tampering()) {
        let key = new_key();
        let path = fresh_temp_path("audit-prop.db");
        let cp = {
            let k = Kabinet::open(&path).unwrap();
            for i in 0..520 {
                register(&k, i);
            }
            k.sign_checkpoint(&key, t(T0)).unwrap().unwrap()
        };
        tamper(&Connection::open(&path).unwrap(), &change);
        let store = kabinet::store::SqliteStore::open(&path).unwrap();
        let result = kabinet::audit::verify_against_checkpoints(
            &store,
            &[cp],
            Some(&key.public_key()),
            &mut |_| {},
        )
        .unwrap();
        prop_assert!(result.is_err(), "{change:?} went unseen");
    }
}

/// A database written before the tree (schema 1) gets its tree on opening,
/// built from its entries: the root is the one a checkpoint signed.
#[test]
fn a_journal_from_before_the_tree_gets_it_on_opening() {
    let key = new_key();
    let (path, cp) = journal("migrated", 700, &key);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("DROP TABLE merkle; DROP TABLE checkpoints; PRAGMA user_version = 1;")
            .unwrap();
    }
    assert_eq!(audit(&path, &[cp]), Ok(700));
    let nodes: i64 = Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM merkle", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        nodes as u64,
        kabinet::journal::merkle::stored_node_count(700)
    );
}

/// The company of the support story, run through a handle (audited when a
/// key is given) with a snapshot at its end; returns the clerk.
fn company(path: &PathBuf, key: Option<&CheckpointKey>) -> (AccountId, OrgId) {
    let (_, _, org, people) = staffed_world();
    let k = match key {
        Some(key) => Kabinet::open_audited(
            path,
            Policy::default(),
            CheckpointKey::from_pkcs8(&key_pkcs8(key)).unwrap(),
        )
        .unwrap(),
        None => Kabinet::open(path).unwrap(),
    };
    for (command, ctx) in take_commands() {
        k.execute(command, &ctx).unwrap();
    }
    k.checkpoint().unwrap();
    (people[2], org)
}

/// Keys are not cloneable: the tests keep the PKCS#8 beside each.
fn key_pkcs8(key: &CheckpointKey) -> Vec<u8> {
    KEYS.with(|k| k.borrow().get(&key.public_key()).cloned().unwrap())
}

thread_local! {
    static KEYS: std::cell::RefCell<std::collections::HashMap<String, Vec<u8>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// A key whose PKCS#8 the test keeps.
fn kept_key() -> CheckpointKey {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng)
        .unwrap()
        .as_ref()
        .to_vec();
    let key = CheckpointKey::from_pkcs8(&pkcs8).unwrap();
    KEYS.with(|k| k.borrow_mut().insert(key.public_key(), pkcs8));
    key
}

/// Makes the clerk the head inside the latest stored snapshot.
fn promote_in_snapshot(path: &PathBuf, clerk: AccountId) {
    let c = Connection::open(path).unwrap();
    let (seq, body): (i64, Vec<u8>) = c
        .query_row(
            "SELECT seq, body FROM snapshots ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let mut snapshot: serde_json::Value = serde_json::from_slice(&body).unwrap();
    // An account lists its memberships as (organization, membership).
    let mut promoted = 0;
    for account in snapshot["accounts"].as_array_mut().unwrap() {
        if account["account"]["id"] != clerk.0 {
            continue;
        }
        for m in account["memberships"].as_array_mut().unwrap() {
            m[1]["standing"] = "head".into();
            promoted += 1;
        }
    }
    assert!(promoted > 0, "the clerk has a membership in the snapshot");
    c.execute(
        "UPDATE snapshots SET body = ?1 WHERE seq = ?2",
        params![serde_json::to_vec(&snapshot).unwrap(), seq],
    )
    .unwrap();
}

#[test]
fn an_edited_snapshot_is_found_by_verify_and_refused_by_an_audited_opening() {
    // Without a key: opening cannot tell, `db verify` re-derives and can.
    let plain = fresh_temp_path("audit-snapshot-plain.db");
    let (clerk, org) = company(&plain, None);
    promote_in_snapshot(&plain, clerk);
    let k = Kabinet::open(&plain).unwrap();
    let promoted = k.read().membership(org, clerk).map(|m| m.standing);
    assert_eq!(promoted, Some(kabinet::employees::Standing::Head));
    let store = kabinet::store::SqliteStore::open(&plain).unwrap();
    let found = kabinet::audit::verify_snapshots(&store, &Policy::default(), &mut |_| {})
        .unwrap()
        .unwrap_err();
    assert_eq!(found.code(), "journal.snapshot");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "verify"])
        .arg(&plain)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("[journal.snapshot]"));
    // The documented recovery: drop the snapshots, replay the journal.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "drop-snapshots"])
        .arg(&plain)
        .output()
        .unwrap();
    assert!(out.status.success());
    let k = Kabinet::open(&plain).unwrap();
    assert_eq!(
        k.read().membership(org, clerk).map(|m| m.standing),
        Some(kabinet::employees::Standing::Employee)
    );

    // With the host's key: the opening itself refuses, naming the entry.
    let key = kept_key();
    let audited = fresh_temp_path("audit-snapshot-audited.db");
    let (clerk, _) = company(&audited, Some(&key));
    let good = CheckpointKey::from_pkcs8(&key_pkcs8(&key)).unwrap();
    assert!(Kabinet::open_audited(&audited, Policy::default(), good).is_ok());
    promote_in_snapshot(&audited, clerk);
    let again = CheckpointKey::from_pkcs8(&key_pkcs8(&key)).unwrap();
    let refused = Kabinet::open_audited(&audited, Policy::default(), again).unwrap_err();
    assert_eq!(refused.code(), "journal.snapshot");
}

#[test]
fn an_audited_opening_refuses_a_rewritten_or_cut_journal_and_foreign_checkpoints() {
    let key = kept_key();
    let reopen = |path: &PathBuf| {
        Kabinet::open_audited(
            path,
            Policy::default(),
            CheckpointKey::from_pkcs8(&key_pkcs8(&key)).unwrap(),
        )
    };
    // An entry before the snapshot rewritten, chain and tree recomputed.
    let path = fresh_temp_path("audit-open-rewritten.db");
    company(&path, Some(&key));
    {
        let c = Connection::open(&path).unwrap();
        c.execute(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), '\"at\":\"2026', '\"at\":\"2025') AS BLOB) WHERE seq = 2",
            [],
        )
        .unwrap();
        rechain(&c, 2);
    }
    let refused = reopen(&path).unwrap_err();
    assert_eq!(refused.code(), "journal.checkpoint_mismatch");

    // The tail cut below the checkpoint.
    let path = fresh_temp_path("audit-open-cut.db");
    company(&path, Some(&key));
    {
        let c = Connection::open(&path).unwrap();
        c.execute("DELETE FROM journal WHERE seq > 3", []).unwrap();
        rechain(&c, u64::MAX);
    }
    assert_eq!(
        reopen(&path).unwrap_err().code(),
        "journal.checkpoint_mismatch"
    );

    // The stored checkpoint replaced by one an intruder signed.
    let path = fresh_temp_path("audit-open-foreign.db");
    company(&path, Some(&key));
    {
        let intruder = new_key();
        let k = Kabinet::open(&path).unwrap();
        let forged = k.sign_checkpoint(&intruder, t(T0)).unwrap().unwrap();
        Connection::open(&path)
            .unwrap()
            .execute(
                "UPDATE checkpoints SET body = ?1",
                params![serde_json::to_vec(&forged).unwrap()],
            )
            .unwrap();
    }
    assert_eq!(
        reopen(&path).unwrap_err().code(),
        "checkpoint.untrusted_key"
    );

    // Untouched, it opens and agrees with a full replay.
    let path = fresh_temp_path("audit-open-clean.db");
    company(&path, Some(&key));
    let k = reopen(&path).unwrap();
    assert_eq!(k.replay_journal().unwrap(), *k.read());
}

/// Proofs come from outside: a path of 100,000 hashes or a tree of 2^64
/// entries is refused at once, never walked.
#[test]
fn hostile_proofs_are_refused_in_bounded_work() {
    let key = new_key();
    let (path, _) = journal("hostile-proof", 40, &key);
    let k = Kabinet::open(&path).unwrap();
    let proof = k.prove_entry(7, None).unwrap().unwrap();
    let mut long = proof.clone();
    long.path = vec![Digest([7; 32]); 100_000];
    let started = std::time::Instant::now();
    assert_eq!(
        long.verify(),
        Err(kabinet::journal::merkle::ProofError::WrongLength)
    );
    let mut huge = proof.clone();
    huge.size = u64::MAX;
    assert!(huge.verify().is_err());
    // Refused after at most one step per level of the claimed tree.
    assert!(
        started.elapsed() < std::time::Duration::from_millis(50),
        "took {:?}",
        started.elapsed()
    );
    let mut zero = proof;
    zero.seq = 0;
    assert!(zero.verify().is_err());
}

/// A snapshot nobody vouches for (written by a handle without the key) is
/// not restored: the audited opening replays the journal, entry by entry,
/// each checked against the chain — a changed entry is refused, not replayed.
#[test]
fn an_unvouched_snapshot_is_replayed_and_the_replay_checks_the_chain() {
    let key = kept_key();
    let path = fresh_temp_path("audit-unvouched.db");
    company(&path, None);
    let audited = || {
        Kabinet::open_audited(
            &path,
            Policy::default(),
            CheckpointKey::from_pkcs8(&key_pkcs8(&key)).unwrap(),
        )
    };
    let k = audited().unwrap();
    assert_eq!(k.replay_journal().unwrap(), *k.read());
    drop(k);
    Connection::open(&path)
        .unwrap()
        .execute(
            "UPDATE journal SET body = CAST(replace(CAST(body AS TEXT), '\"at\":\"2026', '\"at\":\"2025') AS BLOB) WHERE seq = 2",
            [],
        )
        .unwrap();
    assert_eq!(audited().unwrap_err().code(), "journal.content");
}
