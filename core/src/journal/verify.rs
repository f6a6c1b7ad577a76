//! Verification of a stored chain: the first bad entry and why.

use super::{Digest, Head, Record};
use crate::coded::Coded;
use crate::directory::Actor;
use crate::ids::OrgId;
use crate::Timestamp;
use serde::Deserialize;

/// An entry as a store keeps it: its columns and its canonical bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEntry {
    /// The stored sequence number.
    pub seq: u64,
    /// The stored digest of the entry before.
    pub prev: Digest,
    /// The stored digest of this entry.
    pub hash: Digest,
    /// The stored canonical bytes of the record.
    pub body: Vec<u8>,
    /// The copies of the record's fields a store keeps for queries, when it
    /// keeps some: they must agree with the record, or a query could hide
    /// the entry.
    pub columns: Option<Columns>,
}

/// Copies of a record's fields that a store keeps beside it to answer queries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    /// The acting account; `None` for the portal itself.
    pub actor: Option<u64>,
    /// The organization.
    pub organization: Option<u64>,
    /// The time, in nanoseconds since the Unix epoch.
    pub at_ns: i64,
    /// The command's kind.
    pub kind: String,
}

impl Columns {
    /// The columns a record should have.
    pub fn of(record: &Record) -> Self {
        Self::from_parts(record.actor, record.organization, record.at, &record.kind)
    }

    fn from_parts(actor: Actor, organization: Option<OrgId>, at: Timestamp, kind: &str) -> Self {
        let ns = at.as_nanosecond();
        Self {
            actor: match actor {
                Actor::System => None,
                Actor::Account(a) => Some(a.0),
            },
            organization: organization.map(|o| o.0),
            at_ns: i64::try_from(ns).unwrap_or(if ns < 0 { i64::MIN } else { i64::MAX }),
            kind: kind.to_owned(),
        }
    }
}

/// The fields of a record that verification reads: decoding only these
/// (the rest is skipped, not built) keeps verification fast, while the
/// digest already guarantees the bytes are the ones written.
#[derive(Deserialize)]
struct Summary<'a> {
    at: Timestamp,
    actor: Actor,
    organization: Option<OrgId>,
    #[serde(borrow)]
    kind: std::borrow::Cow<'a, str>,
}

/// What is wrong with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Broken {
    /// The sequence number is not the next one: an entry was removed,
    /// inserted or moved.
    Sequence {
        /// The number found.
        found: u64,
    },
    /// The entry does not name the digest of the entry before it.
    Link,
    /// The entry's content does not match its digest: it was changed.
    Content,
    /// The content is not a journal record.
    Undecodable,
    /// The store's query columns disagree with the record: queries would
    /// misreport the entry.
    Columns,
    /// The journal ends before the recorded head: entries were cut off.
    Truncated {
        /// The last sequence number the store recorded.
        recorded: u64,
    },
    /// The last entry is not the recorded head.
    HeadMismatch,
}

/// The journal failed verification at `seq`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{}", Coded::message_en(self))]
pub struct VerifyError {
    /// The first bad sequence number (the position where it was expected).
    pub seq: u64,
    /// What is wrong there.
    pub broken: Broken,
}

impl Coded for VerifyError {
    fn code(&self) -> &'static str {
        match self.broken {
            Broken::Sequence { .. } => "journal.sequence",
            Broken::Link => "journal.link",
            Broken::Content => "journal.content",
            Broken::Undecodable => "journal.undecodable",
            Broken::Columns => "journal.columns",
            Broken::Truncated { .. } => "journal.truncated",
            Broken::HeadMismatch => "journal.head",
        }
    }

    fn message_ru(&self) -> String {
        let seq = self.seq;
        match self.broken {
            Broken::Sequence { found } => {
                format!("запись {seq}: вместо неё запись с номером {found} — записи удалены, вставлены или переставлены")
            }
            Broken::Link => format!("запись {seq} не ссылается на хеш предыдущей записи"),
            Broken::Content => format!("запись {seq} изменена: её содержимое не совпадает с хешем"),
            Broken::Undecodable => format!("запись {seq} не читается как запись журнала"),
            Broken::Columns => {
                format!("столбцы поиска записи {seq} не совпадают с её содержимым")
            }
            Broken::Truncated { recorded } => {
                format!("журнал обрывается перед записью {seq}, хотя записан до {recorded}")
            }
            Broken::HeadMismatch => {
                format!("последняя запись {seq} не совпадает с записанной вершиной журнала")
            }
        }
    }

    fn message_en(&self) -> String {
        let seq = self.seq;
        match self.broken {
            Broken::Sequence { found } => format!(
                "entry {seq}: found entry number {found} instead — entries were removed, inserted or reordered"
            ),
            Broken::Link => format!("entry {seq} does not name the digest of the entry before it"),
            Broken::Content => format!("entry {seq} was changed: its content does not match its digest"),
            Broken::Undecodable => format!("entry {seq} is not a journal record"),
            Broken::Columns => {
                format!("the query columns of entry {seq} disagree with its content")
            }
            Broken::Truncated { recorded } => {
                format!("the journal ends before entry {seq} although it was recorded up to {recorded}")
            }
            Broken::HeadMismatch => {
                format!("the last entry {seq} is not the recorded head of the journal")
            }
        }
    }
}

/// Walks stored entries in storage order and checks that they are numbered
/// 1, 2, 3…, that each names the digest of the one before, that each
/// content hashes to its digest and decodes as a record (its time, actor,
/// organization and kind; [`Record`] has the rest), that the
/// store's query columns (if any) agree with it, and — when the store
/// records its head — that the chain ends there.
///
/// # Errors
/// The first bad entry and why.
pub fn verify(
    entries: impl IntoIterator<Item = StoredEntry>,
    recorded_head: Option<Head>,
) -> Result<Head, VerifyError> {
    let mut head = Head::default();
    for e in entries {
        let seq = head.seq.saturating_add(1);
        let fail = |broken| Err(VerifyError { seq, broken });
        if e.seq != seq {
            return fail(Broken::Sequence { found: e.seq });
        }
        if e.prev != head.hash {
            return fail(Broken::Link);
        }
        if Digest::of_entry(e.seq, &e.prev, &e.body) != e.hash {
            return fail(Broken::Content);
        }
        let Ok(r) = serde_json::from_slice::<Summary<'_>>(&e.body) else {
            return fail(Broken::Undecodable);
        };
        let columns = || Columns::from_parts(r.actor, r.organization, r.at, &r.kind);
        if e.columns.as_ref().is_some_and(|c| *c != columns()) {
            return fail(Broken::Columns);
        }
        head = Head {
            seq: e.seq,
            hash: e.hash,
        };
    }
    match recorded_head {
        Some(r) if r.seq > head.seq => Err(VerifyError {
            seq: head.seq.saturating_add(1),
            broken: Broken::Truncated { recorded: r.seq },
        }),
        Some(r) if r != head => Err(VerifyError {
            seq: head.seq,
            broken: Broken::HeadMismatch,
        }),
        _ => Ok(head),
    }
}
