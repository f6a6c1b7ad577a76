//! Identifiers the directory assigns to the things it holds.
//!
//! Accounts, organizations, invitations, custom roles and access groups are
//! numbered by the directory when the command creating them is executed; the
//! number travels in the event, so replaying the journal reproduces it.
//! Hosts keep their own mapping to the portal's identifiers (ЕСИА oid).

use serde::{Deserialize, Serialize};

/// The number of a power of attorney (a UUID, as in the МЧД): given by its
/// issuer, not by the directory.
pub type PowerNumber = uuid::Uuid;

macro_rules! numeric_id {
    ($(#[$doc:meta])* $name:ident, $prefix:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);

        impl core::fmt::Display for $name {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                write!(f, concat!($prefix, "{}"), self.0)
            }
        }
    };
}

numeric_id!(
    /// A person's account (учётная запись физического лица).
    AccountId,
    "account#"
);
numeric_id!(
    /// An organization (юридическое лицо, ИП, учреждение, орган власти, филиал).
    OrgId,
    "org#"
);
numeric_id!(
    /// An invitation to join an organization.
    InvitationId,
    "invitation#"
);
numeric_id!(
    /// A custom role defined by an organization.
    CustomRoleId,
    "role#"
);
numeric_id!(
    /// An access group (группа доступа) of an organization.
    AccessGroupId,
    "group#"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_display_with_their_kind() {
        assert_eq!(AccountId(7).to_string(), "account#7");
        assert_eq!(OrgId(1).to_string(), "org#1");
        assert_eq!(serde_json::to_string(&OrgId(3)).unwrap(), "3");
    }
}
