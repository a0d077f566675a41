# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests (约见代表): saved with their outbox event, updated by the pull, listed
for a deputy's duty console."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.appointments import STATES, Appointment, AppointmentAnswer
from kiosk.domain.events import AppointmentAnswerBody, AppointmentBody
from kiosk.store import outbox
from kiosk.store.models import AppointmentRow, OutboxItemRow

log = logging.getLogger(__name__)


def record_appointment(
    session: Session, appointment: Appointment, sealed: bytes, contact_check: str | None = None
) -> None:
    """Add the request and its outbox event to the caller's transaction (both or neither)."""
    session.add(
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
        )
    )
    body = AppointmentBody.of(appointment, sealed)
    outbox.add_event(session, body.KIND, appointment.uuid, appointment.created_at, body.to_body())


def requests_for_deputy(session: Session, deputy_id: str, since: date) -> list[AppointmentRow]:
    """A deputy's appointment requests on or after `since`, by date (the duty console)."""
    return list(
        session.scalars(
            select(AppointmentRow)
            .where(AppointmentRow.deputy_id == deputy_id, AppointmentRow.date >= since)
            .order_by(AppointmentRow.date, AppointmentRow.created_at)
        )
    )


def answer_appointment(session: Session, row: AppointmentRow, answer: AppointmentAnswer) -> None:
    """The deputy's answer: the request's new state and step, and its outbox event, in the
    caller's transaction (both or neither)."""
    at = answer.at.astimezone()
    row.state = answer.answer
    # A new list: SQLAlchemy does not see changes made inside a JSON value.
    row.steps = [*row.steps, {"state": answer.answer, "at": at.isoformat(), "note": answer.note}]
    body = AppointmentAnswerBody.of(answer)
    outbox.add_event(session, body.KIND, answer.uuid, at, body.to_body())


def _unsent_answers(session: Session) -> set[str]:
    """Codes of requests whose answer has not reached the server yet."""
    payloads = session.scalars(
        select(OutboxItemRow.payload).where(
            OutboxItemRow.kind == "appointment_answer",
            OutboxItemRow.sent_at.is_(None),
            OutboxItemRow.quarantined_reason.is_(None),
        )
    )
    return {json.loads(payload)["body"]["code"] for payload in payloads}


def apply_pulled(session: Session, entries: list[Any]) -> None:
    """Upsert the snapshot's `appointments` by code; malformed entries are skipped. A request
    answered here whose answer is still in the outbox keeps its local state (a pull between the
    answer and its push would otherwise show the old state again)."""
    answered_here = _unsent_answers(session)
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
            row = session.get(AppointmentRow, code) or AppointmentRow(code=code)
            row.deputy_id = str(entry["deputy_id"])[:64]
            row.date = date.fromisoformat(str(entry["date"]))
            if code not in answered_here:
                row.state = state
                row.steps = steps
            session.add(row)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appointment entry: %s", error)
