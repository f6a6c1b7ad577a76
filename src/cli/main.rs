//! The `kabinet` command-line tool.

use clap::{Parser, Subcommand};

mod cert;

/// kabinet: access decisions of an organization's account on the state services portal.
#[derive(Parser)]
#[command(name = "kabinet", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Certificates: verify a path, check a signature, show the holder.
    Cert(cert::Args),
}

fn main() {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Cert(args) => cert::run(args),
    };
    std::process::exit(code);
}
