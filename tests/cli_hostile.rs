//! The command line under hostile files: endless devices, oversized DER,
//! messages of thousands of certificates, folders of huge bundles. Each is
//! refused with exit code 2 and an `error: CODE: …` line, in under 100 ms
//! and 64 MB of resident memory (the largest child's, from `getrusage`).
//!
//! This file spawns nothing else, so the children's peak is these commands'.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(unsafe_code)] // getrusage, to read the children's peak memory

#[path = "support/der_bytes.rs"]
mod der_bytes;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use der_bytes::{certificate_with_subject, cms_with_certificates, name_with_one_rdn_of};

const TIME_LIMIT: Duration = Duration::from_millis(100);
const MEMORY_LIMIT_KIB: i64 = 64 * 1024;

fn children_peak_kib() -> i64 {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage writes a rusage into the pointer it is given.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, usage.as_mut_ptr()) };
    assert_eq!(rc, 0);
    // SAFETY: initialised by the successful call above.
    unsafe { usage.assume_init() }.ru_maxrss
}

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kabinet-cli-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the CLI (best of three for time), expecting `code`, within the time
/// and memory limits; returns its standard output and standard error.
fn bounded(what: &str, args: &[&str], code: i32) -> (String, String) {
    let mut best = Duration::MAX;
    let mut output = (String::new(), String::new());
    for _ in 0..3 {
        let started = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .args(args)
            .output()
            .unwrap();
        best = best.min(started.elapsed());
        assert_eq!(out.status.code(), Some(code), "{what}: {out:?}");
        output = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
    }
    let peak = children_peak_kib();
    println!("{what}: {best:?}, children's peak {peak} KiB");
    assert!(best < TIME_LIMIT, "{what} took {best:?}");
    assert!(peak < MEMORY_LIMIT_KIB, "{what}: {peak} KiB");
    output
}

/// As [`bounded`], for a refusal: exit 2 and `error: CODE: …`; returns standard error.
fn refused(what: &str, args: &[&str]) -> String {
    let (_, stderr) = bounded(what, args, 2);
    assert!(stderr.starts_with("error: "), "{what}: {stderr}");
    stderr
}

fn write(path: &Path, bytes: &[u8]) -> String {
    std::fs::write(path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn hostile_files_are_refused_quickly_and_small() {
    let dir = scratch();
    let root = write(
        &dir.join("root.der"),
        &certificate_with_subject(1, &name_with_one_rdn_of(1)),
    );

    let e = refused(
        "cert verify /dev/zero",
        &["cert", "verify", "/dev/zero", "--anchor", &root],
    );
    assert!(
        e.contains("file.not_der_or_pem") || e.contains("pki.malformed_certificate"),
        "{e}"
    );
    let e = refused("cert show /dev/zero", &["cert", "show", "/dev/zero"]);
    assert!(
        e.contains("malformed") || e.contains("not_der_or_pem"),
        "{e}"
    );
    // not a message at all: invalid (exit 1), read no further than its first bytes
    let (out, _) = bounded(
        "cms verify /dev/zero",
        &["cms", "verify", "/dev/zero", "--anchor", &root, "--json"],
        1,
    );
    assert!(out.contains("cms.malformed"), "{out}");

    // a DER header that declares 200 MiB
    let huge = write(&dir.join("huge.der"), &[0x30, 0x84, 0x0C, 0x80, 0, 0, 0, 0]);
    let e = refused(
        "cms verify of a 200 MiB header",
        &["cms", "verify", &huge, "--anchor", &root],
    );
    assert!(e.contains("file.too_large"), "{e}");

    // a message of 8,000 certificates in reverse DER order
    let mut certs: Vec<Vec<u8>> = (0..8_000)
        .map(|i| certificate_with_subject(i + 1, &name_with_one_rdn_of(1)))
        .collect();
    certs.sort();
    certs.reverse();
    let cms = write(&dir.join("many.p7s"), &cms_with_certificates(&certs));
    let (out, _) = bounded(
        "cms verify of 8,000 certificates",
        &["cms", "verify", &cms, "--anchor", &root, "--json"],
        1,
    );
    assert!(out.contains("more than 64 elements"), "{out}");

    // anchors: a folder of bundles past the store's caps
    let bundles = dir.join("bundles");
    std::fs::create_dir_all(&bundles).unwrap();
    let pem =
        |der: &[u8]| der::pem::encode_string("CERTIFICATE", der::pem::LineEnding::LF, der).unwrap();
    let bundle: String = (0..4_096u32)
        .map(|i| pem(&certificate_with_subject(i + 1, &name_with_one_rdn_of(1))))
        .collect();
    for i in 0..4 {
        std::fs::write(bundles.join(format!("{i}.pem")), &bundle).unwrap();
    }
    let e = refused(
        "cert verify with a folder of 4 × 4,096 anchors",
        &[
            "cert",
            "verify",
            &root,
            "--anchor",
            bundles.to_str().unwrap(),
        ],
    );
    assert!(e.contains("trust_file.too_large"), "{e}");

    // the HR import from an endless device
    let db = dir.join("k.db");
    let o = Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(["db", "init", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{o:?}");
    let e = refused(
        "import employees /dev/zero",
        &[
            "import",
            "employees",
            "--db",
            db.to_str().unwrap(),
            "--org",
            "1",
            "--as",
            "1",
            "/dev/zero",
            "--dry-run",
        ],
    );
    assert!(e.contains("file.too_large"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}
