//! `kabinet db query <path> '<query JSON>' [--at <time>]`: one question to a
//! database's directory, in the same JSON form the libraries take
//! (`{"query": "powers_issued_by", "organization": 7}`), answered as JSON
//! on standard output.
//!
//! The query is read strictly (`query.malformed`, `query.unknown_field`);
//! `--at` is the time the question is asked (now by default), which the
//! questions about powers in force read. Exit codes: 0 answered; 1 refused
//! (the refusal of entering by a power, a value that is not valid: the code
//! and both messages as JSON on standard output); 2 usage, a malformed
//! query, or a database that cannot be opened.

use std::path::Path;
use std::process::ExitCode;

use crate::{fail, fail_coded};
use kabinet::{from_json, Coded, JsonForm, Kabinet, Query, Timestamp};
use serde_json::json;

/// The largest query accepted on the command line: a question is a few
/// hundred bytes (Linux passes no single argument over 128 KiB anyway).
const MAX_QUERY_BYTES: usize = 64 << 10;

/// Answers `query` (JSON text) from the database at `path`, asked at `at`.
pub fn run(path: &Path, query: &str, at: Option<Timestamp>) -> ExitCode {
    if query.len() > MAX_QUERY_BYTES {
        return fail(
            "query.malformed",
            format!("the query is longer than {MAX_QUERY_BYTES} bytes"),
        );
    }
    let query: Query = match from_json(JsonForm::Query, query) {
        Ok(q) => q,
        Err(e) => return fail_coded(&e),
    };
    let store = match super::db::open_existing(path) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let k = match Kabinet::with_store(store, kabinet::Policy::default()) {
        Ok(k) => k,
        Err(e) => return fail_coded(&e),
    };
    match k.answer_json(&query, at.unwrap_or_else(Kabinet::now)) {
        Ok(answer) => {
            crate::output::line(format_args!("{answer}"));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let refusal = json!({
                "code": e.code(),
                "message_ru": e.message_ru(),
                "message_en": e.message_en(),
            });
            crate::output::line(format_args!("{refusal}"));
            ExitCode::from(1)
        }
    }
}
