//! The trust arguments `kabinet cert verify` and `kabinet cms verify` share:
//! anchors, intermediates, CRLs, the time and the revocation policy.

use clap::Args;
use kabinet::pki::{RevocationPolicy, TrustStore};
use kabinet::trust_files::{load_trust_store, TrustFileError};
use kabinet::Timestamp;
use std::path::PathBuf;

/// Where trust comes from and when to judge it.
#[derive(Debug, Args)]
pub struct TrustArgs {
    /// Trust anchors (files or folders), treated as accredited certification authorities.
    #[arg(long, required = true, num_args = 1..)]
    pub anchor: Vec<PathBuf>,
    /// Untrusted intermediate certificates (files or folders).
    #[arg(long, num_args = 1..)]
    pub intermediate: Vec<PathBuf>,
    /// Certificate revocation lists (files or folders).
    #[arg(long, num_args = 1..)]
    pub crl: Vec<PathBuf>,
    /// The time of validation (RFC 3339); now by default.
    #[arg(long)]
    pub at: Option<String>,
    /// Accept a certificate whose revocation status is unknown (with a warning).
    #[arg(long)]
    pub allow_unknown_revocation: bool,
}

impl TrustArgs {
    /// The time asked for, or now; `None` (after printing why) when it is not RFC 3339.
    pub fn time(&self) -> Option<Timestamp> {
        match self.at.as_deref().map(str::parse::<Timestamp>).transpose() {
            Ok(at) => Some(at.unwrap_or_else(Timestamp::now)),
            Err(e) => {
                eprintln!("error: --at is not an RFC 3339 time: {e}");
                None
            }
        }
    }

    /// The trust store of the anchors, intermediates and CRLs.
    pub fn store(&self) -> Result<TrustStore, TrustFileError> {
        load_trust_store(&self.anchor, true, &self.intermediate, &self.crl)
    }

    /// Refuse unknown revocation status, unless allowed.
    pub fn revocation(&self) -> RevocationPolicy {
        if self.allow_unknown_revocation {
            RevocationPolicy::SoftFail
        } else {
            RevocationPolicy::Require
        }
    }
}
