//! The `kabinet id check` command as a user runs it: exit codes and the JSON shape.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::process::{Command, Output};

use serde_json::Value;

fn kabinet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabinet"))
        .args(args)
        .output()
        .expect("the kabinet binary runs")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exited normally")
}

fn json(args: &[&str]) -> (i32, Value) {
    let output = kabinet(args);
    let stdout = String::from_utf8(output.stdout.clone()).unwrap();
    assert_eq!(stdout.lines().count(), 1, "exactly one line: {stdout}");
    (
        code(&output),
        serde_json::from_str(&stdout).expect("stdout is one JSON object"),
    )
}

#[test]
fn valid_values_exit_0_and_print_the_normalized_form() {
    let out = kabinet(&["id", "check", "snils", " 112-233-445 95 "]);
    assert_eq!(code(&out), 0);
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "11223344595\n");

    let out = kabinet(&["id", "check", "phone", "+7 (495) 500-55-50"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap().trim(),
        "+74955005550"
    );
}

#[test]
fn invalid_values_exit_1_with_the_code_and_both_messages() {
    let out = kabinet(&["id", "check", "inn", "7707083894"]);
    assert_eq!(code(&out), 1);
    let line = String::from_utf8(out.stdout).unwrap();
    assert!(line.starts_with("invalid inn.checksum: "), "{line}");
    assert!(
        line.contains("ИНН") && line.contains("expected 3, found 4"),
        "{line}"
    );
}

#[test]
fn json_shape_when_valid() {
    let (rc, v) = json(&[
        "id",
        "check",
        "corr-account",
        "30101810400000000225",
        "--bik",
        "044525225",
        "--json",
    ]);
    assert_eq!(rc, 0);
    let object = v.as_object().unwrap();
    let mut keys: Vec<_> = object.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["error", "kind", "normalized", "valid", "value"]);
    assert_eq!(v["kind"], "corr-account");
    assert_eq!(v["value"], "30101810400000000225");
    assert_eq!(v["valid"], true);
    assert_eq!(v["normalized"], "30101810400000000225");
    assert!(v["error"].is_null());
}

#[test]
fn json_shape_when_invalid() {
    let (rc, v) = json(&["id", "check", "ogrnip", "304463210700211", "--json"]);
    assert_eq!(rc, 1);
    assert_eq!(v["kind"], "ogrnip");
    assert_eq!(v["value"], "304463210700211");
    assert_eq!(v["valid"], false);
    assert!(v["normalized"].is_null());
    let error = v["error"].as_object().unwrap();
    let mut keys: Vec<_> = error.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["code", "message_en", "message_ru"]);
    assert_eq!(v["error"]["code"], "ogrnip.checksum");
    assert!(v["error"]["message_ru"]
        .as_str()
        .unwrap()
        .contains("ОГРНИП"));
    assert!(v["error"]["message_en"]
        .as_str()
        .unwrap()
        .contains("expected 2, found 1"));
}

#[test]
fn value_is_echoed_as_given() {
    let (rc, v) = json(&["id", "check", "email", "  Ivan@Example.RU ", "--json"]);
    assert_eq!(rc, 0);
    assert_eq!(v["value"], "  Ivan@Example.RU ");
    assert_eq!(v["normalized"], "Ivan@example.ru");
}

#[test]
fn account_kinds_report_a_missing_or_bad_bik_as_invalid() {
    let (rc, v) = json(&["id", "check", "account", "40702810400000000001", "--json"]);
    assert_eq!(rc, 1);
    assert_eq!(v["error"]["code"], "account.bik_required");
    let (rc, v) = json(&[
        "id",
        "check",
        "corr-account",
        "30101810400000000225",
        "--bik",
        "4452522",
        "--json",
    ]);
    assert_eq!(rc, 1);
    assert_eq!(v["error"]["code"], "corr_account.bik_invalid");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(code(&kabinet(&["id", "check", "passport", "1234"])), 2);
    assert_eq!(code(&kabinet(&["id", "check", "inn"])), 2);
    assert_eq!(
        code(&kabinet(&[
            "id",
            "check",
            "inn",
            "7707083893",
            "--bik",
            "044525225"
        ])),
        2
    );
    assert_eq!(code(&kabinet(&["id", "frobnicate"])), 2);
    assert_eq!(code(&kabinet(&[])), 2);
}

#[test]
fn values_starting_with_a_hyphen_are_values() {
    let (rc, v) = json(&["id", "check", "inn", "-7707083893", "--json"]);
    assert_eq!(rc, 1);
    assert_eq!(v["error"]["code"], "inn.not_digits");
}

#[test]
fn every_kind_name_is_accepted() {
    for kind in [
        "inn",
        "ogrn",
        "ogrnip",
        "kpp",
        "snils",
        "bik",
        "account",
        "corr-account",
        "phone",
        "email",
    ] {
        let (rc, v) = json(&["id", "check", kind, "x", "--json"]);
        assert_eq!(rc, 1, "{kind}");
        assert_eq!(v["kind"], kind);
    }
}
