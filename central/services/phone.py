# SPDX-License-Identifier: GPL-3.0-or-later
"""What the phone pages do with the database: a deputy's page, messages left there (appeals,
channel "qr"), appointment requests, progress lookups and ratings (docs/phone-pages.md).

Form checks return the keys of central.web.phone.text messages, so the pages say what is wrong
in the visitor's language and keep what was typed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.core.config import CHINA_TIME, REPEAT_MINUTES
from central.models import (
    Appeal,
    AppealStep,
    Appointment,
    AppointmentStep,
    Deputy,
    Station,
)
from central.services.appeals import AppealState, Rating, move_appeal, received_due_on
from central.services.categories import categories_for_station
from central.services.events import code_taken
from central.services.notifications import appeal_received, appointment_requested
from central.services.snapshot import station_snapshot
from kiosk.domain.appointment_states import AppointmentState
from kiosk.domain.contact import Problem, check_text
from kiosk.domain.forms import PHONE_PAGE_LIMITS
from kiosk.domain.mobile import InvalidMobile, parse_mobile
from kiosk.domain.reception import ReceptionDay
from kiosk.domain.tracking import InvalidTrackingCode, new_tracking_code, parse_tracking_code

# The phone pages' field limits (kiosk.domain.forms, with the kiosk's).
LIMITS = PHONE_PAGE_LIMITS
TEXT_LIMIT = LIMITS["text"]
NAME_LIMIT = LIMITS["name"]
BLOCK_LIMIT = LIMITS["block"]
TOPIC_LIMIT = LIMITS["topic"]
# How far ahead the pages look for a deputy's reception days.
RECEPTION_LOOKAHEAD = 400


def find_deputy(session: Session, deputy_id: str) -> Deputy | None:
    """The deputy a QR code names. Deputy ids are meant to be unique across stations; if one
    sits at several, the page belongs to the station that listed them first."""
    return session.scalars(
        select(Deputy).where(Deputy.deputy_id == deputy_id).order_by(Deputy.id).limit(1)
    ).one_or_none()


def reception_days(
    session: Session, station: Station, deputy_id: str, today: date, count: int
) -> list[ReceptionDay]:
    """The deputy's next `count` reception days from `today` (their own duty days only)."""
    # The station's own rule for what is held (holidays, moves, rotations): one place.
    upcoming = station_snapshot(session, station).upcoming_reception_days(
        today, RECEPTION_LOOKAHEAD
    )
    return [day for day in upcoming if deputy_id in day.deputy_ids][:count]


def day_choice(day: ReceptionDay) -> str:
    """A reception day as the appointment form's value: its schedule and the day it is held."""
    return f"{day.schedule_id}/{day.day.isoformat()}"


def categories(session: Session, station_id: str) -> list[str]:
    """What the station's kiosks offer too: its region's list (central.services.categories)."""
    return categories_for_station(session, station_id)


@dataclass
class Checked:
    """A form's values, normalised, and its problems by field (keys of phone_text)."""

    values: dict[str, str]
    errors: dict[str, str] = field(default_factory=dict)
    mobile: str = ""


# What the domain's one input rule (kiosk.domain.contact, the kiosk's too) finds, in the
# pages' words; an empty field has its own message per field.
_PROBLEMS = {
    Problem.TOO_LONG: "too_long",
    Problem.EMOJI: "no_emoji",
    Problem.CONTROL: "bad_characters",
    Problem.BIDI: "bad_characters",
}


def _check_field(
    checked: Checked,
    name: str,
    limit: int,
    *,
    multiline: bool = False,
    empty: str | None = None,
    too_long: str = "too_long",
) -> None:
    """One free-text field by the domain's rule; `empty` is its message when it is required."""
    value = checked.values[name]
    if not value:
        if empty:
            checked.errors[name] = empty
        return
    problem = check_text(value, limit, multiline=multiline)
    if problem is Problem.EMPTY:
        if empty:
            checked.errors[name] = empty
    elif problem is Problem.TOO_LONG:
        checked.errors[name] = too_long
    elif problem is not None:
        checked.errors[name] = _PROBLEMS[problem]


def _common(form: Mapping[str, str], checked: Checked) -> None:
    _check_field(checked, "name", NAME_LIMIT, empty="need_name")
    if not checked.values["mobile"]:
        checked.errors["mobile"] = "need_mobile"
    else:
        try:
            checked.mobile = parse_mobile(checked.values["mobile"])
        except InvalidMobile:
            checked.errors["mobile"] = "bad_mobile"
    if form.get("consent") != "yes":
        checked.errors["consent"] = "need_consent"


def _values(form: Mapping[str, str], names: tuple[str, ...]) -> dict[str, str]:
    # A browser sends a textarea's line breaks as CRLF; the domain's rule (and the kiosk)
    # know a line break as LF.
    return {name: str(form.get(name, "")).replace("\r\n", "\n").strip() for name in names}


def check_message(form: Mapping[str, str], known_categories: list[str]) -> Checked:
    checked = Checked(_values(form, ("category", "text", "block", "name", "mobile")))
    checked.values["consent"] = "yes" if form.get("consent") == "yes" else ""
    if checked.values["category"] not in known_categories:
        checked.errors["category"] = "need_category"
    _check_field(
        checked, "text", TEXT_LIMIT, multiline=True, empty="need_text", too_long="text_too_long"
    )
    _check_field(checked, "block", BLOCK_LIMIT)
    _common(form, checked)
    return checked


def check_appointment(form: Mapping[str, str], days: list[ReceptionDay]) -> Checked:
    checked = Checked(_values(form, ("day", "topic", "name", "mobile")))
    checked.values["consent"] = "yes" if form.get("consent") == "yes" else ""
    if checked.values["day"] not in {day_choice(day) for day in days}:
        checked.errors["day"] = "need_day"
    _check_field(checked, "topic", TOPIC_LIMIT, multiline=True, empty="need_topic")
    _common(form, checked)
    return checked


def _fresh_code(session: Session) -> str:
    while True:
        code = new_tracking_code()
        if not code_taken(session, code):
            return code


def earlier_message(
    session: Session, deputy: Deputy, checked: Checked, now: datetime, own: Collection[str]
) -> str:
    """The code of the same text from the same mobile to the same deputy a few minutes ago,
    among the codes `own` this browser was given (a repeat reveals nothing the sender did
    not already have: from anyone else the same details make a new record)."""
    if not own:
        return ""
    since = now - timedelta(minutes=REPEAT_MINUTES)
    code = session.scalar(
        select(Appeal.tracking_code)
        .where(
            Appeal.tracking_code.in_(list(own)),
            Appeal.station_id == deputy.station_id,
            Appeal.target_deputy_id == deputy.deputy_id,
            Appeal.channel == "qr",
            Appeal.contact_mobile == checked.mobile,
            Appeal.text == checked.values["text"],
            Appeal.created_at >= since,
        )
        .order_by(Appeal.id.desc())
        .limit(1)
    )
    return code or ""


def record_message(session: Session, deputy: Deputy, checked: Checked, now: datetime) -> str:
    """A message left on a deputy's page becomes an appeal to them; its tracking code."""
    v = checked.values
    code = _fresh_code(session)
    appeal = Appeal(
        event_id=None,
        station_id=deputy.station_id,
        tracking_code=code,
        category=v["category"],
        block=v["block"],
        target_deputy_id=deputy.deputy_id,
        channel="qr",
        request="appeal",
        created_at=now,
        state=AppealState.RECEIVED,
        due_on=None,
        contact_name=v["name"],
        contact_mobile=checked.mobile,
        text=v["text"],
        address="",
        consent=True,
    )
    appeal.steps.append(AppealStep(state=AppealState.RECEIVED, at=now, actor="qr"))
    received_due_on(session, appeal)
    session.add(appeal)
    appeal_received(session, appeal, now=now)
    return code


def earlier_appointment(
    session: Session, deputy: Deputy, checked: Checked, now: datetime, own: Collection[str]
) -> str:
    """The code of the same request (mobile, deputy, day) made a few minutes ago, among the
    codes `own` this browser was given (see earlier_message)."""
    if not own:
        return ""
    day = date.fromisoformat(checked.values["day"].rpartition("/")[2])
    code = session.scalar(
        select(Appointment.code)
        .where(
            Appointment.code.in_(list(own)),
            Appointment.station_id == deputy.station_id,
            Appointment.deputy_id == deputy.deputy_id,
            Appointment.day == day,
            Appointment.contact_mobile == checked.mobile,
            Appointment.created_at >= now - timedelta(minutes=REPEAT_MINUTES),
        )
        .order_by(Appointment.id.desc())
        .limit(1)
    )
    return code or ""


def record_appointment(session: Session, deputy: Deputy, checked: Checked, now: datetime) -> str:
    """An appointment request from the phone page (state requested); its code."""
    schedule_id, _, day = checked.values["day"].rpartition("/")
    code = _fresh_code(session)
    appointment = Appointment(
        event_id=None,
        station_id=deputy.station_id,
        code=code,
        deputy_id=deputy.deputy_id,
        day=date.fromisoformat(day),
        schedule_id=schedule_id,
        channel="qr",
        created_at=now,
        state=AppointmentState.REQUESTED,
        contact_name=checked.values["name"],
        contact_mobile=checked.mobile,
        topic=checked.values["topic"],
    )
    appointment.steps.append(AppointmentStep(state=AppointmentState.REQUESTED, at=now, actor="qr"))
    session.add(appointment)
    appointment_requested(session, appointment, now=now)
    return code


def parse_code(text: str) -> str | None:
    try:
        return parse_tracking_code(text)
    except InvalidTrackingCode:
        return None


def find_record(session: Session, code: str) -> Appeal | Appointment | None:
    """The appeal or the appointment a progress page's code names."""
    appeal = session.scalars(select(Appeal).where(Appeal.tracking_code == code)).one_or_none()
    if appeal is not None:
        return appeal
    return session.scalars(select(Appointment).where(Appointment.code == code)).one_or_none()


def rate_appeal(
    session: Session,
    appeal: Appeal,
    rating: Rating,
    now: datetime,
    rated_note: str,
    reopened_note: str,
) -> None:
    """The visitor's rating of a closed appeal; dissatisfied reopens it at once."""
    move_appeal(
        session,
        appeal,
        AppealState.RATED,
        note=rated_note,
        actor="visitor",
        now=now,
        rating=rating,
    )
    if rating is Rating.DISSATISFIED:
        move_appeal(
            session, appeal, AppealState.REOPENED, note=reopened_note, actor="visitor", now=now
        )


def china_today(now: datetime) -> date:
    return now.astimezone(CHINA_TIME).date()
