//! `kabinet xml verify`: verify the XML signatures (XML-DSig) of a document —
//! enveloped GOST signatures, СМЭВ 3 messages — with their references,
//! signature values and signers' certificates.
//!
//! Exit codes: 0 every signature valid, 1 a signature or the document
//! invalid (including a document with no signature), 2 usage or unreadable
//! input (files, anchors, a file over 16 MiB).

use std::path::PathBuf;

use clap::Subcommand;
use kabinet::bounded_read::read_capped;
use kabinet::xmldsig::{verify_xml, XmlDsigReport, MAX_DOCUMENT_BYTES};
use kabinet::Coded;
use serde_json::json;

use super::trust_args::TrustArgs;

/// The `kabinet xml` commands.
#[derive(Debug, Subcommand)]
pub enum XmlCommand {
    /// Verify every ds:Signature of a document: reference digests, the
    /// SignatureValue over the canonical SignedInfo, the signer's certificate
    /// (validated at --at).
    Verify {
        /// The XML document (UTF-8, at most 16 MiB).
        document: PathBuf,
        #[command(flatten)]
        trust: TrustArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

const USAGE: u8 = 2;

/// Runs `kabinet xml`; returns the exit code.
pub fn run(command: XmlCommand) -> std::process::ExitCode {
    let code = match command {
        XmlCommand::Verify {
            document,
            trust,
            json,
        } => verify(&document, &trust, json).unwrap_or_else(|code| code),
    };
    code.into()
}

fn verify(document: &std::path::Path, trust: &TrustArgs, json: bool) -> Result<u8, u8> {
    let at = trust.time().ok_or(USAGE)?;
    let store = trust.store().map_err(|e| {
        eprintln!("error: {}: {}", e.code(), e.message_en());
        USAGE
    })?;
    // A file past the verifier's limit is not read (exit 2, `file.too_large`),
    // as for `kabinet cms verify`.
    let bytes = read_capped(document, MAX_DOCUMENT_BYTES).map_err(|e| {
        eprintln!("error: {}: {}", e.code(), e.message_en());
        USAGE
    })?;
    let report = match verify_xml(&bytes, &[], &store, &trust.validation_options(at)) {
        Ok(report) => report,
        Err(e) => {
            print_error(json, e.code(), &e.message_en(), &e.message_ru());
            return Ok(1);
        }
    };
    if json {
        match serde_json::to_string(&report) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                crate::fail("output.json", e);
                return Err(USAGE);
            }
        }
    } else {
        print_report(&report);
    }
    Ok(u8::from(!report.valid))
}

fn print_error(json: bool, code: &str, en: &str, ru: &str) {
    if json {
        println!(
            "{}",
            json!({"valid": false, "error": {"code": code, "message": en, "message_ru": ru}})
        );
    } else {
        println!("invalid");
        println!("problem {code}: {en}");
    }
}

fn print_report(r: &XmlDsigReport) {
    println!("{}", if r.valid { "valid" } else { "invalid" });
    println!("certificates checked at: {}", r.verified_at);
    for (i, s) in r.signatures.iter().enumerate() {
        let name =
            s.id.as_deref()
                .map_or_else(String::new, |id| format!(" #{id}"));
        println!(
            "signature {i}{name}: {} — {}",
            if s.valid { "valid" } else { "invalid" },
            s.subject.as_deref().unwrap_or("signer not found")
        );
        println!("  method: {}", s.signature_method);
        println!("  canonicalization: {}", s.canonicalization);
        for r in &s.references {
            let state = if r.digest_matches {
                "matches"
            } else {
                "MISMATCH"
            };
            println!("  reference {:?}: digest {state}", r.uri);
        }
        println!(
            "  signature value: {}",
            if s.signature_value_valid {
                "verifies"
            } else {
                "does not verify"
            }
        );
        for p in &s.problems {
            println!("  problem {}: {}", p.code, p.detail);
        }
        if let Some(c) = &s.certificate {
            for p in &c.problems {
                println!("  certificate problem {}: {}", p.code, p.detail);
            }
            for w in &c.warnings {
                println!("  certificate warning {}: {}", w.code, w.detail);
            }
        }
    }
}
