# SPDX-License-Identifier: GPL-3.0-or-later
"""Working days (工作日): deadlines such as "reply within 3 working days".

Weekends are days off unless the holiday table makes one a make-up workday (调休); a weekday
is a working day unless the table makes it a holiday. The table comes from the server.
"""

from __future__ import annotations

from datetime import date, timedelta

SATURDAY = 5


def is_working_day(day: date, holidays: dict[date, bool]) -> bool:
    """`holidays` maps a date to True (a holiday) or False (a make-up workday)."""
    if day in holidays:
        return not holidays[day]
    return day.weekday() < SATURDAY


def add_working_days(start: date, n: int, holidays: dict[date, bool]) -> date:
    """The n-th working day after `start` (`start` itself never counts); `start` when n is 0.

    "Due 3 working days after assignment on Friday" is the next Wednesday when nothing is off.
    Raises ValueError for a negative n.
    """
    if n < 0:
        raise ValueError(f"cannot count {n} working days")
    day = start
    while n:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            n -= 1
    return day


def working_days_between(start: date, end: date, holidays: dict[date, bool]) -> int:
    """How many working days after `start` up to and including `end` (0 when `end` is not
    after `start`): a reply on the Wednesday to an appeal of the Friday before took 3."""
    count = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count
