"""Certificates: parsing, the trust store, validation reports with problems
and holder, the evidence they give to `check`, and GOST verification with
Streebog (TC 26 test certificates of ../shared/testdata/tc26)."""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timedelta, timezone

import pytest

import kabinet
from shared import TC26, der_signature, shared_data


def _pem(name: str) -> bytes:
    return shared_data("tc26", name).read_bytes()


def test_a_tc26_certificate_validates_against_its_root() -> None:
    root = kabinet.Certificate.from_bytes(_pem("root256_cert.pem"))
    leaf = kabinet.Certificate.from_bytes(_pem("sender256_cert.pem"))
    assert leaf.issuer == root.subject and len(leaf.fingerprint) == 64
    store = kabinet.TrustStore()
    store.add_anchor(root)
    at = leaf.not_before + timedelta(days=1)
    strict = kabinet.validate(leaf, store, at)
    assert not strict.valid and "pki.revocation_unknown" in strict.problem_codes
    # Checked as a certificate, the TC26 root (no basicConstraints) is refused;
    # its leaves carry no authorityKeyIdentifier, which the strict profile wants.
    assert "pki.missing_extension" in strict.problem_codes
    assert strict.signature_evidence() is None and strict.signature_level is None
    report = kabinet.validate(leaf, store, at, **TC26)
    assert report.valid and bool(report), report.problem_codes
    assert report.problems == [] and len(report.path) == 2 and report.path[-1]["anchor"] is True
    assert [w["code"] for w in report.warnings] == ["pki.revocation_unknown_accepted"]
    # Not accredited, so enhanced, not qualified.
    assert not report.qualified and report.signature_level == "enhanced"
    evidence = report.signature_evidence()
    assert evidence is not None and evidence.level == "enhanced"
    assert isinstance(report.holder, dict) and report.to_dict()["valid"] is True


def test_problems_carry_codes_and_certificates() -> None:
    root = kabinet.Certificate.from_bytes(_pem("root256_cert.pem"))
    leaf = kabinet.Certificate.from_bytes(_pem("sender256_cert.pem"))
    store = kabinet.TrustStore()
    store.add_anchor(root)
    expired = kabinet.validate(leaf, store, leaf.not_after + timedelta(days=1), **TC26)
    assert not expired.valid and expired.has_problem("pki.expired")
    problem = next(p for p in expired.problems if p.code == "pki.expired")
    assert problem.certificate == 0 and problem.detail and problem.detail_ru
    assert isinstance(problem, kabinet.CertificateProblem) and problem.subject == leaf.subject
    assert repr(problem) == 'CertificateProblem("pki.expired", Some(0))'
    untrusted = kabinet.validate(leaf, kabinet.TrustStore(), leaf.not_before + timedelta(days=1))
    assert untrusted.has_problem("pki.no_trusted_root")


def test_trust_store_from_files_and_bytes() -> None:
    store = kabinet.TrustStore.load([shared_data("tc26", "root256_cert.pem")], accredited=True)
    leaf = kabinet.Certificate.load(shared_data("tc26", "sender256_cert.pem"))[0]
    report = kabinet.validate(leaf, store, leaf.not_before + timedelta(days=1), **TC26)
    assert report.valid and report.accredited_anchor
    other = kabinet.TrustStore()
    assert other.add_anchors_from_bytes(_pem("root256_cert.pem")) == 1
    assert len(kabinet.Certificate.all_from_bytes(_pem("root256_cert.pem") + _pem("sender256_cert.pem"))) == 2


def test_unreadable_input_raises_certificate_errors(tmp_path: object) -> None:
    with pytest.raises(kabinet.CertificateError) as e:
        kabinet.Certificate.from_bytes(b"not a certificate")
    assert e.value.code == "pki.malformed_certificate"
    with pytest.raises(kabinet.CertificateError) as e2:
        kabinet.TrustStore.load(["/nonexistent/anchor.pem"])
    assert e2.value.code == "trust_file.io"
    with pytest.raises(kabinet.CertificateError) as e3:
        kabinet.TrustStore().add_crls_from_bytes(b"\x30\x03\x02\x01\x00")
    assert e3.value.code == "pki.malformed_crl"
    root = kabinet.Certificate.from_bytes(_pem("root256_cert.pem"))
    empty = kabinet.TrustStore()
    with pytest.raises(kabinet.InvalidInputError) as e4:
        kabinet.validate(root, empty, revocation="maybe")
    assert e4.value.code == "pki.unknown_revocation_policy"
    with pytest.raises(kabinet.InvalidInputError) as e5:
        kabinet.validate(root, empty, anchor_policy="trust_me")
    assert e5.value.code == "pki.unknown_anchor_policy" and e5.value.message_ru and e5.value.message_en
    with pytest.raises(kabinet.InvalidInputError) as e6:
        kabinet.verify_cms(b"0", empty, profile="lenient")
    assert e6.value.code == "pki.unknown_profile"


def test_gost_verify_a_certificate_signature_and_streebog() -> None:
    root = kabinet.Certificate.from_bytes(_pem("root256_cert.pem"))
    leaf = kabinet.Certificate.from_bytes(_pem("sender256_cert.pem"))
    signature = der_signature(leaf.der)
    kabinet.gost_verify(root.spki_der, "1.2.643.7.1.1.3.2", leaf.tbs_der, signature)
    tampered = bytearray(leaf.tbs_der)
    tampered[-1] ^= 1
    with pytest.raises(kabinet.GostError) as e:
        kabinet.gost_verify(root.spki_der, "1.2.643.7.1.1.3.2", bytes(tampered), signature)
    assert e.value.code == "gost.bad_signature"
    with pytest.raises(kabinet.GostError) as e2:
        kabinet.gost_verify(root.spki_der, "1.2.643.2.2.3", leaf.tbs_der, signature)
    assert e2.value.code == "gost.legacy_2001_refused"
    # The key read once verifies the same way, and refuses the same way.
    key = kabinet.GostPublicKey.from_spki_der(root.spki_der)
    assert (key.param_set, key.bits) == ("id-tc26-gost-3410-12-256-paramSetA", 256)
    key.verify("1.2.643.7.1.1.3.2", leaf.tbs_der, signature)
    with pytest.raises(kabinet.GostError) as e3:
        key.verify("1.2.643.7.1.1.3.2", bytes(tampered), signature)
    assert e3.value.code == "gost.bad_signature"
    # From its second signature on the key verifies with its kept table:
    # the same answers, again and again.
    for _ in range(3):
        key.verify("1.2.643.7.1.1.3.2", leaf.tbs_der, signature)
        with pytest.raises(kabinet.GostError) as again:
            key.verify("1.2.643.7.1.1.3.2", bytes(tampered), signature)
        assert again.value.code == "gost.bad_signature"
    with pytest.raises(kabinet.GostError) as e4:
        key.verify("1.2.643.7.1.1.3.3", leaf.tbs_der, signature)
    assert e4.value.code == "gost.algorithm_key_mismatch"
    with pytest.raises(kabinet.InvalidInputError) as e5:
        key.verify("not an oid", leaf.tbs_der, signature)
    assert e5.value.code == "gost.bad_oid"
    # A key off its curve is refused when it is read, not when it is used.
    moved = bytearray(root.spki_der)
    moved[-1] ^= 1
    with pytest.raises(kabinet.GostError) as e6:
        kabinet.GostPublicKey.from_spki_der(bytes(moved))
    assert e6.value.code == "gost.point_not_on_curve"
    # GOST R 34.11-2012 examples (M1 = "012345678901234567890123456789012345678901234567890123456789012").
    m1 = b"012345678901234567890123456789012345678901234567890123456789012"
    assert kabinet.streebog256(m1).hex() == "9d151eefd8590b89daa6ba6cb74af9275dd051026bb149a452fd84e5e57b5500"
    assert kabinet.streebog512(m1).hex().startswith("1b54d01a4af5b9d5cc3d86d68d285462")
    assert len(kabinet.streebog512(b"")) == 64


def _pkits_case(case_id: str) -> tuple[kabinet.Certificate, kabinet.TrustStore, bool]:
    manifest = json.loads(shared_data("pkits", "manifest.json").read_text())
    case = next(c for c in manifest["cases"] if c["id"] == case_id)
    certs = [shared_data("pkits", "certs", f"{name}.crt") for name in case["path"]]
    crls = [shared_data("pkits", "crls", f"{name}.crl") for name in case["crls"]]
    store = kabinet.TrustStore.load([certs[0]], intermediates=certs[1:-1], crls=crls)
    return kabinet.Certificate.load(certs[-1])[0], store, bool(case["expect_valid"])


def test_pkits_revocation_through_crls() -> None:
    at = datetime(2011, 4, 15, tzinfo=timezone.utc)
    leaf, store, expected = _pkits_case("4.4.2")
    revoked = kabinet.validate(leaf, store, at)
    assert revoked.valid is expected is False and revoked.has_problem("pki.revoked")
    assert next(p for p in revoked.problems if p.code == "pki.revoked").certificate == 1
    leaf, store, expected = _pkits_case("4.1.1")
    good = kabinet.validate(leaf, store, at)
    assert good.valid is expected is True and good.problems == [] and len(good.path) == 3


def _limbo_case(case_id: str) -> tuple[kabinet.Certificate, kabinet.TrustStore, datetime]:
    with gzip.open(shared_data("limbo", "limbo.json.gz"), "rt") as f:
        suite = json.load(f)
    case = next(c for c in suite["testcases"] if c["id"] == case_id)
    store = kabinet.TrustStore()
    for pem in case["trusted_certs"]:
        store.add_anchor(kabinet.Certificate.from_bytes(pem.encode()))
    for pem in case["untrusted_intermediates"]:
        store.add_intermediate(kabinet.Certificate.from_bytes(pem.encode()))
    at = datetime.fromisoformat(case["validation_time"] or "2026-06-29T00:00:00+00:00")
    return kabinet.Certificate.from_bytes(case["peer_certificate"].encode()), store, at


def test_x509_limbo_attacks_are_refused_with_their_codes() -> None:
    leaf, store, at = _limbo_case("rfc5280::duplicate-extensions")
    report = kabinet.validate(leaf, store, at, revocation="soft_fail")
    assert not report.valid and report.has_problem("pki.duplicate_extension")
    leaf, store, at = _limbo_case("rfc5280::leaf-ku-keycertsign")
    report = kabinet.validate(leaf, store, at, revocation="soft_fail")
    assert report.problem_codes == ["pki.key_cert_sign_without_ca"]


def test_an_expired_anchor_is_refused_unless_taken_by_name_and_key() -> None:
    leaf, store, at = _limbo_case("rfc5280::validity::expired-root")
    report = kabinet.validate(leaf, store, at, revocation="soft_fail")
    assert not report.valid
    anchor = len(report.path) - 1
    assert [p.code for p in report.problems if p.certificate == anchor] == ["pki.expired"]
    lenient = kabinet.validate(leaf, store, at, revocation="soft_fail", anchor_policy="name_and_key_only")
    assert lenient.valid, lenient.problem_codes
