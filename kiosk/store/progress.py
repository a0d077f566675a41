# SPDX-License-Identifier: GPL-3.0-or-later
"""Progress lookups (查询进度) from local data, for what this kiosk took itself: what the server
last said, else that it is waiting to be sent or sent. Anything else is asked of the server
(kiosk.sync.client): the kiosk keeps no contact check of what it did not take."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from sqlite3 import Connection

from kiosk.domain.tracking import contact_check_matches
from kiosk.store.rows import AppealProgressRow, AppealRow, AppointmentRow, fetch_one
from kiosk.store.sync_state import get_state


class Found(StrEnum):
    FOUND = "found"
    # Nothing here matches the code and digits: an unknown code and wrong digits look the
    # same, to whoever tries, in answer and in time (one argon2id check either way).
    NOT_HERE = "not_here"


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


def _unsent(connection: Connection, kind: str, uuid: str | None) -> bool:
    if uuid is None:
        return False
    sent = connection.execute(
        "SELECT sent_at FROM outbox WHERE kind = ? AND item_uuid = ?", (kind, uuid)
    ).fetchone()
    return sent is None or sent[0] is None


def look_up(connection: Connection, code: str, last4: str) -> Lookup:
    """The progress of `code` if it was taken here and `last4` matches its contact check.

    Takes about a second (the check's argon2id): call it off the UI thread.
    """
    pulled = get_state(connection, "last_pull")
    last_pull = datetime.fromisoformat(pulled) if pulled else None
    local = fetch_one(
        connection, AppealRow, "SELECT * FROM appeal WHERE tracking_code = ?", (code,)
    )
    appointment = (
        fetch_one(connection, AppointmentRow, "SELECT * FROM appointment WHERE code = ?", (code,))
        if local is None
        else None
    )
    check = local.contact_check if local else appointment.contact_check if appointment else None
    if not contact_check_matches(check, code, last4):
        return Lookup(Found.NOT_HERE, last_pull=last_pull)
    if local is not None:
        progress = fetch_one(
            connection,
            AppealProgressRow,
            "SELECT * FROM appeal_progress WHERE tracking_code = ?",
            (code,),
        )
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
            state = "unsent" if _unsent(connection, "appeal", local.uuid) else "sent"
            found = Progress(
                kind="appeal",
                code=code,
                state=state,
                steps=[{"state": state, "at": local.created_at.isoformat(), "note": ""}],
                category=local.category,
                request=local.request,
            )
        return Lookup(Found.FOUND, found, last_pull)
    assert appointment is not None
    state = appointment.state
    if state == "requested" and _unsent(connection, "appointment", appointment.uuid):
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
