//! How the rules of organizations refuse. Each refusal becomes the
//! directory's [`crate::CommandError`] of the same name, with its stable code.

use super::FieldError;

/// A refusal of the rules of organizations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OrganizationError {
    /// The requisites do not validate (every field's error).
    InvalidRequisites { fields: Vec<FieldError> },
    /// A branch's parent is not an active legal entity with the same ИНН and ОГРН.
    BranchParent,
    /// Only the submitter resubmits a registration.
    NotSubmitter,
    /// The organization's status forbids the command.
    Status { status: &'static str },
    /// ИНН, ОГРН and ОГРНИП never change.
    IdentityImmutable,
    /// The change is already the state.
    AlreadyInStatus { status: &'static str },
}
