//! The `kabinet` command-line tool: one subcommand group per area, each in
//! its own module (`id` for identifiers and requisites, `cert` for certificates;
//! `db`, `report` and `import` over a journal database).
//! its own module (`id` for identifiers and requisites, `auth` for passwords
//! and one-time passwords).
//!
//! Exit codes: 0 when the command succeeded (for checks: the value is
//! valid), 1 when a check found the value invalid, 2 for a usage error
//! (`cert check-signature` adds 3: unsupported algorithm).

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[cfg(feature = "sqlite")]
mod audit;
mod auth;
mod cert;
mod cms;
mod db;
mod id;
#[cfg(feature = "sqlite")]
mod import;
#[cfg(feature = "sqlite")]
mod report;
mod trust_args;

/// Access decisions of an organization's account on the state services portal.
#[derive(Debug, Parser)]
#[command(name = "kabinet", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// The command groups.
#[derive(Debug, Subcommand)]
enum Command {
    /// Identifiers and requisites: ИНН, ОГРН, КПП, СНИЛС, БИК, accounts, phone, email.
    #[command(subcommand)]
    Id(id::IdCommand),
    /// Certificates: verify a path, check a signature, show the holder.
    Cert(cert::Args),
    /// Signed messages (CMS): verify signers, signatures and certificates.
    Cms(cms::Args),
    /// A journal database: create, verify, export.
    #[cfg(feature = "sqlite")]
    #[command(subcommand)]
    Db(db::DbCommand),
    /// Reports over a database: the access review.
    #[cfg(feature = "sqlite")]
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Batch imports into a database: employees from an HR export.
    #[cfg(feature = "sqlite")]
    #[command(subcommand)]
    Import(import::ImportCommand),
    /// Passwords and one-time passwords: rules, hashes, TOTP codes.
    #[command(subcommand)]
    Auth(auth::AuthCommand),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Id(command) => id::run(command),
        Command::Cert(args) => cert::run(args),
        Command::Cms(args) => cms::run(args),
        #[cfg(feature = "sqlite")]
        Command::Db(command) => db::run(command),
        #[cfg(feature = "sqlite")]
        Command::Report(command) => report::run(command),
        #[cfg(feature = "sqlite")]
        Command::Import(command) => import::run(command),
        Command::Auth(command) => auth::run(command),
    }
}
