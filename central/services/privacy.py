# SPDX-License-Identifier: GPL-3.0-or-later
"""Visitors' data rights (PIPL; issue 15 §4, docs/privacy.md): find every record a person left
by their mobile number, correct it or erase it, and the retention job that erases personal data
a set time after a matter closed.

Erasing keeps the anonymous part (state, category, station, dates, the steps' states and times)
so the published figures do not change; it removes name, mobile, text, address, the notes staff
wrote about the matter, and the event as the kiosk sent it (its sealed box could be reopened).
Searching, correcting and erasing are for admins only (or the server's operator at the
command line: `who` None) and each is in the audit log, which names the mobile only by a
fingerprint.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME, RETENTION_YEARS
from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    AppointmentStep,
    CallbackNote,
    Event,
    ReceptionRecord,
    Station,
)
from central.services import audit
from central.services.audit import Who
from central.services.permissions import Action, require, scope_of
from kiosk.domain.appeal_states import AppealState
from kiosk.domain.appointment_states import CLOSED_STATES as APPOINTMENT_CLOSED
from kiosk.domain.contact import Problem, check_name, check_phone, normalise_phone

# An appeal is closed when it is closed, rated or was not accepted; an appointment when it was
# declined or took place. Open ones are never erased by retention.
CLOSED_APPEAL_STATES = (AppealState.CLOSED, AppealState.RATED, AppealState.REJECTED)
CLOSED_APPOINTMENT_STATES = tuple(s.value for s in APPOINTMENT_CLOSED)
# What an erased event keeps: its uuid (a resend is a conflict, never a second record).
ERASED_EVENT = json.dumps({"erased": True})


class PrivacyError(ValueError):
    """Input that cannot be used; the message says why in plain words."""


def _check(who: Who | None) -> None:
    if who is not None:
        require(who.account, Action.DATA_RIGHTS)


def phone_of(text: str) -> str:
    """The number as stored (digits only), or PrivacyError in plain words."""
    problem = check_phone(text)
    if problem is Problem.EMPTY:
        raise PrivacyError("请输入手机号。")
    if problem is not None:
        raise PrivacyError("这不是一个有效的手机号或带区号的电话号码。")
    return normalise_phone(text)


def fingerprint(phone: str) -> str:
    """How the audit log names a number: enough to check a search later, not to read it."""
    return "tel:" + hashlib.sha256(phone.encode()).hexdigest()[:12]


@dataclass(frozen=True)
class PersonRecord:
    """One record of a person, as the privacy page lists it."""

    kind: str  # appeal | callback | message | appointment
    ref: str  # tracking code or appointment code
    station_id: str
    station_name: str
    created_at: datetime
    state: str
    subject: str  # the category, or the appointment's day
    name: str
    mobile: str
    text: str
    # What the person was told along the way: (state, when, the public note); internal notes
    # are the staff's, not part of the copy.
    steps: tuple[tuple[str, datetime, str], ...] = ()


def _kind(appeal: Appeal) -> str:
    if appeal.request == "callback":
        return "callback"
    return "message" if appeal.channel == "qr" else "appeal"


def _appeals(session: Session, who: Who | None, phone: str) -> list[Appeal]:
    query = select(Appeal).where(Appeal.contact_mobile == phone).order_by(Appeal.created_at)
    stations = scope_of(session, who.account).station_ids if who else None
    if stations is not None:
        query = query.where(Appeal.station_id.in_(sorted(stations)))
    return list(session.scalars(query))


def _appointments(session: Session, who: Who | None, phone: str) -> list[Appointment]:
    query = (
        select(Appointment)
        .where(Appointment.contact_mobile == phone)
        .order_by(Appointment.created_at)
    )
    stations = scope_of(session, who.account).station_ids if who else None
    if stations is not None:
        query = query.where(Appointment.station_id.in_(sorted(stations)))
    return list(session.scalars(query))


def find_by_mobile(
    session: Session, who: Who | None, mobile: str, now: datetime, *, for_copy: bool = False
) -> list[PersonRecord]:
    """Every record of the person with this number in `who`'s stations (admins; audited).

    `for_copy`: with each record's public steps, for the copy a person may ask for (PIPL art.
    45), audited as an export."""
    _check(who)
    phone = phone_of(mobile)
    names = {sid: name for sid, name in session.execute(select(Station.id, Station.name))}

    def steps(rows: list[Any]) -> tuple[tuple[str, datetime, str], ...]:
        return tuple((s.state, s.at, s.note) for s in rows) if for_copy else ()

    records = [
        PersonRecord(
            _kind(a),
            a.tracking_code,
            a.station_id,
            names.get(a.station_id, a.station_id),
            a.created_at,
            a.state,
            a.category,
            a.contact_name,
            a.contact_mobile,
            a.text,
            steps(a.steps),
        )
        for a in _appeals(session, who, phone)
    ] + [
        PersonRecord(
            "appointment",
            a.code,
            a.station_id,
            names.get(a.station_id, a.station_id),
            a.created_at,
            a.state,
            a.day.isoformat(),
            a.contact_name,
            a.contact_mobile,
            a.topic,
            steps(a.steps),
        )
        for a in _appointments(session, who, phone)
    ]
    records.sort(key=lambda r: r.created_at)
    audit.record(
        session,
        who,
        "privacy.export" if for_copy else "privacy.find",
        fingerprint(phone),
        f"{len(records)} records",
        now=now,
        login="cli",
    )
    return records


def correct(
    session: Session,
    who: Who | None,
    mobile: str,
    now: datetime,
    *,
    name: str = "",
    new_mobile: str = "",
) -> int:
    """Correct the name and/or the number on every record of this number. Returns how many."""
    _check(who)
    phone = phone_of(mobile)
    name = name.strip()
    if not name and not new_mobile.strip():
        raise PrivacyError("请填写正确的姓名或手机号。")
    if name and check_name(name) is not None:
        raise PrivacyError("姓名最多30个字，不能有表情符号或控制字符。")
    new_phone = phone_of(new_mobile) if new_mobile.strip() else ""
    changed: dict[str, str] = {}
    if name:
        changed["contact_name"] = name
    if new_phone:
        changed["contact_mobile"] = new_phone
    rows = [*_appeals(session, who, phone), *_appointments(session, who, phone)]
    for row in rows:
        for key, value in changed.items():
            setattr(row, key, value)
    what = "+".join(k.removeprefix("contact_") for k in changed)
    detail = f"{len(rows)} records: {what}"
    if new_phone:
        detail += f" → {fingerprint(new_phone)}"
    audit.record(session, who, "privacy.correct", fingerprint(phone), detail, now=now, login="cli")
    return len(rows)


def _erase_appeal(session: Session, appeal: Appeal, now: datetime) -> None:
    appeal.contact_name = appeal.contact_mobile = appeal.text = appeal.address = ""
    appeal.personal_erased_at = now
    # The states and times of the steps stay (the figures); the notes may name the person.
    session.execute(
        update(AppealStep)
        .where(AppealStep.appeal_id == appeal.id)
        .values(note="", internal_note="")
    )
    session.execute(update(CallbackNote).where(CallbackNote.appeal_id == appeal.id).values(note=""))
    if appeal.event_id is not None:
        session.execute(
            update(Event).where(Event.id == appeal.event_id).values(canonical=ERASED_EVENT)
        )


def _erase_appointment(session: Session, appointment: Appointment, now: datetime) -> None:
    appointment.contact_name = appointment.contact_mobile = appointment.topic = ""
    appointment.personal_erased_at = now
    session.execute(
        update(AppointmentStep)
        .where(AppointmentStep.appointment_id == appointment.id)
        .values(note="")
    )
    if appointment.event_id is not None:
        session.execute(
            update(Event).where(Event.id == appointment.event_id).values(canonical=ERASED_EVENT)
        )


def erase(session: Session, who: Who | None, mobile: str, now: datetime) -> int:
    """Erase the personal data of every record of this number; the anonymous part stays."""
    _check(who)
    phone = phone_of(mobile)
    appeals = _appeals(session, who, phone)
    appointments = _appointments(session, who, phone)
    for appeal in appeals:
        _erase_appeal(session, appeal, now)
    for appointment in appointments:
        _erase_appointment(session, appointment, now)
    count = len(appeals) + len(appointments)
    audit.record(
        session, who, "privacy.erase", fingerprint(phone), f"{count} records", now=now, login="cli"
    )
    return count


# -- Retention -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetentionResult:
    appeals: int
    appointments: int
    receptions: int

    @property
    def total(self) -> int:
        return self.appeals + self.appointments + self.receptions


def years_before(moment: datetime, years: int) -> datetime:
    """The same day and time `years` earlier (29 February becomes 28 February)."""
    local = moment.astimezone(CHINA_TIME)
    try:
        return local.replace(year=local.year - years)
    except ValueError:
        return local.replace(year=local.year - years, day=28)


def _closed_at(steps: list[Any], closed_states: tuple[str, ...]) -> datetime | None:
    """When the matter last entered a closed state (its current one)."""
    closing = [s.at for s in steps if s.state in closed_states]
    return max(closing) if closing else None


def run_retention(session: Session, now: datetime, years: int = RETENTION_YEARS) -> RetentionResult:
    """Erase the personal data of matters closed more than `years` ago, and nothing else:
    open matters, and matters closed since, keep theirs. Reception records' notes go `years`
    after the reception. Recorded in the audit log (as the system)."""
    if years < 1:
        raise PrivacyError("保存期限至少1年。")
    cutoff = years_before(now, years)
    appeals = 0
    query = select(Appeal).where(
        Appeal.personal_erased_at.is_(None),
        Appeal.state.in_([s.value for s in CLOSED_APPEAL_STATES]),
        Appeal.created_at < cutoff,
    )
    for appeal in session.scalars(query):
        closed = _closed_at(appeal.steps, tuple(s.value for s in CLOSED_APPEAL_STATES))
        if closed is not None and closed < cutoff:
            _erase_appeal(session, appeal, now)
            appeals += 1
    appointments = 0
    appointment_query = select(Appointment).where(
        Appointment.personal_erased_at.is_(None),
        Appointment.created_at < cutoff,
    )
    day_cutoff = cutoff.date()
    for appointment in session.scalars(appointment_query):
        closed = _closed_at(appointment.steps, CLOSED_APPOINTMENT_STATES)
        if appointment.state not in CLOSED_APPOINTMENT_STATES:
            # Never answered or never marked done: it is over once its day has passed.
            closed = _end_of(appointment.day) if appointment.day < day_cutoff else None
        if closed is not None and closed < cutoff:
            _erase_appointment(session, appointment, now)
            appointments += 1
    receptions = cast(
        CursorResult[Any],
        session.execute(
            update(ReceptionRecord)
            .where(ReceptionRecord.at < cutoff, ReceptionRecord.notes != "")
            .values(notes="")
        ),
    ).rowcount
    result = RetentionResult(appeals, appointments, receptions or 0)
    audit.record(
        session,
        None,
        "privacy.retention",
        f"{years} years",
        f"{result.appeals} appeals, {result.appointments} appointments, "
        f"{result.receptions} reception notes",
        now=now,
        login="system",
    )
    return result


def _end_of(day: date) -> datetime:
    return datetime.combine(day + timedelta(days=1), time.min, CHINA_TIME)
