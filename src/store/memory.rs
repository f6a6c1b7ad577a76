//! The in-memory store: the journal and the latest snapshot in memory.

use super::{Loaded, SavedSnapshot, Store, StoreError};
use kabinet_core::directory::DirectorySnapshot;
use kabinet_core::journal::checkpoint::SignedCheckpoint;
use kabinet_core::journal::{
    verify_tree, Digest, Entry, Filter, Head, Journal, Sealed, StoredEntry, TreeCheck, VerifyError,
};
use std::sync::{Mutex, RwLock};

/// A store that keeps everything in memory; nothing survives the process.
#[derive(Debug, Default)]
pub struct MemoryStore {
    journal: RwLock<Journal>,
    snapshot: Mutex<Option<(Head, DirectorySnapshot)>>,
    checkpoints: Mutex<std::collections::BTreeMap<u64, SignedCheckpoint>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn journal(&self) -> std::sync::RwLockReadGuard<'_, Journal> {
        // Appending is one push: a panic cannot leave the journal half written.
        self.journal.read().unwrap_or_else(|p| p.into_inner())
    }
}

impl Store for MemoryStore {
    fn load(&self) -> Result<Loaded, StoreError> {
        let snapshot = self
            .snapshot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let after = snapshot.as_ref().map_or(0, |(h, _)| h.seq);
        let tail = self
            .journal()
            .entries()
            .iter()
            .filter(|e| e.seq > after)
            .cloned()
            .collect();
        Ok(Loaded {
            snapshot,
            tail,
            snapshot_bytes: 0,
        })
    }

    fn append(&self, expected: Head, entries: &[Sealed]) -> Result<(), StoreError> {
        let mut j = self.journal.write().unwrap_or_else(|p| p.into_inner());
        let found = j.entries().last().map(Head::of).unwrap_or_default();
        if found != expected {
            return Err(StoreError::Conflict {
                expected: expected.seq,
                found: found.seq,
            });
        }
        for e in entries {
            j.push(e.entry.clone());
        }
        Ok(())
    }

    fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(0) // nothing is stored: there is no schema
    }

    fn change_token(&self) -> Result<u64, StoreError> {
        Ok(self.journal().entries().len() as u64)
    }

    fn entries_after(&self, head: Head) -> Result<Vec<Entry>, StoreError> {
        let after: Vec<Entry> = self
            .journal()
            .entries()
            .iter()
            .filter(|e| e.seq > head.seq)
            .cloned()
            .collect();
        super::check_continues(head, after.iter().map(|e| (e.seq, e.prev, e.hash)))?;
        Ok(after)
    }

    fn save_snapshot(
        &self,
        head: Head,
        snapshot: &DirectorySnapshot,
    ) -> Result<SavedSnapshot, StoreError> {
        *self.snapshot.lock().unwrap_or_else(|p| p.into_inner()) = Some((head, snapshot.clone()));
        // Nothing is encoded: the snapshot is a copy in memory.
        Ok(SavedSnapshot::default())
    }

    fn scan(&self, filter: &Filter, each: &mut dyn FnMut(Entry) -> bool) -> Result<(), StoreError> {
        for e in self.journal().query(filter) {
            if !each(e.clone()) {
                break;
            }
        }
        Ok(())
    }

    fn verify_against(
        &self,
        roots: &[(u64, Digest)],
        progress: &mut dyn FnMut(u64),
    ) -> Result<Result<(Head, Digest), VerifyError>, StoreError> {
        let j = self.journal();
        let rows = j.entries().iter().map(|e| {
            progress(e.seq);
            StoredEntry {
                seq: e.seq,
                prev: e.prev,
                hash: e.hash,
                body: e.record.canonical(),
                columns: None,
            }
        });
        // Nothing is stored of the tree: every subtree is the entries' own.
        let mut any = |_| true;
        Ok(verify_tree(
            rows,
            None,
            TreeCheck {
                node: &mut any,
                roots,
            },
        ))
    }

    fn entry_count(&self) -> Result<u64, StoreError> {
        Ok(self.journal().entries().len() as u64)
    }

    fn stored_snapshots(&self) -> Result<Vec<(u64, DirectorySnapshot)>, StoreError> {
        let kept = self.snapshot.lock().unwrap_or_else(|p| p.into_inner());
        Ok(kept.iter().map(|(h, s)| (h.seq, s.clone())).collect())
    }

    fn snapshot_digest(&self, _seq: u64) -> Result<Option<Digest>, StoreError> {
        Ok(None) // nothing is encoded: the snapshot is a copy in memory
    }

    fn drop_snapshots(&self) -> Result<u64, StoreError> {
        let dropped = self
            .snapshot
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        Ok(u64::from(dropped.is_some()))
    }

    fn save_checkpoint(&self, checkpoint: &SignedCheckpoint) -> Result<(), StoreError> {
        self.checkpoints
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(checkpoint.checkpoint.size, checkpoint.clone());
        Ok(())
    }

    fn stored_checkpoint(&self, size: Option<u64>) -> Result<Option<SignedCheckpoint>, StoreError> {
        let all = self.checkpoints.lock().unwrap_or_else(|p| p.into_inner());
        Ok(match size {
            Some(n) => all.get(&n).cloned(),
            None => all.values().next_back().cloned(),
        })
    }

    fn stored_entry(&self, seq: u64) -> Result<Option<StoredEntry>, StoreError> {
        let j = self.journal();
        let found = seq
            .checked_sub(1)
            .and_then(|i| usize::try_from(i).ok())
            .and_then(|i| j.entries().get(i));
        Ok(found.map(|e| StoredEntry {
            seq: e.seq,
            prev: e.prev,
            hash: e.hash,
            body: e.record.canonical(),
            columns: None,
        }))
    }

    fn subtree(&self, start: u64, size: u64) -> Result<Digest, StoreError> {
        let hashes: Vec<Digest> = self
            .journal()
            .entries()
            .iter()
            .skip(usize::try_from(start).unwrap_or(usize::MAX))
            .take(usize::try_from(size).unwrap_or(usize::MAX))
            .map(|e| e.hash)
            .collect();
        super::tree::hash_of_entries(&hashes, start, size)
    }
}
