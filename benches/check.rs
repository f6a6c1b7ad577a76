//! `check` on an organization with 10,000 employees and mixed roles.
//!
//! Employees hold built-in roles, two built-in roles at once, a custom role,
//! and every seventh an individual grant. 4,096 requests over six rights
//! mix allowed and refused answers. The group `check_p50_of_batches` takes
//! each sample as the median of batches of 256 calls (see `common`).
//!
//! Run: `cargo bench --bench check`
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::fixtures::t;
use common::median_of_batches;
use common::organization::organization;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use kabinet::*;

const EMPLOYEES: u32 = 10_000;

fn bench(c: &mut Criterion) {
    let (dir, org, people) = organization(EMPLOYEES);
    let at = t("2026-03-02T10:00:00Z");
    let rights = [
        Right::DocumentsView,
        Right::AccountingApprove,
        Right::ReportsView,
        Right::JournalView,
        Right::ApplicationsEdit,
        Right::UsersManage,
    ];
    let requests: Vec<AccessRequest> = (0..4096)
        .map(|i| {
            AccessRequest::new(
                people[(i * 7919) % people.len()],
                org,
                rights[i % rights.len()],
                at,
            )
        })
        .collect();
    let (allowed, refused): (Vec<&AccessRequest>, Vec<&AccessRequest>) =
        requests.iter().partition(|r| dir.check(r).allowed);
    eprintln!(
        "mixed requests: {} of {} allowed",
        allowed.len(),
        requests.len()
    );
    assert!(!allowed.is_empty() && !refused.is_empty());

    let mut g = c.benchmark_group("check");
    let mut i = 0;
    g.bench_function("mixed_10k_employees", |b| {
        b.iter(|| {
            i = (i + 1) & 4095;
            black_box(dir.check(black_box(&requests[i])))
        })
    });
    let mut j = 0;
    g.bench_function("allowed_10k_employees", |b| {
        b.iter(|| {
            j = (j + 1) % allowed.len();
            black_box(dir.check(black_box(allowed[j])))
        })
    });
    let mut k = 0;
    g.bench_function("refused_10k_employees", |b| {
        b.iter(|| {
            k = (k + 1) % refused.len();
            black_box(dir.check(black_box(refused[k])))
        })
    });
    g.finish();

    let mut g = c.benchmark_group("check_p50_of_batches");
    let mut j = 0;
    g.bench_function("allowed_10k_employees", |b| {
        b.iter_custom(|iters| {
            median_of_batches(iters, || {
                j = (j + 1) % allowed.len();
                dir.check(black_box(allowed[j]))
            })
        })
    });
    let mut i = 0;
    g.bench_function("mixed_10k_employees", |b| {
        b.iter_custom(|iters| {
            median_of_batches(iters, || {
                i = (i + 1) & 4095;
                dir.check(black_box(&requests[i]))
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
