//! The journal's Merkle tree in a database (`merkle` table): the hashes of
//! perfect subtrees of at least 2^[`STORED_LEVEL`] entries, written in the
//! transaction of the append that completes them; smaller subtrees are
//! computed from the entries' digests when a proof needs them. The same
//! code serves SQLite and PostgreSQL through [`TreeRows`].

use super::StoreError;
use kabinet_core::journal::merkle::{
    leaf_hash, node_hash, perfect_hash, Frontier, Subtrees, STORED_LEVEL,
};
use kabinet_core::journal::{Broken, Digest, VerifyError};

/// What the tree needs of a database.
pub(crate) trait TreeRows {
    /// The chain digests of entries `first..=last`, in order.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn entry_hashes(&mut self, first: u64, last: u64) -> Result<Vec<Digest>, StoreError>;

    /// The stored hash of subtree `index` of `level`.
    ///
    /// # Errors
    /// When the database cannot be read.
    fn node(&mut self, level: u32, index: u64) -> Result<Option<Digest>, StoreError>;

    /// Stores the hash of subtree `index` of `level`.
    ///
    /// # Errors
    /// When the database cannot be written.
    fn put_node(&mut self, level: u32, index: u64, hash: &Digest) -> Result<(), StoreError>;
}

/// Entries per stored block (2^[`STORED_LEVEL`]).
const BLOCK: u64 = 1 << STORED_LEVEL;

/// After entries `first..=last` were inserted: stores the hash of every
/// perfect subtree they complete.
///
/// # Errors
/// When the database fails, or a lower subtree that must be there is not
/// ([`StoreError::Broken`] naming the tree).
pub(crate) fn add_completed(
    rows: &mut impl TreeRows,
    first: u64,
    last: u64,
) -> Result<(), StoreError> {
    let mut end = first.div_ceil(BLOCK).max(1) * BLOCK;
    while end <= last {
        let leaves: Vec<Digest> = rows
            .entry_hashes(end - BLOCK + 1, end)?
            .iter()
            .map(|h| leaf_hash(&h.0))
            .collect();
        if leaves.len() as u64 != BLOCK {
            return Err(missing(end, STORED_LEVEL));
        }
        let (mut level, mut index, mut hash) =
            (STORED_LEVEL, end / BLOCK - 1, perfect_hash(&leaves));
        rows.put_node(level, index, &hash)?;
        while index & 1 == 1 {
            let left = rows
                .node(level, index - 1)?
                .ok_or_else(|| missing(end, level))?;
            hash = node_hash(&left, &hash);
            level += 1;
            index /= 2;
            rows.put_node(level, index, &hash)?;
        }
        end += BLOCK;
    }
    Ok(())
}

fn missing(seq: u64, level: u32) -> StoreError {
    StoreError::Broken(VerifyError {
        seq,
        broken: Broken::TreeNode { level },
    })
}

/// Builds every stored subtree of a journal of `size` entries that has
/// none (a database from before the tree), reading the digests block by block.
///
/// # Errors
/// When the database fails.
pub(crate) fn backfill(rows: &mut impl TreeRows, size: u64) -> Result<(), StoreError> {
    let mut frontier = Frontier::new();
    let mut seq = 0u64;
    while seq < size {
        let last = (seq + BLOCK).min(size);
        let mut failed = None;
        for h in rows.entry_hashes(seq + 1, last)? {
            frontier.push(leaf_hash(&h.0), STORED_LEVEL, &mut |c| {
                if failed.is_none() {
                    failed = rows.put_node(c.level, c.index, &c.hash).err();
                }
            });
        }
        if let Some(e) = failed {
            return Err(e);
        }
        seq = last;
    }
    Ok(())
}

/// The tree of a database, for proofs: stored subtrees where there are
/// some, the entries' digests below.
pub(crate) struct StoredTree<'a, R: TreeRows>(pub(crate) &'a mut R);

impl<R: TreeRows> Subtrees for StoredTree<'_, R> {
    type Error = StoreError;

    fn perfect(&mut self, start: u64, size: u64) -> Result<Digest, StoreError> {
        if size >= BLOCK {
            let level = size.trailing_zeros();
            let index = start / size;
            return self
                .0
                .node(level, index)?
                .ok_or_else(|| missing(start + size, level));
        }
        let hashes = self.0.entry_hashes(start + 1, start + size)?;
        hash_of_entries(&hashes, start, size)
    }
}

/// The hash of the perfect subtree of the `size` entries after `start`,
/// given their chain digests; [`StoreError::Broken`] when fewer are there.
pub(crate) fn hash_of_entries(
    entry_hashes: &[Digest],
    start: u64,
    size: u64,
) -> Result<Digest, StoreError> {
    if entry_hashes.len() as u64 != size {
        return Err(StoreError::Broken(VerifyError {
            seq: start + entry_hashes.len() as u64 + 1,
            broken: Broken::Truncated {
                recorded: start + size,
            },
        }));
    }
    let leaves: Vec<Digest> = entry_hashes.iter().map(|h| leaf_hash(&h.0)).collect();
    Ok(perfect_hash(&leaves))
}

/// The tree of any [`Store`](super::Store), one subtree at a time.
pub struct StoreTree<'a>(pub &'a dyn super::Store);

impl Subtrees for StoreTree<'_> {
    type Error = StoreError;

    fn perfect(&mut self, start: u64, size: u64) -> Result<Digest, StoreError> {
        self.0.subtree(start, size)
    }
}

/// SQLite's tables as the tree's rows (a connection or a transaction).
#[cfg(feature = "sqlite")]
pub(crate) struct SqliteRows<'a>(pub(crate) &'a rusqlite::Connection);

#[cfg(feature = "sqlite")]
impl TreeRows for SqliteRows<'_> {
    fn entry_hashes(&mut self, first: u64, last: u64) -> Result<Vec<Digest>, StoreError> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT hash FROM journal WHERE seq BETWEEN ?1 AND ?2 ORDER BY seq")?;
        let rows = stmt.query_map(
            [super::rows::to_i64(first), super::rows::to_i64(last)],
            |r| r.get::<_, Vec<u8>>(0),
        )?;
        let mut out = Vec::new();
        for r in rows {
            out.push(super::rows::digest(&r?));
        }
        Ok(out)
    }

    fn node(&mut self, level: u32, index: u64) -> Result<Option<Digest>, StoreError> {
        use rusqlite::OptionalExtension;
        let found: Option<Vec<u8>> = self
            .0
            .prepare_cached("SELECT hash FROM merkle WHERE level = ?1 AND idx = ?2")?
            .query_row(rusqlite::params![level, super::rows::to_i64(index)], |r| {
                r.get(0)
            })
            .optional()?;
        Ok(found.map(|h| super::rows::digest(&h)))
    }

    fn put_node(&mut self, level: u32, index: u64, hash: &Digest) -> Result<(), StoreError> {
        self.0
            .prepare_cached("INSERT INTO merkle (level, idx, hash) VALUES (?1, ?2, ?3)")?
            .execute(rusqlite::params![
                level,
                super::rows::to_i64(index),
                hash.0.as_slice()
            ])?;
        Ok(())
    }
}

/// PostgreSQL's tables as the tree's rows (a client or a transaction).
#[cfg(feature = "postgres")]
pub(crate) struct PgRows<'a, C: postgres::GenericClient>(pub(crate) &'a mut C);

#[cfg(feature = "postgres")]
impl<C: postgres::GenericClient> TreeRows for PgRows<'_, C> {
    fn entry_hashes(&mut self, first: u64, last: u64) -> Result<Vec<Digest>, StoreError> {
        let rows = self.0.query(
            "SELECT hash FROM journal WHERE seq BETWEEN $1 AND $2 ORDER BY seq",
            &[&super::rows::to_i64(first), &super::rows::to_i64(last)],
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            out.push(super::rows::digest(&r.try_get::<_, Vec<u8>>(0)?));
        }
        Ok(out)
    }

    fn node(&mut self, level: u32, index: u64) -> Result<Option<Digest>, StoreError> {
        let row = self.0.query_opt(
            "SELECT hash FROM merkle WHERE level = $1 AND idx = $2",
            &[
                &i32::try_from(level).unwrap_or(i32::MAX),
                &super::rows::to_i64(index),
            ],
        )?;
        Ok(match row {
            Some(r) => Some(super::rows::digest(&r.try_get::<_, Vec<u8>>(0)?)),
            None => None,
        })
    }

    fn put_node(&mut self, level: u32, index: u64, hash: &Digest) -> Result<(), StoreError> {
        self.0.execute(
            "INSERT INTO merkle (level, idx, hash) VALUES ($1, $2, $3)",
            &[
                &i32::try_from(level).unwrap_or(i32::MAX),
                &super::rows::to_i64(index),
                &hash.0.as_slice(),
            ],
        )?;
        Ok(())
    }
}

/// The stored subtree hashes, by (level, index).
pub(crate) type Nodes = std::collections::HashMap<(u32, u64), Digest>;

/// Verifies stored entries, their Merkle tree against the stored subtree
/// hashes `nodes` (each must be the entries' own, and no other may be
/// stored), and the roots of checkpoints (`roots`, by increasing size).
///
/// # Errors
/// The first bad entry and why.
pub(crate) fn verify_stored(
    entries: impl IntoIterator<Item = kabinet_core::journal::StoredEntry>,
    recorded: Option<kabinet_core::journal::Head>,
    nodes: &Nodes,
    roots: &[(u64, Digest)],
) -> Result<(kabinet_core::journal::Head, Digest), VerifyError> {
    let mut node = |c: kabinet_core::journal::merkle::Completed| {
        nodes.get(&(c.level, c.index)) == Some(&c.hash)
    };
    let (head, root) = kabinet_core::journal::verify_tree(
        entries,
        recorded,
        kabinet_core::journal::TreeCheck {
            node: &mut node,
            roots,
        },
    )?;
    let expected = kabinet_core::journal::merkle::stored_node_count(head.seq);
    if nodes.len() as u64 != expected {
        // Subtrees beyond the journal: entries were cut off after the tree
        // was written.
        let level = nodes.keys().map(|(l, _)| *l).max().unwrap_or(STORED_LEVEL);
        return Err(VerifyError {
            seq: head.seq.saturating_add(1),
            broken: Broken::TreeNode { level },
        });
    }
    Ok((head, root))
}
