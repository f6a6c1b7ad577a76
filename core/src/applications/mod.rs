//! Applications and reports (заявления и отчёты, DOMAIN §8): numbered,
//! with documents checked by content, statuses with history and comments.
//!
//! An application is created as a draft by a holder of `applications.edit`,
//! gets documents (PDF, XML, XLSX, DOCX, JPEG, recognized by content, at
//! most 10 MB, each slot with its formats and its required signature
//! level), and is submitted by a holder of `applications.approve`. A
//! submission missing a required document, or with a document signed below
//! the level its slot asks, is returned with the list of what is missing.
//! Then the agency (System) moves it through В обработке (processing),
//! Ожидает подтверждения (awaiting confirmation — the organization confirms
//! with `applications.approve`), Одобрено (approved) or Отклонено
//! (rejected). Replacing a document keeps the replaced one in the history.
//! Numbers are deterministic: a prefix, the organization and its sequence.

mod application;
mod command;
mod error;
mod execute;
mod format;
mod kind;
mod notices;
mod status;
mod world;

pub use application::{Application, ApplicationId, Comment, Document, StatusChange};
pub use command::{ApplicationCommand, ApplicationEvent, Missing};
pub use error::ApplicationError;
pub(crate) use execute::{apply, execute};
pub use format::{sniff, DocumentFormat};
pub use kind::{ApplicationKind, ApplicationPolicy, DocumentContent, DocumentSlot};
pub(crate) use notices::notices_for;
pub use status::ApplicationStatus;
pub(crate) use world::ApplicationWorld;

use std::collections::{BTreeMap, HashMap};

/// Every application, with the organizations' number sequences.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplicationState {
    pub(crate) applications: BTreeMap<ApplicationId, Application>,
    pub(crate) sequences: HashMap<crate::ids::OrgId, u64>,
    pub(crate) next: u64,
}

impl ApplicationState {
    /// An application by its identifier.
    pub fn get(&self, id: ApplicationId) -> Option<&Application> {
        self.applications.get(&id)
    }

    /// An application by its number.
    pub fn by_number(&self, number: &str) -> Option<&Application> {
        self.applications.values().find(|a| a.number == number)
    }

    /// The applications of an organization, oldest first.
    pub fn of(&self, org: crate::ids::OrgId) -> impl Iterator<Item = &Application> {
        self.applications.values().filter(move |a| a.org == org)
    }
}
