# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking in a kiosk's outbox events: idempotent on the event's UUID (docs/sync-api.md).

Each event gets its own result and its own savepoint, so a malformed or conflicting event
never stops the others. Two requests carrying the same UUID at once race on the unique
constraint; the loser reads the winner's row and answers duplicate or conflict.
"""

from __future__ import annotations

import logging
import uuid as uuid_module
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.appeals import AppealState
from central.appointments import AnswerRefused, AppointmentState, answer_appointment
from central.attendance import parse_deputy_event
from central.core.db import touch_stations
from central.core.security import UnsealError, open_sealed
from central.models import Appeal, AppealStep, Appointment, AppointmentStep, Deputy, Event
from central.snapshot import canonical_json
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code

log = logging.getLogger(__name__)

KINDS = ("appeal", "appointment", "appointment_answer", "attendance", "reception_record")
# Kinds that change rows beyond their own: taken one at a time, in order (`take_event`).
ONE_AT_A_TIME = {"appointment", "appointment_answer"}
MAX_EVENT_CHARS = 64_000
EARLIEST_EVENT_YEAR, LATEST_EVENT_YEAR = 2000, 2099
PERSONAL_FIELDS = {"name": 100, "mobile": 32, "text": 10_000, "address": 1_000}
APPOINTMENT_FIELDS = {"name": 100, "mobile": 32, "topic": 2_000}


class InvalidEvent(ValueError):
    """An event the server cannot take; the message is the reason sent back to the kiosk."""


@dataclass(frozen=True)
class IncomingEvent:
    uuid: str
    kind: str
    created_at: datetime
    body: dict[str, Any]
    canonical: str


def parse_event(raw: Any) -> IncomingEvent:
    if not isinstance(raw, dict):
        raise InvalidEvent("an event is a JSON object")
    try:
        event_uuid = str(uuid_module.UUID(raw["uuid"]))
    except KeyError:
        raise InvalidEvent("uuid: missing") from None
    except (TypeError, ValueError, AttributeError):
        raise InvalidEvent("uuid: not a UUID") from None
    kind = raw.get("kind")
    if kind not in KINDS:
        raise InvalidEvent(f"kind: one of {', '.join(KINDS)}")
    created_text = raw.get("created_at")
    try:
        created_at = datetime.fromisoformat(created_text)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InvalidEvent("created_at: not an ISO 8601 date and time") from None
    if created_at.tzinfo is None:
        raise InvalidEvent("created_at: the offset from UTC is missing")
    try:  # year 1 at +08:00 is before the first moment a datetime can hold in UTC
        in_utc = created_at.astimezone(UTC)
    except OverflowError:
        in_utc = None
    if in_utc is None or not EARLIEST_EVENT_YEAR <= in_utc.year <= LATEST_EVENT_YEAR:
        raise InvalidEvent(
            f"created_at: not a time a kiosk could have taken it "
            f"({EARLIEST_EVENT_YEAR} to {LATEST_EVENT_YEAR})"
        )
    body = raw.get("body")
    if not isinstance(body, dict):
        raise InvalidEvent("body: missing or not an object")
    canonical = canonical_json({"kind": kind, "created_at": created_text, "body": body})
    if len(canonical) > MAX_EVENT_CHARS:
        raise InvalidEvent(f"the event is longer than {MAX_EVENT_CHARS} characters")
    return IncomingEvent(event_uuid, kind, created_at, body, canonical)


def _text(body: dict[str, Any], key: str, limit: int, where: str, required: bool = True) -> str:
    value = body.get(key, None if required else "")
    if not isinstance(value, str):
        raise InvalidEvent(f"{where}{key}: {'missing or ' if required else ''}not a text")
    if len(value) > limit:
        raise InvalidEvent(f"{where}{key}: longer than {limit} characters")
    return value


def parse_appeal(event: IncomingEvent, station_id: str, key: PrivateKey) -> Appeal:
    """The appeal an event's body describes, its sealed personal part opened."""
    body = event.body
    try:
        code = parse_tracking_code(_text(body, "tracking_code", 16, "body."))
    except InvalidTrackingCode as error:
        raise InvalidEvent(f"body.tracking_code: {error}") from None
    category = _text(body, "category", 100, "body.").strip()
    if not category:
        raise InvalidEvent("body.category: empty")
    block = _text(body, "block", 200, "body.", required=False)
    target = body.get("target_deputy_id")
    if target is not None and (not isinstance(target, str) or len(target) > 64):
        raise InvalidEvent("body.target_deputy_id: not a deputy id")
    if body.get("channel") != "kiosk":
        raise InvalidEvent("body.channel: must be kiosk")
    request = body.get("request", "appeal")
    if request not in ("appeal", "callback"):
        raise InvalidEvent("body.request: appeal or callback")
    fields = _personal(body, key, PERSONAL_FIELDS)
    appeal = Appeal(
        station_id=station_id,
        tracking_code=code,
        category=category,
        block=block,
        target_deputy_id=target,
        channel="kiosk",
        request=request,
        created_at=event.created_at,
        state=AppealState.RECEIVED,
        due_on=None,
        contact_name=fields["name"],
        contact_mobile=fields["mobile"],
        text=fields["text"],
        address=fields["address"],
        consent=True,
    )
    appeal.steps.append(AppealStep(state=AppealState.RECEIVED, at=event.created_at, actor="kiosk"))
    return appeal


def _personal(body: dict[str, Any], key: PrivateKey, limits: dict[str, int]) -> dict[str, str]:
    """The sealed personal part of a body, opened and checked (consent included)."""
    sealed = body.get("sealed")
    if not isinstance(sealed, str):
        raise InvalidEvent("body.sealed: missing or not a text")
    try:
        personal = open_sealed(key, sealed)
    except UnsealError as error:
        raise InvalidEvent(f"body.{error}") from None
    if not isinstance(personal, dict):
        raise InvalidEvent("body.sealed: the personal part is not an object")
    fields = {name: _text(personal, name, limit, "sealed.") for name, limit in limits.items()}
    if personal.get("consent") is not True:
        raise InvalidEvent("sealed.consent: the visitor's consent is missing")
    return fields


def _code(body: dict[str, Any], key: str) -> str:
    try:
        return parse_tracking_code(_text(body, key, 16, "body."))
    except InvalidTrackingCode as error:
        raise InvalidEvent(f"body.{key}: {error}") from None


def parse_appointment(event: IncomingEvent, station_id: str, key: PrivateKey) -> Appointment:
    """The appointment request an event's body describes, its personal part opened."""
    body = event.body
    code = _code(body, "code")
    deputy_id = _text(body, "deputy_id", 64, "body.")
    if not deputy_id:
        raise InvalidEvent("body.deputy_id: empty")
    try:
        day = date.fromisoformat(_text(body, "date", 10, "body."))
    except ValueError:
        raise InvalidEvent("body.date: not a date like 2026-11-30") from None
    schedule_id = body.get("schedule_id")
    if schedule_id is not None and (not isinstance(schedule_id, str) or len(schedule_id) > 64):
        raise InvalidEvent("body.schedule_id: not a schedule id")
    channel = body.get("channel")
    if channel not in ("kiosk", "qr"):
        raise InvalidEvent("body.channel: kiosk or qr")
    fields = _personal(body, key, APPOINTMENT_FIELDS)
    appointment = Appointment(
        station_id=station_id,
        code=code,
        deputy_id=deputy_id,
        day=day,
        schedule_id=schedule_id,
        channel=channel,
        created_at=event.created_at,
        state=AppointmentState.REQUESTED,
        contact_name=fields["name"],
        contact_mobile=fields["mobile"],
        topic=fields["topic"],
    )
    appointment.steps.append(
        AppointmentStep(state=AppointmentState.REQUESTED, at=event.created_at, actor=channel)
    )
    return appointment


def code_taken(session: Session, code: str) -> bool:
    """Is `code` already an appeal's or an appointment's? (One progress page serves both.)"""
    return bool(
        session.scalar(select(Appeal.id).where(Appeal.tracking_code == code))
        or session.scalar(select(Appointment.id).where(Appointment.code == code))
    )


def check_on_roster(session: Session, station_id: str, deputy_id: str) -> None:
    """A deputy's sign-in, record or answer names a deputy of the sending kiosk's station (a
    device token speaks for its own station only; issue 17 §13)."""
    found = session.scalar(
        select(Deputy.id).where(Deputy.station_id == station_id, Deputy.deputy_id == deputy_id)
    )
    if found is None:
        raise InvalidEvent("body.deputy_id: not a deputy of this station")


def apply_answer(session: Session, event: IncomingEvent, station_id: str) -> None:
    """A duty deputy's answer to an appointment, from a kiosk's console."""
    body = event.body
    code = _code(body, "code")
    deputy_id = _text(body, "deputy_id", 64, "body.")
    answer = body.get("answer")
    if answer not in ("confirmed", "declined"):
        raise InvalidEvent("body.answer: confirmed or declined")
    note = _text(body, "note", 2_000, "body.", required=False)
    appointment = session.scalars(
        select(Appointment).where(Appointment.code == code, Appointment.station_id == station_id)
    ).one_or_none()
    if appointment is None:
        raise InvalidEvent("body.code: no appointment with this code at this station")
    if appointment.deputy_id != deputy_id:
        raise InvalidEvent("body.deputy_id: the appointment is with another deputy")
    check_on_roster(session, station_id, deputy_id)
    try:
        answer_appointment(
            session,
            appointment,
            AppointmentState(answer),
            note=note,
            actor=f"deputy {deputy_id}",
            now=event.created_at,
        )
    except AnswerRefused as error:
        raise InvalidEvent(str(error)) from None


def _repeat(session: Session, event: IncomingEvent, station_id: str) -> dict[str, str] | None:
    """The result for an event whose UUID the server already has, or None if it is new."""
    stored = session.scalars(select(Event).where(Event.uuid == event.uuid)).one_or_none()
    if stored is None:
        return None
    return _compared(stored.station_id, stored.canonical, event, station_id)


def _compared(
    stored_station_id: str, stored_canonical: str, event: IncomingEvent, station_id: str
) -> dict[str, str]:
    """An event arriving again: a harmless duplicate, or a conflict, never merged."""
    if stored_station_id != station_id:
        return {"status": "conflict", "reason": "this uuid belongs to another station's event"}
    if stored_canonical != event.canonical:
        log.warning("event %s: conflict (same uuid, another body)", event.uuid)
        return {"status": "conflict", "reason": "this uuid was sent before with another body"}
    return {"status": "duplicate"}


def take_event(
    session: Session, raw: Any, station_id: str, device_id: str, key: PrivateKey
) -> dict[str, str]:
    """Store one event (in a savepoint of `session`) and say what became of it."""
    raw_uuid = raw.get("uuid") if isinstance(raw, dict) else None
    result: dict[str, str] = {"uuid": raw_uuid if isinstance(raw_uuid, str) else ""}
    record: Appeal | Appointment | None = None
    try:
        event = parse_event(raw)
        repeat = _repeat(session, event, station_id)
        if repeat is not None:
            return result | repeat
        if event.kind == "appeal":
            record = parse_appeal(event, station_id, key)
        elif event.kind == "appointment":
            record = parse_appointment(event, station_id, key)
        deputy_row = parse_deputy_event(event, station_id, key)
        if deputy_row is not None:
            check_on_roster(session, station_id, deputy_row.deputy_id)
        code = record.tracking_code if isinstance(record, Appeal) else getattr(record, "code", "")
        if code and code_taken(session, code):
            return result | {"status": "conflict", "reason": "tracking code already used"}
    except InvalidEvent as error:
        return result | {"status": "invalid", "reason": str(error)}
    row = _event_row(event, station_id, device_id)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            if record is not None:
                record.event_id = row.id
                session.add(record)
                session.flush()
            elif event.kind == "appointment_answer":
                apply_answer(session, event, station_id)
                session.flush()
            if deputy_row is not None:
                deputy_row.event_id = row.id
                session.add(deputy_row)
                session.flush()
    except InvalidEvent as error:  # the answer did not fit the appointment: nothing kept
        return result | {"status": "invalid", "reason": str(error)}
    except IntegrityError:
        # Another request stored the same uuid (or tracking code) between our look and insert.
        repeat = _repeat(session, event, station_id)
        if repeat is None:
            repeat = {"status": "conflict", "reason": "tracking code already used"}
        return result | repeat
    if record is not None:
        touch_stations(session, station_id)
    return result | {"status": "created"}


def _event_row(event: IncomingEvent, station_id: str, device_id: str) -> Event:
    return Event(
        uuid=event.uuid,
        station_id=station_id,
        device_id=device_id,
        kind=event.kind,
        created_at=event.created_at,
        canonical=event.canonical,
        received_at=datetime.now(UTC),
    )


def take_events(
    session: Session, raws: list[Any], station_id: str, device_id: str, key: PrivateKey
) -> list[dict[str, str]]:
    """Store a batch of events; one result per event, in order.

    The usual batch (new events) costs a handful of statements in all, not several per event.
    If another request stores one of the same uuids or tracking codes at the same moment,
    the batch is taken again one event at a time, each in its own savepoint (`take_event`).
    """
    if any(isinstance(raw, dict) and raw.get("kind") in ONE_AT_A_TIME for raw in raws):
        return [take_event(session, raw, station_id, device_id, key) for raw in raws]
    try:
        with session.begin_nested():
            return _take_together(session, raws, station_id, device_id, key)
    except IntegrityError:
        return [take_event(session, raw, station_id, device_id, key) for raw in raws]


def _take_together(
    session: Session, raws: list[Any], station_id: str, device_id: str, key: PrivateKey
) -> list[dict[str, str]]:
    results: list[dict[str, str]] = []
    events: list[IncomingEvent | None] = []
    for raw in raws:
        raw_uuid = raw.get("uuid") if isinstance(raw, dict) else None
        results.append({"uuid": raw_uuid if isinstance(raw_uuid, str) else ""})
        try:
            events.append(parse_event(raw))
        except InvalidEvent as error:
            results[-1] |= {"status": "invalid", "reason": str(error)}
            events.append(None)
    uuids = [event.uuid for event in events if event is not None]
    stored = {
        uuid: (stored_station, canonical)
        for uuid, stored_station, canonical in session.execute(
            select(Event.uuid, Event.station_id, Event.canonical).where(Event.uuid.in_(uuids))
        )
    }
    new: list[tuple[Event, Appeal | None, Any]] = []
    for result, event in zip(results, events, strict=True):
        if event is None:
            continue
        if event.uuid in stored:  # sent before, or twice in this batch
            result |= _compared(*stored[event.uuid], event, station_id)
            continue
        try:
            appeal = parse_appeal(event, station_id, key) if event.kind == "appeal" else None
            deputy_row = parse_deputy_event(event, station_id, key)
            if deputy_row is not None:
                check_on_roster(session, station_id, deputy_row.deputy_id)
        except InvalidEvent as error:
            result |= {"status": "invalid", "reason": str(error)}
            continue
        stored[event.uuid] = (station_id, event.canonical)
        row = _event_row(event, station_id, device_id)
        new.append((row, appeal, deputy_row))
        result["status"] = "created"
    codes = [appeal.tracking_code for _, appeal, _ in new if appeal is not None]
    taken = set(
        session.scalars(select(Appeal.tracking_code).where(Appeal.tracking_code.in_(codes)))
    ) | set(session.scalars(select(Appointment.code).where(Appointment.code.in_(codes))))
    if taken or len(set(codes)) != len(codes):
        # Rare: a tracking code used before. Let the one-at-a-time path sort out which.
        raise IntegrityError("tracking code used before", None, Exception())
    session.add_all(row for row, _, _ in new)
    session.flush()
    for row, appeal, deputy_row in new:
        if appeal is not None:
            appeal.event_id = row.id
            session.add(appeal)
        if deputy_row is not None:
            deputy_row.event_id = row.id
            session.add(deputy_row)
    session.flush()
    if codes:
        touch_stations(session, station_id)
    return results
