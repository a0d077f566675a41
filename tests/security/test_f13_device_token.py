# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 13: the device token lives in a file of its own (mode 0600), not in kiosk.sqlite3
(an older database's is moved out); a token speaks only for deputies of its own station."""

from __future__ import annotations

import stat
import uuid
from datetime import datetime

from kiosk.domain.tracking import new_tracking_code
from kiosk.store.database import open_database
from kiosk.store.device_token import load_enrolment, token_path
from kiosk.sync.enrolment import enrol
from tests.helpers.central import enrolment_code, put_on_roster


def _files(folder) -> bytes:
    return b"".join(p.read_bytes() for p in folder.glob("kiosk.sqlite3*"))


def test_the_token_is_kept_in_a_file_of_its_own_and_moved_out_of_old_databases(
    central, kiosk, tmp_path
):
    database_path = tmp_path / "kiosk.sqlite3"
    enrolment = enrol(database_path, central.url, enrolment_code(central, kiosk.station_id))
    token = enrolment.device_token.encode()
    path = token_path(database_path)
    assert path.read_bytes() == token
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    database = open_database(database_path)
    with database.read() as connection:
        assert load_enrolment(connection, database_path).device_token == token.decode()
    assert token not in _files(tmp_path)

    # A database of an older version, with the token inside.
    path.unlink()
    with database.begin() as connection:
        connection.execute("UPDATE enrolment SET device_token = ?", (token.decode(),))
    assert token in _files(tmp_path)
    with database.read() as connection:
        assert load_enrolment(connection, database_path).device_token == token.decode()
    assert path.read_bytes() == token and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert token not in _files(tmp_path)


def _deputy_event(kind: str, body: dict) -> dict:
    return {
        "uuid": str(uuid.uuid4()),
        "kind": kind,
        "created_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "body": body,
    }


def test_a_token_signs_in_and_answers_only_as_deputies_of_its_own_station(central, new_kiosk):
    ours, theirs = new_kiosk(), new_kiosk()
    put_on_roster(central, ours.station_id, "ours-1")
    put_on_roster(central, theirs.station_id, "theirs-1")
    sign_in = {"action": "sign_in", "reason": "pin"}
    events = [
        _deputy_event("attendance", {"deputy_id": "ours-1"} | sign_in),
        _deputy_event("attendance", {"deputy_id": "theirs-1"} | sign_in),
        _deputy_event("attendance", {"deputy_id": "nobody"} | sign_in),
    ]
    results = [r["status"] for r in ours.post_events(events).json()["results"]]
    assert results == ["created", "invalid", "invalid"]

    # An appointment at our station made out to a deputy not on our roster: no one answers.
    code = new_tracking_code()
    request = _deputy_event(
        "appointment",
        {
            "code": code,
            "deputy_id": "theirs-1",
            "date": "2026-12-07",
            "schedule_id": None,
            "channel": "kiosk",
            "sealed": ours.seal(
                {"name": "周九", "mobile": "13611112222", "topic": "x", "consent": True}
            ),
        },
    )
    answer = _deputy_event(
        "appointment_answer",
        {"code": code, "deputy_id": "theirs-1", "answer": "confirmed", "note": ""},
    )
    results = ours.post_events([request, answer]).json()["results"]
    print(results)
    assert (
        results[1]["status"] == "invalid" and "not a deputy of this station" in results[1]["reason"]
    )
