//! Rules and folding of notification commands.

use super::state::SentDelivery;
use super::world::NotificationWorld;
use super::{
    Channel, Delivery, DeliveryId, Notice, NotificationCommand, NotificationError,
    NotificationEvent, NotificationState,
};
use crate::context::{Actor, Context};

/// Longest reference of a notice, in characters: numbers and addresses are far shorter.
const MAX_REFERENCE: usize = 200;

/// Executes a notification command.
pub(crate) fn execute<W: NotificationWorld>(
    dir: &W,
    command: NotificationCommand,
    ctx: &Context,
) -> Result<Vec<W::Event>, W::Error> {
    let state = dir.notification_state();
    match command {
        NotificationCommand::SetPreferences {
            account,
            preferences,
        } => {
            if let Actor::Account(actor) = ctx.actor {
                if actor != account {
                    return Err(W::not_your_account());
                }
            }
            dir.existing_account(account)?;
            if let Some(h) = &preferences.hours {
                h.validate().map_err(W::Error::from)?;
            }
            Ok(vec![W::Event::from(NotificationEvent::PreferencesSet {
                account,
                preferences,
            })])
        }
        NotificationCommand::Notify { notice } => {
            W::require_system(ctx)?;
            if notice.reference.chars().count() > MAX_REFERENCE {
                return Err(W::Error::from(NotificationError::ReferenceTooLong));
            }
            Ok(route(dir, &notice, ctx.at, state.next)
                .into_iter()
                .map(|delivery| W::Event::from(NotificationEvent::Queued { delivery }))
                .collect())
        }
        NotificationCommand::MarkSent { delivery } => {
            W::require_system(ctx)?;
            if !state.outbox.contains_key(&delivery) {
                return Err(W::Error::from(NotificationError::DeliveryNotFound {
                    delivery: delivery.0,
                }));
            }
            Ok(vec![W::Event::from(NotificationEvent::Sent {
                delivery,
                at: ctx.at,
            })])
        }
    }
}

/// The deliveries of a notice: each recipient who wants it, through each of
/// their channels that can reach them (e-mail and SMS only to confirmed
/// contacts), not before their sending hours open.
pub(crate) fn route<W: NotificationWorld>(
    dir: &W,
    notice: &Notice,
    at: crate::Timestamp,
    first: u64,
) -> Vec<Delivery> {
    let state = dir.notification_state();
    let mut out = Vec::new();
    let mut next = first.max(1);
    for recipient in dir.recipients(notice) {
        let Some(account) = dir.account(recipient) else {
            continue;
        };
        let default = super::Preferences::default();
        let prefs = state.preferences.get(&recipient).unwrap_or(&default);
        if !prefs.wants(notice.category, notice.importance) {
            continue;
        }
        let not_before = prefs.send_at(notice.importance, at);
        for &channel in &prefs.channels {
            let reachable = match channel {
                Channel::Email => account.email.as_ref().is_some_and(|c| c.confirmed),
                Channel::Sms => account.phone.as_ref().is_some_and(|c| c.confirmed),
                Channel::Push => true,
            };
            if reachable {
                out.push(Delivery {
                    id: DeliveryId(next),
                    recipient,
                    channel,
                    category: notice.category,
                    importance: notice.importance,
                    org: notice.org,
                    reference: notice.reference.clone(),
                    event_at: notice.at,
                    not_before,
                });
                next += 1;
            }
        }
    }
    out
}

/// Folds a notification event.
pub(crate) fn apply(state: &mut NotificationState, event: &NotificationEvent) {
    match event {
        NotificationEvent::PreferencesSet {
            account,
            preferences,
        } => {
            state.preferences.insert(*account, preferences.clone());
        }
        NotificationEvent::Queued { delivery } => {
            state.next = state.next.max(delivery.id.0 + 1);
            state.outbox.insert(delivery.id, delivery.clone());
        }
        NotificationEvent::Sent { delivery, at } => {
            if let Some(d) = state.outbox.remove(delivery) {
                state.history.push(SentDelivery {
                    delivery: d,
                    sent_at: *at,
                });
            }
        }
    }
}
