# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading the holiday table (节假日安排): what snapshots send and due dates count with.

Apart from `holidays`, which changes the table and then refreshes the appeals' due dates.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from central.models import Holiday, HolidayYear
from kiosk.domain.holidays import DayKind, HolidayCalendar
from kiosk.domain.holidays import Holiday as HolidayEntity

# session.info's flag for a session that only reads (a snapshot's build): it reads the table
# once, not at each of the document's parts that count days.
READ_ONCE = "holiday_table_read_once"


def holiday_calendar(session: Session, since: int | None = None) -> HolidayCalendar:
    """The table (from the year `since` on, if given): what snapshots send, due dates use."""
    if session.info.get(READ_ONCE):
        memo: dict[int | None, HolidayCalendar] = session.info.setdefault("holiday_calendars", {})
        if None not in memo:  # the whole table once; the years from `since` taken from it
            memo[None] = _read_calendar(session, None)
        if since is not None and since not in memo:
            whole = memo[None]
            memo[since] = HolidayCalendar(
                tuple(h for h in whole.days if h.day >= date(since, 1, 1)),
                frozenset(year for year in whole.years if year >= since),
            )
        return memo[since]
    return _read_calendar(session, since)


def _read_calendar(session: Session, since: int | None) -> HolidayCalendar:
    days = select(Holiday).order_by(Holiday.day)
    years = select(HolidayYear.year)
    if since is not None:
        days = days.where(Holiday.day >= date(since, 1, 1))
        years = years.where(HolidayYear.year >= since)
    return HolidayCalendar(
        tuple(
            HolidayEntity(h.day, DayKind(h.kind), h.name)
            for h in session.scalars(days)
            if h.kind != "normal"
        ),
        frozenset(session.scalars(years)),
    )
