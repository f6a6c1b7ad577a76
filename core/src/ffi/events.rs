//! The foreign form of an event: its kind (the JSON `event` tag) and its
//! documented JSON form, the same the journal stores. A host reads the
//! fields it needs from the JSON; the kind lets it dispatch without parsing.

use crate::Event;

/// An event: its kind and its JSON form.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi(name = "Event")]
pub struct EventRecord {
    /// The kind, e.g. `member_joined`.
    pub kind: String,
    /// The event in JSON.
    pub json: String,
}

impl From<&Event> for EventRecord {
    fn from(e: &Event) -> Self {
        Self {
            kind: e.kind().into(),
            // An event is plain data with string keys: writing it cannot fail.
            json: serde_json::to_string(e).unwrap_or_default(),
        }
    }
}

/// The records of `list`, in order.
pub fn event_records(list: &[Event]) -> Vec<EventRecord> {
    list.iter().map(EventRecord::from).collect()
}
