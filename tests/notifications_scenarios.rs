//! Scenarios of DOMAIN §7–§8: reminders of expiring certificates and powers
//! of attorney, routing to people and administrators by their preferences
//! and sending hours, the outbox and its history.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::accounts::{AccountStatus, BlockReason};
use kabinet::auth::{AuthCommand, LoginMethod};
use kabinet::notifications::*;
use kabinet::*;
use support::*;

fn days(base: &str, n: i64) -> Timestamp {
    t(base)
        .checked_add(jiff::SignedDuration::from_hours(24 * n))
        .unwrap()
}

#[test]
fn a_certificate_29_days_from_expiry_produces_a_reminder() {
    let (dir, head, org) = world();
    let certs = [
        CertificateExpiry {
            serial: "01D7A1".into(),
            holder: head,
            org: Some(org),
            not_after: days(T0, 29),
        },
        CertificateExpiry {
            serial: "01D7A2".into(),
            holder: head,
            org: None,
            not_after: days(T0, 31),
        },
        CertificateExpiry {
            serial: "01D7A3".into(),
            holder: head,
            org: None,
            not_after: days(T0, -1),
        },
    ];
    let reminders = certificate_reminders(&certs, t(T0), REMINDER_DAYS);
    assert_eq!(reminders.len(), 1);
    let r = &reminders[0];
    assert_eq!(r.category, Category::CertificateExpiring);
    assert_eq!(r.reference, "01D7A1");
    assert_eq!(r.at, days(T0, 29));
    assert_eq!(dir.recipients(r), [head]);
}

#[test]
fn powers_of_attorney_expiring_soon_are_reminded() {
    let (dir, head, org) = world();
    let powers = [
        ("a1b2-0001".to_owned(), head, days(T0, 10)),
        ("a1b2-0002".to_owned(), head, days(T0, 90)),
    ];
    let r = power_of_attorney_reminders(&powers, Some(org), t(T0), REMINDER_DAYS);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].category, Category::PowerOfAttorneyExpiring);
    assert_eq!(dir.recipients(&r[0]), [head]);
}

#[test]
fn routing_follows_preferences_hours_and_confirmed_contacts() {
    let (mut dir, head, org) = world();
    let admin = person(&mut dir, "Админов", &snils_of(7), None, "adm@example.ru");
    hire(
        &mut dir,
        org,
        head,
        admin,
        vec![RoleRef::BuiltIn(BuiltInRole::Administrator)],
    );
    let notice = head_certificate_expiring(head, org);
    assert_eq!(dir.recipients(&notice), [head, admin]);
    // The administrator wants only SMS (no confirmed phone: nothing) and
    // push, from 09:00 to 18:00 Moscow time.
    let prefs = Preferences {
        channels: [Channel::Sms, Channel::Push].into_iter().collect(),
        hours: Some(SendingHours {
            from_hour: 9,
            to_hour: 18,
            utc_offset_minutes: 180,
        }),
        ..Preferences::default()
    };
    run(
        &mut dir,
        Command::Notification(NotificationCommand::SetPreferences {
            account: admin,
            preferences: prefs,
        }),
        &Context::account(admin, t(T0)),
    );
    let e = dir
        .run(
            Command::Notification(NotificationCommand::SetPreferences {
                account: head,
                preferences: Preferences::default(),
            }),
            &Context::account(admin, t(T0)),
        )
        .unwrap_err();
    assert_eq!(Coded::code(&e), "account.not_yours");
    // 17:00 UTC = 20:00 in Moscow: the admin's push waits for 09:00 MSK.
    let evening = t("2026-03-02T17:00:00Z");
    let ev = run(
        &mut dir,
        Command::Notification(NotificationCommand::Notify {
            notice: notice.clone(),
        }),
        &Context::system(evening),
    );
    let queued: Vec<_> = ev
        .iter()
        .map(|e| match e {
            Event::Notification(NotificationEvent::Queued { delivery }) => delivery.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    let summary: Vec<_> = queued
        .iter()
        .map(|d| (d.recipient, d.channel, d.not_before))
        .collect();
    assert_eq!(
        summary,
        [
            (head, Channel::Email, evening),
            (head, Channel::Push, evening),
            (admin, Channel::Push, t("2026-03-03T06:00:00Z")),
        ]
    );
    let state = dir.notification_state();
    assert_eq!(state.due(evening).count(), 2);
    assert_eq!(state.due(t("2026-03-03T06:00:00Z")).count(), 3);
    // The host sends and reports; the history keeps it.
    run(
        &mut dir,
        Command::Notification(NotificationCommand::MarkSent {
            delivery: queued[0].id,
        }),
        &Context::system(evening),
    );
    let state = dir.notification_state();
    assert_eq!(state.outbox().count(), 2);
    assert_eq!(state.history().len(), 1);
    assert_eq!(state.history()[0].delivery.channel, Channel::Email);
    let e = dir
        .run(
            Command::Notification(NotificationCommand::MarkSent {
                delivery: queued[0].id,
            }),
            &Context::system(evening),
        )
        .unwrap_err();
    assert_eq!(Coded::code(&e), "notification.delivery_not_found");
}

#[test]
fn a_lockout_and_a_new_address_notify_the_person() {
    let (mut dir, head, _) = world();
    let sys = Context::system(t(T0));
    let mut notices = Vec::new();
    for _ in 0..5 {
        let ev = run(
            &mut dir,
            Command::Auth(AuthCommand::RecordLogin {
                account: head,
                method: LoginMethod::Password,
                succeeded: false,
            }),
            &sys,
        );
        for e in &ev {
            notices.extend(dir.notices_for(e, t(T0)));
        }
    }
    assert_eq!(
        dir.account(head).unwrap().status,
        AccountStatus::Blocked(BlockReason::FailedLogins)
    );
    let cats: Vec<_> = notices.iter().map(|n| n.category).collect();
    assert_eq!(
        cats,
        [Category::UnauthorizedAttempt, Category::AccountBlocked]
    );
    assert!(notices.iter().all(|n| n.importance == Importance::Critical));
    // A critical notice is sent at any hour, whatever the sending hours.
    let prefs = Preferences {
        hours: Some(SendingHours {
            from_hour: 9,
            to_hour: 10,
            utc_offset_minutes: 0,
        }),
        ..Preferences::default()
    };
    assert_eq!(prefs.send_at(Importance::Critical, t(T0)), t(T0));
    assert_ne!(
        prefs.send_at(Importance::Normal, t("2026-03-02T12:00:00Z")),
        t("2026-03-02T12:00:00Z")
    );
}
