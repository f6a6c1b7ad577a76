//! The foreign form of the journal: which entries to select, an entry with
//! its digests as hex, its events and its whole JSON form, the head, what
//! verifying found, and one command of a batch with what came of it.

use super::{event_records, EventRecord};
use crate::journal::{Entry, Filter, Head, VerifyError};
use crate::signatures::SignatureLevel;
use crate::{AccountId, Actor, Coded, CommandError, Context, Event, OrgId, Timestamp};

/// Which journal entries to select; every field left empty selects everything.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct JournalFilter {
    /// Only entries of this account.
    pub actor: Option<AccountId>,
    /// Only entries concerning this organization.
    pub organization: Option<OrgId>,
    /// Only entries whose command kind (`assign_role`) or an event kind (`role_assigned`) is this.
    pub kind: Option<String>,
    /// Only entries at or after this instant.
    pub from: Option<Timestamp>,
    /// Only entries strictly before this instant.
    pub until: Option<Timestamp>,
}

impl From<JournalFilter> for Filter {
    fn from(f: JournalFilter) -> Self {
        Self {
            actor: f.actor.map(Actor::Account),
            organization: f.organization,
            kind: f.kind,
            from: f.from,
            until: f.until,
        }
    }
}

/// One journal entry.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalEntry {
    /// The sequence number, from 1.
    pub seq: u64,
    /// The digest of the entry before, in hex.
    pub prev: String,
    /// This entry's digest, in hex.
    pub hash: String,
    /// When.
    pub at: Timestamp,
    /// The acting account; none for the portal.
    pub actor: Option<AccountId>,
    /// The organization concerned.
    pub organization: Option<OrgId>,
    /// The signature level offered.
    pub signature: SignatureLevel,
    /// The address of the request.
    pub ip: Option<String>,
    /// The command kind (`assign_role`).
    pub kind: String,
    /// `applied` or the refusal's code.
    pub result: String,
    /// The events applied; empty when refused.
    pub events: Vec<EventRecord>,
    /// The full JSON form of the entry.
    pub json: String,
}

impl From<&Entry> for JournalEntry {
    fn from(e: &Entry) -> Self {
        let r = &e.record;
        Self {
            seq: e.seq,
            prev: e.prev.to_string(),
            hash: e.hash.to_string(),
            at: r.at,
            actor: match r.actor {
                Actor::System => None,
                Actor::Account(a) => Some(a),
            },
            organization: r.organization,
            signature: r.signature,
            ip: r.ip.map(|ip| ip.to_string()),
            kind: r.kind.clone(),
            result: r.outcome.code().into(),
            events: event_records(r.outcome.events()),
            // An entry is plain data with string keys: writing it cannot fail.
            json: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

/// Where the journal ends: the last sequence number and digest.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalHead {
    /// The last sequence number (0 for an empty journal).
    pub seq: u64,
    /// The last digest, in hex.
    pub hash: String,
}

impl From<Head> for JournalHead {
    fn from(h: Head) -> Self {
        Self {
            seq: h.seq,
            hash: h.hash.to_string(),
        }
    }
}

/// The first bad entry of a journal.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalBreak {
    /// Its sequence number.
    pub seq: u64,
    /// The stable code (`journal.content`, `journal.link`, …).
    pub code: String,
    /// The message in Russian.
    pub message_ru: String,
    /// The message in English.
    pub message_en: String,
}

/// What verifying the journal found.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JournalVerification {
    /// Whether every entry chains and matches its digest.
    pub valid: bool,
    /// The head, when valid.
    pub head: Option<JournalHead>,
    /// The first bad entry, when not.
    pub broken: Option<JournalBreak>,
}

impl From<Result<Head, VerifyError>> for JournalVerification {
    fn from(r: Result<Head, VerifyError>) -> Self {
        match r {
            Ok(h) => Self {
                valid: true,
                head: Some(h.into()),
                broken: None,
            },
            Err(e) => Self {
                valid: false,
                head: None,
                broken: Some(JournalBreak {
                    seq: e.seq,
                    code: e.code().into(),
                    message_ru: e.message_ru(),
                    message_en: e.message_en(),
                }),
            },
        }
    }
}

/// One command of a batch: its JSON form and its context.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BatchCommand {
    /// The command in its documented JSON form.
    pub command_json: String,
    /// Who acts, when.
    pub context: Context,
}

/// What came of one command of a batch.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BatchOutcome {
    /// Whether it was applied.
    pub applied: bool,
    /// Its events, when applied.
    pub events: Vec<EventRecord>,
    /// The refusal's code, when refused.
    pub code: Option<String>,
    /// The refusal in Russian.
    pub message_ru: Option<String>,
    /// The refusal in English.
    pub message_en: Option<String>,
}

impl From<Result<Vec<Event>, CommandError>> for BatchOutcome {
    fn from(r: Result<Vec<Event>, CommandError>) -> Self {
        match r {
            Ok(events) => Self {
                applied: true,
                events: event_records(&events),
                code: None,
                message_ru: None,
                message_en: None,
            },
            Err(e) => Self {
                applied: false,
                events: vec![],
                code: Some(e.code().into()),
                message_ru: Some(e.message_ru()),
                message_en: Some(e.message_en()),
            },
        }
    }
}
