# SPDX-License-Identifier: GPL-3.0-or-later
"""Reception-day edge cases: calendars, changed occurrences, holidays, rotations."""

from datetime import date, datetime, time, timedelta

import pytest

from kiosk.domain.holidays import DayKind, Holiday, HolidayCalendar
from kiosk.domain.reception import (
    InvalidRule,
    OccurrenceChange,
    OnHoliday,
    ReceptionSchedule,
    Rotation,
    Status,
    reception_days_between,
    reception_days_on,
    upcoming_reception_days,
)

NATIONAL_DAY_2026 = HolidayCalendar(
    tuple(Holiday(date(2026, 10, d), DayKind.HOLIDAY, "国庆节") for d in range(1, 8))
    + (Holiday(date(2026, 10, 10), DayKind.WORKDAY, "国庆节"),),
    frozenset({2026}),
)


def schedule(rule, **values):
    values = {"id": "s", "title": "接待日", "start": time(9), "end": time(11),
              "deputy_ids": ("a", "b"), **values}  # fmt: skip
    return ReceptionSchedule(rule=rule, **values)


def days(s, first, count, **kw):
    return [r.day for r in upcoming_reception_days([s], first, count, **kw)]


def test_a_fifth_monday_only_in_months_that_have_one():
    fifth_monday = schedule("DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+5MO")
    assert days(fifth_monday, date(2026, 1, 1), 4) == [
        date(2026, 3, 30),
        date(2026, 6, 29),
        date(2026, 8, 31),
        date(2026, 11, 30),
    ]


def test_the_31st_is_skipped_in_shorter_months_and_the_last_day_is_not():
    the_31st = schedule("DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=31")
    assert days(the_31st, date(2026, 1, 1), 3) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]
    last_day = schedule("DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=-1")
    assert days(last_day, date(2026, 2, 1), 2) == [date(2026, 2, 28), date(2026, 3, 31)]
    leap = days(last_day, date(2028, 2, 1), 1)
    assert leap == [date(2028, 2, 29)]


def test_a_rotation_carries_over_the_year_boundary():
    weekly = schedule(
        "DTSTART:20261228\nRRULE:FREQ=WEEKLY;BYDAY=MO", deputy_ids=tuple("abc"), per_occurrence=1
    )
    found = upcoming_reception_days([weekly], date(2026, 12, 28), 3)
    assert [(r.day, r.deputy_ids) for r in found] == [
        (date(2026, 12, 28), ("a",)),
        (date(2027, 1, 4), ("b",)),
        (date(2027, 1, 11), ("c",)),
    ]


def test_times_are_china_standard_time():
    reception = upcoming_reception_days([schedule("DTSTART:20261123\nRDATE:20261123")],
                                        date(2026, 11, 23), 1)[0]  # fmt: skip
    assert reception.starts_at().isoformat() == "2026-11-23T09:00:00+08:00"
    # 09:00 in Shanghai is 01:00 UTC, the same day.
    assert reception.starts_at().utcoffset() == timedelta(hours=8)
    assert (
        reception.starts_at().timestamp()
        == datetime(2026, 11, 23, 1, 0).timestamp()
        - (datetime(2026, 11, 23, 1, 0).astimezone().utcoffset() or timedelta()).total_seconds()
    )


MONDAYS = "DTSTART:20261102\nRRULE:FREQ=WEEKLY;BYDAY=MO"


def test_a_cancelled_occurrence_is_not_held_but_is_shown_with_its_reason():
    s = schedule(MONDAYS, changes=(OccurrenceChange(date(2026, 11, 30), cancelled=True,
                                                    reason="集中视察"),))  # fmt: skip
    assert days(s, date(2026, 11, 24), 2) == [date(2026, 12, 7), date(2026, 12, 14)]
    assert reception_days_on([s], date(2026, 11, 30)) == []
    shown = reception_days_between([s], date(2026, 11, 30), date(2026, 11, 30), held_only=False)
    assert [(r.status, r.reason) for r in shown] == [(Status.CANCELLED, "集中视察")]


def test_a_moved_occurrence_is_held_on_its_new_day_and_keeps_its_deputies():
    s = schedule(
        MONDAYS,
        deputy_ids=tuple("abcd"),
        per_occurrence=2,
        changes=(OccurrenceChange(date(2026, 11, 16), moved_to=date(2026, 11, 18),
                                  start=time(14), end=time(16), reason="会议室维修"),),
    )  # fmt: skip
    held = upcoming_reception_days([s], date(2026, 11, 10), 3)
    assert [(r.day, r.start, r.status) for r in held] == [
        (date(2026, 11, 18), time(14), Status.MOVED),
        (date(2026, 11, 23), time(9), Status.HELD),
        (date(2026, 11, 30), time(9), Status.HELD),
    ]
    # Occurrence 2 (counted from 2 November) keeps its turn: a, b.
    assert held[0].deputy_ids == ("a", "b") and held[0].original_day == date(2026, 11, 16)
    marker = reception_days_between([s], date(2026, 11, 16), date(2026, 11, 16), held_only=False)
    assert [(m.status, m.moved_to) for m in marker] == [(Status.MOVED_AWAY, date(2026, 11, 18))]


def test_a_move_from_far_away_into_the_window_is_found():
    s = schedule(MONDAYS, changes=(OccurrenceChange(date(2026, 11, 2), moved_to=date(2027, 3, 3)),))
    found = reception_days_between([s], date(2027, 3, 3), date(2027, 3, 3))
    assert [r.original_day for r in found] == [date(2026, 11, 2)]


def test_a_reception_on_a_holiday_is_flagged_or_moved_to_the_next_working_day():
    rule = "DTSTART:20260928\nRRULE:FREQ=WEEKLY;BYDAY=MO"
    flagged = schedule(rule)
    monday = reception_days_on([flagged], date(2026, 10, 5), holidays=NATIONAL_DAY_2026)
    assert monday[0].holiday.name == "国庆节" and monday[0].status is Status.HELD
    moved = schedule(rule, on_holiday=OnHoliday.MOVE)
    held = upcoming_reception_days([moved], date(2026, 10, 1), 2, holidays=NATIONAL_DAY_2026)
    # 5 October is a holiday; the 6th and 7th too; the 8th (Thursday) is a working day.
    assert [(r.day, r.moved_for_holiday) for r in held] == [
        (date(2026, 10, 8), True),
        (date(2026, 10, 12), False),
    ]


def test_a_move_for_a_holiday_lands_on_a_make_up_workday():
    rule = "DTSTART:20261001\nRDATE:20261007"
    s = schedule(rule, on_holiday="move")
    held = upcoming_reception_days([s], date(2026, 10, 1), 1, holidays=NATIONAL_DAY_2026)
    assert held[0].day == date(2026, 10, 8)  # Thursday: the first working day after the break
    saturday = HolidayCalendar(
        (
            Holiday(date(2026, 10, 8), DayKind.HOLIDAY, "x"),
            Holiday(date(2026, 10, 9), DayKind.HOLIDAY, "x"),
            *NATIONAL_DAY_2026.days,
        ),
        frozenset({2026}),
    )
    held = upcoming_reception_days([s], date(2026, 10, 1), 1, holidays=saturday)
    assert held[0].day == date(2026, 10, 10)  # a Saturday worked in exchange (调休)


def test_a_year_without_holiday_data_is_known_to_be_missing_not_guessed():
    table = NATIONAL_DAY_2026
    assert table.covers(2026) and not table.covers(2027)
    assert table.missing_years(date(2026, 12, 1), date(2027, 1, 31)) == [2027]
    # New Year's Day 2027 is not in the table: the reception stays, unflagged, and nothing fails.
    s = schedule("DTSTART:20270101\nRDATE:20270101", on_holiday="move")
    held = upcoming_reception_days([s], date(2027, 1, 1), 1, holidays=table)
    assert held[0].day == date(2027, 1, 1) and held[0].holiday is None


def test_rotation_over_the_station_roster_and_explicit_dates():
    station = schedule(MONDAYS, rotation=Rotation.STATION, deputy_ids=(), per_occurrence=2)
    found = upcoming_reception_days([station], date(2026, 11, 2), 2, station_deputies="pqrst")
    assert [r.deputy_ids for r in found] == [("p", "q"), ("r", "s")]
    named = schedule(
        MONDAYS, rotation="dates", deputy_ids=("chair",), roster={date(2026, 11, 9): ("x", "y")}
    )
    found = upcoming_reception_days([named], date(2026, 11, 2), 2)
    assert [r.deputy_ids for r in found] == [("chair",), ("x", "y")]


def test_one_presidium_member_and_five_deputies_every_month():
    monthly = schedule(
        "DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYDAY=+1WE",
        deputy_ids=("presidium", "d1", "d2", "d3", "d4", "d5"),
    )
    found = upcoming_reception_days([monthly], date(2026, 11, 1), 2)
    assert [len(r.deputy_ids) for r in found] == [6, 6]


@pytest.mark.parametrize(
    "changes, message",
    [
        ((OccurrenceChange(date(2026, 11, 3), cancelled=True),), "no reception on that date"),
        ((OccurrenceChange(date(2026, 11, 2)),), "neither cancelled nor moved"),
        (
            (OccurrenceChange(date(2026, 11, 2), cancelled=True, moved_to=date(2026, 11, 3)),),
            "not both",
        ),
        (
            (OccurrenceChange(date(2026, 11, 2), start=time(10), end=time(9)),),
            "ends before it starts",
        ),
        (
            (
                OccurrenceChange(date(2026, 11, 2), cancelled=True),
                OccurrenceChange(date(2026, 11, 2), cancelled=True),
            ),
            "changed twice",
        ),
    ],
)
def test_impossible_changes_are_refused(changes, message):
    with pytest.raises(InvalidRule, match=message):
        schedule(MONDAYS, changes=changes)


@pytest.mark.parametrize(
    "rule",
    [
        "DTSTART:20260230\nRRULE:FREQ=WEEKLY",  # no 30 February
        "DTSTART:20260101\nRRULE:FREQ=MONTHLY;BYMONTHDAY=32",
        "DTSTART:20260101\nVEVENT:nonsense",
        "DTSTART:20260101\nRDATE:2026-13-45",
    ],
)
def test_invalid_rules_are_refused(rule):
    with pytest.raises(InvalidRule):
        schedule(rule)


def test_a_station_rotation_needs_a_count():
    with pytest.raises(InvalidRule, match="per_occurrence"):
        schedule(MONDAYS, rotation="station")
