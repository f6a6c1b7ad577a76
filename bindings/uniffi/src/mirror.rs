//! [`mirror_enum!`]: a plain enum of the library mirrored for the foreign
//! interface, with the conversions both ways.
//!
//! The library's fieldless enums (login methods, categories, statuses, …)
//! cross as UniFFI enums of the same variants; the macro writes the enum and
//! both `From` conversions from one list, so that the variants cannot drift
//! apart and no binding file repeats the matches.

/// Declares `pub enum $name` with the given variants (each documented) as a
/// `uniffi::Enum`, and `From` both ways with the library's enum at `$core`.
macro_rules! mirror_enum {
    (
        $(#[$meta:meta])*
        $name:ident = $core:ty {
            $( $(#[$vmeta:meta])* $variant:ident ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, uniffi::Enum)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl From<$name> for $core {
            fn from(v: $name) -> Self {
                match v {
                    $( $name::$variant => Self::$variant ),+
                }
            }
        }

        impl From<$core> for $name {
            fn from(v: $core) -> Self {
                type Core = $core;
                match v {
                    $( Core::$variant => Self::$variant ),+
                }
            }
        }
    };
}

pub(crate) use mirror_enum;
