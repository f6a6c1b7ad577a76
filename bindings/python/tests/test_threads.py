"""The directory is shared between threads: checks and commands run concurrently."""

from __future__ import annotations

import threading
from typing import List

import kabinet
from conftest import T0, World, as_, person, snils_of


def test_threads_share_one_directory(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    errors: List[BaseException] = []
    people = [person(k, f"Поток{i}", snils_of(i)) for i in range(8)]

    def hire_and_check(account: int) -> None:
        try:
            world.hire(account, ["observer"])
            for _ in range(200):
                assert k.check(account, org, "organization.view", T0).allowed
                assert not k.check(account, org, "users.manage", T0).allowed
        except BaseException as e:  # noqa: BLE001 - collected and re-raised below
            errors.append(e)

    threads = [threading.Thread(target=hire_and_check, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(k.members(org)) == 1 + len(people)
    assert k.counts() == (1 + len(people), 1, 1 + len(people))
    assert k.check(head, org, "users.manage", T0).allowed
    assert isinstance(as_(head), kabinet.Context)
