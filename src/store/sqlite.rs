//! The SQLite store: one file, WAL, durable commits, versioned schema.
//!
//! Tables (schema version 1):
//! - `journal(seq INTEGER PRIMARY KEY, at TEXT, at_ns INTEGER, actor
//!   INTEGER NULL, org INTEGER NULL, kind TEXT, result TEXT, body BLOB, prev
//!   BLOB, hash BLOB)` — `body` is the record's canonical bytes, the other
//!   columns are copies for queries; `actor` is NULL for the portal itself.
//! - `head(id = 1, seq, hash)` — the last entry, written in the same
//!   transaction, so verification notices entries cut off the end.
//! - `snapshots(seq INTEGER PRIMARY KEY, hash BLOB, version INTEGER, body
//!   BLOB)` — the directory as of entry `seq`, as JSON.
//!
//! The writer connection runs `journal_mode = WAL` and `synchronous = FULL`:
//! a commit returns only once the WAL is on disk. Readers use their own
//! connection and see the last committed state while the writer works.

use super::rows::{
    actor_column, decode, decode_checkpoint, decode_snapshot, decode_snapshot_body, digest,
    encode_checkpoint, encode_snapshot, nanos, next_in_chain, scan_query, to_i64, to_u64,
    StoredSnapshot,
};
use super::tree::{add_completed, backfill, verify_stored, Nodes, SqliteRows, StoredTree};
use super::wal_index::{WalIndex, WalIndexFile};
use super::{Loaded, SavedSnapshot, Store, StoreError};
use kabinet_core::directory::{DirectorySnapshot, SNAPSHOT_VERSION};
use kabinet_core::journal::checkpoint::SignedCheckpoint;
use kabinet_core::journal::merkle::Subtrees;
use kabinet_core::journal::{
    Columns, Digest, Entry, Filter, Head, Sealed, StoredEntry, VerifyError,
};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The schema migrations, in order; `PRAGMA user_version` counts those applied.
const MIGRATIONS: &[&str] = &[
    // 1: the journal, its head and snapshots.
    "CREATE TABLE journal (
        seq    INTEGER PRIMARY KEY,
        at     TEXT    NOT NULL,
        at_ns  INTEGER NOT NULL,
        actor  INTEGER,
        org    INTEGER,
        kind   TEXT    NOT NULL,
        result TEXT    NOT NULL,
        body   BLOB    NOT NULL,
        prev   BLOB    NOT NULL,
        hash   BLOB    NOT NULL
    );
    CREATE INDEX journal_actor ON journal (actor, seq);
    CREATE INDEX journal_org ON journal (org, seq);
    CREATE INDEX journal_at ON journal (at_ns);
    CREATE TABLE head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  INTEGER NOT NULL,
        hash BLOB    NOT NULL
    );
    CREATE TABLE snapshots (
        seq     INTEGER PRIMARY KEY,
        hash    BLOB    NOT NULL,
        version INTEGER NOT NULL,
        body    BLOB    NOT NULL
    );",
    // 2: the journal's Merkle tree (its stored subtrees) and signed checkpoints.
    "CREATE TABLE merkle (
        level INTEGER NOT NULL,
        idx   INTEGER NOT NULL,
        hash  BLOB    NOT NULL,
        PRIMARY KEY (level, idx)
    );
    CREATE TABLE checkpoints (
        size INTEGER PRIMARY KEY,
        body BLOB    NOT NULL
    );",
];

/// The migration after which the Merkle tree of a journal written before
/// it is built.
const TREE_MIGRATION: usize = 2;

/// How many snapshots to keep; older ones are deleted when a new one is saved.
const KEEP_SNAPSHOTS: i64 = 2;

/// A journal in an SQLite file.
#[derive(Debug)]
pub struct SqliteStore {
    // Declared first: dropped before the connections that keep its file open.
    wal_index: Option<WalIndex>,
    path: PathBuf,
    writer: Mutex<Connection>,
    reader: Mutex<Connection>,
    // Declared last: closed after the connections (a closed descriptor of
    // the wal-index would release SQLite's locks on it).
    _wal_index_file: Option<WalIndexFile>,
}

impl SqliteStore {
    /// Opens the database at `path`, creating it and migrating its schema
    /// to the current version.
    ///
    /// # Errors
    /// [`StoreError::Database`] when the file cannot be opened or migrated;
    /// [`StoreError::SchemaTooNew`] when a newer kabinet wrote it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref().to_path_buf();
        let mut writer = Connection::open(&path)?;
        writer.pragma_update(None, "journal_mode", "WAL")?;
        writer.pragma_update(None, "synchronous", "FULL")?;
        writer.busy_timeout(std::time::Duration::from_secs(5))?;
        migrate(&mut writer)?;
        let reader = Connection::open_with_flags(
            &path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        reader.busy_timeout(std::time::Duration::from_secs(5))?;
        // A read makes the reader attach to the wal-index before it is mapped.
        reader.query_row("PRAGMA data_version", [], |_| Ok(()))?;
        let (wal_index, wal_index_file) = WalIndex::open(&path);
        Ok(Self {
            wal_index,
            _wal_index_file: wal_index_file,
            path,
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
        })
    }

    /// Opens a database that must already hold a kabinet journal: nothing is
    /// created. A file in WAL mode without its `-wal` file beside it and
    /// without a journal is reported as such: the log that held its entries
    /// was not copied with it.
    ///
    /// # Errors
    /// [`StoreError::NotAJournal`] when the file holds no journal;
    /// otherwise as [`SqliteStore::open`].
    pub fn open_existing(path: impl AsRef<Path>) -> Result<Self, StoreError> {
        let path = path.as_ref();
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let wal = PathBuf::from(wal);
        // Looked at before opening: opening creates an empty log.
        let had_log = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
        let empty = std::fs::metadata(path).is_ok_and(|m| m.len() == 0);
        // Read through SQLite, never by opening the file: closing any
        // descriptor of it would release the POSIX locks that other handles
        // of this process hold on it.
        let probe = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
        let version: i64 = probe.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        let mode: String = probe.query_row("PRAGMA journal_mode", [], |r| r.get(0))?;
        drop(probe);
        // An empty file is what a database whose every page sits in its log leaves.
        let may_need_log = empty || mode.eq_ignore_ascii_case("wal");
        if version == 0 {
            return Err(StoreError::NotAJournal {
                path: path.display().to_string(),
                wal_missing: (may_need_log && !had_log).then(|| wal.display().to_string()),
            });
        }
        Self::open(path)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the database.
    ///
    /// # Errors
    /// [`StoreError::Database`] when it cannot be read.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .reader()
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// SQLite's own change counter: `data_version` changes whenever another
    /// connection commits; the reader never writes, so every commit, this
    /// store's too, changes it.
    fn data_version(&self) -> Result<u64, StoreError> {
        let conn = self.reader();
        let version: i64 = conn
            .prepare_cached("PRAGMA data_version")?
            .query_row([], |r| r.get(0))?;
        Ok(version as u64)
    }

    fn writer(&self) -> MutexGuard<'_, Connection> {
        // A connection stays usable after a panic elsewhere: SQLite rolls an
        // unfinished transaction back.
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn reader(&self) -> MutexGuard<'_, Connection> {
        self.reader.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn recorded_head(conn: &Connection) -> Result<Option<Head>, StoreError> {
        let row: Option<(i64, Vec<u8>)> = conn
            .prepare_cached("SELECT seq, hash FROM head WHERE id = 1")?
            .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.map(|(seq, hash)| Head {
            seq: u64::try_from(seq).unwrap_or(0),
            hash: Digest::from_slice(&hash).unwrap_or_default(),
        }))
    }

    /// The latest snapshot whose head is an entry of the journal.
    /// The latest snapshot whose head is an entry of the journal, with the
    /// size of its stored body.
    fn usable_snapshot(conn: &Connection) -> Result<Option<StoredSnapshot>, StoreError> {
        let mut stmt = conn.prepare(
            "SELECT s.seq, s.hash, s.body FROM snapshots s JOIN journal j
             ON j.seq = s.seq AND j.hash = s.hash
             WHERE s.version = ?1 ORDER BY s.seq DESC",
        )?;
        let mut rows = stmt.query([SNAPSHOT_VERSION])?;
        while let Some(row) = rows.next()? {
            let hash: Vec<u8> = row.get(1)?;
            let body: Vec<u8> = row.get(2)?;
            if let Some(found) = decode_snapshot(row.get(0)?, &hash, &body) {
                return Ok(Some((
                    found,
                    SavedSnapshot {
                        bytes: body.len() as u64,
                        digest: None, // hashed only when asked (`snapshot_digest`)
                    },
                )));
            }
        }
        Ok(None)
    }
}

impl SqliteStore {
    /// Folds the write-ahead log back into the database file and empties it
    /// (`wal_checkpoint(TRUNCATE)`), so that the file alone holds every
    /// committed entry. Done on demand and when the store is dropped.
    ///
    /// # Errors
    /// [`StoreError::Database`] when SQLite fails, or when readers kept part
    /// of the log in use (`busy`): then try again when they are done.
    pub fn checkpoint_wal(&self) -> Result<(), StoreError> {
        let conn = self.writer();
        let busy: i64 = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(StoreError::Database {
                message: "readers kept the write-ahead log in use; try again".into(),
            });
        }
        Ok(())
    }

    /// Copies the database, as of now, into a new self-contained file at
    /// `dest` (SQLite's online backup: writers may go on meanwhile).
    ///
    /// # Errors
    /// [`StoreError::Database`] when `dest` exists or the copy fails.
    pub fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Database {
                message: format!("{} exists: a backup never overwrites", dest.display()),
            });
        }
        let conn = self.reader();
        let mut target = Connection::open(dest)?;
        {
            let backup = rusqlite::backup::Backup::new(&conn, &mut target)?;
            backup.run_to_completion(1024, std::time::Duration::from_millis(0), None)?;
        }
        // The copy keeps the source's WAL mode; fold it so the file stands alone.
        target.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // The read-only connection cannot fold the log when it closes last;
        // the writer does it here, so the file alone holds everything.
        let _ = self.checkpoint_wal();
    }
}

fn migrate(conn: &mut Connection) -> Result<(), StoreError> {
    let supported = MIGRATIONS.len() as i64;
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > supported {
        return Err(StoreError::SchemaTooNew { found, supported });
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        let tx = conn.transaction()?;
        tx.execute_batch(sql)?;
        if i + 1 == TREE_MIGRATION {
            let size = SqliteStore::recorded_head(&tx)?.map_or(0, |h| h.seq);
            backfill(&mut SqliteRows(&tx), size)?;
        }
        tx.pragma_update(None, "user_version", i as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}

/// The columns of a row selected with every query column.
const WITH_COLUMNS: &str = "seq, prev, hash, body, actor, org, at_ns, at, kind, result";

/// Reads one `journal` row (seq, prev, hash, body and, when selected, the
/// query columns) into a stored entry.
fn stored(row: &rusqlite::Row<'_>) -> rusqlite::Result<StoredEntry> {
    let seq: i64 = row.get(0)?;
    let prev: Vec<u8> = row.get(1)?;
    let hash: Vec<u8> = row.get(2)?;
    Ok(StoredEntry {
        seq: u64::try_from(seq).unwrap_or(0),
        // A digest of the wrong length fails verification as a broken link
        // or content: the all-ones value is never a real SHA-256 here.
        prev: digest(&prev),
        hash: digest(&hash),
        body: row.get(3)?,
        columns: match row.as_ref().column_count() {
            10 => Some(Columns {
                actor: row.get::<_, Option<i64>>(4)?.map(|a| a as u64),
                organization: row.get::<_, Option<i64>>(5)?.map(|o| o as u64),
                at_ns: row.get(6)?,
                at: row.get(7)?,
                kind: row.get(8)?,
                result: row.get(9)?,
            }),
            _ => None,
        },
    })
}

/// The entries after `head`, each checked to continue the chain (sequence,
/// link, digest of its content).
fn tail_after(conn: &Connection, mut head: Head) -> Result<Vec<Entry>, StoreError> {
    let mut tail = Vec::new();
    let mut stmt = conn
        .prepare_cached("SELECT seq, prev, hash, body FROM journal WHERE seq > ?1 ORDER BY seq")?;
    let mut rows = stmt.query([to_i64(head.seq)])?;
    while let Some(row) = rows.next()? {
        let (entry, next) = next_in_chain(head, stored(row)?)?;
        head = next;
        tail.push(entry);
    }
    Ok(tail)
}

impl Store for SqliteStore {
    fn load(&self) -> Result<Loaded, StoreError> {
        let conn = self.reader();
        let tx = conn.unchecked_transaction()?;
        let (snapshot, saved) = Self::usable_snapshot(&tx)?.unzip();
        let head = snapshot.as_ref().map(|(h, _)| *h).unwrap_or_default();
        let tail = tail_after(&tx, head)?;
        tx.commit()?;
        Ok(Loaded {
            snapshot,
            tail,
            snapshot_bytes: saved.map_or(0, |s| s.bytes),
        })
    }

    fn change_token(&self) -> Result<u64, StoreError> {
        // The wal-index counters move with every commit before it returns:
        // they are the token themselves, read without a lock or a query.
        // Without a wal-index, SQLite is asked.
        match &self.wal_index {
            Some(index) => Ok(index.counter()),
            None => self.data_version(),
        }
    }

    fn schema_version(&self) -> Result<i64, StoreError> {
        SqliteStore::schema_version(self)
    }

    fn backup_to(&self, dest: &Path) -> Result<(), StoreError> {
        SqliteStore::backup_to(self, dest)
    }

    fn fold_log(&self) -> Result<(), StoreError> {
        self.checkpoint_wal()
    }

    fn entries_after(&self, head: Head) -> Result<Vec<Entry>, StoreError> {
        let conn = self.reader();
        let tx = conn.unchecked_transaction()?;
        let tail = tail_after(&tx, head)?;
        tx.commit()?;
        Ok(tail)
    }

    fn append(&self, expected: Head, entries: &[Sealed]) -> Result<(), StoreError> {
        let Some(last) = entries.last().map(|s| &s.entry) else {
            return Ok(());
        };
        let mut conn = self.writer();
        // IMMEDIATE: the write lock is taken before the head is read, so no
        // other writer can move it between the comparison and the commit.
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let found = Self::recorded_head(&tx)?.unwrap_or_default();
        if found != expected {
            return Err(StoreError::Conflict {
                expected: expected.seq,
                found: found.seq,
            });
        }
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO journal (seq, at, at_ns, actor, org, kind, result, body, prev, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            for Sealed { entry: e, body } in entries {
                let r = &e.record;
                let actor = actor_column(r.actor);
                insert.execute(params![
                    to_i64(e.seq),
                    r.at.to_string(),
                    nanos(r.at),
                    actor,
                    r.organization.map(|o| to_i64(o.0)),
                    r.kind,
                    r.outcome.code(),
                    body,
                    e.prev.0.as_slice(),
                    e.hash.0.as_slice(),
                ])?;
            }
        }
        let first = entries.first().map_or(last.seq, |s| s.entry.seq);
        add_completed(&mut SqliteRows(&tx), first, last.seq)?;
        tx.prepare_cached(
            "INSERT INTO head (id, seq, hash) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
        )?
        .execute(params![to_i64(last.seq), last.hash.0.as_slice()])?;
        tx.commit()?;
        Ok(())
    }

    fn save_snapshot(
        &self,
        head: Head,
        snapshot: &DirectorySnapshot,
    ) -> Result<SavedSnapshot, StoreError> {
        let body = encode_snapshot(snapshot)?;
        let mut conn = self.writer();
        let tx = conn.transaction()?;
        tx.execute(
            "INSERT OR REPLACE INTO snapshots (seq, hash, version, body) VALUES (?1, ?2, ?3, ?4)",
            params![
                to_i64(head.seq),
                head.hash.0.as_slice(),
                SNAPSHOT_VERSION,
                body
            ],
        )?;
        tx.execute(
            "DELETE FROM snapshots WHERE seq NOT IN
             (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT ?1)",
            [KEEP_SNAPSHOTS],
        )?;
        tx.commit()?;
        Ok(SavedSnapshot {
            bytes: body.len() as u64,
            digest: Some(Digest::sha256(&body)),
        })
    }

    fn scan(&self, filter: &Filter, each: &mut dyn FnMut(Entry) -> bool) -> Result<(), StoreError> {
        let conn = self.reader();
        let (sql, args) = scan_query(filter, |n| format!("?{n}"));
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            let entry = decode(stored(row)?)?;
            if filter.matches(&entry) && !each(entry) {
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
        let conn = self.reader();
        let tx = conn.unchecked_transaction()?;
        let recorded = Self::recorded_head(&tx)?;
        let mut nodes = Nodes::new();
        {
            let mut stmt = tx.prepare("SELECT level, idx, hash FROM merkle")?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let hash: Vec<u8> = row.get(2)?;
                nodes.insert((row.get(0)?, to_u64(row.get(1)?)), digest(&hash));
            }
        }
        let mut stmt = tx.prepare(&format!("SELECT {WITH_COLUMNS} FROM journal ORDER BY seq"))?;
        let mut rows = stmt.query([])?;
        let mut error = None;
        let mut count = 0u64;
        let iter = std::iter::from_fn(|| match rows.next() {
            Ok(Some(row)) => match stored(row) {
                Ok(s) => {
                    count += 1;
                    if count % 4096 == 0 {
                        progress(count);
                    }
                    Some(s)
                }
                Err(e) => {
                    error = Some(e);
                    None
                }
            },
            Ok(None) => None,
            Err(e) => {
                error = Some(e);
                None
            }
        });
        let result = verify_stored(iter, recorded, &nodes, roots);
        if let Some(e) = error {
            return Err(e.into());
        }
        progress(count);
        Ok(result)
    }

    fn entry_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .reader()
            .query_row("SELECT count(*) FROM journal", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn stored_snapshots(&self) -> Result<Vec<(u64, DirectorySnapshot)>, StoreError> {
        let conn = self.reader();
        let mut stmt = conn.prepare("SELECT seq, body FROM snapshots ORDER BY seq")?;
        let mut rows = stmt.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let seq: i64 = row.get(0)?;
            let body: Vec<u8> = row.get(1)?;
            out.push((to_u64(seq), decode_snapshot_body(seq, &body)?));
        }
        Ok(out)
    }

    fn snapshot_digest(&self, seq: u64) -> Result<Option<Digest>, StoreError> {
        let body: Option<Vec<u8>> = self
            .reader()
            .prepare_cached("SELECT body FROM snapshots WHERE seq = ?1")?
            .query_row([to_i64(seq)], |r| r.get(0))
            .optional()?;
        Ok(body.map(|b| Digest::sha256(&b)))
    }

    fn drop_snapshots(&self) -> Result<u64, StoreError> {
        Ok(self.writer().execute("DELETE FROM snapshots", [])? as u64)
    }

    fn save_checkpoint(&self, checkpoint: &SignedCheckpoint) -> Result<(), StoreError> {
        let body = encode_checkpoint(checkpoint)?;
        self.writer()
            .prepare_cached("INSERT OR REPLACE INTO checkpoints (size, body) VALUES (?1, ?2)")?
            .execute(params![to_i64(checkpoint.checkpoint.size), body])?;
        Ok(())
    }

    fn stored_checkpoint(&self, size: Option<u64>) -> Result<Option<SignedCheckpoint>, StoreError> {
        let conn = self.reader();
        let row: Option<(i64, Vec<u8>)> = match size {
            Some(n) => conn
                .prepare_cached("SELECT size, body FROM checkpoints WHERE size = ?1")?
                .query_row([to_i64(n)], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
            None => conn
                .prepare_cached("SELECT size, body FROM checkpoints ORDER BY size DESC LIMIT 1")?
                .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?,
        };
        row.map(|(n, body)| decode_checkpoint(n, &body)).transpose()
    }

    fn stored_entry(&self, seq: u64) -> Result<Option<StoredEntry>, StoreError> {
        Ok(self
            .reader()
            .prepare_cached("SELECT seq, prev, hash, body FROM journal WHERE seq = ?1")?
            .query_row([to_i64(seq)], stored)
            .optional()?)
    }

    fn subtree(&self, start: u64, size: u64) -> Result<Digest, StoreError> {
        let conn = self.reader();
        StoredTree(&mut SqliteRows(&conn)).perfect(start, size)
    }
}
