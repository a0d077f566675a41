# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import date

import pytest

from kiosk.domain.workdays import add_working_days, is_working_day, working_days_between

FRIDAY = date(2026, 11, 20)
MONDAY = date(2026, 11, 23)


def test_weekdays_work_and_weekends_do_not():
    assert is_working_day(FRIDAY, {})
    assert not is_working_day(date(2026, 11, 21), {})
    assert not is_working_day(date(2026, 11, 22), {})


def test_counting_starts_the_day_after():
    assert add_working_days(MONDAY, 1, {}) == date(2026, 11, 24)
    assert add_working_days(MONDAY, 3, {}) == date(2026, 11, 26)
    assert add_working_days(MONDAY, 0, {}) == MONDAY


def test_a_weekend_is_skipped():
    assert add_working_days(FRIDAY, 1, {}) == MONDAY
    assert add_working_days(FRIDAY, 3, {}) == date(2026, 11, 25)
    # Assigned on a Saturday: the count starts on Monday.
    assert add_working_days(date(2026, 11, 21), 1, {}) == MONDAY


def test_fifteen_working_days_are_three_weeks():
    assert add_working_days(MONDAY, 15, {}) == date(2026, 12, 14)


def test_holidays_are_skipped_and_make_up_workdays_count():
    new_year = {date(2027, 1, 1): True}  # a Friday
    assert add_working_days(date(2026, 12, 31), 1, new_year) == date(2027, 1, 4)
    # 调休: the Saturday after a holiday week is worked.
    make_up = {date(2026, 11, 23): True, date(2026, 11, 28): False}
    assert add_working_days(date(2026, 11, 26), 2, make_up) == date(2026, 11, 28)
    assert is_working_day(date(2026, 11, 28), make_up)
    assert not is_working_day(date(2026, 11, 23), make_up)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        add_working_days(MONDAY, -1, {})


def test_working_days_between_counts_what_add_working_days_adds():
    friday = date(2026, 11, 20)
    assert working_days_between(friday, date(2026, 11, 25), {}) == 3  # Mon, Tue, Wed
    assert working_days_between(friday, friday, {}) == 0
    assert working_days_between(friday, date(2026, 11, 22), {}) == 0  # the weekend
    holidays = {date(2026, 11, 23): True, date(2026, 11, 22): False}
    assert working_days_between(friday, add_working_days(friday, 3, holidays), holidays) == 3
