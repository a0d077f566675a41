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
from datetime import UTC, datetime
from typing import Any

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.appeals import AppealState
from central.attendance import parse_deputy_event
from central.core.db import touch_stations
from central.core.security import UnsealError, open_sealed
from central.models import Appeal, AppealStep, Event
from central.snapshot import canonical_json
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code

log = logging.getLogger(__name__)

KINDS = ("appeal", "appointment", "attendance", "reception_record")
MAX_EVENT_CHARS = 64_000
PERSONAL_FIELDS = {"name": 100, "mobile": 32, "text": 10_000, "address": 1_000}


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
    sealed = body.get("sealed")
    if not isinstance(sealed, str):
        raise InvalidEvent("body.sealed: missing or not a text")
    try:
        personal = open_sealed(key, sealed)
    except UnsealError as error:
        raise InvalidEvent(f"body.{error}") from None
    if not isinstance(personal, dict):
        raise InvalidEvent("body.sealed: the personal part is not an object")
    fields = {
        name: _text(personal, name, limit, "sealed.") for name, limit in PERSONAL_FIELDS.items()
    }
    if personal.get("consent") is not True:
        raise InvalidEvent("sealed.consent: the visitor's consent is missing")
    appeal = Appeal(
        station_id=station_id,
        tracking_code=code,
        category=category,
        block=block,
        target_deputy_id=target,
        channel="kiosk",
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
        appeal = parse_appeal(event, station_id, key) if event.kind == "appeal" else None
        deputy_row = parse_deputy_event(event, station_id, key)
        if appeal is not None and session.scalar(
            select(Appeal.id).where(Appeal.tracking_code == appeal.tracking_code)
        ):
            return result | {"status": "conflict", "reason": "tracking code already used"}
    except InvalidEvent as error:
        return result | {"status": "invalid", "reason": str(error)}
    row = _event_row(event, station_id, device_id)
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
            if appeal is not None:
                appeal.event_id = row.id
                session.add(appeal)
                session.flush()
            if deputy_row is not None:
                deputy_row.event_id = row.id
                session.add(deputy_row)
                session.flush()
    except IntegrityError:
        # Another request stored the same uuid (or tracking code) between our look and insert.
        repeat = _repeat(session, event, station_id)
        if repeat is None:
            repeat = {"status": "conflict", "reason": "tracking code already used"}
        return result | repeat
    if appeal is not None:
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
    )
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
