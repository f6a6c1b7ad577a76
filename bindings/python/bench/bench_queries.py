"""Cost of the directory's questions from Python: one account (the same one
again and again, and 1,000 accounts drawn at random over the organization),
one membership, the number of powers, and every member of a
10,000-employee organization, asked through the package's typed methods
(which build a query and send it through ``Kabinet.query``).

The organization is the one of ``bench_check.py``. Prints nanoseconds per
call, the best of many samples; BENCHMARKS.md ("Bindings overhead")
records the figures beside those of the release before queries were data.

Run: target/venv/bin/python bindings/python/bench/bench_queries.py
"""

from __future__ import annotations

import random
import timeit
from typing import Callable

from bench_check import build


def best_per_call(run: Callable[[], object], number: int, samples: int = 15) -> float:
    """The best of `samples` runs of `number` calls, in ns per call."""
    return min(timeit.repeat(run, number=number, repeat=samples)) / number * 1e9


def main() -> None:
    k, org, staff = build()
    someone = staff[len(staff) // 2]
    print(f"{len(staff)} employees")
    print(f"account(id): {best_per_call(lambda: k.account(someone), 20_000):.0f} ns/call")
    drawn = random.Random(7).sample(staff, 1_000)

    def random_accounts() -> None:
        for a in drawn:
            k.account(a)

    print(f"account(id), random accounts: {best_per_call(random_accounts, 20) / len(drawn):.0f} ns/call")
    print(f"membership(org, id): {best_per_call(lambda: k.membership(org, someone), 20_000):.0f} ns/call")
    print(f"power_count(): {best_per_call(k.power_count, 20_000):.0f} ns/call")
    print(f"members(org), {len(k.members(org))} members: {best_per_call(lambda: k.members(org), 5) / 1e6:.1f} ms/call")


if __name__ == "__main__":
    main()
