//! `kabinet report access`: the periodic access review of an organization
//! (DOMAIN §5) over a journal database.
//!
//! `kabinet report access --db <path> --org <id> [--format
//! json|csv|html|xlsx] [--lang ru|en] [--out FILE] [--unused-days 90]
//! [--at <time>]` lists every member with their standing, status, roles,
//! rights grouped by area and why each is held (head, role, grant, power of
//! attorney), when they last acted — "used" is the last journal entry of
//! that account, for any organization — and the powers of attorney and
//! certificates they hold; flags rights beyond roles, members unused for
//! `--unused-days`, powers and certificates ending within 30 days, and
//! dismissed members still holding a power; counts each flag; lists the
//! organization's powers about to expire (`review`).
//!
//! JSON carries the stable codes; the page (`html`), CSV and XLSX (`table`)
//! name everything in Russian by default, in English with `--lang en`.
//! XLSX is binary and is written to `--out`.
//!
//! Exit codes: 0 the report was written, 2 usage (missing database, unknown
//! organization, XLSX without `--out`, an unwritable file).

mod html;
mod labels;
mod review;
mod table;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use kabinet::{Kabinet, OrgId, Timestamp};
use labels::Lang;

/// Reports.
#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// The access review: who holds what and why, and what to look at.
    Access {
        /// The database file.
        #[arg(long)]
        db: PathBuf,
        /// The organization's number.
        #[arg(long)]
        org: u64,
        /// The output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// The language of the page and the tables.
        #[arg(long, value_enum, default_value_t = Lang::Ru)]
        lang: Lang,
        /// Write to this file instead of standard output (required for XLSX).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Accounts with no journal entry for this many days are flagged unused.
        #[arg(long, default_value_t = 90)]
        unused_days: u32,
        /// The time of the review (RFC 3339); now by default.
        #[arg(long)]
        at: Option<Timestamp>,
    },
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON document, with stable codes.
    Json,
    /// One line per member.
    Csv,
    /// A standalone page: summary, flags, sortable columns, printable.
    Html,
    /// An Excel workbook (with --out).
    Xlsx,
}

/// Runs a report.
pub fn run(command: ReportCommand) -> ExitCode {
    let ReportCommand::Access {
        db,
        org,
        format,
        lang,
        out,
        unused_days,
        at,
    } = command;
    if !db.is_file() {
        return crate::fail(
            "store.not_found",
            format!("no database at {}", db.display()),
        );
    }
    if format == Format::Xlsx && out.is_none() {
        return crate::fail(
            "report.usage",
            "an XLSX report is written to a file: give --out",
        );
    }
    let k = match Kabinet::open(&db) {
        Ok(k) => k,
        Err(e) => return crate::fail_coded(&e),
    };
    let at = at.unwrap_or_else(Kabinet::now);
    let review = match review::review(&k, OrgId(org), at, unused_days) {
        Ok(r) => r,
        Err(message) => return crate::fail("report.failed", message),
    };
    let bytes = match format {
        Format::Json => match serde_json::to_string_pretty(&review) {
            Ok(t) => t.into_bytes(),
            Err(e) => return crate::fail("output.json", e),
        },
        Format::Csv => table::csv(&review, lang).into_bytes(),
        Format::Html => html::html(&review, lang).into_bytes(),
        Format::Xlsx => match table::xlsx(&review, lang) {
            Ok(b) => b,
            Err(e) => return crate::fail("report.xlsx", e),
        },
    };
    match out {
        Some(path) => match std::fs::write(&path, &bytes) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => crate::fail("output.write", format!("{}: {e}", path.display())),
        },
        None => {
            println!("{}", String::from_utf8_lossy(&bytes).trim_end());
            ExitCode::SUCCESS
        }
    }
}
