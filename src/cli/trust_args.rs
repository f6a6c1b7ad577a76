//! The trust arguments `kabinet cert verify` and `kabinet cms verify` share:
//! anchors, intermediates, CRLs, the time and the revocation policy.

use clap::Args;
use kabinet::pki::{
    AnchorPolicy, ProfileStrictness, RevocationPolicy, TrustStore, ValidationOptions,
};
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
    /// How anchors are taken: checked as certificates (validity, basicConstraints,
    /// key usage, extensions), or by their name and key only, for trust lists
    /// whose roots predate the profile.
    #[arg(long, value_enum, default_value_t = AnchorPolicyArg::Certificate)]
    pub anchor_policy: AnchorPolicyArg,
    /// How strictly certificates must meet the RFC 5280 profile: every rule,
    /// or relaxed for PKIs older than it (key identifiers may be missing,
    /// policyConstraints may be non-critical).
    #[arg(long, value_enum, default_value_t = ProfileArg::Strict)]
    pub profile: ProfileArg,
}

/// The values of `--profile`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProfileArg {
    /// Every rule of the profile (the default).
    Strict,
    /// Without the key-identifier and policyConstraints-criticality rules.
    Relaxed,
}

/// The values of `--anchor-policy`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AnchorPolicyArg {
    /// Check anchors as certificates (the default).
    Certificate,
    /// Use only the anchor's name and key.
    NameAndKeyOnly,
}

impl TrustArgs {
    /// The time asked for, or now; `None` (after printing why) when it is not RFC 3339.
    pub fn time(&self) -> Option<Timestamp> {
        match self.at.as_deref().map(str::parse::<Timestamp>).transpose() {
            Ok(at) => Some(at.unwrap_or_else(Timestamp::now)),
            Err(e) => {
                eprintln!("error: usage.time: --at is not an RFC 3339 time: {e}");
                None
            }
        }
    }

    /// The trust store of the anchors, intermediates and CRLs.
    pub fn store(&self) -> Result<TrustStore, TrustFileError> {
        load_trust_store(&self.anchor, true, &self.intermediate, &self.crl)
    }

    /// The validation options at `at`: revocation and anchor policy as asked.
    pub fn validation_options(&self, at: Timestamp) -> ValidationOptions {
        let mut options = ValidationOptions::at(at);
        options.revocation = self.revocation();
        options.anchors = match self.anchor_policy {
            AnchorPolicyArg::Certificate => AnchorPolicy::Certificate,
            AnchorPolicyArg::NameAndKeyOnly => AnchorPolicy::NameAndKeyOnly,
        };
        options.profile = match self.profile {
            ProfileArg::Strict => ProfileStrictness::Strict,
            ProfileArg::Relaxed => ProfileStrictness::Relaxed,
        };
        options
    }

    /// Refuse unknown revocation status, unless allowed.
    fn revocation(&self) -> RevocationPolicy {
        if self.allow_unknown_revocation {
            RevocationPolicy::SoftFail
        } else {
            RevocationPolicy::Require
        }
    }
}
