//! Notifications (DOMAIN §8): what to send to whom, through which channel
//! and when. The library decides; the host delivers.
//!
//! A [`Notice`] says what happened (a [`Category`] with an [`Importance`])
//! and whom it concerns: the person, the organization's administrators
//! (holders of `users.manage`) and its head. [`Directory::notices_for`](crate::Directory::notices_for) derives notices
//! from directory events; [`certificate_reminders`] and
//! [`power_of_attorney_reminders`] compute reminders for what expires soon.
//! [`NotificationCommand::Notify`] routes a notice through each recipient's
//! [`Preferences`] (channels, categories, importance threshold, sending
//! hours in the person's UTC offset) into the outbox; the host drains the
//! outbox and reports each delivery sent, which moves it to the history.
//! Only confirmed contacts receive e-mail or SMS.

mod category;
mod command;
mod error;
mod execute;
mod notice;
mod preferences;
mod reminders;
mod state;
mod world;

pub use category::{Category, Channel, Importance};
pub use command::{NotificationCommand, NotificationEvent};
pub use error::NotificationError;
pub(crate) use execute::{apply, execute};
pub use notice::{Audience, Notice};
pub use preferences::{Preferences, SendingHours};
pub use reminders::{
    certificate_reminders, power_of_attorney_reminders, CertificateExpiry, REMINDER_DAYS,
};
pub use state::{Delivery, DeliveryId, NotificationState, SentDelivery};
pub(crate) use world::NotificationWorld;
