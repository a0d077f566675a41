# SPDX-License-Identifier: GPL-3.0-or-later
import base64
import copy
import json
import threading
import uuid
from datetime import datetime

from nacl.public import PrivateKey, SealedBox
from sqlalchemy import func, select

from central.models import Appeal, Base
from kiosk.domain.tracking import display, new_tracking_code
from tests.helpers.central import put_on_roster


def _count(central, table, uuid):
    with central.open_database() as database, database.reader() as session:
        rows = Base.metadata.tables[table]
        return session.scalar(select(func.count()).where(rows.c.uuid == uuid))


def test_an_event_is_created_once_then_duplicate_then_conflict(central, shared_kiosk):
    event = shared_kiosk.appeal_event(new_tracking_code())
    answer = shared_kiosk.post_events([event])
    assert answer.status_code == 200
    assert answer.json() == {"results": [{"uuid": event["uuid"], "status": "created"}]}

    again = shared_kiosk.post_events([event]).json()["results"]
    assert again == [{"uuid": event["uuid"], "status": "duplicate"}]

    other_body = copy.deepcopy(event)
    other_body["body"]["category"] = "环境保护"
    (conflict,) = shared_kiosk.post_events([other_body]).json()["results"]
    assert conflict["status"] == "conflict" and conflict["reason"]
    assert _count(central, "event", event["uuid"]) == 1


def test_malformed_events_are_invalid_and_do_not_stop_the_others(shared_kiosk):
    good = shared_kiosk.appeal_event(new_tracking_code())
    no_uuid = shared_kiosk.appeal_event(new_tracking_code()) | {"uuid": "not-a-uuid"}
    unknown_kind = shared_kiosk.appeal_event(new_tracking_code()) | {"kind": "complaint"}
    naive_time = shared_kiosk.appeal_event(new_tracking_code()) | {
        "created_at": "2026-11-22T10:00:00"
    }
    bad_code = shared_kiosk.appeal_event("K7QM4XPD0")
    garbage_seal = shared_kiosk.appeal_event(new_tracking_code())
    garbage_seal["body"]["sealed"] = "bm90IGEgc2VhbGVkIGJveA=="
    wrong_key = shared_kiosk.appeal_event(new_tracking_code())
    box = SealedBox(PrivateKey.generate().public_key)
    wrong_key["body"]["sealed"] = base64.b64encode(box.encrypt(b"{}")).decode()
    no_mobile = shared_kiosk.appeal_event(new_tracking_code())
    no_mobile["body"]["sealed"] = shared_kiosk.seal(
        {"name": "", "text": "", "address": "", "consent": True}
    )
    no_consent = shared_kiosk.appeal_event(new_tracking_code(), consent=False)
    batch = [
        no_uuid,
        unknown_kind,
        good,
        naive_time,
        bad_code,
        garbage_seal,
        wrong_key,
        no_mobile,
        no_consent,
        "not an object",
    ]

    results = shared_kiosk.post_events(batch).json()["results"]

    assert [r["status"] for r in results] == ["invalid"] * 2 + ["created"] + ["invalid"] * 7
    assert results[2]["uuid"] == good["uuid"]
    reasons = [r.get("reason", "") for r in results]
    assert "uuid" in reasons[0]
    assert "kind" in reasons[1]
    assert "offset" in reasons[3]
    assert "tracking_code" in reasons[4]
    assert "cannot be opened" in reasons[5] and "cannot be opened" in reasons[6]
    assert "mobile" in reasons[7]
    assert "consent" in reasons[8]


def test_the_same_uuid_posted_five_times_at_once_is_one_row(central, shared_kiosk):
    event = shared_kiosk.appeal_event(new_tracking_code())
    start = threading.Barrier(5)
    statuses = []

    def post():
        start.wait()
        statuses.append(shared_kiosk.post_events([event]).json()["results"][0]["status"])

    threads = [threading.Thread(target=post) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == ["created"] + ["duplicate"] * 4
    assert _count(central, "event", event["uuid"]) == 1


def test_the_server_opens_the_sealed_personal_part(central, shared_kiosk):
    code = new_tracking_code()
    event = shared_kiosk.appeal_event(
        code, name="李四", mobile="00098765432", text="楼道灯坏了", address="望江社区5幢"
    )
    assert shared_kiosk.post_events([event]).json()["results"][0]["status"] == "created"
    with central.open_database() as database, database.reader() as session:
        a = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one()
        row = (a.contact_name, a.contact_mobile, a.text, a.address, a.consent, a.category, a.block)
    assert row == ("李四", "00098765432", "楼道灯坏了", "望江社区5幢", True, "交通出行", "文昌社区")


def test_other_kinds_are_stored_as_sent(central, shared_kiosk):
    put_on_roster(central, shared_kiosk.station_id, "d1")
    event = {
        "uuid": str(uuid.uuid4()),
        "kind": "attendance",
        "created_at": "2026-11-22T09:01:00+08:00",
        # The attendance body of docs/sync-api.md (checked since issue 5).
        "body": {"deputy_id": "d1", "action": "sign_in", "reason": "pin"},
    }
    (result,) = shared_kiosk.post_events([event]).json()["results"]
    assert result["status"] == "created"


def test_a_kiosk_cannot_write_to_another_station(central, new_kiosk):
    a, b = new_kiosk(), new_kiosk()
    event = a.appeal_event(new_tracking_code())
    assert a.post_events([event], station_id=b.station_id).status_code == 403
    assert a.post(f"/api/v1/stations/{b.station_id}/heartbeat", {}).status_code == 403
    assert _count(central, "event", event["uuid"]) == 0


def test_a_batch_has_at_most_500_events(shared_kiosk):
    assert shared_kiosk.post_events([{}] * 501).status_code == 422
    assert len(shared_kiosk.post_events([{}] * 500).json()["results"]) == 500


def first_day(appeal):
    return datetime.fromisoformat(appeal["steps"][0]["at"]).date()


def test_appeal_progress_reaches_the_kiosk_in_its_next_snapshot(central, kiosk):
    code = new_tracking_code()
    kiosk.post_events([kiosk.appeal_event(code)])
    first = kiosk.snapshot()
    (appeal,) = first.json()["appeals"]
    assert appeal["tracking_code"] == code and appeal["state"] == "received"
    # Its review is due 1 working day after receipt (DESIGN.md §11).
    assert datetime.fromisoformat(appeal["due_on"]).date() > first_day(appeal)

    central.cli("appeals", "move", display(code), "accepted", "--note", "已受理", "--actor", "张")
    moved = central.cli("appeals", "move", code, "assigned", "--note", "已交林嘉禾代表办理")
    assert "assigned" in moved.stdout and "due" in moved.stdout
    # This server has no holiday table: the due date says it counted weekends only.
    assert "the holiday table does not cover" in moved.stdout

    later = kiosk.snapshot(first.headers["ETag"])
    assert later.status_code == 200
    (appeal,) = later.json()["appeals"]
    assert appeal["state"] == "assigned"
    assert [s["state"] for s in appeal["steps"]] == ["received", "accepted", "assigned"]
    assert appeal["steps"][1]["note"] == "已受理"
    assert datetime.fromisoformat(appeal["steps"][2]["at"]).utcoffset().total_seconds() == 8 * 3600
    assert datetime.fromisoformat(appeal["due_on"]).weekday() < 5
    assert code in central.cli("appeals", "list", "--station", kiosk.station_id).stdout.replace(
        "-", ""
    )

    refused = central.cli("appeals", "move", code, "closed", "--note", "x", ok=False)
    assert refused.returncode == 1
    assert "can move to assigned, replied, referred" in refused.stderr


def test_heartbeat_answers_with_the_server_clock(shared_kiosk):
    answer = shared_kiosk.post(
        f"/api/v1/stations/{shared_kiosk.station_id}/heartbeat",
        {
            "version": "0.1.0",
            "last_pull": None,
            "last_push": None,
            "outbox": {"pending": 3, "sent": 10, "quarantined": 0},
            "disk_free_bytes": 10**10,
            "clock": "2026-11-22T10:00:00+08:00",
        },
    )
    assert answer.status_code == 200
    assert datetime.fromisoformat(answer.json()["clock"]).tzinfo is not None


def test_invalid_json_body_is_a_clear_422(shared_kiosk):
    import requests

    answer = requests.post(
        f"{shared_kiosk.url}/api/v1/stations/{shared_kiosk.station_id}/events",
        data=json.dumps({"events": "nope"}),
        headers=shared_kiosk.headers | {"Content-Type": "application/json"},
        timeout=10,
    )
    assert answer.status_code == 422
