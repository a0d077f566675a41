# SPDX-License-Identifier: GPL-3.0-or-later
"""The station (家站点) itself: kind, contact details, rules on the wall, notices, figures."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kiosk.domain.deputies import Deputy
from kiosk.domain.holidays import HolidayCalendar
from kiosk.domain.reception import (
    ReceptionDay,
    ReceptionSchedule,
    reception_days_between,
    upcoming_reception_days,
)

# In the kiosk's photo folder: the name of the station's own photo file (issue 15 §1), written
# by the sync worker with the photo, read by the station page.
STATION_PHOTO_MARKER = "station-photo.txt"


class StationKind(StrEnum):
    HOME = "home"  # 代表之家
    STATION = "station"  # 代表联络站
    POINT = "point"  # 代表联系点


@dataclass(frozen=True)
class StationRule:
    """One of the rules (制度) posted on the station's wall."""

    title: str
    body: str


@dataclass(frozen=True)
class Notice:
    id: str
    title: str
    body: str
    published_on: date


@dataclass(frozen=True)
class StationFigures:
    """Published counts: opinions collected, problems solved, satisfaction (0..1)."""

    opinions_collected: int = 0
    problems_solved: int = 0
    satisfaction: float | None = None


@dataclass(frozen=True)
class Station:
    id: str
    kind: StationKind
    name: str
    address: str = ""
    hours: str = ""
    phone: str = ""
    intro: str = ""
    rules: tuple[StationRule, ...] = ()
    notices: tuple[Notice, ...] = ()
    figures: StationFigures = field(default_factory=StationFigures)


@dataclass(frozen=True)
class StationSnapshot:
    """Everything the screens show about a station, as one consistent whole."""

    station: Station
    deputies: tuple[Deputy, ...]
    schedules: tuple[ReceptionSchedule, ...]
    holidays: HolidayCalendar = field(default_factory=HolidayCalendar)

    def deputy(self, deputy_id: str) -> Deputy | None:
        return next((d for d in self.deputies if d.id == deputy_id), None)

    # The station's reception days: its schedules over its roster and the holiday table.

    def reception_days(self, first: date, last: date, held_only: bool = True) -> list[ReceptionDay]:
        return reception_days_between(
            self.schedules,
            first,
            last,
            holidays=self.holidays,
            station_deputies=[d.id for d in self.deputies],
            held_only=held_only,
        )

    def upcoming_reception_days(self, start: date, count: int) -> list[ReceptionDay]:
        return upcoming_reception_days(
            self.schedules,
            start,
            count,
            holidays=self.holidays,
            station_deputies=[d.id for d in self.deputies],
        )
