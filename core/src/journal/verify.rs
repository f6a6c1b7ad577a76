//! Verification of a stored chain: the first bad entry and why.

use super::merkle::{leaf_hash, Completed, Frontier, STORED_LEVEL};
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
    /// The time as text (RFC 3339).
    pub at: String,
    /// The command's kind.
    pub kind: String,
    /// What came of it: `applied` or the refusal's code.
    pub result: String,
}

impl Columns {
    /// The columns a record should have.
    pub fn of(record: &Record) -> Self {
        Self::from_parts(
            record.actor,
            record.organization,
            record.at,
            &record.kind,
            record.outcome.code(),
        )
    }

    fn from_parts(
        actor: Actor,
        organization: Option<OrgId>,
        at: Timestamp,
        kind: &str,
        result: &str,
    ) -> Self {
        let ns = at.as_nanosecond();
        Self {
            actor: match actor {
                Actor::System => None,
                Actor::Account(a) => Some(a.0),
            },
            organization: organization.map(|o| o.0),
            at_ns: i64::try_from(ns).unwrap_or(if ns < 0 { i64::MIN } else { i64::MAX }),
            at: at.to_string(),
            kind: kind.to_owned(),
            result: result.to_owned(),
        }
    }
}

impl Columns {
    /// Whether the columns are a record's (read as a [`Summary`]), compared
    /// without allocating; `at_text` is a scratch buffer.
    fn agree(&self, r: &Summary<'_>, at_text: &mut String) -> bool {
        use std::fmt::Write;
        let ns = r.at.as_nanosecond();
        let at_ns = i64::try_from(ns).unwrap_or(if ns < 0 { i64::MIN } else { i64::MAX });
        let actor = match r.actor {
            Actor::System => None,
            Actor::Account(a) => Some(a.0),
        };
        if self.actor != actor
            || self.organization != r.organization.map(|o| o.0)
            || self.at_ns != at_ns
            || self.kind != r.kind
            || self.result != r.outcome.code()
        {
            return false;
        }
        at_text.clear();
        write!(at_text, "{}", r.at).is_ok() && self.at == *at_text
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
    #[serde(borrow)]
    outcome: OutcomeSummary<'a>,
}

/// The outcome's result, without its events.
#[derive(Deserialize)]
struct OutcomeSummary<'a> {
    #[serde(borrow)]
    result: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    error: Option<ErrorCode<'a>>,
}

/// A refusal's code.
#[derive(Deserialize)]
struct ErrorCode<'a> {
    #[serde(borrow)]
    code: std::borrow::Cow<'a, str>,
}

impl OutcomeSummary<'_> {
    /// What [`super::Outcome::code`] says of the full outcome.
    fn code(&self) -> &str {
        match (&*self.result, &self.error) {
            ("applied", _) => "applied",
            (_, Some(e)) => &e.code,
            (other, None) => other,
        }
    }
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
    /// The store's copy of a subtree hash of the Merkle tree is missing or
    /// differs from the entries' (it would make proofs lie).
    TreeNode {
        /// The subtree's level (2^level entries).
        level: u32,
    },
    /// The snapshot stored at this entry is not the one the signed
    /// checkpoint of that entry vouches for: it was edited.
    Snapshot,
    /// The journal of this many entries does not have the root a signed
    /// checkpoint gives it: entries up to there were changed, removed or
    /// inserted since the checkpoint.
    Checkpoint {
        /// The checkpoint's size.
        size: u64,
    },
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
            Broken::TreeNode { .. } => "journal.tree_node",
            Broken::Snapshot => "journal.snapshot",
            Broken::Checkpoint { .. } => "journal.checkpoint_mismatch",
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
            Broken::Snapshot => format!(
                "снимок состояния на записи {seq} изменён: он не совпадает с подписанной контрольной точкой (восстановление: `kabinet db drop-snapshots`, затем журнал воспроизводится целиком)"
            ),
            Broken::TreeNode { level } => format!(
                "хеш поддерева дерева Меркла (уровень {level}), оканчивающегося записью {seq}, не совпадает с записями"
            ),
            Broken::Checkpoint { size } => format!(
                "журнал из {size} записей не совпадает с подписанной контрольной точкой: записи до {size} изменены, удалены или вставлены"
            ),
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
            Broken::Snapshot => format!(
                "the snapshot at entry {seq} was changed: it is not the one its signed checkpoint vouches for (recovery: `kabinet db drop-snapshots`, then the whole journal is replayed)"
            ),
            Broken::TreeNode { level } => format!(
                "the stored Merkle subtree hash (level {level}) ending at entry {seq} does not match the entries"
            ),
            Broken::Checkpoint { size } => format!(
                "the journal of {size} entries does not match the signed checkpoint: entries up to {size} were changed, removed or inserted"
            ),
        }
    }
}

/// What verification also checks of the Merkle tree over the entries.
pub struct TreeCheck<'a> {
    /// Told of every perfect subtree of at least 2^[`STORED_LEVEL`] entries
    /// as it completes; answers whether the store's copy is that hash.
    pub node: &'a mut dyn FnMut(Completed) -> bool,
    /// (size, root) pairs the journal must have had, in increasing size:
    /// the roots of checkpoints kept elsewhere.
    pub roots: &'a [(u64, Digest)],
}

/// Walks stored entries in storage order and checks that they are numbered
/// 1, 2, 3…, that each names the digest of the one before, that each
/// content hashes to its digest and decodes as a record (its time, actor,
/// organization, kind and result; [`Record`] has the rest), that the
/// store's query columns (if any) agree with it, and — when the store
/// records its head — that the chain ends there.
///
/// # Errors
/// The first bad entry and why.
pub fn verify(
    entries: impl IntoIterator<Item = StoredEntry>,
    recorded_head: Option<Head>,
) -> Result<Head, VerifyError> {
    let mut any = |_: Completed| true;
    verify_tree(
        entries,
        recorded_head,
        TreeCheck {
            node: &mut any,
            roots: &[],
        },
    )
    .map(|(head, _)| head)
}

/// [`verify`], and the Merkle tree: every stored subtree hash and every
/// root of `tree.roots` recomputed from the entries. Returns the head and
/// the root of the whole journal.
///
/// # Errors
/// The first bad entry and why.
pub fn verify_tree(
    entries: impl IntoIterator<Item = StoredEntry>,
    recorded_head: Option<Head>,
    tree: TreeCheck<'_>,
) -> Result<(Head, Digest), VerifyError> {
    let mut head = Head::default();
    let mut frontier = Frontier::new();
    // The text of each entry's time, written into one buffer.
    let mut at_text = String::with_capacity(40);
    let mut roots = tree.roots.iter().peekable();
    let mut bad_node = None;
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
        if let Some(c) = &e.columns {
            if !c.agree(&r, &mut at_text) {
                return fail(Broken::Columns);
            }
        }
        frontier.push(leaf_hash(&e.hash.0), STORED_LEVEL, &mut |c| {
            if bad_node.is_none() && !(tree.node)(c) {
                bad_node = Some(c.level);
            }
        });
        if let Some(level) = bad_node {
            return fail(Broken::TreeNode { level });
        }
        while let Some(&&(size, root)) = roots.peek() {
            if size > seq {
                break;
            }
            if size == seq && frontier.root() != root {
                return fail(Broken::Checkpoint { size });
            }
            roots.next();
        }
        head = Head {
            seq: e.seq,
            hash: e.hash,
        };
    }
    if let Some(&(size, _)) = roots.next() {
        if size > head.seq {
            return Err(VerifyError {
                seq: head.seq.saturating_add(1),
                broken: Broken::Checkpoint { size },
            });
        }
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
        _ => Ok((head, frontier.root())),
    }
}
