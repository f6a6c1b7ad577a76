//! Where the conformance data lives: `$KABINET_TESTDATA`, or
//! `../shared/testdata` beside the project root (NIST PKITS, the accredited
//! Russian CA certificates, the TC26 GOST PKI and CMS messages, the GOST
//! examples). The data is never copied into the repository, and a test that
//! needs it fails loudly, naming where it looked, when it is missing.
#![allow(dead_code, clippy::panic)]

use std::path::PathBuf;

pub mod fns_power;
pub mod signed;

/// The root of the conformance data, checked to hold `probe` (a file path
/// relative to the root).
pub fn root(probe: &str) -> PathBuf {
    let dir = std::env::var_os("KABINET_TESTDATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/testdata"));
    let file = dir.join(probe);
    if !file.is_file() {
        panic!(
            "conformance data is missing: expected {} (set KABINET_TESTDATA or provide ../shared/testdata)",
            file.display()
        );
    }
    dir
}

/// One folder of the conformance data, checked to hold `probe`.
pub fn folder(name: &str, probe: &str) -> PathBuf {
    root(&format!("{name}/{probe}")).join(name)
}
