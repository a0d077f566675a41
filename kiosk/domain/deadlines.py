# SPDX-License-Identifier: GPL-3.0-or-later
"""The one due-date rule (DESIGN.md §11), shared by the server, the console, the phone pages and
the kiosk receipt, so that an appeal shows the same date and colour everywhere.

- review (审核) is due 1 working day after receipt;
- the reply to the visitor (答复) 3 working days after receipt;
- after a referral (转办) the department's feedback is relayed (反馈) within 15 working days of
  the referral;
- a reopened appeal (the visitor was dissatisfied) gets a new reply deadline, 3 working days
  after the reopening (our decision: the rule is silent on it).

Colours (三色督办): green on time, yellow when due within 1 working day, red when overdue.
Computed from the clock each time they are shown, never stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from kiosk.domain.workdays import add_working_days

REVIEW_WORKING_DAYS = 1
REPLY_WORKING_DAYS = 3
FEEDBACK_WORKING_DAYS = 15


class Step(StrEnum):
    """What the deadline is for."""

    REVIEW = "review"
    REPLY = "reply"
    FEEDBACK = "feedback"


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


# The states (as the server names them) that wait for each step; the others wait for nobody.
_WAITING_FOR = {
    "received": Step.REVIEW,
    "accepted": Step.REPLY,
    "assigned": Step.REPLY,
    "reopened": Step.REPLY,
    "referred": Step.FEEDBACK,
}


@dataclass(frozen=True)
class Deadline:
    step: Step
    due_on: date


def reply_due(received_on: date, holidays: dict[date, bool]) -> date:
    """The date a receipt promises: the reply is due 3 working days after receipt."""
    return add_working_days(received_on, REPLY_WORKING_DAYS, holidays)


def current_deadline(
    state: str,
    *,
    received_on: date,
    holidays: dict[date, bool],
    referred_on: date | None = None,
    reopened_on: date | None = None,
) -> Deadline | None:
    """The deadline an appeal in `state` is working towards, or None when nothing is due.

    `received_on`, `referred_on` and `reopened_on` are dates in the station's time zone.
    """
    step = _WAITING_FOR.get(state)
    if step is Step.REVIEW:
        return Deadline(step, add_working_days(received_on, REVIEW_WORKING_DAYS, holidays))
    if step is Step.REPLY:
        start = reopened_on if state == "reopened" and reopened_on else received_on
        return Deadline(step, add_working_days(start, REPLY_WORKING_DAYS, holidays))
    if step is Step.FEEDBACK:
        start = referred_on or received_on
        return Deadline(step, add_working_days(start, FEEDBACK_WORKING_DAYS, holidays))
    return None


def colour(due_on: date, today: date, holidays: dict[date, bool]) -> Colour:
    """Red once the due day has passed; yellow when it is at most 1 working day away."""
    if today > due_on:
        return Colour.RED
    if due_on <= add_working_days(today, 1, holidays):
        return Colour.YELLOW
    return Colour.GREEN


def deadline_after_steps(
    state: str,
    received_on: date,
    steps: list[tuple[str, date]],
    holidays: dict[date, bool],
) -> Deadline | None:
    """`current_deadline` of an appeal given its steps as (state, date in China time)."""
    referred = [day for step, day in steps if step == "referred"]
    reopened = [day for step, day in steps if step == "reopened"]
    return current_deadline(
        state,
        received_on=received_on,
        holidays=holidays,
        referred_on=referred[-1] if referred else None,
        reopened_on=reopened[-1] if reopened else None,
    )
