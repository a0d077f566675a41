# SPDX-License-Identifier: GPL-3.0-or-later
"""The outbox events' bodies, once (docs/sync-api.md): one dataclass per kind, written by the
kiosk (`to_body`) and read by the server (`from_body`), the way kiosk.domain.snapshot works for
the snapshot.

`from_body` checks a body as the server takes it and raises `InvalidBody` with the reason the
kiosk gets back ("body.category: empty"). A body's personal part travels sealed for the server
(base64 in `sealed`); its fields are the `*Personal` classes, which the server reads once it
has opened them (`from_personal`).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from kiosk.domain.appeals import Appeal
from kiosk.domain.appointment_states import DEPUTY_ANSWERS
from kiosk.domain.appointments import Appointment, AppointmentAnswer
from kiosk.domain.attendance import (
    MAX_CODES,
    MAX_NOTES,
    MAX_TOPIC,
    MAX_VISITORS,
    Action,
    AttendanceEvent,
    Reason,
    ReceptionRecord,
)
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code

DEPUTY_ID_LIMIT = 64
SCHEDULE_ID_LIMIT = 64
ANSWER_NOTE_LIMIT = 2_000  # the server's; a kiosk's deputy writes at most NOTE_LIMIT (200)


class InvalidBody(ValueError):
    """An event the server cannot take; the message is the reason sent back to the kiosk."""


Body = dict[str, Any]


def sealed_text(sealed: bytes) -> str:
    """A sealed personal part as a body carries it: base64."""
    return base64.b64encode(sealed).decode("ascii")


def text_field(body: Body, key: str, limit: int, where: str, required: bool = True) -> str:
    """A text of at most `limit` characters (`where`: "body." or "sealed.", for the reason)."""
    value = body.get(key, None if required else "")
    if not isinstance(value, str):
        raise InvalidBody(f"{where}{key}: {'missing or ' if required else ''}not a text")
    if len(value) > limit:
        raise InvalidBody(f"{where}{key}: longer than {limit} characters")
    return value


def code_field(body: Body, key: str) -> str:
    """A tracking code, normalised."""
    try:
        return parse_tracking_code(text_field(body, key, 16, "body."))
    except InvalidTrackingCode as error:
        raise InvalidBody(f"body.{key}: {error}") from None


def _sealed(body: Body) -> str:
    sealed = body.get("sealed")
    if not isinstance(sealed, str):
        raise InvalidBody("body.sealed: missing or not a text")
    return sealed


def _deputy_id(body: Body) -> str:
    deputy_id = body.get("deputy_id")
    if not isinstance(deputy_id, str) or not 0 < len(deputy_id) <= DEPUTY_ID_LIMIT:
        raise InvalidBody("body.deputy_id: missing or not a deputy id")
    return deputy_id


def _personal(personal: Any, limits: dict[str, int]) -> dict[str, str]:
    """A visitor's opened personal part: its fields checked, and their consent."""
    if not isinstance(personal, dict):
        raise InvalidBody("body.sealed: the personal part is not an object")
    fields = {name: text_field(personal, name, limit, "sealed.") for name, limit in limits.items()}
    if personal.get("consent") is not True:
        raise InvalidBody("sealed.consent: the visitor's consent is missing")
    return fields


# --- appeal ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class AppealPersonal:
    """What an appeal seals: who asks and how to reach them, and what happened."""

    LIMITS: ClassVar[dict[str, int]] = {"name": 100, "mobile": 32, "text": 10_000, "address": 1_000}

    name: str
    mobile: str
    text: str
    address: str = ""

    def to_personal(self) -> Body:
        return {
            "name": self.name,
            "mobile": self.mobile,
            "text": self.text,
            "address": self.address,
            "consent": True,
        }

    @classmethod
    def from_personal(cls, personal: Any) -> AppealPersonal:
        return cls(**_personal(personal, cls.LIMITS))


@dataclass(frozen=True)
class AppealBody:
    KIND: ClassVar[str] = "appeal"

    tracking_code: str
    category: str
    block: str
    target_deputy_id: str | None
    request: str  # "appeal", or "callback": the visitor asks to be called back
    sealed: str  # base64 of the sealed AppealPersonal
    channel: str = "kiosk"

    @classmethod
    def of(cls, appeal: Appeal, sealed: bytes) -> AppealBody:
        return cls(
            appeal.tracking_code,
            appeal.category,
            appeal.block,
            appeal.target_deputy_id,
            appeal.request,
            sealed_text(sealed),
            appeal.channel,
        )

    def to_body(self) -> Body:
        return {
            "tracking_code": self.tracking_code,
            "category": self.category,
            "block": self.block,
            "target_deputy_id": self.target_deputy_id,
            "channel": self.channel,
            "request": self.request,
            "sealed": self.sealed,
        }

    @classmethod
    def from_body(cls, body: Body) -> AppealBody:
        code = code_field(body, "tracking_code")
        category = text_field(body, "category", 100, "body.").strip()
        if not category:
            raise InvalidBody("body.category: empty")
        block = text_field(body, "block", 200, "body.", required=False)
        target = body.get("target_deputy_id")
        if target is not None and (not isinstance(target, str) or len(target) > DEPUTY_ID_LIMIT):
            raise InvalidBody("body.target_deputy_id: not a deputy id")
        if body.get("channel") != "kiosk":
            raise InvalidBody("body.channel: must be kiosk")
        request = body.get("request", "appeal")
        if request not in ("appeal", "callback"):
            raise InvalidBody("body.request: appeal or callback")
        return cls(code, category, block, target, request, _sealed(body))


# --- appointment ----------------------------------------------------------------------------


@dataclass(frozen=True)
class AppointmentPersonal:
    """What an appointment request seals."""

    LIMITS: ClassVar[dict[str, int]] = {"name": 100, "mobile": 32, "topic": 2_000}

    name: str
    mobile: str
    topic: str

    def to_personal(self) -> Body:
        return {"name": self.name, "mobile": self.mobile, "topic": self.topic, "consent": True}

    @classmethod
    def from_personal(cls, personal: Any) -> AppointmentPersonal:
        return cls(**_personal(personal, cls.LIMITS))


@dataclass(frozen=True)
class AppointmentBody:
    KIND: ClassVar[str] = "appointment"

    code: str
    deputy_id: str
    date: date
    schedule_id: str | None
    channel: str  # "kiosk" or "qr"
    sealed: str  # base64 of the sealed AppointmentPersonal

    @classmethod
    def of(cls, appointment: Appointment, sealed: bytes) -> AppointmentBody:
        return cls(
            appointment.code,
            appointment.deputy_id,
            appointment.date,
            appointment.schedule_id,
            appointment.channel,
            sealed_text(sealed),
        )

    def to_body(self) -> Body:
        return {
            "code": self.code,
            "deputy_id": self.deputy_id,
            "date": self.date.isoformat(),
            "schedule_id": self.schedule_id,
            "channel": self.channel,
            "sealed": self.sealed,
        }

    @classmethod
    def from_body(cls, body: Body) -> AppointmentBody:
        code = code_field(body, "code")
        deputy_id = text_field(body, "deputy_id", DEPUTY_ID_LIMIT, "body.")
        if not deputy_id:
            raise InvalidBody("body.deputy_id: empty")
        try:
            day = date.fromisoformat(text_field(body, "date", 10, "body."))
        except ValueError:
            raise InvalidBody("body.date: not a date like 2026-11-30") from None
        schedule_id = body.get("schedule_id")
        if schedule_id is not None and (
            not isinstance(schedule_id, str) or len(schedule_id) > SCHEDULE_ID_LIMIT
        ):
            raise InvalidBody("body.schedule_id: not a schedule id")
        channel = body.get("channel")
        if channel not in ("kiosk", "qr"):
            raise InvalidBody("body.channel: kiosk or qr")
        return cls(code, deputy_id, day, schedule_id, channel, _sealed(body))


@dataclass(frozen=True)
class AppointmentAnswerBody:
    """A duty deputy's confirm or decline of an appointment request."""

    KIND: ClassVar[str] = "appointment_answer"

    code: str
    deputy_id: str
    answer: str  # one of kiosk.domain.appointment_states.DEPUTY_ANSWERS
    note: str

    @classmethod
    def of(cls, answer: AppointmentAnswer) -> AppointmentAnswerBody:
        return cls(answer.code, answer.deputy_id, answer.answer, answer.note)

    def to_body(self) -> Body:
        return {
            "code": self.code,
            "deputy_id": self.deputy_id,
            "answer": self.answer,
            "note": self.note,
        }

    @classmethod
    def from_body(cls, body: Body) -> AppointmentAnswerBody:
        code = code_field(body, "code")
        deputy_id = text_field(body, "deputy_id", DEPUTY_ID_LIMIT, "body.")
        answer = body.get("answer")
        if not isinstance(answer, str) or answer not in DEPUTY_ANSWERS:
            raise InvalidBody("body.answer: confirmed or declined")
        note = text_field(body, "note", ANSWER_NOTE_LIMIT, "body.", required=False)
        return cls(code, deputy_id, answer, note)


# --- a duty deputy's ------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceBody:
    """A deputy signed in or out (the event's created_at says when)."""

    KIND: ClassVar[str] = "attendance"

    deputy_id: str
    action: Action
    reason: Reason

    @classmethod
    def of(cls, event: AttendanceEvent) -> AttendanceBody:
        return cls(event.deputy_id, event.action, event.reason)

    def to_body(self) -> Body:
        return {"deputy_id": self.deputy_id, "action": self.action.value, "reason": self.reason}

    @classmethod
    def from_body(cls, body: Body) -> AttendanceBody:
        deputy_id = _deputy_id(body)
        if body.get("action") not in tuple(Action):
            raise InvalidBody(f"body.action: one of {', '.join(Action)}")
        if body.get("reason") not in tuple(Reason):
            raise InvalidBody(f"body.reason: one of {', '.join(Reason)}")
        return cls(deputy_id, Action(body["action"]), Reason(body["reason"]))


@dataclass(frozen=True)
class ReceptionNotes:
    """What a reception record seals: the deputy's notes (they may name visitors)."""

    notes: str

    @classmethod
    def of(cls, record: ReceptionRecord) -> ReceptionNotes:
        return cls(record.notes)

    def to_personal(self) -> Body:
        return {"notes": self.notes, "consent": True}

    @classmethod
    def from_personal(cls, personal: Any) -> ReceptionNotes:
        if not isinstance(personal, dict) or not isinstance(personal.get("notes"), str):
            raise InvalidBody("sealed.notes: missing or not a text")
        if len(personal["notes"]) > MAX_NOTES:
            raise InvalidBody(f"sealed.notes: longer than {MAX_NOTES} characters")
        return cls(personal["notes"])


@dataclass(frozen=True)
class ReceptionRecordBody:
    """A duty deputy's record of a reception (接待登记)."""

    KIND: ClassVar[str] = "reception_record"

    deputy_id: str
    visitors: int
    topic: str
    tracking_codes: tuple[str, ...]
    sealed: str  # base64 of the sealed ReceptionNotes

    @classmethod
    def of(cls, record: ReceptionRecord, sealed: bytes) -> ReceptionRecordBody:
        return cls(
            record.deputy_id,
            record.visitors,
            record.topic,
            record.tracking_codes,
            sealed_text(sealed),
        )

    def to_body(self) -> Body:
        return {
            "deputy_id": self.deputy_id,
            "visitors": self.visitors,
            "topic": self.topic,
            "tracking_codes": list(self.tracking_codes),
            "sealed": self.sealed,
        }

    @classmethod
    def from_body(cls, body: Body) -> ReceptionRecordBody:
        deputy_id = _deputy_id(body)
        visitors = body.get("visitors")
        if not isinstance(visitors, int) or isinstance(visitors, bool):
            raise InvalidBody("body.visitors: missing or not a whole number")
        if not 1 <= visitors <= MAX_VISITORS:
            raise InvalidBody(f"body.visitors: from 1 to {MAX_VISITORS}")
        topic = body.get("topic")
        if not isinstance(topic, str) or not topic.strip():
            raise InvalidBody("body.topic: missing or empty")
        if len(topic) > MAX_TOPIC:
            raise InvalidBody(f"body.topic: longer than {MAX_TOPIC} characters")
        sent = body.get("tracking_codes", [])
        if not isinstance(sent, list) or len(sent) > MAX_CODES:
            raise InvalidBody(f"body.tracking_codes: a list of at most {MAX_CODES} codes")
        try:
            codes = [parse_tracking_code(code) for code in sent if isinstance(code, str)]
        except InvalidTrackingCode as error:
            raise InvalidBody(f"body.tracking_codes: {error}") from None
        if len(codes) != len(sent):
            raise InvalidBody("body.tracking_codes: a code is not a text")
        return cls(deputy_id, visitors, topic.strip(), tuple(codes), _sealed(body))


# Every kind a kiosk sends, by its name on the wire.
BODIES: dict[str, type[Any]] = {
    kind.KIND: kind
    for kind in (
        AppealBody,
        AppointmentBody,
        AppointmentAnswerBody,
        AttendanceBody,
        ReceptionRecordBody,
    )
}
