# SPDX-License-Identifier: GPL-3.0-or-later
"""Duty deputies at the station: PIN lockout rules, attendance, reception records.

The PIN rules (docs/deputy-sign-in.md; their values in kiosk.domain.lockout):
- a deputy's fifth wrong PIN in a row locks that deputy for 1 minute; every further wrong PIN
  after a lock doubles it (2, 4, 8 ... minutes, at most 1 hour); a right PIN ends the series;
- wrong PINs across all deputies slow the whole pad: from the 8th wrong PIN within 15 minutes,
  the pad waits 5 s after each, 5 s more for each further one (at most 1 minute).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from kiosk.domain.ids import new_uuid
from kiosk.domain.lockout import DEPUTY_PIN, PIN_PAD, PIN_PAD_WINDOW
from kiosk.domain.pins import PIN_PATTERN  # noqa: F401 (the desk checks typed PINs with it)
from kiosk.domain.tracking import InvalidTrackingCode, parse_tracking_code

# Only the pad's recent wrong PINs are read (kiosk.store.attendance).
PAD_WINDOW = PIN_PAD_WINDOW


class Action(StrEnum):
    SIGN_IN = "sign_in"
    SIGN_OUT = "sign_out"


class Reason(StrEnum):
    PIN = "pin"  # signed in with the deputy's own PIN
    CLOSING_TIME = "closing_time"
    IDLE = "idle"  # the console was left untouched
    MANUAL = "manual"  # the deputy pressed "sign out"


def deputy_lock(failures: Sequence[datetime]) -> datetime | None:
    """Until when a deputy with these wrong PINs in a row (oldest first) is locked, if at all."""
    return DEPUTY_PIN.until(failures)


def pad_hold(all_failures: Sequence[datetime], now: datetime) -> datetime | None:
    """Until when the whole pad waits, given every deputy's recent wrong PINs (oldest first)."""
    return PIN_PAD.until(all_failures, now)


def next_try_at(
    deputy_failures: Sequence[datetime], all_failures: Sequence[datetime], now: datetime
) -> datetime | None:
    """When the pad takes this deputy's next try, or None for now."""
    waits = [t for t in (deputy_lock(deputy_failures), pad_hold(all_failures, now)) if t]
    latest = max(waits, default=None)
    return latest if latest is not None and latest > now else None


def closing_moment(day: date, closing_time: time) -> datetime:
    return datetime.combine(day, closing_time)


def sign_in_ends(signed_in_at: datetime, closing_time: time) -> datetime:
    """When a sign-in ends by itself: the closing time of its day (or, for a sign-in after
    it, that day's midnight)."""
    closing = closing_moment(signed_in_at.date(), closing_time)
    return (
        closing
        if signed_in_at < closing
        else datetime.combine(signed_in_at.date() + timedelta(days=1), time())
    )


@dataclass(frozen=True)
class AttendanceEvent:
    uuid: str
    deputy_id: str
    action: Action
    reason: Reason
    at: datetime

    @classmethod
    def new(cls, deputy_id: str, action: Action, reason: Reason, at: datetime) -> AttendanceEvent:
        return cls(new_uuid(), deputy_id, action, reason, at)


MAX_VISITORS = 999
MAX_TOPIC = 100
MAX_NOTES = 2000
MAX_CODES = 20


class RecordProblem(ValueError):
    """What is wrong with a reception record; `field` names the part, `code` the problem."""

    def __init__(self, field: str, code: str) -> None:
        super().__init__(f"{field}: {code}")
        self.field = field
        self.code = code


@dataclass(frozen=True)
class ReceptionRecord:
    """A duty deputy's record of a reception (接待登记): the clear part and the notes."""

    uuid: str
    deputy_id: str
    created_at: datetime
    visitors: int
    topic: str
    notes: str = ""  # may name visitors: sealed before it is stored
    tracking_codes: tuple[str, ...] = field(default=())

    @classmethod
    def new(
        cls,
        deputy_id: str,
        created_at: datetime,
        visitors: int,
        topic: str,
        notes: str,
        codes_text: str,
    ) -> ReceptionRecord:
        """A checked record from what the deputy entered; RecordProblem says what is wrong."""
        topic = topic.strip()
        notes = notes.strip()
        if not 1 <= visitors <= MAX_VISITORS:
            raise RecordProblem("visitors", "range")
        if not topic:
            raise RecordProblem("topic", "empty")
        if len(topic) > MAX_TOPIC:
            raise RecordProblem("topic", "long")
        if len(notes) > MAX_NOTES:
            raise RecordProblem("notes", "long")
        return cls(
            uuid=new_uuid(),
            deputy_id=deputy_id,
            created_at=created_at,
            visitors=visitors,
            topic=topic,
            notes=notes,
            tracking_codes=parse_codes(codes_text),
        )


def parse_codes(text: str) -> tuple[str, ...]:
    """Tracking codes separated by commas, semicolons or spaces; each once, in order."""
    codes: dict[str, None] = {}
    for part in re.split(r"[,，;；、\s]+", text.strip()):
        if part:
            try:
                codes[parse_tracking_code(part)] = None
            except InvalidTrackingCode:
                raise RecordProblem("codes", "invalid") from None
    if len(codes) > MAX_CODES:
        raise RecordProblem("codes", "many")
    return tuple(codes)
