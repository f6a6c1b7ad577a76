//! `kabinet mchd`: the FNS machine-readable power of attorney (EMCHD_1).
//!
//! - `show FILE.xml` reads the document and prints it (`--json`: the whole
//!   power, the form `export` takes back).
//! - `verify FILE.xml --sig FILE.sig --anchor …` checks the detached
//!   signature over the exact bytes, the signer against the principal, and
//!   the term at `--at`.
//! - `import FILE.xml --sig FILE.sig --classifier TABLE.json --db DB
//!   --anchor …` verifies the power and registers it as evidence
//!   (`mchd_import`).
//! - `export POWER.json` writes a power given as JSON (the form `show
//!   --json` prints) as EMCHD_1 XML, read back before it is printed.
//!
//! Exit codes: 0 read (show, export) or authentic and in force (verify);
//! 1 refused or, for verify, not authentic or not in force; 2 usage or
//! unreadable files.

use std::path::PathBuf;
use std::process::ExitCode;

use super::trust_args::TrustArgs;
use crate::{fail, fail_coded};
use clap::Subcommand;
use kabinet::bounded_read::{read_capped, read_der_or_pem};
use kabinet::cms::limits::MAX_MESSAGE_BYTES;
use kabinet::cms::CmsOptions;
use kabinet::delegation::fns_xml::{
    export_fns_power_json, parse_fns_power, verify_signed_power, FnsPowerOfAttorney, Party,
    Principal, SignedPowerReport, TermState, MAX_XML_BYTES,
};
use kabinet::Coded;

/// The commands of `kabinet mchd`.
#[derive(Debug, Subcommand)]
pub enum MchdCommand {
    /// Read a power of attorney (EMCHD_1 XML) and print what it says.
    Show {
        /// The file.
        file: PathBuf,
        /// Print the power as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Verify a power of attorney against its detached signature (.sig):
    /// signature, signer = the principal's executive, qualified certificate,
    /// and its term at --at.
    Verify {
        /// The XML file, exactly as signed.
        file: PathBuf,
        /// The detached CMS signature (DER or PEM).
        #[arg(long)]
        sig: PathBuf,
        #[command(flatten)]
        trust: TrustArgs,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Verify a power with its signature and register it in a database,
    /// its classifier codes read through a table of rights.
    Import(super::mchd_import::ImportArgs),
    /// Write a power given as JSON (the form of `show --json`) as EMCHD_1 XML.
    Export {
        /// The JSON file.
        file: PathBuf,
    },
}

/// Runs `kabinet mchd`.
pub fn run(command: MchdCommand) -> ExitCode {
    match command {
        MchdCommand::Show { file, json } => {
            let bytes = match read_capped(&file, MAX_XML_BYTES) {
                Ok(b) => b,
                Err(e) => return fail_coded(&e),
            };
            match parse_fns_power(&bytes) {
                Ok(power) if json => print_json(&power),
                Ok(power) => {
                    print_power(&power);
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
        MchdCommand::Verify {
            file,
            sig,
            trust,
            json,
        } => verify(&file, &sig, &trust, json),
        MchdCommand::Import(args) => super::mchd_import::run(&args),
        MchdCommand::Export { file } => {
            let text = match read_capped(&file, MAX_XML_BYTES) {
                Ok(b) => String::from_utf8_lossy(&b).into_owned(),
                Err(e) => return fail_coded(&e),
            };
            match export_fns_power_json(&text) {
                Ok(xml) => {
                    print!("{xml}");
                    ExitCode::SUCCESS
                }
                Err(e) => refused(&e),
            }
        }
    }
}

pub(super) fn refused(e: &impl Coded) -> ExitCode {
    eprintln!("error: {}: {}", e.code(), e.message_en());
    ExitCode::from(1)
}

pub(super) fn print_json(value: &impl serde::Serialize) -> ExitCode {
    match serde_json::to_string_pretty(value) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => fail("output.json", e),
    }
}

fn verify(
    file: &std::path::Path,
    sig: &std::path::Path,
    trust: &TrustArgs,
    json: bool,
) -> ExitCode {
    let report = match signed_report(file, sig, trust) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let usable = report.valid && report.term == TermState::InForce;
    if json {
        if print_json(&report) != ExitCode::SUCCESS {
            return ExitCode::from(2);
        }
    } else {
        print_report(&report);
    }
    ExitCode::from(u8::from(!usable))
}

/// Reads a power and its detached signature and verifies them at `--at`;
/// the exit code (after the error is printed) when that cannot be done.
pub(super) fn signed_report(
    file: &std::path::Path,
    sig: &std::path::Path,
    trust: &TrustArgs,
) -> Result<SignedPowerReport, ExitCode> {
    let at = trust.time().ok_or(ExitCode::from(2))?;
    let store = trust.store().map_err(|e| fail_coded(&e))?;
    let xml = read_capped(file, MAX_XML_BYTES).map_err(|e| fail_coded(&e))?;
    let signature = read_der_or_pem(sig, MAX_MESSAGE_BYTES).map_err(|e| fail_coded(&e))?;
    let mut options = CmsOptions::at(at);
    options.validation = trust.validation_options(at);
    verify_signed_power(&xml, &signature, &[], &store, &options).map_err(|e| refused(&e))
}

fn print_report(r: &SignedPowerReport) {
    println!(
        "{}",
        if r.valid {
            "authentic"
        } else {
            "not authentic"
        }
    );
    println!(
        "term: {} ({} – {}, at {})",
        match r.term {
            TermState::NotYetValid => "not yet valid",
            TermState::InForce => "in force",
            TermState::Expired => "expired",
        },
        r.valid_from,
        r.valid_until,
        r.verified_at
    );
    for p in &r.problems {
        println!("problem {}: {}", p.code, p.message_en);
    }
    for m in &r.signer.mismatches {
        println!("signer mismatch {}: {}", m.code, m.message_en);
    }
    for (i, s) in r.signature.signers.iter().enumerate() {
        println!(
            "signer {i}: {} — {}",
            if s.valid { "valid" } else { "invalid" },
            s.subject.as_deref().unwrap_or(&s.signer_id)
        );
        if let Some(t) = s.signing_time {
            println!("  signing time: {t}");
        }
        if let Some(c) = &s.certificate {
            println!("  qualified: {}", if c.qualified { "yes" } else { "no" });
            for p in &c.problems {
                println!("  certificate problem {}: {}", p.code, p.detail);
            }
            for w in &c.warnings {
                println!("  certificate warning {}: {}", w.code, w.detail);
            }
        }
        for p in &s.problems {
            println!("  problem {}: {}", p.code, p.detail);
        }
        for t in &s.timestamps {
            let time = t.time.map(|t| t.to_string()).unwrap_or_else(|| "?".into());
            println!(
                "  timestamp: {} at {time}",
                if t.valid { "valid" } else { "invalid" }
            );
            for p in &t.problems {
                println!("    problem {}: {}", p.code, p.detail);
            }
        }
    }
    print_power(&r.power);
}

fn print_power(p: &FnsPowerOfAttorney) {
    println!("number: {}", p.number);
    println!("internal number: {}", p.internal_number);
    println!(
        "issued: {}, valid through: {}",
        p.issued_on, p.valid_through
    );
    println!("revocable: {}", if p.irrevocable { "no" } else { "yes" });
    println!("re-delegation: {}", p.redelegation.as_str());
    for principal in &p.principals {
        println!("principal: {}", principal_line(principal));
        for s in principal.signatories() {
            println!("  may sign: {} {}", s.name.surname, s.name.given);
        }
    }
    for party in &p.representatives {
        println!("representative: {}", party_line(party));
    }
    if let Some(t) = &p.powers.text {
        println!("powers (text): {t}");
    }
    println!(
        "powers: {} classifier code(s){}",
        p.powers.codes.len(),
        if p.powers.joint {
            ", exercised jointly"
        } else {
            ""
        }
    );
    for c in &p.powers.codes {
        println!("  {} — {}", c.code, c.name);
        for r in &c.restrictions {
            println!("    restriction {} {}: {}", r.id, r.code, r.name);
        }
    }
    println!("registry status: {}", p.registry_url);
}

fn principal_line(p: &Principal) -> String {
    match p {
        Principal::RussianOrganization {
            organization: o, ..
        } => format!(
            "{} (ИНН {}, ОГРН {})",
            o.name,
            o.inn.as_ref().map_or("—", |i| i.as_str()),
            o.ogrn.as_ref().map_or("—", |g| g.as_str())
        ),
        Principal::ForeignOrganization {
            organization: o, ..
        } => format!("{} (foreign)", o.name),
        Principal::Entrepreneur(e) => format!(
            "ИП {} {} (ОГРНИП {})",
            e.name.surname,
            e.name.given,
            e.ogrnip.as_str()
        ),
        Principal::Individual(p) => format!("{} {}", p.name.surname, p.name.given),
    }
}

fn party_line(p: &Party) -> String {
    match p {
        Party::Organization {
            organization: o, ..
        }
        | Party::Branch { branch: o, .. } => o.name.clone(),
        Party::Entrepreneur(e) => format!("ИП {} {}", e.name.surname, e.name.given),
        Party::Person(p) => format!("{} {}", p.name.surname, p.name.given),
        Party::ForeignBranch { branch, .. } => branch.name.clone(),
    }
}
