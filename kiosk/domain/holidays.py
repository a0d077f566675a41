# SPDX-License-Identifier: GPL-3.0-or-later
"""The holiday table (节假日安排): public holidays and make-up workdays (调休), and the years
it covers. The State Council publishes each year's arrangement late in the year before, so a
year may have no data yet: callers ask `covers(year)` and say so rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # a day off, usually a weekday
    WORKDAY = "workday"  # a worked weekend day (调休)


@dataclass(frozen=True)
class Holiday:
    day: date
    kind: DayKind
    name: str = ""  # 国庆节, 春节 ...


@dataclass(frozen=True)
class HolidayCalendar:
    """The table as the server sends it. `years`: the years whose arrangement is known."""

    days: tuple[Holiday, ...] = ()
    years: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_day", {h.day: h for h in self.days})

    def get(self, day: date) -> Holiday | None:
        found: Holiday | None = self._by_day.get(day)  # type: ignore[attr-defined]
        return found

    def covers(self, year: int) -> bool:
        return year in self.years

    def table(self) -> dict[date, bool]:
        """The shape `kiosk.domain.workdays` takes: True a holiday, False a make-up workday."""
        return {h.day: h.kind is DayKind.HOLIDAY for h in self.days}

    def missing_years(self, first: date, last: date) -> list[int]:
        """Years between the two dates (inclusive) without published data."""
        return [y for y in range(first.year, last.year + 1) if y not in self.years]
