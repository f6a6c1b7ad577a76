//! The PostgreSQL store: one journal shared by the machines of a cluster.
//!
//! The same tables as the SQLite store (schema version 1), in the database
//! and schema the connection URL names:
//! - `journal(seq BIGINT PRIMARY KEY, at TEXT, at_ns BIGINT, actor BIGINT
//!   NULL, org BIGINT NULL, kind TEXT, result TEXT, body BYTEA, prev BYTEA,
//!   hash BYTEA)` with indexes on `(actor, seq)`, `(org, seq)` and `at_ns`;
//! - `head(id = 1, seq, hash)`, written in the same transaction as the
//!   entries;
//! - `snapshots(seq, hash, version, body)`;
//! - `kabinet_schema(version)`: the migrations applied, under an advisory
//!   lock so that two processes opening a new database migrate it once.
//!
//! **What it relies on.** An append is one transaction at the default
//! `READ COMMITTED` level: `SELECT … FROM head … FOR UPDATE` takes the row
//! lock on the head (every writer takes it first, so writers queue there),
//! the head is compared with the one the command was decided against, the
//! entries and the new head are written and `pg_notify` announces the new
//! head, delivered at commit. A unique violation on `journal.seq` (two first
//! appends to an empty journal), a serialization failure or a deadlock is
//! reported as [`StoreError::Conflict`]: the handle waits a short random
//! pause, catches up, decides again and retries, which is also what a distributed database that runs
//! every transaction `SERIALIZABLE` (CockroachDB, YugabyteDB) needs when it
//! aborts one with SQLSTATE 40001. Reads are single statements, or one
//! `REPEATABLE READ READ ONLY` transaction where a snapshot and the entries
//! after it must agree. No other isolation level, extension or stored code
//! is needed.
//!
//! **Freshness.** [`Store::change_token`] asks the database for the head
//! (one round trip): an answer includes every command acknowledged before
//! the question, on any machine. The handle under bounded staleness asks at
//! most once per interval; between two asks, a listener connection
//! (`LISTEN kabinet_journal`) hears of new entries within milliseconds and
//! [`Store::change_hint`] reports them without a round trip.
//!
//! The connection is made without TLS: reach a remote server through a
//! local socket, a tunnel or a pooler that holds the TLS session.
//! Backups are the database's own (`pg_dump`, base backups and WAL
//! archiving): [`Store::backup_to`] is unsupported here.

use super::rows::{
    actor_column, decode, decode_checkpoint, decode_snapshot, decode_snapshot_body, digest,
    encode_checkpoint, encode_snapshot, nanos, next_in_chain, scan_query, to_i64, to_u64,
    StoredSnapshot,
};
use super::tree::{add_completed, backfill, verify_stored, Nodes, PgRows, StoredTree};
use super::{Loaded, SavedSnapshot, Store, StoreError};
use kabinet_core::directory::{DirectorySnapshot, SNAPSHOT_VERSION};
use kabinet_core::journal::checkpoint::SignedCheckpoint;
use kabinet_core::journal::merkle::Subtrees;
use kabinet_core::journal::{
    Columns, Digest, Entry, Filter, Head, Sealed, StoredEntry, VerifyError,
};
use postgres::error::SqlState;
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::ToSql;
use postgres::{Client, Config, IsolationLevel, NoTls};
use std::str::FromStr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

/// The schema migrations, in order; `kabinet_schema.version` counts those applied.
const MIGRATIONS: &[&str] = &[
    // 1: the journal, its head and snapshots.
    "CREATE TABLE journal (
        seq    BIGINT PRIMARY KEY,
        at     TEXT   NOT NULL,
        at_ns  BIGINT NOT NULL,
        actor  BIGINT,
        org    BIGINT,
        kind   TEXT   NOT NULL,
        result TEXT   NOT NULL,
        body   BYTEA  NOT NULL,
        prev   BYTEA  NOT NULL,
        hash   BYTEA  NOT NULL
    );
    CREATE INDEX journal_actor ON journal (actor, seq);
    CREATE INDEX journal_org ON journal (org, seq);
    CREATE INDEX journal_at ON journal (at_ns);
    CREATE TABLE head (
        id   INTEGER PRIMARY KEY CHECK (id = 1),
        seq  BIGINT NOT NULL,
        hash BYTEA  NOT NULL
    );
    CREATE TABLE snapshots (
        seq     BIGINT  PRIMARY KEY,
        hash    BYTEA   NOT NULL,
        version INTEGER NOT NULL,
        body    BYTEA   NOT NULL
    );",
    // 2: the journal's Merkle tree (its stored subtrees) and signed checkpoints.
    "CREATE TABLE merkle (
        level INTEGER NOT NULL,
        idx   BIGINT  NOT NULL,
        hash  BYTEA   NOT NULL,
        PRIMARY KEY (level, idx)
    );
    CREATE TABLE checkpoints (
        size BIGINT PRIMARY KEY,
        body BYTEA  NOT NULL
    );",
];

/// The migration after which the Merkle tree of a journal written before
/// it is built.
const TREE_MIGRATION: usize = 2;

/// The key of the advisory lock held while migrating ("kabinet" in ASCII).
const MIGRATION_LOCK: i64 = 0x006b_6162_696e_6574;

/// The notification channel a commit announces its new head on.
const CHANNEL: &str = "kabinet_journal";

/// How many snapshots to keep; older ones are deleted when a new one is saved.
const KEEP_SNAPSHOTS: i64 = 2;

/// How long a connection attempt may take when the URL does not say.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// A journal in a PostgreSQL database.
pub struct PostgresStore {
    writer: Mutex<Client>,
    reader: Mutex<Client>,
    listener: Listener,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The configuration is not shown: it may hold a password.
        f.debug_struct("PostgresStore").finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to the database `url` names (`postgresql://user@host/db`,
    /// libpq's URL form), creating the tables or migrating them to the
    /// current version.
    ///
    /// # Errors
    /// [`StoreError::Database`] when the URL is malformed, the server
    /// cannot be reached or the migration fails; [`StoreError::SchemaTooNew`]
    /// when a newer kabinet wrote the database.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        let store = Self::connect(url)?;
        migrate(&mut store.writer())?;
        Ok(store)
    }

    /// Connects to a database that must already hold a kabinet journal:
    /// nothing is created.
    ///
    /// # Errors
    /// [`StoreError::NotAJournal`] when it holds none; otherwise as
    /// [`PostgresStore::open`].
    pub fn open_existing(url: &str) -> Result<Self, StoreError> {
        let store = Self::connect(url)?;
        if store.schema_version()? == 0 {
            return Err(StoreError::NotAJournal {
                path: redacted(url),
                wal_missing: None,
            });
        }
        migrate(&mut store.writer())?;
        Ok(store)
    }

    fn connect(url: &str) -> Result<Self, StoreError> {
        let mut config = Config::from_str(url)?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let writer = config.connect(NoTls)?;
        let reader = config.connect(NoTls)?;
        let listener = Listener::start(config)?;
        Ok(Self {
            writer: Mutex::new(writer),
            reader: Mutex::new(reader),
            listener,
        })
    }

    /// The schema version of the database (0 when it holds no journal).
    ///
    /// # Errors
    /// [`StoreError::Database`] when it cannot be read.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        schema_version(&mut *self.reader())
    }

    fn writer(&self) -> MutexGuard<'_, Client> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn reader(&self) -> MutexGuard<'_, Client> {
        self.reader.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The URL without its password and parameters, for messages.
fn redacted(url: &str) -> String {
    let url = url.split('?').next().unwrap_or(url);
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let (head, rest) = url.split_at(scheme.saturating_add(3));
            let user_end = rest.find([':', '@']).unwrap_or(0);
            let user = rest.get(..user_end).unwrap_or("");
            let after = url.get(at..).unwrap_or("");
            format!("{head}{user}{after}")
        }
        _ => url.to_owned(),
    }
}

fn schema_version(conn: &mut impl postgres::GenericClient) -> Result<i64, StoreError> {
    let exists: bool = conn
        .query_one("SELECT to_regclass('kabinet_schema') IS NOT NULL", &[])?
        .try_get(0)?;
    if !exists {
        return Ok(0);
    }
    let row = conn.query_opt("SELECT version FROM kabinet_schema", &[])?;
    Ok(match row {
        Some(row) => i64::from(row.try_get::<_, i32>(0)?),
        None => 0,
    })
}

fn migrate(conn: &mut Client) -> Result<(), StoreError> {
    let supported = MIGRATIONS.len() as i64;
    let mut tx = conn.transaction()?;
    // Two processes opening a new database: the second waits here, then
    // finds the migrations applied.
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS kabinet_schema (version INTEGER NOT NULL)")?;
    let found = schema_version(&mut tx)?;
    if found > supported {
        return Err(StoreError::SchemaTooNew { found, supported });
    }
    for (i, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .skip(usize::try_from(found).unwrap_or(0))
    {
        tx.batch_execute(sql)?;
        if i + 1 == TREE_MIGRATION {
            let size = recorded_head(&mut tx, false)?.map_or(0, |h| h.seq);
            backfill(&mut PgRows(&mut tx), size)?;
        }
    }
    if found < supported {
        let version = i32::try_from(supported).unwrap_or(i32::MAX);
        tx.execute("DELETE FROM kabinet_schema", &[])?;
        tx.execute(
            "INSERT INTO kabinet_schema (version) VALUES ($1)",
            &[&version],
        )?;
    }
    tx.commit()?;
    Ok(())
}

fn recorded_head(
    conn: &mut impl postgres::GenericClient,
    lock: bool,
) -> Result<Option<Head>, StoreError> {
    let sql = if lock {
        "SELECT seq, hash FROM head WHERE id = 1 FOR UPDATE"
    } else {
        "SELECT seq, hash FROM head WHERE id = 1"
    };
    let Some(row) = conn.query_opt(sql, &[])? else {
        return Ok(None);
    };
    let seq: i64 = row.try_get(0)?;
    let hash: Vec<u8> = row.try_get(1)?;
    Ok(Some(Head {
        seq: to_u64(seq),
        hash: Digest::from_slice(&hash).unwrap_or_default(),
    }))
}

/// The columns of a row selected with every query column.
const WITH_COLUMNS: &str = "seq, prev, hash, body, actor, org, at_ns, at, kind, result";

/// Reads one `journal` row (seq, prev, hash, body and, when selected, the
/// query columns) into a stored entry.
fn stored(row: &postgres::Row) -> Result<StoredEntry, StoreError> {
    let prev: Vec<u8> = row.try_get(1)?;
    let hash: Vec<u8> = row.try_get(2)?;
    Ok(StoredEntry {
        seq: to_u64(row.try_get(0)?),
        prev: digest(&prev),
        hash: digest(&hash),
        body: row.try_get(3)?,
        columns: match row.len() {
            10 => Some(Columns {
                actor: row.try_get::<_, Option<i64>>(4)?.map(to_u64),
                organization: row.try_get::<_, Option<i64>>(5)?.map(to_u64),
                at_ns: row.try_get(6)?,
                at: row.try_get(7)?,
                kind: row.try_get(8)?,
                result: row.try_get(9)?,
            }),
            _ => None,
        },
    })
}

/// The entries after `head`, each checked to continue the chain.
fn tail_after(
    conn: &mut impl postgres::GenericClient,
    mut head: Head,
) -> Result<Vec<Entry>, StoreError> {
    let mut tail = Vec::new();
    let rows = conn.query(
        "SELECT seq, prev, hash, body FROM journal WHERE seq > $1 ORDER BY seq",
        &[&to_i64(head.seq)],
    )?;
    for row in &rows {
        let (entry, next) = next_in_chain(head, stored(row)?)?;
        head = next;
        tail.push(entry);
    }
    Ok(tail)
}

/// The latest snapshot whose head is an entry of the journal, with the size
/// of its stored body.
fn usable_snapshot(
    conn: &mut impl postgres::GenericClient,
) -> Result<Option<StoredSnapshot>, StoreError> {
    let rows = conn.query(
        "SELECT s.seq, s.hash, s.body FROM snapshots s JOIN journal j
         ON j.seq = s.seq AND j.hash = s.hash
         WHERE s.version = $1 ORDER BY s.seq DESC",
        &[&i32::try_from(SNAPSHOT_VERSION).unwrap_or(i32::MAX)],
    )?;
    for row in &rows {
        let hash: Vec<u8> = row.try_get(1)?;
        let body: Vec<u8> = row.try_get(2)?;
        if let Some(found) = decode_snapshot(row.try_get(0)?, &hash, &body) {
            return Ok(Some((
                found,
                SavedSnapshot {
                    bytes: body.len() as u64,
                    digest: Some(Digest::sha256(&body)),
                },
            )));
        }
    }
    Ok(None)
}

/// Whether a failed append lost a race to another writer (and should be
/// decided again) rather than failed.
fn lost_race(e: &postgres::Error) -> bool {
    e.code().is_some_and(|c| {
        *c == SqlState::UNIQUE_VIOLATION
            || *c == SqlState::T_R_SERIALIZATION_FAILURE
            || *c == SqlState::T_R_DEADLOCK_DETECTED
    })
}

impl PostgresStore {
    fn try_append(
        &self,
        conn: &mut Client,
        expected: Head,
        entries: &[Sealed],
    ) -> Result<(), AppendError> {
        let Some(last) = entries.last().map(|s| &s.entry) else {
            return Ok(());
        };
        let mut tx = conn.transaction()?;
        // The row lock on the head is taken before it is compared: no
        // other writer can move it between the comparison and the commit.
        let found = recorded_head(&mut tx, true)?.unwrap_or_default();
        if found != expected {
            return Err(AppendError::Store(StoreError::Conflict {
                expected: expected.seq,
                found: found.seq,
            }));
        }
        let insert = tx.prepare(
            "INSERT INTO journal (seq, at, at_ns, actor, org, kind, result, body, prev, hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )?;
        for Sealed { entry: e, body } in entries {
            let r = &e.record;
            let params: [&(dyn ToSql + Sync); 10] = [
                &to_i64(e.seq),
                &r.at.to_string(),
                &nanos(r.at),
                &actor_column(r.actor),
                &r.organization.map(|o| to_i64(o.0)),
                &r.kind,
                &r.outcome.code(),
                body,
                &e.prev.0.as_slice(),
                &e.hash.0.as_slice(),
            ];
            tx.execute(&insert, &params)?;
        }
        let first = entries.first().map_or(last.seq, |s| s.entry.seq);
        add_completed(&mut PgRows(&mut tx), first, last.seq)?;
        tx.execute(
            "INSERT INTO head (id, seq, hash) VALUES (1, $1, $2)
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            &[&to_i64(last.seq), &last.hash.0.as_slice()],
        )?;
        tx.execute(
            "SELECT pg_notify($1, $2)",
            &[&CHANNEL, &last.seq.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }
}

/// Why an append failed: the store's error, or the database's (which may
/// be a lost race).
enum AppendError {
    Store(StoreError),
    Database(postgres::Error),
}

impl From<postgres::Error> for AppendError {
    fn from(e: postgres::Error) -> Self {
        Self::Database(e)
    }
}

impl From<StoreError> for AppendError {
    fn from(e: StoreError) -> Self {
        Self::Store(e)
    }
}

/// A read-only transaction whose statements all see one snapshot of the
/// database (REPEATABLE READ): a snapshot and the entries after it, or the
/// head and the chain it ends, agree.
fn consistent_reads(conn: &mut Client) -> Result<postgres::Transaction<'_>, StoreError> {
    Ok(conn
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?)
}

impl Store for PostgresStore {
    fn load(&self) -> Result<Loaded, StoreError> {
        let mut conn = self.reader();
        let mut tx = consistent_reads(&mut conn)?;
        let (snapshot, saved) = usable_snapshot(&mut tx)?.unzip();
        let head = snapshot.as_ref().map(|(h, _)| *h).unwrap_or_default();
        let tail = tail_after(&mut tx, head)?;
        tx.commit()?;
        Ok(Loaded {
            snapshot,
            tail,
            snapshot_bytes: saved.map_or(0, |s| s.bytes),
        })
    }

    fn append(&self, expected: Head, entries: &[Sealed]) -> Result<(), StoreError> {
        let mut conn = self.writer();
        match self.try_append(&mut conn, expected, entries) {
            Ok(()) => Ok(()),
            Err(AppendError::Store(e)) => Err(e),
            Err(AppendError::Database(e)) if lost_race(&e) => {
                let found = recorded_head(&mut *conn, false)
                    .ok()
                    .flatten()
                    .map_or(expected.seq, |h| h.seq);
                Err(StoreError::Conflict {
                    expected: expected.seq,
                    found,
                })
            }
            Err(AppendError::Database(e)) => Err(e.into()),
        }
    }

    fn change_token(&self) -> Result<u64, StoreError> {
        Ok(recorded_head(&mut *self.reader(), false)?.map_or(0, |h| h.seq))
    }

    fn change_hint(&self) -> Option<u64> {
        self.listener.hint()
    }

    fn backup_to(&self, _dest: &std::path::Path) -> Result<(), StoreError> {
        Err(StoreError::Unsupported {
            what: super::error::POSTGRES_BACKUP,
        })
    }

    fn entries_after(&self, head: Head) -> Result<Vec<Entry>, StoreError> {
        tail_after(&mut *self.reader(), head)
    }

    fn save_snapshot(
        &self,
        head: Head,
        snapshot: &DirectorySnapshot,
    ) -> Result<SavedSnapshot, StoreError> {
        let body = encode_snapshot(snapshot)?;
        let mut conn = self.writer();
        let mut tx = conn.transaction()?;
        tx.execute(
            "INSERT INTO snapshots (seq, hash, version, body) VALUES ($1, $2, $3, $4)
             ON CONFLICT (seq) DO UPDATE SET hash = excluded.hash,
                 version = excluded.version, body = excluded.body",
            &[
                &to_i64(head.seq),
                &head.hash.0.as_slice(),
                &i32::try_from(SNAPSHOT_VERSION).unwrap_or(i32::MAX),
                &body,
            ],
        )?;
        tx.execute(
            "DELETE FROM snapshots WHERE seq NOT IN
             (SELECT seq FROM snapshots ORDER BY seq DESC LIMIT $1)",
            &[&KEEP_SNAPSHOTS],
        )?;
        tx.commit()?;
        Ok(SavedSnapshot {
            bytes: body.len() as u64,
            digest: Some(Digest::sha256(&body)),
        })
    }

    fn scan(&self, filter: &Filter, each: &mut dyn FnMut(Entry) -> bool) -> Result<(), StoreError> {
        let (sql, args) = scan_query(filter, |n| format!("${n}"));
        let mut conn = self.reader();
        // Streamed: a scan of a long journal holds one row at a time.
        let mut rows = conn.query_raw(&sql, args.iter())?;
        while let Some(row) = rows.next()? {
            let entry = decode(stored(&row)?)?;
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
        let mut conn = self.reader();
        let mut tx = consistent_reads(&mut conn)?;
        let recorded = recorded_head(&mut tx, false)?;
        let mut nodes = Nodes::new();
        for row in tx.query("SELECT level, idx, hash FROM merkle", &[])? {
            let level: i32 = row.try_get(0)?;
            let hash: Vec<u8> = row.try_get(2)?;
            nodes.insert(
                (
                    u32::try_from(level).unwrap_or(u32::MAX),
                    to_u64(row.try_get(1)?),
                ),
                digest(&hash),
            );
        }
        let sql = format!("SELECT {WITH_COLUMNS} FROM journal ORDER BY seq");
        let mut rows = tx.query_raw(sql.as_str(), std::iter::empty::<i64>())?;
        let mut error = None;
        let mut count = 0u64;
        let iter = std::iter::from_fn(|| {
            let row = match rows.next() {
                Ok(Some(row)) => row,
                Ok(None) => return None,
                Err(e) => {
                    error = Some(StoreError::from(e));
                    return None;
                }
            };
            match stored(&row) {
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
            }
        });
        let result = verify_stored(iter, recorded, &nodes, roots);
        if let Some(e) = error {
            return Err(e);
        }
        progress(count);
        Ok(result)
    }

    fn entry_count(&self) -> Result<u64, StoreError> {
        let n: i64 = self
            .reader()
            .query_one("SELECT count(*) FROM journal", &[])?
            .try_get(0)?;
        Ok(to_u64(n))
    }

    fn stored_snapshots(&self) -> Result<Vec<(u64, DirectorySnapshot)>, StoreError> {
        let rows = self
            .reader()
            .query("SELECT seq, body FROM snapshots ORDER BY seq", &[])?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let seq: i64 = row.try_get(0)?;
            let body: Vec<u8> = row.try_get(1)?;
            out.push((to_u64(seq), decode_snapshot_body(seq, &body)?));
        }
        Ok(out)
    }

    fn snapshot_digest(&self, seq: u64) -> Result<Option<Digest>, StoreError> {
        let row = self
            .reader()
            .query_opt("SELECT body FROM snapshots WHERE seq = $1", &[&to_i64(seq)])?;
        match row {
            Some(r) => Ok(Some(Digest::sha256(&r.try_get::<_, Vec<u8>>(0)?))),
            None => Ok(None),
        }
    }

    fn drop_snapshots(&self) -> Result<u64, StoreError> {
        Ok(self.writer().execute("DELETE FROM snapshots", &[])?)
    }

    fn save_checkpoint(&self, checkpoint: &SignedCheckpoint) -> Result<(), StoreError> {
        let body = encode_checkpoint(checkpoint)?;
        self.writer().execute(
            "INSERT INTO checkpoints (size, body) VALUES ($1, $2)
             ON CONFLICT (size) DO UPDATE SET body = excluded.body",
            &[&to_i64(checkpoint.checkpoint.size), &body],
        )?;
        Ok(())
    }

    fn stored_checkpoint(&self, size: Option<u64>) -> Result<Option<SignedCheckpoint>, StoreError> {
        let mut conn = self.reader();
        let row = match size {
            Some(n) => conn.query_opt(
                "SELECT size, body FROM checkpoints WHERE size = $1",
                &[&to_i64(n)],
            )?,
            None => conn.query_opt(
                "SELECT size, body FROM checkpoints ORDER BY size DESC LIMIT 1",
                &[],
            )?,
        };
        match row {
            Some(r) => {
                let body: Vec<u8> = r.try_get(1)?;
                Ok(Some(decode_checkpoint(r.try_get(0)?, &body)?))
            }
            None => Ok(None),
        }
    }

    fn stored_entry(&self, seq: u64) -> Result<Option<StoredEntry>, StoreError> {
        match self.reader().query_opt(
            "SELECT seq, prev, hash, body FROM journal WHERE seq = $1",
            &[&to_i64(seq)],
        )? {
            Some(row) => Ok(Some(stored(&row)?)),
            None => Ok(None),
        }
    }

    fn subtree(&self, start: u64, size: u64) -> Result<Digest, StoreError> {
        let mut conn = self.reader();
        StoredTree(&mut PgRows(&mut *conn)).perfect(start, size)
    }

    fn schema_version(&self) -> Result<i64, StoreError> {
        PostgresStore::schema_version(self)
    }
}

impl From<postgres::Error> for StoreError {
    fn from(e: postgres::Error) -> Self {
        // The database's own message (with its SQLSTATE) when it sent one.
        let message = match e.as_db_error() {
            Some(db) => format!("{} ({})", db.message(), db.code().code()),
            None => e.to_string(),
        };
        Self::Database { message }
    }
}

/// A connection that listens on the notification channel, on its own
/// thread, and counts what it hears.
struct Listener {
    heard: Arc<AtomicU64>,
    listening: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

/// How long the listener waits for a notification before it looks whether
/// it should stop.
const LISTEN_POLL: Duration = Duration::from_millis(100);

impl Listener {
    fn start(config: Config) -> Result<Self, StoreError> {
        let mut client = config.connect(NoTls)?;
        client.batch_execute(&format!("LISTEN {CHANNEL}"))?;
        let heard = Arc::new(AtomicU64::new(0));
        let listening = Arc::new(AtomicBool::new(true));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (heard, listening, stop) = (heard.clone(), listening.clone(), stop.clone());
            std::thread::Builder::new()
                .name("kabinet-listen".into())
                .spawn(move || listen(client, &config, &heard, &listening, &stop))
                .map_err(|e| StoreError::Database {
                    message: format!("cannot start the listener: {e}"),
                })?
        };
        Ok(Self {
            heard,
            listening,
            stop,
            thread: Some(thread),
        })
    }

    /// How many notifications were heard, while the connection listens;
    /// `None` while it is lost (something may have been missed).
    fn hint(&self) -> Option<u64> {
        self.listening
            .load(Ordering::Acquire)
            .then(|| self.heard.load(Ordering::Acquire))
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Release);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The listener's loop: counts notifications; when the connection is lost,
/// says so and connects again (each reconnection counts as a change, since
/// notifications may have been missed meanwhile).
fn listen(
    mut client: Client,
    config: &Config,
    heard: &AtomicU64,
    listening: &AtomicBool,
    stop: &AtomicBool,
) {
    while !stop.load(Ordering::Acquire) {
        let mut lost = false;
        {
            let mut notifications = client.notifications();
            let mut iter = notifications.timeout_iter(LISTEN_POLL);
            loop {
                match iter.next() {
                    Ok(Some(_)) => {
                        heard.fetch_add(1, Ordering::AcqRel);
                    }
                    Ok(None) => break,
                    Err(_) => {
                        lost = true;
                        break;
                    }
                }
            }
        }
        if lost || client.is_closed() {
            listening.store(false, Ordering::Release);
            client = loop {
                if stop.load(Ordering::Acquire) {
                    return;
                }
                std::thread::sleep(LISTEN_POLL);
                if let Ok(mut c) = config.connect(NoTls) {
                    if c.batch_execute(&format!("LISTEN {CHANNEL}")).is_ok() {
                        break c;
                    }
                }
            };
            heard.fetch_add(1, Ordering::AcqRel);
            listening.store(true, Ordering::Release);
        }
    }
}
