"""The FNS power of attorney (EMCHD_1 XML) from ../shared/testdata/mchd:
the real signed power reads, verifies at its signing time with its CAdES-T
timestamp and is expired today; an invalid sample raises `MchdError` with
its code; an export reads back the same."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Tuple

import pytest

import kabinet
from shared import shared_data

SIGNED = "ON_EMCHD_20241203_c61a40df-d38f-4800-9ba4-61a2df016993"


def _store() -> kabinet.TrustStore:
    store = kabinet.TrustStore()
    certs = shared_data("gost-ca", "certs")
    assert store.add_anchors_from_bytes((certs / "0839.der").read_bytes(), True) == 1
    for name in ("2336.der", "1013.der"):
        assert store.add_intermediates_from_bytes((certs / name).read_bytes()) == 1
    return store


def _signed() -> tuple[bytes, bytes]:
    folder = shared_data("mchd", "valid")
    return (folder / f"{SIGNED}.xml").read_bytes(), (folder / f"{SIGNED}.sig").read_bytes()


def test_the_real_power_reads_and_exports_back_the_same() -> None:
    xml, _ = _signed()
    power = kabinet.read_fns_power(xml)
    assert power["number"] == SIGNED.split("_")[-1]
    assert power["redelegation"] == "none"
    assert power["principals"][0]["kind"] == "russian_organization"
    assert len(power["powers"]["codes"]) == xml.count("<МашПолн ".encode())
    again = kabinet.read_fns_power(kabinet.export_fns_power(power).encode())
    assert again == power


def test_the_signed_power_verifies_at_signing_time_and_is_expired_today() -> None:
    xml, sig = _signed()
    at_signing = datetime(2024, 12, 3, 9, tzinfo=timezone.utc)
    report = kabinet.verify_fns_power(xml, sig, _store(), at_signing, revocation="soft_fail")
    assert report["valid"] is True and report["term"] == "in_force", report["problems"]
    [signer] = report["signature"]["signers"]
    assert signer["signing_time"] == "2024-12-03T08:29:00Z"
    [stamp] = signer["timestamps"]
    assert stamp["valid"] is True and stamp["time"] == "2024-12-03T08:29:00Z"
    today = kabinet.verify_fns_power(xml, sig, _store(), revocation="soft_fail")
    assert today["valid"] is True and today["term"] == "expired"
    # one byte more is another document
    tampered = kabinet.verify_fns_power(xml + b"\n", sig, _store(), at_signing, revocation="soft_fail")
    assert tampered["valid"] is False
    assert "mchd_sig.signature_invalid" in [p["code"] for p in tampered["problems"]]


def test_invalid_samples_raise_with_their_codes() -> None:
    folder = shared_data("mchd", "invalid")
    with pytest.raises(kabinet.MchdError) as caught:
        kabinet.read_fns_power((folder / f"invalid_15_{SIGNED}.xml").read_bytes())
    assert caught.value.code == "mchd_xml.no_principal"
    with pytest.raises(kabinet.MchdError) as caught:
        kabinet.read_fns_power((folder / f"invalid_20_{SIGNED}.xml").read_bytes())
    assert caught.value.code.startswith("snils.")
    with pytest.raises(kabinet.CmsError):
        kabinet.verify_fns_power(_signed()[0], b"not a signature", _store())


def _names(p: Dict[str, Any]) -> Dict[str, str]:
    return {"surname": p["name"]["surname"], "given": p["name"]["given"], "patronymic": p["name"].get("patronymic", "")}


def _principal_world(power: Dict[str, Any], at: datetime) -> Tuple[kabinet.Kabinet, int, int, Dict[str, str], kabinet.InMemoryRegistry]:
    """The principal's head and the representative with accounts, the
    requisites and the registry record of the principal — every value read
    from the document."""
    org = power["principals"][0]["organization"]
    head = power["principals"][0]["executives"][0]["person"]
    rep = power["representatives"][0]
    k = kabinet.Kabinet()
    accounts = []
    for p in (head, rep):
        n = _names(p)
        a = k.register_account(n["surname"], n["given"], n["patronymic"] or None, snils=p.get("snils"), inn=p.get("inn"), at=at)
        k.confirm_identity(a, at=at)
        accounts.append(a)
    hn = _names(head)
    draft = {
        "full_name": org["name"],
        "inn": org["inn"],
        "kpp": org["kpp"],
        "ogrn": org["ogrn"],
        "legal_address": "г. Москва, ул. Примерная, д. 1",
        "head_surname": hn["surname"],
        "head_given_name": hn["given"],
        "head_patronymic": hn["patronymic"],
        "head_inn": head["inn"],
        "head_position": "Генеральный директор",
    }
    registry = kabinet.InMemoryRegistry()
    registry.insert(
        full_name=org["name"],
        inn=org["inn"],
        kpp=org["kpp"],
        ogrn=org["ogrn"],
        head_surname=hn["surname"],
        head_given_name=hn["given"],
        head_patronymic=hn["patronymic"],
        head_inn=head["inn"],
        head_position="Генеральный директор",
    )
    return k, accounts[0], accounts[1], draft, registry


def test_the_verified_power_is_registered_and_the_representative_acts_under_it() -> None:
    xml, sig = _signed()
    power = kabinet.read_fns_power(xml)
    signed_at = datetime(2024, 12, 3, 9, tzinfo=timezone.utc)
    setup = datetime(2024, 11, 1, 9, tzinfo=timezone.utc)
    k, head, rep, draft, registry = _principal_world(power, setup)
    org = k.submit_organization(kabinet.Context.account(head, setup), draft)
    k.consult_registry(org, registry, at=setup)
    codes = [c["code"] for c in power["powers"]["codes"]]
    table = {codes[0]: ["documents.view", "documents.edit"], codes[1]: []}
    evidence = k.import_fns_power(xml, sig, _store(), table, signed_at, revocation="soft_fail")
    assert [g["code"] for g in evidence["granted"]] == [codes[0]]
    assert len(evidence["unmapped"]) == len(codes) - 2 and evidence["restricted"] == []
    assert evidence["mchd"]["СвДов"]["НомДовер"] == power["number"]
    d = k.check(rep, org, "documents.edit", signed_at + timedelta(days=1))
    assert d.allowed and d.basis is not None and d.basis.kind == "power_of_attorney"
    assert d.delegation is not None and d.delegation["number"] == power["number"]
    assert not k.check(rep, org, "payments.edit", signed_at + timedelta(days=1)).allowed
    # the number is taken now; verified today the power has expired
    with pytest.raises(kabinet.CommandError) as taken:
        k.import_fns_power(xml, sig, _store(), table, signed_at, revocation="soft_fail")
    assert taken.value.code == "delegation.duplicate_number"
    with pytest.raises(kabinet.MchdError) as expired:
        k.fns_power_evidence(xml, sig, _store(), table, datetime(2026, 12, 4, tzinfo=timezone.utc), revocation="soft_fail")
    assert expired.value.code == "mchd_evidence.expired"
    assert expired.value.message_ru and expired.value.message_en


def test_a_table_that_maps_nothing_or_is_malformed_raises() -> None:
    xml, sig = _signed()
    power = kabinet.read_fns_power(xml)
    at = datetime(2024, 12, 3, 9, tzinfo=timezone.utc)
    k, _, rep, draft, _ = _principal_world(power, at)
    with pytest.raises(kabinet.MchdError) as nothing:
        k.fns_power_evidence(xml, sig, _store(), {}, at, revocation="soft_fail")
    assert nothing.value.code == "mchd_evidence.no_rights"
    for bad in ('{"A": ["documents.fly"]}', '{"A": [], "A": []}', "[]"):
        with pytest.raises(kabinet.MchdError) as malformed:
            k.fns_power_evidence(xml, sig, _store(), bad, at, revocation="soft_fail")
        assert malformed.value.code == "mchd_evidence.classifier"
    # the evidence is also what a representative presents to register the principal
    codes = [c["code"] for c in power["powers"]["codes"]]
    table = {codes[0]: kabinet.power_level_rights("administrative")}
    evidence = k.fns_power_evidence(xml, sig, _store(), table, at, revocation="soft_fail")
    org = k.submit_organization_by_power(kabinet.Context.account(rep, at), draft, evidence["mchd"])
    presented = k.registration_power(org)
    assert presented is not None and presented["power"]["number"] == power["number"]
