# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk fleet: plain-language causes and colours from the heartbeat at an injected time,
and alerts that fire once per episode (a kiosk that stops its heartbeat turns red and fires
ONE alert; it fires again only after it came back and fell silent again)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from central.core.config import CHINA_TIME, Settings
from central.models import AuditEntry, Device, KioskAlert
from central.services import fleet
from central.services.devices import record_heartbeat
from tests.central.services.conftest import FRIDAY

SETTINGS = Settings(data_dir=None, kiosk_silent_hours=24)  # type: ignore[arg-type]


def beat(at, **changes):
    """A heartbeat as a healthy kiosk sends it at `at` (its clock right)."""
    body = {
        "version": "1.4.0",
        "last_pull": at.isoformat(),
        "last_push": at.isoformat(),
        "outbox": {"pending": 0, "sent": 12, "quarantined": 0},
        "quarantined_items": [],
        "disk_free_bytes": 20 * 1024**3,
        "disk_low": False,
        "snapshot_refused": "",
        "clock": at.astimezone(CHINA_TIME).isoformat(),
    }
    return body | changes


def add_kiosk(world, device_id="k1", station="a", at=FRIDAY):
    world.session.add(
        Device(
            id=device_id,
            station_id=station,
            name="大厅一体机",
            token_hash=device_id * 8,
            enrolled_at=at - timedelta(days=30),
        )
    )
    world.session.flush()


def health(world, now, device_id="k1"):
    found = fleet.kiosk(world.session, device_id, now)
    assert found is not None
    return found


def test_a_healthy_kiosk_is_green(world):
    add_kiosk(world)
    record_heartbeat(world.session, "k1", beat(FRIDAY), FRIDAY)
    shown = health(world, FRIDAY + timedelta(minutes=2))
    assert (shown.colour, shown.cause) == ("green", "正常")
    assert shown.station_name == "联络站A" and shown.region_name == "文昌街道"
    assert shown.version == "1.4.0" and shown.disk_free_bytes == 20 * 1024**3


def test_silence_turns_yellow_then_red_with_days_in_words(world):
    add_kiosk(world)
    record_heartbeat(world.session, "k1", beat(FRIDAY), FRIDAY)
    assert health(world, FRIDAY + timedelta(hours=2)).cause == "2 小时未联网"
    assert health(world, FRIDAY + timedelta(hours=2)).colour == "yellow"
    three_days = health(world, FRIDAY + timedelta(days=3, hours=1))
    assert (three_days.colour, three_days.cause) == ("red", "3 天未联网")
    assert three_days.cause_in("en") == "offline for 3 days"


def test_disk_clock_and_quarantined_items_are_said_plainly(world):
    add_kiosk(world)
    slow = FRIDAY - timedelta(hours=2, minutes=3)
    body = beat(
        slow,
        disk_free_bytes=300 * 1024**2,
        outbox={"pending": 3, "sent": 40, "quarantined": 1},
        quarantined_items=[
            {"kind": "appeal", "reason": "invalid: body.category: empty", "created_at": None}
        ],
    )
    record_heartbeat(world.session, "k1", body, FRIDAY)
    shown = health(world, FRIDAY + timedelta(minutes=1))
    assert shown.colour == "red"
    assert (
        shown.cause == "1 条记录无法发送：invalid: body.category: empty；时钟慢了 2 小时；磁盘快满"
    )
    assert shown.cause_in("en") == (
        "1 record(s) the server refused: invalid: body.category: empty; clock 2 hours slow;"
        " disk almost full"
    )
    full = beat(FRIDAY + timedelta(minutes=7), disk_low=True, disk_free_bytes=10 * 1024**2)
    record_heartbeat(world.session, "k1", full, FRIDAY)
    shown = health(world, FRIDAY + timedelta(minutes=1))
    assert shown.cause == "磁盘已满，不再接收新的反映；时钟快了 7 分钟"
    assert shown.cause_in("en") == "disk full: no new appeals taken; clock 7 minutes fast"


def test_a_revoked_kiosk_is_grey_and_never_alerts(world):
    add_kiosk(world)
    world.session.get(Device, "k1").revoked_at = FRIDAY
    assert health(world, FRIDAY + timedelta(days=9)).colour == "grey"
    assert fleet.alerts_due(world.session, FRIDAY + timedelta(days=9), 24) == []


def test_a_kiosk_that_stops_its_heartbeat_turns_red_and_fires_one_alert(world):
    add_kiosk(world)
    add_kiosk(world, "k2", station="b")
    sent: list[fleet.KioskAlertDue] = []
    now = FRIDAY
    # Both kiosks beat every ten minutes for a day; then k1 stops, k2 goes on.
    for step in range(6 * 24 * 3):
        now = FRIDAY + timedelta(minutes=10 * step)
        if step < 6 * 24:
            record_heartbeat(world.session, "k1", beat(now), now)
        record_heartbeat(world.session, "k2", beat(now), now)
        fleet.fire_alerts(world.session, now, SETTINGS, sent.append)
    assert health(world, now).colour == "red"
    assert health(world, now, "k2").colour == "green"
    assert [(a.device_id, a.kind, a.message) for a in sent] == [("k1", "silent", "1 天未联网")]
    assert sent[0].text == "kiosk alert: station 联络站A（a）, 1 天未联网"

    # It comes back: the episode ends, nothing new fires; silent again: one more alert.
    record_heartbeat(world.session, "k1", beat(now), now)
    assert fleet.fire_alerts(world.session, now, SETTINGS, sent.append) == 0
    later = now + timedelta(hours=25)
    record_heartbeat(world.session, "k2", beat(later), later)
    assert fleet.fire_alerts(world.session, later, SETTINGS, sent.append) == 1
    assert fleet.fire_alerts(world.session, later + timedelta(hours=1), SETTINGS, sent.append) == 0
    assert len(sent) == 2
    rows = world.session.scalars(select(KioskAlert).order_by(KioskAlert.id)).all()
    assert [(r.kind, r.cleared_at is None) for r in rows] == [("silent", False), ("silent", True)]


def test_quarantined_items_fire_once_and_a_failed_send_is_tried_again(world):
    add_kiosk(world)
    body = beat(
        FRIDAY,
        outbox={"pending": 0, "sent": 1, "quarantined": 2},
        quarantined_items=[{"kind": "appeal", "reason": "conflict: tracking code already used"}],
    )
    record_heartbeat(world.session, "k1", body, FRIDAY)

    def broken(_alert):
        raise OSError("channel down")

    assert fleet.fire_alerts(world.session, FRIDAY, SETTINGS, broken) == 0
    sent: list[fleet.KioskAlertDue] = []
    assert fleet.fire_alerts(world.session, FRIDAY, SETTINGS, sent.append) == 1
    assert fleet.fire_alerts(world.session, FRIDAY, SETTINGS, sent.append) == 0
    assert sent[0].message == "2 条记录无法发送：conflict: tracking code already used"


def test_a_technician_sees_and_acts_on_the_kiosks_of_their_region_only(world):
    from central.models import Station
    from central.services.accounts import NewAccount, create_account
    from central.services.audit import Who
    from central.services.permissions import Refused
    from tests.central.services.conftest import PASSWORD

    add_kiosk(world)
    add_kiosk(world, "k2", station="b")
    region_a = world.session.get(Station, "a").region_id
    account = create_account(
        world.session,
        NewAccount("tech-a", "Tech A", "technician", region_id=region_a),
        PASSWORD,
        now=FRIDAY,
    )
    who = Who(account, "127.0.0.1")
    assert [k.device_id for k in fleet.visible_fleet(world.session, who, FRIDAY)] == ["k1"]
    with pytest.raises(Refused):
        fleet.visible_kiosk(world.session, who, "k2", FRIDAY)
    with pytest.raises(Refused):
        fleet.revoke(world.session, who, "k2", FRIDAY)
    with pytest.raises(Refused):
        fleet.issue_code(world.session, who, "b", FRIDAY)
    code, _until = fleet.issue_code(world.session, who, "a", FRIDAY)
    assert len(code) >= 8
    assert fleet.revoke(world.session, who, "k1", FRIDAY) is True
    assert fleet.revoke(world.session, who, "k1", FRIDAY) is False
    actions = world.session.scalars(select(AuditEntry.action)).all()
    assert actions.count("kiosk.revoke") == 1 and "kiosk.enrolment_code" in actions
    for login in ("staff-a", "viewer", "reviewer"):
        with pytest.raises(Refused):
            fleet.visible_fleet(world.session, world.who(login), FRIDAY)
