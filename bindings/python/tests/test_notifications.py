"""Notifications: preferences, notices queued by the directory's events and
by the host, the outbox, sending hours, delivery reports, reminders."""

from __future__ import annotations

from datetime import timedelta

import pytest

import kabinet
from conftest import T0, World, as_


def _notice(world: World, reference: str = "ref-1") -> dict[str, object]:
    return {
        "category": "deadline_approaching",
        "importance": "high",
        "person": world.head,
        "org": world.org,
        "audience": {"person": True, "administrators": False, "head": False},
        "reference": reference,
        "at": "2026-03-02T09:00:00Z",
    }


def test_preferences_route_a_notice_to_the_outbox_and_history(world: World) -> None:
    k, head = world.k, world.head
    defaults = k.preferences(head)
    assert sorted(defaults["channels"]) == ["email", "push"] and defaults["min_importance"] == "normal"
    k.set_preferences(
        as_(head),
        head,
        {"channels": ["email"], "categories": ["deadline_approaching"], "min_importance": "high"},
    )
    assert k.preferences(head)["channels"] == ["email"]
    before = len(k.outbox())
    queued = k.notify(_notice(world), at=T0)
    assert [e["notification_event"] for e in queued] == ["queued"]
    delivery = queued[0]["delivery"]
    assert delivery["recipient"] == head and delivery["channel"] == "email" and delivery["reference"] == "ref-1"
    assert len(k.outbox()) == before + 1 and len(k.outbox(due_at=T0)) >= 1
    k.mark_sent(delivery["id"], at=T0)
    assert [d["id"] for d in k.outbox()].count(delivery["id"]) == 0
    sent = k.notification_history()[-1]
    assert sent["delivery"]["id"] == delivery["id"] and sent["sent_at"] == "2026-03-02T09:00:00Z"
    with pytest.raises(kabinet.NotificationError) as e:
        k.mark_sent(delivery["id"], at=T0)
    assert e.value.code == "notification.delivery_not_found"


def test_sending_hours_delay_and_bad_hours_are_refused(world: World) -> None:
    k, head = world.k, world.head
    hours = {"from_hour": 12, "to_hour": 18, "utc_offset_minutes": 0}
    k.set_preferences(
        as_(head),
        head,
        {"channels": ["email"], "categories": ["deadline_approaching"], "min_importance": "low", "hours": hours},
    )
    delivery = k.notify(_notice(world, "late"), at=T0)[0]["delivery"]
    assert delivery["not_before"] == "2026-03-02T12:00:00Z"
    assert all(d["id"] != delivery["id"] for d in k.outbox(due_at=T0))
    assert any(d["id"] == delivery["id"] for d in k.outbox(due_at=T0 + timedelta(hours=3)))
    with pytest.raises(kabinet.NotificationError) as e:
        bad = {"from_hour": 25, "to_hour": 3, "utc_offset_minutes": 0}
        k.set_preferences(as_(head), head, {"channels": ["email"], "categories": [], "min_importance": "low", "hours": bad})
    assert e.value.code == "notification.bad_hours"


def test_reminders_of_certificates_and_powers(world: World) -> None:
    certs = [
        {"serial": "01ab", "holder": world.head, "org": world.org, "not_after": "2026-03-20T00:00:00Z"},
        {"serial": "02cd", "holder": world.head, "org": None, "not_after": "2026-06-01T00:00:00Z"},
    ]
    notices = kabinet.certificate_reminders(certs, T0, 30)
    assert [n["reference"] for n in notices] == ["01ab"]
    assert notices[0]["category"] == "certificate_expiring" and notices[0]["audience"]["administrators"] is True
    powers = [("p-1", world.head, T0 + timedelta(days=5)), ("p-2", world.head, T0 + timedelta(days=50))]
    due = kabinet.power_of_attorney_reminders(powers, world.org, T0, 30)
    assert [n["reference"] for n in due] == ["p-1"] and due[0]["audience"]["head"] is True
    queued = world.k.notify(notices[0], at=T0)
    assert queued and queued[0]["delivery"]["category"] == "certificate_expiring"


def test_the_events_of_a_lockout_call_for_notices(world: World) -> None:
    k, head = world.k, world.head
    for _ in range(4):
        k.record_login(head, "password", False, at=T0)
    events = k.record_login(head, "password", False, at=T0)
    notices = k.notices_for(events, at=T0)
    assert {n["category"] for n in notices} >= {"unauthorized_attempt"}
    assert all(n["person"] == head for n in notices)
    assert any(n["importance"] == "critical" for n in notices)
    queued = [q for n in notices for q in k.notify(n, at=T0)]
    assert queued and all(q["delivery"]["recipient"] == head for q in queued)
    assert k.notices_for([], at=T0) == []
    with pytest.raises(kabinet.InvalidInputError) as e:
        k.notices_for([{"event": "no_such_event"}], at=T0)
    assert e.value.code == "event.malformed"
