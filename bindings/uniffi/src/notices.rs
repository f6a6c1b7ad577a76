//! The values of notifications: categories, importance, channels,
//! preferences with their sending hours, notices and deliveries. They are
//! the library's own (`kabinet::notifications`), crossing as they are.
//!
//! Inputs (preferences, notices) are checked by the library when the
//! command runs (`notification.bad_hours`, …).

pub use kabinet::notifications::{
    Audience, Category as NotificationCategory, CertificateExpiry, Channel as NotificationChannel,
    Delivery, Importance, Notice, Preferences as NotificationPreferences, SendingHours,
    SentDelivery,
};
