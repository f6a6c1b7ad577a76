//! `check` as traffic calls it: requests drawn at random (seeded) over the
//! whole organization, each call timed on its own, reported as p50 / p99.
//!
//! Organizations of 10,000 and 100,000 employees (the roles of
//! `common::organization`); a million requests each, a uniformly drawn
//! member (the head included) asking one of the six rights of
//! `benches/check.rs` — about a third are allowed. Each request touches an
//! account, a membership and a role the previous requests most likely did
//! not: the caches are as cold as a large directory makes them. The hot-set
//! figures of `benches/check.rs` (4,096 requests cycling) are printed beside
//! them for comparison.
//!
//! The chain check: beside the employees, one outside person for every ten
//! holds a power of attorney from the head (the operational rights), every
//! third passed on once and every ninth twice (chains of depth 1 to 3). A
//! million requests by a random holder, signed with its qualified
//! signature, asking one of the six rights (the operational level gives some
//! and not others), are timed the same way: the check finds no membership,
//! then walks the holder's chain to the head.
//!
//! Run: `cargo bench --bench check_random` (add `-- 10000` for one size).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::fixtures::t;
use common::latency::{per_call, timer_cost, Draw};
use common::organization::{organization, power_chains, qes};
use kabinet::*;

const REQUESTS: usize = 1_000_000;
const HOT_SET: usize = 4096;

const RIGHTS: [Right; 6] = [
    Right::DocumentsView,
    Right::AccountingApprove,
    Right::ReportsView,
    Right::JournalView,
    Right::ApplicationsEdit,
    Right::UsersManage,
];

fn main() {
    let sizes: Vec<u32> = match std::env::args().skip(1).find(|a| !a.starts_with('-')) {
        Some(n) => vec![n.parse().expect("a number of employees")],
        None => vec![10_000, 100_000],
    };
    let timer = timer_cost();
    println!("timer (an empty pair of Instant::now): {timer}");
    for employees in sizes {
        let started = std::time::Instant::now();
        let (mut dir, org, people) = organization(employees);
        let holders = power_chains(&mut dir, org, people[0], employees / 10, employees + 1);
        println!(
            "\n{employees} employees (built in {:.1} s)",
            started.elapsed().as_secs_f64()
        );
        let at = t("2026-03-02T10:00:00Z");
        let mut draw = Draw::seeded(0x6b61_6269_6e65_7400 ^ u64::from(employees));
        let random: Vec<AccessRequest> = (0..REQUESTS)
            .map(|_| {
                let actor = people[draw.below(people.len())];
                AccessRequest::new(actor, org, RIGHTS[draw.below(RIGHTS.len())], at)
            })
            .collect();
        let allowed = random.iter().filter(|r| dir.check(r).allowed).count();
        println!("  random requests: {allowed} of {REQUESTS} allowed");
        assert!(allowed > 0 && allowed < REQUESTS);
        // Warm the code paths, not the data: a first pass over other draws.
        per_call(&random[..REQUESTS / 10], &timer, |r| dir.check(r));
        let cold = per_call(&random, &timer, |r| dir.check(r));
        println!("  random over the organization: {cold}");
        let hot: Vec<AccessRequest> = (0..REQUESTS).map(|i| random[i % HOT_SET].clone()).collect();
        let warm = per_call(&hot, &timer, |r| dir.check(r));
        println!("  hot set of {HOT_SET} requests cycling: {warm}");
        let signed: Vec<AccessRequest> = (0..REQUESTS)
            .map(|_| {
                let (actor, _) = holders[draw.below(holders.len())];
                AccessRequest::new(actor, org, RIGHTS[draw.below(RIGHTS.len())], at)
                    .signed(qes(&dir, actor))
            })
            .collect();
        let through_powers = signed.iter().filter(|r| dir.check(r).allowed).count();
        let deepest = holders.iter().map(|h| h.1).max().unwrap_or(0);
        assert!(through_powers > 0 && through_powers < REQUESTS && deepest == 3);
        let chains = per_call(&signed, &timer, |r| dir.check(r));
        println!(
            "  chain check, {} holders of chains of depth 1 to 3 ({through_powers} of {REQUESTS} allowed): {chains}",
            holders.len()
        );
    }
}
