//! The `kabinet auth` commands: password rules, hashes through standard
//! input, TOTP codes against RFC 6238.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::process::{Command, Stdio};

fn kabinet(args: &[&str], stdin: Option<&str>) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn password_check_reports_every_rule_broken() {
    let (code, out) = kabinet(&["auth", "password-check", "password1"], None);
    assert_eq!(
        (code, out.trim()),
        (
            1,
            "password.common: пароль слишком распространён / the password is too common"
        )
    );
    let (code, out) = kabinet(
        &[
            "auth",
            "password-check",
            "abcdefgh",
            "--preset",
            "portal",
            "--json",
        ],
        None,
    );
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3);
    assert_eq!(v[0]["code"], "password.missing_class");
    let (code, out) = kabinet(
        &["auth", "password-check", "Abcdef1!", "--preset", "portal"],
        None,
    );
    assert_eq!((code, out.trim()), (0, "ok"));
}

#[test]
fn hash_then_verify_through_standard_input() {
    let (code, phc) = kabinet(&["auth", "hash", "--scheme", "pbkdf2"], Some("секрет\n"));
    assert_eq!(code, 0);
    let phc = phc.trim();
    assert!(phc.starts_with("$pbkdf2-sha256$i=600000$"), "{phc}");
    let (code, out) = kabinet(
        &["auth", "verify", phc, "--scheme", "pbkdf2"],
        Some("секрет\n"),
    );
    assert_eq!((code, out.trim()), (0, "valid"));
    let (code, out) = kabinet(&["auth", "verify", phc], Some("секрет\n"));
    assert_eq!((code, out.trim()), (0, "valid needs_rehash"));
    let (code, out) = kabinet(
        &["auth", "verify", phc, "--scheme", "pbkdf2"],
        Some("другой\n"),
    );
    assert_eq!((code, out.trim()), (1, "invalid"));
    let (code, _) = kabinet(&["auth", "verify", "garbage"], Some("x\n"));
    assert_eq!(code, 2);
    // --json on each
    let (code, out) = kabinet(&["auth", "verify", phc, "--json"], Some("секрет\n"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (code, v),
        (0, serde_json::json!({"valid": true, "needs_rehash": true}))
    );
    let (code, out) = kabinet(&["auth", "verify", phc, "--json"], Some("другой\n"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!((code, v["valid"].clone()), (1, serde_json::json!(false)));
    let (code, out) = kabinet(&["auth", "hash", "--json"], Some("секрет\n"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(code, 0);
    assert!(v["phc"].as_str().unwrap().starts_with("$argon2id$"), "{v}");
}

#[test]
fn totp_codes_match_rfc6238() {
    // RFC 6238 Appendix B: SHA-1 seed "12345678901234567890", T = 59 → 94287082.
    let secret = "3132333435363738393031323334353637383930";
    let (code, out) = kabinet(
        &[
            "auth",
            "totp",
            secret,
            "--at",
            "1970-01-01T00:00:59Z",
            "--digits",
            "8",
        ],
        None,
    );
    assert_eq!((code, out.trim()), (0, "94287082"));
    let (code, out) = kabinet(
        &[
            "auth",
            "totp",
            secret,
            "--at",
            "1970-01-01T00:00:59Z",
            "--digits",
            "8",
            "--json",
        ],
        None,
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (code, v),
        (
            0,
            serde_json::json!({"code": "94287082", "at": "1970-01-01T00:00:59Z", "digits": 8, "algorithm": "sha1"})
        )
    );
    let (code, _) = kabinet(&["auth", "totp", "zz"], None);
    assert_eq!(code, 2);
}
