# SPDX-License-Identifier: GPL-3.0-or-later
"""Appointments (约见代表) on the server: requested, then confirmed or declined, then done.

Staff answer with the admin command line, a duty deputy from the kiosk's console (an
`appointment_answer` event); the visitor follows it on the progress page.
"""

from __future__ import annotations

from datetime import datetime

from nacl.public import PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Appointment, AppointmentStep
from central.services import notifications
from central.services.incoming import IncomingEvent, InvalidEvent, check_on_roster, open_personal
from kiosk.domain.appointment_states import (
    NEXT_STATES,
    AnswerRefused,
    AppointmentState,
    check_move,
)
from kiosk.domain.events import AppointmentAnswerBody, AppointmentBody, AppointmentPersonal

__all__ = [
    "NEXT_STATES",
    "AnswerRefused",
    "AppointmentState",
    "answer_appointment",
    "apply_answer",
    "find_appointment",
    "parse_appointment",
    "station_appointments",
]


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
    check_move(current, state)
    appointment.state = state
    appointment.steps.append(AppointmentStep(state=state, at=now, actor=actor, note=note))
    notifications.appointment_answered(session, appointment, now=now)
    return True


def parse_appointment(event: IncomingEvent, station_id: str, key: PrivateKey) -> Appointment:
    """The appointment request an event's body describes, its personal part opened."""
    sent = AppointmentBody.from_body(event.body)
    personal = AppointmentPersonal.from_personal(open_personal(sent.sealed, key))
    appointment = Appointment(
        station_id=station_id,
        code=sent.code,
        deputy_id=sent.deputy_id,
        day=sent.date,
        schedule_id=sent.schedule_id,
        channel=sent.channel,
        created_at=event.created_at,
        state=AppointmentState.REQUESTED,
        contact_name=personal.name,
        contact_mobile=personal.mobile,
        topic=personal.topic,
    )
    appointment.steps.append(
        AppointmentStep(state=AppointmentState.REQUESTED, at=event.created_at, actor=sent.channel)
    )
    return appointment


def apply_answer(session: Session, event: IncomingEvent, station_id: str) -> None:
    """A duty deputy's answer to an appointment, from a kiosk's console."""
    sent = AppointmentAnswerBody.from_body(event.body)
    code, deputy_id = sent.code, sent.deputy_id
    appointment = session.scalars(
        select(Appointment).where(Appointment.code == code, Appointment.station_id == station_id)
    ).one_or_none()
    if appointment is None:
        raise InvalidEvent("body.code: no appointment with this code at this station")
    if appointment.deputy_id != deputy_id:
        raise InvalidEvent("body.deputy_id: the appointment is with another deputy")
    check_on_roster(session, station_id, deputy_id)
    try:
        answer_appointment(
            session,
            appointment,
            AppointmentState(sent.answer),
            note=sent.note,
            actor=f"deputy {deputy_id}",
            now=event.created_at,
        )
    except AnswerRefused as error:
        raise InvalidEvent(str(error)) from None


def station_appointments(session: Session, station_id: str) -> list[Appointment]:
    """The station's appointment requests, by day."""
    return list(
        session.scalars(
            select(Appointment)
            .where(Appointment.station_id == station_id)
            .order_by(Appointment.day, Appointment.id)
        )
    )


def find_appointment(session: Session, code: str) -> Appointment | None:
    return session.scalars(select(Appointment).where(Appointment.code == code)).one_or_none()
