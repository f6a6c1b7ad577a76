//! Scenarios of DOMAIN §3 and the guides: one-time passwords against the
//! RFCs' vectors, lockout after failed logins and recovery by code, the
//! daily recovery limit, token PINs, sessions and new addresses.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::accounts::{AccountStatus, BlockReason};
use kabinet::auth::*;
use kabinet::*;
use std::net::IpAddr;
use support::*;

fn at_secs(s: i64) -> Timestamp {
    Timestamp::from_second(s).unwrap()
}

fn after(base: &str, minutes: i64) -> Timestamp {
    t(base)
        .checked_add(jiff::SignedDuration::from_mins(minutes))
        .unwrap()
}

fn sys(at: Timestamp) -> Context {
    Context::system(at)
}

fn ip(s: &str) -> IpAddr {
    s.parse().unwrap()
}

fn login(account: AccountId, succeeded: bool) -> Command {
    Command::Auth(AuthCommand::RecordLogin {
        account,
        method: LoginMethod::Password,
        succeeded,
    })
}

fn code_of(e: CommandError) -> &'static str {
    Coded::code(&e)
}

#[test]
fn rfc6238_appendix_b_vectors_for_sha1_sha256_sha512() {
    let seeds: [(&[u8], OtpAlgorithm); 3] = [
        (b"12345678901234567890", OtpAlgorithm::Sha1),
        (b"12345678901234567890123456789012", OtpAlgorithm::Sha256),
        (
            b"1234567890123456789012345678901234567890123456789012345678901234",
            OtpAlgorithm::Sha512,
        ),
    ];
    let table: [(i64, [u32; 3]); 6] = [
        (59, [94287082, 46119246, 90693936]),
        (1111111109, [7081804, 68084774, 25091201]),
        (1111111111, [14050471, 67062674, 99943326]),
        (1234567890, [89005924, 91819424, 93441116]),
        (2000000000, [69279037, 90698825, 38618901]),
        (20000000000, [65353130, 77737706, 47863826]),
    ];
    for (time, codes) in table {
        for (i, (seed, algorithm)) in seeds.iter().enumerate() {
            let totp = Totp {
                algorithm: *algorithm,
                digits: 8,
                step_seconds: 30,
                skew: 0,
            };
            assert_eq!(
                totp.code(seed, at_secs(time)).unwrap(),
                codes[i],
                "{algorithm:?} at {time}"
            );
            let typed = format!("{:08}", codes[i]);
            let step = totp.verify(seed, &typed, at_secs(time)).unwrap();
            assert_eq!(step, Some(time as u64 / 30));
        }
    }
}

#[test]
fn rfc4226_appendix_d_vectors() {
    let expected = [
        755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489,
    ];
    for (counter, want) in expected.into_iter().enumerate() {
        let got = hotp(
            b"12345678901234567890",
            counter as u64,
            6,
            OtpAlgorithm::Sha1,
        )
        .unwrap();
        assert_eq!(got, want, "counter {counter}");
    }
}

#[test]
fn totp_tolerates_one_step_of_drift_and_a_step_is_used_once() {
    let (mut dir, head, _) = world();
    let secret = b"12345678901234567890";
    let totp = Totp::default();
    let now = at_secs(1_800_000_000);
    let previous = format!(
        "{:06}",
        totp.code(secret, at_secs(1_800_000_000 - 30)).unwrap()
    );
    let step = totp.verify(secret, &previous, now).unwrap().unwrap();
    let old = format!(
        "{:06}",
        totp.code(secret, at_secs(1_800_000_000 - 90)).unwrap()
    );
    assert_eq!(totp.verify(secret, &old, now).unwrap(), None);
    let use_step = |step| {
        Command::Auth(AuthCommand::UseTotpStep {
            account: head,
            step,
        })
    };
    run(&mut dir, use_step(step), &sys(now));
    let e = dir.run(use_step(step), &sys(now)).unwrap_err();
    assert_eq!(code_of(e), "otp.replayed");
}

#[test]
fn blocked_after_repeated_failures_and_recovered_by_code() {
    let (mut dir, head, org) = world();
    for i in 0..4 {
        let ev = run(&mut dir, login(head, false), &sys(after(T0, i)));
        assert_eq!(ev.len(), 1, "attempt {i} must not block");
    }
    let ev = run(&mut dir, login(head, false), &sys(after(T0, 4)));
    assert!(
        ev.contains(&Event::Accounts(AccountEvent::AccountStatusChanged {
            account: head,
            status: AccountStatus::Blocked(BlockReason::FailedLogins),
        }))
    );
    assert!(matches!(
        ev[1],
        Event::Auth(AuthEvent::LockedOut { failures: 5, .. })
    ));
    let e = dir.run(login(head, true), &sys(after(T0, 5))).unwrap_err();
    assert_eq!(code_of(e), "auth.account_locked");
    let d = dir.check(&AccessRequest::new(
        head,
        org,
        Right::UsersView,
        after(T0, 5),
    ));
    assert!(!d.allowed);
    assert_eq!(Coded::code(&d.refusals[0]), "access.account_blocked");

    let issue = Command::Auth(AuthCommand::IssueCode {
        account: head,
        purpose: CodePurpose::Recovery,
        channel: CodeChannel::Email,
        digest: CodeDigest::of(head, CodePurpose::Recovery, "482913"),
    });
    run(&mut dir, issue, &sys(after(T0, 6)));
    let submit = |code: &str| {
        Command::Auth(AuthCommand::SubmitCode {
            account: head,
            purpose: CodePurpose::Recovery,
            digest: CodeDigest::of(head, CodePurpose::Recovery, code),
        })
    };
    let ev = run(&mut dir, submit("000000"), &sys(after(T0, 7)));
    assert!(matches!(
        ev[0],
        Event::Auth(AuthEvent::CodeRejected {
            attempts_left: 2,
            ..
        })
    ));
    assert_eq!(
        dir.account(head).unwrap().status,
        AccountStatus::Blocked(BlockReason::FailedLogins)
    );
    let ev = run(&mut dir, submit("482913"), &sys(after(T0, 8)));
    assert!(ev.contains(&Event::Auth(AuthEvent::Recovered {
        account: head,
        at: after(T0, 8)
    })));
    assert_eq!(dir.account(head).unwrap().status, AccountStatus::Active);
    let ev = run(&mut dir, login(head, true), &sys(after(T0, 9)));
    assert!(matches!(
        ev[0],
        Event::Auth(AuthEvent::LoginSucceeded { .. })
    ));
    // The code was used: it cannot be used again.
    let e = dir.run(submit("482913"), &sys(after(T0, 9))).unwrap_err();
    assert_eq!(code_of(e), "code.none_pending");
}

#[test]
fn failures_spread_beyond_the_window_do_not_block() {
    let (mut dir, head, _) = world();
    for i in 0..4 {
        run(&mut dir, login(head, false), &sys(after(T0, i)));
    }
    // The window is one hour: these four are forgotten by then.
    for i in 0..4 {
        let ev = run(&mut dir, login(head, false), &sys(after(T0, 61 + i)));
        assert_eq!(ev.len(), 1);
    }
    assert_eq!(dir.account(head).unwrap().status, AccountStatus::Active);
    // A success clears the count.
    run(&mut dir, login(head, true), &sys(after(T0, 70)));
    for i in 0..4 {
        run(&mut dir, login(head, false), &sys(after(T0, 71 + i)));
    }
    assert_eq!(dir.account(head).unwrap().status, AccountStatus::Active);
}

#[test]
fn at_most_three_recovery_requests_a_day() {
    let (mut dir, head, _) = world();
    let issue = |n: &str| {
        Command::Auth(AuthCommand::IssueCode {
            account: head,
            purpose: CodePurpose::Recovery,
            channel: CodeChannel::Email,
            digest: CodeDigest::of(head, CodePurpose::Recovery, n),
        })
    };
    for i in 0..3 {
        run(&mut dir, issue("1"), &sys(after(T0, i * 60)));
    }
    let e = dir.run(issue("2"), &sys(after(T0, 23 * 60))).unwrap_err();
    assert_eq!(code_of(e.clone()), "auth.recovery_limit");
    assert!(Coded::message_ru(&e).contains("не более 3"));
    // A day after the first request, one more is possible.
    run(&mut dir, issue("3"), &sys(after(T0, 24 * 60)));
    // Login codes are not limited this way.
    for i in 0..5 {
        run(
            &mut dir,
            Command::Auth(AuthCommand::IssueCode {
                account: head,
                purpose: CodePurpose::Login,
                channel: CodeChannel::Email,
                digest: CodeDigest::of(head, CodePurpose::Login, "9"),
            }),
            &sys(after(T0, 24 * 60 + i)),
        );
    }
}

#[test]
fn codes_expire_and_allow_three_attempts() {
    let (mut dir, head, _) = world();
    let purpose = CodePurpose::Login;
    let issue = Command::Auth(AuthCommand::IssueCode {
        account: head,
        purpose,
        channel: CodeChannel::Email,
        digest: CodeDigest::of(head, purpose, "111111"),
    });
    let submit = |code: &str| {
        Command::Auth(AuthCommand::SubmitCode {
            account: head,
            purpose,
            digest: CodeDigest::of(head, purpose, code),
        })
    };
    run(&mut dir, issue.clone(), &sys(t(T0)));
    let e = dir.run(submit("111111"), &sys(after(T0, 5))).unwrap_err();
    assert_eq!(code_of(e), "code.expired");
    run(&mut dir, issue, &sys(after(T0, 10)));
    for left in [2, 1, 0] {
        let ev = run(&mut dir, submit("222222"), &sys(after(T0, 11)));
        assert_eq!(
            ev,
            [Event::Auth(AuthEvent::CodeRejected {
                account: head,
                purpose,
                attempts_left: left,
                at: after(T0, 11),
            })]
        );
    }
    let e = dir.run(submit("111111"), &sys(after(T0, 11))).unwrap_err();
    assert_eq!(code_of(e), "code.none_pending");
    // Only the digest is kept: no code in the journal.
    let json = serde_json::to_string(&take_log()).unwrap();
    assert!(!json.contains("111111"));
}

#[test]
fn a_token_locks_after_three_wrong_pins_until_unlocked() {
    let (mut dir, head, _) = world();
    assert!(check_pin_format("12345").is_ok());
    assert_eq!(
        Coded::code(&check_pin_format("12").unwrap_err()),
        "pin.format"
    );
    let entry = |correct| {
        Command::Auth(AuthCommand::RecordPinEntry {
            token: "rutoken-0042".into(),
            account: head,
            correct,
        })
    };
    run(&mut dir, entry(false), &sys(t(T0)));
    run(&mut dir, entry(true), &sys(t(T0)));
    for left in [2, 1, 0] {
        let ev = run(&mut dir, entry(false), &sys(t(T0)));
        assert!(matches!(
            &ev[0],
            Event::Auth(AuthEvent::PinRejected { attempts_left, .. }) if *attempts_left == left
        ));
    }
    let e = dir.run(entry(true), &sys(t(T0))).unwrap_err();
    assert_eq!(code_of(e), "pin.token_locked");
    let unlock = Command::Auth(AuthCommand::UnlockToken {
        token: "rutoken-0042".into(),
    });
    run(&mut dir, unlock.clone(), &sys(t(T0)));
    run(&mut dir, entry(true), &sys(t(T0)));
    assert_eq!(
        code_of(dir.run(unlock, &sys(t(T0))).unwrap_err()),
        "pin.token_not_locked"
    );
}

#[test]
fn sessions_record_the_address_time_out_and_end() {
    let (mut dir, head, _) = world();
    let office = ip("192.0.2.10");
    let ev = run(&mut dir, login(head, true), &sys(t(T0)).from_ip(office));
    let Event::Auth(AuthEvent::LoginSucceeded { session, .. }) = ev[0] else {
        panic!("no session")
    };
    assert_eq!(
        ev[1],
        Event::Auth(AuthEvent::NewIpLogin {
            account: head,
            ip: office,
            at: t(T0)
        })
    );
    // The same address again is not news; another one is.
    let ev = run(
        &mut dir,
        login(head, true),
        &sys(after(T0, 1)).from_ip(office),
    );
    assert_eq!(ev.len(), 1);
    let ev = run(
        &mut dir,
        login(head, true),
        &sys(after(T0, 2)).from_ip(ip("2001:db8::1")),
    );
    assert_eq!(ev.len(), 2);

    let s = dir.auth_state().session(session).unwrap();
    assert_eq!((s.ip, s.started_at), (Some(office), t(T0)));
    let touch = Command::Session(SessionCommand::Touch { session });
    let me = |at| Context::account(head, at);
    run(&mut dir, touch.clone(), &me(after(T0, 10)));
    // Idle for 15 minutes after the touch: timed out at +25.
    let e = dir.run(touch.clone(), &me(after(T0, 25))).unwrap_err();
    assert_eq!(code_of(e), "session.timed_out");
    let ev = run(
        &mut dir,
        Command::Session(SessionCommand::Sweep),
        &sys(after(T0, 30)),
    );
    assert!(ev.contains(&Event::Session(SessionEvent::Ended {
        session,
        account: head,
        reason: SessionEnd::Idle,
        at: after(T0, 25),
    })));
    assert!(dir.auth_state().session(session).is_none());
}

#[test]
fn activity_never_extends_a_session_past_its_absolute_limit() {
    let (mut dir, head, _) = world();
    let ev = run(&mut dir, login(head, true), &sys(t(T0)));
    let Event::Auth(AuthEvent::LoginSucceeded { session, .. }) = ev[0] else {
        panic!()
    };
    let touch = Command::Session(SessionCommand::Touch { session });
    let mut minute = 10;
    while minute < 12 * 60 {
        run(
            &mut dir,
            touch.clone(),
            &Context::account(head, after(T0, minute)),
        );
        minute += 10;
    }
    let e = dir
        .run(touch, &Context::account(head, after(T0, 12 * 60)))
        .unwrap_err();
    assert_eq!(code_of(e), "session.timed_out");
    // Someone else cannot end it; the person can log out before the limit.
    let ev = run(&mut dir, login(head, true), &sys(t(T0)));
    let Event::Auth(AuthEvent::LoginSucceeded { session: s2, .. }) = ev[0] else {
        panic!()
    };
    let end = Command::Session(SessionCommand::End { session: s2 });
    let e = dir
        .run(end.clone(), &Context::account(AccountId(999), after(T0, 1)))
        .unwrap_err();
    assert_eq!(code_of(e), "session.not_yours");
    let ev = run(&mut dir, end, &Context::account(head, after(T0, 1)));
    assert!(matches!(
        ev[0],
        Event::Session(SessionEvent::Ended {
            reason: SessionEnd::Logout,
            ..
        })
    ));
}

#[test]
fn passwords_by_preset_and_transparent_rehash() {
    let portal = PasswordPolicy::portal();
    let nist = PasswordPolicy::nist();
    assert!(portal.check("Qwerty1!", false).is_empty());
    assert!(!nist.check("qwerty123", false).is_empty());
    let light = HashScheme::Argon2id {
        m_kib: 256,
        t: 1,
        p: 1,
    };
    let salt = [7u8; 16];
    let stored = hash_password("длинная фраза из слов", &salt, &light).unwrap();
    assert_eq!(
        verify_password("длинная фраза из слов", &stored, &light).unwrap(),
        Verification::Valid
    );
    let now_pbkdf2 = HashScheme::PBKDF2_OWASP;
    assert_eq!(
        verify_password("длинная фраза из слов", &stored, &now_pbkdf2).unwrap(),
        Verification::ValidNeedsRehash
    );
    let rehashed = hash_password("длинная фраза из слов", &salt, &now_pbkdf2).unwrap();
    assert_eq!(
        verify_password("длинная фраза из слов", &rehashed, &now_pbkdf2).unwrap(),
        Verification::Valid
    );
    assert_eq!(
        verify_password("другая", &rehashed, &now_pbkdf2).unwrap(),
        Verification::Invalid
    );
}

#[test]
fn replaying_the_journal_rebuilds_authentication_state() {
    take_log();
    let (mut dir, head, _) = world();
    for i in 0..5 {
        run(&mut dir, login(head, false), &sys(after(T0, i)));
    }
    run(
        &mut dir,
        Command::Auth(AuthCommand::IssueCode {
            account: head,
            purpose: CodePurpose::Recovery,
            channel: CodeChannel::Email,
            digest: CodeDigest::of(head, CodePurpose::Recovery, "1"),
        }),
        &sys(after(T0, 6)),
    );
    let log = take_log();
    let json = serde_json::to_string(&log).unwrap();
    let back: Vec<Event> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log);
    let mut replayed = Directory::new();
    for e in &back {
        replayed.apply(e);
    }
    assert_eq!(replayed, dir);
    // a snapshot carries authentication's memory too, through JSON
    let snapshot = kabinet::directory::DirectorySnapshot::of(&dir);
    let json = serde_json::to_string(&snapshot).unwrap();
    let restored = serde_json::from_str::<kabinet::directory::DirectorySnapshot>(&json)
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(restored, dir);
    run(
        &mut dir,
        Command::Accounts(AccountCommand::RestoreAccount { account: head }),
        &sys(after(T0, 29)),
    );
    let session = run(&mut dir, login(head, true), &sys(after(T0, 30)));
    assert!(!session.is_empty());
    let snapshot = kabinet::directory::DirectorySnapshot::of(&dir);
    let json = serde_json::to_string(&snapshot).unwrap();
    let restored = serde_json::from_str::<kabinet::directory::DirectorySnapshot>(&json)
        .unwrap()
        .restore()
        .unwrap();
    assert_eq!(
        restored, dir,
        "sessions and known addresses survive a snapshot"
    );
    let cmd = login(head, true);
    let json = serde_json::to_string(&cmd).unwrap();
    assert!(json.contains(r#""command":"auth""#), "{json}");
    assert_eq!(serde_json::from_str::<Command>(&json).unwrap(), cmd);
}

#[test]
fn an_account_restored_by_the_portal_starts_counting_afresh() {
    let (mut dir, head, _) = world();
    for i in 0..5 {
        run(&mut dir, login(head, false), &sys(after(T0, i)));
    }
    run(
        &mut dir,
        Command::Accounts(AccountCommand::RestoreAccount { account: head }),
        &sys(after(T0, 6)),
    );
    let ev = run(&mut dir, login(head, false), &sys(after(T0, 7)));
    assert_eq!(ev.len(), 1, "one failure after a restore must not block");
    assert_eq!(dir.account(head).unwrap().status, AccountStatus::Active);
}

#[test]
fn every_new_error_has_an_area_code_and_two_clean_messages() {
    use kabinet::applications::{ApplicationError, ApplicationStatus};
    use kabinet::notifications::NotificationError;
    let at = t(T0);
    let errors: Vec<Box<dyn Coded>> = vec![
        Box::new(AuthError::SaltLength { len: 3 }),
        Box::new(AuthError::WeakHashParameters),
        Box::new(AuthError::HashBudget),
        Box::new(AuthError::MalformedHash),
        Box::new(AuthError::OtpDigits { digits: 4 }),
        Box::new(AuthError::OtpStep),
        Box::new(AuthError::OtpReplayed { step: 1 }),
        Box::new(AuthError::AccountLocked { status: "blocked" }),
        Box::new(AuthError::RecoveryLimit {
            limit: 3,
            next_at: at,
        }),
        Box::new(AuthError::NoPendingCode),
        Box::new(AuthError::CodeExpired { expired_at: at }),
        Box::new(AuthError::NoContact),
        Box::new(AuthError::PinFormat),
        Box::new(AuthError::TokenLocked),
        Box::new(AuthError::TokenNotLocked),
        Box::new(AuthError::BadToken),
        Box::new(AuthError::NoRandomness),
        Box::new(AuthError::SessionNotFound { session: 1 }),
        Box::new(AuthError::SessionTimedOut { at }),
        Box::new(AuthError::NotYourSession),
        Box::new(PasswordProblem::TooShort { min: 8, actual: 3 }),
        Box::new(PasswordProblem::TooLong {
            max: 128,
            actual: 200,
        }),
        Box::new(PasswordProblem::MissingClass { class: "digit" }),
        Box::new(PasswordProblem::Spaces),
        Box::new(PasswordProblem::Common),
        Box::new(NotificationError::BadHours),
        Box::new(NotificationError::ReferenceTooLong),
        Box::new(NotificationError::DeliveryNotFound { delivery: 1 }),
        Box::new(ApplicationError::NotFound { application: 1 }),
        Box::new(ApplicationError::UnknownKind { kind: "x".into() }),
        Box::new(ApplicationError::UnknownSlot { slot: "x".into() }),
        Box::new(ApplicationError::UnrecognizedContent),
        Box::new(ApplicationError::WrongFormat {
            slot: "form".into(),
            format: "jpeg",
        }),
        Box::new(ApplicationError::TooLarge { size: 2, max: 1 }),
        Box::new(ApplicationError::WrongStatus {
            status: ApplicationStatus::Approved,
        }),
        Box::new(ApplicationError::BadText { max: 2000 }),
        Box::new(ApplicationError::TooManyDocuments { max: 100 }),
    ];
    let mut codes = std::collections::BTreeSet::new();
    for e in &errors {
        let code = e.code();
        let (area, reason) = code.split_once('.').unwrap();
        assert!(!area.is_empty() && !reason.is_empty(), "{code}");
        assert!(
            code.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'),
            "{code}"
        );
        assert!(codes.insert(code), "duplicate {code}");
        for m in [e.message_ru(), e.message_en()] {
            assert!(!m.ends_with('.'), "{code}: {m}");
            // Lowercase, except when the sentence starts with an acronym (PIN).
            let word: String = m.chars().take_while(|c| c.is_alphabetic()).collect();
            assert!(
                word.starts_with(char::is_lowercase) || word.chars().all(char::is_uppercase),
                "{code}: {m}"
            );
            assert!(!m.contains("Error") && !m.contains("::"), "{code}: {m}");
        }
        let en = e.message_en();
        let first = en.chars().next().unwrap();
        assert!(first.is_lowercase(), "{code}: {en}");
    }
}
