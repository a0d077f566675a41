# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies' events from the kiosks: attendance and reception records (docs/sync-api.md).

Each parser checks an event's body and returns the row to store with it, or raises
InvalidEvent with the reason the kiosk gets back.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.security import UnsealError, open_sealed
from central.models import Attendance, ReceptionRecord
from central.services.incoming import IncomingEvent, InvalidEvent
from kiosk.domain.attendance import MAX_CODES, MAX_NOTES, MAX_TOPIC, MAX_VISITORS, Action, Reason
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code


def _deputy_id(body: dict[str, Any]) -> str:
    deputy_id = body.get("deputy_id")
    if not isinstance(deputy_id, str) or not 0 < len(deputy_id) <= 64:
        raise InvalidEvent("body.deputy_id: missing or not a deputy id")
    return deputy_id


def parse_attendance(event: IncomingEvent, station_id: str) -> Attendance:
    body = event.body
    deputy_id = _deputy_id(body)
    if body.get("action") not in tuple(Action):
        raise InvalidEvent(f"body.action: one of {', '.join(Action)}")
    if body.get("reason") not in tuple(Reason):
        raise InvalidEvent(f"body.reason: one of {', '.join(Reason)}")
    return Attendance(
        station_id=station_id,
        deputy_id=deputy_id,
        action=body["action"],
        reason=body["reason"],
        at=event.created_at,
    )


def parse_reception_record(
    event: IncomingEvent, station_id: str, key: PrivateKey
) -> ReceptionRecord:
    body = event.body
    deputy_id = _deputy_id(body)
    visitors = body.get("visitors")
    if not isinstance(visitors, int) or isinstance(visitors, bool):
        raise InvalidEvent("body.visitors: missing or not a whole number")
    if not 1 <= visitors <= MAX_VISITORS:
        raise InvalidEvent(f"body.visitors: from 1 to {MAX_VISITORS}")
    topic = body.get("topic")
    if not isinstance(topic, str) or not topic.strip():
        raise InvalidEvent("body.topic: missing or empty")
    if len(topic) > MAX_TOPIC:
        raise InvalidEvent(f"body.topic: longer than {MAX_TOPIC} characters")
    codes = body.get("tracking_codes", [])
    if not isinstance(codes, list) or len(codes) > MAX_CODES:
        raise InvalidEvent(f"body.tracking_codes: a list of at most {MAX_CODES} codes")
    try:
        codes = [parse_tracking_code(code) for code in codes if isinstance(code, str)]
    except InvalidTrackingCode as error:
        raise InvalidEvent(f"body.tracking_codes: {error}") from None
    if len(codes) != len(body.get("tracking_codes", [])):
        raise InvalidEvent("body.tracking_codes: a code is not a text")
    sealed = body.get("sealed")
    if not isinstance(sealed, str):
        raise InvalidEvent("body.sealed: missing or not a text")
    try:
        personal = open_sealed(key, sealed)
    except UnsealError as error:
        raise InvalidEvent(f"body.{error}") from None
    if not isinstance(personal, dict) or not isinstance(personal.get("notes"), str):
        raise InvalidEvent("sealed.notes: missing or not a text")
    if len(personal["notes"]) > MAX_NOTES:
        raise InvalidEvent(f"sealed.notes: longer than {MAX_NOTES} characters")
    return ReceptionRecord(
        station_id=station_id,
        deputy_id=deputy_id,
        at=event.created_at,
        visitors=visitors,
        topic=topic.strip(),
        tracking_codes=codes,
        notes=personal["notes"],
    )


Period = tuple[datetime, datetime] | None  # [start, end) in UTC; None: all time


def station_attendance(session: Session, station_id: str, period: Period) -> list[Attendance]:
    """The station's sign-ins and sign-outs, oldest first."""
    query = select(Attendance).where(Attendance.station_id == station_id)
    if period:
        query = query.where(Attendance.at >= period[0], Attendance.at < period[1])
    return list(session.scalars(query.order_by(Attendance.at, Attendance.id)))


def station_receptions(session: Session, station_id: str, period: Period) -> list[ReceptionRecord]:
    """The station's reception records (接待登记), oldest first."""
    query = select(ReceptionRecord).where(ReceptionRecord.station_id == station_id)
    if period:
        query = query.where(ReceptionRecord.at >= period[0], ReceptionRecord.at < period[1])
    return list(session.scalars(query.order_by(ReceptionRecord.at, ReceptionRecord.id)))
