//! Opening a store by where it is: a `postgresql://` URL names a PostgreSQL
//! database, anything else an SQLite file.

use super::{Store, StoreError};
use std::path::Path;

/// Whether opening may create the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opening {
    /// Create the database (a file, or the tables) when there is none, and
    /// migrate an older one.
    CreateOrMigrate,
    /// Only a database that already holds a journal
    /// ([`StoreError::NotAJournal`] otherwise).
    Existing,
}

/// Opens the store at `target`: a PostgreSQL database for a `postgres://`
/// or `postgresql://` URL, otherwise the SQLite file at that path.
///
/// # Errors
/// [`StoreError::FeatureMissing`] when the library was built without the
/// store's feature; otherwise as the store's own `open`.
pub fn open_store(target: &Path, opening: Opening) -> Result<Box<dyn Store>, StoreError> {
    if let Some(url) = target.to_str().filter(|t| is_postgres_url(t)) {
        return open_postgres(url, opening);
    }
    open_sqlite(target, opening)
}

/// Whether `target` names a PostgreSQL database rather than a file.
pub(crate) fn is_postgres_url(target: &str) -> bool {
    target.starts_with("postgres://") || target.starts_with("postgresql://")
}

#[cfg(feature = "postgres")]
fn open_postgres(url: &str, opening: Opening) -> Result<Box<dyn Store>, StoreError> {
    use super::PostgresStore;
    Ok(Box::new(match opening {
        Opening::CreateOrMigrate => PostgresStore::open(url)?,
        Opening::Existing => PostgresStore::open_existing(url)?,
    }))
}

#[cfg(not(feature = "postgres"))]
fn open_postgres(_url: &str, _opening: Opening) -> Result<Box<dyn Store>, StoreError> {
    Err(StoreError::FeatureMissing {
        feature: "postgres",
    })
}

#[cfg(feature = "sqlite")]
fn open_sqlite(path: &Path, opening: Opening) -> Result<Box<dyn Store>, StoreError> {
    use super::SqliteStore;
    Ok(Box::new(match opening {
        Opening::CreateOrMigrate => SqliteStore::open(path)?,
        Opening::Existing => SqliteStore::open_existing(path)?,
    }))
}

#[cfg(not(feature = "sqlite"))]
fn open_sqlite(_path: &Path, _opening: Opening) -> Result<Box<dyn Store>, StoreError> {
    Err(StoreError::FeatureMissing { feature: "sqlite" })
}
