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
//! | a SHA-256 digest | lowercase hex |
//! | an identifier ([`Inn`], [`Snils`], …) | its canonical text (refused with its code when invalid) |
//! | an IP address | its text |
//! | a right ([`Right`]) | its code (`users.view`) |
//! | a set of rights ([`RightSet`]) | the rights' codes, in catalog order |
//! | the sets of channels and categories of preferences | lists, in order |
//!
//! Values only ever go out as these types; where a host passes one in (a
//! time, a number), the conversion refuses what the library cannot hold
//! (a time beyond the year 9999, a code that names no right).
//!
//! Where the foreign form adds to a value — a decision with its
//! explanations written, a certificate report with its evidence computed,
//! an account flattened for display, the outcome of a login read from its
//! events — the record is here, one module per concept (`decisions`,
//! `certificates`, `signatures`, `directory`, `logins`, `applications`,
//! `identifiers`, `events`, `journal`, `registry`), with the conversion from the library's value.
//! The bindings call the library and hand these records over; they hold
//! none of their own.

// The error envelope is the foreign interface's: built once per failed call,
// its size is what a host receives, not a cost on the success path.
#![allow(clippy::result_large_err)]

mod applications;
mod certificates;
mod decisions;
mod directory;
mod error;
mod events;
mod identifiers;
mod journal;
mod logins;
mod registry;
mod signatures;
#[cfg(test)]
mod tests;

pub use applications::SubmitOutcome;
pub use certificates::{count, CertificateParts, CertificateProblem, CertificateReport};
pub use decisions::{DecisionRecord, PositionedDecision, RightInfo, RoleInfo};
pub use directory::{AccessGroupInfo, AccountInfo, CustomRoleInfo, InvitationInfo};
pub use directory::{MemberInfo, OrganizationInfo};
pub use error::{Area, FieldError, KabinetError, Refusal};
pub use events::{event_records, EventRecord};
pub use identifiers::{
    BankAccount, IdentifierCheck, ParsedEmail, ParsedInn, ParsedKpp, ParsedSnils,
};
pub use journal::{BatchCommand, BatchOutcome, JournalBreak, JournalEntry, JournalFilter};
pub use journal::{JournalHead, JournalVerification};
pub use logins::SessionInfo;
pub use logins::{AccountAuthInfo, CodeOutcome, LoginOutcome, PendingCodeInfo, PinOutcome};
pub use registry::RegistryRecord;
pub use signatures::{json_error, CmsReport, CmsSigner, FnsPowerEvidence, FnsPowerVerification};
pub use signatures::{XmlDsigReport, XmlSignature};

use crate::applications::ApplicationId;
use crate::auth::SessionId;
use crate::host_input::{InputError, InputKind};
use crate::identifiers::{Bik, Email, Inn, Kpp, Ogrn, Ogrnip, Phone, Snils};
use crate::ids::{AccessGroupId, AccountId, CustomRoleId, InvitationId, OrgId, PowerNumber};
use crate::notifications::{Category, Channel, DeliveryId};
use crate::rights::{Right, RightSet};
use crate::Timestamp;
use std::collections::BTreeSet;
use std::net::IpAddr;
use std::time::SystemTime;

/// The JSON name of a unit variant (`confirmed`, `head`, `in_force`): the
/// foreign form of a state that crosses as text names it as the JSON form
/// does, from the same `serde` attributes. A variant with data has no
/// such name and gives the empty text.
pub(crate) fn name_of<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

uniffi::custom_type!(Timestamp, SystemTime, {
    remote,
    lower: |t| SystemTime::from(t),
    try_lift: |t| Timestamp::try_from(t).map_err(|e| refused(InputKind::TimeOutOfRange, &format!("{t:?}"), e)),
});

uniffi::custom_type!(PowerNumber, String, {
    remote,
    lower: |n| n.to_string(),
    try_lift: |s| crate::host_input::power_number(&s)
        .map_err(|e| uniffi::deps::anyhow::Error::new(KabinetError::from(e))),
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
    DeliveryId,
    ApplicationId,
    SessionId
);

uniffi::custom_type!(Right, String, {
    lower: |r| r.code().to_owned(),
    try_lift: |code| Right::from_code(&code).ok_or_else(|| refused(InputKind::Right, &code, "no such right")),
});

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

macro_rules! identifiers {
    ($($id:ident),+ $(,)?) => {
        $(uniffi::custom_type!($id, String, {
            lower: |v| v.as_str().to_owned(),
            try_lift: |text| {
                $id::parse(&text)
                    .map_err(|e| uniffi::deps::anyhow::Error::new(KabinetError::from(e)))
            },
        });)+
    };
}

identifiers!(Inn, Kpp, Ogrn, Ogrnip, Snils, Bik, Email, Phone);

uniffi::custom_type!(IpAddr, String, {
    remote,
    lower: |ip| ip.to_string(),
    try_lift: |text| text.parse().map_err(|e| refused(InputKind::IpAddress, &text, e)),
});

/// A SHA-256 digest, as lowercase hex.
pub type Digest = [u8; 32];

uniffi::custom_type!(Digest, String, {
    remote,
    lower: |d| d.iter().map(|b| format!("{b:02x}")).collect(),
    try_lift: |hex| {
        let mut out = [0u8; 32];
        let pairs = hex.as_bytes().chunks(2);
        if hex.len() != 64 {
            return Err(refused(InputKind::Encoding, &hex, "not 64 hex digits"));
        }
        for (slot, pair) in out.iter_mut().zip(pairs) {
            let text = std::str::from_utf8(pair).unwrap_or("");
            *slot = u8::from_str_radix(text, 16)
                .map_err(|e| refused(InputKind::Encoding, &hex, e))?;
        }
        Ok(out)
    },
});

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
