//! The FFI model's conversions that read rather than copy: outcomes read
//! from events, checks and registry records refused with their codes, the
//! journal's verification and filter.

use super::{
    name_of, CodeOutcome, JournalFilter, JournalVerification, KabinetError, LoginOutcome,
    PinOutcome, RegistryRecord, SubmitOutcome,
};
use crate::applications::{ApplicationEvent, ApplicationId, ApplicationStatus, Missing};
use crate::auth::{AuthEvent, CodePurpose, LoginMethod, SessionId};
use crate::journal::{Broken, Filter, Head, VerifyError};
use crate::organizations::{RegistryRecord as Record, RegistryStatus};
use crate::{AccountId, Actor, Event, OrgId, Timestamp};

fn at() -> Timestamp {
    Timestamp::from_second(1_780_000_000).unwrap_or(Timestamp::UNIX_EPOCH)
}

#[test]
fn a_login_outcome_reads_the_session_the_new_address_and_the_lockout() {
    let account = AccountId(7);
    let address: std::net::IpAddr = std::net::Ipv4Addr::new(203, 0, 113, 9).into();
    let ip = Some(address);
    let succeeded = [
        Event::Auth(AuthEvent::LoginSucceeded {
            account,
            method: LoginMethod::Password,
            session: SessionId(41),
            ip,
            at: at(),
            keep_ips: 10,
        }),
        Event::Auth(AuthEvent::NewIpLogin {
            account,
            ip: address,
            at: at(),
        }),
    ];
    let outcome = LoginOutcome::of(&succeeded);
    assert_eq!(outcome.session, Some(41));
    assert!(outcome.new_ip);
    assert!(!outcome.locked_out);
    let kinds: Vec<&str> = outcome.events.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["auth", "auth"], "the family's JSON tag");
    let sub_kinds: Vec<Option<String>> = outcome
        .events
        .iter()
        .map(|e| {
            let json: serde_json::Value = serde_json::from_str(&e.json).ok()?;
            json.get("auth_event")?.as_str().map(str::to_owned)
        })
        .collect();
    assert_eq!(
        sub_kinds,
        [Some("login_succeeded".into()), Some("new_ip_login".into())]
    );

    let locked = [Event::Auth(AuthEvent::LockedOut {
        account,
        failures: 5,
        at: at(),
    })];
    let outcome = LoginOutcome::of(&locked);
    assert_eq!(outcome.session, None);
    assert!(outcome.locked_out);
}

#[test]
fn code_and_pin_outcomes_read_acceptance_and_the_attempts_left() {
    let account = AccountId(7);
    let purpose = CodePurpose::Recovery;
    let rejected = CodeOutcome::of(&[Event::Auth(AuthEvent::CodeRejected {
        account,
        purpose,
        attempts_left: 2,
        at: at(),
    })]);
    assert!(!rejected.accepted && !rejected.recovered);
    assert_eq!(rejected.attempts_left, Some(2));
    let recovered = CodeOutcome::of(&[
        Event::Auth(AuthEvent::CodeAccepted {
            account,
            purpose,
            at: at(),
        }),
        Event::Auth(AuthEvent::Recovered { account, at: at() }),
    ]);
    assert!(recovered.accepted && recovered.recovered);
    assert_eq!(recovered.attempts_left, None);

    let pin = PinOutcome::of(&[Event::Auth(AuthEvent::PinRejected {
        token: "token-1".into(),
        account,
        attempts_left: 0,
    })]);
    assert!(!pin.accepted);
    assert_eq!(pin.attempts_left, Some(0));
}

#[test]
fn a_submission_is_sent_or_returned_with_what_it_lacks() {
    let application = ApplicationId(3);
    let missing = vec![Missing::Document {
        slot: "charter".into(),
    }];
    let returned = SubmitOutcome::of(&[Event::Application(ApplicationEvent::Returned {
        application,
        missing: missing.clone(),
        by: AccountId(7),
        at: at(),
    })]);
    assert!(!returned.sent);
    assert_eq!(returned.missing, missing);
    let sent = SubmitOutcome::of(&[Event::Application(ApplicationEvent::StatusChanged {
        application,
        status: ApplicationStatus::Processing,
        by: Actor::Account(AccountId(7)),
        at: at(),
        comment: None,
    })]);
    assert!(sent.sent && sent.missing.is_empty());
}

fn record(inn: &str, head_inn: &str) -> RegistryRecord {
    RegistryRecord {
        full_name: "ООО «Ромашка»".into(),
        inn: inn.into(),
        kpp: Some("773601001".into()),
        ogrn: Some("1027700132195".into()),
        ogrnip: None,
        status: RegistryStatus::Active,
        head_surname: "Иванов".into(),
        head_given_name: "Иван".into(),
        head_patronymic: None,
        head_inn: head_inn.into(),
        head_position: "Генеральный директор".into(),
    }
}

#[test]
fn a_registry_record_reads_its_identifiers_or_is_refused_with_their_code() {
    let read = Record::try_from(record("7707083893", "500100732259"));
    assert!(read.is_ok_and(|r| r.inn.as_str() == "7707083893" && r.kpp.is_some()));
    match Record::try_from(record("7707083893", "500100732250")) {
        Err(KabinetError::Identifier { code, .. }) => assert_eq!(code, "inn.checksum"),
        other => panic!("the head's bad ИНН must be refused: {other:?}"),
    }
}

#[test]
fn verifying_the_journal_names_the_head_or_the_first_bad_entry() {
    let good = JournalVerification::from(Ok(Head::default()));
    assert!(good.valid && good.broken.is_none());
    assert_eq!(good.head.map(|h| h.seq), Some(0));
    let bad = JournalVerification::from(Err(VerifyError {
        seq: 12,
        broken: Broken::Content,
    }));
    assert!(!bad.valid && bad.head.is_none());
    let broken = bad.broken.map(|b| (b.seq, b.code));
    assert_eq!(broken, Some((12, "journal.content".to_owned())));
}

#[test]
fn a_journal_filter_selects_an_account_as_the_actor() {
    let filter = Filter::from(JournalFilter {
        actor: Some(AccountId(7)),
        organization: Some(OrgId(2)),
        ..JournalFilter::default()
    });
    assert_eq!(filter.actor, Some(Actor::Account(AccountId(7))));
    assert_eq!(filter.organization, Some(OrgId(2)));
    assert_eq!(filter.kind, None);
}

#[test]
fn states_crossing_as_text_are_named_as_their_json_form_names_them() {
    use crate::accounts::AccountLevel;
    use crate::delegation::fns_xml::TermState;
    use crate::employees::Standing;
    assert_eq!(name_of(&TermState::NotYetValid), "not_yet_valid");
    assert_eq!(name_of(&TermState::InForce), "in_force");
    assert_eq!(name_of(&TermState::Expired), "expired");
    assert_eq!(name_of(&Standing::Head), "head");
    assert_eq!(name_of(&AccountLevel::Confirmed), "confirmed");
    // A value with data has no such name.
    assert_eq!(name_of(&Some(1)), "");
}

#[test]
fn a_registry_record_s_oversized_identifier_is_refused_before_it_is_read() {
    let huge = "7".repeat(4 << 20);
    match Record::try_from(record(&huge, "500100732259")) {
        Err(KabinetError::Identifier { code, .. }) => assert_eq!(code, "inn.too_long"),
        other => panic!("a 4 MiB ИНН must be refused: {other:?}"),
    }
}
