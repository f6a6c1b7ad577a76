//! Learning of commits to an SQLite database in WAL mode in nanoseconds: the
//! wal-index header in the `-shm` file.
//!
//! Every connection to a database in WAL mode shares the wal-index, a file
//! (`<db>-shm`) that SQLite maps into memory. Its header (the
//! `WalIndexHdr` of SQLite's `wal.c`, two copies of 48 bytes at its start)
//! holds `iChange`, a counter incremented by every write transaction, and
//! `mxFrame`, the last valid frame of the log; the committing connection
//! writes both copies before its commit returns. Reading them from a
//! read-only mapping costs two loads and no lock, where asking SQLite
//! (`PRAGMA data_version`) costs about 2 µs: together they are the store's
//! change token. A value read while a commit is under way only makes the
//! handle look at the journal once more, never answer from a stale state.
//!
//! The mapping lives inside [`super::SqliteStore`], whose own connections
//! keep the file open: SQLite truncates the wal-index only when the first
//! connection of all opens it, which cannot happen while this store's
//! connections are open. It is unmapped before those connections close.
//!
//! The file descriptor it was mapped from is a trap: SQLite's locks on the
//! wal-index are POSIX advisory locks, which the kernel releases for the
//! whole process when *any* descriptor of the file is closed. Closing it
//! while the connections are open would let another process believe it is
//! the first, truncate the file under the mapping and crash this one with
//! SIGBUS. So the descriptor ([`WalIndexFile`]) is kept open until after the
//! connections have closed.
#![allow(unsafe_code)] // a read-only shared mapping and atomic loads from it

use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};

/// Bytes mapped: both copies of the header.
const HEADER_BYTES: usize = 96;
/// Offset of `iChange` in the first copy of the header.
const I_CHANGE: usize = 8;
/// Offset of `mxFrame` in the first copy of the header.
const MX_FRAME: usize = 16;

/// A read-only view of a database's wal-index header.
#[derive(Debug)]
pub(crate) struct WalIndex {
    map: memmap2::Mmap,
}

/// The open descriptor of the wal-index, to be closed only after SQLite's
/// connections (see the module documentation).
#[derive(Debug)]
pub(crate) struct WalIndexFile(#[allow(dead_code)] std::fs::File);

impl WalIndex {
    /// Maps the header of the wal-index of the database at `db`: the view
    /// (`None` when there is none to map: the database is not in WAL mode,
    /// or SQLite keeps its index in memory) and the descriptor, which must
    /// outlive the database's connections whenever it was opened.
    pub(crate) fn open(db: &Path) -> (Option<Self>, Option<WalIndexFile>) {
        let mut shm = db.as_os_str().to_owned();
        shm.push("-shm");
        let Ok(file) = std::fs::File::open(shm) else {
            return (None, None);
        };
        let long_enough = file
            .metadata()
            .is_ok_and(|m| m.len() >= HEADER_BYTES as u64);
        let map = if long_enough {
            // SAFETY: the mapping is read-only and shared; other processes
            // write the file concurrently, which is why it is only ever read
            // through atomic loads ([`Self::counter`]). It is not truncated
            // while mapped (see the module documentation).
            unsafe { memmap2::MmapOptions::new().len(HEADER_BYTES).map(&file) }.ok()
        } else {
            None
        };
        (map.map(|map| Self { map }), Some(WalIndexFile(file)))
    }

    fn load(&self, offset: usize) -> u32 {
        let Some(bytes) = self.map.get(offset..offset + 4) else {
            return 0;
        };
        // SAFETY: four mapped bytes at a 4-aligned offset of a page-aligned
        // mapping, valid as long as `self.map`; read atomically because
        // SQLite writes them from other connections and processes.
        let word = unsafe { &*bytes.as_ptr().cast::<AtomicU32>() };
        word.load(Ordering::Acquire)
    }

    /// A value that moves whenever a write transaction commits.
    pub(crate) fn counter(&self) -> u64 {
        (u64::from(self.load(I_CHANGE)) << 32) | u64::from(self.load(MX_FRAME))
    }
}
