"""Commands and decisions through the typed methods and the generic `execute`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from enum import Enum
from typing import Any, Callable, Dict, List, Optional

import pytest

import kabinet
from conftest import COMPANY_INN, T0, World, as_, company_draft, person, registry


def test_a_decision_and_an_organization_read_as_python_values(world: World) -> None:
    # The rule (the head holds every right) is a shared scenario
    # (tests/scenarios/head_holds_every_right.json); here the Python shapes.
    k, head, org = world.k, world.head, world.org
    o = k.organization(org)
    assert o is not None
    assert o["status"] == {"status": "active"} and o["head"] == head
    d = k.check(head, org, "users.manage", T0)
    assert d.allowed and bool(d)
    assert d.basis is not None and d.basis.kind == "head" and d.basis.role is None
    assert d.refusals == [] and d.refusal_codes == []
    assert d.explain_en() == "allowed: users.manage (as the head)"
    assert k.organizations_of(head) == [org]
    assert [m["standing"] for m in k.members(org)] == ["head"]


def test_consulting_the_registry_returns_its_events_with_reasons() -> None:
    # The rule is a shared scenario (registration_rejected_then_resubmitted);
    # here `consult_registry` with a registry object and the reasons' form.
    k = kabinet.Kabinet()
    head = person(k, "Грефов", "112-233-445 95", "770712345633", "h@example.ru")
    draft = company_draft()
    draft["full_name"] = "ООО Другое"
    org = k.submit_organization(as_(head), draft)
    events = k.consult_registry(org, registry(), at=T0)
    assert events[-1]["event"] == "registration_rejected"
    assert events[-1]["reasons"] == [{"reason": "mismatch", "field": "full_name"}]
    k.resubmit_organization(as_(head), org, company_draft())
    events = k.consult_registry(org, registry(), at=T0)
    kinds = [e["event"] for e in events]
    assert "organization_activated" in kinds and kinds[-1] == "member_joined"
    assert k.organizations_by_inn(COMPANY_INN)[0]["id"] == org


def test_requisites_report_every_field_error() -> None:
    k = kabinet.Kabinet()
    head = person(k, "Грефов", "112-233-445 95", "770712345633")
    draft = company_draft()
    draft["inn"] = "7707083894"
    draft["ogrn"] = ""
    with pytest.raises(kabinet.OrganizationError) as e:
        k.submit_organization(as_(head), draft)
    assert e.value.code == "organization.invalid_requisites"
    fields = {(f["field"], f["error"]["code"]) for f in e.value.details["fields"]}
    assert fields == {("inn", "inn.checksum"), ("ogrn", "field.required")}


def test_an_unconfirmed_account_cannot_act() -> None:
    k = kabinet.Kabinet()
    a = k.register_account("Простов", "Иван", snils="112-233-445 95", at=T0)
    with pytest.raises(kabinet.AccountError) as e:
        k.submit_organization(as_(a), company_draft())
    assert e.value.code == "account.cannot_act"
    assert [r["code"] for r in e.value.details["refusals"]] == ["access.account_not_confirmed"]


def test_a_refusal_carries_its_details_and_messages(world: World) -> None:
    # Which signature suffices is a shared scenario
    # (accountant_needs_own_qualified_signature); here the refusal's form.
    k, org = world.k, world.org
    acc = person(k, "Бухова", "001-001-997 00", "502400123477", "b@example.ru")
    world.hire(acc, ["accountant"])
    d = k.check(acc, org, "accounting.approve", T0)
    assert d.required_signature == "qualified"
    assert d.basis is not None and (d.basis.kind, d.basis.role) == ("role", "accountant")
    assert d.refusals[0].details == {"refusal": "signature_too_weak", "required": "qualified", "offered": "simple"}
    assert "КЭП" in d.explain_ru()
    own = kabinet.Signature("qualified", snils="001-001-997 00", organization_inn=COMPANY_INN)
    assert k.check(acc, org, "accounting.approve", T0, own).allowed
    dismissed = k.check(999, org, "reports.approve", T0)
    assert dismissed.explain_ru().startswith("отказано")
    assert dismissed.refusal_codes == ["access.account_unknown", "access.not_a_member", "access.signature_too_weak"]





def test_refused_commands_raise_the_subclass_of_their_area(world: World) -> None:
    # The rules are the shared scenario least_privilege; here each refusal's
    # exception class and details.
    k, head, org = world.k, world.head, world.org
    admin = person(k, "Админов", "001-001-997 00")
    clerk = person(k, "Клерков", "001-001-996 00")
    world.hire(admin, ["administrator"])
    world.hire(clerk, [])
    with pytest.raises(kabinet.AccessDeniedError) as e:
        k.assign_role(as_(admin), org, clerk, "accountant")
    assert e.value.code == "access.beyond_own_rights"
    assert "accounting.approve" in e.value.details["missing"]
    assert "organization.view" not in e.value.details["missing"]
    role = k.create_custom_role(as_(admin), org, "Кадры-просмотр", ["users.view", "journal.view"])
    k.assign_role(as_(admin), org, clerk, role)
    d = k.check(clerk, org, "journal.view", T0)
    assert d.basis is not None and (d.basis.kind, d.basis.role) == ("role", role)
    with pytest.raises(kabinet.EmployeeError) as e3:
        k.block_employee(as_(admin), org, head)
    assert e3.value.code == "employee.head_protected"
    with pytest.raises(kabinet.RoleError) as e4:
        k.assign_role(as_(head), org, clerk, "head")
    assert e4.value.code == "role.not_assignable"
    with pytest.raises(kabinet.AccessDeniedError) as e5:
        k.dismiss_employee(as_(clerk), org, admin)
    assert [r["code"] for r in e5.value.details["refusals"]] == ["access.right_not_held"]





def test_invitations_read_and_refuse_as_python_values(world: World) -> None:
    # When an invitation expires is the shared scenario invitations_expire_by_time;
    # here the invitation's form, the error's details and the listing.
    k, head, org = world.k, world.head, world.org
    p = person(k, "Новиков", "001-001-997 00", email="n@example.ru")
    inv = k.invite_employee(
        as_(head), org, surname="Новиков", given_name="Иван", email="n@example.ru", roles=["specialist"]
    )
    invitation = k.invitation(inv)
    assert invitation is not None and invitation["expires_at"] == "2026-03-09T09:00:00Z"
    with pytest.raises(kabinet.InvitationError) as e:
        k.accept_invitation(kabinet.Context.account(p, T0 + timedelta(days=7)), inv)
    assert e.value.code == "invitation.expired"
    assert e.value.details["expires_at"] == "2026-03-09T09:00:00Z"
    k.accept_invitation(kabinet.Context.account(p, T0 + timedelta(days=7) - timedelta(microseconds=1)), inv)
    assert k.organizations_of(p) == [org]
    stranger = person(k, "Чужой", "001-001-996 00", email="x@example.ru")
    declined = k.invite_employee(as_(head), org, surname="Чужой", given_name="Иван", snils="001-001-996 00")
    assert [i["id"] for i in k.invitations(org)] == [declined]
    k.decline_invitation(as_(stranger), declined)
    assert k.invitations(org) == []  # closed invitations leave the state; the journal keeps them


def test_effective_rights_name_every_source(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    e = person(k, "Многоролев", "001-001-997 00")
    world.hire(e, ["observer"])
    role = k.create_custom_role(as_(head), org, "Платежи", ["payments.view", "payments.edit"])
    k.assign_role(as_(head), org, e, role)
    k.grant_rights(as_(head), org, e, ["payments.view"])
    rights = {r.right: [(b.kind, b.role) for b in r.sources] for r in k.effective_rights(e, org, T0)}
    assert rights["payments.view"] == [("role", "observer"), ("role", role), ("grant", None)]
    assert rights["payments.edit"] == [("role", role)]
    k.revoke_rights(as_(head), org, e, ["payments.view"])
    k.revoke_role(as_(head), org, e, role)
    k.delete_custom_role(as_(head), org, role)
    assert "payments.edit" not in {r.right for r in k.effective_rights(e, org, T0)}
    member = k.membership(org, e)
    assert member is not None and member["roles"] == [{"built_in": "observer"}]


def test_access_groups_hold_members(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    e = person(k, "Группов", "001-001-997 00")
    world.hire(e, [])
    group = k.create_access_group(as_(head), org, "Бухгалтерия", "1С")
    renamed = k.rename_access_group(as_(head), org, group, "Бухгалтерия 8.3")
    assert renamed == [{"event": "access_group_renamed", "org": org, "group": group, "name": "Бухгалтерия 8.3"}]
    k.add_to_access_group(as_(head), org, group, e)
    o = k.organization(org)
    assert o is not None and o["access_groups"][0]["members"] == [e]
    k.remove_from_access_group(as_(head), org, group, e)
    k.add_to_access_group(as_(head), org, group, e)
    cleared = k.clear_access_group(as_(head), org, group)
    assert cleared == [{"event": "access_group_member_removed", "org": org, "group": group, "account": e}]
    o = k.organization(org)
    assert o is not None and o["access_groups"][0]["members"] == []
    k.delete_access_group(as_(head), org, group)
    o = k.organization(org)
    assert o is not None and o["access_groups"] == []


def test_the_portal_commands_take_a_time_alone(world: World) -> None:
    # What blocking means is the shared scenario blocked_grants_nothing; here
    # the portal's typed commands.
    k, head, org = world.k, world.head, world.org
    k.block_organization(org, "operator", at=T0)
    assert k.check(head, org, "users.view", T0).refusal_codes == ["access.organization_not_active"]
    k.unblock_organization(org, at=T0)
    k.block_account(head, "compromised", at=T0)
    assert k.check(head, org, "users.view", T0).refusal_codes == ["access.account_blocked"]
    k.restore_account(head, at=T0)
    with pytest.raises(kabinet.CommandError) as e:
        k.restore_account(head, at=T0)
    assert e.value.code == "command.already_in_status"


def test_changing_requisites_takes_a_signature_object(world: World) -> None:
    # The rule is the shared scenario requisites_need_enhanced_signature.
    k, head, org = world.k, world.head, world.org
    draft = company_draft()
    draft["legal_address"] = "117997, г. Москва, ул. Вавилова, д. 19"
    with pytest.raises(kabinet.AccessDeniedError) as e:
        k.change_requisites(as_(head), org, draft)
    assert [r["code"] for r in e.value.details["refusals"]] == ["access.signature_too_weak"]
    sig = kabinet.Signature("enhanced", inn="770712345633", organization_inn=COMPANY_INN)
    assert k.change_requisites(as_(head, sig), org, draft)[0]["event"] == "requisites_changed"


def test_generic_execute_takes_the_documented_json_form(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    events = k.execute(
        {
            "command": "register_account",
            "name": {"surname": "Джейсонов", "given_name": "Иван"},
            "snils": "001-001-997 00",
            "inn": None,
            "email": "j@example.ru",
            "phone": None,
        },
        kabinet.Context.system(T0),
    )
    assert events == [
        {
            "event": "account_registered",
            "account": 2,
            "name": {"surname": "Джейсонов", "given_name": "Иван"},
            "snils": "00100199700",
            "inn": None,
            "email": "j@example.ru",
            "phone": None,
        }
    ]
    with pytest.raises(kabinet.InvalidInputError) as e:
        k.execute({"command": "register_account", "name": {"surname": "X", "given_name": "Y"}, "snils": "1"}, kabinet.Context.system(T0))
    assert e.value.code == "command.malformed"
    assert "СНИЛС" in e.value.message_en or "SNILS" in e.value.message_en
    with pytest.raises(kabinet.InvalidInputError):
        k.execute({"command": "fly"}, kabinet.Context.system(T0))
    # A misspelt field is refused, not ignored: "valid_untill" would otherwise
    # leave the power to its default year.
    terms = {
        "number": "6f1c2e8a-3b7d-4c1e-9a55-0d2f4e6b8c01",
        "representative": {"kind": "account", "account": head},
        "powers": ["reports.view"],
        "valid_untill": "2026-03-03T00:00:00Z",
    }
    with pytest.raises(kabinet.InvalidInputError) as e3:
        k.execute({"command": "issue_power", "org": org, "terms": terms, "irrevocable": False}, kabinet.Context.system(T0))
    assert e3.value.code == "command.unknown_field"
    assert "valid_untill" in e3.value.message_en and "valid_untill" in e3.value.message_ru
    assert k.power_count() == 0
    policy = kabinet.default_policy()
    policy["max_rolez"] = 1
    with pytest.raises(kabinet.InvalidInputError) as e4:
        kabinet.Kabinet(policy=policy)
    assert e4.value.code == "policy.unknown_field"
    with pytest.raises(kabinet.CommandError) as e2:
        k.execute({"command": "dismiss_employee", "org": org, "account": head}, kabinet.Context.system(T0))
    assert e2.value.code == "command.account_only"


def test_unknown_rights_roles_and_levels_are_invalid_input(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    with pytest.raises(kabinet.InvalidInputError) as e:
        k.check(head, org, "users.fly", T0)
    assert e.value.code == "right.unknown"
    with pytest.raises(kabinet.InvalidInputError) as e2:
        kabinet.Signature("strong")
    assert e2.value.code == "signature.unknown_level"
    with pytest.raises(kabinet.InvalidInputError):
        k.assign_role(as_(head), org, head, "wizard")
    for not_a_code in (5, None, b"users.manage"):
        with pytest.raises(kabinet.InvalidInputError) as e3:
            k.check(head, org, not_a_code, T0)  # type: ignore[arg-type]
        assert e3.value.code == "right.unknown", not_a_code


def test_a_right_is_read_from_any_string_holding_its_code(world: World) -> None:
    """The binding finds a code in a dictionary; strings it cannot find
    there (a str subclass hashing otherwise) are read by their text."""
    k, head, org = world.k, world.head, world.org

    class Code(str, Enum):
        USERS_MANAGE = "users.manage"

    class Text(str):
        def __hash__(self) -> int:
            return 7

    built = "".join(["users", ".", "manage"])  # equal, not the same object
    for code in ("users.manage", built, Code.USERS_MANAGE, Text("users.manage")):
        d = k.check(head, org, code, T0)
        assert d.allowed and d.right == "users.manage", code


def test_times_are_aware_utc_datetimes() -> None:
    ctx = kabinet.Context.system(T0)
    assert ctx.at == T0 and ctx.at.tzinfo is not None
    assert ctx.at.utcoffset() == timedelta(0)
    now = kabinet.Kabinet.now()
    assert now.tzinfo is not None
    msk = T0.astimezone(timezone(timedelta(hours=3)))
    assert kabinet.Context.system(msk).at == T0
    assert kabinet.Context.account(1, T0).actor == 1 and ctx.actor is None
    for t in (T0 + timedelta(microseconds=123_457), datetime(1970, 1, 1, tzinfo=timezone.utc),
              datetime(1969, 12, 31, 23, 59, 59, 999_999, tzinfo=timezone.utc),
              datetime(2105, 6, 1, 0, 0, 0, 999_999, tzinfo=timezone.utc),
              datetime(2500, 1, 1, 0, 0, 0, 1, tzinfo=timezone.utc),
              datetime(1, 1, 1, 0, 0, 0, 1, tzinfo=timezone.utc)):
        assert kabinet.Context.system(t).at == t, t
    with pytest.raises(kabinet.InvalidInputError) as e:
        kabinet.Context.system(datetime(2026, 3, 2, 9))
    assert e.value.code == "time.naive"
    # The last datetime converted is recognised again only when it cannot
    # change: a zone whose offset is computed on each call is asked each time.

    class Shifting(tzinfo):
        hours = 0

        def utcoffset(self, dt: Optional[datetime]) -> timedelta:
            return timedelta(hours=self.hours)

        def dst(self, dt: Optional[datetime]) -> timedelta:
            return timedelta(0)

        def tzname(self, dt: Optional[datetime]) -> str:
            return "shifting"

    zone = Shifting()
    local = datetime(2026, 3, 2, 9, tzinfo=zone)
    assert kabinet.Context.system(local).at == datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
    zone.hours = 3
    assert kabinet.Context.system(local).at == datetime(2026, 3, 2, 6, tzinfo=timezone.utc)
    fixed = datetime(2026, 3, 2, 9, tzinfo=timezone(timedelta(hours=3)))
    for _ in range(3):
        assert kabinet.Context.system(fixed).at == datetime(2026, 3, 2, 6, tzinfo=timezone.utc)
        assert kabinet.Context.system(T0).at == T0
    # A date string where a datetime is due is a coded error, not an AttributeError.
    for wrong in ("2026-03-02T09:00:00Z", 1772442000, T0.date()):
        with pytest.raises(kabinet.InvalidInputError) as e2:
            kabinet.Context.system(wrong)  # type: ignore[arg-type]
        assert e2.value.code == "time.not_a_datetime", wrong


def test_the_catalog_and_built_in_roles() -> None:
    rights = {r["code"]: r for r in kabinet.rights()}
    assert rights["organization.edit"]["required_signature"] == "enhanced"
    assert rights["reports.approve"]["required_signature"] == "qualified"
    assert rights["users.manage"]["level"] == "manage"
    roles = {r["code"]: r for r in kabinet.builtin_roles()}
    assert set(roles) == {"head", "administrator", "accountant", "hr", "operator", "specialist", "observer", "inspector"}
    assert not roles["head"]["assignable"] and roles["administrator"]["assignable"]
    assert "users.manage" in roles["administrator"]["rights"]
    assert roles["head"]["rights"] == list(rights)


def test_a_policy_in_its_json_form_sets_limits_and_lifetimes() -> None:
    policy = kabinet.default_policy()
    assert policy["max_custom_roles"] == 256
    policy["max_custom_roles"] = 1
    k = kabinet.Kabinet(policy=policy)
    head = person(k, "Грефов", "112-233-445 95", "770712345633")
    org = k.submit_organization(as_(head), company_draft())
    k.consult_registry(org, registry(), at=T0)
    k.create_custom_role(as_(head), org, "Первая", ["users.view"])
    with pytest.raises(kabinet.CommandError) as e:
        k.create_custom_role(as_(head), org, "Вторая", ["users.view"])
    assert e.value.code == "command.limit_reached"
    with pytest.raises(kabinet.InvalidInputError) as e2:
        kabinet.Kabinet(policy={"max_custom_roles": 1})
    assert e2.value.code == "policy.malformed"


def test_query_results_have_the_shapes_the_stubs_declare(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    account = k.account(head)
    assert account is not None
    assert set(account) == {"id", "name", "level", "status", "snils", "inn", "email", "phone"}
    assert set(account["name"]) == {"surname", "given_name", "patronymic"}
    assert account["email"] == {"value": "head@example.ru", "confirmed": True}
    o = k.organization(org)
    assert o is not None
    assert set(o) == {
        "id", "kind", "requisites", "status", "submitted_by", "head", "activated_at",
        "members", "custom_roles", "access_groups",
    }
    assert set(o["requisites"]) == {
        "full_name", "inn", "kpp", "ogrn", "ogrnip", "legal_address", "actual_address",
        "phone", "email", "bank", "head",
    }
    member = k.membership(org, head)
    assert member is not None
    assert set(member) == {"account", "standing", "status", "roles", "grants", "rights", "position", "joined_at"}
    inv = k.invite_employee(as_(head), org, surname="Новиков", given_name="Иван", email="n@example.ru")
    invitation = k.invitation(inv)
    assert invitation is not None
    assert set(invitation) == {
        "id", "org", "invitee", "name", "position", "roles", "invited_by", "sent_at", "expires_at",
    }
    assert k.accounts()[0]["id"] == head and k.organizations()[0]["id"] == org
    assert k.account_by_snils("112-233-445 95") == account


def _bound_certificate(fingerprint: str, snils: str, inn: Optional[str]) -> Dict[str, Any]:
    """A certificate as `BoundCertificate.from_report` records it (qualified, valid until mid-2027)."""
    holder: Dict[str, str] = {"snils": snils, "organization_inn": COMPANY_INN, "ogrn": "1027700132195"}
    if inn is not None:
        holder["inn"] = inn
    return {
        "fingerprint": fingerprint,
        "serial": "6e",
        "issuer": "CN=Аккредитованный УЦ (тест)",
        "subject": "CN=Сотрудник",
        "holder": holder,
        "not_before": "2025-06-01T00:00:00Z",
        "not_after": "2027-06-01T00:00:00Z",
        "level": "qualified",
    }


def test_check_uses_a_certificate_bound_to_the_actor(world: World) -> None:
    k, head, org = world.k, world.head, world.org
    fingerprint = "ab" * 32
    sig = kabinet.Signature.bound(fingerprint)
    assert sig.bound_certificate == fingerprint and sig.level == "simple"
    assert kabinet.Signature.simple().bound_certificate is None
    # Not bound yet: the fingerprint gives nothing.
    d = k.check(head, org, "reports.approve", T0, sig)
    assert d.refusal_codes == ["access.certificate_not_bound"]
    assert d.refusals[0].details == {"refusal": "certificate_not_bound", "fingerprint": fingerprint}

    bind = {
        "command": "certificate",
        "certificate_command": "bind",
        "org": org,
        "account": head,
        "certificate": _bound_certificate(fingerprint, "11223344595", "770712345633"),
    }
    events = k.execute(bind, as_(head))
    assert [(e["event"], e["certificate_event"]) for e in events] == [("certificate", "bound")]
    # Bound to the head: its КЭП counts, whatever the case of the fingerprint.
    assert k.check(head, org, "reports.approve", T0, sig).allowed
    assert k.check(head, org, "reports.approve", T0, kabinet.Signature.bound(fingerprint.upper())).allowed
    # A level given with the evidence caps the bound one.
    capped = kabinet.Signature("enhanced", snils="112-233-445 95", bound_certificate=fingerprint)
    assert k.check(head, org, "reports.approve", T0, capped).refusal_codes == ["access.signature_too_weak"]
    # Past its notAfter at the time of the check.
    late = datetime(2027, 6, 2, tzinfo=timezone.utc)
    assert "access.certificate_expired" in k.check(head, org, "reports.approve", late, sig).refusal_codes
    # Not the certificate of another employee.
    acc = person(k, "Бухова", "001-001-997 00", "502400123477", "b@example.ru")
    world.hire(acc, ["accountant"])
    assert k.check(acc, org, "accounting.approve", T0, sig).refusal_codes == ["access.certificate_not_bound"]
    # Unbound: refused again.
    unbind = {"command": "certificate", "certificate_command": "unbind", "org": org, "account": head,
              "fingerprint": fingerprint}
    k.execute(unbind, as_(head))
    assert k.check(head, org, "reports.approve", T0, sig).refusal_codes == ["access.certificate_not_bound"]


def test_confirming_an_identity_is_one_command_whole_or_nothing() -> None:
    k = kabinet.Kabinet()
    a = k.register_account("Новиков", "Иван", None, snils="001-001-997 00", at=T0)
    events = k.confirm_identity(a, at=T0)
    assert [e["level"] for e in events] == ["standard", "confirmed"]
    no_snils = k.register_account("Безснилсов", "Иван", None, at=T0)
    with pytest.raises(kabinet.AccountError) as e:
        k.confirm_identity(no_snils, at=T0)
    assert e.value.code == "account.level_transition"
    account = k.account(no_snils)
    assert account is not None and account["level"] == "simplified", "not even the first step"


def test_wrong_host_types_for_numbers_are_coded_errors(world: World) -> None:
    k, org = world.k, world.org
    for wrong, code in [
        (True, "id.not_an_integer"),
        (1.0, "id.not_an_integer"),
        ("1", "id.not_an_integer"),
        (2**70, "id.out_of_range"),
        (-1, "id.out_of_range"),
    ]:
        with pytest.raises(kabinet.InvalidInputError) as e:
            k.check(wrong, org, "users.view", T0)  # type: ignore[arg-type]
        assert e.value.code == code, wrong
        with pytest.raises(kabinet.InvalidInputError) as e2:
            kabinet.Context.account(wrong, T0)  # type: ignore[arg-type]
        assert e2.value.code == code, wrong
    assert k.check(world.head, org, "users.view", T0).allowed


def test_a_query_is_data_read_strictly_and_refused_with_codes(world: World) -> None:
    k, org = world.k, world.org
    assert k.query({"query": "organizations_of", "account": world.head}) == [org]
    assert k.query({"query": "power_count"}, T0) == k.power_count() == 0
    assert k.query({"query": "members", "organization": org}) == k.members(org)
    wrongs: List[tuple[Dict[str, Any], str]] = [
        ({"query": "account", "account": True}, "query.malformed"),
        ({"query": "account", "account": 2**70}, "query.malformed"),
        ({"query": "account", "account": -1}, "query.malformed"),
        ({"query": "accounts", "valid_untill": "2027-01-01"}, "query.unknown_field"),
        ({"query": "everything"}, "query.malformed"),
        ({"query": "power", "power": "1"}, "power.bad_number"),
    ]
    for wrong, code in wrongs:
        with pytest.raises(kabinet.InvalidInputError) as e:
            k.query(wrong)
        assert e.value.code == code, wrong
    with pytest.raises(kabinet.IdentifierError) as bad_snils:
        k.query({"query": "account_by_snils", "snils": "00200000116"})
    assert bad_snils.value.code == "snils.checksum"
    with pytest.raises(kabinet.KabinetError) as refused:
        k.query({"query": "verify_power", "power": "00000000-0000-0000-0000-000000000009"}, T0)
    assert refused.value.code == "delegation.not_found"
    with pytest.raises(kabinet.InvalidInputError):
        k.query({"query": "power_count"}, "2026-01-01")  # type: ignore[arg-type]


def test_hostile_objects_are_refused_by_their_shape_not_by_a_crash(world: World) -> None:
    """A dict nested far deeper than JSON allows, a list that contains
    itself, a structure that shares its parts 2**40 times over and values
    with no JSON form (a set, an object, a key that is not a string, NaN, a
    lone surrogate, an integer past 64 bits) are each refused with the form's code, in bounded
    time, by the query and the command readers alike."""
    import time

    deep: Any = 0
    for _ in range(200_000):
        deep = [deep]
    cyclic: List[Any] = []
    cyclic.append(cyclic)
    shared: Any = [0]
    for _ in range(40):
        shared = [shared, shared]
    k = world.k
    system = kabinet.Context.system(T0)
    not_json = ({1, 2}, object(), {1: "a key JSON cannot hold"}, float("nan"), "\ud800", 2**64)
    for hostile in (deep, cyclic, shared, *not_json):
        started = time.monotonic()
        with pytest.raises(kabinet.InvalidInputError) as q:
            k.query({"query": "account", "account": hostile})
        assert q.value.code == "query.malformed"
        with pytest.raises(kabinet.InvalidInputError) as c:
            k.execute({"command": "confirm_identity", "account": hostile}, system)
        assert c.value.code == "command.malformed"
        assert time.monotonic() - started < 5.0, hostile
    # Refused by the reader itself, before the form is read: a lone
    # surrogate where a СНИЛС (a string) is due is not an identifier error,
    # and a key that is not a string is not an unknown field.
    queries: List[Any] = [{"query": "account_by_snils", "snils": "\ud800"}, {"query": "power_count", 1: 2}]
    for query in queries:
        with pytest.raises(kabinet.InvalidInputError) as r:
            k.query(query)
        assert r.value.code == "query.malformed", query
    # At the limit of JSON's own nesting a value still reads.
    nested: Any = 1
    for _ in range(100):
        nested = {"x": nested}
    with pytest.raises(kabinet.InvalidInputError) as e:
        k.query({"query": "account", "account": nested})
    assert e.value.code == "query.malformed" and "nested" not in e.value.message_en
