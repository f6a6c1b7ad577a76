//! Reading commands and events from their JSON, as a journal replay and a
//! host's `execute_json` do: the directory's `Command` / `Event`, which find
//! the family by the tag (through a `serde_json::Value`), beside the family
//! enum read directly (what a derived, flat enum costs).
//!
//! `cargo bench --bench json_form`
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::{Command, Event, RoleCommand, RoleEvent};

const COMMAND: &str =
    r#"{"command":"assign_role","org":17,"account":40213,"role":{"built_in":"accountant"}}"#;
const EVENT: &str =
    r#"{"event":"role_assigned","org":17,"account":40213,"role":{"built_in":"accountant"}}"#;

fn read(c: &mut Criterion) {
    let mut g = c.benchmark_group("json_form");
    g.bench_function("command, by family (Command)", |b| {
        b.iter(|| serde_json::from_str::<Command>(black_box(COMMAND)).unwrap())
    });
    g.bench_function("command, the family alone (RoleCommand)", |b| {
        b.iter(|| serde_json::from_str::<RoleCommand>(black_box(COMMAND)).unwrap())
    });
    g.bench_function("event, by family (Event)", |b| {
        b.iter(|| serde_json::from_str::<Event>(black_box(EVENT)).unwrap())
    });
    g.bench_function("event, the family alone (RoleEvent)", |b| {
        b.iter(|| serde_json::from_str::<RoleEvent>(black_box(EVENT)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, read);
criterion_main!(benches);
