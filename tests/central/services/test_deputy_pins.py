# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' kiosk PINs from the console (issue 15 §1): a new PIN is handed out once and kept
only as its hash, which the station's kiosks receive at their next pull; a chosen PIN follows
the PIN rule and is typed twice; only the station's staff and reviewers/admins in scope; the
audit log names the deputy, never the PIN."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from central.models import AuditEntry, Deputy, Station
from central.services import deputy_pins
from central.services.permissions import Refused
from central.services.publishing import PublishRefused
from central.services.snapshot import build_document
from tests.central.services.conftest import FRIDAY


def stored_hash(world, deputy_id: str) -> str:
    world.session.flush()
    return world.session.scalar(select(Deputy.pin_hash).where(Deputy.deputy_id == deputy_id))


def test_a_new_pin_is_shown_once_stored_hashed_and_sent_to_kiosks(world):
    before = world.session.get(Station, "a").revision
    [given] = deputy_pins.give_new_pins(world.session, world.who("staff-a"), "a", "a-0", now=FRIDAY)
    assert given.name == "林嘉禾" and len(given.pin) == 6 and given.pin.isdigit()
    pin_hash = stored_hash(world, "a-0")
    assert given.pin not in pin_hash and PasswordHasher().verify(pin_hash, given.pin)
    world.session.expire_all()
    assert world.session.get(Station, "a").revision > before
    document = build_document(world.session, world.session.get(Station, "a"), "http://x", FRIDAY)
    sent = {d["id"]: d["pin_hash"] for d in document["deputies"]}
    assert sent["a-0"] == pin_hash and sent["a-1"] is None
    rows = {r.deputy_id: r.state for r in deputy_pins.pin_rows(world.session, None, "a")}
    assert rows == {"a-0": "set", "a-1": "none"}
    [entry] = world.session.scalars(select(AuditEntry).where(AuditEntry.action == "pin.rotate"))
    assert entry.target == "a/a-0" and given.pin not in entry.detail


def test_a_chosen_pin_follows_the_rule_and_is_typed_twice(world):
    who = world.who("reviewer")
    for pin, again, key in (("12345", "12345", "pin_rule"), ("123456", "654321", "pins_differ")):
        with pytest.raises(PublishRefused) as refused:
            deputy_pins.choose_pin(world.session, who, "b", "b-1", pin, again, now=FRIDAY)
        assert refused.value.key == key
    assert stored_hash(world, "b-1") is None
    deputy_pins.choose_pin(world.session, who, "b", "b-1", "24681357", "24681357", now=FRIDAY)
    assert PasswordHasher().verify(stored_hash(world, "b-1"), "24681357")
    with pytest.raises(PublishRefused) as gone:
        deputy_pins.give_new_pins(world.session, who, "b", "nobody", now=FRIDAY)
    assert gone.value.key == "deputy_gone"


def test_only_the_stations_people_may(world):
    for login in ("staff-b", "viewer", "tech", "deputy-a0"):
        with pytest.raises(Refused):
            deputy_pins.give_new_pins(world.session, world.who(login), "a", "a-0", now=FRIDAY)
    assert stored_hash(world, "a-0") is None
