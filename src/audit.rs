//! Auditing the journal (RFC 9162 transparency): signed checkpoints,
//! verification against checkpoints kept elsewhere, inclusion and
//! consistency proofs, read from any [`Store`] (the functions here) or
//! from a handle's (the [`Kabinet`] methods of the same names).

use crate::store::tree::StoreTree;
use crate::store::{Store, StoreError};
use crate::Kabinet;
use kabinet_core::journal::checkpoint::{
    AuditError, CheckpointError, CheckpointKey, InclusionProof, SignedCheckpoint,
};
use kabinet_core::journal::merkle::{self, ProofError};
use kabinet_core::journal::{Digest, Head, VerifyError};
use kabinet_core::Timestamp;

/// A new Ed25519 checkpoint key, as PKCS#8 bytes (keep it outside the
/// database: whoever holds it can sign checkpoints).
///
/// # Errors
/// [`CheckpointError::BadKey`] when the system gives no randomness.
pub fn new_checkpoint_key() -> Result<Vec<u8>, CheckpointError> {
    let rng = ring::rand::SystemRandom::new();
    ring::signature::Ed25519KeyPair::generate_pkcs8(&rng)
        .map(|k| k.as_ref().to_vec())
        .map_err(|_| CheckpointError::BadKey)
}

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
            snapshot: None,
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
    // A tree larger than the journal has no root to prove anything in.
    if size != seq && store.stored_entry(size)?.is_none() {
        return Ok(Err(ProofError::OutOfRange));
    }
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

/// What opening may do with the latest stored snapshot of an audited
/// journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SnapshotUse {
    /// A checkpoint signed with the host's key vouches for it.
    Restore,
    /// Nothing vouches for it: the journal is replayed instead.
    Replay,
}

/// Checks an audited journal as it is opened, in O(log n) reads: the
/// latest stored checkpoint is signed with `key`, the journal still has
/// its last entry and its root (so nothing it covers was rewritten, cut or
/// reordered, even with the chain recomputed), and the snapshot about to be
/// restored is the one its checkpoint vouches for.
///
/// # Errors
/// [`StoreError::Checkpoint`] for a checkpoint not signed with the key;
/// [`StoreError::Broken`] naming the entry where the journal or the
/// snapshot departs from it.
pub(crate) fn check_opening(
    store: &dyn Store,
    key: &CheckpointKey,
    snapshot: Option<(u64, Option<Digest>)>,
) -> Result<SnapshotUse, StoreError> {
    let trusted = key.public_key();
    if let Some(latest) = store.stored_checkpoint(None)? {
        let cp = latest
            .verify(Some(&trusted))
            .map_err(StoreError::Checkpoint)?;
        let departs = || {
            StoreError::Broken(VerifyError {
                seq: cp.size,
                broken: kabinet_core::journal::Broken::Checkpoint { size: cp.size },
            })
        };
        if cp.size > 0 {
            let last = store.stored_entry(cp.size)?.ok_or_else(departs)?;
            if last.hash != cp.head {
                return Err(departs());
            }
        }
        match merkle::root(&mut StoreTree(store), cp.size) {
            Ok(root) if root == cp.root => {}
            Ok(_) | Err(StoreError::Broken(_)) => return Err(departs()),
            Err(e) => return Err(e),
        }
    }
    let Some((seq, digest)) = snapshot else {
        return Ok(SnapshotUse::Replay);
    };
    let Some(vouching) = store.stored_checkpoint(Some(seq))? else {
        return Ok(SnapshotUse::Replay);
    };
    let cp = vouching
        .verify(Some(&trusted))
        .map_err(StoreError::Checkpoint)?;
    match (cp.snapshot, digest) {
        (Some(signed), Some(stored)) if signed == stored => Ok(SnapshotUse::Restore),
        (Some(_), _) => Err(StoreError::Broken(VerifyError {
            seq,
            broken: kabinet_core::journal::Broken::Snapshot,
        })),
        (None, _) => Ok(SnapshotUse::Replay),
    }
}

/// Signs and stores the checkpoint of a snapshot just saved at `head`.
///
/// # Errors
/// [`StoreError`] when the tree cannot be read or the checkpoint written.
pub(crate) fn checkpoint_snapshot(
    store: &dyn Store,
    key: &CheckpointKey,
    head: Head,
    snapshot: Option<Digest>,
    at: Timestamp,
) -> Result<SignedCheckpoint, StoreError> {
    let root = merkle::root(&mut StoreTree(store), head.seq)?;
    let signed = key.sign(kabinet_core::journal::checkpoint::Checkpoint {
        size: head.seq,
        root,
        head: head.hash,
        at,
        snapshot,
    });
    store.save_checkpoint(&signed)?;
    Ok(signed)
}

/// Re-derives every stored snapshot by replaying the journal up to it and
/// compares: an edited snapshot (which opening without a checkpoint key
/// would restore) is named by its entry. `progress` is told how many
/// entries were replayed.
///
/// # Errors
/// [`StoreError`] when the store cannot be read; the inner error names the
/// first snapshot that is not the journal's state (`journal.snapshot`).
pub fn verify_snapshots(
    store: &dyn Store,
    policy: &kabinet_core::Policy,
    progress: &mut dyn FnMut(u64),
) -> Result<Result<usize, VerifyError>, StoreError> {
    let snapshots = store.stored_snapshots()?;
    let count = snapshots.len();
    let Some(last) = snapshots.last().map(|(seq, _)| *seq) else {
        return Ok(Ok(0));
    };
    let mut directory = kabinet_core::Directory::with_policy(policy.clone());
    let mut pending = snapshots.into_iter().peekable();
    let mut bad = None;
    // Snapshots at 0 (an empty journal) are compared before any entry.
    let mut compare = |directory: &kabinet_core::Directory, seq: u64, bad: &mut Option<u64>| {
        while let Some((at, snapshot)) = pending.next_if(|(at, _)| *at <= seq) {
            let restored = snapshot.with_policy(policy.clone()).restore();
            if bad.is_none() && (at < seq || restored.as_ref() != Ok(directory)) {
                *bad = Some(at);
            }
        }
    };
    compare(&directory, 0, &mut bad);
    store.scan(&kabinet_core::journal::Filter::all(), &mut |e| {
        kabinet_core::journal::replay(&mut directory, std::iter::once(&e));
        if e.seq % 4096 == 0 {
            progress(e.seq);
        }
        compare(&directory, e.seq, &mut bad);
        bad.is_none() && e.seq < last
    })?;
    compare(&directory, u64::MAX, &mut bad);
    Ok(match bad {
        Some(seq) => Err(VerifyError {
            seq,
            broken: kabinet_core::journal::Broken::Snapshot,
        }),
        None => Ok(count),
    })
}
