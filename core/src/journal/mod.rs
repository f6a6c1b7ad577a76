//! The journal (журнал действий): every command with who, for which
//! organization, on which basis, from where, when and with what result —
//! refused attempts included — chained by SHA-256.
//!
//! An [`Entry`] is a [`Record`] with its sequence number (from 1), the digest
//! of the entry before it and its own digest (see [`digest`] for the
//! canonical encoding). [`Journal`] keeps entries in memory; the facade's
//! stores keep the same entries on disk. [`verify`] walks any sequence of
//! stored entries and names the first bad one; [`Filter`] selects entries by
//! actor, organization, kind and time; [`export`] writes CSV and JSON Lines.
//!
//! Replaying the events of the applied entries, in order, on an empty
//! directory rebuilds the directory ([`replay`]).

pub mod digest;
pub mod export;
mod query;
mod record;
mod verify;

pub use digest::Digest;
pub use query::Filter;
pub use record::{command_kind, Authority, Outcome, Record};
pub use verify::{verify, Broken, StoredEntry, VerifyError};

use crate::directory::Directory;
use serde::{Deserialize, Serialize};

/// One journal entry: a record in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The sequence number, from 1, without gaps.
    pub seq: u64,
    /// The digest of the entry before (zero for the first).
    pub prev: Digest,
    /// This entry's digest.
    pub hash: Digest,
    /// What it says.
    pub record: Record,
}

impl Entry {
    /// Chains a record after `(seq − 1, prev)`.
    pub fn chain(seq: u64, prev: Digest, record: Record) -> Self {
        let hash = Digest::of_entry(seq, &prev, &record.canonical());
        Self {
            seq,
            prev,
            hash,
            record,
        }
    }
}

/// The sequence number and digest of the last entry: where the next one chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Head {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last digest ([`Digest::ZERO`] for an empty journal).
    pub hash: Digest,
}

impl Head {
    /// The entry that follows this head.
    pub fn next(&self, record: Record) -> Entry {
        Entry::chain(self.seq.saturating_add(1), self.hash, record)
    }

    /// The head after `entry`.
    pub fn of(entry: &Entry) -> Self {
        Self {
            seq: entry.seq,
            hash: entry.hash,
        }
    }
}

/// A journal held in memory.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    entries: Vec<Entry>,
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a record; returns the new head.
    pub fn append(&mut self, record: Record) -> Head {
        let entry = self.head().next(record);
        let head = Head::of(&entry);
        self.entries.push(entry);
        head
    }

    /// Appends an entry already chained (as a store loads it).
    pub fn push(&mut self, entry: Entry) {
        self.entries.push(entry);
    }

    /// The last sequence number and digest.
    pub fn head(&self) -> Head {
        self.entries.last().map(Head::of).unwrap_or_default()
    }

    /// Every entry, in order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entries a filter selects, in order.
    pub fn query<'a>(&'a self, filter: &'a Filter) -> impl Iterator<Item = &'a Entry> + 'a {
        self.entries.iter().filter(move |e| filter.matches(e))
    }

    /// Checks the chain.
    ///
    /// # Errors
    /// The first bad entry and why.
    pub fn verify(&self) -> Result<Head, VerifyError> {
        verify(
            self.entries.iter().map(|e| StoredEntry {
                seq: e.seq,
                prev: e.prev,
                hash: e.hash,
                body: e.record.canonical(),
            }),
            None,
        )
    }
}

/// Applies the events of every applied entry, in order, to `directory`.
pub fn replay<'a>(directory: &mut Directory, entries: impl IntoIterator<Item = &'a Entry>) {
    for entry in entries {
        for event in entry.record.outcome.events() {
            directory.apply(event);
        }
    }
}
