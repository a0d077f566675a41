# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeals (意见建议/诉求) on the server: their moves and deadlines (DESIGN.md §4, §11).

The states and the allowed moves are the domain's (kiosk.domain.appeal_states); the due date
is the one rule of kiosk.domain.deadlines. `Appeal.due_on` keeps that date only so lists can
sort and filter by it with an index; colours are always computed from the clock.
"""

from __future__ import annotations

from datetime import date, datetime

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Appeal, AppealStep
from central.services.day_table import holiday_calendar
from central.services.incoming import IncomingEvent, open_personal
from kiosk.domain.appeal_states import (
    FINISHED_STATES,
    NEXT_STATES,
    AppealState,
    MoveRefused,
    Rating,
    check_move,
)
from kiosk.domain.deadlines import Deadline, deadline_after_steps
from kiosk.domain.events import AppealBody, AppealPersonal

__all__ = [
    "NEXT_STATES",
    "AppealState",
    "MoveRefused",
    "Rating",
    "appeal_deadline",
    "due_on_now",
    "fill_finished_at",
    "holiday_table",
    "move_appeal",
    "parse_appeal",
    "received_due_on",
]

S = AppealState


def holiday_table(session: Session) -> dict[date, bool]:
    return holiday_calendar(session).table()


def appeal_deadline(appeal: Appeal, holidays: dict[date, bool]) -> Deadline | None:
    """The deadline `appeal` works towards now, by the one rule (None when nothing is due)."""
    steps = [(step.state, step.at.astimezone(CHINA_TIME).date()) for step in appeal.steps]
    received_on = appeal.created_at.astimezone(CHINA_TIME).date()
    return deadline_after_steps(appeal.state, received_on, steps, holidays)


def due_on_now(appeal: Appeal, holidays: dict[date, bool]) -> date | None:
    deadline = appeal_deadline(appeal, holidays)
    return deadline.due_on if deadline else None


def received_due_on(session: Session, appeal: Appeal) -> None:
    """Set a newly received appeal's due date (its review, by the one rule)."""
    appeal.due_on = due_on_now(appeal, holiday_table(session))


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
    if state is S.REPLIED and appeal.first_replied_at is None:
        appeal.first_replied_at = now
    # Finished now (closed, rated, rejected), or open again (reopened): the snapshot's and
    # the figures' indexed reads rely on it (models.Appeal.finished_at).
    appeal.finished_at = now if state in FINISHED_STATES else None
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
    appeal.due_on = due_on_now(appeal, holiday_table(session))


def fill_finished_at(session: Session) -> int:
    """Give finished appeals without a finished_at the time of their last step (as migration
    0014 did): those a server of the previous release finished during a rolling upgrade.
    Returns how many. Row by row (there are none, or a few), so that only their stations'
    snapshots change (core.revisions): a bulk UPDATE would rebuild every station's."""
    found = session.scalars(
        select(Appeal).where(
            Appeal.finished_at.is_(None),
            Appeal.state.in_([s.value for s in FINISHED_STATES]),
        )
    ).all()
    for appeal in found:
        appeal.finished_at = max((step.at for step in appeal.steps), default=appeal.created_at)
    return len(found)


def parse_appeal(event: IncomingEvent, station_id: str, key: PrivateKey) -> Appeal:
    """The appeal an event's body describes, its sealed personal part opened."""
    sent = AppealBody.from_body(event.body)
    personal = AppealPersonal.from_personal(open_personal(sent.sealed, key))
    appeal = Appeal(
        station_id=station_id,
        tracking_code=sent.tracking_code,
        category=sent.category,
        block=sent.block,
        target_deputy_id=sent.target_deputy_id,
        channel="kiosk",
        request=sent.request,
        created_at=event.created_at,
        state=AppealState.RECEIVED,
        due_on=None,
        contact_name=personal.name,
        contact_mobile=personal.mobile,
        text=personal.text,
        address=personal.address,
        consent=True,
    )
    appeal.steps.append(AppealStep(state=AppealState.RECEIVED, at=event.created_at, actor="kiosk"))
    return appeal


def station_appeals(session: Session, station_id: str) -> list[Appeal]:
    """The station's appeals, oldest first."""
    return list(
        session.scalars(select(Appeal).where(Appeal.station_id == station_id).order_by(Appeal.id))
    )


def find_appeal(session: Session, tracking_code: str) -> Appeal | None:
    return session.scalars(
        select(Appeal).where(Appeal.tracking_code == tracking_code)
    ).one_or_none()
