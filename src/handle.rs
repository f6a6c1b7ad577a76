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

use crate::store::{JournalError, MemoryStore, Store, StoreError};
use kabinet_core::directory::DirectorySnapshot;
use kabinet_core::journal::{replay, Entry, Filter, Head, Record, VerifyError};
use kabinet_core::{
    AccessRequest, AccountId, Command, CommandError, Context, Decision, Directory, EffectiveRight,
    Event, OrgId, Policy, Timestamp,
};
use std::sync::{Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};

/// How many entries pass between two snapshots, by default: opening replays
/// at most this many entries after the latest snapshot.
pub const SNAPSHOT_EVERY: u64 = 10_000;

/// The writer's side: where the journal ends and when the last snapshot was taken.
#[derive(Debug, Default)]
struct Writer {
    head: Head,
    snapshot_seq: u64,
}

/// A directory shared by threads, with its journal.
#[derive(Debug)]
pub struct Kabinet {
    directory: RwLock<Directory>,
    writer: Mutex<Writer>,
    store: Box<dyn Store>,
    snapshot_every: u64,
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
        }
    }

    /// Opens (or creates) the SQLite database at `path` with the default policy.
    ///
    /// # Errors
    /// [`StoreError`] when the database cannot be opened or its journal
    /// after the latest snapshot is broken.
    #[cfg(feature = "sqlite")]
    pub fn open(path: impl AsRef<std::path::Path>) -> Result<Self, StoreError> {
        Self::open_with_policy(path, Policy::default())
    }

    /// Opens (or creates) the SQLite database at `path` with a policy.
    ///
    /// # Errors
    /// As [`Kabinet::open`].
    #[cfg(feature = "sqlite")]
    pub fn open_with_policy(
        path: impl AsRef<std::path::Path>,
        policy: Policy,
    ) -> Result<Self, StoreError> {
        Self::with_store(Box::new(crate::store::SqliteStore::open(path)?), policy)
    }

    /// Opens a directory over any store: restores its latest snapshot and
    /// replays the entries after it.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be loaded.
    pub fn with_store(store: Box<dyn Store>, policy: Policy) -> Result<Self, StoreError> {
        let loaded = store.load()?;
        let (mut directory, mut head) = match loaded.snapshot {
            Some((head, snapshot)) => match snapshot.with_policy(policy.clone()).restore() {
                Ok(d) => (d, head),
                Err(_) => return Self::full_replay(store, policy),
            },
            None => (Directory::with_policy(policy), Head::default()),
        };
        let snapshot_seq = head.seq;
        replay(&mut directory, &loaded.tail);
        if let Some(last) = loaded.tail.last() {
            head = Head::of(last);
        }
        Ok(Self {
            directory: RwLock::new(directory),
            writer: Mutex::new(Writer { head, snapshot_seq }),
            store,
            snapshot_every: SNAPSHOT_EVERY,
        })
    }

    fn full_replay(store: Box<dyn Store>, policy: Policy) -> Result<Self, StoreError> {
        let mut directory = Directory::with_policy(policy);
        let mut head = Head::default();
        store.scan(&Filter::all(), &mut |e| {
            replay(&mut directory, std::iter::once(&e));
            head = Head::of(&e);
            true
        })?;
        Ok(Self {
            directory: RwLock::new(directory),
            writer: Mutex::new(Writer {
                head,
                snapshot_seq: 0,
            }),
            store,
            snapshot_every: SNAPSHOT_EVERY,
        })
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
        let (entry, result) = {
            let directory = self.read();
            let result = directory.execute(command.clone(), context);
            let record = Record::of(&directory, command, context, &result);
            (writer.head.next(record), result)
        };
        self.store
            .append(std::slice::from_ref(&entry))
            .map_err(|e| CommandError::NotRecorded {
                reason: e.to_string(),
            })?;
        writer.head = Head::of(&entry);
        if let Ok(events) = &result {
            let mut directory = self.write();
            for event in events {
                directory.apply(event);
            }
        }
        self.maybe_snapshot(&mut writer);
        result
    }

    /// Executes commands in order, each seeing the effects of those before,
    /// and journals them all in one durable transaction: either every entry
    /// is committed or none is (and the state is reloaded from the store).
    ///
    /// # Errors
    /// [`CommandError::NotRecorded`] when the transaction failed; the inner
    /// results are the commands' own.
    pub fn execute_batch(
        &self,
        commands: Vec<(Command, Context)>,
    ) -> Result<Vec<Result<Vec<Event>, CommandError>>, CommandError> {
        let mut writer = self.lock_writer();
        let mut directory = self.write();
        let mut head = writer.head;
        let mut entries = Vec::with_capacity(commands.len());
        let mut results = Vec::with_capacity(commands.len());
        for (command, context) in commands {
            let result = directory.execute(command.clone(), &context);
            let entry = head.next(Record::of(&directory, command, &context, &result));
            head = Head::of(&entry);
            if let Ok(events) = &result {
                for event in events {
                    directory.apply(event);
                }
            }
            entries.push(entry);
            results.push(result);
        }
        if let Err(e) = self.store.append(&entries) {
            // The directory holds effects that were not committed: rebuild it
            // from what the store has.
            let policy = directory.policy().clone();
            if let Ok(Some(d)) = self.rebuild(policy) {
                *directory = d;
            }
            return Err(CommandError::NotRecorded {
                reason: e.to_string(),
            });
        }
        writer.head = head;
        drop(directory);
        self.maybe_snapshot(&mut writer);
        Ok(results)
    }

    fn rebuild(&self, policy: Policy) -> Result<Option<Directory>, StoreError> {
        let mut d = Directory::with_policy(policy);
        self.store.scan(&Filter::all(), &mut |e| {
            replay(&mut d, std::iter::once(&e));
            true
        })?;
        Ok(Some(d))
    }

    fn maybe_snapshot(&self, writer: &mut Writer) {
        if writer.head.seq.saturating_sub(writer.snapshot_seq) >= self.snapshot_every {
            let _ = self.take_snapshot(writer);
        }
    }

    fn take_snapshot(&self, writer: &mut Writer) -> Result<(), StoreError> {
        let snapshot = DirectorySnapshot::of(&self.read());
        self.store.save_snapshot(writer.head, &snapshot)?;
        writer.snapshot_seq = writer.head.seq;
        Ok(())
    }

    /// Saves a snapshot of the directory now, so the next opening replays nothing.
    ///
    /// # Errors
    /// [`StoreError`] when it could not be written.
    pub fn checkpoint(&self) -> Result<(), StoreError> {
        let mut writer = self.lock_writer();
        self.take_snapshot(&mut writer)
    }

    /// Decides an access request.
    pub fn check(&self, request: &AccessRequest) -> Decision {
        self.read().check(request)
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
        let policy = self.read().policy().clone();
        let mut d = Directory::with_policy(policy);
        self.store.scan(&Filter::all(), &mut |e| {
            replay(&mut d, std::iter::once(&e));
            true
        })?;
        Ok(d)
    }

    /// The store underneath.
    pub fn store(&self) -> &dyn Store {
        &*self.store
    }

    /// Reads the directory under the shared lock.
    pub fn read(&self) -> RwLockReadGuard<'_, Directory> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_handle_is_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Kabinet>();
        let k = Kabinet::in_memory();
        let at = Kabinet::now();
        let d = k.check(&AccessRequest::new(
            AccountId(1),
            OrgId(1),
            kabinet_core::Right::UsersView,
            at,
        ));
        assert!(!d.allowed);
    }

    #[test]
    fn refused_commands_are_journaled_and_change_nothing() {
        let k = Kabinet::in_memory();
        let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
        let before = k.read().clone();
        let r = k.execute(
            Command::DisableAccount {
                account: AccountId(7),
            },
            &Context::system(at),
        );
        assert!(r.is_err());
        assert_eq!(*k.read(), before);
        let entries = k.journal(&Filter::all()).unwrap();
        assert_eq!(entries.len(), 1);
        assert!(entries[0].record.refused());
        assert_eq!(entries[0].record.outcome.code(), "account.not_found");
        assert_eq!(k.verify_journal().unwrap().unwrap().seq, 1);
    }

    #[test]
    fn the_journal_records_where_a_command_came_from() {
        let k = Kabinet::in_memory();
        let at: Timestamp = "2026-03-02T09:00:00Z".parse().unwrap();
        let ip: std::net::IpAddr = "203.0.113.7".parse().unwrap();
        k.execute(
            Command::RegisterAccount {
                name: kabinet_core::accounts::PersonName::new("Иванов", "Иван", None),
                snils: None,
                inn: None,
                email: None,
                phone: None,
            },
            &Context::system(at).from_ip(ip),
        )
        .unwrap();
        let entries = k.journal(&Filter::all()).unwrap();
        assert_eq!(entries[0].record.ip, Some(ip));
        assert_eq!(entries[0].record.at, at);
        assert_eq!(entries[0].record.outcome.events().len(), 1);
        assert_eq!(k.journal_head(), Head::of(&entries[0]));
    }
}
