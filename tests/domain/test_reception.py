# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import date, time

import pytest

from kiosk.domain.reception import (
    InvalidRule,
    ReceptionSchedule,
    on_duty,
    reception_days_on,
    upcoming_reception_days,
)

FIFTEENTH_AND_MONDAYS = (
    "DTSTART:20260105\nRRULE:FREQ=MONTHLY;BYMONTHDAY=15\nRRULE:FREQ=WEEKLY;BYDAY=MO"
)
THIRD_TUESDAY = "DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+3TU"


def schedule(rule, deputies=("a", "b"), per_occurrence=None, id="s", start=time(9), end=time(11)):
    return ReceptionSchedule(
        id=id,
        title="接待日",
        rule=rule,
        start=start,
        end=end,
        deputy_ids=tuple(deputies),
        per_occurrence=per_occurrence,
    )


def test_fifteenth_of_every_month_and_every_monday():
    days = upcoming_reception_days([schedule(FIFTEENTH_AND_MONDAYS)], date(2026, 12, 1), 6)
    assert [d.day for d in days] == [
        date(2026, 12, 7),
        date(2026, 12, 14),
        date(2026, 12, 15),  # a Tuesday: the 15th
        date(2026, 12, 21),
        date(2026, 12, 28),
        date(2027, 1, 4),
    ]


def test_the_fifteenth_falling_on_a_monday_is_one_reception_not_two():
    days = upcoming_reception_days([schedule(FIFTEENTH_AND_MONDAYS)], date(2027, 3, 14), 2)
    assert [d.day for d in days] == [date(2027, 3, 15), date(2027, 3, 22)]


def test_third_tuesday_of_each_month():
    days = upcoming_reception_days([schedule(THIRD_TUESDAY)], date(2026, 11, 1), 3)
    assert [d.day for d in days] == [date(2026, 11, 17), date(2026, 12, 15), date(2027, 1, 19)]
    assert all(d.day.weekday() == 1 and 15 <= d.day.day <= 21 for d in days)


def test_schedules_merge_in_time_order():
    morning = schedule(THIRD_TUESDAY, id="morning", start=time(9), end=time(11))
    afternoon = schedule(THIRD_TUESDAY, id="afternoon", start=time(14), end=time(16))
    days = upcoming_reception_days([afternoon, morning], date(2026, 11, 1), 2)
    assert [(d.day, d.schedule_id) for d in days] == [
        (date(2026, 11, 17), "morning"),
        (date(2026, 11, 17), "afternoon"),
    ]


def test_a_rotation_takes_turns_counted_from_the_first_occurrence():
    weekly = schedule("DTSTART:20260105\nRRULE:FREQ=WEEKLY;BYDAY=MO", "abcde", per_occurrence=2)
    # 2026-01-05 is occurrence 0: a,b; then c,d; then e,a; then b,c ...
    assert on_duty([weekly], date(2026, 1, 5)) == ("a", "b")
    assert on_duty([weekly], date(2026, 1, 12)) == ("c", "d")
    assert on_duty([weekly], date(2026, 1, 19)) == ("e", "a")
    # The same answer whether asked from the start or from far later.
    later = upcoming_reception_days([weekly], date(2026, 1, 19), 2)
    assert [d.deputy_ids for d in later] == [("e", "a"), ("b", "c")]


def test_nobody_is_on_duty_on_a_day_without_reception():
    assert on_duty([schedule(THIRD_TUESDAY)], date(2026, 11, 18)) == ()
    assert reception_days_on([schedule(THIRD_TUESDAY)], date(2026, 11, 18)) == []


def test_on_duty_lists_each_deputy_once_across_receptions():
    one = schedule(THIRD_TUESDAY, ("a", "b"), id="one")
    two = schedule(THIRD_TUESDAY, ("b", "c"), id="two", start=time(14), end=time(15))
    assert on_duty([one, two], date(2026, 11, 17)) == ("a", "b", "c")


def test_exdate_cancels_one_occurrence():
    rule = THIRD_TUESDAY + "\nEXDATE:20261117T000000"
    days = upcoming_reception_days([schedule(rule)], date(2026, 11, 1), 1)
    assert days[0].day == date(2026, 12, 15)


def test_a_rule_that_ends_yields_no_more_days():
    rule = "DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+3TU;COUNT=2"
    assert len(upcoming_reception_days([schedule(rule)], date(2026, 1, 1), 10)) == 2


@pytest.mark.parametrize("until", ["20260317", "20260317T235959"])
def test_a_rule_until_a_day_ends_on_that_day(until):
    rule = f"DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+3TU;UNTIL={until}"
    days = upcoming_reception_days([schedule(rule)], date(2026, 1, 1), 10)
    assert [d.day for d in days] == [date(2026, 1, 20), date(2026, 2, 17), date(2026, 3, 17)]


@pytest.mark.parametrize(
    "rule", ["RRULE:FREQ=WEEKLY", "DTSTART:20260101\nRRULE:FREQ=SOMETIMES", "DTSTART:nonsense"]
)
def test_a_bad_rule_is_refused_when_the_schedule_is_made(rule):
    with pytest.raises(InvalidRule):
        schedule(rule)


def test_a_schedule_cannot_end_before_it_starts():
    with pytest.raises(InvalidRule):
        schedule(THIRD_TUESDAY, start=time(11), end=time(9))
