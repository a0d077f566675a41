# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests (约见代表): saved with their outbox event, updated by the pull, listed
for a deputy's duty console."""

from __future__ import annotations

import json
import logging
from datetime import date
from sqlite3 import Connection
from typing import Any

from kiosk.domain.appointments import STATES, Appointment, AppointmentAnswer
from kiosk.domain.events import AppointmentAnswerBody, AppointmentBody
from kiosk.store import outbox
from kiosk.store.database import day
from kiosk.store.rows import AppointmentRow, fetch, fetch_one, insert

log = logging.getLogger(__name__)

_PULLED = (
    "INSERT INTO appointment (code, deputy_id, date, state, steps) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET deputy_id = excluded.deputy_id, date = excluded.date,"
    " state = excluded.state, steps = excluded.steps"
)
# A request answered here whose answer is still in the outbox keeps its state and steps.
_KEEP_STATE = (
    "INSERT INTO appointment (code, deputy_id, date, state, steps) VALUES (?, ?, ?, ?, ?)"
    " ON CONFLICT (code) DO UPDATE SET deputy_id = excluded.deputy_id, date = excluded.date"
)


def record_appointment(
    connection: Connection,
    appointment: Appointment,
    sealed: bytes,
    contact_check: str | None = None,
) -> None:
    """Add the request and its outbox event to the caller's transaction (both or neither)."""
    insert(
        connection,
        AppointmentRow(
            code=appointment.code,
            uuid=appointment.uuid,
            deputy_id=appointment.deputy_id,
            date=appointment.date,
            schedule_id=appointment.schedule_id,
            state="requested",
            contact_check=contact_check,
            sealed=sealed,
            created_at=appointment.created_at,
            steps=[{"state": "requested", "at": appointment.created_at.isoformat(), "note": ""}],
        ),
    )
    body = AppointmentBody.of(appointment, sealed)
    outbox.add_event(
        connection, body.KIND, appointment.uuid, appointment.created_at, body.to_body()
    )


def appointment(connection: Connection, code: str) -> AppointmentRow | None:
    query = "SELECT * FROM appointment WHERE code = ?"
    return fetch_one(connection, AppointmentRow, query, (code,))


def requests_for_deputy(
    connection: Connection, deputy_id: str, since: date
) -> list[AppointmentRow]:
    """A deputy's appointment requests on or after `since`, by date (the duty console)."""
    return fetch(
        connection,
        AppointmentRow,
        "SELECT * FROM appointment WHERE deputy_id = ? AND date >= ? ORDER BY date, created_at",
        (deputy_id, day(since)),
    )


def answer_appointment(
    connection: Connection, row: AppointmentRow, answer: AppointmentAnswer
) -> None:
    """The deputy's answer: the request's new state and step, and its outbox event, in the
    caller's transaction (both or neither). `row` is changed to match."""
    at = answer.at.astimezone()
    row.state = answer.answer
    row.steps = [*row.steps, {"state": answer.answer, "at": at.isoformat(), "note": answer.note}]
    connection.execute(
        "UPDATE appointment SET state = ?, steps = ? WHERE code = ?",
        (row.state, json.dumps(row.steps), row.code),
    )
    body = AppointmentAnswerBody.of(answer)
    outbox.add_event(connection, body.KIND, answer.uuid, at, body.to_body())


def _unsent_answers(connection: Connection) -> set[str]:
    """Codes of requests whose answer has not reached the server yet."""
    payloads = connection.execute(
        "SELECT payload FROM outbox WHERE kind = 'appointment_answer'"
        " AND sent_at IS NULL AND quarantined_reason IS NULL"
    )
    return {json.loads(payload)["body"]["code"] for (payload,) in payloads}


def apply_pulled(connection: Connection, entries: list[Any]) -> None:
    """Upsert the snapshot's `appointments` by code; malformed entries are skipped. A request
    answered here whose answer is still in the outbox keeps its local state (a pull between the
    answer and its push would otherwise show the old state again)."""
    answered_here = _unsent_answers(connection)
    for entry in entries:
        try:
            code = str(entry["code"])[:9]
            state = str(entry["state"])
            if state not in STATES:
                raise ValueError(f"unknown state {state!r}")
            steps = [
                {"state": str(s["state"]), "at": str(s["at"]), "note": str(s.get("note", ""))}
                for s in entry.get("steps") or []
            ]
            deputy_id = str(entry["deputy_id"])[:64]
            when = day(date.fromisoformat(str(entry["date"])))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appointment entry: %s", error)
            continue
        keep_local = code in answered_here
        connection.execute(
            _KEEP_STATE if keep_local else _PULLED,
            (code, deputy_id, when, state, json.dumps(steps)),
        )
