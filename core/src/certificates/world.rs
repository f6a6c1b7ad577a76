//! What the rules of certificate binding read of the directory and how they
//! name what they give back. The directory implements [`CertificateWorld`];
//! the rules are generic over it, so this feature names no type of the
//! directory.

use super::{CertificateError, CertificateEvent, CertificateState};
use crate::accounts::Account;
use crate::ids::{AccountId, OrgId};
use crate::organizations::Organization;
use crate::view::DirectoryView;

/// The directory as the rules of certificate binding see it.
pub(crate) trait CertificateWorld: DirectoryView<Error: From<CertificateError>> {
    /// The directory's event, which holds this feature's.
    type Event: From<CertificateEvent>;

    /// Every certificate bound so far.
    fn certificate_state(&self) -> &CertificateState;
    /// The organization and the account of one of its employees (the
    /// refusal when either is unknown or the account is no member).
    fn employee(
        &self,
        org: OrgId,
        account: AccountId,
    ) -> Result<(&Organization, &Account), Self::Error>;
}
