# SPDX-License-Identifier: GPL-3.0-or-later
"""An appeal's states on the server and the moves between them (DESIGN.md §4), once.

received → accepted | rejected (review) → assigned to a deputy → replied → referred to a
department → feedback relayed → closed → rated (dissatisfied → reopened → assigned again).
A deputy may also send an assigned appeal straight to a department (referred), and an
assigned appeal may be given to another deputy (assigned again: the history keeps both).
"""

from __future__ import annotations

from enum import StrEnum


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
    S.ASSIGNED: (S.ASSIGNED, S.REPLIED, S.REFERRED),
    S.REPLIED: (S.REFERRED, S.CLOSED),
    S.REFERRED: (S.FEEDBACK,),
    S.FEEDBACK: (S.REPLIED, S.CLOSED),
    S.CLOSED: (S.RATED, S.REOPENED),  # staff may reopen what was closed too soon
    S.RATED: (S.REOPENED,),  # only when the rating is "dissatisfied"
    S.REOPENED: (S.ASSIGNED,),
    S.REJECTED: (),
}
# States an appeal is still being worked in (the inbox's default; due dates apply).
OPEN_STATES = (S.RECEIVED, S.ACCEPTED, S.ASSIGNED, S.REPLIED, S.REFERRED, S.FEEDBACK, S.REOPENED)
# The final ones (an appeal's finished_at is set when it reaches one, cleared on reopening).
FINISHED_STATES = (S.CLOSED, S.RATED, S.REJECTED)


class MoveRefused(ValueError):
    """A move the rules do not allow; the message says why in plain words."""


def check_move(
    current: AppealState, state: AppealState, *, rating: Rating | None, rated: str | None
) -> None:
    """Raise MoveRefused unless an appeal in `current` (rated `rated`) may move to `state`."""
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
    if state is S.REOPENED and current is S.RATED and rated != Rating.DISSATISFIED:
        raise MoveRefused("only an appeal rated dissatisfied can be reopened")
