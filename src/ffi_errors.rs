//! The failures of the stores as the foreign interface raises them (the
//! envelope is the core's [`kabinet_core::ffi::KabinetError`]).

use crate::store::{JournalError, StoreError};
use kabinet_core::ffi::{Area, KabinetError};

impl From<StoreError> for KabinetError {
    fn from(e: StoreError) -> Self {
        Self::coded(Area::Storage, &e)
    }
}

impl From<JournalError> for KabinetError {
    fn from(e: JournalError) -> Self {
        match &e {
            JournalError::Refused { refusals } => Self::refused(refusals),
            _ => Self::coded(Area::Storage, &e),
        }
    }
}
