//! Auditing the journal (RFC 9162 transparency): signed checkpoints,
//! verification against checkpoints kept elsewhere, inclusion and
//! consistency proofs, read from any [`Store`] (the functions here) or
//! from a handle's (the [`Kabinet`] methods of the same names).

use crate::store::tree::StoreTree;
use crate::store::{Store, StoreError};
use crate::Kabinet;
use kabinet_core::journal::checkpoint::{
    AuditError, CheckpointKey, InclusionProof, SignedCheckpoint,
};
use kabinet_core::journal::merkle::{self, ProofError};
use kabinet_core::journal::{Digest, Head, VerifyError};
use kabinet_core::Timestamp;

/// [`Kabinet::sign_checkpoint`] on a store.
///
/// # Errors
/// As [`Kabinet::sign_checkpoint`].
pub fn sign_checkpoint(
    store: &dyn Store,
    key: &CheckpointKey,
    at: Timestamp,
) -> Result<Result<SignedCheckpoint, VerifyError>, StoreError> {
    Ok(store.verify_against(&[], &mut |_| {})?.map(|(head, root)| {
        key.sign(kabinet_core::journal::checkpoint::Checkpoint {
            size: head.seq,
            root,
            head: head.hash,
            at,
        })
    }))
}

/// [`Kabinet::verify_against_checkpoints`] on a store.
///
/// # Errors
/// As [`Kabinet::verify_against_checkpoints`].
pub fn verify_against_checkpoints(
    store: &dyn Store,
    checkpoints: &[SignedCheckpoint],
    trusted: Option<&str>,
    progress: &mut dyn FnMut(u64),
) -> Result<Result<(Head, Digest), AuditError>, StoreError> {
    let mut roots = Vec::with_capacity(checkpoints.len());
    for c in checkpoints {
        match c.verify(trusted) {
            Ok(cp) => roots.push((cp.size, cp.root)),
            Err(e) => return Ok(Err(AuditError::Checkpoint(e))),
        }
    }
    roots.sort_unstable_by_key(|(size, _)| *size);
    roots.dedup();
    Ok(store
        .verify_against(&roots, progress)?
        .map_err(AuditError::Journal))
}

/// [`Kabinet::prove_entry`] on a store, in the tree of `size` entries.
///
/// # Errors
/// As [`Kabinet::prove_entry`].
pub fn prove_entry(
    store: &dyn Store,
    seq: u64,
    size: u64,
) -> Result<Result<InclusionProof, ProofError>, StoreError> {
    let Some(index) = seq.checked_sub(1).filter(|i| *i < size) else {
        return Ok(Err(ProofError::OutOfRange));
    };
    let Some(entry) = store.stored_entry(seq)? else {
        return Ok(Err(ProofError::OutOfRange));
    };
    let mut tree = StoreTree(store);
    let path = match merkle::inclusion_proof(&mut tree, index, size)? {
        Ok(p) => p,
        Err(e) => return Ok(Err(e)),
    };
    Ok(Ok(InclusionProof {
        seq,
        prev: entry.prev,
        hash: entry.hash,
        body: String::from_utf8_lossy(&entry.body).into_owned(),
        size,
        root: merkle::root(&mut tree, size)?,
        path,
    }))
}

impl Kabinet {
    /// Verifies the whole journal (chain, columns, stored tree) and signs a
    /// checkpoint of it as it is now, at `at`. What is signed is computed
    /// from the entries themselves, never from stored tree hashes, so a
    /// checkpoint never vouches for a journal that does not verify.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner error when
    /// the journal does not verify.
    pub fn sign_checkpoint(
        &self,
        key: &CheckpointKey,
        at: Timestamp,
    ) -> Result<Result<SignedCheckpoint, VerifyError>, StoreError> {
        sign_checkpoint(self.store(), key, at)
    }

    /// Verifies the whole journal and that it extends every checkpoint
    /// given (each signed by the key it names, or by `trusted` — a public
    /// key, hex — when given): a journal rewritten, cut or reordered
    /// anywhere a checkpoint covers fails. Returns the head and root now.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner error names
    /// the checkpoint or the entry that fails.
    pub fn verify_against_checkpoints(
        &self,
        checkpoints: &[SignedCheckpoint],
        trusted: Option<&str>,
    ) -> Result<Result<(Head, Digest), AuditError>, StoreError> {
        verify_against_checkpoints(self.store(), checkpoints, trusted, &mut |_| {})
    }

    /// The root of the journal's Merkle tree of its first `size` entries.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read or lacks them.
    pub fn journal_root(&self, size: u64) -> Result<Digest, StoreError> {
        merkle::root(&mut StoreTree(self.store()), size)
    }

    /// A proof that entry `seq` is in the journal of its first `size`
    /// entries (its current size when `None`).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner error when
    /// the entry is not in a tree of that size.
    pub fn prove_entry(
        &self,
        seq: u64,
        size: Option<u64>,
    ) -> Result<Result<InclusionProof, ProofError>, StoreError> {
        let size = size.unwrap_or_else(|| self.journal_head().seq);
        prove_entry(self.store(), seq, size)
    }

    /// A proof that the journal of `old` entries is a prefix of the journal
    /// of `new` entries (RFC 9162 §2.1.4).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner error when
    /// `old > new`.
    pub fn prove_extension(
        &self,
        old: u64,
        new: u64,
    ) -> Result<Result<Vec<Digest>, ProofError>, StoreError> {
        merkle::consistency_proof(&mut StoreTree(self.store()), old, new)
    }
}
