"""Powers of attorney: issue, re-delegate, revoke, refuse, enter by number,
queries, the decision's chain and the МЧД JSON round trip."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any, Dict, Optional, Tuple

import pytest

import kabinet
from conftest import COMPANY_INN, HEAD_INN, HEAD_SNILS, T0, World, as_, company_draft, person, registry, snils_of

QES = kabinet.Signature("qualified", snils=HEAD_SNILS, organization_inn=COMPANY_INN)


def head_signed(world: World) -> kabinet.Context:
    """The head acting with the qualified signature powers of attorney require."""
    return as_(world.head, QES)


def _representative(world: World) -> int:
    return person(world.k, "Доверенный", snils_of(101))


def test_a_power_gives_its_rights_and_the_decision_names_the_chain(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    rep = _representative(world)
    assert not k.check(rep, org, "applications.view", T0).allowed
    number = k.issue_power(head_signed(world), org, rep, "basic", valid_until=T0 + timedelta(days=90))
    p = k.power(number)
    assert p is not None and p["principal"] == org and p["issuer"] == head
    assert p["status"] == {"status": "in_force"}
    assert set(p["powers"]) == set(kabinet.power_level_rights("basic"))
    d = k.check(rep, org, "applications.view", T0 + timedelta(days=1))
    assert d.allowed and d.basis is not None and d.basis.kind == "power_of_attorney"
    assert d.delegation is not None and d.delegation["number"] == number
    assert [link["number"] for link in d.delegation["chain"]] == [number]
    # Only view rights in the basic level: a change is refused.
    assert not k.check(rep, org, "applications.edit", T0 + timedelta(days=1)).allowed
    # Expired at its end.
    late = k.check(rep, org, "applications.view", T0 + timedelta(days=91))
    assert not late.allowed and "delegation.expired" in late.refusal_codes
    rights = k.effective_rights(rep, org, T0 + timedelta(days=1))
    assert rights and all(r.powers[0]["number"] == number for r in rights)
    assert "applications.view" in k.rights_through_powers(rep, org, T0 + timedelta(days=1))
    assert k.power_count() == 1
    assert [q["number"] for q in k.powers_of_representative(rep)] == [number]
    assert [q["number"] for q in k.powers_issued_by(org)] == [number]
    assert [q["number"] for q in k.powers_expiring_within(org, 100, T0 + timedelta(days=1))] == [number]
    assert k.powers_expiring_within(org, 10, T0 + timedelta(days=1)) == []


def test_enter_by_power_and_the_chain_of_redelegation(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    rep = _representative(world)
    sub = person(k, "Передоверенный", snils_of(102))
    parent = k.issue_power(head_signed(world), org, rep, ["applications.view", "applications.edit"], redelegation="once")
    child = k.redelegate_power(as_(rep, kabinet.Signature("qualified", snils=snils_of(101))), parent, sub, ["applications.view"])
    ctx = k.enter_by_power(sub, child, T0)
    assert ctx["principal"] == org and ctx["powers"] == ["applications.view"]
    assert [link["number"] for link in ctx["chain"]] == [parent, child]
    assert [p["number"] for p in k.power_chain(child)] == [parent, child]
    assert [p["number"] for p in k.powers_redelegated_from(parent)] == [child]
    # The sub-representative is not the representative of the parent.
    with pytest.raises(kabinet.DelegationError) as e:
        k.enter_by_power(sub, parent, T0)
    assert e.value.code == "delegation.not_representative"
    assert [r["code"] for r in e.value.details["refusals"]] == ["delegation.not_representative"]
    # Revoking the parent ends the child.
    k.revoke_power(head_signed(world), parent)
    with pytest.raises(kabinet.DelegationError) as e2:
        k.verify_power(child, T0)
    assert e2.value.code in ("delegation.revoked", "delegation.ended")
    child_power = k.power(child)
    assert child_power is not None and child_power["status"]["status"] == "ended"


def test_refusals_of_delegation_have_their_codes(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    rep = _representative(world)
    sub = person(k, "Передоверенный", snils_of(103))
    number = k.issue_power(head_signed(world), org, rep, ["applications.view"])
    with pytest.raises(kabinet.DelegationError) as e:
        k.redelegate_power(as_(rep, kabinet.Signature("qualified", snils=snils_of(101))), number, sub, ["applications.view"])
    assert e.value.code == "delegation.redelegation_not_allowed"
    with pytest.raises(kabinet.DelegationError) as e2:
        k.issue_power(head_signed(world), org, rep, [])
    assert e2.value.code == "delegation.empty_powers"
    k.refuse_power(as_(rep), number)
    with pytest.raises(kabinet.DelegationError) as e3:
        k.verify_power(number, T0)
    assert e3.value.code == "delegation.refused"
    with pytest.raises(kabinet.InvalidInputError) as e4:
        k.power("not-a-uuid")
    assert e4.value.code == "power.bad_number"
    with pytest.raises(kabinet.InvalidInputError):
        kabinet.power_level_rights("supreme")
    assert kabinet.power_levels() == ["basic", "operational", "administrative"]


def test_mchd_export_and_import_round_trip(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    rep = _representative(world)
    number = k.issue_power(head_signed(world), org, rep, "operational", internal_number="42/2026")
    text = k.export_power(number)
    doc = json.loads(text)
    assert number in text and isinstance(doc, dict)
    power = k.read_mchd(text)
    assert power["number"] == number and power["principal"] == org
    assert set(power["powers"]) == set(kabinet.power_level_rights("operational"))
    # Registering it again is refused: the number is taken.
    with pytest.raises(kabinet.DelegationError) as e:
        k.import_power(text, at=T0)
    assert e.value.code == "delegation.duplicate_number"
    with pytest.raises(kabinet.MchdError) as e2:
        k.read_mchd("{not json")
    assert e2.value.code == "mchd.malformed"
    with pytest.raises(kabinet.MchdError) as e3:
        k.export_power("00000000-0000-4000-8000-000000000000")
    assert e3.value.code == "mchd.not_found"


def _bound_qes(fingerprint: str, snils: str, inn: Optional[str] = None) -> dict[str, object]:
    """A qualified certificate of the company as `BoundCertificate.from_report` records it."""
    holder = {"snils": snils.replace("-", "").replace(" ", ""), "organization_inn": COMPANY_INN,
              "ogrn": "1027700132195"}
    if inn is not None:
        holder["inn"] = inn
    return {
        "fingerprint": fingerprint,
        "serial": "7b",
        "issuer": "CN=Аккредитованный УЦ (тест)",
        "subject": "CN=Сотрудник",
        "holder": holder,
        "not_before": "2025-06-01T00:00:00Z",
        "not_after": "2027-06-01T00:00:00Z",
        "level": "qualified",
    }


def test_power_commands_take_the_level_of_a_bound_certificate(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    rep = _representative(world)
    world.hire(rep, [])
    sub = person(k, "Передоверенный", snils_of(104))
    heads, reps = "cd" * 32, "ef" * 32
    for account, fingerprint, snils, inn in ((head, heads, HEAD_SNILS, HEAD_INN), (rep, reps, snils_of(101), None)):
        k.execute({"command": "certificate", "certificate_command": "bind", "org": org, "account": account,
                   "certificate": _bound_qes(fingerprint, snils, inn)}, as_(head))
    parent = k.issue_power(as_(head, kabinet.Signature.bound(heads)), org, rep, ["applications.view"],
                           redelegation="once")
    # Passing it on with a certificate bound to someone else is refused with its code...
    with pytest.raises(kabinet.AccessDeniedError) as e:
        k.redelegate_power(as_(rep, kabinet.Signature.bound(heads)), parent, sub, ["applications.view"])
    assert [r["code"] for r in e.value.details["refusals"]] == ["access.certificate_not_bound"]
    # ...with the representative's own bound КЭП it is allowed, and so is revoking.
    child = k.redelegate_power(as_(rep, kabinet.Signature.bound(reps)), parent, sub, ["applications.view"])
    assert [p["number"] for p in k.power_chain(child)] == [parent, child]
    k.revoke_power(as_(rep, kabinet.Signature.bound(reps)), child)
    child_power = k.power(child)
    assert child_power is not None and child_power["status"]["status"] == "revoked"
    k.revoke_power(as_(head, kabinet.Signature.bound(heads)), parent)


def _accountant_with_powers(policy: Optional[Dict[str, Any]]) -> Tuple[World, int, int, str, str]:
    """A company whose administrator and accountant are hired by the head;
    the accountant holds a revocable power and an irrevocable one."""
    k = kabinet.Kabinet(policy=policy)
    head = person(k, "Грефов", HEAD_SNILS, HEAD_INN, "head@example.ru")
    org = k.submit_organization(as_(head), company_draft())
    k.consult_registry(org, registry(), at=T0)
    w = World(k, head, org)
    admin = person(k, "Админов", snils_of(110))
    accountant = person(k, "Бухова", snils_of(111))
    w.hire(admin, ["administrator"])
    w.hire(accountant, ["accountant"])
    revocable = k.issue_power(head_signed(w), org, accountant, ["reports.view", "reports.edit"])
    irrevocable = k.issue_power(head_signed(w), org, accountant, ["documents.view"], irrevocable=True)
    return w, admin, accountant, revocable, irrevocable


def test_dismissal_ends_membership_not_powers_and_names_them() -> None:
    # Who may still act is the shared scenario dismissal_keeps_powers; here
    # the notices and the query of the powers that remain.
    w, admin, accountant, revocable, irrevocable = _accountant_with_powers(None)
    k, org = w.k, w.org
    events = k.dismiss_employee(as_(admin), org, accountant)
    assert [e["event"] for e in events] == ["membership_status_changed"]
    notices = k.notices_for(events, at=T0)
    # Both issued at the same instant: ordered by number, which is random here.
    assert sorted(n["reference"] for n in notices) == sorted([revocable, irrevocable])
    assert {n["category"] for n in notices} == {"dismissed_holds_power"}
    assert all(n["audience"] == {"person": False, "administrators": True, "head": True} for n in notices)
    held = k.powers_held_from(org, accountant, T0)
    assert sorted(p["number"] for p in held) == sorted([revocable, irrevocable])
    assert k.powers_held_from(org, admin, T0) == []


def test_the_policy_option_revokes_the_revocable_powers_with_the_dismissal() -> None:
    # What ends is the shared scenario dismissal_revokes_powers_by_policy;
    # here the policy as a dict, the revocation's ground and the notice.
    policy = kabinet.default_policy()
    policy["revoke_powers_on_dismissal"] = True
    w, admin, accountant, revocable, irrevocable = _accountant_with_powers(policy)
    k, org = w.k, w.org
    events = k.dismiss_employee(as_(admin), org, accountant)
    assert [e["event"] for e in events] == ["power_revoked", "membership_status_changed"]
    assert events[0]["number"] == revocable and "dismissal" in events[0]["ground"]
    assert [n["reference"] for n in k.notices_for(events, at=T0)] == [irrevocable]
