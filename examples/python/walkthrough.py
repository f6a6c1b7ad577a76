"""A walk through kabinet from Python.

The head of a company and three employees get confirmed accounts; the head
registers the company, the state registry (held in memory here) confirms it;
employees are invited and join; built-in and custom roles are given; and
access decisions are printed with their explanations — refusals included.
Then a power of attorney, a login with a one-time password, an application
returned for a missing document, and the journal of it all, kept in an
SQLite file, verified and exported.

Run: scripts/example-python
"""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import kabinet

AT = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def show(title: str, decision: kabinet.Decision) -> None:
    mark = "✔" if decision.allowed else "✘"
    print(f"  {mark} {title}")
    print(f"      {decision.explain_ru()}")
    print(f"      {decision.explain_en()}")
    for r in decision.refusals:
        print(f"      · {r.code}")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        walk(kabinet.Kabinet.open(Path(folder) / "kabinet.db"))


def walk(k: kabinet.Kabinet) -> None:

    print("1. People register and confirm their identity (ЕСИА)")
    people = {}
    for surname, snils, inn in [
        ("Грефов", "112-233-445 95", "770712345633"),
        ("Админова", "001-001-997 00", None),
        ("Бухова", "001-001-996 00", "502400123477"),
        ("Операторов", "001-001-995 00", None),
    ]:
        account = k.register_account(surname, "Иван", "Петрович", snils=snils, inn=inn, at=AT)
        k.confirm_identity(account, at=AT)
        people[surname] = account
        print(f"   account {account}: {surname}, СНИЛС {kabinet.Snils(snils)}")
    head, admin, accountant, clerk = people.values()

    print("\n2. The head registers the company; the state registry confirms it")
    bad = kabinet.check_identifier("inn", "7707083894")
    print(f"   a mistyped ИНН is caught first: {bad.code} — {bad.message_ru}")
    registry = kabinet.InMemoryRegistry()
    registry.insert(
        full_name="ПАО «Сбербанк»", inn="7707083893", kpp="773601001", ogrn="1027700132195",
        head_surname="Грефов", head_given_name="Иван", head_patronymic="Петрович",
        head_inn="770712345633", head_position="Президент",
    )
    requisites = {
        "full_name": "ПАО Сбербанк", "inn": "7707083893", "kpp": "773601001", "ogrn": "1027700132195",
        "legal_address": "117312, г. Москва, ул. Вавилова, д. 19",
        "head_surname": "Грефов", "head_given_name": "Иван", "head_patronymic": "Петрович",
        "head_inn": "770712345633", "head_position": "Президент",
    }
    as_head = kabinet.Context.account(head, AT)
    org = k.submit_organization(as_head, requisites)
    for event in k.consult_registry(org, registry, at=AT):
        print(f"   event: {event['event']}")

    print("\n3. Employees are invited and join")
    for who, roles in [(admin, ["administrator"]), (accountant, ["accountant"]), (clerk, [])]:
        record = k.account(who)
        assert record is not None
        invitation = k.invite_employee(
            as_head, org, surname=record["name"]["surname"], given_name="Иван",
            snils=record["snils"], roles=roles,
        )
        k.accept_invitation(kabinet.Context.account(who, AT), invitation)
        print(f"   account {who} joined with roles {roles or '—'}")

    print("\n4. Roles: a custom role, and least privilege at work")
    as_admin = kabinet.Context.account(admin, AT)
    role = k.create_custom_role(as_admin, org, "Журнал и сотрудники", ["users.view", "journal.view"])
    k.assign_role(as_admin, org, clerk, role)
    print(f"   the administrator created custom role {role} and gave it to account {clerk}")
    try:
        k.assign_role(as_admin, org, clerk, "accountant")
    except kabinet.CommandError as e:
        print(f"   refused: {e.code} — lacks {len(e.details['missing'])} rights of the role, e.g. {e.details['missing'][0]}")
    try:
        k.dismiss_employee(as_admin, org, head)
    except kabinet.CommandError as e:
        print(f"   refused: {e.code} — {e.message_ru}")

    print("\n5. Decisions, with their explanations")
    show("the head manages users", k.check(head, org, "users.manage", AT))
    show("the clerk reads the journal", k.check(clerk, org, "journal.view", AT))
    show("the clerk approves payments", k.check(clerk, org, "payments.approve", AT))
    show("the accountant files a declaration with a password", k.check(accountant, org, "accounting.approve", AT))
    qualified = kabinet.Signature("qualified", snils="001-001-996 00", organization_inn="7707083893")
    show("… and with her qualified signature (КЭП)", k.check(accountant, org, "accounting.approve", AT, qualified))

    print("\n6. Where the accountant's rights come from")
    for right in k.effective_rights(accountant, org, AT)[:4]:
        sources = ", ".join(f"{b.kind} {b.role}" if b.role else b.kind for b in right.sources)
        print(f"   {right.right}: {sources}")

    print("\n7. A power of attorney for the clerk, and the chain behind a decision")
    head_qes = kabinet.Signature("qualified", snils="112-233-445 95", organization_inn="7707083893")
    number = k.issue_power(
        kabinet.Context.account(head, AT, head_qes), org, clerk, ["payments.view"], valid_until=AT + timedelta(days=30)
    )
    decision = k.check(clerk, org, "payments.view", AT)
    show("the clerk views payments", decision)
    assert decision.delegation is not None
    print(f"   through power {decision.delegation['number']}, until {decision.delegation['valid_until']}")
    expiring = [p["number"] for p in k.powers_expiring_within(org, 31, AT)]
    print(f"   МЧД JSON: {len(k.export_power(number))} characters; expiring within 31 days: {expiring}")

    print("\n8. A login with a one-time password (TOTP), then a session")
    secret = b"12345678901234567890"
    step = kabinet.totp_verify(secret, f"{kabinet.totp(secret, AT):06d}", AT)
    assert step is not None
    k.use_totp_step(clerk, step, at=AT)
    events = k.record_login(clerk, "password_and_code", True, at=AT, ip="192.0.2.7")
    print(f"   events: {[e.get('auth_event') for e in events]}; open sessions: {len(k.sessions(clerk))}")
    try:
        k.use_totp_step(clerk, step, at=AT)
    except kabinet.AuthError as e:
        print(f"   the same code again is refused: {e.code}")

    print("\n9. An application returned for what it lacks")
    as_head_signed = kabinet.Context.account(head, AT, head_qes)
    app = k.create_application(as_head_signed, org, "registration_change", "Смена адреса")
    k.attach_document(as_head_signed, app, "form", "form.pdf", b"%PDF-1.7\n%%EOF\n", signature="qualified")
    missing = kabinet.missing_documents(k.submit_application(as_head_signed, app))
    print(f"   returned, missing: {missing}")

    print("\n10. The journal: verified, and exported for audit")
    head_entry = k.verify_journal()
    print(f"   {head_entry['seq']} entries, chain intact, head {head_entry['hash'][:16]}…")
    csv = k.export_journal("csv", organization=org)
    print(f"   CSV for the company: {len(csv.splitlines()) - 1} rows; first columns: {csv.splitlines()[0][:30]}")


if __name__ == "__main__":
    main()
