//! [`typed_commands!`]: the typed methods of [`crate::Kabinet`] declared as
//! a table, one line per command. The arguments are the command's own
//! fields, of the library's types (numbers, identifiers, rights and times
//! convert in `kabinet::ffi`, refusing what does not parse with its code),
//! so each method only names its command; the macro writes the method
//! that builds and runs it.
//!
//! The file invoking the macro imports `Kabinet` (UniFFI exports methods of
//! a type named plainly). Three ways a command runs:
//! - `by`: a person or the portal acting in a [`crate::Context`] (the
//!   first argument); returns the events;
//! - `creating`: the same, returning the number of what it created;
//! - `system`: the portal at a time (the last argument); returns the events.

/// Declares typed command methods; see the module's documentation.
macro_rules! typed_commands {
    ($(
        $(#[$doc:meta])*
        $how:ident fn $name:ident($($arg:ident: $ty:ty),* $(,)?) => $family:ident::$variant:ident;
    )*) => {
        $(crate::typed::typed_commands!(@one $how [$(#[$doc])*] $name ($($arg: $ty),*) $family $variant);)*
    };
    (@one by [$(#[$doc:meta])*] $name:ident ($($arg:ident: $ty:ty),*) $family:ident $variant:ident) => {
        #[uniffi::export]
        impl Kabinet {
            $(#[$doc])*
            pub fn $name(
                &self,
                context: kabinet::Context,
                $($arg: $ty),*
            ) -> Result<Vec<crate::values::Event>, kabinet::ffi::KabinetError> {
                type Family = crate::typed::family!($family);
                self.by(
                    kabinet::Command::$family(Family::$variant { $($arg),* }),
                    &context,
                )
            }
        }
    };
    (@one creating [$(#[$doc:meta])*] $name:ident ($($arg:ident: $ty:ty),*) $family:ident $variant:ident) => {
        #[uniffi::export]
        impl Kabinet {
            $(#[$doc])*
            pub fn $name(
                &self,
                context: kabinet::Context,
                $($arg: $ty),*
            ) -> Result<u64, kabinet::ffi::KabinetError> {
                type Family = crate::typed::family!($family);
                self.creating(
                    kabinet::Command::$family(Family::$variant { $($arg),* }),
                    &context,
                )
            }
        }
    };
    (@one system [$(#[$doc:meta])*] $name:ident ($($arg:ident: $ty:ty),*) $family:ident $variant:ident) => {
        #[uniffi::export]
        impl Kabinet {
            $(#[$doc])*
            pub fn $name(
                &self,
                $($arg: $ty,)*
                at: kabinet::Timestamp,
            ) -> Result<Vec<crate::values::Event>, kabinet::ffi::KabinetError> {
                type Family = crate::typed::family!($family);
                self.system(
                    kabinet::Command::$family(Family::$variant { $($arg),* }),
                    at,
                )
            }
        }
    };
}

/// The command enum of a family of [`kabinet::Command`].
macro_rules! family {
    (Accounts) => {
        kabinet::AccountCommand
    };
    (Organizations) => {
        kabinet::OrganizationCommand
    };
    (Employees) => {
        kabinet::EmployeeCommand
    };
    (Roles) => {
        kabinet::RoleCommand
    };
    (Delegation) => {
        kabinet::DelegationCommand
    };
    (Auth) => {
        kabinet::auth::AuthCommand
    };
    (Session) => {
        kabinet::auth::SessionCommand
    };
    (Notification) => {
        kabinet::notifications::NotificationCommand
    };
    (Application) => {
        kabinet::applications::ApplicationCommand
    };
}

pub(crate) use family;
pub(crate) use typed_commands;
