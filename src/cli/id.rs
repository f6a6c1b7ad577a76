//! `kabinet id …`: checking identifiers and requisites.
//!
//! `kabinet id check <kind> <value> [--bik <bik>] [--json]` checks one value
//! with [`kabinet::check_identifier`]. Exit 0 when it is valid, 1 when it is
//! not, 2 on a usage error (an unknown kind, `--bik` with a kind that does
//! not take one). Without `--json` one line is printed: the normalized value,
//! or `invalid <code>: <message in Russian> / <message in English>`. With
//! `--json` exactly one JSON object is printed:
//! `{"kind","value","valid","normalized","error":{"code","message_ru","message_en"}|null}`,
//! `normalized` being null when the value is invalid and `value` echoing the input.

use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand};
use kabinet::{check_identifier, CodedMessage, IdentifierKind};
use serde::Serialize;

/// Commands on identifiers.
#[derive(Debug, Subcommand)]
pub enum IdCommand {
    /// Check an identifier or requisite and print its normalized form.
    Check(CheckArgs),
}

/// Arguments of `kabinet id check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Which identifier the value is.
    #[arg(value_parser = kind_parser())]
    kind: IdentifierKind,
    /// The value to check (surrounding whitespace is ignored).
    #[arg(allow_hyphen_values = true)]
    value: String,
    /// The bank's БИК, required for `account` and `corr-account`.
    #[arg(long)]
    bik: Option<String>,
    /// Print one JSON object instead of a line of text.
    #[arg(long)]
    json: bool,
}

fn kind_parser() -> impl TypedValueParser<Value = IdentifierKind> {
    PossibleValuesParser::new(IdentifierKind::ALL.map(IdentifierKind::as_str))
        .try_map(|name| name.parse::<IdentifierKind>())
}

/// The JSON answer of `kabinet id check --json`.
#[derive(Debug, Serialize)]
struct CheckReport<'a> {
    kind: &'a str,
    value: &'a str,
    valid: bool,
    normalized: Option<String>,
    error: Option<CodedMessage>,
}

/// Runs an `id` command and returns the process exit code.
pub fn run(command: IdCommand) -> ExitCode {
    match command {
        IdCommand::Check(args) => check(&args),
    }
}

fn check(args: &CheckArgs) -> ExitCode {
    if args.bik.is_some() && !args.kind.needs_bik() {
        clap::Error::raw(
            clap::error::ErrorKind::ArgumentConflict,
            format!(
                "--bik applies only to account and corr-account, not to {}\n",
                args.kind
            ),
        )
        .exit();
    }
    let result = check_identifier(args.kind, &args.value, args.bik.as_deref());
    let valid = result.is_ok();
    let (normalized, error) = match result {
        Ok(normalized) => (Some(normalized), None),
        Err(error) => (None, Some(CodedMessage::of(&error))),
    };
    if args.json {
        let report = CheckReport {
            kind: args.kind.as_str(),
            value: &args.value,
            valid,
            normalized,
            error,
        };
        match serde_json::to_string(&report) {
            Ok(line) => println!("{line}"),
            Err(e) => return crate::fail("output.json", e),
        }
    } else if let Some(normalized) = normalized {
        println!("{normalized}");
    } else if let Some(e) = error {
        println!("invalid {}: {} / {}", e.code, e.message_ru, e.message_en);
    }
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
