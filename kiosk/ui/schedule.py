# SPDX-License-Identifier: GPL-3.0-or-later
"""`Schedule` for QML: the reception-day calendar (a month at a time) and its list.

A month shows six weeks, Monday first (as Chinese calendars are printed), each day with its
holiday or make-up workday and its receptions; tapping a day selects it. Everything comes
from the station snapshot through the domain (`StationSnapshot.reception_days`), the same
rule the home screen's "next reception days" use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton

from kiosk.domain.holidays import DayKind
from kiosk.domain.reception import ReceptionDay, Status
from kiosk.domain.station import StationSnapshot
from kiosk.ui import QML_IMPORT_MAJOR_VERSION, QML_IMPORT_NAME  # noqa: F401 (QmlNamedElement)
from kiosk.ui.dates import day_text
from kiosk.ui.listmodel import KeyedListModel
from kiosk.ui.rows import CalendarDayRow, MonthReceptionRow, ReceptionRow
from kiosk.ui.singletons import handed_over

if TYPE_CHECKING:
    from kiosk.ui.station import Roster

WEEKS = 6
# Visitors can page this far from today either way: enough for a year's planning.
MONTHS_EACH_WAY = 12


@dataclass(frozen=True)
class CalendarRows:
    """A month of the calendar as rows: made on any thread, shown on the GUI thread."""

    today: date
    month: date
    selected: date
    days: list[dict]
    selected_receptions: list[dict]
    month_receptions: list[dict]


def _add_months(first: date, months: int) -> date:
    index = first.year * 12 + first.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@QmlNamedElement("Schedule")
@QmlSingleton
class ScheduleCalendar(QObject):
    changed = Signal()

    def __init__(self, roster: Roster, parent=None) -> None:
        super().__init__(parent)
        self._roster = roster
        self.snapshot: StationSnapshot | None = None
        self._today = date.today()
        self._month = self._today.replace(day=1)
        self._selected = self._today
        self._days = KeyedListModel(CalendarDayRow, parent=self)
        self._selected_receptions = KeyedListModel(ReceptionRow, parent=self)
        self._month_receptions = KeyedListModel(MonthReceptionRow, parent=self)

    @staticmethod
    def create(engine) -> ScheduleCalendar:
        return handed_over(engine.backends.schedule)

    def show(self, snapshot: StationSnapshot | None, today: date) -> None:
        self.snapshot = snapshot
        self._month, self._selected = self.month_on(today)
        self._today = today
        self._refresh()

    def month_on(self, today: date) -> tuple[date, date]:
        """The month and day shown on `today`: on a new day, today's; else as they are."""
        if today != self._today:
            return today.replace(day=1), today
        return self._month, self._selected

    def _refresh(self) -> None:
        self.show_rows(
            self.snapshot, self.month_rows(self.snapshot, self._today, self._month, self._selected)
        )

    def month_rows(
        self, snapshot: StationSnapshot | None, today: date, month: date, selected: date
    ) -> CalendarRows:
        """A month's calendar as rows: any thread (it reads nothing of this object's but the
        roster's photo folder)."""
        from kiosk.ui.station import reception_row

        photos = self._roster.photo_dir
        first = month - timedelta(days=month.weekday())  # the Monday before
        last = first + timedelta(days=7 * WEEKS - 1)
        entries = snapshot.reception_days(first, last, held_only=False) if snapshot else []
        by_day: dict[date, list[ReceptionDay]] = {}
        for entry in entries:
            by_day.setdefault(entry.day, []).append(entry)
        rows = []
        for offset in range(7 * WEEKS):
            day = first + timedelta(days=offset)
            holiday = snapshot.holidays.get(day) if snapshot else None
            here = by_day.get(day, [])
            rows.append(
                {
                    "key": day.isoformat(),
                    "number": day.day,
                    "inMonth": day.month == month.month,
                    "today": day == today,
                    "selected": day == selected,
                    "holiday": holiday.name if holiday else "",
                    "kind": holiday.kind.value if holiday else "",
                    "receptions": sum(1 for e in here if e.is_held),
                    "cancelled": any(not e.is_held for e in here),
                    "onHoliday": any(
                        e.status is Status.HELD and e.holiday and e.holiday.kind is DayKind.HOLIDAY
                        for e in here
                    ),
                }
            )
        return CalendarRows(
            today,
            month,
            selected,
            rows,
            [reception_row(e, snapshot, today, photos) for e in by_day.get(selected, [])],
            [
                {**reception_row(e, snapshot, today, photos), "dayKey": e.day.isoformat()}
                for e in entries
                if e.day.month == month.month
            ],
        )

    def show_rows(self, snapshot: StationSnapshot | None, rows: CalendarRows) -> None:
        """Show rows made by `month_rows` (on the GUI thread)."""
        self.snapshot = snapshot
        self._today, self._month, self._selected = rows.today, rows.month, rows.selected
        self._days.replace(rows.days)
        self._selected_receptions.replace(rows.selected_receptions)
        self._month_receptions.replace(rows.month_receptions)
        self.changed.emit()

    @Slot()
    def previousMonth(self) -> None:  # noqa: N802 (QML name)
        self._move(-1)

    @Slot()
    def nextMonth(self) -> None:  # noqa: N802
        self._move(1)

    def _move(self, months: int) -> None:
        target = _add_months(self._month, months)
        if abs(self._months_from_today(target)) > MONTHS_EACH_WAY:
            return
        self._month = target
        # Today in this month, else the month's first day.
        self._selected = self._today if target == self._today.replace(day=1) else target
        self._refresh()

    def _months_from_today(self, month: date) -> int:
        return (month.year - self._today.year) * 12 + month.month - self._today.month

    @Slot()
    def showToday(self) -> None:  # noqa: N802
        self._month, self._selected = self._today.replace(day=1), self._today
        self._refresh()

    @Slot(str)
    def selectDay(self, key: str) -> None:  # noqa: N802
        try:
            day = date.fromisoformat(key)
        except ValueError:
            return
        if day.month != self._month.month or day.year != self._month.year:
            self._month = day.replace(day=1)
        self._selected = day
        self._refresh()

    def _missing_year(self) -> int:
        """The year of the month shown, if the holiday table does not cover it (else 0)."""
        if self.snapshot is None or self.snapshot.holidays.covers(self._month.year):
            return 0
        return self._month.year

    def _selected_holiday(self) -> str:
        holiday = self.snapshot.holidays.get(self._selected) if self.snapshot else None
        return holiday.name if holiday else ""

    def _selected_kind(self) -> str:
        holiday = self.snapshot.holidays.get(self._selected) if self.snapshot else None
        return holiday.kind.value if holiday else ""

    year = Property(int, lambda self: self._month.year, notify=changed)
    month = Property(int, lambda self: self._month.month, notify=changed)
    canGoBack = Property(
        bool, lambda self: self._months_from_today(self._month) > -MONTHS_EACH_WAY, notify=changed
    )
    canGoForward = Property(
        bool, lambda self: self._months_from_today(self._month) < MONTHS_EACH_WAY, notify=changed
    )
    showingThisMonth = Property(
        bool, lambda self: self._month == self._today.replace(day=1), notify=changed
    )
    days = Property(KeyedListModel, lambda self: self._days, constant=True)
    selectedKey = Property(str, lambda self: self._selected.isoformat(), notify=changed)
    selectedDay = Property(str, lambda self: day_text(self._selected), notify=changed)
    selectedIsToday = Property(bool, lambda self: self._selected == self._today, notify=changed)
    selectedHoliday = Property(str, _selected_holiday, notify=changed)
    selectedKind = Property(str, _selected_kind, notify=changed)
    selectedReceptions = Property(
        KeyedListModel, lambda self: self._selected_receptions, constant=True
    )
    monthReceptions = Property(KeyedListModel, lambda self: self._month_receptions, constant=True)
    missingHolidayYear = Property(int, _missing_year, notify=changed)
