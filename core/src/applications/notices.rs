//! The notices application events call for.

use super::{ApplicationEvent, ApplicationState, ApplicationStatus};
use crate::notifications::{Audience, Category, Importance, Notice};
use crate::Timestamp;

/// A submission ("registered") and every later status change go to the
/// applicant; a request for confirmation also to the organization's
/// administrators, a final decision also to the head. A returned
/// submission goes to the applicant. Each notice carries the application's
/// number as its reference.
pub(crate) fn notices_for(
    state: &ApplicationState,
    event: &ApplicationEvent,
    at: Timestamp,
) -> Vec<Notice> {
    let (id, category, importance, audience) = match event {
        ApplicationEvent::StatusChanged {
            application,
            status,
            ..
        } => {
            let first_submission = *status == ApplicationStatus::Processing
                && state
                    .get(*application)
                    .is_some_and(|a| a.history.len() <= 2);
            let category = if first_submission {
                Category::ApplicationRegistered
            } else {
                Category::StatusChanged
            };
            let importance = match status {
                ApplicationStatus::AwaitingConfirmation | ApplicationStatus::Rejected => {
                    Importance::High
                }
                _ => Importance::Normal,
            };
            let audience = Audience {
                person: true,
                administrators: *status == ApplicationStatus::AwaitingConfirmation,
                head: status.is_final(),
            };
            (*application, category, importance, audience)
        }
        ApplicationEvent::Returned { application, .. } => (
            *application,
            Category::StatusChanged,
            Importance::High,
            Audience {
                person: true,
                ..Audience::default()
            },
        ),
        _ => return Vec::new(),
    };
    let Some(app) = state.get(id) else {
        return Vec::new();
    };
    vec![Notice {
        category,
        importance,
        person: Some(app.created_by),
        org: Some(app.org),
        audience,
        reference: app.number.clone(),
        at,
    }]
}
