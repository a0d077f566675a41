# SPDX-License-Identifier: GPL-3.0-or-later
import json
from datetime import datetime, timedelta

from kiosk.demo import DEMO_SERVER_PUBLIC_KEY
from kiosk.domain.attendance import Action, AttendanceEvent, Reason, ReceptionRecord
from kiosk.store import attendance as store
from kiosk.store.database import open_database
from kiosk.store.sync_state import apply_extras

T0 = datetime(2026, 11, 23, 9, 30)


def test_the_last_attendance_of_each_deputy_decides_even_within_the_same_second(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.begin() as connection:
        for deputy, action in [
            ("d1", Action.SIGN_IN),
            ("d2", Action.SIGN_IN),
            ("d1", Action.SIGN_OUT),
        ]:
            reason = Reason.PIN if action == Action.SIGN_IN else Reason.MANUAL
            store.record_attendance(connection, AttendanceEvent.new(deputy, action, reason, T0))
    with database.read() as connection:
        assert store.signed_in(connection) == {"d2": T0}
        kinds = [kind for (kind,) in connection.execute("SELECT kind FROM outbox ORDER BY id")]
    assert kinds == ["attendance"] * 3


def test_wrong_pins_are_kept_and_a_right_pin_ends_only_the_deputys_series(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.begin() as connection:
        for i in range(3):
            store.note_wrong_pin(connection, "d1", T0 + timedelta(seconds=i))
        store.note_wrong_pin(connection, "d2", T0)
        store.note_right_pin(connection, "d1")
    with open_database(tmp_path / "kiosk.sqlite3").read() as connection:  # as after a restart
        mine, everyone = store.wrong_pins(connection, "d1", T0 + timedelta(minutes=1))
        assert mine == []
        assert len(everyone) == 4  # still counts for the whole pad's pace
        assert store.wrong_pins(connection, "d2", T0)[0] == [T0]


def test_a_reception_record_is_saved_with_its_notes_only_sealed(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    record = ReceptionRecord.new("d1", T0, 2, "电梯", "王大爷说", "")
    with database.begin() as connection:
        store.record_reception(connection, record, DEMO_SERVER_PUBLIC_KEY)
    with database.read() as connection:
        assert store.records_on(connection, T0.date(), "d1") == 1
        [(payload,)] = connection.execute("SELECT payload FROM outbox").fetchall()
    assert "王大爷" not in payload.decode()
    assert json.loads(payload)["body"]["topic"] == "电梯"


def test_statistics_are_kept_from_the_pull_and_malformed_ones_ignored(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    good = {
        "month": "2026-11",
        "appeals_received": 12,
        "appeals_solved": 9,
        "satisfaction_rate": None,
    }
    with database.begin() as connection:
        apply_extras(connection, {"statistics": good}, "2026-11-23T08:00:00")
        apply_extras(
            connection, {"statistics": good | {"appeals_solved": -1}}, "2026-11-24T08:00:00"
        )
        apply_extras(connection, {"statistics": "lots"}, "2026-11-24T08:00:00")
    with database.read() as connection:
        assert store.statistics(connection) == (good, "2026-11-23T08:00:00")


def test_month_figures_count_days_with_a_sign_in_and_appeals_taken_here(tmp_path):
    database = open_database(tmp_path / "kiosk.sqlite3")
    with database.begin() as connection:
        for at in (T0, T0 + timedelta(hours=1), T0 + timedelta(days=2), T0 - timedelta(days=30)):
            event = AttendanceEvent.new("d1", Action.SIGN_IN, Reason.PIN, at)
            store.record_attendance(connection, event)
    with database.read() as connection:
        figures = store.month_figures(connection, (T0 + timedelta(days=2)).date())
    assert figures == store.MonthFigures(reception_days=2, appeals_collected=0)
