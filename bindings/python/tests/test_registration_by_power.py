"""Registration by a representative presenting the power of attorney (МЧД)
the head signed: activation, rejection reasons with their codes, correction."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Dict

import pytest

import kabinet
from conftest import COMPANY_INN, COMPANY_OGRN, HEAD_INN, HEAD_SNILS, T0, as_, company_draft, person, registry, snils_of

REP_INN = "500123456750"


def mchd(number: str, valid_until: str = "2027-01-10T00:00:00Z", level: str = "administrative") -> Dict[str, Any]:
    return {
        "ВерсФорм": "EMCHD_1",
        "СвДов": {
            "НомДовер": number,
            "ДатаВыдДов": "2026-01-10T00:00:00Z",
            "ДатаНачДейст": "2026-01-10T00:00:00Z",
            "СрокДейст": valid_until,
            "ПрПередов": "1",
            "ПрБезотзыв": "0",
        },
        "СвДоверит": {"ИННЮЛ": COMPANY_INN, "ОГРН": COMPANY_OGRN},
        "СвЛицПодп": {"СНИЛС": HEAD_SNILS.replace("-", "").replace(" ", ""), "ИННФЛ": HEAD_INN},
        "СвУпПред": {"СНИЛС": snils_of(90), "ИННФЛ": REP_INN},
        "СвПолн": [{"КодПолн": code} for code in kabinet.power_level_rights(level)],
    }


N1 = "00000000-0000-0000-0000-000000000001"
N2 = "00000000-0000-0000-0000-000000000002"
N3 = "00000000-0000-0000-0000-000000000003"


def test_a_representative_registers_the_company_and_acts_through_the_power() -> None:
    k = kabinet.Kabinet()
    head = person(k, "Грефов", HEAD_SNILS, HEAD_INN, "h@example.ru")
    rep = person(k, "Поверенный", snils_of(90), REP_INN, "r@example.ru")
    # the МЧД as JSON text, read with its size and shape checked
    org = k.submit_organization_by_power(as_(rep), company_draft(), json.dumps(mchd(N1), ensure_ascii=False))
    presented = k.registration_power(org)
    assert presented is not None and presented["principal_inn"] == COMPANY_INN
    assert presented["power"]["issuer"] == head
    events = k.consult_registry(org, registry(), at=T0)
    assert [e["event"] for e in events][-3:] == ["member_joined", "member_joined", "power_issued"]
    o = k.organization(org)
    assert o is not None and o["status"] == {"status": "active"} and o["head"] == head
    standings = {m["account"]: m["standing"] for m in k.members(org)}
    assert standings == {head: "head", rep: "employee"}
    d = k.check(rep, org, "users.manage", T0)
    assert d.allowed and d.basis is not None and d.basis.kind == "power_of_attorney"
    assert d.delegation is not None and d.delegation["number"] == N1
    assert k.registration_power(org) is None and k.rejection_reasons(org) == []


def test_rejection_reasons_have_codes_and_a_corrected_power_is_resubmitted() -> None:
    k = kabinet.Kabinet()
    person(k, "Грефов", HEAD_SNILS, HEAD_INN, "h@example.ru")
    rep = person(k, "Поверенный", snils_of(90), REP_INN, "r@example.ru")
    # too narrow: the formal check rejects it at once
    narrow = mchd(N1, level="operational")
    org = k.submit_organization_by_power(as_(rep), company_draft(), narrow)
    reasons = k.rejection_reasons(org)
    assert [r["code"] for r in reasons] == ["registration.power_scope"]
    assert "users.manage" in reasons[0]["details"]["missing"]
    # valid at the submission, expired when the registry answers
    short = mchd(N2, valid_until="2026-03-02T12:00:00Z")
    k.resubmit_organization_by_power(as_(rep), org, company_draft(), short)
    k.consult_registry(org, registry(), at=T0 + timedelta(days=1))
    reasons = k.rejection_reasons(org)
    assert [r["code"] for r in reasons] == ["registration.power_expired"]
    assert reasons[0]["details"]["reason"] == "power_expired"
    assert "истёк" in reasons[0]["message_ru"] and "expired" in reasons[0]["message_en"]
    k.resubmit_organization_by_power(as_(rep), org, company_draft(), mchd(N3))
    k.consult_registry(org, registry(), at=T0 + timedelta(days=1))
    o = k.organization(org)
    assert o is not None and o["status"] == {"status": "active"}


def test_a_power_that_cannot_be_read_raises_its_code() -> None:
    k = kabinet.Kabinet()
    rep = person(k, "Поверенный", snils_of(90), REP_INN, "r@example.ru")
    with pytest.raises(kabinet.MchdError) as e:
        k.submit_organization_by_power(as_(rep), company_draft(), "{")
    assert e.value.code == "mchd.malformed"
    # the head has no account: nobody could become the head
    with pytest.raises(kabinet.CommandError) as c:
        k.submit_organization_by_power(as_(rep), company_draft(), mchd(N1))
    assert c.value.code == "mchd.signer_unknown"
    assert k.counts()[1] == 0
