//! The `kabinet cert` command line: exit codes and JSON, on an rcgen PKI.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::*;

struct Files {
    dir: PathBuf,
}

impl Files {
    fn new(test: &str) -> Self {
        let dir =
            std::env::temp_dir().join(format!("kabinet-cli-cert-{}-{test}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let pki = build();
        let pem = |der: &[u8]| {
            let b64 = base64_lines(der);
            format!("-----BEGIN CERTIFICATE-----\n{b64}-----END CERTIFICATE-----\n")
        };
        let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
        write("root.der", &pki.root);
        write("ca.pem", pem(&pki.ca).as_bytes());
        // A bundle of two PEM blocks: the CA and an unrelated root.
        write(
            "bundle.pem",
            format!("{}{}", pem(&pki.ca), pem(&pki.untrusted_root)).as_bytes(),
        );
        write("root.crl", &pki.root_crl);
        write("ca.crl", &pki.ca_crl);
        write("head.der", &pki.head);
        write("head.pem", pem(&pki.head).as_bytes());
        write("revoked.der", &pki.revoked);
        write("expiring.der", &pki.expiring);
        // The same certificate claiming a GOST R 34.10-2012 signature (same OID length).
        let ecdsa_sha256 = [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02];
        let gost_2012_256 = [0x2a, 0x85, 0x03, 0x07, 0x01, 0x01, 0x03, 0x02];
        let mut gost = pki.head.clone();
        let mut i = 0;
        while i + 8 <= gost.len() {
            if gost[i..i + 8] == ecdsa_sha256 {
                gost[i..i + 8].copy_from_slice(&gost_2012_256);
            }
            i += 1;
        }
        write("gost.der", &gost);
        let mut tampered = pki.head.clone();
        let n = tampered.len();
        tampered[n - 5] ^= 0x01;
        write("tampered.der", &tampered);
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    fn kabinet(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .current_dir(&self.dir)
            .args(args)
            .output()
            .unwrap()
    }
}

impl Drop for Files {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn base64_lines(der: &[u8]) -> String {
    const T: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::new();
    for chunk in der.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                s.push(T[((n >> (18 - 6 * k)) & 63) as usize] as char);
            } else {
                s.push('=');
            }
        }
    }
    s.as_bytes()
        .chunks(64)
        .map(|l| format!("{}\n", std::str::from_utf8(l).unwrap()))
        .collect()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn verify_args<'a>(leaf: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut v = vec![
        "cert",
        "verify",
        leaf,
        "--anchor",
        "root.der",
        "--intermediate",
        "bundle.pem",
    ];
    v.extend(["--crl", "root.crl", "--at", AT]);
    v.extend(extra);
    v
}

#[test]
fn verify_valid_qualified_certificate_exits_0_with_json() {
    let f = Files::new("valid");
    let out = f.kabinet(&verify_args("head.pem", &["--crl", "ca.crl", "--json"]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json(&out);
    assert_eq!(v["valid"], true);
    assert_eq!(v["qualified"], true);
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
    assert_eq!(v["path"].as_array().unwrap().len(), 3);
    assert_eq!(v["holder"]["inn_le"], ORG_INN_LE);
    assert_eq!(v["holder"]["snils"], HEAD_SNILS);
    assert_eq!(v["signature_level"], "qualified");
}

#[test]
fn verify_revoked_exits_1_with_coded_problem() {
    let f = Files::new("revoked");
    let out = f.kabinet(&verify_args("revoked.der", &["--crl", "ca.crl", "--json"]));
    assert_eq!(out.status.code(), Some(1));
    let v = json(&out);
    assert_eq!(v["valid"], false);
    assert_eq!(v["problems"][0]["code"], "pki.revoked");
    assert_eq!(v["problems"][0]["certificate"], 0);
    assert!(v["problems"][0]["detail"]
        .as_str()
        .unwrap()
        .contains("revoked"));
}

#[test]
fn unknown_revocation_is_refused_unless_allowed() {
    let f = Files::new("unknown");
    let out = f.kabinet(&verify_args("head.der", &["--json"]));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["problems"][0]["code"], "pki.revocation_unknown");
    let out = f.kabinet(&verify_args(
        "head.der",
        &["--json", "--allow-unknown-revocation"],
    ));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json(&out)["warnings"][0]["code"],
        "pki.revocation_unknown_accepted"
    );
}

#[test]
fn expiring_certificate_warns_and_expired_one_fails() {
    let f = Files::new("expiry");
    let out = f.kabinet(&verify_args("expiring.der", &["--crl", "ca.crl", "--json"]));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["warnings"][0]["code"], "pki.expires_soon");
    let mut args = verify_args("expiring.der", &["--crl", "ca.crl"]);
    let at = args.iter().position(|a| *a == AT).unwrap();
    args[at] = "2026-04-02T00:00:00Z";
    let out = f.kabinet(&args);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("invalid"), "{text}");
    assert!(text.contains("pki.expired"), "{text}");
}

#[test]
fn folders_and_several_values_per_option_are_accepted() {
    let f = Files::new("folders");
    let anchors = f.path("anchors");
    std::fs::create_dir_all(&anchors).unwrap();
    std::fs::copy(f.path("root.der"), anchors.join("root.der")).unwrap();
    let out = f.kabinet(&[
        "cert",
        "verify",
        "head.der",
        "--anchor",
        "anchors",
        "--intermediate",
        "ca.pem",
        "bundle.pem",
        "--crl",
        "root.crl",
        "ca.crl",
        "--at",
        AT,
        "--json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(json(&out)["path"][2]["anchor"], true);
    // Notes in a folder are skipped; named explicitly, a file without a certificate is refused.
    std::fs::write(anchors.join("notes.txt"), b"the roots of the test PKI").unwrap();
    let args = [
        "cert",
        "verify",
        "head.der",
        "--anchor",
        "anchors",
        "--intermediate",
        "ca.pem",
        "--at",
        AT,
    ];
    let with_crls = [&args[..], &["--crl", "root.crl", "ca.crl"]].concat();
    assert_eq!(f.kabinet(&with_crls).status.code(), Some(0));
    let out = f.kabinet(&[
        "cert",
        "verify",
        "head.der",
        "--anchor",
        "anchors/notes.txt",
        "--at",
        AT,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pki.malformed_certificate"));
    // A damaged DER file in the folder is an error with its code.
    std::fs::write(anchors.join("broken.der"), [0x30, 0x03, 0x02, 0x01, 0x01]).unwrap();
    let out = f.kabinet(&with_crls);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pki.malformed_certificate"));
}

#[test]
fn usage_errors_exit_2() {
    let f = Files::new("usage");
    assert_eq!(
        f.kabinet(&["cert", "verify", "head.der"]).status.code(),
        Some(2)
    );
    let bad_time = [
        "cert",
        "verify",
        "head.der",
        "--anchor",
        "root.der",
        "--at",
        "yesterday",
    ];
    let out = f.kabinet(&bad_time);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("RFC 3339"));
    assert_eq!(
        f.kabinet(&verify_args("missing.der", &[])).status.code(),
        Some(2)
    );
    assert_eq!(f.kabinet(&["cert", "bogus"]).status.code(), Some(2));
}

#[test]
fn check_signature_exit_codes() {
    let f = Files::new("sig");
    let ok = f.kabinet(&["cert", "check-signature", "head.der", "--issuer", "ca.pem"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert_eq!(
        f.kabinet(&[
            "cert",
            "check-signature",
            "head.der",
            "--issuer",
            "root.der"
        ])
        .status
        .code(),
        Some(1)
    );
    assert_eq!(
        f.kabinet(&[
            "cert",
            "check-signature",
            "tampered.der",
            "--issuer",
            "ca.pem"
        ])
        .status
        .code(),
        Some(1)
    );
    let gost = f.kabinet(&["cert", "check-signature", "gost.der", "--issuer", "ca.pem"]);
    assert_eq!(gost.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&gost.stdout).contains("pki.unsupported_algorithm"));
    assert_eq!(
        f.kabinet(&["cert", "check-signature", "head.der"])
            .status
            .code(),
        Some(2)
    );
    assert!(f.path("head.der").is_file());
}

#[test]
fn show_prints_holder_markers_validity_and_algorithm() {
    let f = Files::new("show");
    let out = f.kabinet(&["cert", "show", "head.der", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["holder"]["ogrn"], ORG_OGRN);
    assert_eq!(v["holder"]["issuer_sign_tool"], true);
    assert_eq!(v["sign_tool_class"], "КС2");
    assert_eq!(v["signature_algorithm"], "1.2.840.10045.4.3.2");
    assert_eq!(v["not_after"], "2027-06-01T00:00:00Z");
    let text = f.kabinet(&["cert", "show", "head.pem"]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("ИННЮЛ: 7707083893"), "{text}");
    assert!(text.contains("sign-tool class: КС2"), "{text}");
    assert!(Path::new(&f.dir).is_dir());
}

/// The README's certificate commands run as written on the sample PKI of
/// `examples/data/pki`, and `cert show` names the algorithms.
#[test]
fn the_readme_sample_pki_runs_as_written() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_kabinet"))
            .current_dir(root)
            .args(args)
            .output()
            .unwrap()
    };
    let leaf = "examples/data/pki/leaf.pem";
    let o = run(&[
        "cert",
        "verify",
        leaf,
        "--anchor",
        "examples/data/pki/roots/",
        "--crl",
        "examples/data/pki/ca.crl",
        "--json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["valid"], true);
    assert_eq!(v["signature_level"], "enhanced");
    let o = run(&[
        "cert",
        "verify",
        leaf,
        "--anchor",
        "examples/data/pki/roots/root.pem",
        "--anchor-policy",
        "name-and-key-only",
        "--profile",
        "relaxed",
        "--allow-unknown-revocation",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = run(&["cert", "show", leaf]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("signature algorithm: ecdsa-with-SHA256 (1.2.840.10045.4.3.2)"),
        "{text}"
    );
    assert!(
        text.contains("public key algorithm: EC public key"),
        "{text}"
    );
}
