//! Applications and reports, typed: documents checked by their content, the
//! commands as methods of [`Kabinet`], and the queries as records.
//!
//! A document's bytes are read here ([`inspect_document`]): its format is
//! recognized from the content, never from the file name, so a file that is
//! not what its slot accepts is refused (`document.*`). A submission missing
//! a document, or one signed below its slot's level, is not an error: its
//! [`SubmitOutcome`] lists what is missing. Refusals are `Command` errors
//! with the `application.*` and `document.*` codes. The records are in
//! [`crate::application_values`].

use crate::application_values::{Application, ApplicationStatus, DocumentFormat};
use crate::context::{Context, SignatureLevel};
use crate::handle::Kabinet;
use crate::typed::typed_commands;
use crate::values::Event;
use kabinet::applications::{
    self, ApplicationCommand, ApplicationEvent, ApplicationId, DocumentContent,
};
pub use kabinet::ffi::SubmitOutcome;
use kabinet::ffi::{event_records, KabinetError};
use kabinet::{Coded, Command, OrgId};

fn application_error(e: &applications::ApplicationError) -> KabinetError {
    KabinetError::input(e.code(), e.message_ru(), e.message_en())
}

fn inspect(bytes: &[u8], size: u64, max_bytes: u64) -> Result<DocumentContent, KabinetError> {
    DocumentContent::inspect(bytes, size, max_bytes).map_err(|e| application_error(&e))
}

/// Recognizes a document by its bytes (`bytes` is the whole file or its
/// first bytes, `size` its full size), refusing more than `max_bytes`.
///
/// # Errors
/// `InvalidInput` (`document.too_large`, `document.unrecognized_content`).
#[uniffi::export]
pub fn inspect_document(
    bytes: Vec<u8>,
    size: u64,
    max_bytes: u64,
) -> Result<DocumentContent, KabinetError> {
    inspect(&bytes, size, max_bytes)
}

/// The format of a document recognized from its first bytes (`size` its full size).
///
/// # Errors
/// `InvalidInput` (`document.unrecognized_content`).
#[uniffi::export]
pub fn sniff_document(bytes: Vec<u8>, size: u64) -> Result<DocumentFormat, KabinetError> {
    applications::sniff(&bytes, size).map_err(|e| application_error(&e))
}

impl Kabinet {
    fn application_command(
        &self,
        command: ApplicationCommand,
        context: &Context,
    ) -> Result<Vec<kabinet::Event>, KabinetError> {
        self.run_core(Command::Application(command), context)
    }
}

#[uniffi::export]
impl Kabinet {
    /// Creates a draft (right `applications.edit`); returns its number in the directory.
    ///
    /// # Errors
    /// `Command` (`application.unknown_kind`, `application.bad_text`, `access.denied`).
    pub fn create_application(
        &self,
        context: Context,
        org: u64,
        kind: String,
        title: String,
    ) -> Result<u64, KabinetError> {
        let command = ApplicationCommand::Create {
            org: OrgId(org),
            kind,
            title,
        };
        let list = self.application_command(command, &context)?;
        list.iter()
            .find_map(|e| match e {
                kabinet::Event::Application(ApplicationEvent::Created { application, .. }) => {
                    Some(application.0)
                }
                _ => None,
            })
            .ok_or_else(|| {
                KabinetError::from(
                    kabinet::InputError::new(kabinet::InputKind::CommandId, "")
                        .because("the command created nothing"),
                )
            })
    }

    /// Attaches (or replaces) the document of a slot from the file's bytes,
    /// refusing more than `max_bytes`; `signature` is the level the host
    /// validated on it, if any. Right `applications.edit`.
    ///
    /// # Errors
    /// `InvalidInput` (`document.too_large`, `document.unrecognized_content`);
    /// `Command` (`document.wrong_format`, `application.unknown_slot`, …).
    #[allow(clippy::too_many_arguments)]
    pub fn attach_document(
        &self,
        context: Context,
        application: u64,
        slot: String,
        file_name: String,
        bytes: Vec<u8>,
        signature: Option<SignatureLevel>,
        max_bytes: u64,
    ) -> Result<Vec<Event>, KabinetError> {
        let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        let command = ApplicationCommand::AttachDocument {
            application: ApplicationId(application),
            slot,
            file_name,
            content: inspect(&bytes, size, max_bytes)?,
            signature,
        };
        Ok(event_records(&self.application_command(command, &context)?))
    }

    /// Submits a draft (right `applications.approve`): it is sent, or
    /// returned with what it lacks.
    ///
    /// # Errors
    /// `Command` (`application.wrong_status`, `access.denied`, …).
    pub fn submit_application(
        &self,
        context: Context,
        application: u64,
    ) -> Result<SubmitOutcome, KabinetError> {
        let command = ApplicationCommand::Submit {
            application: ApplicationId(application),
        };
        let list = self.application_command(command, &context)?;
        Ok(SubmitOutcome::of(&list))
    }

    /// An application by its number in the directory.
    pub fn application(&self, id: u64) -> Option<Application> {
        let d = self.inner.read();
        d.application_state().get(ApplicationId(id)).cloned()
    }

    /// An application by its printed number (`ЗВ-1-000001`).
    pub fn application_by_number(&self, number: String) -> Option<Application> {
        let d = self.inner.read();
        d.application_state().by_number(&number).cloned()
    }

    /// An organization's applications, in creation order.
    pub fn applications_of(&self, org: u64) -> Vec<Application> {
        let d = self.inner.read();
        d.application_state().of(OrgId(org)).cloned().collect()
    }
}

typed_commands! {
    /// The agency moves an application (`Processing` to `AwaitingConfirmation`,
    /// `Approved` or `Rejected`), with a comment. The portal. Errors:
    /// `Command` (`application.wrong_status`, `application.not_found`).
    system fn set_application_status(
        application: ApplicationId,
        status: ApplicationStatus,
        comment: Option<String>,
    ) => Application::SetStatus;
    /// The organization confirms an application awaiting confirmation
    /// (right `applications.approve`). Errors: `Command`
    /// (`application.wrong_status`, `access.denied`).
    by fn confirm_application(application: ApplicationId) => Application::Confirm;
    /// Adds a comment (right `applications.view`, or the portal). Errors:
    /// `Command` (`application.bad_text`, `access.denied`).
    by fn comment_application(application: ApplicationId, text: String) => Application::AddComment;
}
