//! `kabinet cert`: verify a certificate path, check one signature, show a certificate.
//!
//! Exit codes: `verify` 0 valid, 1 invalid, 2 usage or unreadable input;
//! `check-signature` 0 verifies, 1 does not, 2 usage, 3 unsupported algorithm;
//! `show` 0, or 2 when the file cannot be read.

use std::path::{Path, PathBuf};

use super::trust_args::TrustArgs;
use clap::Subcommand;
use kabinet::pki::signature::verify_signature;
use kabinet::pki::{oids, validate, Holder, ValidationReport};
use kabinet::trust_files::load_certificate;
use kabinet::{Coded, Timestamp};
use serde_json::json;

/// Arguments of `kabinet cert`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: CertCommand,
}

#[derive(Debug, Subcommand)]
enum CertCommand {
    /// Validate a certificate: path to an anchor, validity, revocation, key usage.
    Verify {
        /// The certificate to validate (DER or PEM).
        leaf: PathBuf,
        #[command(flatten)]
        trust: TrustArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check that a certificate's signature verifies with the issuer's public key.
    CheckSignature {
        /// The certificate.
        cert: PathBuf,
        /// The issuer's certificate.
        #[arg(long)]
        issuer: PathBuf,
    },
    /// Show the holder, the qualified markers, the validity and the algorithm.
    Show {
        /// The certificate.
        cert: PathBuf,
        /// Print as JSON.
        #[arg(long)]
        json: bool,
    },
}

const USAGE: i32 = 2;

fn fail(e: &impl Coded) -> i32 {
    eprintln!("error: {}: {}", e.code(), e.message_en());
    USAGE
}

/// Runs `kabinet cert`; returns the exit code.
pub fn run(args: Args) -> std::process::ExitCode {
    std::process::ExitCode::from(u8::try_from(run_code(args)).unwrap_or(1))
}

fn run_code(args: Args) -> i32 {
    match args.command {
        CertCommand::Verify { leaf, trust, json } => match trust.time() {
            Some(at) => verify(&leaf, &trust, at, json),
            None => USAGE,
        },
        CertCommand::CheckSignature { cert, issuer } => check_signature(&cert, &issuer),
        CertCommand::Show { cert, json } => show(&cert, json),
    }
}

fn verify(leaf: &Path, trust: &TrustArgs, at: Timestamp, json: bool) -> i32 {
    let store = match trust.store() {
        Ok(s) => s,
        Err(e) => return fail(&e),
    };
    let leaf = match load_certificate(leaf) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let report = validate(&leaf, &store, &trust.validation_options(at));
    if json {
        println!("{}", report_json(&report));
    } else {
        print_report(&report);
    }
    i32::from(!report.valid)
}

fn report_json(r: &ValidationReport) -> serde_json::Value {
    json!({
        "valid": r.valid,
        "problems": r.problems,
        "warnings": r.warnings,
        "path": r.path,
        "holder": r.holder,
        "qualified": r.qualified,
        "not_qualified_because": r.not_qualified_because,
        "accredited_anchor": r.accredited_anchor,
        "sign_tool_class": r.sign_tool_class.map(|c| c.as_str()),
        "signature_level": r.signature_level().map(|l| l.as_str()),
    })
}

fn print_report(r: &ValidationReport) {
    println!("{}", if r.valid { "valid" } else { "invalid" });
    for p in &r.problems {
        let at = p
            .certificate
            .map(|i| format!(" [certificate {i}]"))
            .unwrap_or_default();
        println!("problem {}{at}: {}", p.code, p.detail);
    }
    for w in &r.warnings {
        println!("warning {}: {}", w.code, w.detail);
    }
    for (i, e) in r.path.iter().enumerate() {
        println!(
            "path {i}: {} (serial {}, sha256 {})",
            e.subject, e.serial, e.fingerprint
        );
    }
    println!("qualified: {}", r.qualified);
    if let Some(level) = r.signature_level() {
        println!(
            "signature level: {} ({})",
            level.as_str(),
            level.abbreviation_ru()
        );
    }
}

fn check_signature(cert: &Path, issuer: &Path) -> i32 {
    let (cert, issuer) = match (load_certificate(cert), load_certificate(issuer)) {
        (Ok(c), Ok(i)) => (c, i),
        (Err(e), _) | (_, Err(e)) => return fail(&e),
    };
    let c = cert.certificate();
    let spki = &issuer.certificate().tbs_certificate.subject_public_key_info;
    let Some(signature) = c.signature.as_bytes() else {
        println!("signature does not verify: the signature bit string is malformed");
        return 1;
    };
    match verify_signature(
        spki,
        issuer.spki_der(),
        &c.signature_algorithm,
        cert.tbs_der(),
        signature,
    ) {
        Ok(()) => {
            println!("signature verifies");
            0
        }
        Err(e) if e.is_algorithm_refusal() => {
            println!("{}: {}", e.code(), e.message_en());
            3
        }
        Err(e) => {
            println!("{}: {}", e.code(), e.message_en());
            1
        }
    }
}

fn show(path: &Path, json: bool) -> i32 {
    let cert = match load_certificate(path) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    let holder = Holder::of(&cert);
    let tbs = &cert.certificate().tbs_certificate;
    let value = json!({
        "subject": cert.subject_text(),
        "issuer": cert.issuer_text(),
        "serial": cert.serial_hex(),
        "fingerprint": cert.fingerprint_hex(),
        "not_before": cert.not_before(),
        "not_after": cert.not_after(),
        "signature_algorithm": cert.certificate().signature_algorithm.oid.to_string(),
        "signature_algorithm_name": oids::algorithm_name(&cert.certificate().signature_algorithm.oid),
        "public_key_algorithm": tbs.subject_public_key_info.algorithm.oid.to_string(),
        "public_key_algorithm_name": oids::algorithm_name(&tbs.subject_public_key_info.algorithm.oid),
        "ca": cert.extensions().is_ca(),
        "sign_tool_class": holder.sign_tool_class().map(|c| c.as_str()),
        "holder": holder,
    });
    if json {
        println!("{value}");
    } else {
        println!("subject: {}", cert.subject_text());
        println!("issuer: {}", cert.issuer_text());
        println!("serial: {}", cert.serial_hex());
        println!("sha256: {}", cert.fingerprint_hex());
        println!("valid: {} .. {}", cert.not_before(), cert.not_after());
        println!(
            "signature algorithm: {}",
            oids::algorithm_text(&cert.certificate().signature_algorithm.oid)
        );
        println!(
            "public key algorithm: {}",
            oids::algorithm_text(&tbs.subject_public_key_info.algorithm.oid)
        );
        let ids = [
            ("ИНН", &holder.inn),
            ("ИННЮЛ", &holder.inn_le),
            ("ОГРН", &holder.ogrn),
            ("ОГРНИП", &holder.ogrnip),
            ("СНИЛС", &holder.snils),
            ("O", &holder.organization),
            ("SN", &holder.surname),
            ("GN", &holder.given_name),
            ("T", &holder.title),
            ("E", &holder.email),
            ("subjectSignTool", &holder.subject_sign_tool),
        ];
        for (name, value) in ids {
            if let Some(v) = value {
                println!("{name}: {v}");
            }
        }
        if let Some(class) = holder.sign_tool_class() {
            println!("sign-tool class: {}", class.as_str());
        }
    }
    0
}
