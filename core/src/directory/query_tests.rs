//! Every query's JSON form: read strictly, written back the same, answered
//! on an empty directory; the values typed by hand refused with their codes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::*;

const POWER: &str = "00000000-0000-0000-0000-000000000001";

/// One JSON form of every query (the match below names every variant, so a
/// new one must be added here).
fn examples() -> Vec<Value> {
    vec![
        json!({"query": "account", "account": 1}),
        json!({"query": "account_by_snils", "snils": "112-233-445 95"}),
        json!({"query": "accounts"}),
        json!({"query": "organization", "organization": 1}),
        json!({"query": "organizations"}),
        json!({"query": "organizations_by_inn", "inn": "7707083893"}),
        json!({"query": "membership", "organization": 1, "account": 2}),
        json!({"query": "members", "organization": 1}),
        json!({"query": "organizations_of", "account": 1}),
        json!({"query": "invitation", "invitation": 1}),
        json!({"query": "invitations", "organization": 1}),
        json!({"query": "registration_power", "organization": 1}),
        json!({"query": "rejection_reasons", "organization": 1}),
        json!({"query": "power", "power": POWER}),
        json!({"query": "power_count"}),
        json!({"query": "powers_of_representative", "account": 1}),
        json!({"query": "powers_held_from", "organization": 1, "account": 2}),
        json!({"query": "powers_issued_by", "organization": 1}),
        json!({"query": "powers_expiring_within", "organization": null, "days": 30}),
        json!({"query": "power_chain", "power": POWER}),
        json!({"query": "powers_redelegated_from", "power": POWER}),
        json!({"query": "rights_through_powers", "account": 1, "organization": 2}),
        json!({"query": "enter_by_power", "account": 1, "power": POWER}),
        json!({"query": "verify_power", "power": POWER}),
        json!({"query": "export_power", "power": POWER}),
        json!({"query": "import_power", "text": "{}"}),
        json!({"query": "auth_account", "account": 1}),
        json!({"query": "token", "token": "T-1"}),
        json!({"query": "session", "session": 1}),
        json!({"query": "sessions", "account": null}),
        json!({"query": "application", "application": 1}),
        json!({"query": "application_by_number", "number": "A-1"}),
        json!({"query": "applications_of", "organization": 1}),
        json!({"query": "preferences", "account": 1}),
        json!({"query": "outbox", "due": false}),
        json!({"query": "history"}),
    ]
}

/// The position of a query's variant (a match without a wildcard).
fn variant(q: &Query) -> usize {
    match q {
        Query::Account { .. } => 0,
        Query::AccountBySnils { .. } => 1,
        Query::Accounts {} => 2,
        Query::Organization { .. } => 3,
        Query::Organizations {} => 4,
        Query::OrganizationsByInn { .. } => 5,
        Query::Membership { .. } => 6,
        Query::Members { .. } => 7,
        Query::OrganizationsOf { .. } => 8,
        Query::Invitation { .. } => 9,
        Query::Invitations { .. } => 10,
        Query::RegistrationPower { .. } => 11,
        Query::RejectionReasons { .. } => 12,
        Query::Power { .. } => 13,
        Query::PowerCount {} => 14,
        Query::PowersOfRepresentative { .. } => 15,
        Query::PowersHeldFrom { .. } => 16,
        Query::PowersIssuedBy { .. } => 17,
        Query::PowersExpiringWithin { .. } => 18,
        Query::PowerChain { .. } => 19,
        Query::PowersRedelegatedFrom { .. } => 20,
        Query::RightsThroughPowers { .. } => 21,
        Query::EnterByPower { .. } => 22,
        Query::VerifyPower { .. } => 23,
        Query::ExportPower { .. } => 24,
        Query::ImportPower { .. } => 25,
        Query::AuthAccount { .. } => 26,
        Query::Token { .. } => 27,
        Query::Session { .. } => 28,
        Query::Sessions { .. } => 29,
        Query::Application { .. } => 30,
        Query::ApplicationByNumber { .. } => 31,
        Query::ApplicationsOf { .. } => 32,
        Query::Preferences { .. } => 33,
        Query::Outbox { .. } => 34,
        Query::History {} => 35,
    }
}

/// A query read as the hosts' JSON is (the codes of the form are checked
/// in `tests/unknown_fields.rs`, outside the directory's module).
fn read(v: &Value) -> Result<Query, serde_json::Error> {
    serde_json::from_value(v.clone())
}

#[test]
fn every_query_reads_and_writes_back_its_json_form() {
    let examples = examples();
    let mut seen: Vec<usize> = Vec::new();
    for v in &examples {
        let q = read(v).unwrap_or_else(|e| panic!("{v}: {e}"));
        assert_eq!(serde_json::to_value(&q).unwrap(), *v);
        seen.push(variant(&q));
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..examples.len()).collect::<Vec<_>>());
}

#[test]
fn every_query_refuses_an_unknown_field_and_a_wrong_value() {
    for v in examples() {
        let mut extra = v.clone();
        extra["valid_untill"] = json!("2027-01-01T00:00:00Z");
        let e = read(&extra).expect_err(&extra.to_string());
        assert!(
            e.to_string().contains("unknown field `valid_untill`"),
            "{extra}: {e}"
        );
    }
    for v in [
        json!({"query": "powers_of_everyone"}),
        json!({"account": 1}),
        json!({"query": "account", "account": "one"}),
        json!({"query": "account", "account": -1}),
        json!({"query": "powers_expiring_within", "days": 4294967296u64}),
        json!("account"),
    ] {
        assert!(read(&v).is_err(), "{v}");
    }
}

#[test]
fn an_empty_directory_answers_every_query() {
    let d = Directory::new();
    let at = Timestamp::UNIX_EPOCH;
    for v in examples() {
        let q = read(&v).unwrap();
        match d.answer(&q, at) {
            Ok(a) => assert!(
                a.is_null() || a.is_array() || a.is_number() || a.is_object(),
                "{v}: {a}"
            ),
            Err(e) => assert!(
                matches!(
                    e.code(),
                    "access.account_unknown"
                        | "delegation.not_found"
                        | "mchd.not_found"
                        | "mchd.malformed"
                ),
                "{v}: {}",
                e.code()
            ),
        }
    }
    let q = read(&json!({"query": "power_count"})).unwrap();
    assert_eq!(d.answer(&q, at).unwrap(), json!(0));
}

#[test]
fn values_typed_by_hand_are_refused_with_the_code_of_what_they_should_be() {
    let d = Directory::new();
    let at = Timestamp::UNIX_EPOCH;
    let code = |v: Value| d.answer(&read(&v).unwrap(), at).unwrap_err().code();
    assert_eq!(
        code(json!({"query": "power", "power": "1"})),
        "power.bad_number"
    );
    assert_eq!(
        code(json!({"query": "power_chain", "power": ""})),
        "power.bad_number"
    );
    assert_eq!(
        code(json!({"query": "account_by_snils", "snils": "1"})),
        "snils.length"
    );
    assert_eq!(
        code(json!({"query": "organizations_by_inn", "inn": "7707083894"})),
        "inn.checksum"
    );
    // A long value is refused by its length, and not echoed whole.
    let long = "9".repeat(1 << 20);
    let e = d
        .answer(
            &read(&json!({"query": "power", "power": long})).unwrap(),
            at,
        )
        .unwrap_err();
    assert!(e.message_en().len() < 1024 && e.message_ru().len() < 2048);
}
