# SPDX-License-Identifier: GPL-3.0-or-later
"""Appeals (意见建议/诉求) on the server: their states, moves and deadlines (DESIGN.md §4)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME
from central.models import Appeal, AppealStep
from central.services.incoming import IncomingEvent, InvalidEvent, sealed_fields, text_field
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code
from kiosk.domain.workdays import add_working_days


class AppealState(StrEnum):
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    ASSIGNED = "assigned"
    REPLIED = "replied"
    REFERRED = "referred"
    FEEDBACK = "feedback"
    CLOSED = "closed"
    RATED = "rated"
    REOPENED = "reopened"


class Rating(StrEnum):
    SATISFIED = "satisfied"
    BASICALLY_SATISFIED = "basically_satisfied"
    DISSATISFIED = "dissatisfied"


S = AppealState
NEXT_STATES: dict[AppealState, tuple[AppealState, ...]] = {
    S.RECEIVED: (S.ACCEPTED, S.REJECTED),
    S.ACCEPTED: (S.ASSIGNED,),
    S.ASSIGNED: (S.REPLIED,),
    S.REPLIED: (S.REFERRED, S.CLOSED),
    S.REFERRED: (S.FEEDBACK,),
    S.FEEDBACK: (S.CLOSED,),
    S.CLOSED: (S.RATED,),
    S.RATED: (S.REOPENED,),  # only when the rating is "dissatisfied"
    S.REOPENED: (S.ASSIGNED,),
    S.REJECTED: (),
}
# Entering these states starts a deadline: the deputy replies within 3 working days of the
# assignment; the department's feedback is relayed within 15 working days of the referral.
DEADLINES = {S.ASSIGNED: 3, S.REFERRED: 15}
# The sealed personal part of a kiosk's appeal event: its fields and their limits.
PERSONAL_FIELDS = {"name": 100, "mobile": 32, "text": 10_000, "address": 1_000}


class MoveRefused(ValueError):
    """A move the rules do not allow; the message says why in plain words."""


def holiday_table(session: Session) -> dict:
    from central.services.holidays import holiday_calendar

    return holiday_calendar(session).table()


def move_appeal(
    session: Session,
    appeal: Appeal,
    state: AppealState,
    *,
    note: str,
    actor: str,
    now: datetime,
    rating: Rating | None = None,
) -> None:
    """Move `appeal` to `state`, recording the step and the new deadline (if any)."""
    current = AppealState(appeal.state)
    allowed = NEXT_STATES[current]
    if state not in allowed:
        choices = ", ".join(allowed) or "nothing (it is final)"
        raise MoveRefused(f"an appeal in state {current} can move to {choices}, not {state}")
    if state is S.RATED and rating is None:
        raise MoveRefused(
            "rating the appeal needs --rating (satisfied, basically_satisfied, dissatisfied)"
        )
    if state is not S.RATED and rating is not None:
        raise MoveRefused("--rating goes only with the state rated")
    if state is S.REOPENED and appeal.rating != Rating.DISSATISFIED:
        raise MoveRefused("only an appeal rated dissatisfied can be reopened")
    appeal.state = state
    if state is S.RATED:
        appeal.rating = rating
    days = DEADLINES.get(state)
    today = now.astimezone(CHINA_TIME).date()
    appeal.due_on = add_working_days(today, days, holiday_table(session)) if days else None
    appeal.steps.append(AppealStep(state=state, at=now, actor=actor, note=note))


def parse_appeal(event: IncomingEvent, station_id: str, key: PrivateKey) -> Appeal:
    """The appeal an event's body describes, its sealed personal part opened."""
    body = event.body
    try:
        code = parse_tracking_code(text_field(body, "tracking_code", 16, "body."))
    except InvalidTrackingCode as error:
        raise InvalidEvent(f"body.tracking_code: {error}") from None
    category = text_field(body, "category", 100, "body.").strip()
    if not category:
        raise InvalidEvent("body.category: empty")
    block = text_field(body, "block", 200, "body.", required=False)
    target = body.get("target_deputy_id")
    if target is not None and (not isinstance(target, str) or len(target) > 64):
        raise InvalidEvent("body.target_deputy_id: not a deputy id")
    if body.get("channel") != "kiosk":
        raise InvalidEvent("body.channel: must be kiosk")
    request = body.get("request", "appeal")
    if request not in ("appeal", "callback"):
        raise InvalidEvent("body.request: appeal or callback")
    fields = sealed_fields(body, key, PERSONAL_FIELDS)
    appeal = Appeal(
        station_id=station_id,
        tracking_code=code,
        category=category,
        block=block,
        target_deputy_id=target,
        channel="kiosk",
        request=request,
        created_at=event.created_at,
        state=AppealState.RECEIVED,
        due_on=None,
        contact_name=fields["name"],
        contact_mobile=fields["mobile"],
        text=fields["text"],
        address=fields["address"],
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
