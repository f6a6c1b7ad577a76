//! The foreign form of what submitting an application led to, read from
//! the events the command produced (which cross beside it).

use super::{event_records, EventRecord};
use crate::applications::{ApplicationEvent, Missing};
use crate::Event;

/// What a submission led to.
#[derive(Debug, Clone, uniffi::Record)]
pub struct SubmitOutcome {
    /// Whether it was sent (its status is now `Processing`).
    pub sent: bool,
    /// What it lacks when it was returned instead; empty when sent.
    pub missing: Vec<Missing>,
    /// The events, in their JSON form.
    pub events: Vec<EventRecord>,
}

impl SubmitOutcome {
    /// The outcome the events of a submission tell.
    pub fn of(list: &[Event]) -> Self {
        let mut outcome = Self {
            sent: false,
            missing: vec![],
            events: event_records(list),
        };
        for e in list {
            match e {
                Event::Application(ApplicationEvent::Returned { missing, .. }) => {
                    outcome.missing.clone_from(missing);
                }
                Event::Application(ApplicationEvent::StatusChanged { .. }) => {
                    outcome.sent = true;
                }
                _ => {}
            }
        }
        outcome
    }
}
