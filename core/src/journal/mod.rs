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
//!
//! The entries are also the leaves of a Merkle tree ([`merkle`], RFC 9162),
//! so that one entry can be proven to be in the journal, and a later
//! journal to extend an earlier one, without handing over the journal.

pub mod checkpoint;
pub mod digest;
pub mod export;
pub mod merkle;
mod query;
mod record;
mod verify;

pub use digest::Digest;
pub use query::Filter;
pub use record::{command_kind, Authority, Outcome, Record};
pub use verify::{verify, verify_tree, Broken, Columns, StoredEntry, TreeCheck, VerifyError};

use crate::directory::Directory;
use serde::{Deserialize, Serialize};

/// One journal entry: a record in the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
        Sealed::chain(seq, prev, record).entry
    }
}

/// An entry with its canonical body (see [`digest`]): what a store writes.
/// The record is encoded once, for its digest and for the stored row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sealed {
    /// The entry.
    pub entry: Entry,
    /// The record's canonical encoding, which the entry's digest covers.
    pub body: Vec<u8>,
}

impl Sealed {
    /// Chains a record after `(seq − 1, prev)`.
    pub fn chain(seq: u64, prev: Digest, record: Record) -> Self {
        let body = record.canonical();
        let hash = Digest::of_entry(seq, &prev, &body);
        Self {
            entry: Entry {
                seq,
                prev,
                hash,
                record,
            },
            body,
        }
    }
}

/// The sequence number and digest of the last entry: where the next one chains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last digest ([`Digest::ZERO`] for an empty journal).
    pub hash: Digest,
}

impl Head {
    /// The entry that follows this head.
    pub fn next(&self, record: Record) -> Entry {
        self.seal(record).entry
    }

    /// The entry that follows this head, with its canonical body.
    pub fn seal(&self, record: Record) -> Sealed {
        Sealed::chain(self.seq.saturating_add(1), self.hash, record)
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
                columns: None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::{Actor, Command, Context};
    use crate::employees::EmployeeCommand;
    use crate::ids::{AccountId, OrgId};
    use crate::Timestamp;

    fn record(dir: &Directory, command: Command, ctx: &Context) -> Record {
        let result = dir.execute(command.clone(), ctx);
        Record::of(dir, command, ctx, &result)
    }

    fn sample() -> Journal {
        let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
        let dir = Directory::new();
        let mut j = Journal::new();
        for i in 0..5u64 {
            let ctx = if i % 2 == 0 {
                Context::system(at)
            } else {
                Context::account(AccountId(i), at)
            };
            j.append(record(
                &dir,
                Command::Employees(EmployeeCommand::DismissEmployee {
                    org: OrgId(i),
                    account: AccountId(9),
                }),
                &ctx,
            ));
        }
        j
    }

    #[test]
    fn a_chain_verifies_and_a_change_is_named() {
        let mut j = sample();
        assert_eq!(j.verify().unwrap().seq, 5);
        assert_eq!(j.entries()[0].prev, Digest::ZERO);
        assert_eq!(j.entries()[3].prev, j.entries()[2].hash);
        j.entries[2].record.actor = Actor::Account(AccountId(42));
        let e = j.verify().unwrap_err();
        assert_eq!((e.seq, e.broken), (3, Broken::Content));
        assert!(e.to_string().starts_with("entry 3 was changed"));
    }

    #[test]
    fn refusals_are_recorded_with_their_code_and_organization() {
        let j = sample();
        let r = &j.entries()[1].record;
        assert!(r.refused());
        assert_eq!(r.kind, "dismiss_employee");
        assert_eq!(r.organization, Some(OrgId(1)));
        assert_eq!(r.outcome.code(), "access.denied");
        let Outcome::Refused { refusals, .. } = &r.outcome else {
            panic!("not refused")
        };
        let codes: Vec<&str> = refusals.iter().map(|m| m.code.as_str()).collect();
        assert_eq!(
            codes,
            [
                "access.account_unknown",
                "access.organization_unknown",
                "access.not_a_member"
            ]
        );
        assert!(r.outcome.events().is_empty());
    }

    #[test]
    fn filters_select_by_actor_organization_kind_and_time() {
        let j = sample();
        let count = |f: Filter| j.query(&f).count();
        assert_eq!(count(Filter::all()), 5);
        assert_eq!(
            count(Filter {
                actor: Some(Actor::System),
                ..Filter::default()
            }),
            3
        );
        assert_eq!(
            count(Filter {
                organization: Some(OrgId(4)),
                ..Filter::default()
            }),
            1
        );
        assert_eq!(
            count(Filter {
                kind: Some("dismiss_employee".into()),
                ..Filter::default()
            }),
            5
        );
        assert_eq!(
            count(Filter {
                kind: Some("role_assigned".into()),
                ..Filter::default()
            }),
            0
        );
        let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
        assert_eq!(
            count(Filter {
                from: Some(at),
                until: Some(at),
                ..Filter::default()
            }),
            0
        );
        assert_eq!(
            count(Filter {
                from: Some(at),
                ..Filter::default()
            }),
            5
        );
    }

    #[test]
    fn exports_hold_one_line_per_entry() {
        let j = sample();
        let row = export::csv_row(&j.entries()[1]);
        assert!(
            row.starts_with(
                "2,2026-03-02T09:00:00Z,1,1,,simple,,dismiss_employee,access.denied,access.account_unknown "
            ),
            "{row}"
        );
        assert_eq!(
            row.split(',').count(),
            export::CSV_HEADER.split(',').count()
        );
        let line = export::json_line(&j.entries()[1]);
        let back: Entry = serde_json::from_str(&line).unwrap();
        assert_eq!(back, j.entries()[1]);
    }
}
