# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests in the local store, the pull's appointments, holidays, lookups."""

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from kiosk.domain.appointments import AnswerProblem, Appointment, AppointmentAnswer
from kiosk.domain.tracking import contact_check, contact_check_matches, new_tracking_code
from kiosk.store import outbox
from kiosk.store.appeals import keep_contact_check
from kiosk.store.appointments import answer_appointment, record_appointment, requests_for_deputy
from kiosk.store.database import open_database
from kiosk.store.progress import Found, look_up
from kiosk.store.rows import AppointmentRow, OutboxItemRow, fetch, fetch_one
from kiosk.store.sync_state import apply_extras, set_state

CHINA = timezone(timedelta(hours=8))


def appointment(connection, code: str) -> AppointmentRow:
    row = fetch_one(connection, AppointmentRow, "SELECT * FROM appointment WHERE code = ?", (code,))
    assert row is not None
    return row


def test_a_deputys_requests_from_a_date_mix_local_and_pulled_ones(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    made = Appointment.new("d1", date(2026, 12, 15), "s1", datetime(2026, 11, 23, 9, tzinfo=CHINA))
    pulled_code = new_tracking_code()
    with database.begin() as connection:
        record_appointment(connection, made, b"sealed", contact_check(made.code, "1234"))
        old = Appointment.new("d1", date(2026, 11, 2), None, datetime(2026, 10, 1, tzinfo=CHINA))
        record_appointment(connection, old, b"sealed", "x")
        apply_extras(
            connection,
            {
                "appointments": [
                    {
                        "code": pulled_code,
                        "deputy_id": "d1",
                        "date": "2026-11-30",
                        "state": "confirmed",
                        "steps": [{"state": "confirmed", "at": "2026-11-22T10:00:00+08:00"}],
                        "contact_check": "c",  # an old server's: ignored
                    },
                    {
                        "code": made.code,
                        "deputy_id": "d1",
                        "date": "2026-12-15",
                        "state": "declined",
                        "steps": [],
                    },
                    {"code": "broken"},  # skipped, not fatal
                ]
            },
        )
    with database.read() as connection:
        found = requests_for_deputy(connection, "d1", date(2026, 11, 23))
        assert [(a.code, a.state) for a in found] == [
            (pulled_code, "confirmed"),
            (made.code, "declined"),
        ]
        assert contact_check_matches(found[1].contact_check, made.code, "1234")  # kept
        assert found[0].contact_check is None
        assert requests_for_deputy(connection, "d2", date(2026, 1, 1)) == []
        event = json.loads(
            connection.execute("SELECT payload FROM outbox ORDER BY id").fetchone()[0]
        )
        assert event["kind"] == "appointment" and event["body"]["code"] == made.code


def test_a_lookup_of_what_was_taken_here_needs_the_right_last_four_digits(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    made = Appointment.new("d1", date(2026, 12, 15), "s1", datetime(2026, 11, 23, 9, tzinfo=CHINA))
    with database.begin() as connection:
        record_appointment(connection, made, b"sealed")
        keep_contact_check(connection, made.code, contact_check(made.code, "0420"))
        set_state(connection, "last_pull", "2026-11-23T08:00:00")
    with database.read() as connection:
        assert look_up(connection, made.code, "0420").progress.state == "unsent"
        wrong = look_up(connection, made.code, "0421")
        assert wrong.found is Found.NOT_HERE and wrong.progress is None
        # An unknown code gets the same answer as wrong digits.
        assert look_up(connection, new_tracking_code(), "0420").found is Found.NOT_HERE
        assert wrong.last_pull == datetime(2026, 11, 23, 8)


def test_only_answers_the_server_accepts_can_be_made():
    at = datetime(2026, 11, 23, 10, tzinfo=CHINA)
    assert AppointmentAnswer.new("C", "d1", "requested", "confirmed", " ok ", at).note == "ok"
    assert AppointmentAnswer.new("C", "d1", "confirmed", "declined", "", at).answer == "declined"
    for state, answer in [("done", "declined"), ("confirmed", "confirmed"), ("requested", "done")]:
        with pytest.raises(AnswerProblem):
            AppointmentAnswer.new("C", "d1", state, answer, "", at)
    with pytest.raises(AnswerProblem) as problem:
        AppointmentAnswer.new("C", "d1", "requested", "declined", "长" * 201, at)
    assert problem.value.code == "note"


def test_an_answer_not_yet_sent_survives_a_pull_of_the_old_state(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    at = datetime(2026, 11, 23, 9, tzinfo=CHINA)
    made = Appointment.new("d1", date(2026, 11, 30), "s1", at)
    pulled = {"code": made.code, "deputy_id": "d1", "date": "2026-11-30", "steps": []}
    with database.begin() as connection:
        record_appointment(connection, made, b"sealed", "x")
    with database.begin() as connection:
        row = appointment(connection, made.code)
        answer = AppointmentAnswer.new(made.code, "d1", row.state, "confirmed", "", at)
        answer_appointment(connection, row, answer)
    with database.begin() as connection:
        apply_extras(connection, {"appointments": [pulled | {"state": "requested"}]})
    with database.begin() as connection:
        answered = appointment(connection, made.code)
        assert answered.state == "confirmed"
        assert [step["state"] for step in answered.steps] == ["requested", "confirmed"]
        items = fetch(connection, OutboxItemRow, "SELECT * FROM outbox ORDER BY id")
        assert json.loads(items[1].payload)["body"] == {
            "code": made.code,
            "deputy_id": "d1",
            "answer": "confirmed",
            "note": "",
        }
        outbox.mark_sent(connection, items, at)
    with database.begin() as connection:  # sent: the server's word counts again
        apply_extras(connection, {"appointments": [pulled | {"state": "declined"}]})
    with database.read() as connection:
        assert appointment(connection, made.code).state == "declined"
