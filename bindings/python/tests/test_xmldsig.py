"""XML signatures with the samples of ../shared/testdata/xmldsig: the xmlsec
GOST 2012 documents verify (their root taken as a name and a key: its
basicConstraints is not critical), altered content fails only its digest,
the replaced СМЭВ 3 response fails both signatures with a valid
certificate, and unreadable documents raise `XmlDsigError`."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

import kabinet
from shared import ValidationKeywords, shared_data

AT = datetime(2026, 12, 1, tzinfo=timezone.utc)
XMLSEC: ValidationKeywords = {
    "revocation": "soft_fail",
    "anchor_policy": "name_and_key_only",
    "profile": "strict",
}


def _read(name: str) -> bytes:
    return shared_data("xmldsig", name).read_bytes()


def _xmlsec_store() -> kabinet.TrustStore:
    store = kabinet.TrustStore()
    assert store.add_anchors_from_bytes(_read("xmlsec/rsa-root-ca.der")) == 1
    return store


@pytest.mark.parametrize("bits", ["256", "512"])
def test_the_xmlsec_gost_documents_verify(bits: str) -> None:
    document = _read(f"xmlsec/enveloped-gost2012-{bits}.xml")
    report = kabinet.verify_xml(document, _xmlsec_store(), AT, **XMLSEC)
    assert report.valid and bool(report)
    assert report.verified_at == AT
    [signature] = report.signatures
    assert signature.valid and signature.problems == [] and signature.problem_codes == []
    assert signature.signature_value_valid
    assert signature.canonicalization == "http://www.w3.org/TR/2001/REC-xml-c14n-20010315"
    assert signature.signature_method.endswith(f"gostr34102012-gostr34112012-{bits}")
    [reference] = signature.references
    assert reference.uri == "" and reference.digest_matches
    assert reference.digest_computed == reference.digest_claimed
    # The reference is the library's own record, crossing as `XmlReference`.
    assert isinstance(reference, kabinet.XmlReference) and reference.transforms
    assert repr(reference) == 'XmlReference(uri="", digest_matches=true)'
    assert signature.subject is not None and f"gost-2012-{bits}" in signature.subject
    assert signature.certificate is not None and signature.certificate.valid
    leaf = kabinet.Certificate.from_bytes(_read(f"xmlsec/gost-2012-{bits}-cert.der"))
    assert signature.subject == leaf.subject
    assert report.to_dict()["signatures"][0]["valid"] is True


def test_the_root_as_a_certificate_is_refused_by_default() -> None:
    document = _read("xmlsec/enveloped-gost2012-256.xml")
    report = kabinet.verify_xml(document, _xmlsec_store(), AT, revocation="soft_fail")
    assert not report.valid
    [signature] = report.signatures
    assert signature.problem_codes == ["xmldsig.certificate_invalid"]
    assert signature.signature_value_valid
    assert report.has_problem("xmldsig.certificate_invalid")


def test_altered_content_fails_its_digest_and_nothing_else() -> None:
    document = _read("xmlsec/enveloped-gost2012-256.xml").replace(b"Hello, World!", b"Hello, World?")
    report = kabinet.verify_xml(document, _xmlsec_store(), AT, **XMLSEC)
    assert not report.valid and not bool(report)
    [signature] = report.signatures
    assert signature.problem_codes == ["xmldsig.digest_mismatch"]
    [problem] = signature.problems
    assert isinstance(problem, kabinet.Problem) and problem.code == "xmldsig.digest_mismatch"
    assert problem.message_en and problem.message_ru
    assert not signature.references[0].digest_matches
    assert signature.signature_value_valid


def test_the_replaced_smev_response_fails_both_signatures() -> None:
    store = kabinet.TrustStore()
    store.add_anchors_from_bytes(shared_data("gost-ca", "certs/0837.der").read_bytes())
    store.add_intermediates_from_bytes(shared_data("gost-ca", "certs/1762.der").read_bytes())
    document = _read("smev3/GetResponseResponse_ValidResponse.xml")
    at = datetime(2021, 6, 7, tzinfo=timezone.utc)
    report = kabinet.verify_xml(document, store, at, revocation="soft_fail")
    assert not report.valid
    assert len(report.signatures) == 2
    for signature in report.signatures:
        assert signature.problem_codes == ["xmldsig.digest_mismatch", "xmldsig.bad_signature"]
        assert signature.certificate is not None and signature.certificate.valid


@pytest.mark.parametrize(
    ("document", "code"),
    [
        (b"<a><b>text</b></a>", "xmldsig.no_signature"),
        (b"<a><b>text</a>", "xmldsig.malformed"),
        (b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', "xmldsig.malformed"),
        (b"\xff\xfe<a/>", "xmldsig.encoding"),
    ],
)
def test_unverifiable_documents_raise_with_codes(document: bytes, code: str) -> None:
    with pytest.raises(kabinet.XmlDsigError) as caught:
        kabinet.verify_xml(document, _xmlsec_store(), AT, **XMLSEC)
    assert caught.value.code == code
    assert caught.value.message_ru and caught.value.message_en
    assert isinstance(caught.value, kabinet.KabinetError)


def test_an_unknown_policy_is_invalid_input() -> None:
    document = _read("xmlsec/enveloped-gost2012-256.xml")
    with pytest.raises(kabinet.InvalidInputError):
        kabinet.verify_xml(document, _xmlsec_store(), AT, revocation="sometimes")


def test_validate_takes_intermediates_from_the_input() -> None:
    store = kabinet.TrustStore()
    store.add_anchors_from_bytes(shared_data("gost-ca", "certs/0837.der").read_bytes())
    leaf = kabinet.Certificate.from_bytes(_read("smev3/certs/is_esia_2021.der"))
    ca = kabinet.Certificate.from_bytes(shared_data("gost-ca", "certs/1762.der").read_bytes())
    at = datetime(2021, 6, 7, tzinfo=timezone.utc)
    alone = kabinet.validate(leaf, store, at, revocation="soft_fail")
    assert not alone.valid
    report = kabinet.validate(leaf, store, at, revocation="soft_fail", intermediates=[ca])
    assert report.valid, [p.code for p in report.problems]
    assert len(report.path) == 3
    # The input's intermediates are not kept in the store.
    assert not kabinet.validate(leaf, store, at, revocation="soft_fail").valid
