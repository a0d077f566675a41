# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies in the local store: PIN hashes and wrong PINs, attendance, reception records,
and the figures the station-info screen shows. Each write joins the caller's transaction,
together with its outbox event (DESIGN.md §5)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from sqlite3 import Connection
from typing import Any

from kiosk.domain.attendance import PAD_WINDOW, Action, AttendanceEvent, ReceptionRecord
from kiosk.domain.deputy_work import DeputyWork, deputy_work_from_document
from kiosk.domain.events import AttendanceBody, ReceptionNotes, ReceptionRecordBody
from kiosk.store import outbox, station
from kiosk.store.database import moment, read_moment
from kiosk.store.rows import AttendanceRow, PinFailureRow, ReceptionRecordRow, insert
from kiosk.store.sync_state import get_state

# Wrong PINs older than this no longer matter to any rule (the longest lock is an hour).
FORGET_FAILURES_AFTER = timedelta(days=1)


def pin_hash(connection: Connection, deputy_id: str) -> str | None:
    """The deputy's PIN hash, from the station snapshot (kiosk.store.station)."""
    return station.pin_hash(connection, deputy_id)


def wrong_pins(connection: Connection, deputy_id: str, now: datetime) -> tuple[list, list]:
    """(this deputy's wrong PINs in a row, everyone's wrong PINs of the last minutes), oldest
    first: what kiosk.domain.attendance.next_try_at weighs."""
    mine = connection.execute(
        "SELECT failed_at FROM pin_failure WHERE deputy_id = ? AND cleared = 0 ORDER BY failed_at",
        (deputy_id,),
    )
    everyone = connection.execute(
        "SELECT failed_at FROM pin_failure WHERE failed_at > ? ORDER BY failed_at",
        (moment(now - PAD_WINDOW),),
    )
    return [read_moment(at) for (at,) in mine], [read_moment(at) for (at,) in everyone]


def note_wrong_pin(connection: Connection, deputy_id: str, now: datetime) -> None:
    connection.execute(
        "DELETE FROM pin_failure WHERE failed_at < ? AND cleared = 1",
        (moment(now - FORGET_FAILURES_AFTER),),
    )
    insert(connection, PinFailureRow(deputy_id=deputy_id, failed_at=now, cleared=False))


def note_right_pin(connection: Connection, deputy_id: str) -> None:
    connection.execute(
        "UPDATE pin_failure SET cleared = 1 WHERE deputy_id = ? AND cleared = 0", (deputy_id,)
    )


def record_attendance(connection: Connection, event: AttendanceEvent) -> None:
    """The sign-in or sign-out and its outbox event, in the caller's transaction."""
    insert(
        connection,
        AttendanceRow(
            uuid=event.uuid,
            deputy_id=event.deputy_id,
            action=event.action.value,
            reason=event.reason.value,
            at=event.at,
        ),
    )
    body = AttendanceBody.of(event)
    outbox.add_event(connection, body.KIND, event.uuid, event.at.astimezone(), body.to_body())


def signed_in(connection: Connection) -> dict[str, datetime]:
    """Deputies whose last attendance is a sign-in: id -> when they signed in."""
    rows = connection.execute(
        "SELECT deputy_id, at FROM attendance WHERE action = ?"
        " AND id IN (SELECT max(id) FROM attendance GROUP BY deputy_id)",
        (Action.SIGN_IN.value,),
    )
    return {deputy_id: datetime.fromisoformat(at) for deputy_id, at in rows}


def record_reception(connection: Connection, record: ReceptionRecord, server_key: str) -> None:
    """The record (notes sealed for the server) and its outbox event, in one transaction."""
    from kiosk.store.sealing import seal  # PyNaCl only once a deputy records something

    sealed = seal(server_key, ReceptionNotes.of(record).to_personal())
    insert(
        connection,
        ReceptionRecordRow(
            uuid=record.uuid,
            deputy_id=record.deputy_id,
            created_at=record.created_at,
            visitors=record.visitors,
            topic=record.topic,
            tracking_codes=list(record.tracking_codes),
        ),
    )
    body = ReceptionRecordBody.of(record, sealed)
    at = record.created_at.astimezone()
    outbox.add_event(connection, body.KIND, record.uuid, at, body.to_body())


@dataclass(frozen=True)
class WalkIn:
    """An appeal taken at this kiosk, as the duty deputy's console shows it (never sealed data)."""

    tracking_code: str
    category: str
    block: str
    created_at: datetime
    request: str = "appeal"  # "callback": the visitor asked to be called (the number is sealed)


def walk_ins(connection: Connection, day: date) -> list[WalkIn]:
    start = datetime.combine(day, time())
    rows = connection.execute(
        "SELECT tracking_code, category, block, created_at, request FROM appeal"
        " WHERE created_at >= ? AND created_at < ? ORDER BY created_at DESC",
        (moment(start), moment(start + timedelta(days=1))),
    )
    return [
        WalkIn(code, category, block, datetime.fromisoformat(at), request)
        for code, category, block, at, request in rows
    ]


def records_on(connection: Connection, day: date, deputy_id: str) -> int:
    start = datetime.combine(day, time())
    (count,) = connection.execute(
        "SELECT count(*) FROM reception_record WHERE deputy_id = ? AND created_at >= ?"
        " AND created_at < ?",
        (deputy_id, moment(start), moment(start + timedelta(days=1))),
    ).fetchone()
    return int(count)


@dataclass(frozen=True)
class MonthFigures:
    """This month at this kiosk: days a deputy signed in, appeals taken here."""

    reception_days: int
    appeals_collected: int


def month_figures(connection: Connection, today: date) -> MonthFigures:
    first = datetime.combine(today.replace(day=1), time())
    end = datetime.combine(today, time()) + timedelta(days=1)
    span = (moment(first), moment(end))
    (days,) = connection.execute(
        "SELECT count(DISTINCT date(at)) FROM attendance WHERE action = ? AND at >= ? AND at < ?",
        (Action.SIGN_IN.value, *span),
    ).fetchone()
    (appeals,) = connection.execute(
        "SELECT count(*) FROM appeal WHERE created_at >= ? AND created_at < ?", span
    ).fetchone()
    return MonthFigures(days or 0, appeals or 0)


def statistics(connection: Connection) -> tuple[dict[str, Any] | None, str | None]:
    """The server's `statistics` from the last pull that carried them, and that pull's time."""
    text = get_state(connection, "statistics")
    if text is None:
        return None, None
    try:
        stored = json.loads(text)
    except ValueError:
        return None, None
    if not isinstance(stored, dict) or not isinstance(stored.get("figures"), dict):
        return None, None
    return stored["figures"], stored.get("at")


def deputy_work(connection: Connection, deputy_id: str) -> tuple[DeputyWork | None, str]:
    """The deputy's counts from the last pull (None: none known) and the workspace link."""
    work = None
    text = get_state(connection, "deputy_work")
    if text is not None:
        try:
            known = deputy_work_from_document(json.loads(text)) or {}
        except ValueError:
            known = {}
        work = known.get(deputy_id, DeputyWork(0, 0, 0) if text else None)
    link = ""
    try:
        links = json.loads(get_state(connection, "links") or "{}")
        if isinstance(links, dict) and isinstance(links.get("workspace"), str):
            link = links["workspace"][:500]
    except ValueError:
        pass
    return work, link
