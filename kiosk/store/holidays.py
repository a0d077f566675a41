# SPDX-License-Identifier: GPL-3.0-or-later
"""The holiday table the server sends: what the rest of the kiosk reads working days from.

`holiday_table(session)` has the shape `kiosk.domain.workdays` takes; `holiday_years` says
which years it covers, so a receipt or a calendar can say "not yet published" for the others.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.holidays import DayKind, Holiday, HolidayCalendar
from kiosk.store.models import HolidayRow, HolidayYearRow


def holiday_table(session: Session) -> dict[date, bool]:
    """date -> True (a holiday) or False (a make-up workday), for `add_working_days`."""
    return {
        day: kind == DayKind.HOLIDAY
        for day, kind in session.execute(select(HolidayRow.day, HolidayRow.kind))
    }


def holiday_years(session: Session) -> frozenset[int]:
    """The years the table covers; working days in other years are not known."""
    return frozenset(session.scalars(select(HolidayYearRow.year)))


def load_holidays(session: Session) -> HolidayCalendar:
    rows = session.scalars(select(HolidayRow).order_by(HolidayRow.day))
    return HolidayCalendar(
        tuple(Holiday(row.day, DayKind(row.kind), row.name) for row in rows),
        holiday_years(session),
    )


def replace_holidays(session: Session, calendar: HolidayCalendar) -> None:
    """Make `calendar` the whole table, in the caller's transaction."""
    session.execute(delete(HolidayRow))
    session.execute(delete(HolidayYearRow))
    session.add_all(HolidayRow(day=h.day, kind=h.kind.value, name=h.name) for h in calendar.days)
    session.add_all(HolidayYearRow(year=year) for year in sorted(calendar.years))
