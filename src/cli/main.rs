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

/// Every module's `println!`: std's panics when standard output is closed
/// (`kabinet … | head`) or full (exit 101 with a backtrace). Here a closed
/// pipe ends the program quietly with 0, as the reader asked for no more,
/// and any other write error (a full disk) with `error: output.write: …`
/// and exit code 2.
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::output::line(format_args!($($arg)*))
    };
}

/// Reports a failure on standard error in the tool's one format,
/// `error: CODE: message`, and gives the usage exit code (2).
fn fail(code: &str, message: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {code}: {message}");
    ExitCode::from(2)
}

/// [`fail`] with a library error's code and English message.
fn fail_coded(e: &impl kabinet::Coded) -> ExitCode {
    fail(e.code(), e.message_en())
}

mod output {
    //! Writing to standard output without panicking (see `println!`).

    use std::io::Write;

    /// Writes one line to standard output, or ends the program when it
    /// cannot be written.
    pub fn line(args: std::fmt::Arguments<'_>) {
        let mut out = std::io::stdout().lock();
        if let Err(e) = out.write_fmt(args).and_then(|()| out.write_all(b"\n")) {
            closed(&e);
        }
    }

    /// Ends the program after standard output failed.
    pub fn closed(e: &std::io::Error) -> ! {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: output.write: {e}");
        std::process::exit(2);
    }
}

#[cfg(feature = "sqlite")]
mod audit;
mod auth;
mod cert;
mod cms;
mod db;
mod id;
#[cfg(feature = "sqlite")]
mod import;
mod mchd;
mod mchd_import;
mod query;
#[cfg(feature = "sqlite")]
mod report;
mod trust_args;
mod xml;

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
    /// Powers of attorney of the FNS registry (EMCHD_1 XML): show, verify with the signature, import into a database, export.
    #[command(subcommand)]
    Mchd(mchd::MchdCommand),
    /// Signed XML documents (XML-DSig, СМЭВ 3): verify references, signatures and certificates.
    #[command(subcommand)]
    Xml(xml::XmlCommand),
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
        Command::Mchd(command) => mchd::run(command),
        Command::Xml(command) => xml::run(command),
        #[cfg(feature = "sqlite")]
        Command::Db(command) => db::run(command),
        #[cfg(feature = "sqlite")]
        Command::Report(command) => report::run(command),
        #[cfg(feature = "sqlite")]
        Command::Import(command) => import::run(command),
        Command::Auth(command) => auth::run(command),
    }
}
