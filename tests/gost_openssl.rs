//! Differential test against OpenSSL with Debian's GOST engine
//! (`libengine-gost-openssl`): fresh key pairs of several parameter sets
//! (256 and 512 bits), signatures made by `openssl dgst -sign` over random
//! messages, all verified by us; random corruptions of the message or the
//! signature are refused by us and by OpenSSL alike.
//!
//! Needs the `openssl` command with the `gost` engine
//! (`scripts/deps/gost-engine.sh` installs it). When it is missing the test
//! FAILS if the environment variable `CI` is set; otherwise (a developer
//! machine) it prints a notice and returns without checking anything.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use kabinet::gost::{self, ParamSet, PublicKey};
use kabinet::AccountCommand;
use kabinet::Coded;

/// (openssl algorithm, openssl paramset name, our parameter set).
const SETS: [(&str, &str, ParamSet); 12] = [
    ("gost2012_256", "A", ParamSet::CryptoProA),
    ("gost2012_256", "B", ParamSet::CryptoProB),
    ("gost2012_256", "C", ParamSet::CryptoProC),
    ("gost2012_256", "XA", ParamSet::CryptoProXchA),
    ("gost2012_256", "XB", ParamSet::CryptoProXchB),
    ("gost2012_256", "TCA", ParamSet::Tc26Gost256A),
    ("gost2012_256", "TCB", ParamSet::Tc26Gost256B),
    ("gost2012_256", "TCC", ParamSet::Tc26Gost256C),
    ("gost2012_256", "TCD", ParamSet::Tc26Gost256D),
    ("gost2012_512", "A", ParamSet::Tc26Gost512A),
    ("gost2012_512", "B", ParamSet::Tc26Gost512B),
    ("gost2012_512", "C", ParamSet::Tc26Gost512C),
];
/// Keys per parameter set and messages per key.
const KEYS: usize = 2;
const MESSAGES: usize = 4;

/// A new GOST key pair in `dir` (`key.pem`, its public key as `pub.pem` and
/// `pub.der`); returns the DER SubjectPublicKeyInfo.
fn new_key(dir: &Path, algorithm: &str, paramset: &str) -> Vec<u8> {
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let paramset = format!("paramset:{paramset}");
    let key = path("key.pem");
    run(&[
        "genpkey",
        "-engine",
        "gost",
        "-algorithm",
        algorithm,
        "-pkeyopt",
        &paramset,
        "-out",
        &key,
    ]);
    run(&[
        "pkey",
        "-engine",
        "gost",
        "-in",
        &key,
        "-pubout",
        "-out",
        &path("pub.pem"),
    ]);
    let der = path("pub.der");
    run(&[
        "pkey", "-engine", "gost", "-in", &key, "-pubout", "-outform", "DER", "-out", &der,
    ]);
    std::fs::read(der).unwrap()
}

fn engine_available() -> bool {
    Command::new("openssl")
        .args(["engine", "gost"])
        .output()
        .map(|o| o.status.success() && String::from_utf8_lossy(&o.stdout).contains("gost"))
        .unwrap_or(false)
}

fn openssl(args: &[&str]) -> std::process::Output {
    Command::new("openssl")
        .args(args)
        .output()
        .expect("running openssl")
}

fn run(args: &[&str]) {
    let out = openssl(args);
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// xorshift64*: reproducible randomness from a printed seed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

fn openssl_verifies(dir: &Path, md: &str, msg: &[u8], sig: &[u8]) -> bool {
    std::fs::write(dir.join("m.bin"), msg).unwrap();
    std::fs::write(dir.join("s.bin"), sig).unwrap();
    let out = openssl(&[
        "dgst",
        "-engine",
        "gost",
        md,
        "-verify",
        dir.join("pub.pem").to_str().unwrap(),
        "-signature",
        dir.join("s.bin").to_str().unwrap(),
        dir.join("m.bin").to_str().unwrap(),
    ]);
    out.status.success() && String::from_utf8_lossy(&out.stdout).contains("Verified OK")
}

#[test]
fn openssl_gost_signatures_verify_and_corruptions_are_refused() {
    // `./scripts/test` installs the engine before any test runs: its
    // absence is a failure, never a silent skip.
    assert!(
        engine_available(),
        "openssl with the gost engine is required: run scripts/deps/gost-engine.sh (./scripts/test does)"
    );
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("differential test seed: {seed}");
    let mut rng = Rng(seed);
    let dir: PathBuf =
        std::env::temp_dir().join(format!("kabinet-gost-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let (mut verified, mut refused) = (0, 0);
    for (algorithm, paramset, ours) in SETS {
        let (md, sig_oid) = if algorithm == "gost2012_256" {
            ("-md_gost12_256", gost::oids::SIGNATURE_256)
        } else {
            ("-md_gost12_512", gost::oids::SIGNATURE_512)
        };
        for _ in 0..KEYS {
            let spki = new_key(&dir, algorithm, paramset);
            let key = PublicKey::from_spki_der(&spki).unwrap();
            assert_eq!(
                key.param_set().curve_name(),
                ours.curve_name(),
                "{algorithm} {paramset}"
            );
            for _ in 0..MESSAGES {
                let len = (rng.next() % 3000) as usize;
                let msg = rng.bytes(len);
                std::fs::write(dir.join("m.bin"), &msg).unwrap();
                run(&[
                    "dgst",
                    "-engine",
                    "gost",
                    md,
                    "-sign",
                    &path("key.pem"),
                    "-out",
                    &path("s.bin"),
                    &path("m.bin"),
                ]);
                let sig = std::fs::read(dir.join("s.bin")).unwrap();
                gost::verify_signature(&spki, &sig_oid, &msg, &sig)
                    .unwrap_or_else(|e| panic!("{algorithm} {paramset}, seed {seed}: {e}"));
                verified += 1;

                // A random bit of the signature, then (when non-empty) of the message.
                let mut bad_sig = sig.clone();
                let bit = (rng.next() as usize) % (bad_sig.len() * 8);
                bad_sig[bit / 8] ^= 1 << (bit % 8);
                assert!(gost::verify_signature(&spki, &sig_oid, &msg, &bad_sig).is_err());
                assert!(
                    !openssl_verifies(&dir, md, &msg, &bad_sig),
                    "openssl accepted a corrupted signature"
                );
                refused += 1;
                if !msg.is_empty() {
                    let mut bad_msg = msg.clone();
                    let bit = (rng.next() as usize) % (bad_msg.len() * 8);
                    bad_msg[bit / 8] ^= 1 << (bit % 8);
                    assert!(gost::verify_signature(&spki, &sig_oid, &bad_msg, &sig).is_err());
                    assert!(
                        !openssl_verifies(&dir, md, &bad_msg, &sig),
                        "openssl accepted a corrupted message"
                    );
                    refused += 1;
                }
                // And OpenSSL agrees the original holds.
                assert!(openssl_verifies(&dir, md, &msg, &sig));
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    eprintln!("differential: {verified} OpenSSL signatures verified, {refused} corruptions refused by both");
    assert_eq!(verified, SETS.len() * KEYS * MESSAGES);
}

/// A host whose key is GOST R 34.10-2012: checkpoints it signs with OpenSSL
/// (the GOST engine) verify, and prove the journal; a changed checkpoint or
/// another key does not.
#[test]
fn checkpoints_signed_by_a_gost_key_verify() {
    use kabinet::journal::checkpoint::{SignedCheckpoint, GOST_256, GOST_512};
    assert!(
        engine_available(),
        "openssl with the gost engine is required: run scripts/deps/gost-engine.sh (./scripts/test does)"
    );
    let dir: PathBuf =
        std::env::temp_dir().join(format!("kabinet-gost-checkpoint-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    let db = dir.join("journal.db");
    let _ = std::fs::remove_file(&db);
    let k = kabinet::Kabinet::open(&db).unwrap();
    for i in 0..300 {
        k.execute(
            kabinet::Command::Accounts(AccountCommand::RegisterAccount {
                name: kabinet::accounts::PersonName::new("Сотрудник", "Иван", None),
                snils: None,
                inn: None,
                email: Some(kabinet::Email::parse(&format!("p{i}@example.ru")).unwrap()),
                phone: None,
            }),
            &kabinet::Context::system(kabinet::Kabinet::now()),
        )
        .unwrap();
    }
    let head = k.journal_head();
    let checkpoint = kabinet::journal::checkpoint::Checkpoint {
        size: head.seq,
        root: k.journal_root(head.seq).unwrap(),
        head: head.hash,
        at: kabinet::Kabinet::now(),
        snapshot: None,
    };
    let hex = |b: &[u8]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
    for (algorithm, paramset, md, name) in [
        ("gost2012_256", "A", "-md_gost12_256", GOST_256),
        ("gost2012_512", "A", "-md_gost12_512", GOST_512),
    ] {
        let spki = new_key(&dir, algorithm, paramset);
        std::fs::write(dir.join("text"), checkpoint.signed_text()).unwrap();
        run(&[
            "dgst",
            "-engine",
            "gost",
            md,
            "-sign",
            &path("key.pem"),
            "-out",
            &path("sig"),
            &path("text"),
        ]);
        let signed = SignedCheckpoint {
            checkpoint,
            algorithm: name.into(),
            key: hex(&spki),
            signature: hex(&std::fs::read(dir.join("sig")).unwrap()),
        };
        assert_eq!(signed.verify(Some(&signed.key)), Ok(checkpoint), "{name}");
        let (found, _) = k
            .verify_against_checkpoints(std::slice::from_ref(&signed), Some(&signed.key))
            .unwrap()
            .unwrap();
        assert_eq!(found.seq, head.seq);
        let mut changed = signed.clone();
        changed.checkpoint.size -= 1;
        assert_eq!(
            changed.verify(None).unwrap_err().code(),
            "checkpoint.bad_signature",
            "{name}"
        );
        let mut other_size = signed.clone();
        other_size.algorithm = if name == GOST_256 { GOST_512 } else { GOST_256 }.into();
        assert!(
            other_size.verify(None).is_err(),
            "{name} read as the other size"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}
