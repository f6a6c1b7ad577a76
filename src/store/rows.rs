//! What every database store does with a journal row, whatever the
//! database: the values of its query columns, and reading a stored row back
//! into a checked entry.

use super::StoreError;
use kabinet_core::directory::{Actor, DirectorySnapshot};
use kabinet_core::journal::{
    Broken, Digest, Entry, Filter, Head, Record, StoredEntry, VerifyError,
};

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

/// The query of a journal scan: its SQL, ordered by sequence number, and its
/// arguments. `placeholder(n)` writes the database's n-th parameter (`?1`
/// for SQLite, `$1` for PostgreSQL). The columns narrow the rows; the
/// caller still checks each entry against the whole filter.
pub(crate) fn scan_query(filter: &Filter, placeholder: fn(usize) -> String) -> (String, Vec<i64>) {
    let mut sql = String::from("SELECT seq, prev, hash, body FROM journal WHERE 1 = 1");
    let mut args: Vec<i64> = Vec::new();
    let mut condition = |sql: &mut String, column: &str, op: &str, value: i64| {
        args.push(value);
        sql.push_str(&format!(" AND {column} {op} {}", placeholder(args.len())));
    };
    match filter.actor {
        Some(Actor::System) => sql.push_str(" AND actor IS NULL"),
        Some(Actor::Account(a)) => condition(&mut sql, "actor", "=", to_i64(a.0)),
        None => {}
    }
    if let Some(o) = filter.organization {
        condition(&mut sql, "org", "=", to_i64(o.0));
    }
    if let Some(t) = filter.from {
        condition(&mut sql, "at_ns", ">=", nanos(t));
    }
    if let Some(t) = filter.until {
        condition(&mut sql, "at_ns", "<", nanos(t));
    }
    sql.push_str(" ORDER BY seq");
    (sql, args)
}

/// A snapshot's stored body: the directory as compact JSON.
///
/// # Errors
/// [`StoreError::Undecodable`] when it cannot be serialized.
pub(crate) fn encode_snapshot(snapshot: &DirectorySnapshot) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(snapshot).map_err(|e| StoreError::Undecodable {
        seq: 0,
        message: e.to_string(),
    })
}

/// A usable stored snapshot: the head it was taken at, the directory, and
/// the size and digest of its stored body.
pub(crate) type StoredSnapshot = ((Head, DirectorySnapshot), super::SavedSnapshot);

/// A stored snapshot row read back: its head and directory, `None` when the
/// row is unreadable (it is then skipped: the journal still has everything).
pub(crate) fn decode_snapshot(
    seq: i64,
    hash: &[u8],
    body: &[u8],
) -> Option<(Head, DirectorySnapshot)> {
    let hash = Digest::from_slice(hash)?;
    let snapshot = serde_json::from_slice::<DirectorySnapshot>(body).ok()?;
    Some((
        Head {
            seq: to_u64(seq),
            hash,
        },
        snapshot,
    ))
}

/// A checkpoint's stored body: its JSON.
///
/// # Errors
/// [`StoreError::Undecodable`] when it cannot be serialized.
pub(crate) fn encode_checkpoint(
    c: &kabinet_core::journal::checkpoint::SignedCheckpoint,
) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(c).map_err(|e| StoreError::Undecodable {
        seq: c.checkpoint.size,
        message: e.to_string(),
    })
}

/// A stored checkpoint read back.
///
/// # Errors
/// [`StoreError::Undecodable`] naming its size when it does not decode.
pub(crate) fn decode_checkpoint(
    size: i64,
    body: &[u8],
) -> Result<kabinet_core::journal::checkpoint::SignedCheckpoint, StoreError> {
    serde_json::from_slice(body).map_err(|e| StoreError::Undecodable {
        seq: to_u64(size),
        message: format!("checkpoint: {e}"),
    })
}

/// A stored snapshot's body decoded, whatever its state.
///
/// # Errors
/// [`StoreError::Undecodable`] naming the snapshot's entry.
pub(crate) fn decode_snapshot_body(seq: i64, body: &[u8]) -> Result<DirectorySnapshot, StoreError> {
    serde_json::from_slice(body).map_err(|e| StoreError::Undecodable {
        seq: to_u64(seq),
        message: format!("snapshot: {e}"),
    })
}
