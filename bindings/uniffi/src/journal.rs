//! Storage and the journal: [`Kabinet::open`] on an SQLite file, batches,
//! checkpoints, reading, verifying, replaying and exporting the journal.
//!
//! The journal is the hash-chained record of every command, refused ones
//! included. Entries cross as the FFI model's [`JournalEntry`] records (the full JSON form
//! is in [`JournalEntry::json`]); exports are the library's CSV and JSON
//! Lines, byte for byte.

use crate::context::SignatureEvidence;
use crate::handle::Kabinet;
use kabinet::ffi::KabinetError;
pub use kabinet::ffi::{BatchCommand, BatchOutcome, JournalBreak, JournalEntry, JournalFilter};
pub use kabinet::ffi::{JournalHead, JournalVerification};
use kabinet::journal::export;
use kabinet::Timestamp;
use kabinet::{AccountId, Command, OrgId};

#[uniffi::export]
impl Kabinet {
    /// Opens (or creates) a directory kept in an SQLite file, or in the
    /// PostgreSQL database a `postgresql://` URL names: the snapshot is
    /// restored and the journal after it replayed. The policy is the
    /// default one unless `policy_json` gives one (its JSON form; start from
    /// [`crate::default_policy_json`]).
    ///
    /// Several handles, in this process, others or (on PostgreSQL) other
    /// machines, may share the database:
    /// every answer includes what any of them acknowledged before the
    /// question, unless `max_staleness_ms` lets answers be that much older
    /// (the file is then asked at most that often).
    ///
    /// # Errors
    /// `Storage` (`store.open`, `store.schema`, …); `InvalidInput`
    /// (`policy.malformed`, `policy.unknown_field`) for a policy that is not one.
    #[uniffi::constructor(default(max_staleness_ms = None, policy_json = None))]
    pub fn open(
        path: String,
        max_staleness_ms: Option<u64>,
        policy_json: Option<String>,
    ) -> Result<Self, KabinetError> {
        let policy = policy(policy_json)?;
        let inner = kabinet::Kabinet::open_with_policy(path, policy)?;
        Ok(Self {
            inner: inner.freshness(kabinet::Freshness::within_millis(max_staleness_ms)),
        })
    }

    /// Runs commands in order in one transaction: each is decided on the
    /// state the ones before it left, all are journaled together.
    ///
    /// # Errors
    /// `InvalidInput` for a command that is not one (nothing runs);
    /// `Command` (`command.not_recorded`) when the store failed.
    pub fn execute_batch(
        &self,
        commands: Vec<BatchCommand>,
    ) -> Result<Vec<BatchOutcome>, KabinetError> {
        let parsed = commands
            .iter()
            .map(|c| {
                let command: Command =
                    kabinet::from_json(kabinet::JsonForm::Command, &c.command_json)?;
                Ok((command, c.context.clone()))
            })
            .collect::<Result<Vec<_>, KabinetError>>()?;
        let results = self.inner.execute_batch(parsed)?;
        Ok(results.into_iter().map(BatchOutcome::from).collect())
    }

    /// Saves a snapshot of the directory now, so that opening replays less.
    ///
    /// # Errors
    /// `Storage` when the store failed.
    pub fn checkpoint(&self) -> Result<(), KabinetError> {
        Ok(self.inner.checkpoint()?)
    }

    /// The journal entries the filter selects, in order.
    ///
    /// # Errors
    /// `Storage` when the store failed.
    pub fn journal(&self, filter: JournalFilter) -> Result<Vec<JournalEntry>, KabinetError> {
        let entries = self.inner.journal(&filter.into())?;
        Ok(entries.iter().map(JournalEntry::from).collect())
    }

    /// An organization's journal as a person reads it: right `journal.view` is checked first.
    ///
    /// # Errors
    /// `Access` with the refusals when the person may not read it; `Storage`.
    pub fn journal_as(
        &self,
        reader: u64,
        organization: u64,
        at: Timestamp,
        signature: SignatureEvidence,
        filter: JournalFilter,
    ) -> Result<Vec<JournalEntry>, KabinetError> {
        let entries = self.inner.journal_as(
            AccountId(reader),
            OrgId(organization),
            at,
            signature,
            &filter.into(),
        )?;
        Ok(entries.iter().map(JournalEntry::from).collect())
    }

    /// Copies the database, as of now, into one new self-contained file
    /// (never over an existing one); writers may go on meanwhile.
    ///
    /// # Errors
    /// `Storage` (`store.unsupported` in memory, `store.database`).
    pub fn backup(&self, dest: String) -> Result<(), KabinetError> {
        Ok(self.inner.backup(dest)?)
    }

    /// Folds the write-ahead log into the database file now (done anyway
    /// when the last handle closes).
    ///
    /// # Errors
    /// `Storage` when readers keep the log in use.
    pub fn fold_log(&self) -> Result<(), KabinetError> {
        Ok(self.inner.fold_log()?)
    }

    /// The last sequence number and digest.
    pub fn journal_head(&self) -> JournalHead {
        self.inner.journal_head().into()
    }

    /// Walks the whole journal and names the first bad entry, if any.
    ///
    /// # Errors
    /// `Storage` when the store could not be read.
    pub fn verify_journal(&self) -> Result<JournalVerification, KabinetError> {
        Ok(self.inner.verify_journal()?.into())
    }

    /// Rebuilds the directory from the journal alone and says whether it
    /// equals the live one.
    ///
    /// # Errors
    /// `Storage` when the store could not be read.
    pub fn replay_journal(&self) -> Result<bool, KabinetError> {
        let replayed = self.inner.replay_journal()?;
        Ok(replayed == *self.inner.read())
    }

    /// The selected entries as CSV: the header line, then one line per entry.
    ///
    /// # Errors
    /// `Storage` when the store failed.
    pub fn journal_csv(&self, filter: JournalFilter) -> Result<String, KabinetError> {
        let mut out = format!("{}\n", export::CSV_HEADER);
        for e in self.inner.journal(&filter.into())? {
            out.push_str(&export::csv_row(&e));
            out.push('\n');
        }
        Ok(out)
    }

    /// The selected entries as JSON Lines.
    ///
    /// # Errors
    /// `Storage` when the store failed.
    pub fn journal_json_lines(&self, filter: JournalFilter) -> Result<String, KabinetError> {
        let mut out = String::new();
        for e in self.inner.journal(&filter.into())? {
            out.push_str(&export::json_line(&e));
            out.push('\n');
        }
        Ok(out)
    }
}

/// The policy in its JSON form, or the default one.
pub(crate) fn policy(policy_json: Option<String>) -> Result<kabinet::Policy, KabinetError> {
    policy_json.map_or_else(
        || Ok(kabinet::Policy::default()),
        |json| Ok(kabinet::from_json(kabinet::JsonForm::Policy, &json)?),
    )
}
