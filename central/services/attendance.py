# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies' events from the kiosks: attendance and reception records (docs/sync-api.md).

Each parser reads an event's body with the domain's schema (kiosk.domain.events) and returns
the row to store with it, or raises InvalidEvent with the reason the kiosk gets back.
"""

from __future__ import annotations

from datetime import datetime

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Attendance, ReceptionRecord
from central.services.incoming import IncomingEvent, open_personal
from kiosk.domain.events import AttendanceBody, ReceptionNotes, ReceptionRecordBody


def parse_attendance(event: IncomingEvent, station_id: str) -> Attendance:
    sent = AttendanceBody.from_body(event.body)
    return Attendance(
        station_id=station_id,
        deputy_id=sent.deputy_id,
        action=sent.action.value,
        reason=sent.reason.value,
        at=event.created_at,
    )


def parse_reception_record(
    event: IncomingEvent, station_id: str, key: PrivateKey
) -> ReceptionRecord:
    sent = ReceptionRecordBody.from_body(event.body)
    notes = ReceptionNotes.from_personal(open_personal(sent.sealed, key))
    return ReceptionRecord(
        station_id=station_id,
        deputy_id=sent.deputy_id,
        at=event.created_at,
        visitors=sent.visitors,
        topic=sent.topic,
        tracking_codes=list(sent.tracking_codes),
        notes=notes.notes,
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
