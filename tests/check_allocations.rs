//! The hot path allocates nothing: an allowed `check` makes no heap
//! allocation (a refusal allocates only the list of its reasons).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![allow(unsafe_code)] // a counting allocator around the system one

mod support;

use kabinet::*;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use support::*;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// wrapper only counts allocations made on the current thread.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|c| c.set(c.get() + 1));
        // SAFETY: the caller's contract for `alloc` is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract for `dealloc` is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let before = ALLOCATIONS.with(Cell::get);
    let r = f();
    (r, ALLOCATIONS.with(Cell::get) - before)
}

#[test]
fn an_allowed_check_allocates_nothing() {
    let (mut dir, head, org) = world();
    let acc = person(&mut dir, "Бухова", "001-001-997 00", None, "b@example.ru");
    hire(
        &mut dir,
        org,
        head,
        acc,
        vec![
            RoleRef::BuiltIn(BuiltInRole::Accountant),
            RoleRef::BuiltIn(BuiltInRole::Observer),
        ],
    );
    let requests = [
        AccessRequest::new(head, org, Right::UsersManage, t(T0)),
        AccessRequest::new(acc, org, Right::PaymentsView, t(T0)),
        AccessRequest::new(acc, org, Right::PersonnelView, t(T0)),
    ];
    for request in &requests {
        let (decision, allocations) = allocations_during(|| dir.check(request));
        assert!(decision.allowed, "{}", decision.explain_en());
        assert_eq!(allocations, 0, "{:?}", request.right);
    }
    let (refused, allocations) =
        allocations_during(|| dir.check(&AccessRequest::new(acc, org, Right::UsersManage, t(T0))));
    assert!(!refused.allowed);
    assert!(allocations >= 1, "the refusal reasons are a list");
}
