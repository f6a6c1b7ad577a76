"""Where the shared conformance data is: ``$KABINET_TESTDATA`` or
``../shared/testdata`` beside the project root. Missing data FAILS the test
that asks for it (never a silent skip)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypedDict

import pytest

ROOT = Path(__file__).resolve().parents[3]


def shared_data(*parts: str) -> Path:
    base = Path(os.environ.get("KABINET_TESTDATA", str(ROOT.parent / "shared" / "testdata")))
    path = base.joinpath(*parts)
    if not path.exists():
        pytest.fail(f"conformance data missing: {path} (set KABINET_TESTDATA)")
    return path


def der_signature(cert_der: bytes) -> bytes:
    """The signatureValue of a certificate (the BIT STRING's bytes), read
    with a minimal DER walk: SEQUENCE { tbs, algorithm, BIT STRING }."""

    def tlv(data: bytes, at: int) -> tuple[int, int, int]:
        tag = data[at]
        length = data[at + 1]
        at += 2
        if length & 0x80:
            n = length & 0x7F
            length = int.from_bytes(data[at : at + n], "big")
            at += n
        return tag, at, at + length

    _, inner, _ = tlv(cert_der, 0)
    _, _, after_tbs = tlv(cert_der, inner)
    _, _, after_alg = tlv(cert_der, after_tbs)
    tag, start, end = tlv(cert_der, after_alg)
    assert tag == 0x03
    return cert_der[start + 1 : end]


class ValidationKeywords(TypedDict):
    """Keyword options of `kabinet.validate`, `kabinet.verify_cms` and `kabinet.verify_xml`."""

    revocation: str
    anchor_policy: str
    profile: str


# The TC26 reference PKI publishes no CRL, its root has no basicConstraints
# (an anchor by name and key only) and its certificates carry no
# authorityKeyIdentifier (the relaxed profile).
TC26: ValidationKeywords = {"revocation": "soft_fail", "anchor_policy": "name_and_key_only", "profile": "relaxed"}
