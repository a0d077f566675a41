# SPDX-License-Identifier: GPL-3.0-or-later
"""What each list QML shows holds: one dataclass per row type.

A list model's roles are its row type's fields (kiosk/ui/listmodel.py), and a QML delegate
reads them as `required property`s: a delegate asking for a role its row lacks fails to load
(a QML warning, so a test failure), and tests/ui/test_qml_roles.py checks each delegate's
properties against these fields without running anything. Field names are QML's (camelCase).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any


@dataclass(frozen=True)
class PersonRow:
    """A deputy as the directory, the duty tiles and the form's deputy step show them."""

    key: str
    name: str
    levels: list[str]
    constituency: str
    blocks: str
    photo: str  # a file URL, or ""
    occupation: str


@dataclass(frozen=True)
class ReceptionRow:
    """A reception day as home, the schedule and the deputy page show it, seen on a day."""

    key: str
    scheduleId: str
    date: str  # ISO: the appointment form matches the chosen day by it
    day: str  # as people read it
    when: str  # "today", "tomorrow" or ""
    time: str
    title: str
    theme: str
    place: str
    deputies: list[dict]  # PersonRow fields
    invited: list[str]
    status: str  # held | moved | cancelled | moved_away; QML words it (Labels.receptionNote)
    originalDay: str  # set when moved here from another day
    movedTo: str
    reason: str
    holiday: str
    movedForHoliday: bool


@dataclass(frozen=True)
class MonthReceptionRow(ReceptionRow):
    """A reception in the schedule's month list, with the calendar day it belongs to."""

    dayKey: str  # ISO date


@dataclass(frozen=True)
class CalendarDayRow:
    """One cell of the schedule's month calendar."""

    key: str  # ISO date
    number: int
    inMonth: bool
    today: bool
    selected: bool
    holiday: str
    kind: str  # the holiday's kind ("holiday", "workday") or ""
    receptions: int  # held receptions that day
    cancelled: bool
    onHoliday: bool


@dataclass(frozen=True)
class RuleRow:
    """One of the station's rules (station information)."""

    key: str
    title: str
    body: str


@dataclass(frozen=True)
class NoticeRow:
    """One of the station's notices (station information)."""

    key: str
    title: str
    body: str
    date: str


@dataclass(frozen=True)
class WalkInRow:
    """A visitor's appeal or call-back request of today, on the duty console."""

    key: str
    code: str
    category: str
    block: str
    time: str
    callback: bool


@dataclass(frozen=True)
class AppointmentRequestRow:
    """An appointment request to the signed-in deputy, on the duty console."""

    key: str
    code: str
    day: str
    time: str
    requestState: str  # requested | confirmed | declined | done
    canConfirm: bool
    canDecline: bool


def as_map(row: Any) -> dict[str, Any]:
    """A row as the map QML reads (e.g. inside another map), field by field."""
    return {f.name: getattr(row, f.name) for f in fields(row)}
