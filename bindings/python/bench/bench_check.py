"""Overhead of the Python binding on `check`.

An organization with 10,000 employees in mixed roles; `Kabinet.check` is timed
over a fixed mix of allowed and refused requests (the same mix as the Rust
baseline, `cargo run --release --example check_timing`).
Prints nanoseconds per call, with one `datetime` object for every call (the
binding converts it once and recognises it after) and with a `datetime` of
its own per call (converted every time); BENCHMARKS.md ("Bindings overhead")
records the figures and the commands.

Run: target/venv/bin/python bindings/python/bench/bench_check.py
"""

from __future__ import annotations

import timeit
from datetime import datetime, timedelta, timezone
from typing import Callable, List, Tuple

import kabinet

AT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
EMPLOYEES = 10_000
ROLES = ["observer", "accountant", "operator", "specialist", "hr"]
RIGHTS = ["organization.view", "payments.approve", "applications.edit", "personnel.edit", "users.manage"]


def snils_of(n: int) -> str:
    base = f"{2_000_000 + n:09d}"
    total = sum(int(d) * (9 - i) for i, d in enumerate(base))
    check = total if total < 100 else 0 if total in (100, 101) else (total % 101) % 100
    return f"{base}{check:02d}"


def build() -> Tuple[kabinet.Kabinet, int, List[int]]:
    k = kabinet.Kabinet()
    head = k.register_account("Грефов", "Иван", snils="112-233-445 95", inn="770712345633", at=AT)
    k.confirm_identity(head, at=AT)
    registry = kabinet.InMemoryRegistry()
    registry.insert(
        full_name="ПАО Сбербанк", inn="7707083893", kpp="773601001", ogrn="1027700132195",
        head_surname="Грефов", head_given_name="Иван", head_inn="770712345633", head_position="Президент",
    )
    as_head = kabinet.Context.account(head, AT)
    org = k.submit_organization(as_head, {
        "full_name": "ПАО Сбербанк", "inn": "7707083893", "kpp": "773601001", "ogrn": "1027700132195",
        "legal_address": "Москва", "head_surname": "Грефов", "head_given_name": "Иван",
        "head_inn": "770712345633", "head_position": "Президент",
    })
    k.consult_registry(org, registry, at=AT)
    staff = []
    for n in range(EMPLOYEES):
        snils = snils_of(n)
        a = k.register_account("Сотрудник", "Иван", snils=snils, at=AT)
        k.confirm_identity(a, at=AT)
        inv = k.invite_employee(as_head, org, surname="Сотрудник", given_name="Иван", snils=snils,
                                roles=[ROLES[n % len(ROLES)]])
        k.accept_invitation(kabinet.Context.account(a, AT), inv)
        staff.append(a)
    return k, org, staff


def best_per_call(run: Callable[[], None], calls: int) -> float:
    """Many short samples, the best kept: the machine is shared, and the
    minimum filters out the moments another process held the core."""
    rounds, samples = 20, 25
    return min(timeit.repeat(run, number=rounds, repeat=samples)) / (rounds * calls) * 1e9


def main() -> None:
    k, org, staff = build()
    requests = [(staff[(i * 7919) % len(staff)], RIGHTS[i % len(RIGHTS)]) for i in range(1000)]
    allowed = sum(k.check(a, org, r, AT).allowed for a, r in requests)
    # A datetime of its own for every request: the conversion is not reused.
    own = [(a, r, AT + timedelta(microseconds=i)) for i, (a, r) in enumerate(requests)]
    check = k.check

    def same_instant() -> None:
        for a, r in requests:
            check(a, org, r, AT)

    def own_instants() -> None:
        for a, r, at in own:
            check(a, org, r, at)

    print(f"{EMPLOYEES} employees, {allowed}/{len(requests)} requests allowed, best of 25 x 20000 calls")
    print(f"python check, one datetime for every call: {best_per_call(same_instant, len(requests)):.0f} ns/call")
    print(f"python check, a datetime of its own per call: {best_per_call(own_instants, len(own)):.0f} ns/call")


if __name__ == "__main__":
    main()
