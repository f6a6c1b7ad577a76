//! Storage: where the journal and the snapshots of the directory live.
//!
//! The journal is the source of truth; the directory is the fold of its
//! applied entries. A [`Store`] appends entries durably — every command is
//! one transaction — and keeps snapshots of the directory so that opening
//! restores the latest snapshot and replays only the entries after it.
//!
//! Three stores ship: [`MemoryStore`] (the default of
//! [`Kabinet::in_memory`](crate::Kabinet::in_memory)); with the `sqlite`
//! feature (on by default), [`SqliteStore`] — one file, WAL, `synchronous =
//! FULL`, versioned schema migrations; with the `postgres` feature,
//! `PostgresStore` — the same journal in a PostgreSQL database that several
//! machines share. [`open_store`] opens either by what it is given: a
//! `postgresql://` URL or a file.
//!
//! Many handles, in one process or several, may share one store. Each
//! learns cheaply whether anything was committed since it last looked
//! ([`Store::change_token`]) and catches up by applying the entries after
//! its head ([`Store::entries_after`]); an append is conditional on the head
//! it was decided against ([`Store::append`]), so two writers interleave into
//! one linear chain and a writer that lost the race catches up, decides
//! again and retries.

mod error;
mod location;
mod memory;
#[cfg(feature = "postgres")]
mod postgres;
#[cfg(any(feature = "sqlite", feature = "postgres"))]
mod rows;
#[cfg(feature = "sqlite")]
mod sqlite;
#[cfg_attr(not(any(feature = "sqlite", feature = "postgres")), allow(dead_code))]
pub mod tree;
#[cfg(feature = "sqlite")]
mod wal_index;

pub use error::{JournalError, StoreError};

use kabinet_core::journal::{Broken, Digest};

/// Checks that entries given as (seq, prev, hash) continue the chain from
/// `head`, one link after another (their contents are checked where they
/// are read).
///
/// # Errors
/// [`StoreError::Broken`] at the first entry that does not.
pub(crate) fn check_continues(
    head: Head,
    entries: impl IntoIterator<Item = (u64, Digest, Digest)>,
) -> Result<(), StoreError> {
    let mut at = head;
    for (seq, prev, hash) in entries {
        let expected = at.seq.saturating_add(1);
        let broken = if seq != expected {
            Some(Broken::Sequence { found: seq })
        } else if prev != at.hash {
            Some(Broken::Link)
        } else {
            None
        };
        if let Some(broken) = broken {
            return Err(StoreError::Broken(VerifyError {
                seq: expected,
                broken,
            }));
        }
        at = Head { seq, hash };
    }
    Ok(())
}
pub use location::{open_store, Opening};
pub use memory::MemoryStore;
#[cfg(feature = "postgres")]
pub use postgres::PostgresStore;
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteStore;

use kabinet_core::directory::DirectorySnapshot;
use kabinet_core::journal::checkpoint::SignedCheckpoint;
use kabinet_core::journal::{Entry, Filter, Head, Sealed, StoredEntry, VerifyError};

/// What a store hands back when it opens: the latest usable snapshot and
/// the entries after it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The snapshot and the head it was taken at, if any.
    pub snapshot: Option<(Head, DirectorySnapshot)>,
    /// The entries after the snapshot (or all of them), in order, checked.
    pub tail: Vec<Entry>,
    /// The size of the snapshot as stored, in bytes (0 without one, or for a
    /// store that does not encode it).
    pub snapshot_bytes: u64,
}

/// A snapshot as it was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SavedSnapshot {
    /// Its size in bytes (0 for a store that does not encode it).
    pub bytes: u64,
    /// Its SHA-256 (`None` for a store that does not encode it).
    pub digest: Option<Digest>,
}

/// Durable storage of the journal and snapshots.
///
/// Implementations are shared between threads: one writer at a time (the
/// [`Kabinet`](crate::Kabinet) handle serializes them), many readers.
pub trait Store: Send + Sync + std::fmt::Debug {
    /// The latest usable snapshot and the entries after it, each entry
    /// checked against the chain (sequence, link and digest).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read or the tail is broken.
    fn load(&self) -> Result<Loaded, StoreError>;

    /// Appends entries, in order, in one durable transaction, provided the
    /// store's head is still `expected` (the head they were decided
    /// against): when this returns `Ok` the entries survive a crash; when it
    /// fails none was written.
    ///
    /// # Errors
    /// [`StoreError::Conflict`] when another writer moved the head first;
    /// [`StoreError`] when the transaction did not commit.
    fn append(&self, expected: Head, entries: &[Sealed]) -> Result<(), StoreError>;

    /// A value that changes whenever anything is committed to the store, by
    /// any handle of any process; equal values mean nothing changed.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn change_token(&self) -> Result<u64, StoreError>;

    /// The entries after `head`, in order, each checked against the chain
    /// that continues from `head`.
    ///
    /// # Errors
    /// [`StoreError::Broken`] when they do not continue `head`'s chain;
    /// [`StoreError`] when the store cannot be read.
    fn entries_after(&self, head: Head) -> Result<Vec<Entry>, StoreError>;

    /// A value that changes soon after anything is committed, read without
    /// asking the database (a store that hears of commits by notification);
    /// `None` when the store has no such channel or it is down. A handle
    /// under bounded staleness catches up as soon as it changes.
    fn change_hint(&self) -> Option<u64> {
        None
    }

    /// The version of the store's schema (0 for a store without one).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn schema_version(&self) -> Result<i64, StoreError>;

    /// Copies the store, as of now, into one new self-contained file at
    /// `dest` (never over an existing one), while writers go on.
    ///
    /// # Errors
    /// [`StoreError::Unsupported`] for a store that has no file;
    /// [`StoreError`] when the copy fails.
    fn backup_to(&self, dest: &std::path::Path) -> Result<(), StoreError> {
        let _ = dest;
        Err(StoreError::Unsupported { what: "backup" })
    }

    /// Folds a write-ahead log into the store's file, so the file alone
    /// holds every committed entry (nothing to do for a store without one).
    ///
    /// # Errors
    /// [`StoreError`] when it cannot be done now.
    fn fold_log(&self) -> Result<(), StoreError> {
        Ok(())
    }

    /// Keeps a snapshot of the directory as of `head`; returns its size and
    /// digest as stored.
    ///
    /// # Errors
    /// [`StoreError`] when it could not be written.
    fn save_snapshot(
        &self,
        head: Head,
        snapshot: &DirectorySnapshot,
    ) -> Result<SavedSnapshot, StoreError>;

    /// Keeps a signed checkpoint (one per size; a later one of the same
    /// size replaces it).
    ///
    /// # Errors
    /// [`StoreError`] when it could not be written.
    fn save_checkpoint(&self, checkpoint: &SignedCheckpoint) -> Result<(), StoreError>;

    /// The stored checkpoint of the largest size, or of exactly `size`.
    /// A stored checkpoint that does not decode is reported, not skipped.
    ///
    /// # Errors
    /// [`StoreError::Undecodable`] for an unreadable one; [`StoreError`]
    /// when the store cannot be read.
    fn stored_checkpoint(&self, size: Option<u64>) -> Result<Option<SignedCheckpoint>, StoreError>;

    /// Calls `each` with every entry the filter selects, in order; stops
    /// early when `each` returns `false`.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read or an entry does not decode.
    fn scan(&self, filter: &Filter, each: &mut dyn FnMut(Entry) -> bool) -> Result<(), StoreError>;

    /// Verifies the whole stored chain; `progress` is told how many entries
    /// were checked so far.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner result is the
    /// verification's.
    fn verify(
        &self,
        progress: &mut dyn FnMut(u64),
    ) -> Result<Result<Head, VerifyError>, StoreError> {
        Ok(self.verify_against(&[], progress)?.map(|(head, _)| head))
    }

    /// Verifies the whole stored chain, every column, the stored Merkle
    /// tree, and that the journal had each of `roots` (size, root — from
    /// checkpoints kept elsewhere, by increasing size); returns the head and
    /// the root of the whole journal.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner result is the
    /// verification's.
    fn verify_against(
        &self,
        roots: &[(u64, Digest)],
        progress: &mut dyn FnMut(u64),
    ) -> Result<Result<(Head, Digest), VerifyError>, StoreError>;

    /// How many entries the journal holds.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn entry_count(&self) -> Result<u64, StoreError>;

    /// The hash of a perfect subtree of the journal's Merkle tree: the
    /// `size` entries (a power of two) after entry `start` (a multiple of
    /// `size`); see [`kabinet_core::journal::merkle`].
    ///
    /// # Errors
    /// [`StoreError::Broken`] when the journal or its stored tree lacks it;
    /// [`StoreError`] when the store cannot be read.
    fn subtree(&self, start: u64, size: u64) -> Result<Digest, StoreError>;

    /// Every stored snapshot, as (the entry it was taken at, the snapshot),
    /// in increasing order, whether or not opening would use it.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn stored_snapshots(&self) -> Result<Vec<(u64, DirectorySnapshot)>, StoreError>;

    /// The SHA-256 of the snapshot stored at entry `seq`, as stored (`None`
    /// when there is none, or for a store that does not encode it).
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn snapshot_digest(&self, seq: u64) -> Result<Option<Digest>, StoreError>;

    /// Deletes every stored snapshot (the recovery from `journal.snapshot`:
    /// the next opening replays the whole journal); returns how many.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be written.
    fn drop_snapshots(&self) -> Result<u64, StoreError>;

    /// Entry `seq` exactly as stored (unchecked), if there is one.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    fn stored_entry(&self, seq: u64) -> Result<Option<StoredEntry>, StoreError>;
}
