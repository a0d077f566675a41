# SPDX-License-Identifier: GPL-3.0-or-later
"""An appointment's states and the moves between them, once (the server and the kiosk).

requested → confirmed | declined → done. A confirmed meeting may still be called off
(declined); a declined one may be offered again (confirmed). Staff record `done`; a duty
deputy at the kiosk only confirms or declines (`DEPUTY_ANSWERS`).
"""

from __future__ import annotations

from enum import StrEnum


class AppointmentState(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    DONE = "done"


A = AppointmentState
NEXT_STATES: dict[AppointmentState, tuple[AppointmentState, ...]] = {
    A.REQUESTED: (A.CONFIRMED, A.DECLINED),
    A.CONFIRMED: (A.DECLINED, A.DONE),
    A.DECLINED: (A.CONFIRMED,),
    A.DONE: (),
}
# What a duty deputy may answer (the `appointment_answer` event carries one of these).
DEPUTY_ANSWERS = (A.CONFIRMED, A.DECLINED)
# Finished: declined or taken place (retention may erase them; open ones never).
CLOSED_STATES = (A.DECLINED, A.DONE)


class AnswerRefused(ValueError):
    """A move the rules do not allow; the message says why in plain words."""


def check_move(current: AppointmentState, state: AppointmentState) -> None:
    """Raise AnswerRefused unless an appointment in `current` may become `state`."""
    allowed = NEXT_STATES[current]
    if state not in allowed:
        choices = ", ".join(allowed) or "nothing (it is final)"
        raise AnswerRefused(f"an appointment {current} can become {choices}, not {state}")


def deputy_answers(state: str) -> tuple[AppointmentState, ...]:
    """What a duty deputy may answer to a request now in `state` (nothing for an unknown one)."""
    try:
        current = AppointmentState(state)
    except ValueError:
        return ()
    return tuple(s for s in NEXT_STATES[current] if s in DEPUTY_ANSWERS)
