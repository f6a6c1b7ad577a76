"""CMS SignedData verification with the TC 26 reference messages of
../shared/testdata/tc26: both verify against their root (revocation
soft-failed: the TC 26 PKI publishes no CRL), a flipped signature byte is
refused with its code, and unreadable input raises `CmsError`."""

from __future__ import annotations

import base64
from datetime import datetime, timezone

import pytest

import kabinet
from shared import TC26, shared_data

# Inside the validity of the TC 26 certificates.
AT = datetime(2024, 6, 1, tzinfo=timezone.utc)


def _read(name: str) -> bytes:
    return shared_data("tc26", name).read_bytes()


def _der(name: str) -> bytes:
    lines = _read(name).decode("ascii").splitlines()
    return base64.b64decode("".join(line for line in lines if not line.startswith("-----")))


def _store() -> kabinet.TrustStore:
    store = kabinet.TrustStore()
    assert store.add_anchors_from_bytes(_read("root256_cert.pem")) == 1
    return store


def _verify(message: bytes) -> kabinet.CmsReport:
    return kabinet.verify_cms(message, _store(), AT, **TC26)


def test_the_512_bit_message_with_signed_attributes_verifies() -> None:
    report = _verify(_read("signed_a111.pem"))
    assert report.valid and bool(report), [s.problem_codes for s in report.signers]
    assert report.content_type == "1.2.840.113549.1.7.1"
    assert not report.detached and report.certificate_time == "signing_time"
    assert report.verified_at == AT
    [signer] = report.signers
    assert signer.valid and signer.problems == []
    assert signer.signed_attributes
    assert signer.digest_algorithm == "streebog512"
    assert signer.signature_algorithm == "gost2012-512"
    assert signer.signing_time == datetime(2019, 3, 20, 19, 55, 22, tzinfo=timezone.utc)
    assert signer.certificate_checked_at == signer.signing_time
    assert signer.holder is not None
    assert signer.holder["common_name"] == "ORIGINATOR: GOST 34.10-12 512-bit"
    assert signer.subject is not None and "512-bit" in signer.subject
    certificate = signer.certificate
    assert certificate is not None and certificate.valid
    assert [w["code"] for w in certificate.warnings] == ["pki.revocation_unknown_accepted"]
    assert report.to_dict()["valid"] is True


def test_the_256_bit_message_verifies_at_the_time_of_verification() -> None:
    report = _verify(_read("signed_a121.pem"))
    assert report.valid, [s.problem_codes for s in report.signers]
    [signer] = report.signers
    assert not signer.signed_attributes and signer.signing_time is None
    assert signer.digest_algorithm == "streebog256"
    assert signer.certificate_checked_at == AT
    assert signer.certificate is not None and len(signer.certificate.path) == 2
    # DER is read as PEM is.
    assert _verify(_der("signed_a121.pem")).valid


def test_revocation_is_required_by_default() -> None:
    report = kabinet.verify_cms(
        _read("signed_a121.pem"), _store(), AT, anchor_policy="name_and_key_only", profile="relaxed"
    )
    assert not report.valid
    [signer] = report.signers
    assert signer.certificate is not None
    assert signer.certificate.has_problem("pki.revocation_unknown")


@pytest.mark.parametrize(("name", "header"), [("signed_a111.pem", b"\x04\x81\x80"), ("signed_a121.pem", b"\x04\x40")])
def test_a_flipped_signature_byte_is_refused(name: str, header: bytes) -> None:
    der = bytearray(_der(name))
    # The signature is the last field of these messages: its OCTET STRING ends the DER.
    signature_length = header[-1] if len(header) == 2 else 0x80
    assert der[-signature_length - len(header) : -signature_length] == header
    der[-1] ^= 0x80
    report = _verify(bytes(der))
    assert not report.valid and not bool(report)
    [signer] = report.signers
    assert signer.problem_codes == ["cms.bad_signature"]
    [problem] = signer.problems
    assert isinstance(problem, kabinet.Problem) and problem.code == "cms.bad_signature"
    assert problem.message_en and problem.message_ru and problem.message_ru != problem.message_en
    assert repr(problem) == 'Problem("cms.bad_signature")'
    assert report.has_problem("cms.bad_signature")


def test_garbage_raises_cms_error() -> None:
    for garbage in (b"", b"not a message", b"-----BEGIN CMS-----\n!!\n-----END CMS-----\n"):
        with pytest.raises(kabinet.CmsError) as caught:
            _verify(garbage)
        assert caught.value.code == "cms.malformed"
        assert isinstance(caught.value, kabinet.KabinetError)
        assert caught.value.message_ru and caught.value.message_en


def test_unknown_policies_are_invalid_input() -> None:
    with pytest.raises(kabinet.InvalidInputError):
        kabinet.verify_cms(_read("signed_a121.pem"), _store(), AT, revocation="sometimes")
    with pytest.raises(kabinet.InvalidInputError):
        kabinet.verify_cms(_read("signed_a121.pem"), _store(), AT, certificate_time="never")
