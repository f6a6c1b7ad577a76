//! `kabinet mchd import`: a power of attorney from the FNS registry, with its
//! detached signature, registered in a database as evidence.
//!
//! The file is verified as `mchd verify` does at `--at` (which is also the
//! time of the registration); its classifier codes are read through the
//! host's table (`--classifier`, JSON: `{"CODE": ["right.code", …], …}`);
//! the result is registered with `ImportPower`. Codes the table does not
//! know and codes with restrictions give nothing and are listed.
//!
//! Exit codes: 0 registered (or, with `--dry-run`, registrable); 1 refused
//! (not authentic, expired, nothing mapped, or the registration refused);
//! 2 usage or unreadable files.

use std::path::PathBuf;
use std::process::ExitCode;

use super::mchd::{print_json, refused, signed_report};
use super::trust_args::TrustArgs;
use crate::{fail, fail_coded};
use clap::Args;
use kabinet::bounded_read::read_capped;
use kabinet::delegation::fns_xml::{PowerClassifier, PowerEvidence, MAX_CLASSIFIER_BYTES};
use kabinet::DelegationCommand;
use kabinet::{Command, Context, Kabinet};
use serde_json::json;

/// Arguments of `kabinet mchd import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The XML file, exactly as signed.
    file: PathBuf,
    /// The detached CMS signature (DER or PEM).
    #[arg(long)]
    sig: PathBuf,
    /// The table from classifier codes (КодПолн) to rights, as JSON:
    /// `{"CODE": ["documents.view", …], …}`; an empty list marks a code
    /// known to give nothing. Example: `examples/data/classifier.json`.
    #[arg(long)]
    classifier: PathBuf,
    /// The database file.
    #[arg(long)]
    db: PathBuf,
    #[command(flatten)]
    trust: TrustArgs,
    /// Verify and map, register nothing.
    #[arg(long)]
    dry_run: bool,
    /// Print one JSON object: `registered`, `number`, `organization`,
    /// `issuer`, `rights`, `granted`, `unmapped`, `restricted`,
    /// `text_powers`, `registry_url`.
    #[arg(long)]
    json: bool,
}

/// Runs `kabinet mchd import`.
pub fn run(args: &ImportArgs) -> ExitCode {
    if !args.db.is_file() {
        return fail(
            "store.not_found",
            format!("no database at {}", args.db.display()),
        );
    }
    let table = match read_capped(&args.classifier, MAX_CLASSIFIER_BYTES) {
        Ok(b) => String::from_utf8_lossy(&b).into_owned(),
        Err(e) => return fail_coded(&e),
    };
    let classifier = match PowerClassifier::from_json(&table) {
        Ok(c) => c,
        Err(e) => return refused(&e),
    };
    let report = match signed_report(&args.file, &args.sig, &args.trust) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let k = match Kabinet::open(&args.db) {
        Ok(k) => k,
        Err(e) => return fail_coded(&e),
    };
    let (evidence, power) = {
        let dir = k.read();
        let evidence = match dir.power_evidence(&report, &classifier) {
            Ok(e) => e,
            Err(e) => return refused(&e),
        };
        match dir.power_from_mchd(&evidence.mchd) {
            Ok(p) => (evidence, p),
            Err(e) => return refused(&e),
        }
    };
    let number = power.number;
    let (org, issuer, rights) = (power.principal, power.issuer, power.powers);
    if !args.dry_run {
        let ctx = Context::system(report.verified_at);
        if let Err(e) = k.execute(
            Command::Delegation(DelegationCommand::ImportPower { power }),
            &ctx,
        ) {
            return refused(&e);
        }
    }
    if args.json {
        let out = json!({
            "registered": !args.dry_run,
            "number": number.to_string(),
            "organization": org.0,
            "issuer": issuer.0,
            "rights": rights,
            "granted": evidence.granted,
            "unmapped": evidence.unmapped,
            "restricted": evidence.restricted,
            "text_powers": evidence.text_powers,
            "registry_url": evidence.registry_url,
        });
        return print_json(&out);
    }
    let verb = if args.dry_run {
        "would register"
    } else {
        "registered"
    };
    println!(
        "{verb} power of attorney {number} of organization {}, signed by account {}",
        org.0, issuer.0
    );
    let codes: Vec<&str> = rights.iter().map(|r| r.code()).collect();
    println!(
        "rights: {} (from {} of the document's codes)",
        codes.join(", "),
        evidence.granted.len()
    );
    print_codes(&evidence);
    println!("registry status: ask {}", evidence.registry_url);
    ExitCode::SUCCESS
}

fn print_codes(e: &PowerEvidence) {
    for (list, what) in [
        (&e.unmapped, "codes unknown to the table, giving nothing"),
        (&e.restricted, "codes with restrictions, giving nothing"),
    ] {
        if !list.is_empty() {
            println!("{what} ({}): {}", list.len(), list.join(", "));
        }
    }
    if e.text_powers {
        println!("text powers give nothing");
    }
}
