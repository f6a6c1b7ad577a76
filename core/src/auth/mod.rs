//! Authentication (DOMAIN §3): passwords, one-time codes, the login guard,
//! PINs of signature tokens, login methods and sessions.
//!
//! The core never sees a clock or a random source: times come in the
//! command's [`Context`](crate::Context) or as parameters, salts and codes
//! from the host's [`RandomSource`]. The host verifies what only it can
//! (a password against its stored hash with [`verify_password`], a TOTP with
//! [`Totp::verify`], a PIN on the token) and records the outcome with an
//! [`AuthCommand`]; the directory counts failures, blocks the account after
//! too many (reason `failed_logins`), limits recovery requests to three a
//! day, keeps only digests of codes, locks tokens after three wrong PINs,
//! and starts, times out and ends [`Session`]s.

mod apply;
mod codes;
mod command;
mod error;
mod execute;
mod method;
mod otp;
pub mod password;
mod pin;
mod policy;
mod random;
mod session;
mod state;
mod world;

pub(crate) use apply::{apply, apply_session};
pub use codes::{CodeChannel, CodeDigest, CodePurpose};
pub use command::{AuthCommand, AuthEvent};
pub use error::AuthError;
pub(crate) use execute::{execute, execute_session};
pub use method::LoginMethod;
pub use otp::{hotp, OtpAlgorithm, Totp};
pub use password::{
    hash_password, verify_password, HashScheme, PasswordPolicy, PasswordProblem, Verification,
};
pub use pin::check_pin_format;
pub use policy::AuthPolicy;
pub use random::{new_numeric_code, new_salt, RandomSource};
pub use session::{Session, SessionCommand, SessionEnd, SessionEvent, SessionId};
pub use state::{AccountAuth, AuthState, PendingCode, TokenPin};
pub(crate) use world::AuthWorld;
