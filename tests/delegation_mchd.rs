//! The МЧД JSON of powers of attorney: export, import with every field
//! validated and coded errors, registration of an imported power.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::delegation::MchdError;
use kabinet::identifiers::{Inn, Ogrn, Snils};
use kabinet::*;
use support::*;

#[test]
fn powers_travel_as_mchd_json_and_come_back_validated() {
    let (mut dir, head, org) = world();
    let outsider = person(
        &mut dir,
        "Внешний",
        &snils_of(80),
        Some("500123456750"),
        "x@firm.ru",
    );
    let rep = Representative::Person {
        snils: Some(Snils::parse(&snils_of(80)).unwrap()),
        inn: Some(Inn::parse("500123456750").unwrap()),
        acting_for: Some(RepresentingOrganization {
            inn: Inn::parse(FIRM_INN).unwrap(),
            ogrn: Some(Ogrn::parse(FIRM_OGRN).unwrap()),
        }),
    };
    let mut tm = terms(80, rep, PowerLevel::Operational.rights());
    tm.internal_number = Some("Д-17/2026".into());
    tm.redelegation = Redelegation::Once;
    tm.valid_until = Some(t("2026-09-01T12:30:00.5Z"));
    issue(&mut dir, head, org, tm);

    let json = dir.export_power(num(80)).unwrap();
    for key in [
        "\"НомДовер\"",
        "\"СрокДейст\"",
        "\"ПрПередов\": \"2\"",
        "\"ИННЮЛ\": \"7707083893\"",
        "\"КодПолн\"",
    ] {
        assert!(json.contains(key), "{key} in {json}");
    }
    let back = dir.import_power(&json).unwrap();
    assert_eq!(
        &back,
        dir.power(num(80)).unwrap(),
        "a third party's power comes back equal"
    );
    // registering it again is refused: the number is taken
    let e = dir
        .run(
            Command::Delegation(DelegationCommand::ImportPower {
                power: back.clone(),
            }),
            &Context::system(t(T0)),
        )
        .unwrap_err();
    assert_eq!(command_code(&e), "delegation.duplicate_number");
    // under a new number it registers and works
    let renumbered = json.replace(&num(80).to_string(), &num(81).to_string());
    let p = dir.import_power(&renumbered).unwrap();
    run(
        &mut dir,
        Command::Delegation(DelegationCommand::ImportPower { power: p }),
        &Context::system(t(T0)),
    );
    assert_eq!(dir.powers_of_representative(outsider).len(), 2);

    let bad = |from: &str, to: &str| {
        let edited = json.replace(from, to);
        assert_ne!(edited, json, "{from}");
        dir.import_power(&edited).unwrap_err()
    };
    let e = bad(&num(80).to_string(), "not-a-uuid");
    assert_eq!(
        (e.code(), e.to_string()),
        (
            "mchd.bad_field",
            "field НомДовер has an invalid value".into()
        )
    );
    assert_eq!(
        bad("\"ПрПередов\": \"2\"", "\"ПрПередов\": \"7\"").code(),
        "mchd.bad_field"
    );
    assert_eq!(
        bad("\"documents.approve\"", "\"documents.fly\"").code(),
        "mchd.unknown_power"
    );
    assert_eq!(
        bad("\"500123456750\"", "\"500123456751\"").code(),
        "mchd.bad_identifier"
    );
    assert_eq!(bad("\"EMCHD_1\"", "\"EMCHD_2\"").code(), "mchd.format");
    assert_eq!(
        bad("\"ВнНомДовер\"", "\"ВнНомерДов\"").code(),
        "mchd.malformed"
    );
    assert_eq!(
        bad("\"7707083893\"", "\"7736207543\"").code(),
        "mchd.principal_unknown"
    );
    assert_eq!(
        bad("2026-09-01T12:30:00.5Z", "2026-03-01T00:00:00Z").code(),
        "mchd.bad_field"
    );
    let huge = format!(
        "{json}{}",
        " ".repeat(kabinet::delegation::mchd::MAX_JSON_BYTES)
    );
    let e: MchdError = dir.import_power(&huge).unwrap_err();
    assert_eq!(e.code(), "mchd.too_large");
    assert_eq!(
        dir.export_power(num(99)).unwrap_err().code(),
        "mchd.not_found"
    );
}
