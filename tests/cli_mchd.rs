//! `kabinet mchd`: show, verify and export a real power of attorney of the
//! FNS registry (`mchd/` of the conformance data), with the exit codes and
//! the one error format of the tool.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::PathBuf;
use std::process::{Command, Output};

const SIGNED: &str = "mchd/valid/ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993";

fn data(path: &str) -> String {
    conformance::root("mchd/SOURCES.md")
        .join(path)
        .to_str()
        .unwrap()
        .to_owned()
}

fn kabinet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn verify(at: Option<&str>, intermediates: &[&str], json: bool) -> Output {
    let (xml, sig) = (
        data(&format!("{SIGNED}.xml")),
        data(&format!("{SIGNED}.sig")),
    );
    let anchor = data("gost-ca/certs/0839.der");
    let mut args = vec!["mchd", "verify", &xml, "--sig", &sig, "--anchor", &anchor];
    let paths: Vec<String> = intermediates
        .iter()
        .map(|f| data(&format!("gost-ca/certs/{f}")))
        .collect();
    if !paths.is_empty() {
        args.push("--intermediate");
        args.extend(paths.iter().map(String::as_str));
    }
    args.push("--allow-unknown-revocation");
    if let Some(at) = at {
        args.extend(["--at", at]);
    }
    if json {
        args.push("--json");
    }
    kabinet(&args)
}

#[test]
fn verify_says_authentic_and_in_force_at_the_signing_time() {
    let o = verify(
        Some("2024-12-03T09:00:00Z"),
        &["2336.der", "1013.der"],
        false,
    );
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{out}");
    assert!(out.starts_with("authentic\nterm: in force"), "{out}");
    assert!(
        out.contains("timestamp: valid at 2024-12-03T08:29:00Z"),
        "{out}"
    );
    assert!(out.contains("qualified: yes"));
    assert!(out.contains("number: c61a40df-d38f-4800-9ba4-61a2df016993"));
}

#[test]
fn verify_today_says_authentic_but_expired_and_exits_1() {
    let o = verify(None, &["2336.der", "1013.der"], true);
    assert_eq!(o.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["valid"], true);
    assert_eq!(report["term"], "expired");
    assert_eq!(
        report["signature"]["signers"][0]["timestamps"][0]["valid"],
        true
    );
}

#[test]
fn verify_without_the_chain_is_not_authentic() {
    let o = verify(Some("2024-12-03T09:00:00Z"), &[], false);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.starts_with("not authentic"), "{out}");
    assert!(out.contains("problem mchd_sig.signature_invalid"), "{out}");
}

#[test]
fn show_json_exports_back_to_a_document_that_reads_the_same() {
    let xml = data(&format!("{SIGNED}.xml"));
    let shown = kabinet(&["mchd", "show", "--json", &xml]);
    assert_eq!(shown.status.code(), Some(0));
    let dir = std::env::temp_dir().join(format!("kabinet-cli-mchd-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json_file: PathBuf = dir.join("power.json");
    std::fs::write(&json_file, &shown.stdout).unwrap();
    let exported = kabinet(&["mchd", "export", json_file.to_str().unwrap()]);
    assert_eq!(
        exported.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&exported.stderr)
    );
    let xml_file = dir.join("power.xml");
    std::fs::write(&xml_file, &exported.stdout).unwrap();
    let again = kabinet(&["mchd", "show", "--json", xml_file.to_str().unwrap()]);
    assert_eq!(again.stdout, shown.stdout);
    // a JSON with a bad identifier is refused with the identifier's code
    let broken = stdout(&shown).replacen("\"kpp\": \"", "\"kpp\": \"0", 1);
    std::fs::write(&json_file, broken).unwrap();
    let refused = kabinet(&["mchd", "export", json_file.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr).into_owned();
    assert!(err.starts_with("error: mchd_xml.json: "), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn refusals_are_one_error_line_with_the_code() {
    let o = kabinet(&[
        "mchd",
        "show",
        &data("mchd/invalid/invalid_15_ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993.xml"),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.starts_with("error: mchd_xml.no_principal: "), "{err}");
    assert_eq!(err.lines().count(), 1);
    let missing = kabinet(&["mchd", "show", "/nonexistent.xml"]);
    assert_eq!(missing.status.code(), Some(2));
}
