//! The `kabinet xml verify` command line: exit codes, text and JSON, on the
//! xmlsec GOST documents and the СМЭВ 3 messages of `xmldsig/`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dir() -> PathBuf {
    conformance::folder("xmldsig", "SOURCES.md")
}

fn kabinet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .current_dir(dir())
        .args(args)
        .output()
        .unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap()
}

/// `xml verify FILE` against the xmlsec root, taken as a name and a key
/// (its basicConstraints is not critical), at 2026-12-01.
fn xmlsec(file: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "xml",
        "verify",
        file,
        "--anchor",
        "xmlsec/rsa-root-ca.der",
        "--allow-unknown-revocation",
        "--at",
        "2026-12-01T00:00:00Z",
    ];
    args.extend_from_slice(extra);
    kabinet(&args)
}

fn problem_codes(signature: &serde_json::Value) -> Vec<String> {
    signature["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_owned())
        .collect()
}

struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Self {
        let path =
            std::env::temp_dir().join(format!("kabinet-cli-xml-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn the_xmlsec_documents_verify_and_exit_zero() {
    for bits in ["256", "512"] {
        let file = format!("xmlsec/enveloped-gost2012-{bits}.xml");
        let o = xmlsec(&file, &["--anchor-policy", "name-and-key-only", "--json"]);
        assert_eq!(code(&o), 0, "{}", String::from_utf8_lossy(&o.stdout));
        let report = json(&o);
        assert_eq!(report["valid"], true);
        let signature = &report["signatures"][0];
        assert_eq!(signature["valid"], true);
        assert_eq!(signature["signature_value_valid"], true);
        assert_eq!(signature["references"][0]["digest_matches"], true);
        assert!(signature["subject"]
            .as_str()
            .unwrap()
            .contains(&format!("Test Key gost-2012-{bits}")));
        assert_eq!(signature["certificate"]["valid"], true);

        let text = xmlsec(&file, &["--anchor-policy", "name-and-key-only"]);
        assert_eq!(code(&text), 0);
        let out = String::from_utf8(text.stdout).unwrap();
        assert!(out.starts_with("valid\n"), "{out}");
        assert!(out.contains("digest matches"), "{out}");
        assert!(out.contains("signature value: verifies"), "{out}");
    }
}

#[test]
fn the_xmlsec_root_as_a_certificate_is_refused() {
    let o = xmlsec("xmlsec/enveloped-gost2012-256.xml", &["--json"]);
    assert_eq!(code(&o), 1);
    let signature = &json(&o)["signatures"][0];
    assert_eq!(problem_codes(signature), ["xmldsig.certificate_invalid"]);
    assert_eq!(signature["signature_value_valid"], true);
}

#[test]
fn altered_content_exits_one_with_the_digest_mismatch() {
    let scratch = Scratch::new("altered");
    let xml = std::fs::read_to_string(dir().join("xmlsec/enveloped-gost2012-256.xml")).unwrap();
    let altered = scratch.write(
        "altered.xml",
        xml.replace("Hello, World!", "Hello, World?").as_bytes(),
    );
    let o = xmlsec(
        &altered,
        &["--anchor-policy", "name-and-key-only", "--json"],
    );
    assert_eq!(code(&o), 1);
    let signature = &json(&o)["signatures"][0];
    assert_eq!(problem_codes(signature), ["xmldsig.digest_mismatch"]);
    assert_eq!(signature["references"][0]["digest_matches"], false);

    let text = xmlsec(&altered, &["--anchor-policy", "name-and-key-only"]);
    let out = String::from_utf8(text.stdout).unwrap();
    assert!(out.starts_with("invalid\n"), "{out}");
    assert!(out.contains("digest MISMATCH"), "{out}");
}

#[test]
fn the_replaced_smev_response_is_invalid_in_both_signatures() {
    let gost_ca = conformance::folder("gost-ca", "manifest.json");
    let anchor = gost_ca.join("certs/0837.der");
    let intermediate = gost_ca.join("certs/1762.der");
    let o = kabinet(&[
        "xml",
        "verify",
        "smev3/GetResponseResponse_ValidResponse.xml",
        "--anchor",
        anchor.to_str().unwrap(),
        "--intermediate",
        intermediate.to_str().unwrap(),
        "--allow-unknown-revocation",
        "--at",
        "2021-06-07T00:00:00Z",
        "--json",
    ]);
    assert_eq!(code(&o), 1);
    let report = json(&o);
    let signatures = report["signatures"].as_array().unwrap();
    assert_eq!(signatures.len(), 2);
    for s in signatures {
        let codes = problem_codes(s);
        assert_eq!(codes, ["xmldsig.digest_mismatch", "xmldsig.bad_signature"]);
        assert_eq!(s["certificate"]["valid"], true);
    }
}

#[test]
fn unreadable_and_unsigned_inputs_have_their_codes() {
    let scratch = Scratch::new("inputs");
    let unsigned = scratch.write("unsigned.xml", b"<a><b>text</b></a>");
    let o = xmlsec(&unsigned, &["--json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(json(&o)["error"]["code"], "xmldsig.no_signature");

    let not_xml = scratch.write("not.xml", b"\x00\x01 not xml");
    let o = xmlsec(&not_xml, &["--json"]);
    assert_eq!(code(&o), 1);
    let error = json(&o)["error"]["code"].as_str().unwrap().to_owned();
    assert!(
        error == "xmldsig.malformed" || error == "xmldsig.encoding",
        "{error}"
    );
    assert!(!json(&o)["error"]["message_ru"].as_str().unwrap().is_empty());

    let missing = Path::new("no-such-file.xml").to_str().unwrap().to_owned();
    let o = xmlsec(&missing, &[]);
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("file."));

    let o = kabinet(&[
        "xml",
        "verify",
        "xmlsec/enveloped-gost2012-256.xml",
        "--anchor",
        "xmlsec/rsa-root-ca.der",
        "--at",
        "yesterday",
    ]);
    assert_eq!(code(&o), 2);
}
