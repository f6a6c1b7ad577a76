"""The directory on SQLite with its journal: reopening, queries, the
journal as a person reads it, verification, replay, exports, batches and
checkpoints."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

import kabinet
from conftest import T0, as_, company_draft, fresh_postgres, person, registry, snils_of


def _company(k: kabinet.Kabinet) -> tuple[int, int]:
    head = person(k, "Грефов", "112-233-445 95", "770712345633", "head@example.ru")
    org = k.submit_organization(as_(head), company_draft())
    k.consult_registry(org, registry(), at=T0)
    return head, org


def test_open_keeps_the_directory_and_its_journal(tmp_path: Path) -> None:
    path = tmp_path / "kabinet.db"
    k = kabinet.Kabinet.open(path)
    head, org = _company(k)
    head_before = k.journal_head()
    assert head_before["seq"] == len(k.journal()) and len(head_before["hash"]) == 64
    k.checkpoint()
    del k
    again = kabinet.Kabinet.open(str(path))
    assert again.counts() == (1, 1, 1)
    assert again.check(head, org, "users.manage", T0).allowed
    assert again.journal_head() == head_before
    assert again.verify_journal() == head_before
    equal, accounts, orgs, members = again.replay_journal()
    assert equal and (accounts, orgs, members) == (1, 1, 1)


def test_journal_filters_and_exports(tmp_path: Path) -> None:
    k = kabinet.Kabinet.open(tmp_path / "k.db")
    head, org = _company(k)
    with pytest.raises(kabinet.EmployeeError):
        k.dismiss_employee(as_(head), org, head)
    by_head = k.journal(actor=head)
    assert by_head and all(e["record"]["actor"] == {"actor": "account", "account": head} for e in by_head)
    system = k.journal(actor="system")
    assert len(system) + len(by_head) == len(k.journal())
    assert [e["record"]["kind"] for e in k.journal(kind="dismiss_employee")] == ["dismiss_employee"]
    assert k.journal(until=T0) == [] and len(k.journal(since=T0)) == len(k.journal())
    csv = k.export_journal("csv", organization=org)
    lines = csv.splitlines()
    assert lines[0].startswith("seq,at,actor") and len(lines) == 1 + len(k.journal(organization=org))
    jsonl = k.export_journal("jsonl")
    assert [json.loads(line)["seq"] for line in jsonl.splitlines()] == [e["seq"] for e in k.journal()]
    with pytest.raises(kabinet.InvalidInputError) as e:
        k.export_journal("xml")
    assert e.value.code == "journal.unknown_format"


def test_journal_as_a_person_needs_the_right(tmp_path: Path) -> None:
    k = kabinet.Kabinet.open(tmp_path / "k.db")
    head, org = _company(k)
    outsider = person(k, "Посторонний", "001-001-997 00")
    mine = k.journal_as(head, org, at=T0)
    assert mine and all(e["record"]["organization"] == org for e in mine)
    with pytest.raises(kabinet.JournalError) as e:
        k.journal_as(outsider, org, at=T0)
    assert e.value.code == "journal.refused" and e.value.details["refusals"]


def test_a_tampered_journal_names_its_first_bad_entry(tmp_path: Path) -> None:
    path = tmp_path / "k.db"
    k = kabinet.Kabinet.open(path)
    _company(k)
    del k
    db = sqlite3.connect(path)
    # The same length in UTF-8 ("в" and "ф" are two bytes each): only the content changes.
    db.execute("update journal set body = cast(replace(cast(body as text), 'Грефов', 'Грефоф') as blob) where seq = 1")
    db.commit()
    db.close()
    with pytest.raises(kabinet.JournalError) as e:
        reopened = kabinet.Kabinet.open(path)
        reopened.verify_journal()
    assert e.value.code == "journal.content" and e.value.details["seq"] == 1


def test_a_batch_commits_together_and_reports_each_result() -> None:
    k = kabinet.Kabinet()
    head, org = _company(k)
    ok = {"command": "create_custom_role", "org": org, "name": "Бухгалтер", "rights": ["applications.view"]}
    bad = {"command": "dismiss_employee", "org": org, "account": head}
    results = k.execute_batch([(ok, as_(head)), (bad, as_(head))])
    first, second = results
    assert isinstance(first, list) and first[0]["event"] == "custom_role_defined"
    assert isinstance(second, kabinet.EmployeeError) and second.code == "employee.head_protected"
    refused = k.journal(kind="dismiss_employee")[0]["record"]["outcome"]
    assert refused["result"] == "refused" and refused["error"]["code"] == "employee.head_protected"
    assert k.journal_head()["seq"] == len(k.journal())
    later = k.journal(since=T0 + timedelta(days=1))
    assert later == []


def test_two_handles_on_one_file_see_each_other(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    a = kabinet.Kabinet.open(path)
    head, org = _company(a)
    b = kabinet.Kabinet.open(path)
    lazy = kabinet.Kabinet.open(path, max_staleness_ms=3_600_000)
    assert lazy.check(head, org, "users.manage", T0).allowed
    person(a, "Сотрудник", snils_of(1), None, "p1@example.ru")
    # a's commands are seen by b at once, not by a handle that accepts an hour of staleness
    assert b.journal_head() == a.journal_head()
    decision, seq = b.check_positioned(head, org, "users.manage", T0)
    assert decision.allowed and seq == a.journal_head()["seq"]
    assert lazy.journal_head()["seq"] < a.journal_head()["seq"]
    # b writes after a: one chain
    person(b, "Сотрудник", snils_of(2), None, "p2@example.ru")
    assert a.journal_head() == b.journal_head()
    assert a.verify_journal() == b.journal_head()
    assert a.counts() == b.counts() == (3, 1, 1)
    # a backup is one file that reopens with the same journal
    a.backup(tmp_path / "backup.db")
    copy = kabinet.Kabinet.open(tmp_path / "backup.db")
    assert copy.journal_head() == a.journal_head() and copy.counts() == a.counts()
    with pytest.raises(kabinet.JournalError) as e:
        a.backup(tmp_path / "backup.db")
    assert e.value.code == "store.database"
    with pytest.raises(kabinet.JournalError) as e2:
        kabinet.Kabinet().backup(tmp_path / "memory.db")
    assert e2.value.code == "store.unsupported"
    a.fold_log()


def test_a_postgresql_database_is_opened_by_url() -> None:
    url = fresh_postgres("open")
    a = kabinet.Kabinet.open(url)
    head, org = _company(a)
    b = kabinet.Kabinet.open(url)
    assert b.journal_head() == a.journal_head()
    person(b, "Сотрудник", snils_of(3), None, "p3@example.ru")
    # a sees b's command before it answers: one chain across both handles
    assert a.journal_head() == b.journal_head()
    assert a.check(head, org, "users.manage", T0).allowed
    assert a.verify_journal() == a.journal_head()
    assert a.counts() == b.counts() == (2, 1, 1)
    del a, b
    again = kabinet.Kabinet.open(url)
    assert again.counts() == (2, 1, 1)
    with pytest.raises(kabinet.JournalError) as e:
        again.backup("unused.db")
    assert e.value.code == "store.unsupported" and "pg_dump" in str(e.value)
    with pytest.raises(kabinet.JournalError) as e2:
        kabinet.Kabinet.open("postgresql://kabinet:s3cret@127.0.0.1:1/none?connect_timeout=2")
    assert e2.value.code == "store.database" and "s3cret" not in str(e2.value)


def test_checkpoints_and_proofs_catch_a_rewritten_journal(tmp_path: Path) -> None:
    path = tmp_path / "audited.db"
    key = kabinet.new_checkpoint_key()
    public = kabinet.checkpoint_public_key(key)
    k = kabinet.Kabinet.open(path, checkpoint_key=key)
    head, org = _company(k)
    for i in range(3, 8):
        person(k, "Сотрудник", snils_of(i), None, f"p{i}@example.ru")
    checkpoint = k.sign_checkpoint(key, at=T0)
    assert checkpoint["size"] == k.journal_head()["seq"] and checkpoint["key"] == public
    # A proof of one entry, checked without the journal, against the checkpoint.
    proof = k.prove_entry(2, size=checkpoint["size"])
    kabinet.check_proof(proof, checkpoint, trusted_key=public)
    kabinet.check_proof(json.dumps(proof))
    changed = dict(proof, body=proof["body"] + " ")
    with pytest.raises(kabinet.JournalError) as bad_proof:
        kabinet.check_proof(changed, checkpoint)
    assert bad_proof.value.code == "proof.root_mismatch"
    assert k.verify_against_checkpoints([checkpoint], trusted_key=public)["head"] == k.journal_head()
    k.checkpoint()  # a snapshot, vouched for by a checkpoint signed with the key
    del k
    # An intruder cuts the last entries and recomputes the head: the journal
    # alone still chains, but not to the checkpoint kept elsewhere.
    db = sqlite3.connect(path)
    last = checkpoint["size"]
    db.execute("delete from journal where seq > ?", (last - 2,))
    db.execute("update head set seq = ?, hash = (select hash from journal where seq = ?)", (last - 2, last - 2))
    db.execute("delete from merkle where idx > 0 or level > 8")
    db.commit()
    db.close()
    with pytest.raises(kabinet.JournalError) as refused:
        kabinet.Kabinet.open(path, checkpoint_key=key)
    assert refused.value.code == "journal.checkpoint_mismatch"
    plain = kabinet.Kabinet.open(path)
    with pytest.raises(kabinet.JournalError) as found:
        plain.verify_against_checkpoints([checkpoint])
    assert found.value.code == "journal.checkpoint_mismatch"
    forged = dict(checkpoint, size=checkpoint["size"] - 2)
    with pytest.raises(kabinet.JournalError) as forged_error:
        plain.verify_against_checkpoints([forged])
    assert forged_error.value.code == "checkpoint.bad_signature"
