//! The facade handle: one directory shared by many threads, its journal and
//! storage, and the clock.
//!
//! [`Kabinet`] is what hosts hold: `Send + Sync`. Checks share the read lock
//! of the directory. A command is checked against the current state under
//! the read lock, its journal entry (applied or refused) is committed to the
//! store, and only then are its events applied under a short write lock: one
//! writer at a time, readers never see half a command, and no acknowledged
//! command is lost. It is the one place of the library that reads the clock
//! ([`Kabinet::now`]); the core never does.
//!
//! Several handles may share one store (in one process or several): before
//! it answers, a handle asks the store whether anything was committed since
//! it last looked and applies the new entries ([`Freshness`]); a command's
//! entry is appended only if the journal still ends where the command was
//! decided, otherwise the handle catches up, decides again against the new
//! state and retries, so writers interleave into one chain and every rule
//! is checked against the state its entry lands on.

use crate::freshness::{Freshness, Seen};
use crate::store::{JournalError, MemoryStore, Store, StoreError};
use kabinet_core::directory::DirectorySnapshot;
use kabinet_core::journal::checkpoint::CheckpointKey;
use kabinet_core::journal::{replay, Entry, Filter, Head, Record, VerifyError};
use kabinet_core::{
    AccessRequest, AccountId, Command, CommandError, Context, Decision, Directory, EffectiveRight,
    Event, OrgId, Policy, Timestamp,
};
use kabinet_core::{Query, QueryError};
use std::sync::atomic::Ordering;
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How many entries pass between two snapshots, by default, at least:
/// opening replays this many entries after the latest snapshot, or more for
/// a large directory (see [`SNAPSHOT_BYTES_PER_ENTRY`]).
pub const SNAPSHOT_EVERY: u64 = 10_000;

/// A snapshot is taken only once the entries since the last one, at this
/// many bytes each, outweigh the last snapshot's size. Writing a snapshot
/// costs its whole size; with this rule it costs at most this many bytes
/// per journal entry, amortized, whatever the directory's size (an entry is
/// itself 300–1,000 bytes), and opening replays a tail of at most one entry
/// per kilobyte of snapshot (a 75 MB snapshot of 300,000 accounts: 73,000
/// entries). With a fixed interval alone, such a directory rewrote 75 MB
/// every 10,000 commands, 7.5 KB per command, and the snapshots took 40 %
/// of the time of batched writes.
pub const SNAPSHOT_BYTES_PER_ENTRY: u64 = 1_024;

/// How many times a command is decided again when other writers keep
/// appending first; past it the command is not recorded. Between attempts
/// the writer waits a random, growing pause (see [`contention_pause`]), so
/// writers that keep colliding spread out instead of losing in lockstep.
pub const MAX_WRITE_ATTEMPTS: u32 = 64;

/// The writer's side: where the journal ends and when the last snapshot was taken.
#[derive(Debug, Default)]
struct Writer {
    head: Head,
    snapshot_seq: u64,
    /// The size of the last snapshot as stored.
    snapshot_bytes: u64,
}

/// A directory shared by threads, with its journal.
#[derive(Debug)]
pub struct Kabinet {
    directory: RwLock<Directory>,
    writer: Mutex<Writer>,
    store: Box<dyn Store>,
    snapshot_every: u64,
    seen: Seen,
    /// The host's checkpoint key, when the journal is audited.
    audit: Option<CheckpointKey>,
}

/// A decision with the journal position it was taken at: every entry up to
/// `seq` is reflected in it.
#[derive(Debug, Clone, PartialEq)]
pub struct PositionedDecision {
    /// The decision.
    pub decision: Decision,
    /// The sequence number of the last journal entry the state included.
    pub seq: u64,
}

impl Default for Kabinet {
    fn default() -> Self {
        Self::in_memory()
    }
}

impl Kabinet {
    /// An empty directory in memory with the default policy.
    pub fn in_memory() -> Self {
        Self::with_policy(Policy::default())
    }

    /// An empty directory in memory with the given policy.
    pub fn with_policy(policy: Policy) -> Self {
        Self {
            directory: RwLock::new(Directory::with_policy(policy)),
            writer: Mutex::new(Writer::default()),
            store: Box::new(MemoryStore::new()),
            snapshot_every: SNAPSHOT_EVERY,
            seen: Seen::new(0, 0),
            audit: None,
        }
    }

    /// Opens (or creates) the journal at `target` with the default policy:
    /// the SQLite file at that path, or the PostgreSQL database a
    /// `postgresql://` URL names (feature `postgres`).
    ///
    /// # Errors
    /// [`StoreError`] when the database cannot be opened or its journal
    /// after the latest snapshot is broken.
    pub fn open(target: impl AsRef<std::path::Path>) -> Result<Self, StoreError> {
        Self::open_with_policy(target, Policy::default())
    }

    /// Opens (or creates) the journal at `target` with a policy.
    ///
    /// # Errors
    /// As [`Kabinet::open`].
    pub fn open_with_policy(
        target: impl AsRef<std::path::Path>,
        policy: Policy,
    ) -> Result<Self, StoreError> {
        let store =
            crate::store::open_store(target.as_ref(), crate::store::Opening::CreateOrMigrate)?;
        Self::with_store(store, policy)
    }

    /// Opens a directory over any store: restores its latest snapshot and
    /// replays the entries after it.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be loaded.
    pub fn with_store(store: Box<dyn Store>, policy: Policy) -> Result<Self, StoreError> {
        Self::load(store, policy, None)
    }

    /// Opens (or creates) the journal at `target` as an audited journal:
    /// the host's checkpoint key, kept outside the database, signs a
    /// checkpoint with every snapshot, and opening checks the latest one
    /// (signature, the journal's last entry and Merkle root) and restores
    /// only a snapshot a checkpoint vouches for. A journal or snapshot
    /// rewritten with the file alone is refused, naming the entry.
    ///
    /// # Errors
    /// As [`Kabinet::open`]; [`StoreError::Checkpoint`] when the latest
    /// checkpoint is not signed with `key`; [`StoreError::Broken`] with
    /// `journal.checkpoint_mismatch` or `journal.snapshot` when the journal
    /// or the snapshot departs from it.
    pub fn open_audited(
        target: impl AsRef<std::path::Path>,
        policy: Policy,
        key: CheckpointKey,
    ) -> Result<Self, StoreError> {
        let store =
            crate::store::open_store(target.as_ref(), crate::store::Opening::CreateOrMigrate)?;
        Self::load(store, policy, Some(key))
    }

    fn load(
        store: Box<dyn Store>,
        policy: Policy,
        audit: Option<CheckpointKey>,
    ) -> Result<Self, StoreError> {
        let token = store.change_token()?;
        let (directory, head, snapshot_seq, snapshot_bytes) =
            load_state(&*store, policy, audit.as_ref())?;
        Ok(Self {
            directory: RwLock::new(directory),
            writer: Mutex::new(Writer {
                head,
                snapshot_seq,
                snapshot_bytes,
            }),
            store,
            snapshot_every: SNAPSHOT_EVERY,
            seen: Seen::new(head.seq, token),
            audit,
        })
    }

    /// The same handle with the freshness asked for (fresh by default).
    #[must_use]
    pub fn freshness(mut self, freshness: Freshness) -> Self {
        self.seen.freshness = freshness;
        self
    }

    /// The same handle taking a snapshot every `entries` entries (at least 1).
    #[must_use]
    pub fn snapshot_every(mut self, entries: u64) -> Self {
        self.snapshot_every = entries.max(1);
        self
    }

    /// The current time from the system clock.
    pub fn now() -> Timestamp {
        Timestamp::now()
    }

    /// Executes a command: checks it, journals it (applied or refused) in
    /// one durable transaction, then applies its events.
    ///
    /// # Errors
    /// The command's [`CommandError`]; nothing changes then, but the refusal
    /// is journaled. [`CommandError::NotRecorded`] when the store failed:
    /// nothing changed and nothing was journaled.
    pub fn execute(&self, command: Command, context: &Context) -> Result<Vec<Event>, CommandError> {
        let mut writer = self.lock_writer();
        let mut force = false;
        for attempt in 0..MAX_WRITE_ATTEMPTS {
            if force {
                contention_pause(attempt);
            }
            self.catch_up(&mut writer, force).map_err(not_recorded)?;
            let (entry, result) = {
                let directory = self.directory_guard();
                let result = directory.execute(command.clone(), context);
                let record = Record::of(&directory, command.clone(), context, &result);
                (writer.head.seal(record), result)
            };
            match self.store.append(writer.head, std::slice::from_ref(&entry)) {
                Ok(()) => {}
                Err(StoreError::Conflict { .. }) => {
                    // Another writer appended first: catch up, decide again.
                    force = true;
                    continue;
                }
                Err(e) => return Err(not_recorded(e)),
            }
            writer.head = Head::of(&entry.entry);
            {
                let mut directory = self.write();
                if let Ok(events) = &result {
                    for event in events {
                        directory.apply(event);
                    }
                }
                self.seen.applied.store(entry.entry.seq, Ordering::Release);
            }
            self.maybe_snapshot(&mut writer);
            return result;
        }
        Err(too_contended())
    }

    /// Executes commands in order, each seeing the effects of those before,
    /// and journals them all in one durable transaction: either every entry
    /// is committed or none is (and the state is reloaded from the store).
    /// When another writer appended first, the batch is decided again
    /// against the new state.
    ///
    /// # Errors
    /// [`CommandError::NotRecorded`] when the transaction failed; the inner
    /// results are the commands' own.
    pub fn execute_batch(
        &self,
        commands: Vec<(Command, Context)>,
    ) -> Result<Vec<Result<Vec<Event>, CommandError>>, CommandError> {
        let mut writer = self.lock_writer();
        let mut force = false;
        for attempt in 0..MAX_WRITE_ATTEMPTS {
            if force {
                contention_pause(attempt);
            }
            self.catch_up(&mut writer, force).map_err(not_recorded)?;
            let mut directory = self.write();
            let mut head = writer.head;
            let mut entries = Vec::with_capacity(commands.len());
            let mut results = Vec::with_capacity(commands.len());
            for (command, context) in &commands {
                let result = directory.execute(command.clone(), context);
                let entry = head.seal(Record::of(&directory, command.clone(), context, &result));
                head = Head::of(&entry.entry);
                if let Ok(events) = &result {
                    for event in events {
                        directory.apply(event);
                    }
                }
                entries.push(entry);
                results.push(result);
            }
            match self.store.append(writer.head, &entries) {
                Ok(()) => {
                    writer.head = head;
                    self.seen.applied.store(head.seq, Ordering::Release);
                    drop(directory);
                    self.maybe_snapshot(&mut writer);
                    return Ok(results);
                }
                Err(e) => {
                    // The directory holds effects that were not committed:
                    // reload it from what the store has.
                    let policy = directory.policy().clone();
                    let (reloaded, reloaded_head, _, _) =
                        load_state(&*self.store, policy, self.audit.as_ref())
                            .map_err(not_recorded)?;
                    *directory = reloaded;
                    writer.head = reloaded_head;
                    self.seen
                        .applied
                        .store(reloaded_head.seq, Ordering::Release);
                    if !matches!(e, StoreError::Conflict { .. }) {
                        return Err(not_recorded(e));
                    }
                    force = true;
                }
            }
        }
        Err(too_contended())
    }

    /// Applies the entries other handles committed since this one last
    /// looked. `force` reads the store even when its change token says
    /// nothing changed (after a conflict).
    fn catch_up(&self, writer: &mut Writer, force: bool) -> Result<(), StoreError> {
        let token = self.store.change_token()?;
        self.seen.mark_asked();
        if !force && token == self.seen.token.load(Ordering::Acquire) {
            return Ok(());
        }
        let tail = self.store.entries_after(writer.head)?;
        if let Some(last) = tail.last() {
            let mut directory = self.write();
            replay(&mut directory, &tail);
            writer.head = Head::of(last);
            self.seen.applied.store(writer.head.seq, Ordering::Release);
        }
        self.seen.token.store(token, Ordering::Release);
        Ok(())
    }

    /// Catches up when the store changed, as the freshness asks (or at once
    /// when the store heard of a commit by notification); a store
    /// that cannot be read leaves the state as it was (the next question
    /// asks again).
    fn refresh(&self) {
        if !self.seen.due() && !self.seen.hinted(self.store.change_hint()) {
            return;
        }
        let Ok(token) = self.store.change_token() else {
            return;
        };
        if token == self.seen.token.load(Ordering::Acquire) {
            self.seen.mark_asked();
            return;
        }
        let mut writer = self.lock_writer();
        let _ = self.catch_up(&mut writer, false);
    }

    fn maybe_snapshot(&self, writer: &mut Writer) {
        let since = writer.head.seq.saturating_sub(writer.snapshot_seq);
        if since >= self.snapshot_every
            && since.saturating_mul(SNAPSHOT_BYTES_PER_ENTRY) >= writer.snapshot_bytes
        {
            let _ = self.take_snapshot(writer);
        }
    }

    fn take_snapshot(&self, writer: &mut Writer) -> Result<(), StoreError> {
        let snapshot = DirectorySnapshot::of(&self.directory_guard());
        let saved = self.store.save_snapshot(writer.head, &snapshot)?;
        writer.snapshot_bytes = saved.bytes;
        writer.snapshot_seq = writer.head.seq;
        if let Some(key) = &self.audit {
            crate::audit::checkpoint_snapshot(
                &*self.store,
                key,
                writer.head,
                saved.digest,
                Timestamp::now(),
            )?;
        }
        Ok(())
    }

    /// Copies the store, as of now, into one new self-contained file at
    /// `dest` (never over an existing one); writers may go on meanwhile.
    ///
    /// # Errors
    /// [`StoreError::Unsupported`] for a directory in memory; [`StoreError`]
    /// when the copy fails.
    pub fn backup(&self, dest: impl AsRef<std::path::Path>) -> Result<(), StoreError> {
        self.store.backup_to(dest.as_ref())
    }

    /// Folds the store's write-ahead log into its file now (it is done
    /// anyway when the last handle closes).
    ///
    /// # Errors
    /// [`StoreError`] when readers keep the log in use.
    pub fn fold_log(&self) -> Result<(), StoreError> {
        self.store.fold_log()
    }

    /// Saves a snapshot of the directory now, so the next opening replays nothing.
    ///
    /// # Errors
    /// [`StoreError`] when it could not be written.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let mut writer = self.lock_writer();
        self.take_snapshot(&mut writer)
    }

    /// Decides an access request, on a state that includes every command
    /// acknowledged before the call (under the default [`Freshness`]).
    pub fn check(&self, request: &AccessRequest) -> Decision {
        self.read().check(request)
    }

    /// Decides an access request and says at which journal position.
    pub fn check_positioned(&self, request: &AccessRequest) -> PositionedDecision {
        let directory = self.read();
        PositionedDecision {
            decision: directory.check(request),
            seq: self.seen.applied.load(Ordering::Acquire),
        }
    }

    /// The rights a person can exercise for an organization at a time, with provenance.
    pub fn effective_rights(
        &self,
        actor: AccountId,
        org: OrgId,
        at: Timestamp,
    ) -> Vec<EffectiveRight> {
        self.read().effective_rights(actor, org, at)
    }

    /// The journal entries a filter selects, in order.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    pub fn journal(&self, filter: &Filter) -> Result<Vec<Entry>, StoreError> {
        let mut out = Vec::new();
        self.store.scan(filter, &mut |e| {
            out.push(e);
            true
        })?;
        Ok(out)
    }

    /// An organization's journal as one of its people may read it: access
    /// to the journal is itself a right (`journal.view`), checked at `at`
    /// under `signature`; only entries concerning `org` are returned.
    ///
    /// # Errors
    /// [`JournalError::Refused`] with every reason when the right is not
    /// held; [`JournalError::Store`] when the store cannot be read.
    pub fn journal_as(
        &self,
        reader: AccountId,
        org: OrgId,
        at: Timestamp,
        signature: kabinet_core::SignatureEvidence,
        filter: &Filter,
    ) -> Result<Vec<Entry>, JournalError> {
        let decision = self.check(
            &AccessRequest::new(reader, org, kabinet_core::Right::JournalView, at)
                .signed(signature),
        );
        if !decision.allowed {
            return Err(JournalError::Refused {
                refusals: decision.refusals,
            });
        }
        let filter = Filter {
            organization: Some(org),
            ..filter.clone()
        };
        Ok(self.journal(&filter)?)
    }

    /// The last entry's sequence number and digest.
    pub fn journal_head(&self) -> Head {
        self.refresh();
        self.lock_writer().head
    }

    /// Verifies the whole journal chain.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read; the inner result is the
    /// verification's: the head, or the first bad entry and why.
    pub fn verify_journal(&self) -> Result<Result<Head, VerifyError>, StoreError> {
        self.store.verify(&mut |_| {})
    }

    /// Rebuilds the directory by replaying the whole journal, ignoring
    /// snapshots: what the state must equal.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    pub fn replay_journal(&self) -> Result<Directory, StoreError> {
        let policy = self.directory_guard().policy().clone();
        let mut d = Directory::with_policy(policy);
        self.store.scan(&Filter::all(), &mut |e| {
            replay(&mut d, std::iter::once(&e));
            true
        })?;
        Ok(d)
    }

    /// The answer to a [`Query`] asked at `at`, in JSON, read after catching
    /// up with what other handles committed.
    ///
    /// # Errors
    /// [`QueryError`] as [`Directory::answer`] gives it.
    pub fn answer(&self, query: &Query, at: Timestamp) -> Result<serde_json::Value, QueryError> {
        self.read().answer(query, at)
    }

    /// The answer to a [`Query`] as JSON text, written straight from the
    /// directory's records (what the hosts and the command line receive).
    ///
    /// # Errors
    /// [`QueryError`] as [`Directory::answer`] gives it.
    pub fn answer_json(&self, query: &Query, at: Timestamp) -> Result<String, QueryError> {
        let mut out = Vec::new();
        let written =
            self.read()
                .answer_with(query, at, &mut serde_json::Serializer::new(&mut out))?;
        // The library's records always serialize (string keys only); JSON is UTF-8.
        Ok(match written {
            Ok(()) => String::from_utf8_lossy(&out).into_owned(),
            Err(_) => "null".to_owned(),
        })
    }

    /// The store underneath.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// Reads the directory under the shared lock, after catching up with
    /// what other handles committed (under the default [`Freshness`]).
    ///
    /// Drop the guard before calling the handle's other methods on the same
    /// thread: catching up with another handle's commands takes the write
    /// lock, which waits for every guard, this one too.
    pub fn read(&self) -> RwLockReadGuard<'_, Directory> {
        self.refresh();
        self.directory_guard()
    }

    /// The directory under the shared lock, as this handle holds it.
    fn directory_guard(&self) -> RwLockReadGuard<'_, Directory> {
        // A panic while the lock was held cannot leave the directory half
        // changed: events are applied only after every rule passed and the
        // entry was committed, and applying cannot fail. So a poisoned lock
        // is still consistent.
        self.directory.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Directory> {
        self.directory.write().unwrap_or_else(|p| p.into_inner())
    }

    fn lock_writer(&self) -> MutexGuard<'_, Writer> {
        self.writer.lock().unwrap_or_else(|p| p.into_inner())
    }
}

fn not_recorded(e: StoreError) -> CommandError {
    CommandError::NotRecorded {
        reason: e.to_string(),
    }
}

/// The pause before the `attempt`-th try after a lost race: random ("full
/// jitter") up to 100 µs × 2^attempt, capped at 51.2 ms. The randomness comes
/// from the standard library's per-process hasher keys.
fn contention_pause(attempt: u32) {
    use std::hash::{BuildHasher, Hasher};
    let ceiling_us = 100u64 << attempt.min(9);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u32(attempt);
    let pause_us = hasher.finish() % (ceiling_us + 1);
    std::thread::sleep(std::time::Duration::from_micros(pause_us));
}

fn too_contended() -> CommandError {
    CommandError::NotRecorded {
        reason: format!(
            "other writers appended first {MAX_WRITE_ATTEMPTS} times in a row; nothing was recorded"
        ),
    }
}

/// The directory of a store: its latest usable snapshot and the entries
/// after it (everything replayed when the snapshot cannot be restored);
/// with the head and the snapshot's position.
fn load_state(
    store: &dyn Store,
    policy: Policy,
    audit: Option<&CheckpointKey>,
) -> Result<(Directory, Head, u64, u64), StoreError> {
    let loaded = store.load()?;
    if let Some(key) = audit {
        let snapshot = match &loaded.snapshot {
            Some((h, _)) => Some((h.seq, store.snapshot_digest(h.seq)?)),
            None => None,
        };
        if crate::audit::check_opening(store, key, snapshot)? == crate::audit::SnapshotUse::Replay
            && loaded.snapshot.is_some()
        {
            // No checkpoint vouches for the snapshot: the journal has it all.
            let (directory, head) = replay_whole_journal(store, policy)?;
            return Ok((directory, head, 0, 0));
        }
    }
    let (mut directory, mut head) = match loaded.snapshot {
        Some((head, snapshot)) => match snapshot.with_policy(policy.clone()).restore() {
            Ok(d) => (d, head),
            Err(_) => {
                // An unrestorable snapshot: the journal alone has everything.
                let (directory, head) = replay_whole_journal(store, policy)?;
                return Ok((directory, head, 0, 0));
            }
        },
        None => (Directory::with_policy(policy), Head::default()),
    };
    let snapshot_seq = head.seq;
    replay(&mut directory, &loaded.tail);
    if let Some(last) = loaded.tail.last() {
        head = Head::of(last);
    }
    Ok((directory, head, snapshot_seq, loaded.snapshot_bytes))
}

/// Rebuilds the directory from the whole journal, one entry at a time (the
/// journal is never held in memory), each entry checked to continue the
/// chain: number, link and content digest.
///
/// # Errors
/// [`StoreError::Broken`] naming the first entry that does not continue it;
/// [`StoreError`] when the store cannot be read.
fn replay_whole_journal(
    store: &dyn Store,
    policy: Policy,
) -> Result<(Directory, Head), StoreError> {
    let mut directory = Directory::with_policy(policy);
    let mut head = Head::default();
    let mut broken = None;
    store.scan(&Filter::all(), &mut |e| {
        let digest = kabinet_core::journal::Digest::of_entry(e.seq, &e.prev, &e.record.canonical());
        let checked = crate::store::check_continues(head, [(e.seq, e.prev, e.hash)]);
        match checked {
            Ok(()) if digest == e.hash => {
                replay(&mut directory, std::iter::once(&e));
                head = Head::of(&e);
                true
            }
            Ok(()) => {
                broken = Some(StoreError::Broken(kabinet_core::journal::VerifyError {
                    seq: e.seq,
                    broken: kabinet_core::journal::Broken::Content,
                }));
                false
            }
            Err(err) => {
                broken = Some(err);
                false
            }
        }
    })?;
    match broken {
        Some(e) => Err(e),
        None => Ok((directory, head)),
    }
}
