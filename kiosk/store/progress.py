# SPDX-License-Identifier: GPL-3.0-or-later
"""Progress lookups (查询进度) from local data: what the server last said, else what this
kiosk took and has not yet seen come back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from kiosk.store.models import AppealProgressRow, AppealRow, AppointmentRow, OutboxItemRow
from kiosk.store.sync_state import get_state


class Found(StrEnum):
    FOUND = "found"
    UNKNOWN = "unknown"  # no appeal or appointment with this code here
    MISMATCH = "mismatch"  # the code is known, the last 4 digits are not its


@dataclass(frozen=True)
class Progress:
    kind: str  # "appeal" or "appointment"
    code: str
    # A server state; "unsent" (saved here, not yet sent) or "sent" (sent, no news yet).
    state: str
    steps: list[dict] = field(default_factory=list)  # state, at (ISO 8601), note
    due_on: date | None = None
    category: str = ""
    request: str = "appeal"
    deputy_id: str = ""
    day: date | None = None  # an appointment's date


@dataclass(frozen=True)
class Lookup:
    found: Found
    progress: Progress | None = None
    last_pull: datetime | None = None


def _unsent(session: Session, kind: str, uuid: str | None) -> bool:
    if uuid is None:
        return False
    sent = session.scalar(
        select(OutboxItemRow.sent_at).where(
            OutboxItemRow.kind == kind, OutboxItemRow.item_uuid == uuid
        )
    )
    return sent is None


def look_up(session: Session, code: str, check: str) -> Lookup:
    """The progress of `code` if `check` (tracking.contact_check) matches its contact."""
    pulled = get_state(session, "last_pull")
    last_pull = datetime.fromisoformat(pulled) if pulled else None
    progress = session.get(AppealProgressRow, code)
    local = session.scalar(select(AppealRow).where(AppealRow.tracking_code == code))
    if progress is not None or local is not None:
        expected = progress.contact_check if progress and progress.contact_check else None
        if expected is None and local is not None:
            expected = local.contact_check
        if expected != check:
            return Lookup(Found.MISMATCH, last_pull=last_pull)
        if progress is not None:
            found = Progress(
                kind="appeal",
                code=code,
                state=progress.state,
                steps=list(progress.steps),
                due_on=progress.due_on,
                category=local.category if local else "",
                request=local.request if local else "appeal",
            )
        else:
            assert local is not None
            state = "unsent" if _unsent(session, "appeal", local.uuid) else "sent"
            found = Progress(
                kind="appeal",
                code=code,
                state=state,
                steps=[{"state": state, "at": local.created_at.isoformat(), "note": ""}],
                category=local.category,
                request=local.request,
            )
        return Lookup(Found.FOUND, found, last_pull)
    appointment = session.get(AppointmentRow, code)
    if appointment is None:
        return Lookup(Found.UNKNOWN, last_pull=last_pull)
    if appointment.contact_check != check:
        return Lookup(Found.MISMATCH, last_pull=last_pull)
    state = appointment.state
    if state == "requested" and _unsent(session, "appointment", appointment.uuid):
        state = "unsent"
    return Lookup(
        Found.FOUND,
        Progress(
            kind="appointment",
            code=code,
            state=state,
            steps=list(appointment.steps),
            deputy_id=appointment.deputy_id,
            day=appointment.date,
        ),
        last_pull,
    )
