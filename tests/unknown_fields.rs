//! Commands, events, queries and policies refuse what they do not understand: a
//! field the documented form lacks, at any depth, is a coded error, never
//! silently dropped (a misspelt `valid_untill` would leave a power meant for
//! a day to last the default year).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use kabinet::*;
use serde_json::Value;
use support::*;

/// Every JSON object inside `v` (itself included), as paths of keys and indexes.
fn object_paths(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            out.push(here.clone());
            for (k, x) in m {
                let mut p = here.clone();
                p.push(k.clone());
                object_paths(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let mut p = here.clone();
                p.push(i.to_string());
                object_paths(x, p, out);
            }
        }
        _ => {}
    }
}

fn at_path<'a>(v: &'a mut Value, path: &[String]) -> &'a mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k).unwrap(),
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => unreachable!(),
    })
}

/// Adds an unknown field to each object of `value`'s JSON form in turn and
/// reads it back as `form`: each must be refused, naming the field.
fn every_object_refuses_an_extra_field<T>(form: JsonForm, value: &T) -> usize
where
    T: serde::Serialize + serde::de::DeserializeOwned + std::fmt::Debug,
{
    let json = serde_json::to_value(value).unwrap();
    let text = json.to_string();
    from_json::<T>(form, &text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let mut paths = Vec::new();
    object_paths(&json, Vec::new(), &mut paths);
    for path in &paths {
        let mut tampered = json.clone();
        let Value::Object(m) = at_path(&mut tampered, path) else {
            unreachable!()
        };
        m.insert("zz_unknown".into(), Value::Bool(true));
        let e = from_json::<T>(form, &tampered.to_string())
            .expect_err(&format!("accepted an unknown field at {path:?} of {text}"));
        // A tagged value (`{"by": …, "value": …}`, `{"built_in": …}`) is
        // refused by serde as malformed, without naming the field; the rest
        // name it.
        if e.code() == form.error_codes()[0] {
            assert!(
                e.detail.contains("expected \"by\" or \"value\"")
                    || e.detail.contains("map with a single key"),
                "{path:?} of {text}: {e}"
            );
        } else {
            assert_eq!(e.code(), form.error_codes()[1], "{path:?} of {text}: {e}");
            assert_eq!(e.unknown_field.as_deref(), Some("zz_unknown"), "{e}");
        }
    }
    paths.len()
}

#[test]
fn every_command_and_event_of_a_company_refuses_unknown_fields() {
    let (mut dir, head, org, people) = staffed_world();
    let mut terms = terms(9, to(people[1]), RightSet::of(&[Right::ReportsView]));
    terms.valid_until = Some(t("2026-03-03T09:00:00Z"));
    terms.redelegation = Redelegation::Once;
    issue(&mut dir, head, org, terms);
    let commands = take_commands();
    let events = take_log();
    assert!(commands.len() > 10 && events.len() > 10);
    let mut objects = 0;
    for (c, _) in &commands {
        objects += every_object_refuses_an_extra_field(JsonForm::Command, c);
    }
    for e in &events {
        objects += every_object_refuses_an_extra_field(JsonForm::Event, e);
    }
    assert!(
        objects > commands.len() + events.len(),
        "nested objects were tried"
    );
    every_object_refuses_an_extra_field(JsonForm::Policy, &Policy::default());
}

#[test]
fn a_misspelt_end_of_validity_is_refused_not_defaulted() {
    let (mut dir, head, org, people) = staffed_world();
    let command = Command::Delegation(DelegationCommand::IssuePower {
        org,
        terms: terms(9, to(people[1]), RightSet::of(&[Right::ReportsView])),
        irrevocable: false,
    });
    let mut json = serde_json::to_value(&command).unwrap();
    json["terms"]["valid_untill"] = Value::from("2026-03-03T09:00:00Z");
    let text = json.to_string();
    assert!(text.contains("valid_untill"), "{text}");
    let e = from_json::<Command>(JsonForm::Command, &text).unwrap_err();
    assert_eq!(e.code(), "command.unknown_field");
    assert_eq!(e.unknown_field.as_deref(), Some("valid_untill"));
    assert!(e.message_en().contains("valid_untill") && e.message_ru().contains("valid_untill"));
    // Spelt right, the power ends when it says.
    let right = text.replace("valid_untill", "valid_until");
    let command: Command = from_json(JsonForm::Command, &right).unwrap();
    exec(&mut dir, head, T0, command);
    assert_eq!(
        dir.power(num(9)).unwrap().valid_until,
        t("2026-03-03T09:00:00Z")
    );
}

#[test]
fn what_is_not_json_of_the_form_keeps_the_malformed_code() {
    for (form, text) in [
        (JsonForm::Command, "{\"command\":\"fly\"}"),
        (JsonForm::Command, "[1,2"),
        (JsonForm::Event, "{}"),
        (JsonForm::Policy, "null"),
    ] {
        let e = match form {
            JsonForm::Command => from_json::<Command>(form, text).unwrap_err(),
            JsonForm::Event => from_json::<Event>(form, text).unwrap_err(),
            _ => from_json::<Policy>(form, text).unwrap_err(),
        };
        assert_eq!(e.code(), form.error_codes()[0], "{text}: {e}");
        assert_eq!(e.unknown_field, None);
    }
}

#[test]
fn variants_without_fields_refuse_fields_too() {
    // serde lets an internally tagged unit variant carry anything; these
    // forms are read so that it may not.
    let kind = r#"{"command":"submit_organization","kind":{"kind":"legal_entity","parent":5},"requisites":{}}"#;
    let e = from_json::<Command>(JsonForm::Command, kind).unwrap_err();
    assert_eq!(
        (e.code(), e.unknown_field.as_deref()),
        ("command.unknown_field", Some("parent"))
    );
    let answer = r#"{"answer":"not_found","record":{}}"#;
    let e = from_json::<kabinet::organizations::RegistryAnswer>(JsonForm::Registry, answer)
        .unwrap_err();
    assert_eq!(
        (e.code(), e.unknown_field.as_deref()),
        ("registry.unknown_field", Some("record"))
    );
    let answer: kabinet::organizations::RegistryAnswer =
        from_json(JsonForm::Registry, r#"{"answer":"not_found"}"#).unwrap();
    assert_eq!(answer, kabinet::organizations::RegistryAnswer::NotFound);
    let sweep = kabinet::auth::SessionCommand::Sweep;
    let text = serde_json::to_string(&sweep).unwrap();
    assert_eq!(
        from_json::<kabinet::auth::SessionCommand>(JsonForm::Command, &text).unwrap(),
        sweep
    );
    let extra = text.replace('}', ",\"session\":1}");
    let e = from_json::<kabinet::auth::SessionCommand>(JsonForm::Command, &extra).unwrap_err();
    assert_eq!(e.unknown_field.as_deref(), Some("session"), "{extra}");
}

#[test]
fn queries_refuse_an_unknown_field_with_the_query_codes() {
    for (text, code, field) in [
        (
            r#"{"query":"power_count","valid_untill":"2027-01-01"}"#,
            "query.unknown_field",
            Some("valid_untill"),
        ),
        (
            r#"{"query":"members","organization":1,"org":1}"#,
            "query.unknown_field",
            Some("org"),
        ),
        (r#"{"query":"powers_of_everyone"}"#, "query.malformed", None),
        (
            r#"{"query":"account","account":true}"#,
            "query.malformed",
            None,
        ),
        ("[1,2", "query.malformed", None),
    ] {
        let e = from_json::<Query>(JsonForm::Query, text).unwrap_err();
        assert_eq!(
            (e.code(), e.unknown_field.as_deref()),
            (code, field),
            "{text}"
        );
    }
    assert_eq!(
        JsonForm::Query.error_codes(),
        ["query.malformed", "query.unknown_field"]
    );
}
