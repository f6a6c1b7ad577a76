//! The journal as a transparency log for Kotlin and Swift: checkpoint keys,
//! signed checkpoints, verification against checkpoints kept elsewhere,
//! entry proofs and their offline check. Checkpoints and proofs travel as
//! the JSON documents the CLI prints.

use crate::handle::Kabinet;
use crate::journal::{JournalBreak, JournalHead, JournalVerification};
use kabinet::ffi::{Area, KabinetError};
use kabinet::journal::checkpoint::{
    AuditError, CheckpointError, CheckpointKey, InclusionProof, SignedCheckpoint,
};
use kabinet::Coded;
use kabinet::Timestamp;

fn key(pkcs8: &[u8]) -> Result<CheckpointKey, KabinetError> {
    CheckpointKey::from_pkcs8(pkcs8).map_err(|e| KabinetError::coded(Area::Storage, &e))
}

fn document<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, KabinetError> {
    serde_json::from_str(json).map_err(|e| {
        KabinetError::coded(
            Area::Storage,
            &CheckpointError::Malformed {
                reason: e.to_string(),
            },
        )
    })
}

fn to_json(value: &impl serde::Serialize) -> Result<String, KabinetError> {
    serde_json::to_string(value).map_err(|e| {
        KabinetError::coded(
            Area::Storage,
            &CheckpointError::Malformed {
                reason: e.to_string(),
            },
        )
    })
}

/// A new Ed25519 checkpoint key as PKCS#8 bytes; keep it outside the
/// database.
///
/// # Errors
/// `Storage` (`checkpoint.bad_key`) when the system gives no randomness.
#[uniffi::export]
pub fn new_checkpoint_key() -> Result<Vec<u8>, KabinetError> {
    kabinet::audit::new_checkpoint_key().map_err(|e| KabinetError::coded(Area::Storage, &e))
}

/// The public key (hex) of a checkpoint key given as PKCS#8 bytes.
///
/// # Errors
/// `Storage` (`checkpoint.bad_key`) for a key that is not one.
#[uniffi::export]
pub fn checkpoint_public_key(key: Vec<u8>) -> Result<String, KabinetError> {
    Ok(self::key(&key)?.public_key())
}

/// Checks an entry's proof (JSON) without the journal and, given a
/// checkpoint (JSON), that it leads to that checkpoint's root, signed with
/// `trusted_key` (hex) when given.
///
/// # Errors
/// `Storage` with `proof.*` or `checkpoint.*`.
#[uniffi::export]
pub fn check_proof(
    proof: String,
    checkpoint: Option<String>,
    trusted_key: Option<String>,
) -> Result<(), KabinetError> {
    let proof: InclusionProof = document(&proof)?;
    proof
        .verify()
        .map_err(|e| KabinetError::coded(Area::Storage, &e))?;
    if let Some(c) = checkpoint {
        let signed: SignedCheckpoint = document(&c)?;
        let cp = signed
            .verify(trusted_key.as_deref())
            .map_err(|e| KabinetError::coded(Area::Storage, &e))?;
        if cp.size != proof.size || cp.root != proof.root {
            return Err(KabinetError::coded(
                Area::Storage,
                &kabinet::journal::merkle::ProofError::RootMismatch,
            ));
        }
    }
    Ok(())
}

#[uniffi::export]
impl Kabinet {
    /// Opens (or creates) an audited journal: `checkpoint_key` (PKCS#8,
    /// kept outside the database) signs a checkpoint with every snapshot,
    /// and opening refuses a journal or snapshot rewritten since the latest
    /// one.
    ///
    /// # Errors
    /// `Storage` with `store.*`, `journal.checkpoint_mismatch`,
    /// `journal.snapshot` or `checkpoint.*`.
    /// `policy_json` and `max_staleness_ms` as in [`Kabinet::open`].
    #[uniffi::constructor(default(policy_json = None, max_staleness_ms = None))]
    pub fn open_audited(
        path: String,
        checkpoint_key: Vec<u8>,
        policy_json: Option<String>,
        max_staleness_ms: Option<u64>,
    ) -> Result<Self, KabinetError> {
        let key = key(&checkpoint_key)?;
        let policy = crate::journal::policy(policy_json)?;
        let inner = kabinet::Kabinet::open_audited(path, policy, key)?;
        Ok(Self {
            inner: inner.freshness(kabinet::Freshness::within_millis(max_staleness_ms)),
        })
    }

    /// Verifies the whole journal and returns a checkpoint of it (JSON)
    /// signed with `key` at `at` (now by default).
    ///
    /// # Errors
    /// `Storage` when the store fails or the journal does not verify.
    pub fn sign_checkpoint(
        &self,
        key: Vec<u8>,
        at: Option<Timestamp>,
    ) -> Result<String, KabinetError> {
        let key = self::key(&key)?;
        let at = match at {
            Some(t) => t,
            None => kabinet::Kabinet::now(),
        };
        let signed = self
            .inner
            .sign_checkpoint(&key, at)?
            .map_err(|e| KabinetError::coded(Area::Storage, &e))?;
        to_json(&signed)
    }

    /// Verifies the whole journal and that it extends every checkpoint
    /// (JSON), each signed with `trusted_key` (hex) when given.
    ///
    /// # Errors
    /// `Storage` when the store fails or a checkpoint does not read.
    pub fn verify_against_checkpoints(
        &self,
        checkpoints: Vec<String>,
        trusted_key: Option<String>,
    ) -> Result<JournalVerification, KabinetError> {
        let checkpoints: Vec<SignedCheckpoint> = checkpoints
            .iter()
            .map(|c| document(c))
            .collect::<Result<_, _>>()?;
        Ok(
            match self
                .inner
                .verify_against_checkpoints(&checkpoints, trusted_key.as_deref())?
            {
                Ok((h, _)) => JournalVerification {
                    valid: true,
                    head: Some(JournalHead {
                        seq: h.seq,
                        hash: h.hash.to_string(),
                    }),
                    broken: None,
                },
                Err(e) => JournalVerification {
                    valid: false,
                    head: None,
                    broken: Some(JournalBreak {
                        seq: match &e {
                            AuditError::Journal(v) => v.seq,
                            _ => 0,
                        },
                        code: e.code().into(),
                        message_ru: e.message_ru(),
                        message_en: e.message_en(),
                    }),
                },
            },
        )
    }

    /// The proof (JSON) that entry `seq` is in the journal of `size`
    /// entries (its current size by default).
    ///
    /// # Errors
    /// `Storage` with `proof.out_of_range` or the store's error.
    pub fn prove_entry(&self, seq: u64, size: Option<u64>) -> Result<String, KabinetError> {
        let proof = self
            .inner
            .prove_entry(seq, size)?
            .map_err(|e| KabinetError::coded(Area::Storage, &e))?;
        to_json(&proof)
    }
}
