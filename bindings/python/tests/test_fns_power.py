"""The FNS power of attorney (EMCHD_1 XML) from ../shared/testdata/mchd:
the real signed power reads, verifies at its signing time with its CAdES-T
timestamp and is expired today; an invalid sample raises `MchdError` with
its code; an export reads back the same."""

from __future__ import annotations

from datetime import datetime, timezone

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
