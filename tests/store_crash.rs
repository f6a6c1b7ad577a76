//! Crash safety: a writer process killed with SIGKILL at random moments
//! never loses a command it reported as committed, never leaves half a
//! command, and its database always verifies and replays to its state.
#![cfg(all(feature = "sqlite", unix))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::Kabinet;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How many times the writer is killed.
const KILLS: u32 = 60;

/// A small deterministic generator (xorshift64*), seeded by the clock and
/// printed so a failing run can be repeated with `KABINET_CRASH_SEED`.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
}

#[test]
fn a_killed_writer_loses_nothing_it_acknowledged() {
    let seed = std::env::var("KABINET_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("KABINET_CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("store-crash.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let started = Instant::now();
    let mut acknowledged = 0u64;
    let mut killed_mid_run = 0;
    for round in 0..KILLS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .args(["db", "write-loop", "--snapshot-every", "25"])
            .arg(&path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line.trim().parse::<u64>().unwrap()).is_err() {
                    break;
                }
            }
        });
        // wait for the first commit of this round, then a random 0–40 ms more
        let first = rx.recv_timeout(Duration::from_secs(20)).unwrap();
        assert!(
            first > acknowledged,
            "round {round}: {first} after {acknowledged}"
        );
        std::thread::sleep(Duration::from_micros(rng.next() % 40_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        let before = acknowledged;
        acknowledged = first;
        while let Ok(seq) = rx.try_recv() {
            assert_eq!(
                seq,
                acknowledged + 1,
                "round {round}: reported out of order"
            );
            acknowledged = seq;
        }
        if acknowledged > before + 1 {
            killed_mid_run += 1;
        }

        let k = Kabinet::open(&path).unwrap();
        let head = k.journal_head().seq;
        assert!(
            head >= acknowledged,
            "round {round}: acknowledged {acknowledged}, found {head}"
        );
        // at most the command being committed when the kill came may be
        // there without having been reported
        assert!(
            head <= acknowledged + 1,
            "round {round}: {head} > {acknowledged} + 1"
        );
        acknowledged = head;
        assert_eq!(
            k.verify_journal().unwrap().unwrap().seq,
            head,
            "round {round}"
        );
        assert_eq!(k.replay_journal().unwrap(), *k.read(), "round {round}");
    }
    assert!(
        killed_mid_run > KILLS / 2,
        "the writer was rarely killed while writing"
    );
    assert!(
        started.elapsed() < Duration::from_secs(120),
        "took {:?}",
        started.elapsed()
    );
}
