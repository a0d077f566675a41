# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointment requests (约见代表): a visitor asks to meet a deputy on a reception day.

As with appeals, the visitor's personal part (name, mobile, topic) is sealed for the server
before it is stored; the kiosk keeps the code, deputy, date and state in the clear.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from datetime import date, datetime

from kiosk.domain.appointment_states import DEPUTY_ANSWERS, AppointmentState, deputy_answers
from kiosk.domain.ids import new_uuid
from kiosk.domain.tracking import new_tracking_code

STATES = tuple(AppointmentState)


@dataclass(frozen=True)
class Appointment:
    uuid: str
    code: str
    deputy_id: str
    date: date
    schedule_id: str | None
    created_at: datetime
    channel: str = "kiosk"

    @classmethod
    def new(
        cls, deputy_id: str, day: dt.date, schedule_id: str | None, created_at: datetime
    ) -> Appointment:
        return cls(
            uuid=new_uuid(),
            code=new_tracking_code(),
            deputy_id=deputy_id,
            date=day,
            schedule_id=schedule_id,
            created_at=created_at,
        )


NOTE_LIMIT = 200  # a short word for the visitor (the server takes up to 2000)


class AnswerProblem(ValueError):
    """An answer the server would refuse; `code` names why ("state", "answer", "note")."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def answers_for(state: str) -> tuple[str, ...]:
    """What a duty deputy may answer to a request in `state` (kiosk.domain.appointment_states)."""
    return deputy_answers(state)


@dataclass(frozen=True)
class AppointmentAnswer:
    """A duty deputy's confirm or decline, as the `appointment_answer` event carries it."""

    uuid: str
    code: str
    deputy_id: str
    answer: str
    note: str
    at: datetime

    @classmethod
    def new(
        cls, code: str, deputy_id: str, state: str, answer: str, note: str, at: datetime
    ) -> AppointmentAnswer:
        """The answer to a request now in `state`; AnswerProblem if the server would refuse."""
        if answer not in DEPUTY_ANSWERS:
            raise AnswerProblem("answer")
        if answer not in answers_for(state):
            raise AnswerProblem("state")
        note = note.strip()
        if len(note) > NOTE_LIMIT:
            raise AnswerProblem("note")
        return cls(new_uuid(), code, deputy_id, answer, note, at)
