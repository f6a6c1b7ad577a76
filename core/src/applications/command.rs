//! Application commands and events.

use super::application::{ApplicationId, Document};
use super::{ApplicationState, ApplicationStatus, DocumentContent};
use crate::context::Actor;
use crate::ids::{AccountId, OrgId};
use crate::{SignatureLevel, Timestamp};
use serde::{Deserialize, Serialize};

/// A command on applications. Who may execute each is said on the variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "application_command")]
pub enum ApplicationCommand {
    /// Creates a draft with the next number. Right `applications.edit`.
    Create {
        /// The organization.
        org: OrgId,
        /// The kind of application (one of the policy's).
        kind: String,
        /// Its title.
        title: String,
    },
    /// Attaches or replaces the document of a slot of a draft. Right `applications.edit`.
    AttachDocument {
        /// The application.
        application: ApplicationId,
        /// The slot.
        slot: String,
        /// The file's name as uploaded.
        file_name: String,
        /// What [`DocumentContent::inspect`] found in the file.
        content: DocumentContent,
        /// The signature the document carries, validated by the host.
        signature: Option<SignatureLevel>,
    },
    /// Sends a draft; missing documents return it with the list. Right `applications.approve`.
    Submit {
        /// The application.
        application: ApplicationId,
    },
    /// The agency's decision or progress. System.
    SetStatus {
        /// The application.
        application: ApplicationId,
        /// The new status.
        status: ApplicationStatus,
        /// Why.
        comment: Option<String>,
    },
    /// Confirms an application awaiting confirmation. Right `applications.approve`.
    Confirm {
        /// The application.
        application: ApplicationId,
    },
    /// Adds a comment. Right `applications.view`, or System.
    AddComment {
        /// The application.
        application: ApplicationId,
        /// The text.
        text: String,
    },
}

/// What is missing from a returned application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "missing")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
pub enum Missing {
    /// A required document is absent.
    Document {
        /// The slot.
        slot: String,
    },
    /// A document's signature is weaker than its slot requires.
    Signature {
        /// The slot.
        slot: String,
        /// The level required.
        required: SignatureLevel,
        /// The level it carries, if any.
        offered: Option<SignatureLevel>,
    },
}

impl ApplicationCommand {
    /// The organization the command concerns in `state`: the one named on
    /// creation, or the one of the application acted on (`None` for an
    /// application `state` does not hold).
    pub fn organization(&self, state: &ApplicationState) -> Option<OrgId> {
        match self {
            Self::Create { org, .. } => Some(*org),
            Self::AttachDocument { application, .. }
            | Self::Submit { application }
            | Self::SetStatus { application, .. }
            | Self::Confirm { application }
            | Self::AddComment { application, .. } => state.get(*application).map(|a| a.org),
        }
    }
}

/// Something that happened to an application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "snake_case", tag = "application_event")]
#[allow(missing_docs)] // fields are named for what they hold; each variant is documented
pub enum ApplicationEvent {
    /// A draft was created.
    Created {
        application: ApplicationId,
        number: String,
        org: OrgId,
        kind: String,
        title: String,
        by: AccountId,
        at: Timestamp,
    },
    /// A document was attached (replacing the slot's previous one, kept in history).
    DocumentAttached {
        application: ApplicationId,
        document: Document,
    },
    /// A submission was returned: what is missing.
    Returned {
        application: ApplicationId,
        missing: Vec<Missing>,
        by: AccountId,
        at: Timestamp,
    },
    /// The status changed (a submission sets "processing").
    StatusChanged {
        application: ApplicationId,
        status: ApplicationStatus,
        by: Actor,
        at: Timestamp,
        comment: Option<String>,
    },
    /// A comment was added.
    Commented {
        application: ApplicationId,
        by: Actor,
        at: Timestamp,
        text: String,
    },
}
