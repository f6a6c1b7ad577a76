//! Property tests of the login guard and sessions on a virtual clock: no
//! sequence of attempts exceeds the lockout or the recovery limit, and no
//! session outlives its idle or absolute timeout.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use jiff::SignedDuration;
use kabinet::accounts::{AccountStatus, BlockReason};
use kabinet::auth::*;
use kabinet::*;
use proptest::prelude::*;
use support::*;

#[derive(Debug, Clone)]
enum Op {
    Fail,
    Succeed,
    IssueRecovery,
    SubmitRight,
    SubmitWrong,
    Wait(i64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::Fail),
        1 => Just(Op::Succeed),
        2 => Just(Op::IssueRecovery),
        1 => Just(Op::SubmitRight),
        1 => Just(Op::SubmitWrong),
        2 => (0i64..600).prop_map(Op::Wait),
    ]
}

/// The command of an operation on `account` (`None` for a wait, which moves
/// `now`); `code` counts the recovery codes issued.
fn command_of(op: &Op, account: AccountId, now: &mut Timestamp, code: &mut u32) -> Option<Command> {
    let recovery = |typed: &str| CodeDigest::of(account, CodePurpose::Recovery, typed);
    Some(Command::Auth(match op {
        Op::Wait(m) => {
            *now = now.checked_add(SignedDuration::from_mins(*m)).unwrap();
            return None;
        }
        Op::Fail | Op::Succeed => AuthCommand::RecordLogin {
            account,
            method: LoginMethod::Password,
            succeeded: matches!(op, Op::Succeed),
        },
        Op::IssueRecovery => {
            *code += 1;
            AuthCommand::IssueCode {
                account,
                purpose: CodePurpose::Recovery,
                channel: CodeChannel::Email,
                digest: recovery(&code.to_string()),
            }
        }
        Op::SubmitRight => AuthCommand::SubmitCode {
            account,
            purpose: CodePurpose::Recovery,
            digest: recovery(&code.to_string()),
        },
        Op::SubmitWrong => AuthCommand::SubmitCode {
            account,
            purpose: CodePurpose::Recovery,
            digest: recovery("x"),
        },
    }))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn no_sequence_of_attempts_exceeds_the_lockout_or_recovery_limits(ops in prop::collection::vec(op(), 1..80)) {
        let (mut dir, head, _) = world();
        let policy = dir.policy().auth.clone();
        let mut now = t(T0);
        let mut failures: Vec<Timestamp> = Vec::new();
        let mut recoveries: Vec<Timestamp> = Vec::new();
        let mut code = 0u32;
        for op in ops {
            let sys = Context::system(now);
            let blocked_before = dir.account(head).unwrap().status
                == AccountStatus::Blocked(BlockReason::FailedLogins);
            let Some(cmd) = command_of(&op, head, &mut now, &mut code) else {
                continue;
            };
            let Ok(events) = dir.run(cmd, &sys) else { continue };
            for e in &events {
                match e {
                    Event::Auth(AuthEvent::LoginFailed { at, .. }) => {
                        prop_assert!(!blocked_before, "a blocked account recorded an attempt");
                        failures.push(*at);
                        let since = at.checked_sub(policy.failure_window).unwrap();
                        let recent = failures.iter().filter(|f| **f > since).count();
                        prop_assert!(recent as u32 <= policy.max_failed_logins);
                        let blocked = events.contains(&Event::Accounts(AccountEvent::AccountStatusChanged {
                            account: head,
                            status: AccountStatus::Blocked(BlockReason::FailedLogins),
                        }));
                        prop_assert_eq!(blocked, recent as u32 == policy.max_failed_logins);
                    }
                    Event::Auth(AuthEvent::LoginSucceeded { .. }) => {
                        prop_assert!(!blocked_before, "a blocked account logged in");
                        failures.clear();
                    }
                    Event::Auth(AuthEvent::Recovered { .. }) => failures.clear(),
                    Event::Auth(AuthEvent::CodeIssued { at, .. }) => {
                        recoveries.push(*at);
                        let since = at.checked_sub(SignedDuration::from_hours(24)).unwrap();
                        let recent = recoveries.iter().filter(|r| **r > since).count();
                        prop_assert!(recent as u32 <= policy.recovery_per_day);
                    }
                    _ => {}
                }
            }
        }
    }

    #[test]
    fn sessions_never_outlive_their_timeouts(steps in prop::collection::vec((0i64..40, 0u8..4), 1..120)) {
        let (mut dir, head, _) = world();
        let policy = dir.policy().auth.clone();
        let mut now = t(T0);
        let mut sessions: Vec<(SessionId, Timestamp)> = Vec::new();
        for (wait, action) in steps {
            now = now.checked_add(SignedDuration::from_mins(wait)).unwrap();
            let sys = Context::system(now);
            match action {
                0 => {
                    let ev = dir.run(Command::Auth(AuthCommand::RecordLogin {
                        account: head,
                        method: LoginMethod::Certificate,
                        succeeded: true,
                    }), &sys).unwrap();
                    if let Event::Auth(AuthEvent::LoginSucceeded { session, at, .. }) = ev[0] {
                        sessions.push((session, at));
                    }
                }
                1 | 2 => {
                    for (id, started) in &sessions {
                        let before = dir.auth_state().session(*id).cloned();
                        let r = dir.run(
                            Command::Session(SessionCommand::Touch { session: *id }),
                            &Context::account(head, now),
                        );
                        if r.is_ok() {
                            let s = before.expect("touched a session that does not exist");
                            prop_assert!(now < started.checked_add(policy.session_absolute).unwrap());
                            prop_assert!(now < s.last_seen.checked_add(policy.session_idle).unwrap());
                        }
                    }
                }
                _ => {
                    dir.run(Command::Session(SessionCommand::Sweep), &sys).unwrap();
                    for s in dir.auth_state().sessions() {
                        prop_assert!(s.is_live(now, &policy));
                    }
                }
            }
            let ids: Vec<_> = dir.auth_state().sessions().map(|s| s.id).collect();
            prop_assert!(ids.is_sorted_by(|a, b| a < b), "sessions by number: {ids:?}");
            for s in dir.auth_state().sessions() {
                if s.is_live(now, &policy) {
                    prop_assert!(now < s.started_at.checked_add(policy.session_absolute).unwrap());
                    prop_assert!(now < s.last_seen.checked_add(policy.session_idle).unwrap());
                }
            }
        }
    }
}

/// A policy far from the default in every limit replay once read.
fn strict_policy() -> Policy {
    let mut p = Policy::default();
    p.auth.max_failed_logins = 3;
    p.auth.failure_window = SignedDuration::from_mins(10);
    p.auth.code_attempts = 1;
    p.auth.known_ips_per_account = 2;
    p.revoke_powers_on_dismissal = true;
    p
}

/// The state without the policy it was built under.
fn state_of(dir: &Directory) -> serde_json::Value {
    let snapshot = kabinet::directory::DirectorySnapshot::of(dir).with_policy(Policy::default());
    serde_json::to_value(snapshot).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Replay reads no policy: the same journal folded under two policies
    /// gives the same state.
    #[test]
    fn one_journal_replayed_under_two_policies_gives_one_state(
        ops in prop::collection::vec((op(), 0u8..4), 1..60)
    ) {
        take_log();
        LOG.with(|l| l.borrow_mut().clear());
        let (mut dir, head, org) = world_with(strict_policy());
        let clerk = employee(&mut dir, org, head, 60, vec![]);
        let mut now = t(T0);
        let mut code = 0u32;
        for (op, ip) in ops {
            let ctx = Context::system(now).from_ip(std::net::IpAddr::from([10, 0, 0, ip]));
            let Some(cmd) = command_of(&op, clerk, &mut now, &mut code) else {
                continue;
            };
            if let Ok(events) = dir.run(cmd.clone(), &ctx) {
                LOG.with(|l| l.borrow_mut().extend(events));
            }
        }
        // Dismissal under the strict policy revokes with the events it emits.
        let dismiss = Command::Employees(EmployeeCommand::DismissEmployee { org, account: clerk });
        let events = dir.run(dismiss, &Context::account(head, now)).unwrap();
        LOG.with(|l| l.borrow_mut().extend(events));
        let journal: Vec<Event> = take_log().into_iter().chain(LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))).collect();
        let mut under_default = Directory::new();
        let mut under_strict = Directory::with_policy(strict_policy());
        for e in &journal {
            under_default.apply(e);
            under_strict.apply(e);
        }
        prop_assert_eq!(state_of(&under_default), state_of(&under_strict));
        prop_assert_eq!(state_of(&under_strict), state_of(&dir));
    }
}

thread_local! {
    static LOG: std::cell::RefCell<Vec<Event>> = const { std::cell::RefCell::new(Vec::new()) };
}
