//! The `kabinet` command-line tool: one subcommand group per area, each in
//! its own module (`id` for identifiers and requisites, `auth` for passwords
//! and one-time passwords).
//!
//! Exit codes: 0 when the command succeeded (for checks: the value is
//! valid), 1 when a check found the value invalid, 2 for a usage error.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod auth;
mod id;

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
    /// Passwords and one-time passwords: rules, hashes, TOTP codes.
    #[command(subcommand)]
    Auth(auth::AuthCommand),
}

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Id(command) => id::run(command),
        Command::Auth(command) => auth::run(command),
    }
}
