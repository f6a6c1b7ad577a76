//! Why a store failed.

use kabinet_core::journal::checkpoint::CheckpointError;
use kabinet_core::journal::VerifyError;
use kabinet_core::Coded;

/// A store could not do what was asked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database reported an error.
    #[error("the database failed: {message}")]
    Database {
        /// The database's message.
        message: String,
    },
    /// The database was written by a newer version of kabinet.
    #[error("the database schema version {found} is newer than {supported}")]
    SchemaTooNew {
        /// The version found.
        found: i64,
        /// The newest version this library knows.
        supported: i64,
    },
    /// A stored entry or snapshot does not decode.
    #[error("stored entry {seq} does not decode: {message}")]
    Undecodable {
        /// The entry's sequence number (0 for a snapshot).
        seq: u64,
        /// Why.
        message: String,
    },
    /// The entries after the snapshot break the chain, or the journal or a
    /// snapshot disagrees with the latest signed checkpoint.
    #[error("the journal is broken: {0}")]
    Broken(VerifyError),
    /// The latest stored checkpoint is not signed by the host's key.
    #[error("the journal's checkpoint is refused: {0}")]
    Checkpoint(CheckpointError),
    /// The store cannot do this (a backup of a store in memory; a file
    /// backup of a PostgreSQL database, which `pg_dump` makes).
    #[error("this store cannot {}", unsupported_en(what))]
    Unsupported {
        /// What was asked.
        what: &'static str,
    },
    /// The library was built without the store this needs (a
    /// `postgresql://` URL without the `postgres` feature).
    #[error(
        "this build of kabinet has no {feature} store (built without the `{feature}` feature)"
    )]
    FeatureMissing {
        /// The cargo feature: `sqlite` or `postgres`.
        feature: &'static str,
    },
    /// The file holds no kabinet journal (and was not created as one).
    #[error("{path} holds no kabinet journal{}", wal_missing.as_ref().map(|w| format!(": the file is in WAL mode and its write-ahead log {w} is missing (copy a database with `kabinet db backup`, not by copying the file)")).unwrap_or_default())]
    NotAJournal {
        /// The file.
        path: String,
        /// The write-ahead log that should stand beside a file in WAL mode
        /// and does not (the file was copied without it), when that is why.
        wal_missing: Option<String>,
    },
    /// Another writer appended first: the head is not the one the entries
    /// were decided against.
    #[error("another writer appended first: the journal ends at {found}, not {expected}")]
    Conflict {
        /// The head's sequence number the entries were decided against.
        expected: u64,
        /// The head's sequence number found.
        found: u64,
    },
}

impl Coded for StoreError {
    fn code(&self) -> &'static str {
        match self {
            Self::Database { .. } => "store.database",
            Self::SchemaTooNew { .. } => "store.schema_too_new",
            Self::Undecodable { .. } => "store.undecodable",
            Self::Broken(e) => e.code(),
            Self::Checkpoint(e) => e.code(),
            Self::Conflict { .. } => "store.conflict",
            Self::NotAJournal { .. } => "store.not_a_journal",
            Self::Unsupported { .. } => "store.unsupported",
            Self::FeatureMissing { .. } => "store.feature_missing",
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Database { message } => format!("ошибка базы данных: {message}"),
            Self::SchemaTooNew { found, supported } => {
                format!("версия схемы базы {found} новее поддерживаемой {supported}")
            }
            Self::Undecodable { seq, message } => {
                format!("запись {seq} не читается: {message}")
            }
            Self::Broken(e) => format!("журнал повреждён: {}", e.message_ru()),
            Self::Checkpoint(e) => {
                format!("контрольная точка журнала отвергнута: {}", e.message_ru())
            }
            Self::Unsupported { what } => {
                let what = match *what {
                    "backup" => "сделать резервную копию",
                    POSTGRES_BACKUP => "сделать резервную копию в файл: базу PostgreSQL копируют pg_dump или базовой копией (pg_basebackup) с архивом WAL",
                    other => other,
                };
                format!("это хранилище не может {what}")
            }
            Self::FeatureMissing { feature } => format!(
                "эта сборка kabinet не содержит хранилища {feature} (собрана без функции `{feature}`)"
            ),
            Self::NotAJournal { path, wal_missing } => match wal_missing {
                Some(w) => format!(
                    "в {path} нет журнала kabinet: файл в режиме WAL, а его журнал упреждающей записи {w} отсутствует (копируйте базу командой `kabinet db backup`, а не копированием файла)"
                ),
                None => format!("в {path} нет журнала kabinet"),
            },
            Self::Conflict { expected, found } => format!(
                "другой писатель успел раньше: журнал заканчивается записью {found}, а не {expected}"
            ),
        }
    }

    fn message_en(&self) -> String {
        self.to_string()
    }
}

/// What a PostgreSQL store answers to a file backup.
pub(crate) const POSTGRES_BACKUP: &str = "backup_postgres";

fn unsupported_en(what: &str) -> &str {
    match what {
        POSTGRES_BACKUP => "make a file backup: a PostgreSQL database is backed up with pg_dump or a base backup (pg_basebackup) with WAL archiving",
        other => other,
    }
}

#[cfg(feature = "sqlite")]
impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        Self::Database {
            message: e.to_string(),
        }
    }
}

/// Why a person could not read an organization's journal.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JournalError {
    /// The person may not read this organization's journal (right `journal.view`).
    #[error("reading the journal is refused")]
    Refused {
        /// Every reason, with its code.
        refusals: Vec<kabinet_core::Refusal>,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Coded for JournalError {
    fn code(&self) -> &'static str {
        match self {
            Self::Refused { .. } => "journal.refused",
            Self::Store(e) => e.code(),
        }
    }

    fn message_ru(&self) -> String {
        match self {
            Self::Refused { refusals } => {
                let r: Vec<String> = refusals.iter().map(Coded::message_ru).collect();
                format!("чтение журнала запрещено: {}", r.join("; "))
            }
            Self::Store(e) => e.message_ru(),
        }
    }

    fn message_en(&self) -> String {
        match self {
            Self::Refused { refusals } => {
                let r: Vec<String> = refusals.iter().map(Coded::message_en).collect();
                format!("reading the journal is refused: {}", r.join("; "))
            }
            Self::Store(e) => e.message_en(),
        }
    }
}
