# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeals (意见建议/诉求) on the server: their moves and deadlines (DESIGN.md §4, §11).

The states and the allowed moves are the domain's (kiosk.domain.appeal_states); the due date
is the one rule of kiosk.domain.deadlines. `Appeal.due_on` keeps that date only so lists can
sort and filter by it with an index; colours are always computed from the clock.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.core.db import touch_stations
from central.models import Appeal, AppealStep
from kiosk.domain.appeal_states import (
    NEXT_STATES,
    AppealState,
    MoveRefused,
    Rating,
    check_move,
)
from kiosk.domain.deadlines import Deadline, deadline_after_steps

__all__ = [
    "NEXT_STATES",
    "AppealState",
    "MoveRefused",
    "Rating",
    "appeal_deadline",
    "holiday_table",
    "move_appeal",
]
S = AppealState


def holiday_table(session: Session) -> dict:
    from central.holidays import holiday_calendar

    return holiday_calendar(session).table()


def appeal_deadline(appeal: Appeal, holidays: dict) -> Deadline | None:
    """The deadline `appeal` works towards now, by the one rule (None when nothing is due)."""
    steps = [(step.state, step.at.astimezone(CHINA_TIME).date()) for step in appeal.steps]
    received_on = appeal.created_at.astimezone(CHINA_TIME).date()
    return deadline_after_steps(appeal.state, received_on, steps, holidays)


def move_appeal(
    session: Session,
    appeal: Appeal,
    state: AppealState,
    *,
    note: str,
    actor: str,
    now: datetime,
    rating: Rating | None = None,
    internal_note: str = "",
    account_id: int | None = None,
) -> None:
    """Move `appeal` to `state`, recording the step and the due date of the new state."""
    check_move(AppealState(appeal.state), state, rating=rating, rated=appeal.rating)
    appeal.state = state
    if state is S.RATED:
        appeal.rating = rating
    appeal.steps.append(
        AppealStep(
            state=state,
            at=now,
            actor=actor,
            note=note,
            internal_note=internal_note,
            account_id=account_id,
        )
    )
    deadline = appeal_deadline(appeal, holiday_table(session))
    appeal.due_on = deadline.due_on if deadline else None
    touch_stations(session, appeal.station_id)


def received_due_on(session: Session, appeal: Appeal) -> None:
    """Set a newly received appeal's due date (its review, by the one rule)."""
    deadline = appeal_deadline(appeal, holiday_table(session))
    appeal.due_on = deadline.due_on if deadline else None


def due_on_now(appeal: Appeal, holidays: dict) -> date | None:
    deadline = appeal_deadline(appeal, holidays)
    return deadline.due_on if deadline else None
