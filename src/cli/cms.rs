//! `kabinet cms verify`: verify a CMS SignedData message (attached or detached content).
//!
//! Exit codes: 0 every signer valid, 1 a signer or the message invalid,
//! 2 usage or unreadable input (files, anchors).

use kabinet::bounded_read::{read_capped, read_der_or_pem, ReadError};
use kabinet::cms::limits::MAX_MESSAGE_BYTES;
use std::path::{Path, PathBuf};

use super::trust_args::TrustArgs;
use clap::Subcommand;
use kabinet::cms::{verify_cms, CmsError, CmsOptions, CmsReport};
use kabinet::{Coded, Timestamp};
use serde_json::json;

/// Arguments of `kabinet cms`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: CmsCommand,
}

#[derive(Debug, Subcommand)]
enum CmsCommand {
    /// Verify a signed message: signed attributes, signatures, signers' certificates
    /// (validated at each signer's signing time, else at --at).
    Verify {
        /// The message (DER or PEM).
        message: PathBuf,
        /// The content, when the message carries it detached.
        #[arg(long)]
        content: Option<PathBuf>,
        #[command(flatten)]
        trust: TrustArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

const USAGE: u8 = 2;

fn fail_read(e: &ReadError) -> u8 {
    eprintln!("error: {}: {}", e.code(), e.message_en());
    USAGE
}

/// Runs `kabinet cms`; returns the exit code.
pub fn run(args: Args) -> std::process::ExitCode {
    let code = match args.command {
        CmsCommand::Verify {
            message,
            content,
            trust,
            json,
        } => {
            let Some(at) = trust.time() else {
                return USAGE.into();
            };
            let files = Files {
                message: &message,
                content: content.as_deref(),
            };
            verify(&files, &trust, at, json).unwrap_or_else(|code| code)
        }
    };
    code.into()
}

struct Files<'a> {
    message: &'a Path,
    content: Option<&'a Path>,
}

fn verify(files: &Files<'_>, trust: &TrustArgs, at: Timestamp, json: bool) -> Result<u8, u8> {
    let store = trust.store().map_err(|e| {
        eprintln!("error: {}: {}", e.code(), e.message_en());
        USAGE
    })?;
    // A file that is not DER or PEM is read no further: it is not a message
    // (invalid, exit 1), as a DER that does not decode is not one.
    let message = match read_der_or_pem(files.message, MAX_MESSAGE_BYTES) {
        Ok(bytes) => Ok(bytes),
        Err(e @ ReadError::NotDerOrPem { .. }) => Err(CmsError::Malformed {
            detail: e.message_en(),
        }),
        Err(e) => return Err(fail_read(&e)),
    };
    let content = files
        .content
        .map(|path| read_capped(path, MAX_MESSAGE_BYTES))
        .transpose()
        .map_err(|e| fail_read(&e))?;
    let mut options = CmsOptions::at(at);
    options.validation = trust.validation_options(at);
    let verified =
        message.and_then(|message| verify_cms(&message, content.as_deref(), &[], &store, &options));
    let report = match verified {
        Ok(r) => r,
        Err(e) => {
            if json {
                println!(
                    "{}",
                    json!({"valid": false, "error": {"code": e.code(), "message": e.message_en(), "message_ru": e.message_ru()}})
                );
            } else {
                println!("invalid");
                println!("problem {}: {}", e.code(), e.message_en());
            }
            return Ok(1);
        }
    };
    if json {
        println!("{}", report_json(&report));
    } else {
        print_report(&report);
    }
    Ok(u8::from(!report.valid))
}

fn report_json(r: &CmsReport) -> serde_json::Value {
    let signers: Vec<_> = r
        .signers
        .iter()
        .map(|s| {
            json!({
                "valid": s.valid,
                "signer_id": s.signer_id,
                "subject": s.subject,
                "holder": s.holder,
                "signing_time": s.signing_time,
                "certificate_checked_at": s.certificate_checked_at,
                "digest_algorithm": s.digest_algorithm,
                "signature_algorithm": s.signature_algorithm,
                "signed_attributes": s.signed_attributes,
                "problems": s.problems,
                "timestamps": s.timestamps,
                "certificate": s.certificate.as_ref().map(|c| json!({
                    "valid": c.valid,
                    "problems": c.problems,
                    "warnings": c.warnings,
                    "path": c.path,
                    "qualified": c.qualified,
                    "signature_level": c.signature_level().map(|l| l.as_str()),
                })),
            })
        })
        .collect();
    json!({
        "valid": r.valid,
        "content_type": r.content_type,
        "detached": r.detached,
        "certificate_time": r.certificate_time,
        "verified_at": r.verified_at,
        "signers": signers,
    })
}

fn print_report(r: &CmsReport) {
    println!("{}", if r.valid { "valid" } else { "invalid" });
    println!(
        "content: {}{}",
        r.content_type,
        if r.detached { " (detached)" } else { "" }
    );
    for (i, s) in r.signers.iter().enumerate() {
        println!(
            "signer {i}: {} — {}",
            if s.valid { "valid" } else { "invalid" },
            s.subject.as_deref().unwrap_or(&s.signer_id)
        );
        if let Some(t) = s.signing_time {
            println!("  signing time: {t}");
        }
        println!(
            "  algorithms: {} with {}",
            s.signature_algorithm, s.digest_algorithm
        );
        println!("  certificate checked at: {}", s.certificate_checked_at);
        for p in &s.problems {
            println!("  problem {}: {}", p.code, p.detail);
        }
        for t in &s.timestamps {
            let time = t.time.map_or_else(|| "?".to_owned(), |t| t.to_string());
            let state = if t.valid { "valid" } else { "invalid" };
            println!("  timestamp: {state} at {time}");
            for p in &t.problems {
                println!("    problem {}: {}", p.code, p.detail);
            }
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
