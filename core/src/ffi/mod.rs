//! How the library's values cross the foreign interface of `kabinet-uniffi`
//! (Kotlin, Swift) as they are: the records and enums derive
//! `uniffi::Record` / `uniffi::Enum` where they are defined (behind the
//! `uniffi` feature), so no binding restates them. Here are the values
//! whose foreign form is a builtin one:
//!
//! | library | crosses as |
//! |---|---|
//! | [`Timestamp`] | `SystemTime` (Kotlin `java.time.Instant`, Swift `Date`) |
//! | the numbers the directory gives ([`AccountId`], [`OrgId`], …) | `u64` |
//! | a power's number ([`PowerNumber`]) | its UUID text |
//! | a set of rights ([`RightSet`]) | the rights' codes, in catalog order |
//! | the sets of channels and categories of preferences | lists, in order |
//!
//! Values only ever go out as these types; where a host passes one in (a
//! time, a number), the conversion refuses what the library cannot hold
//! (a time beyond the year 9999, a code that names no right).

mod error;

pub use error::{Area, FieldError, KabinetError, Refusal};

use crate::host_input::{InputError, InputKind};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId, PowerNumber};
use crate::notifications::{Category, Channel, DeliveryId};
use crate::rights::{Right, RightSet};
use crate::Timestamp;
use std::collections::BTreeSet;
use std::time::SystemTime;

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |t| SystemTime::from(t),
    try_lift: |t| Timestamp::try_from(t).map_err(|e| refused(InputKind::TimeOutOfRange, &format!("{t:?}"), e)),
});

uniffi::custom_type!(PowerNumber, String, {
    remote,
    lower: |n| n.to_string(),
    try_lift: |s| PowerNumber::parse_str(&s).map_err(|e| refused(InputKind::PowerNumber, &s, e)),
});

macro_rules! numbers {
    ($($id:ident),+ $(,)?) => {
        $(uniffi::custom_type!($id, u64, {
            lower: |id| id.0,
            try_lift: |n| Ok($id(n)),
        });)+
    };
}

numbers!(
    AccountId,
    OrgId,
    InvitationId,
    CustomRoleId,
    AccessGroupId,
    DeliveryId
);

uniffi::custom_type!(RightSet, Vec<String>, {
    lower: |s| s.iter().map(|r| r.code().to_owned()).collect(),
    try_lift: |codes| {
        codes
            .iter()
            .map(|c| Right::from_code(c).ok_or_else(|| refused(InputKind::Right, c, "no such right")))
            .collect::<Result<RightSet, _>>()
    },
});

/// A value a host passed that the library cannot hold, raised as the coded
/// [`KabinetError`] the call declares (UniFFI hands a conversion's error
/// of the call's own error type to the host as it is).
fn refused(
    kind: InputKind,
    value: &str,
    why: impl core::fmt::Display,
) -> uniffi::deps::anyhow::Error {
    uniffi::deps::anyhow::Error::new(KabinetError::from(
        InputError::new(kind, value).because(why),
    ))
}

/// The channels of a person's preferences, as a list in order.
pub type Channels = BTreeSet<Channel>;
/// The categories a person subscribes to, as a list in order.
pub type Categories = BTreeSet<Category>;

uniffi::custom_type!(Channels, Vec<Channel>, {
    remote,
    lower: |s| s.into_iter().collect(),
    try_lift: |v| Ok(v.into_iter().collect()),
});

uniffi::custom_type!(Categories, Vec<Category>, {
    remote,
    lower: |s| s.into_iter().collect(),
    try_lift: |v| Ok(v.into_iter().collect()),
});
