//! Storage and the journal: [`Kabinet::open`] on an SQLite file, batches,
//! checkpoints, reading, verifying, replaying and exporting the journal.
//!
//! The journal is the hash-chained record of every command, refused ones
//! included. Entries cross as [`JournalEntry`] records (the full JSON form
//! is in [`JournalEntry::json`]); exports are the library's CSV and JSON
//! Lines, byte for byte.

use crate::context::{Context, SignatureEvidence, SignatureLevel};
use crate::handle::Kabinet;
use crate::values::Event;
use kabinet::ffi::{event_records, KabinetError};
use kabinet::journal::{export, Entry, Filter};
use kabinet::Timestamp;
use kabinet::{AccountId, Actor, Coded, Command, OrgId};

/// Which journal entries to select; every field left empty selects everything.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct JournalFilter {
    /// Only entries of this account.
    pub actor: Option<u64>,
    /// Only entries concerning this organization.
    pub organization: Option<u64>,
    /// Only entries whose command kind (`assign_role`) or an event kind (`role_assigned`) is this.
    pub kind: Option<String>,
    /// Only entries at or after this instant.
    pub from: Option<Timestamp>,
    /// Only entries strictly before this instant.
    pub until: Option<Timestamp>,
}

/// One journal entry.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalEntry {
    /// The sequence number, from 1.
    pub seq: u64,
    /// The digest of the entry before, in hex.
    pub prev: String,
    /// This entry's digest, in hex.
    pub hash: String,
    /// When.
    pub at: Timestamp,
    /// The acting account; none for the portal.
    pub actor: Option<u64>,
    /// The organization concerned.
    pub organization: Option<u64>,
    /// The signature level offered.
    pub signature: SignatureLevel,
    /// The address of the request.
    pub ip: Option<String>,
    /// The command kind (`assign_role`).
    pub kind: String,
    /// `applied` or the refusal's code.
    pub result: String,
    /// The events applied; empty when refused.
    pub events: Vec<Event>,
    /// The full JSON form of the entry.
    pub json: String,
}

/// Where the journal ends: the last sequence number and digest.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalHead {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last digest, in hex.
    pub hash: String,
}

/// The first bad entry of a journal.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalBreak {
    /// Its sequence number.
    pub seq: u64,
    /// The stable code (`journal.content`, `journal.link`, …).
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

/// What verifying the journal found.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalVerification {
    /// Whether every entry chains and matches its digest.
    pub valid: bool,
    /// The head, when valid.
    pub head: Option<JournalHead>,
    /// The first bad entry, when not.
    pub broken: Option<JournalBreak>,
}

/// One command of a batch: its JSON form and its context.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BatchCommand {
    /// The command in its documented JSON form.
    pub command_json: String,
    /// Who acts, when.
    pub context: Context,
}

/// What came of one command of a batch.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BatchOutcome {
    /// Whether it was applied.
    pub applied: bool,
    /// Its events, when applied.
    pub events: Vec<Event>,
    /// The refusal's code, when refused.
    pub code: Option<String>,
    /// The refusal in Russian.
    pub message_ru: Option<String>,
    /// The refusal in English.
    pub message_en: Option<String>,
}

impl JournalFilter {
    fn to_core(&self) -> Result<Filter, KabinetError> {
        Ok(Filter {
            actor: self.actor.map(|a| Actor::Account(AccountId(a))),
            organization: self.organization.map(OrgId),
            kind: self.kind.clone(),
            from: self.from,
            until: self.until,
        })
    }
}

impl From<&Entry> for JournalEntry {
    fn from(e: &Entry) -> Self {
        let r = &e.record;
        Self {
            seq: e.seq,
            prev: e.prev.to_string(),
            hash: e.hash.to_string(),
            at: r.at,
            actor: match r.actor {
                Actor::System => None,
                Actor::Account(a) => Some(a.0),
            },
            organization: r.organization.map(|o| o.0),
            signature: r.signature,
            ip: r.ip.map(|ip| ip.to_string()),
            kind: r.kind.clone(),
            result: r.outcome.code().into(),
            events: event_records(r.outcome.events()),
            json: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

fn head(h: kabinet::journal::Head) -> JournalHead {
    JournalHead {
        seq: h.seq,
        hash: h.hash.to_string(),
    }
}

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
        Ok(results
            .into_iter()
            .map(|r| match r {
                Ok(events) => BatchOutcome {
                    applied: true,
                    events: event_records(&events),
                    code: None,
                    message_ru: None,
                    message_en: None,
                },
                Err(e) => BatchOutcome {
                    applied: false,
                    events: vec![],
                    code: Some(e.code().into()),
                    message_ru: Some(e.message_ru()),
                    message_en: Some(e.message_en()),
                },
            })
            .collect())
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
        let entries = self.inner.journal(&filter.to_core()?)?;
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
            &filter.to_core()?,
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
        head(self.inner.journal_head())
    }

    /// Walks the whole journal and names the first bad entry, if any.
    ///
    /// # Errors
    /// `Storage` when the store could not be read.
    pub fn verify_journal(&self) -> Result<JournalVerification, KabinetError> {
        Ok(match self.inner.verify_journal()? {
            Ok(h) => JournalVerification {
                valid: true,
                head: Some(head(h)),
                broken: None,
            },
            Err(e) => JournalVerification {
                valid: false,
                head: None,
                broken: Some(JournalBreak {
                    seq: e.seq,
                    code: e.code().into(),
                    message_ru: e.message_ru(),
                    message_en: e.message_en(),
                }),
            },
        })
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
        for e in self.inner.journal(&filter.to_core()?)? {
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
        for e in self.inner.journal(&filter.to_core()?)? {
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
