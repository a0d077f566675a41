# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests (约见代表): saved with their outbox event, updated by the pull, listed
for a deputy's duty console."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.domain.appointments import STATES, Appointment
from kiosk.store import outbox
from kiosk.store.models import AppointmentRow

log = logging.getLogger(__name__)


def record_appointment(
    session: Session, appointment: Appointment, sealed: bytes, contact_check: str
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
    outbox.add_event(
        session,
        "appointment",
        appointment.uuid,
        appointment.created_at,
        appointment.event_body(sealed),
    )


def requests_for_deputy(session: Session, deputy_id: str, since: date) -> list[AppointmentRow]:
    """A deputy's appointment requests on or after `since`, by date (the duty console)."""
    return list(
        session.scalars(
            select(AppointmentRow)
            .where(AppointmentRow.deputy_id == deputy_id, AppointmentRow.date >= since)
            .order_by(AppointmentRow.date, AppointmentRow.created_at)
        )
    )


def apply_pulled(session: Session, entries: list[Any]) -> None:
    """Upsert the snapshot's `appointments` by code; malformed entries are skipped."""
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
            check = entry.get("contact_check")
            row = session.get(AppointmentRow, code) or AppointmentRow(code=code)
            row.deputy_id = str(entry["deputy_id"])[:64]
            row.date = date.fromisoformat(str(entry["date"]))
            row.state = state
            row.steps = steps
            if isinstance(check, str):
                row.contact_check = check[:64]
            session.add(row)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            log.warning("skipped a malformed appointment entry: %s", error)
