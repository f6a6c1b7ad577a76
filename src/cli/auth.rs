//! `kabinet auth …`: passwords and one-time passwords.
//!
//! - `kabinet auth password-check <password> [--preset portal|nist] [--single-factor] [--json]`:
//!   every rule the password breaks; exit 0 when it is acceptable, 1 when not.
//! - `kabinet auth hash [--scheme argon2id|pbkdf2]`: reads a password from
//!   the first line of standard input (never from the command line, where
//!   other users see it) and prints its PHC string, salted from the system's
//!   random source.
//! - `kabinet auth verify <phc> [--scheme argon2id|pbkdf2]`: reads the
//!   password from standard input; prints `valid`, `valid needs_rehash` or
//!   `invalid`; exit 0 when it matched, 1 when not, 2 for a malformed hash.
//! - `kabinet auth totp <secret-hex> [--at <RFC 3339>] [--digits 6] [--algorithm sha1|sha256|sha512]`:
//!   the TOTP code (RFC 6238, 30-second steps) at a time (default now).

use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use kabinet::auth::{
    hash_password, new_salt, verify_password, HashScheme, OtpAlgorithm, PasswordPolicy, Totp,
};
use kabinet::{Coded, CodedMessage, Kabinet, SystemRandomSource, Timestamp};

/// Commands on passwords and one-time passwords.
#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Check a new password against a preset's rules.
    PasswordCheck {
        /// The password.
        #[arg(allow_hyphen_values = true)]
        password: String,
        /// The preset.
        #[arg(long, value_enum, default_value_t = Preset::Nist)]
        preset: Preset,
        /// The password is the only factor of the login.
        #[arg(long)]
        single_factor: bool,
        /// Print the problems as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Hash a password read from standard input into a PHC string.
    Hash {
        /// Print `{"phc": …}`.
        #[arg(long)]
        json: bool,
        /// The scheme (OWASP parameters).
        #[arg(long, value_enum, default_value_t = Scheme::Argon2id)]
        scheme: Scheme,
    },
    /// Verify a password read from standard input against a PHC string.
    Verify {
        /// Print `{"valid": …, "needs_rehash": …}`.
        #[arg(long)]
        json: bool,
        /// The stored PHC string.
        phc: String,
        /// The current scheme, to tell whether a re-hash is due.
        #[arg(long, value_enum, default_value_t = Scheme::Argon2id)]
        scheme: Scheme,
    },
    /// Print a TOTP code.
    Totp {
        /// Print `{"code": …, "at": …, "digits": …, "algorithm": …}`.
        #[arg(long)]
        json: bool,
        /// The shared secret, hexadecimal.
        secret_hex: String,
        /// The time (RFC 3339); now when absent.
        #[arg(long)]
        at: Option<Timestamp>,
        /// Digits of the code.
        #[arg(long, default_value_t = 6)]
        digits: u32,
        /// The HMAC hash.
        #[arg(long, value_enum, default_value_t = Algorithm::Sha1)]
        algorithm: Algorithm,
    },
}

/// Password presets.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Preset {
    /// The portal's guides.
    Portal,
    /// NIST SP 800-63B / OWASP ASVS 5.
    Nist,
}

/// Hash schemes with OWASP parameters.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Scheme {
    /// Argon2id, m = 19 MiB, t = 2, p = 1.
    Argon2id,
    /// PBKDF2-HMAC-SHA256, 600,000 iterations.
    Pbkdf2,
}

/// HMAC hashes of one-time passwords.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Algorithm {
    /// HMAC-SHA-1.
    Sha1,
    /// HMAC-SHA-256.
    Sha256,
    /// HMAC-SHA-512.
    Sha512,
}

fn scheme(s: Scheme) -> HashScheme {
    match s {
        Scheme::Argon2id => HashScheme::ARGON2ID_OWASP,
        Scheme::Pbkdf2 => HashScheme::PBKDF2_OWASP,
    }
}

/// The tool's one error format (`error: CODE: message`) with the exit code.
fn fail(e: &impl Coded, code: u8) -> ExitCode {
    crate::fail_coded(e);
    ExitCode::from(code)
}

/// Longest password line read from standard input: far past any password
/// policy (NIST asks to allow at least 64 characters).
const MAX_PASSWORD_LINE: usize = 4096;

fn read_password() -> Option<String> {
    let line = kabinet::bounded_read::read_line_capped(MAX_PASSWORD_LINE).ok()?;
    Some(line.trim_end_matches('\r').to_owned())
}

fn hex(s: &str) -> Option<Vec<u8>> {
    let s = s.trim();
    if s.len() % 2 != 0 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| s.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
        .collect()
}

/// Runs an `auth` command and returns the process exit code.
pub fn run(command: AuthCommand) -> ExitCode {
    match command {
        AuthCommand::PasswordCheck {
            password,
            preset,
            single_factor,
            json,
        } => {
            let policy = match preset {
                Preset::Portal => PasswordPolicy::portal(),
                Preset::Nist => PasswordPolicy::nist(),
            };
            let problems = policy.check(&password, single_factor);
            if json {
                let list: Vec<_> = problems.iter().map(CodedMessage::of).collect();
                println!("{}", serde_json::to_string(&list).unwrap_or_default());
            } else if problems.is_empty() {
                println!("ok");
            } else {
                for p in &problems {
                    println!("{}: {} / {}", p.code(), p.message_ru(), p.message_en());
                }
            }
            ExitCode::from(u8::from(!problems.is_empty()))
        }
        AuthCommand::Hash { scheme: s, json } => {
            let Some(password) = read_password() else {
                return ExitCode::from(2);
            };
            let salt = match new_salt(&SystemRandomSource::new()) {
                Ok(salt) => salt,
                Err(e) => return fail(&e, 2),
            };
            match hash_password(&password, &salt, &scheme(s)) {
                Ok(phc) if json => {
                    println!("{}", serde_json::json!({ "phc": phc }));
                    ExitCode::SUCCESS
                }
                Ok(phc) => {
                    println!("{phc}");
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, 2),
            }
        }
        AuthCommand::Verify {
            phc,
            scheme: s,
            json,
        } => {
            let Some(password) = read_password() else {
                return ExitCode::from(2);
            };
            match verify_password(&password, &phc, &scheme(s)) {
                Ok(v) => {
                    let (text, valid, rehash) = match v {
                        kabinet::auth::Verification::Valid => ("valid", true, false),
                        kabinet::auth::Verification::ValidNeedsRehash => {
                            ("valid needs_rehash", true, true)
                        }
                        kabinet::auth::Verification::Invalid => ("invalid", false, false),
                    };
                    if json {
                        println!(
                            "{}",
                            serde_json::json!({ "valid": valid, "needs_rehash": rehash })
                        );
                    } else {
                        println!("{text}");
                    }
                    ExitCode::from(u8::from(!valid))
                }
                Err(e) => fail(&e, 2),
            }
        }
        AuthCommand::Totp {
            secret_hex,
            at,
            digits,
            algorithm,
            json,
        } => {
            let Some(secret) = hex(&secret_hex) else {
                return crate::fail("auth.secret_not_hex", "the secret is not hexadecimal");
            };
            let totp = Totp {
                algorithm: match algorithm {
                    Algorithm::Sha1 => OtpAlgorithm::Sha1,
                    Algorithm::Sha256 => OtpAlgorithm::Sha256,
                    Algorithm::Sha512 => OtpAlgorithm::Sha512,
                },
                digits,
                ..Totp::default()
            };
            let at = at.unwrap_or_else(Kabinet::now);
            match totp.code(&secret, at) {
                Ok(code) => {
                    let code = format!("{code:0width$}", width = digits as usize);
                    if json {
                        let algorithm = format!("{algorithm:?}").to_lowercase();
                        println!(
                            "{}",
                            serde_json::json!({ "code": code, "at": at.to_string(), "digits": digits, "algorithm": algorithm })
                        );
                    } else {
                        println!("{code}");
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e, 2),
            }
        }
    }
}
