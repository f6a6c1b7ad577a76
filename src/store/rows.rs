//! What every database store does with a journal row, whatever the
//! database: the values of its query columns, and reading a stored row back
//! into a checked entry.

use super::StoreError;
use kabinet_core::directory::Actor;
use kabinet_core::journal::{Broken, Digest, Entry, Head, Record, StoredEntry, VerifyError};

/// A sequence number or id as a database integer (they never reach `i64::MAX`).
pub(crate) fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A database integer back as a sequence number or id (a negative value,
/// which kabinet never writes, reads as 0 and then fails the chain).
pub(crate) fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// A time as nanoseconds since the epoch, clamped to the column's range.
pub(crate) fn nanos(at: kabinet_core::Timestamp) -> i64 {
    i64::try_from(at.as_nanosecond()).unwrap_or(if at.as_nanosecond() < 0 {
        i64::MIN
    } else {
        i64::MAX
    })
}

/// The `actor` column: NULL for the portal itself.
pub(crate) fn actor_column(actor: Actor) -> Option<i64> {
    match actor {
        Actor::System => None,
        Actor::Account(a) => Some(to_i64(a.0)),
    }
}

/// A stored digest; one of the wrong length fails verification as a broken
/// link or content (the all-ones value is never a real SHA-256 here).
pub(crate) fn digest(bytes: &[u8]) -> Digest {
    Digest::from_slice(bytes).unwrap_or(Digest([0xff; 32]))
}

/// Decodes a stored row's record.
///
/// # Errors
/// [`StoreError::Undecodable`] when its body is not a record.
pub(crate) fn decode(s: StoredEntry) -> Result<Entry, StoreError> {
    let record: Record = serde_json::from_slice(&s.body).map_err(|e| StoreError::Undecodable {
        seq: s.seq,
        message: e.to_string(),
    })?;
    Ok(Entry {
        seq: s.seq,
        prev: s.prev,
        hash: s.hash,
        record,
    })
}

/// Checks that a stored row continues the chain at `head` (sequence, link,
/// digest of its content) and decodes it; returns the entry and the new head.
///
/// # Errors
/// [`StoreError::Broken`] when it does not continue the chain;
/// [`StoreError::Undecodable`] when its body is not a record.
pub(crate) fn next_in_chain(head: Head, s: StoredEntry) -> Result<(Entry, Head), StoreError> {
    super::check_continues(head, [(s.seq, s.prev, s.hash)])?;
    if Digest::of_entry(s.seq, &s.prev, &s.body) != s.hash {
        return Err(StoreError::Broken(VerifyError {
            seq: s.seq,
            broken: Broken::Content,
        }));
    }
    let entry = decode(s)?;
    let head = Head::of(&entry);
    Ok((entry, head))
}
