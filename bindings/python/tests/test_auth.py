"""Authentication: password policies, hashing, HOTP/TOTP (RFC 4226 and RFC
6238 vectors), and the auth and session commands with their refusal codes."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

import kabinet
from conftest import T0, World, as_

RFC_SECRET = b"12345678901234567890"


def test_password_policies_report_each_problem() -> None:
    portal = kabinet.password_policy("portal")
    assert portal["min_length"] == 8 and portal["require_special"] is True
    codes = [p["code"] for p in kabinet.check_password("short", "portal")]
    assert codes == ["password.too_short", "password.missing_class", "password.missing_class", "password.missing_class"]
    assert kabinet.check_password("Correct-Horse-9", "portal") == []
    nist = [p["code"] for p in kabinet.check_password("password", "nist")]
    assert "password.common" in nist
    single = kabinet.check_password("a much longer pass", "nist", single_factor=True)
    assert single == []
    too_short_alone = kabinet.check_password("abcdefghijk", "nist", single_factor=True)
    assert too_short_alone[0]["code"] == "password.too_short" and too_short_alone[0]["min"] == 15
    assert too_short_alone[0]["message_ru"] and too_short_alone[0]["message_en"]
    custom = dict(portal, require_special=False)
    assert kabinet.check_password("Abcdefg1", custom) == []
    with pytest.raises(kabinet.InvalidInputError) as e:
        kabinet.check_password("x", "fort-knox")
    assert e.value.code == "password.unknown_policy"


def test_hash_and_verify_passwords() -> None:
    fast = {"scheme": "pbkdf2_sha256", "iterations": 600_000}
    salt = bytes(range(16))
    stored = kabinet.hash_password("Correct-Horse-9", salt, fast)
    assert stored.startswith("$pbkdf2-sha256$") and stored == kabinet.hash_password("Correct-Horse-9", salt, fast)
    assert kabinet.verify_password("Correct-Horse-9", stored, fast) == "valid"
    assert kabinet.verify_password("wrong", stored, fast) == "invalid"
    stronger = {"scheme": "pbkdf2_sha256", "iterations": 700_000}
    assert kabinet.verify_password("Correct-Horse-9", stored, stronger) == "valid_needs_rehash"
    argon = kabinet.hash_password("Correct-Horse-9")
    assert argon.startswith("$argon2id$") and kabinet.verify_password("Correct-Horse-9", argon) == "valid"
    assert len(kabinet.new_salt()) == 16 and kabinet.new_salt() != kabinet.new_salt()
    code = kabinet.new_numeric_code(6)
    assert len(code) == 6 and code.isdigit()
    with pytest.raises(kabinet.InvalidInputError) as e:
        kabinet.hash_password("x", b"short", fast)
    assert e.value.code == "auth.salt_length"
    with pytest.raises(kabinet.InvalidInputError) as e2:
        kabinet.hash_password("x", salt, {"scheme": "pbkdf2_sha256", "iterations": 1000})
    assert e2.value.code == "auth.weak_hash_parameters"
    with pytest.raises(kabinet.InvalidInputError) as e3:
        kabinet.verify_password("x", "not a hash")
    assert e3.value.code == "auth.malformed_hash"


def test_hotp_rfc4226_vectors() -> None:
    expected = [755224, 287082, 359152, 969429, 338314, 254676, 287922, 162583, 399871, 520489]
    assert [kabinet.hotp(RFC_SECRET, c) for c in range(10)] == expected
    with pytest.raises(kabinet.InvalidInputError) as e:
        kabinet.hotp(RFC_SECRET, 0, digits=5)
    assert e.value.code == "otp.digits"


@pytest.mark.parametrize(
    ("seconds", "sha1", "sha256", "sha512"),
    [
        (59, 94287082, 46119246, 90693936),
        (1111111109, 7081804, 68084774, 25091201),
        (1234567890, 89005924, 91819424, 93441116),
        (2000000000, 69279037, 90698825, 38618901),
        (20000000000, 65353130, 77737706, 47863826),
    ],
)
def test_totp_rfc6238_vectors(seconds: int, sha1: int, sha256: int, sha512: int) -> None:
    at = datetime.fromtimestamp(seconds, tz=timezone.utc)
    secrets = {
        "sha1": RFC_SECRET,
        "sha256": b"12345678901234567890123456789012",
        "sha512": b"1234567890123456789012345678901234567890123456789012345678901234",
    }
    for algorithm, value in (("sha1", sha1), ("sha256", sha256), ("sha512", sha512)):
        assert kabinet.totp(secrets[algorithm], at, digits=8, algorithm=algorithm) == value
    code = f"{sha1:08d}"
    step = kabinet.totp_verify(RFC_SECRET, code, at + timedelta(seconds=30), digits=8)
    assert step == seconds // 30
    assert kabinet.totp_verify(RFC_SECRET, code, at + timedelta(seconds=120), digits=8) is None


def test_logins_lock_out_and_sessions_end(world: World) -> None:
    k, head = world.k, world.head
    events = k.record_login(head, "password", True, at=T0, ip="192.0.2.1")
    opened = next(e for e in events if e.get("auth_event") == "login_succeeded")
    session = int(opened["session"])
    s = k.session(session)
    assert s is not None and s["account"] == head and s["ip"] == "192.0.2.1"
    assert [x["id"] for x in k.sessions(head)] == [session]
    k.touch_session(as_(head), session)
    k.end_session(as_(head), session)
    assert k.session(session) is None
    with pytest.raises(kabinet.AuthError) as e:
        k.end_session(as_(head), session)
    assert e.value.code == "session.not_found"
    for _ in range(5):
        k.record_login(head, "password", False, at=T0)
    state = k.auth_account(head)
    assert state is not None and "192.0.2.1" in str(state)
    account = k.account(head)
    assert account is not None and account["status"]["status"] == "blocked"
    # A timed-out session is swept.
    other = person_session(world)
    swept = k.sweep_sessions(at=T0 + timedelta(hours=13))
    assert any(e.get("session") == other for e in swept) and k.session(other) is None


def person_session(world: World) -> int:
    from conftest import person

    someone = person(world.k, "Входящий", "001-001-997 00")
    events = world.k.record_login(someone, "certificate", True, at=T0)
    return int(next(e for e in events if e.get("auth_event") == "login_succeeded")["session"])


def test_codes_totp_steps_and_pins(world: World) -> None:
    k, head = world.k, world.head
    k.issue_code(head, "login", "email", "123456", at=T0)
    rejected = k.submit_code(head, "login", "654321", at=T0)
    assert rejected[0]["auth_event"] == "code_rejected" and rejected[0]["attempts_left"] == 2
    accepted = k.submit_code(head, "login", "123456", at=T0)
    assert accepted[0]["auth_event"] == "code_accepted"
    with pytest.raises(kabinet.AuthError) as e:
        k.submit_code(head, "login", "123456", at=T0)
    assert e.value.code == "code.none_pending"
    k.issue_code(head, "login", "email", "111111", at=T0)
    with pytest.raises(kabinet.AuthError) as e2:
        k.submit_code(head, "login", "111111", at=T0 + timedelta(minutes=6))
    assert e2.value.code == "code.expired"
    step = kabinet.totp_verify(RFC_SECRET, f"{kabinet.totp(RFC_SECRET, T0):06d}", T0)
    assert step is not None
    k.use_totp_step(head, step, at=T0)
    with pytest.raises(kabinet.AuthError) as e3:
        k.use_totp_step(head, step, at=T0)
    assert e3.value.code == "otp.replayed"
    for _ in range(3):
        k.record_pin_entry("token-1", head, False, at=T0)
    assert k.token("token-1") == {"wrong": 3, "locked": True}
    with pytest.raises(kabinet.AuthError) as e4:
        k.record_pin_entry("token-1", head, True, at=T0)
    assert e4.value.code == "pin.token_locked"
    k.unlock_token("token-1", at=T0)
    assert k.token("token-1") is None
    k.record_pin_entry("token-1", head, True, at=T0)
    digest = kabinet.code_digest(head, "login", "123456")
    assert len(digest) == 32 and digest != kabinet.code_digest(head, "recovery", "123456")
