# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointments (约见代表) on the server: requested, then confirmed or declined, then done.

Staff answer with the admin command line, a duty deputy from the kiosk's console (an
`appointment_answer` event); the visitor follows it on the progress page.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy.orm import Session

from central.models import Appointment, AppointmentStep


class AppointmentState(StrEnum):
    REQUESTED = "requested"
    CONFIRMED = "confirmed"
    DECLINED = "declined"
    DONE = "done"


A = AppointmentState
# A confirmed meeting may still be called off (declined); a declined one may be offered again.
NEXT_STATES: dict[AppointmentState, tuple[AppointmentState, ...]] = {
    A.REQUESTED: (A.CONFIRMED, A.DECLINED),
    A.CONFIRMED: (A.DECLINED, A.DONE),
    A.DECLINED: (A.CONFIRMED,),
    A.DONE: (),
}


class AnswerRefused(ValueError):
    """A move the rules do not allow; the message says why in plain words."""


def answer_appointment(
    session: Session,
    appointment: Appointment,
    state: AppointmentState,
    *,
    note: str,
    actor: str,
    now: datetime,
) -> bool:
    """Move `appointment` to `state` with a step; False if it is in that state already."""
    current = AppointmentState(appointment.state)
    if state is current:
        return False
    allowed = NEXT_STATES[current]
    if state not in allowed:
        choices = ", ".join(allowed) or "nothing (it is final)"
        raise AnswerRefused(f"an appointment {current} can become {choices}, not {state}")
    appointment.state = state
    appointment.steps.append(AppointmentStep(state=state, at=now, actor=actor, note=note))
    return True
