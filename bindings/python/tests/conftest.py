"""Shared fixtures: a fixed time, people with confirmed accounts, a company
registered through the in-memory state registry (published requisites of
ПАО Сбербанк, a made-up head with valid check digits)."""

from __future__ import annotations

import os
import subprocess
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Dict, List, Optional

import pytest

import kabinet

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
COMPANY_INN = "7707083893"
COMPANY_KPP = "773601001"
COMPANY_OGRN = "1027700132195"
HEAD_INN = "770712345633"
HEAD_SNILS = "112-233-445 95"


def snils_of(n: int) -> str:
    """A valid СНИЛС for the n-th generated person."""
    base = f"{2_000_000 + n:09d}"
    total = sum(int(d) * (9 - i) for i, d in enumerate(base))
    if total < 100:
        check = total
    elif total in (100, 101):
        check = 0
    else:
        check = total % 101
        check = 0 if check == 100 else check
    return f"{base}{check:02d}"


def company_draft() -> Dict[str, str]:
    return {
        "full_name": "ПАО Сбербанк",
        "inn": COMPANY_INN,
        "kpp": COMPANY_KPP,
        "ogrn": COMPANY_OGRN,
        "legal_address": "117312, г. Москва, ул. Вавилова, д. 19",
        "head_surname": "Грефов",
        "head_given_name": "Иван",
        "head_patronymic": "Петрович",
        "head_inn": HEAD_INN,
        "head_position": "Президент",
    }


def registry() -> kabinet.InMemoryRegistry:
    r = kabinet.InMemoryRegistry()
    r.insert(
        full_name="ПАО «Сбербанк»",
        inn=COMPANY_INN,
        kpp=COMPANY_KPP,
        ogrn=COMPANY_OGRN,
        head_surname="Грефов",
        head_given_name="Иван",
        head_patronymic="Петрович",
        head_inn=HEAD_INN,
        head_position="Президент",
    )
    return r


def person(
    k: kabinet.Kabinet, surname: str, snils: str, inn: Optional[str] = None, email: Optional[str] = None
) -> int:
    """A person with a confirmed account (and a confirmed e-mail when given)."""
    account = k.register_account(surname, "Иван", "Петрович", snils=snils, inn=inn, email=email, at=T0)
    k.confirm_identity(account, at=T0)
    if email:
        k.confirm_contact(account, "email", at=T0)
    return account


def as_(account: int, signature: Optional[kabinet.Signature] = None) -> kabinet.Context:
    return kabinet.Context.account(account, T0, signature)


@dataclass
class World:
    k: kabinet.Kabinet
    head: int
    org: int

    def hire(self, account: int, roles: List[kabinet.Role]) -> None:
        snils = self.k.account(account)
        assert snils is not None
        inv = self.k.invite_employee(
            as_(self.head), self.org, surname="Сотрудник", given_name="Иван", snils=snils["snils"], roles=roles
        )
        self.k.accept_invitation(as_(account), inv)


@pytest.fixture
def world() -> World:
    k = kabinet.Kabinet()
    head = person(k, "Грефов", HEAD_SNILS, HEAD_INN, "head@example.ru")
    org = k.submit_organization(as_(head), company_draft())
    k.consult_registry(org, registry(), at=T0)
    return World(k, head, org)


def fresh_postgres(name: str) -> str:
    """Creates an empty database on the PostgreSQL server ``./scripts/test``
    starts (``KABINET_TEST_POSTGRES``) and returns its URL. Fails, never
    skips, when the server is not there."""
    server = os.environ.get("KABINET_TEST_POSTGRES")
    if not server:
        pytest.fail(
            "KABINET_TEST_POSTGRES is not set: run ./scripts/test, which starts "
            "a PostgreSQL server for these tests"
        )
    db = f"py_{name}_{uuid.uuid4().hex[:12]}"
    subprocess.run(
        ["psql", server, "-v", "ON_ERROR_STOP=1", "-qc", f"CREATE DATABASE {db}"],
        check=True,
    )
    return server.rsplit("/", 1)[0] + "/" + db
