//! The `kabinet cms verify` command line: exit codes and JSON, on the TC26
//! messages and on messages signed by OpenSSL at test time (RSA, ECDSA P-256,
//! GOST through the engine; attached and detached; two signers).
//!
//! OpenSSL with the GOST engine is needed for the second part: when it is
//! missing the test fails under CI (`CI` set) and says so otherwise.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod conformance;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tc26() -> PathBuf {
    conformance::folder("tc26", "signed_a111.pem")
}

fn kabinet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .current_dir(dir)
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

#[test]
fn tc26_messages_exit_zero_and_altered_ones_exit_one() {
    let dir = tc26();
    let root = dir.join("root256_cert.pem");
    let root = root.to_str().unwrap();
    for m in ["signed_a111.pem", "signed_a121.pem"] {
        let o = kabinet(
            &dir,
            &[
                "cms",
                "verify",
                m,
                "--anchor",
                root,
                // the TC26 root has no basicConstraints, its certificates no
                // authorityKeyIdentifier
                "--anchor-policy",
                "name-and-key-only",
                "--profile",
                "relaxed",
                "--allow-unknown-revocation",
                "--at",
                "2024-01-01T00:00:00Z",
                "--json",
            ],
        );
        assert_eq!(code(&o), 0, "{m}: {}", String::from_utf8_lossy(&o.stdout));
        let j = json(&o);
        assert_eq!(j["valid"], true);
        assert_eq!(j["signers"].as_array().unwrap().len(), 1);
    }
    // without a CRL and without --allow-unknown-revocation: invalid
    let o = kabinet(
        &dir,
        &["cms", "verify", "signed_a111.pem", "--anchor", root],
    );
    assert_eq!(code(&o), 1);
    assert!(String::from_utf8_lossy(&o.stdout).contains("cms.certificate_invalid"));
    // usage errors
    let o = kabinet(&dir, &["cms", "verify", "signed_a111.pem"]);
    assert_eq!(code(&o), 2);
    let o = kabinet(
        &dir,
        &[
            "cms",
            "verify",
            "signed_a111.pem",
            "--anchor",
            root,
            "--at",
            "yesterday",
        ],
    );
    assert_eq!(code(&o), 2);
    let o = kabinet(&dir, &["cms", "verify", "missing.p7s", "--anchor", root]);
    assert_eq!(code(&o), 2);
    // not a CMS message: invalid, with its code
    let o = kabinet(
        &dir,
        &["cms", "verify", "plain.txt", "--anchor", root, "--json"],
    );
    assert_eq!(code(&o), 1);
    assert_eq!(json(&o)["error"]["code"], "cms.malformed");
}

fn openssl(dir: &Path, args: &[&str]) {
    let o = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// OpenSSL with the GOST engine must be usable: `./scripts/test` installs it
/// (scripts/deps/gost-engine.sh) before any test runs, so its absence is a
/// failure, never a silent skip.
fn require_openssl_gost() {
    let ok = Command::new("openssl")
        .args(["engine", "gost"])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        ok,
        "openssl with the GOST engine is required: run scripts/deps/gost-engine.sh (./scripts/test does)"
    );
}

#[test]
fn openssl_messages_rsa_ecdsa_gost_attached_detached_and_two_signers() {
    require_openssl_gost();
    let dir = std::env::temp_dir().join(format!("kabinet-cli-cms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let t = tc26();
    let tc = |f: &str| t.join(f).to_str().unwrap().to_owned();
    std::fs::write(
        dir.join("ext"),
        "keyUsage=critical,digitalSignature,nonRepudiation\n",
    )
    .unwrap();
    std::fs::write(dir.join("content.txt"), "hello, signed world\n").unwrap();
    std::fs::write(dir.join("other.txt"), "hello, signed world!\n").unwrap();
    openssl(
        &dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=Test CA",
            "-days",
            "3650",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    for (name, key) in [("rsa", "rsa:2048"), ("ec", "ec")] {
        let mut req = vec![
            "req",
            "-newkey",
            key,
            "-nodes",
            "-keyout",
            "k.key",
            "-subj",
            "/CN=Signer",
            "-out",
            "k.csr",
        ];
        if key == "ec" {
            req.extend(["-pkeyopt", "ec_paramgen_curve:P-256"]);
        }
        openssl(&dir, &req);
        std::fs::rename(dir.join("k.key"), dir.join(format!("{name}.key"))).unwrap();
        let cert = format!("{name}.pem");
        openssl(
            &dir,
            &[
                "x509",
                "-req",
                "-in",
                "k.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                &cert,
                "-days",
                "365",
                "-extfile",
                "ext",
            ],
        );
    }
    let sign = |extra: &[&str]| {
        let mut args = vec!["cms", "-sign", "-binary", "-in", "content.txt"];
        args.extend(extra);
        openssl(&dir, &args);
    };
    sign(&[
        "-signer",
        "rsa.pem",
        "-inkey",
        "rsa.key",
        "-signer",
        "ec.pem",
        "-inkey",
        "ec.key",
        "-md",
        "sha256",
        "-nodetach",
        "-outform",
        "DER",
        "-out",
        "two.der",
    ]);
    sign(&[
        "-signer",
        "rsa.pem",
        "-inkey",
        "rsa.key",
        "-md",
        "sha384",
        "-outform",
        "PEM",
        "-out",
        "rsa_detached.pem",
    ]);
    sign(&[
        "-signer",
        "ec.pem",
        "-inkey",
        "ec.key",
        "-md",
        "sha256",
        "-noattr",
        "-nodetach",
        "-outform",
        "DER",
        "-out",
        "ec_noattr.der",
    ]);
    let (s256, k256, s512, k512) = (
        tc("sender256_cert.pem"),
        tc("sender256_key.pem"),
        tc("sender512_cert.pem"),
        tc("sender512_key.pem"),
    );
    sign(&[
        "-engine",
        "gost",
        "-signer",
        &s256,
        "-inkey",
        &k256,
        "-md",
        "md_gost12_256",
        "-nodetach",
        "-outform",
        "DER",
        "-out",
        "gost256.der",
    ]);
    sign(&[
        "-engine",
        "gost",
        "-signer",
        &s512,
        "-inkey",
        &k512,
        "-md",
        "md_gost12_512",
        "-outform",
        "DER",
        "-out",
        "gost512_detached.der",
    ]);
    let root = tc("root256_cert.pem");
    let verify = |message: &str, anchor: &str, content: Option<&str>| {
        let mut args = vec![
            "cms",
            "verify",
            message,
            "--anchor",
            anchor,
            "--allow-unknown-revocation",
            "--json",
        ];
        if anchor == root {
            // the TC26 root has no basicConstraints, its certificates no
            // authorityKeyIdentifier
            args.extend([
                "--anchor-policy",
                "name-and-key-only",
                "--profile",
                "relaxed",
            ]);
        }
        if let Some(c) = content {
            args.extend(["--content", c]);
        }
        let o = kabinet(&dir, &args);
        (code(&o), json(&o))
    };
    let (c, j) = verify("two.der", "ca.pem", None);
    assert_eq!(c, 0, "{j}");
    let algs: Vec<_> = j["signers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["signature_algorithm"].as_str().unwrap().to_owned())
        .collect();
    assert!(algs.contains(&"rsa".to_owned()) && algs.contains(&"ecdsa-sha256".to_owned()));
    let (c, j) = verify("rsa_detached.pem", "ca.pem", Some("content.txt"));
    assert_eq!(c, 0, "{j}");
    assert_eq!(j["detached"], true);
    assert_eq!(j["signers"][0]["digest_algorithm"], "sha384");
    let (c, j) = verify("rsa_detached.pem", "ca.pem", Some("other.txt"));
    assert_eq!(c, 1);
    assert_eq!(
        j["signers"][0]["problems"][0]["code"],
        "cms.digest_mismatch"
    );
    let (c, j) = verify("rsa_detached.pem", "ca.pem", None);
    assert_eq!(c, 1);
    assert_eq!(j["error"]["code"], "cms.content_missing");
    let (c, j) = verify("ec_noattr.der", "ca.pem", None);
    assert_eq!(c, 0, "{j}");
    assert_eq!(j["signers"][0]["signed_attributes"], false);
    let (c, j) = verify("gost256.der", &root, None);
    assert_eq!(c, 0, "{j}");
    assert_eq!(j["signers"][0]["signature_algorithm"], "gost2012-256");
    let (c, j) = verify("gost512_detached.der", &root, Some("content.txt"));
    assert_eq!(c, 0, "{j}");
    assert_eq!(j["signers"][0]["digest_algorithm"], "streebog512");
    // the GOST signer against the wrong anchor: certificate invalid
    let (c, j) = verify("gost256.der", "ca.pem", None);
    assert_eq!(c, 1);
    assert_eq!(
        j["signers"][0]["problems"][0]["code"],
        "cms.certificate_invalid"
    );
    // one of two signers altered: the message is invalid, the other signer stays valid
    let mut two = std::fs::read(dir.join("two.der")).unwrap();
    let n = two.len();
    two[n - 3] ^= 0x01;
    std::fs::write(dir.join("two_bad.der"), &two).unwrap();
    let (c, j) = verify("two_bad.der", "ca.pem", None);
    assert_eq!(c, 1, "{j}");
    let valid: Vec<bool> = j["signers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["valid"].as_bool().unwrap())
        .collect();
    assert_eq!(valid.iter().filter(|v| **v).count(), 1, "{j}");
    let _ = std::fs::remove_dir_all(&dir);
}
