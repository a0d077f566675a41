# SPDX-License-Identifier: GPL-3.0-or-later
"""The server takes duty deputies' attendance and reception records; staff list them."""

import uuid

from kiosk.domain.tracking import display, new_tracking_code
from tests.helpers.central import put_on_roster


def _event(kind, body, created_at="2026-11-23T09:30:00+08:00"):
    return {"uuid": str(uuid.uuid4()), "kind": kind, "created_at": created_at, "body": body}


def attendance(deputy_id, action, reason, created_at):
    body = {"deputy_id": deputy_id, "action": action, "reason": reason}
    return _event("attendance", body, created_at)


def test_attendance_is_stored_and_listed_by_month(central, kiosk):
    put_on_roster(central, kiosk.station_id, "d1", "d2")
    events = [
        attendance("d1", "sign_in", "pin", "2026-11-23T09:02:00+08:00"),
        attendance("d1", "sign_out", "idle", "2026-11-23T11:40:00+08:00"),
        attendance("d2", "sign_in", "pin", "2026-12-01T08:55:00+08:00"),
    ]
    results = kiosk.post_events(events).json()["results"]
    assert [r["status"] for r in results] == ["created"] * 3
    assert kiosk.post_events(events[:1]).json()["results"][0]["status"] == "duplicate"

    listed = central.cli("attendance", "list", "--station", kiosk.station_id, "--month", "2026-11")
    lines = listed.stdout.splitlines()
    assert "2026-11-23 09:02  sign_in   pin           d1 代表 d1" in lines
    assert "2026-11-23 11:40  sign_out  idle          d1 代表 d1" in lines
    assert "d2" not in listed.stdout
    assert lines[-1] == "2 sign-ins and sign-outs"


def test_bad_attendance_and_records_are_invalid_with_a_reason(kiosk):
    bad = [
        attendance("d1", "arrive", "pin", "2026-11-23T09:02:00+08:00"),
        attendance("d1", "sign_out", "lunch", "2026-11-23T09:02:00+08:00"),
        attendance("", "sign_in", "pin", "2026-11-23T09:02:00+08:00"),
        _event("reception_record", {"deputy_id": "d1", "visitors": 0, "topic": "x", "sealed": ""}),
        _event(
            "reception_record",
            {"deputy_id": "d1", "visitors": 1, "topic": " ", "sealed": kiosk.seal({"notes": ""})},
        ),
        _event(
            "reception_record",
            {
                "deputy_id": "d1",
                "visitors": 1,
                "topic": "电梯",
                "tracking_codes": ["K7QM4XPD0"],
                "sealed": kiosk.seal({"notes": ""}),
            },
        ),
        _event(
            "reception_record",
            {"deputy_id": "d1", "visitors": 1, "topic": "电梯", "sealed": "bm90IGEgYm94"},
        ),
    ]
    results = kiosk.post_events(bad).json()["results"]
    reasons = [r["reason"] for r in results]
    assert [r["status"] for r in results] == ["invalid"] * len(bad)
    assert reasons[0].startswith("body.action")
    assert reasons[1].startswith("body.reason")
    assert reasons[2].startswith("body.deputy_id")
    assert reasons[3].startswith("body.visitors")
    assert reasons[4].startswith("body.topic")
    assert reasons[5].startswith("body.tracking_codes")
    assert reasons[6].startswith("body.sealed")


def test_reception_records_are_stored_with_their_notes_opened(central, kiosk):
    put_on_roster(central, kiosk.station_id, "d1")
    code = new_tracking_code()
    record = _event(
        "reception_record",
        {
            "deputy_id": "d1",
            "visitors": 3,
            "topic": "加装电梯",
            "tracking_codes": [code],
            "sealed": kiosk.seal({"notes": "3幢居民反映加装电梯进度", "consent": True}),
        },
    )
    assert kiosk.post_events([record]).json()["results"][0]["status"] == "created"
    listed = central.cli("receptions", "list", "--station", kiosk.station_id).stdout
    assert f"2026-11-23 09:30         3  d1 代表 d1 / 加装电梯 / {display(code)}" in listed
    assert "3幢居民" not in listed  # notes only when asked for
    with_notes = central.cli("receptions", "list", "--station", kiosk.station_id, "--notes")
    assert "notes: 3幢居民反映加装电梯进度" in with_notes.stdout
    assert with_notes.stdout.splitlines()[-1] == "1 reception records, 3 visitors"


def test_a_bad_month_is_refused_plainly(central, kiosk):
    result = central.cli(
        "attendance", "list", "--station", kiosk.station_id, "--month", "11/2026", ok=False
    )
    assert result.returncode == 1
    assert "--month: '11/2026' is not a month like 2026-11" in result.stderr
