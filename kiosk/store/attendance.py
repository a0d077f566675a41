# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies in the local store: PIN hashes and wrong PINs, attendance, reception records,
and the figures the station-info screen shows. Each write joins the caller's transaction,
together with its outbox event (DESIGN.md §5)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from kiosk.domain.attendance import PAD_WINDOW, Action, AttendanceEvent, ReceptionRecord
from kiosk.domain.deputy_work import DeputyWork, deputy_work_from_document
from kiosk.domain.events import AttendanceBody, ReceptionNotes, ReceptionRecordBody
from kiosk.store import outbox, station
from kiosk.store.models import (
    AppealRow,
    AttendanceRow,
    PinFailureRow,
    ReceptionRecordRow,
)
from kiosk.store.sync_state import get_state

# Wrong PINs older than this no longer matter to any rule (the longest lock is an hour).
FORGET_FAILURES_AFTER = timedelta(days=1)


def pin_hash(session: Session, deputy_id: str) -> str | None:
    """The deputy's PIN hash, from the station snapshot (kiosk.store.station)."""
    return station.pin_hash(session, deputy_id)


def wrong_pins(session: Session, deputy_id: str, now: datetime) -> tuple[list, list]:
    """(this deputy's wrong PINs in a row, everyone's wrong PINs of the last minutes), oldest
    first: what kiosk.domain.attendance.next_try_at weighs."""
    mine = list(
        session.scalars(
            select(PinFailureRow.failed_at)
            .where(PinFailureRow.deputy_id == deputy_id, PinFailureRow.cleared.is_(False))
            .order_by(PinFailureRow.failed_at)
        )
    )
    everyone = list(
        session.scalars(
            select(PinFailureRow.failed_at)
            .where(PinFailureRow.failed_at > now - PAD_WINDOW)
            .order_by(PinFailureRow.failed_at)
        )
    )
    return mine, everyone


def note_wrong_pin(session: Session, deputy_id: str, now: datetime) -> None:
    session.execute(
        delete(PinFailureRow).where(
            PinFailureRow.failed_at < now - FORGET_FAILURES_AFTER, PinFailureRow.cleared.is_(True)
        )
    )
    session.add(PinFailureRow(deputy_id=deputy_id, failed_at=now, cleared=False))


def note_right_pin(session: Session, deputy_id: str) -> None:
    session.execute(
        update(PinFailureRow)
        .where(PinFailureRow.deputy_id == deputy_id, PinFailureRow.cleared.is_(False))
        .values(cleared=True)
    )


def record_attendance(session: Session, event: AttendanceEvent) -> None:
    """The sign-in or sign-out and its outbox event, in the caller's transaction."""
    session.add(
        AttendanceRow(
            uuid=event.uuid,
            deputy_id=event.deputy_id,
            action=event.action.value,
            reason=event.reason.value,
            at=event.at,
        )
    )
    body = AttendanceBody.of(event)
    outbox.add_event(session, body.KIND, event.uuid, event.at.astimezone(), body.to_body())


def signed_in(session: Session) -> dict[str, datetime]:
    """Deputies whose last attendance is a sign-in: id -> when they signed in."""
    last = select(func.max(AttendanceRow.id)).group_by(AttendanceRow.deputy_id)
    rows = session.execute(
        select(AttendanceRow.deputy_id, AttendanceRow.at).where(
            AttendanceRow.id.in_(last), AttendanceRow.action == Action.SIGN_IN.value
        )
    )
    return {deputy_id: at for deputy_id, at in rows}


def record_reception(session: Session, record: ReceptionRecord, server_key: str) -> None:
    """The record (notes sealed for the server) and its outbox event, in one transaction."""
    from kiosk.store.sealing import seal  # PyNaCl only once a deputy records something

    sealed = seal(server_key, ReceptionNotes.of(record).to_personal())
    session.add(
        ReceptionRecordRow(
            uuid=record.uuid,
            deputy_id=record.deputy_id,
            created_at=record.created_at,
            visitors=record.visitors,
            topic=record.topic,
            tracking_codes=list(record.tracking_codes),
        )
    )
    body = ReceptionRecordBody.of(record, sealed)
    at = record.created_at.astimezone()
    outbox.add_event(session, body.KIND, record.uuid, at, body.to_body())


@dataclass(frozen=True)
class WalkIn:
    """An appeal taken at this kiosk, as the duty deputy's console shows it (never sealed data)."""

    tracking_code: str
    category: str
    block: str
    created_at: datetime
    request: str = "appeal"  # "callback": the visitor asked to be called (the number is sealed)


def walk_ins(session: Session, day: date) -> list[WalkIn]:
    start = datetime.combine(day, time())
    rows = session.execute(
        select(
            AppealRow.tracking_code,
            AppealRow.category,
            AppealRow.block,
            AppealRow.created_at,
            AppealRow.request,
        )
        .where(AppealRow.created_at >= start, AppealRow.created_at < start + timedelta(days=1))
        .order_by(AppealRow.created_at.desc())
    )
    return [WalkIn(*row) for row in rows]


def records_on(session: Session, day: date, deputy_id: str) -> int:
    start = datetime.combine(day, time())
    return session.scalar(
        select(func.count()).where(
            ReceptionRecordRow.deputy_id == deputy_id,
            ReceptionRecordRow.created_at >= start,
            ReceptionRecordRow.created_at < start + timedelta(days=1),
        )
    )


@dataclass(frozen=True)
class MonthFigures:
    """This month at this kiosk: days a deputy signed in, appeals taken here."""

    reception_days: int
    appeals_collected: int


def month_figures(session: Session, today: date) -> MonthFigures:
    first = datetime.combine(today.replace(day=1), time())
    end = datetime.combine(today, time()) + timedelta(days=1)
    days = session.scalar(
        select(func.count(func.distinct(func.date(AttendanceRow.at)))).where(
            AttendanceRow.action == Action.SIGN_IN.value,
            AttendanceRow.at >= first,
            AttendanceRow.at < end,
        )
    )
    appeals = session.scalar(
        select(func.count()).where(AppealRow.created_at >= first, AppealRow.created_at < end)
    )
    return MonthFigures(days or 0, appeals or 0)


def statistics(session: Session) -> tuple[dict[str, Any] | None, str | None]:
    """The server's `statistics` from the last pull that carried them, and that pull's time."""
    text = get_state(session, "statistics")
    if text is None:
        return None, None
    try:
        stored = json.loads(text)
    except ValueError:
        return None, None
    if not isinstance(stored, dict) or not isinstance(stored.get("figures"), dict):
        return None, None
    return stored["figures"], stored.get("at")


def deputy_work(session: Session, deputy_id: str) -> tuple[DeputyWork | None, str]:
    """The deputy's counts from the last pull (None: none known) and the workspace link."""
    work = None
    text = get_state(session, "deputy_work")
    if text is not None:
        try:
            known = deputy_work_from_document(json.loads(text)) or {}
        except ValueError:
            known = {}
        work = known.get(deputy_id, DeputyWork(0, 0, 0) if text else None)
    link = ""
    try:
        links = json.loads(get_state(session, "links") or "{}")
        if isinstance(links, dict) and isinstance(links.get("workspace"), str):
            link = links["workspace"][:500]
    except ValueError:
        pass
    return work, link
