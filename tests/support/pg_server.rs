//! A fresh PostgreSQL database per test, on the server `./scripts/test`
//! starts (`scripts/pg-server`), named by `KABINET_TEST_POSTGRES`.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT: AtomicU64 = AtomicU64::new(0);

/// The URL of the test server's maintenance database. Fails loudly when the
/// server is not there: the PostgreSQL tests never pass by skipping.
pub fn postgres_server() -> String {
    std::env::var("KABINET_TEST_POSTGRES").unwrap_or_else(|_| {
        panic!(
            "KABINET_TEST_POSTGRES is not set: run ./scripts/test, which starts a \
             PostgreSQL server (scripts/pg-server) for these tests"
        )
    })
}

/// Creates an empty database for one test and returns its URL (as a path,
/// the way `Kabinet::open` takes it).
pub fn fresh_postgres(name: &str) -> PathBuf {
    let server = postgres_server();
    let clean: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    let db = format!(
        "k_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed),
        clean
    );
    let mut client = postgres::Client::connect(&server, postgres::NoTls)
        .unwrap_or_else(|e| panic!("the test PostgreSQL server at {server}: {e}"));
    client
        .batch_execute(&format!("CREATE DATABASE {db}"))
        .unwrap();
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    PathBuf::from(format!("{base}/{db}"))
}
