//! The sizes of the records a large directory holds by the million, pinned:
//! the memory budget in BENCHMARKS.md (`cargo run --release --example
//! memory`, ≤ 250 MB for 100,000 organizations and 1,000,000 memberships)
//! rests on them, so a field that grows one of them fails here first.

use kabinet::accounts::Account;
use kabinet::employees::Membership;
use kabinet::organizations::{Organization, Requisites};
use kabinet::roles::HeldRoles;
use std::mem::size_of;

#[test]
fn a_membership_fits_in_64_bytes() {
    assert!(size_of::<HeldRoles>() <= 16, "{}", size_of::<HeldRoles>());
    assert!(size_of::<Membership>() <= 64, "{}", size_of::<Membership>());
}

#[test]
fn an_account_fits_in_80_bytes() {
    assert!(size_of::<Account>() <= 80, "{}", size_of::<Account>());
}

#[test]
fn an_organization_fits_in_376_bytes() {
    assert!(
        size_of::<Requisites>() <= 208,
        "{}",
        size_of::<Requisites>()
    );
    assert!(
        size_of::<Organization>() <= 376,
        "{}",
        size_of::<Organization>()
    );
}
