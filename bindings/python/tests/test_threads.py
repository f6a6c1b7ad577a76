"""The directory is shared between threads: checks and commands run concurrently."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import List

import kabinet
from conftest import T0, World, as_, person, snils_of
from shared import TC26, shared_data


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


def test_threads_share_a_directory_on_sqlite_and_a_trust_store(tmp_path: Path) -> None:
    k = kabinet.Kabinet.open(tmp_path / "threads.db")
    people_before = [person(k, f"Поток{i}", snils_of(40 + i)) for i in range(4)]
    root = kabinet.Certificate.from_bytes(shared_data("tc26", "root256_cert.pem").read_bytes())
    leaf = kabinet.Certificate.from_bytes(shared_data("tc26", "sender256_cert.pem").read_bytes())
    store = kabinet.TrustStore()
    store.add_anchor(root)
    at = leaf.not_before + timedelta(days=1)
    errors: List[BaseException] = []

    def work(account: int) -> None:
        try:
            for _ in range(5):
                k.record_login(account, "password", True, at=T0)
                assert kabinet.validate(leaf, store, at, **TC26).valid
        except BaseException as e:  # noqa: BLE001 - collected and re-raised below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(p,)) for p in people_before]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(k.sessions()) == 5 * len(people_before)
    assert k.verify_journal()["seq"] == len(k.journal())
