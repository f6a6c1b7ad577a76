//! The shared scenarios of `tests/scenarios` (their format is in its
//! README), run through the Rust API: a [`Kabinet`] handle, commands in their
//! JSON form, `check`, `effective_rights` and `answer`. Python and Kotlin run the same
//! files through their bindings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use kabinet::*;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

fn scenarios_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios")
}

fn load(path: &Path) -> Map<String, Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match serde_json::from_str(&text) {
        Ok(Value::Object(o)) => o,
        other => panic!("{}: not a JSON object: {other:?}", path.display()),
    }
}

fn refuse_unknown(what: &str, object: &Map<String, Value>, known: &[&str]) {
    for key in object.keys() {
        assert!(known.contains(&key.as_str()), "{what}: unknown key {key:?}");
    }
}

/// Merges `overrides` into `base`, object by object.
fn merge(base: &mut Value, overrides: &Value) {
    match (base, overrides) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// The steps of a scenario, those of its givens first.
fn steps_of(scenario: &Map<String, Value>) -> Vec<Value> {
    let mut steps = match scenario.get("given") {
        Some(Value::String(name)) => {
            let given = load(&scenarios_dir().join("given").join(format!("{name}.json")));
            refuse_unknown(name, &given, &["title", "given", "steps"]);
            steps_of(&given)
        }
        None => Vec::new(),
        other => panic!("given: {other:?}"),
    };
    steps.extend(scenario["steps"].as_array().unwrap().iter().cloned());
    steps
}

struct Runner {
    kabinet: Kabinet,
    names: HashMap<String, u64>,
    at: Timestamp,
}

impl Runner {
    fn id(&self, name: &Value) -> u64 {
        let name = name
            .as_str()
            .unwrap_or_else(|| panic!("not a name: {name}"));
        *self
            .names
            .get(name)
            .unwrap_or_else(|| panic!("unbound name {name:?}"))
    }

    /// Replaces every `"$name"` string by the number bound to `name`.
    fn resolve(&self, value: &mut Value) {
        match value {
            Value::String(s) if s.starts_with('$') => {
                *value = Value::from(self.id(&Value::from(&s[1..])));
            }
            Value::Array(items) => items.iter_mut().for_each(|v| self.resolve(v)),
            Value::Object(fields) => fields.values_mut().for_each(|v| self.resolve(v)),
            _ => {}
        }
    }

    fn at(&self, step: &Map<String, Value>) -> Timestamp {
        step.get("at")
            .map_or(self.at, |v| v.as_str().unwrap().parse().unwrap())
    }

    fn run(&mut self, step: &Map<String, Value>) {
        refuse_unknown(
            "run step",
            step,
            &["run", "as", "at", "signature", "bind", "error", "events"],
        );
        let mut command = step["run"].clone();
        self.resolve(&mut command);
        let text = command.to_string();
        let command: Command = from_json(JsonForm::Command, &text).unwrap();
        let at = self.at(step);
        let mut ctx = match step["as"].as_str().unwrap() {
            "system" => Context::system(at),
            _ => Context::account(AccountId(self.id(&step["as"])), at),
        };
        ctx.signature = signature(step.get("signature"));
        let result = self.kabinet.execute(command, &ctx);
        if let Some(code) = step.get("error") {
            let e = result.expect_err(&format!("{text}: expected {code}"));
            assert_eq!(Coded::code(&e), code.as_str().unwrap(), "{text}");
            return;
        }
        let events: Vec<Value> = result
            .unwrap_or_else(|e| panic!("{text}: {}", Coded::code(&e)))
            .iter()
            .map(|e| serde_json::to_value(e).unwrap())
            .collect();
        if let Some(kinds) = step.get("events") {
            let got: Vec<&Value> = events.iter().map(|e| &e["event"]).collect();
            let want: Vec<&Value> = kinds.as_array().unwrap().iter().collect();
            assert_eq!(got, want, "{text}");
        }
        for (name, path) in step
            .get("bind")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            let mut parts = path.as_str().unwrap().split('.');
            let kind = parts.next().unwrap();
            let event = events
                .iter()
                .find(|e| e["event"] == kind)
                .unwrap_or_else(|| panic!("{text}: no {kind} event in {events:?}"));
            let number = parts.fold(event, |v, p| &v[p]).as_u64();
            self.names.insert(
                name.clone(),
                number.unwrap_or_else(|| panic!("{path}: not a number")),
            );
        }
    }

    fn check(&self, step: &Map<String, Value>) {
        refuse_unknown(
            "check step",
            step,
            &["check", "allowed", "refusals", "basis", "role"],
        );
        let ask = step["check"].as_object().unwrap();
        refuse_unknown("check", ask, &["actor", "org", "right", "at", "signature"]);
        let right = Right::from_code(ask["right"].as_str().unwrap()).unwrap();
        let request = AccessRequest::new(
            AccountId(self.id(&ask["actor"])),
            OrgId(self.id(&ask["org"])),
            right,
            self.at(ask),
        )
        .signed(signature(ask.get("signature")));
        let d = self.kabinet.check(&request);
        let what = format!("{ask:?}: {d:?}");
        assert_eq!(d.allowed, step["allowed"].as_bool().unwrap(), "{what}");
        if let Some(codes) = step.get("refusals") {
            let got: Vec<&str> = d.refusals.iter().map(Coded::code).collect();
            let want: Vec<&str> = codes
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect();
            assert_eq!(got, want, "{what}");
        }
        if let Some(basis) = step.get("basis") {
            assert_eq!(d.basis.as_ref().map(Basis::code), basis.as_str(), "{what}");
        }
        if let Some(role) = step.get("role") {
            let Some(Basis::Role(held)) = d.basis else {
                panic!("{what}: no role")
            };
            match held {
                RoleRef::BuiltIn(b) => assert_eq!(Some(b.code()), role.as_str(), "{what}"),
                RoleRef::Custom(id) => {
                    assert_eq!(id.0, self.id(&Value::from(&role.as_str().unwrap()[1..])))
                }
            }
        }
    }

    fn rights(&self, step: &Map<String, Value>) {
        refuse_unknown("rights step", step, &["rights", "expect"]);
        let ask = step["rights"].as_object().unwrap();
        refuse_unknown("rights", ask, &["actor", "org", "at"]);
        let held: Vec<&str> = self
            .kabinet
            .effective_rights(
                AccountId(self.id(&ask["actor"])),
                OrgId(self.id(&ask["org"])),
                self.at(ask),
            )
            .iter()
            .map(|e| e.right.code())
            .collect();
        let want: Vec<&str> = match &step["expect"] {
            Value::String(all) if all == "all" => Right::ALL.iter().map(|r| r.code()).collect(),
            list => list
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap())
                .collect(),
        };
        assert_eq!(held, want, "{ask:?}");
    }
}

impl Runner {
    /// A query step: the answer, or what `pick` takes of it, equals `expect`;
    /// or the query is refused with `error`.
    fn query(&self, step: &Map<String, Value>) {
        refuse_unknown(
            "query step",
            step,
            &["query", "at", "pick", "expect", "error"],
        );
        let mut query = step["query"].clone();
        self.resolve(&mut query);
        let text = query.to_string();
        let answer = from_json::<Query>(JsonForm::Query, &text)
            .map_err(|e| Coded::code(&e))
            .and_then(|q| {
                self.kabinet
                    .answer(&q, self.at(step))
                    .map_err(|e| Coded::code(&e))
            });
        if let Some(code) = step.get("error") {
            assert_eq!(answer.err(), code.as_str(), "{text}");
            return;
        }
        let answer = answer.unwrap_or_else(|code| panic!("{text}: {code}"));
        let mut want = step["expect"].clone();
        self.resolve(&mut want);
        let got = match step.get("pick").and_then(Value::as_str) {
            Some(path) => pick(&answer, path),
            None => answer,
        };
        assert_eq!(got, want, "{text}");
    }
}

/// What a dotted path names in a value; applied to each item of a list.
fn pick(value: &Value, path: &str) -> Value {
    match value {
        Value::Array(items) => items.iter().map(|v| pick(v, path)).collect(),
        _ => path
            .split('.')
            .fold(value, |v, key| v.get(key).unwrap_or(&Value::Null))
            .clone(),
    }
}

fn signature(spec: Option<&Value>) -> SignatureEvidence {
    let Some(spec) = spec.and_then(Value::as_object) else {
        return SignatureEvidence::simple();
    };
    refuse_unknown(
        "signature",
        spec,
        &[
            "level",
            "snils",
            "inn",
            "organization_inn",
            "ogrn",
            "ogrnip",
        ],
    );
    let level: SignatureLevel = serde_json::from_value(spec["level"].clone()).unwrap();
    // The holder's fields are SignerIdentity's own JSON form.
    let mut holder = spec.clone();
    holder.remove("level");
    let signer: SignerIdentity = serde_json::from_value(Value::Object(holder)).unwrap();
    if signer == SignerIdentity::default() {
        SignatureEvidence {
            level,
            ..SignatureEvidence::simple()
        }
    } else {
        SignatureEvidence::certified(level, signer)
    }
}

fn run_scenario(path: &Path) {
    let scenario = load(path);
    refuse_unknown(
        &path.display().to_string(),
        &scenario,
        &["title", "domain", "given", "policy", "at", "steps"],
    );
    let mut policy = serde_json::to_value(Policy::default()).unwrap();
    if let Some(overrides) = scenario.get("policy") {
        merge(&mut policy, overrides);
    }
    let mut runner = Runner {
        kabinet: Kabinet::with_policy(serde_json::from_value(policy).unwrap()),
        names: HashMap::new(),
        at: scenario["at"].as_str().unwrap().parse().unwrap(),
    };
    for (i, step) in steps_of(&scenario).iter().enumerate() {
        let step = step.as_object().unwrap();
        // Shown with the failure: the test harness prints a failed test's output.
        println!("{} step {i}", path.display());
        if step.contains_key("run") {
            runner.run(step);
        } else if step.contains_key("check") {
            runner.check(step);
        } else if step.contains_key("rights") {
            runner.rights(step);
        } else if step.contains_key("query") {
            runner.query(step);
        } else {
            panic!("a step of no known kind: {step:?}");
        }
    }
}

#[test]
fn every_shared_scenario_holds_in_rust() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(scenarios_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 15,
        "the shared scenarios are missing: {files:?}"
    );
    for file in &files {
        run_scenario(file);
    }
}
