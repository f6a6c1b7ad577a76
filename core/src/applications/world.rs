//! What the rules of applications read of the directory and how they name
//! what they give back. The directory implements [`ApplicationWorld`]; the
//! rules are generic over it, so this feature names no type of the directory.

use super::{ApplicationError, ApplicationEvent, ApplicationPolicy, ApplicationState};
use crate::view::DirectoryView;

/// The directory as the rules of applications see it.
pub(crate) trait ApplicationWorld: DirectoryView<Error: From<ApplicationError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<ApplicationEvent>;

    /// Kinds, documents, numbering and sizes.
    fn application_policy(&self) -> &ApplicationPolicy;
    /// Every application so far.
    fn application_state(&self) -> &ApplicationState;
}
