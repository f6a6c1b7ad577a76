//! `kabinet mchd`: show, verify, import and export a real power of attorney of the
//! FNS registry (`mchd/` of the conformance data), with the exit codes and
//! the one error format of the tool.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;
mod support;

use conformance::fns_power::{options, register, signed, store};
use kabinet::delegation::fns_xml::verify_signed_power;
use kabinet::{AccessRequest, Kabinet, Right};
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

/// `mchd import` with the signed power, the demonstration table of
/// `examples/data/classifier.json`, at `at`, into `db`.
fn import(db: &str, table: &str, at: &str, extra: &[&str]) -> Output {
    let (xml, sig) = (
        data(&format!("{SIGNED}.xml")),
        data(&format!("{SIGNED}.sig")),
    );
    let (anchor, fns, tsa) = (
        data("gost-ca/certs/0839.der"),
        data("gost-ca/certs/2336.der"),
        data("gost-ca/certs/1013.der"),
    );
    let mut args = vec![
        "mchd",
        "import",
        &xml,
        "--sig",
        &sig,
        "--classifier",
        table,
        "--db",
        db,
        "--anchor",
        &anchor,
        "--intermediate",
        &fns,
        &tsa,
        "--allow-unknown-revocation",
        "--at",
        at,
    ];
    args.extend(extra);
    kabinet(&args)
}

#[test]
fn import_registers_the_verified_power_and_the_representative_acts_under_it() {
    let path = support::fresh_temp_path("cli-mchd-import.db");
    let db = path.to_str().unwrap();
    let (xml, sig) = signed();
    let at = "2024-12-03T09:00:00Z";
    let report = verify_signed_power(&xml, &sig, &[], &store(), &options(at)).unwrap();
    let (rep, org) = {
        let k = Kabinet::open(&path).unwrap();
        let (_, rep, org) = register(&report, &mut |c, ctx| k.execute(c, ctx).unwrap());
        (rep, org)
    };
    let table = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/classifier.json");

    // a dry run registers nothing
    let o = import(db, table, at, &["--dry-run", "--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["registered"], false);
    assert!(Kabinet::open(&path)
        .unwrap()
        .read()
        .power(report.power.number)
        .is_none());

    let o = import(db, table, at, &["--json"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["registered"], true);
    assert_eq!(out["number"], report.power.number.to_string());
    assert_eq!(out["organization"], org.0);
    // four codes of the table give rights, one is known to give none
    assert_eq!(out["granted"].as_array().unwrap().len(), 4);
    assert_eq!(
        out["unmapped"].as_array().unwrap().len(),
        report.power.powers.codes.len() - 5
    );
    let rights: Vec<&str> = out["rights"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(rights.contains(&"payments.approve") && !rights.contains(&"users.manage"));

    let k = Kabinet::open(&path).unwrap();
    let dir = k.read();
    let d = dir.check(&AccessRequest::new(
        rep,
        org,
        Right::DocumentsView,
        "2024-12-04T10:00:00Z".parse().unwrap(),
    ));
    assert!(d.allowed, "{:?}", d.refusal_codes());
    assert_eq!(d.delegation.unwrap().number, report.power.number);
    drop(dir);
    drop(k);

    // again: the number is taken; today: expired; a broken table: refused
    for (at, table, code) in [
        (at, table, "delegation.duplicate_number"),
        ("2026-12-04T00:00:00Z", table, "mchd_evidence.expired"),
    ] {
        let o = import(db, table, at, &[]);
        assert_eq!(o.status.code(), Some(1));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.starts_with(&format!("error: {code}: ")), "{err}");
    }
    let broken = support::fresh_temp_path("cli-mchd-classifier.json");
    std::fs::write(&broken, r#"{"A": ["documents.fly"]}"#).unwrap();
    let o = import(db, broken.to_str().unwrap(), at, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).starts_with("error: mchd_evidence.classifier: "));
    // no database
    let o = import("/nonexistent/kabinet.db", table, at, &[]);
    assert_eq!(o.status.code(), Some(2));
}
