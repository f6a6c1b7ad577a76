//! Signed checkpoints of the journal: its size, the root of its Merkle
//! tree, the chain digest of its last entry and a time, signed with a key
//! the host keeps outside the database (Ed25519 through `ring`).
//!
//! An auditor who keeps a checkpoint elsewhere later proves that the
//! journal still extends it ([`super::verify_tree`] with its root), so an
//! intruder with the database file can neither rewrite nor cut what the
//! checkpoint covers unseen. The signed bytes are the text of
//! [`Checkpoint::signed_text`], one field a line:
//!
//! ```text
//! kabinet journal checkpoint v1
//! size 1234
//! root <64 hex digits>
//! head <64 hex digits>
//! at 2026-12-04T16:00:00Z
//! snapshot <64 hex digits, or ->
//! ```
//!
//! A checkpoint a handle signs when it saves a snapshot also names the
//! SHA-256 of that snapshot as stored, so that opening can tell an edited
//! snapshot from the one the handle wrote.

use super::Digest;
use crate::coded::Coded;
use crate::pki::parse::hex;
use crate::Timestamp;
use ring::signature::{Ed25519KeyPair, KeyPair, UnparsedPublicKey, ED25519};
use serde::{Deserialize, Serialize};

/// The first line of the signed text.
const HEADER: &str = "kabinet journal checkpoint v1";

/// The signature algorithm of the checkpoints kabinet signs.
pub const ALGORITHM: &str = "ed25519";

/// Checkpoints signed by a host's GOST R 34.10-2012 key (with Streebog),
/// which kabinet verifies: the key is the hex of its DER
/// SubjectPublicKeyInfo, the signature the hex of its value as X.509 and
/// `openssl dgst -sign` carry it.
pub const GOST_256: &str = "gost3410-2012-256";

/// The 512-bit GOST R 34.10-2012 checkpoint signature ([`GOST_256`]).
pub const GOST_512: &str = "gost3410-2012-512";

/// What a checkpoint states of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checkpoint {
    /// How many entries.
    pub size: u64,
    /// The root of the Merkle tree of those entries.
    pub root: Digest,
    /// The chain digest of entry `size` ([`Digest::ZERO`] when empty).
    pub head: Digest,
    /// When it was signed.
    pub at: Timestamp,
    /// The SHA-256 of the snapshot stored at `size`, when one was saved
    /// with the checkpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<Digest>,
}

impl Checkpoint {
    /// The exact bytes signed.
    pub fn signed_text(&self) -> String {
        let snapshot = self
            .snapshot
            .map_or_else(|| "-".to_owned(), |d| d.to_string());
        format!(
            "{HEADER}\nsize {}\nroot {}\nhead {}\nat {}\nsnapshot {snapshot}\n",
            self.size, self.root, self.head, self.at
        )
    }
}

/// A checkpoint with its signature and the signer's public key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedCheckpoint {
    /// What is signed.
    #[serde(flatten)]
    pub checkpoint: Checkpoint,
    /// The signature algorithm: [`ALGORITHM`], [`GOST_256`] or [`GOST_512`].
    pub algorithm: String,
    /// The signer's public key, hex.
    pub key: String,
    /// The signature over [`Checkpoint::signed_text`], hex.
    pub signature: String,
}

/// Why a checkpoint or its key is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Coded::message_en(self))]
#[non_exhaustive]
pub enum CheckpointError {
    /// The signing key is not an Ed25519 key in PKCS#8.
    BadKey,
    /// The checkpoint is not readable as one.
    Malformed {
        /// What is wrong.
        reason: String,
    },
    /// The signature does not verify with the key it names.
    BadSignature,
    /// The checkpoint was signed with another key than the trusted one.
    UntrustedKey,
}

impl Coded for CheckpointError {
    fn code(&self) -> &'static str {
        match self {
            Self::BadKey => "checkpoint.bad_key",
            Self::Malformed { .. } => "checkpoint.malformed",
            Self::BadSignature => "checkpoint.bad_signature",
            Self::UntrustedKey => "checkpoint.untrusted_key",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::BadKey => {
                "ключ подписи контрольных точек не является ключом Ed25519 в PKCS#8".into()
            }
            Self::Malformed { reason } => format!("контрольная точка не читается: {reason}"),
            Self::BadSignature => "подпись контрольной точки не верна".into(),
            Self::UntrustedKey => {
                "контрольная точка подписана не тем ключом, которому доверяют".into()
            }
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::BadKey => "the checkpoint signing key is not an Ed25519 key in PKCS#8".into(),
            Self::Malformed { reason } => format!("the checkpoint cannot be read: {reason}"),
            Self::BadSignature => "the checkpoint's signature does not verify".into(),
            Self::UntrustedKey => "the checkpoint was signed with a key that is not trusted".into(),
        }
    }
}

/// The host's checkpoint signing key.
#[derive(Debug)]
pub struct CheckpointKey(Ed25519KeyPair);

impl CheckpointKey {
    /// Reads an Ed25519 key in PKCS#8 (v1 or v2, as `ring` and OpenSSL
    /// write it).
    ///
    /// # Errors
    /// [`CheckpointError::BadKey`] otherwise.
    pub fn from_pkcs8(der: &[u8]) -> Result<Self, CheckpointError> {
        Ed25519KeyPair::from_pkcs8_maybe_unchecked(der)
            .map(Self)
            .map_err(|_| CheckpointError::BadKey)
    }

    /// The public key, hex.
    pub fn public_key(&self) -> String {
        hex(self.0.public_key().as_ref())
    }

    /// Signs a checkpoint.
    pub fn sign(&self, checkpoint: Checkpoint) -> SignedCheckpoint {
        let signature = self.0.sign(checkpoint.signed_text().as_bytes());
        SignedCheckpoint {
            checkpoint,
            algorithm: ALGORITHM.into(),
            key: self.public_key(),
            signature: hex(signature.as_ref()),
        }
    }
}

impl SignedCheckpoint {
    /// Checks the signature with the key the checkpoint names and, when
    /// `trusted` (a public key, hex) is given, that it is that key.
    ///
    /// # Errors
    /// Why the checkpoint cannot be trusted.
    pub fn verify(&self, trusted: Option<&str>) -> Result<Checkpoint, CheckpointError> {
        if let Some(t) = trusted {
            if !t.eq_ignore_ascii_case(&self.key) {
                return Err(CheckpointError::UntrustedKey);
            }
        }
        let malformed = |what: &str| CheckpointError::Malformed {
            reason: format!("{what} is not hex"),
        };
        let key = unhex(&self.key).ok_or_else(|| malformed("the key"))?;
        let signature = unhex(&self.signature).ok_or_else(|| malformed("the signature"))?;
        let text = self.checkpoint.signed_text();
        let verified = match self.algorithm.as_str() {
            ALGORITHM => UnparsedPublicKey::new(&ED25519, key)
                .verify(text.as_bytes(), &signature)
                .is_ok(),
            GOST_256 | GOST_512 => {
                let oid = if self.algorithm == GOST_256 {
                    crate::gost::oids::SIGNATURE_256
                } else {
                    crate::gost::oids::SIGNATURE_512
                };
                crate::gost::verify_signature(&key, &oid, text.as_bytes(), &signature).is_ok()
            }
            other => {
                return Err(CheckpointError::Malformed {
                    reason: format!("unknown algorithm {other}"),
                })
            }
        };
        if !verified {
            return Err(CheckpointError::BadSignature);
        }
        Ok(self.checkpoint)
    }
}

fn unhex(s: &str) -> Option<Vec<u8>> {
    // An Ed25519 key is 32 bytes and its signature 64; a GOST
    // SubjectPublicKeyInfo under 200 and its signature 128.
    if s.len() % 2 != 0 || s.len() > 1024 {
        return None;
    }
    s.as_bytes()
        .chunks_exact(2)
        .map(|pair| {
            let text = std::str::from_utf8(pair).ok()?;
            u8::from_str_radix(text, 16).ok()
        })
        .collect()
}

/// Why a journal fails an audit against checkpoints.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", Coded::message_en(self))]
#[non_exhaustive]
pub enum AuditError {
    /// A checkpoint cannot be trusted.
    Checkpoint(CheckpointError),
    /// The journal is broken, or does not extend a checkpoint.
    Journal(super::VerifyError),
}

impl Coded for AuditError {
    fn code(&self) -> &'static str {
        match self {
            Self::Checkpoint(e) => e.code(),
            Self::Journal(e) => e.code(),
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Checkpoint(e) => e.message_ru(),
            Self::Journal(e) => e.message_ru(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::Checkpoint(e) => e.message_en(),
            Self::Journal(e) => e.message_en(),
        }
    }
}

/// A proof that one entry is in the journal of `size` entries whose tree
/// root is `root`: the entry as stored and its audit path. Anyone can check
/// it with [`InclusionProof::verify`] and compare `size` and `root` with a
/// checkpoint they trust, without the journal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionProof {
    /// The entry's number.
    pub seq: u64,
    /// The chain digest of the entry before it.
    pub prev: Digest,
    /// The entry's chain digest.
    pub hash: Digest,
    /// The entry's canonical body (its record as compact JSON).
    pub body: String,
    /// The size of the tree the proof is in.
    pub size: u64,
    /// That tree's root.
    pub root: Digest,
    /// The audit path, from the leaf up (RFC 9162 §2.1.3).
    pub path: Vec<Digest>,
}

impl InclusionProof {
    /// Checks that the body is the entry's, and the path leads from it to
    /// the root.
    ///
    /// # Errors
    /// [`super::merkle::ProofError::RootMismatch`] when the body does not
    /// hash to the entry's digest or the path does not lead to the root;
    /// the other [`super::merkle::ProofError`]s for a malformed proof.
    pub fn verify(&self) -> Result<(), super::merkle::ProofError> {
        if Digest::of_entry(self.seq, &self.prev, self.body.as_bytes()) != self.hash {
            return Err(super::merkle::ProofError::RootMismatch);
        }
        let index = self
            .seq
            .checked_sub(1)
            .ok_or(super::merkle::ProofError::OutOfRange)?;
        super::merkle::verify_inclusion(
            index,
            self.size,
            &super::merkle::leaf_hash(&self.hash.0),
            &self.path,
            &self.root,
        )
    }
}
