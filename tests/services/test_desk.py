# SPDX-License-Identifier: GPL-3.0-or-later
"""The duty desk's service on a real SQLite database: each write is one transaction with its
outbox event and answers with what the console and home show after it."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from kiosk.domain.appointments import Appointment
from kiosk.domain.attendance import Reason
from kiosk.services.desk import DutyDesk, Refused
from kiosk.store.appointments import record_appointment
from kiosk.store.database import open_database

NOW = datetime(2026, 11, 23, 9, 30)
TODAY = NOW.date()


def desk(tmp_path, demo: bool = True) -> DutyDesk:
    return DutyDesk(open_database(tmp_path / "kiosk.sqlite3"), demo, lambda: NOW)


def kinds(service: DutyDesk) -> list[str]:
    with service.database.read() as connection:
        return [kind for (kind,) in connection.execute("SELECT kind FROM outbox ORDER BY id")]


def test_a_right_pin_signs_in_and_answers_with_the_console_and_who_is_present(tmp_path):
    service = desk(tmp_path)
    done = service.record_pin("d1", True, TODAY)
    assert done.signed_in == {"d1": NOW} and done.figures["present"] == 1
    assert done.console is not None and done.console.records_today == 0
    signed_in, figures = service.sign_out("d1", Reason.MANUAL, NOW, TODAY)
    assert signed_in == {} and figures["present"] == 0
    assert kinds(service) == ["attendance", "attendance"]


def test_a_wrong_pin_is_counted_and_nothing_is_sent(tmp_path):
    service = desk(tmp_path)
    done = service.record_pin("d1", False, TODAY)
    assert done.console is None and done.signed_in is None
    assert kinds(service) == []


def test_a_record_is_saved_sealed_and_the_console_counts_it(tmp_path):
    service = desk(tmp_path)
    read = service.record_reception("d1", 2, "加装电梯", "王大爷说", "", TODAY)
    assert read.records_today == 1
    assert kinds(service) == ["reception_record"]
    with pytest.raises(Refused) as refused:
        service.record_reception("d1", 2, "", "", "", TODAY)
    assert refused.value.problem == "topic/empty"


def test_a_kiosk_neither_enrolled_nor_in_demo_keeps_no_record(tmp_path):
    with pytest.raises(Refused) as refused:
        desk(tmp_path, demo=False).record_reception("d1", 1, "电梯", "", "", TODAY)
    assert refused.value.problem == "console/not_enrolled"


def test_an_answer_changes_the_request_and_only_the_deputys_own(tmp_path):
    service = desk(tmp_path)
    asked = Appointment.new("d1", TODAY, "weekly", NOW.astimezone())
    with service.database.begin() as connection:
        record_appointment(connection, asked, b"sealed", "check")
    with pytest.raises(Refused) as refused:
        service.answer_appointment("d2", asked.code, "confirmed", "", TODAY)
    assert refused.value.problem == "state"
    read = service.answer_appointment("d1", asked.code, "confirmed", "", TODAY)
    assert [row.state for row in read.asked] == ["confirmed"]
    assert kinds(service) == ["appointment", "appointment_answer"]


def test_closing_time_signs_out_who_is_still_signed_in(tmp_path):
    service = desk(tmp_path)
    service.record_pin("d1", True, TODAY)
    late = DutyDesk(service.database, True, lambda: datetime(2026, 11, 23, 18, 5))
    gone, (signed_in, _) = late.sign_out_overdue(time(18, 0), date(2026, 11, 23))
    assert gone == ["d1"] and signed_in == {}
