# SPDX-License-Identifier: GPL-3.0-or-later
"""A kiosk's appointment requests, a duty deputy's answers and call-me-back requests."""

import uuid
from datetime import datetime

from kiosk.domain.tracking import display, new_tracking_code
from tests.helpers.central import CHINA, put_on_roster


def appointment_event(kiosk, code: str, deputy_id: str = "d-1", **body) -> dict:
    personal = {"name": "周九", "mobile": "13611112222", "topic": "加装电梯", "consent": True}
    return {
        "uuid": str(uuid.uuid4()),
        "kind": "appointment",
        "created_at": datetime.now(CHINA).isoformat(timespec="seconds"),
        "body": {
            "code": code,
            "deputy_id": deputy_id,
            "date": "2026-12-07",
            "schedule_id": "weekly",
            "channel": "kiosk",
            "sealed": kiosk.seal(personal),
        }
        | body,
    }


def answer_event(code: str, answer: str, deputy_id: str = "d-1", note: str = "") -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "kind": "appointment_answer",
        "created_at": datetime.now(CHINA).isoformat(timespec="seconds"),
        "body": {"code": code, "deputy_id": deputy_id, "answer": answer, "note": note},
    }


def results(kiosk, events) -> list[str]:
    answer = kiosk.post_events(events)
    assert answer.status_code == 200, answer.text
    return [
        r["status"] + (f": {r['reason']}" if "reason" in r else "")
        for r in answer.json()["results"]
    ]


def test_a_kiosk_appointment_and_the_deputys_answer_reach_the_snapshot(central, kiosk):
    put_on_roster(central, kiosk.station_id, "d-1")
    code = new_tracking_code()
    request = appointment_event(kiosk, code)
    confirm = answer_event(code, "confirmed", note="周一上午见")
    # In one batch, in order; and again (a retry) without a second appointment or step.
    assert results(kiosk, [request, confirm]) == ["created", "created"]
    assert results(kiosk, [request, confirm]) == ["duplicate", "duplicate"]

    (entry,) = kiosk.snapshot().json()["appointments"]
    assert entry["code"] == code and entry["date"] == "2026-12-07"
    assert entry["state"] == "confirmed"
    assert [(s["state"], s["note"]) for s in entry["steps"]] == [
        ("requested", ""),
        ("confirmed", "周一上午见"),
    ]
    assert "contact_check" not in entry  # kiosks ask the server (docs/security.md)
    listing = central.cli("appointments", "list", "--station", kiosk.station_id).stdout
    assert display(code) in listing and "confirmed" in listing and "kiosk" in listing


def test_answers_that_do_not_fit_are_invalid_and_change_nothing(central, kiosk):
    put_on_roster(central, kiosk.station_id, "d-1")
    code = new_tracking_code()
    assert results(kiosk, [appointment_event(kiosk, code)]) == ["created"]
    wrong = results(
        kiosk,
        [
            answer_event(new_tracking_code(), "confirmed"),
            answer_event(code, "confirmed", deputy_id="someone-else"),
            answer_event(code, "maybe"),
        ],
    )
    assert [w.split(":")[0] for w in wrong] == ["invalid"] * 3
    assert "no appointment" in wrong[0] and "another deputy" in wrong[1]
    central.cli("appointments", "done", display(code), ok=False)  # requested: not yet
    central.cli("appointments", "decline", display(code), "--note", "代表出差")
    (entry,) = kiosk.snapshot().json()["appointments"]
    assert entry["state"] == "declined"
    # Staff declined; the deputy's later confirmation offers the meeting again.
    assert results(kiosk, [answer_event(code, "confirmed")]) == ["created"]
    assert kiosk.snapshot().json()["appointments"][0]["state"] == "confirmed"


def test_an_appointment_with_a_used_code_is_a_conflict(kiosk):
    event = kiosk.appeal_event(new_tracking_code())
    assert results(kiosk, [event]) == ["created"]
    clash = appointment_event(kiosk, event["body"]["tracking_code"])
    assert results(kiosk, [clash])[0].startswith("conflict")


def test_a_call_me_back_request_has_no_text(central, kiosk):
    event = kiosk.appeal_event(new_tracking_code(), text="")
    event["body"]["request"] = "callback"
    assert results(kiosk, [event]) == ["created"]
    listing = central.cli("appeals", "list", "--station", kiosk.station_id).stdout
    assert "kiosk/call" in listing
    bad = kiosk.appeal_event(new_tracking_code())
    bad["body"]["request"] = "letter"
    assert results(kiosk, [bad])[0].startswith("invalid")
