"""Identifiers: the stable entry point, the typed classes, the codes."""

from __future__ import annotations

import pytest

import kabinet


def test_check_identifier_returns_the_canonical_form() -> None:
    r = kabinet.check_identifier("snils", " 112-233-445 95")
    assert r.valid and bool(r)
    assert r.normalized == "11223344595"
    assert r.code is None and r.message_en is None
    assert repr(r) == 'IdentifierCheck(kind="snils", valid=True, normalized="11223344595")'
    bad = kabinet.check_identifier("inn", "7707083894")
    assert not bad and repr(bad) == 'IdentifierCheck(kind="inn", valid=False, code="inn.checksum")'
    assert kabinet.check_identifier("phone", "+7 (495) 500-55-50").normalized == "+74955005550"


@pytest.mark.parametrize(
    "kind,value,code",
    [
        ("inn", "7707083894", "inn.checksum"),
        ("inn", "77070838931", "inn.length"),
        ("inn", "7707 083893", "inn.not_digits"),
        ("inn", "", "inn.empty"),
        ("ogrn", "1027700132194", "ogrn.checksum"),
        ("ogrnip", "304500116000158", "ogrnip.checksum"),
        ("kpp", "7736010a1", "kpp.not_digits"),
        ("snils", "112-233-445 96", "snils.checksum"),
        ("email", "no-at.example.ru", "email.no_at"),
        ("account", "40702810938000060473", "account.bik_required"),
    ],
)
def test_invalid_values_are_answers_with_codes(kind: str, value: str, code: str) -> None:
    r = kabinet.check_identifier(kind, value)
    assert not r.valid
    assert r.normalized is None
    assert r.code == code
    assert r.message_ru and r.message_en
    assert r.message_en == r.message_en.rstrip(".")


def test_accounts_are_checked_with_the_bik() -> None:
    r = kabinet.check_identifier("corr-account", "30101810400000000225", "044525225")
    assert r.valid
    bad = kabinet.check_identifier("corr-account", "30101810400000000225", "04452522")
    assert bad.code == "corr_account.bik_invalid"
    acc = kabinet.CorrespondentAccount("30101810400000000225", "044525225")
    assert acc.value == "30101810400000000225" and acc.bik == "044525225"


def test_unknown_kind_raises_with_a_code() -> None:
    with pytest.raises(kabinet.IdentifierError) as e:
        kabinet.check_identifier("INN", "7707083893")
    assert e.value.code == "identifier.unknown_kind"
    assert "corr-account" in e.value.message_en
    assert kabinet.identifier_kinds()[0] == "inn"
    assert len(kabinet.identifier_kinds()) == 10


def test_typed_classes_parse_or_raise() -> None:
    inn = kabinet.Inn(" 7707083893 ")
    assert inn.value == "7707083893" and inn.kind == "legal_entity"
    assert kabinet.Inn.parse("500100732259").kind == "person"
    assert inn == kabinet.Inn("7707083893") and len({inn, kabinet.Inn("7707083893")}) == 1
    assert str(kabinet.Snils("11223344595")) == "112-233-445 95"
    assert kabinet.Kpp("7736AB001").reason == "AB"
    e = kabinet.Email("Ivan@Example.RU")
    assert (e.local_part, e.domain, e.value) == ("Ivan", "example.ru", "Ivan@example.ru")
    assert kabinet.Ogrnip("304463210700212").value == "304463210700212"
    with pytest.raises(kabinet.IdentifierError) as err:
        kabinet.Inn("7707083894")
    assert err.value.code == "inn.checksum"
    assert err.value.details == {"kind": "inn"}
    assert isinstance(err.value, ValueError) and isinstance(err.value, kabinet.KabinetError)
    assert "контрольн" in err.value.message_ru


def test_the_cli_and_the_binding_agree() -> None:
    """The binding is the same function as `kabinet id check`: same codes for the same inputs."""
    for kind, value in [("bik", "044525225"), ("bik", "44525225"), ("phone", "89161234567")]:
        r = kabinet.check_identifier(kind, value)
        if r.valid:
            assert r.normalized
        else:
            assert r.code is not None and r.code.startswith(kind + ".")
