# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox events' bodies, once: what the kiosk writes, the server reads back; what the
server refuses, it refuses with the reason the kiosk gets today."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kiosk.domain.appeals import Appeal
from kiosk.domain.appointments import Appointment, AppointmentAnswer
from kiosk.domain.attendance import Action, AttendanceEvent, Reason, ReceptionRecord
from kiosk.domain.events import (
    BODIES,
    AppealBody,
    AppealPersonal,
    AppointmentAnswerBody,
    AppointmentBody,
    AppointmentPersonal,
    AttendanceBody,
    InvalidBody,
    ReceptionNotes,
    ReceptionRecordBody,
)
from kiosk.domain.tracking import new_tracking_code

T0 = datetime(2026, 12, 3, 9, 30)


def test_every_kind_has_one_body_class() -> None:
    assert set(BODIES) == {
        "appeal",
        "appointment",
        "appointment_answer",
        "attendance",
        "reception_record",
    }


def test_an_appeal_body_round_trips() -> None:
    appeal = Appeal.new("s1", "交通出行", T0, block="文昌社区", target_deputy_id="d1")
    body = AppealBody.of(appeal, b"sealed").to_body()
    assert body == {
        "tracking_code": appeal.tracking_code,
        "category": "交通出行",
        "block": "文昌社区",
        "target_deputy_id": "d1",
        "channel": "kiosk",
        "request": "appeal",
        "sealed": "c2VhbGVk",
    }
    assert AppealBody.from_body(body).to_body() == body


def test_an_appointment_and_its_answer_round_trip() -> None:
    appointment = Appointment.new("d1", date(2026, 12, 7), "sch-1", T0)
    body = AppointmentBody.of(appointment, b"x").to_body()
    assert body["date"] == "2026-12-07" and body["channel"] == "kiosk"
    assert AppointmentBody.from_body(body) == AppointmentBody.of(appointment, b"x")
    answer = AppointmentAnswer.new(appointment.code, "d1", "requested", "confirmed", " 请准时 ", T0)
    sent = AppointmentAnswerBody.of(answer).to_body()
    assert sent == {
        "code": appointment.code,
        "deputy_id": "d1",
        "answer": "confirmed",
        "note": "请准时",
    }
    assert AppointmentAnswerBody.from_body(sent).to_body() == sent


def test_a_deputys_events_round_trip() -> None:
    event = AttendanceEvent.new("d1", Action.SIGN_IN, Reason.PIN, T0)
    body = AttendanceBody.of(event).to_body()
    assert body == {"deputy_id": "d1", "action": "sign_in", "reason": "pin"}
    assert AttendanceBody.from_body(body).to_body() == body
    code = new_tracking_code()
    record = ReceptionRecord.new("d1", T0, 2, "加装电梯", "备注", code)
    body = ReceptionRecordBody.of(record, b"x").to_body()
    assert ReceptionRecordBody.from_body(body).to_body() == body
    assert ReceptionNotes.from_personal(ReceptionNotes.of(record).to_personal()).notes == "备注"


def test_personal_parts_round_trip_with_consent() -> None:
    appeal = AppealPersonal("林", "13912345678", "路灯坏了")
    assert appeal.to_personal()["consent"] is True
    assert AppealPersonal.from_personal(appeal.to_personal()) == appeal
    meeting = AppointmentPersonal("林", "13912345678", "")
    assert AppointmentPersonal.from_personal(meeting.to_personal()) == meeting


@pytest.mark.parametrize(
    ("kind", "change", "reason"),
    [
        (AppealBody, {"category": "  "}, "body.category: empty"),
        (AppealBody, {"channel": "qr"}, "body.channel: must be kiosk"),
        (AppealBody, {"request": "other"}, "body.request: appeal or callback"),
        (AppealBody, {"sealed": None}, "body.sealed: missing or not a text"),
        (AppealBody, {"block": 1}, "body.block: not a text"),
        (AppealBody, {"tracking_code": 5}, "body.tracking_code: missing or not a text"),
        (AttendanceBody, {"action": "dance"}, "body.action: one of sign_in, sign_out"),
        (AttendanceBody, {"deputy_id": ""}, "body.deputy_id: missing or not a deputy id"),
        (ReceptionRecordBody, {"visitors": True}, "body.visitors: missing or not a whole number"),
        (ReceptionRecordBody, {"visitors": 1000}, "body.visitors: from 1 to 999"),
        (ReceptionRecordBody, {"tracking_codes": [1]}, "body.tracking_codes: a code is not a text"),
        (AppointmentBody, {"date": "7.12."}, "body.date: not a date like 2026-11-30"),
        (AppointmentBody, {"channel": "web"}, "body.channel: kiosk or qr"),
        (AppointmentAnswerBody, {"answer": "done"}, "body.answer: confirmed or declined"),
    ],
)
def test_a_malformed_body_is_refused_with_the_reason_the_kiosk_gets(
    kind: type, change: dict, reason: str
) -> None:
    code = new_tracking_code()
    good = {
        AppealBody: AppealBody(code, "其他", "", None, "appeal", "eA=="),
        AttendanceBody: AttendanceBody("d1", Action.SIGN_OUT, Reason.IDLE),
        ReceptionRecordBody: ReceptionRecordBody("d1", 1, "话题", (), "eA=="),
        AppointmentBody: AppointmentBody(code, "d1", date(2026, 12, 7), None, "qr", "eA=="),
        AppointmentAnswerBody: AppointmentAnswerBody(code, "d1", "declined", ""),
    }[kind].to_body()
    with pytest.raises(InvalidBody) as refused:
        kind.from_body(good | change)
    assert str(refused.value) == reason


def test_a_personal_part_without_consent_is_refused() -> None:
    personal = AppealPersonal("林", "13912345678", "x").to_personal() | {"consent": False}
    with pytest.raises(InvalidBody, match="sealed.consent: the visitor's consent is missing"):
        AppealPersonal.from_personal(personal)
    with pytest.raises(InvalidBody, match="body.sealed: the personal part is not an object"):
        AppointmentPersonal.from_personal([])
