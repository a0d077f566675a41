# SPDX-License-Identifier: GPL-3.0-or-later
"""Taking in a kiosk's outbox events: idempotent on the event's UUID (docs/sync-api.md).

Each event gets its own result and its own savepoint, so a malformed or conflicting event
never stops the others. Two requests carrying the same UUID at once race on the unique
constraint; the loser reads the winner's row and answers duplicate or conflict.

What each kind does is its handler's business (KINDS: kind -> EventKind, the parsers living
with their service: appeals, appointments, attendance); this module only stores, in order.
"""

from __future__ import annotations

import logging
import uuid as uuid_module
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.models import Appeal, Appointment, Event
from central.services.appeals import due_on_now, holiday_table, parse_appeal, received_due_on
from central.services.appointments import apply_answer, parse_appointment
from central.services.attendance import parse_attendance, parse_reception_record
from central.services.incoming import IncomingEvent, InvalidEvent, check_on_roster
from central.services.notifications import appeal_received, appointment_requested, batched
from kiosk.domain.snapshot_delta import canonical_json

log = logging.getLogger(__name__)

MAX_EVENT_CHARS = 64_000
EARLIEST_EVENT_YEAR, LATEST_EVENT_YEAR = 2000, 2099


@dataclass(frozen=True)
class EventKind:
    """How the server takes one kind of event."""

    # The new row the event adds (its event_id set when stored), or None.
    parse: Callable[[IncomingEvent, str, PrivateKey], Any]
    # Its change to rows that exist already, in the event's savepoint.
    apply: Callable[[Session, IncomingEvent, str], None] | None = None
    # The tracking code its row takes (one code, one appeal or appointment, ever).
    code: Callable[[Any], str] | None = None
    # Changes rows beyond its own: taken one at a time, in order (`take_event`).
    one_at_a_time: bool = False
    # Names a deputy (its row's deputy_id) who must be on the sending station's roster.
    by_deputy: bool = False


def _adds_nothing(event: IncomingEvent, station_id: str, key: PrivateKey) -> None:
    return None


KINDS: dict[str, EventKind] = {
    "appeal": EventKind(parse_appeal, code=lambda appeal: appeal.tracking_code),
    "appointment": EventKind(
        parse_appointment, code=lambda appointment: appointment.code, one_at_a_time=True
    ),
    "appointment_answer": EventKind(_adds_nothing, apply=apply_answer, one_at_a_time=True),
    "attendance": EventKind(
        lambda event, station_id, key: parse_attendance(event, station_id), by_deputy=True
    ),
    "reception_record": EventKind(parse_reception_record, by_deputy=True),
}


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
    if not isinstance(kind, str) or kind not in KINDS:
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


def code_taken(session: Session, code: str) -> bool:
    """Is `code` already an appeal's or an appointment's? (One progress page serves both.)"""
    return bool(
        session.scalar(select(Appeal.id).where(Appeal.tracking_code == code))
        or session.scalar(select(Appointment.id).where(Appointment.code == code))
    )


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
    try:
        event = parse_event(raw)
        repeat = _repeat(session, event, station_id)
        if repeat is not None:
            return result | repeat
        kind = KINDS[event.kind]
        record = kind.parse(event, station_id, key)
        if kind.by_deputy:
            check_on_roster(session, station_id, record.deputy_id)
        code = kind.code(record) if kind.code is not None and record is not None else ""
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
                if isinstance(record, Appeal):  # its review's due date, by the one rule
                    received_due_on(session, record)
                session.add(record)
                session.flush()
                _notify(session, record, row.received_at)
            if kind.apply is not None:
                kind.apply(session, event, station_id)
                session.flush()
    except InvalidEvent as error:  # the answer did not fit the appointment: nothing kept
        return result | {"status": "invalid", "reason": str(error)}
    except IntegrityError:
        # Another request stored the same uuid (or tracking code) between our look and insert.
        repeat = _repeat(session, event, station_id)
        if repeat is None:
            repeat = {"status": "conflict", "reason": "tracking code already used"}
        return result | repeat
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
    if any(_one_at_a_time(raw) for raw in raws):
        return [take_event(session, raw, station_id, device_id, key) for raw in raws]
    try:
        with session.begin_nested():
            return _take_together(session, raws, station_id, device_id, key)
    except IntegrityError:
        return [take_event(session, raw, station_id, device_id, key) for raw in raws]


def _one_at_a_time(raw: Any) -> bool:
    kind = KINDS.get(str(raw.get("kind"))) if isinstance(raw, dict) else None
    return kind is not None and kind.one_at_a_time


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
    new: list[tuple[Event, Any, str]] = []
    for result, event in zip(results, events, strict=True):
        if event is None:
            continue
        if event.uuid in stored:  # sent before, or twice in this batch
            result |= _compared(*stored[event.uuid], event, station_id)
            continue
        kind = KINDS[event.kind]
        try:
            record = kind.parse(event, station_id, key)
            if kind.by_deputy:
                check_on_roster(session, station_id, record.deputy_id)
        except InvalidEvent as error:
            result |= {"status": "invalid", "reason": str(error)}
            continue
        stored[event.uuid] = (station_id, event.canonical)
        row = _event_row(event, station_id, device_id)
        code = kind.code(record) if kind.code is not None and record is not None else ""
        new.append((row, record, code))
        result["status"] = "created"
    codes = [code for _, _, code in new if code]
    taken = set(
        session.scalars(select(Appeal.tracking_code).where(Appeal.tracking_code.in_(codes)))
    ) | set(session.scalars(select(Appointment.code).where(Appointment.code.in_(codes))))
    if taken or len(set(codes)) != len(codes):
        # Rare: a tracking code used before. Let the one-at-a-time path sort out which.
        raise IntegrityError("tracking code used before", None, Exception())
    session.add_all(row for row, _, _ in new)
    session.flush()
    holidays = holiday_table(session) if codes else {}
    for row, record, _ in new:
        if record is not None:
            record.event_id = row.id
            if isinstance(record, Appeal):  # its review's due date, by the one rule
                record.due_on = due_on_now(record, holidays)
            session.add(record)
    session.flush()
    with batched(session):
        for row, record, _ in new:
            _notify(session, record, row.received_at)
    return results


def _notify(session: Session, record: Any, now: datetime) -> None:
    """The station's staff hear of a new appeal or appointment request (in this transaction)."""
    if isinstance(record, Appeal):
        appeal_received(session, record, now=now)
    elif isinstance(record, Appointment):
        appointment_requested(session, record, now=now)
