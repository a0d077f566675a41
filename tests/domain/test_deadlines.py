# SPDX-License-Identifier: GPL-3.0-or-later
from datetime import date

from kiosk.domain.deadlines import Colour, Deadline, Step, colour, current_deadline, reply_due

MONDAY = date(2026, 11, 23)
FRIDAY = date(2026, 11, 27)


def test_review_is_due_one_working_day_after_receipt():
    assert current_deadline("received", received_on=FRIDAY, holidays={}) == Deadline(
        Step.REVIEW, date(2026, 11, 30)
    )


def test_reply_counts_from_receipt_not_from_assignment():
    for state in ("accepted", "assigned"):
        deadline = current_deadline(state, received_on=MONDAY, holidays={})
        assert deadline == Deadline(Step.REPLY, date(2026, 11, 26))
    assert reply_due(MONDAY, {}) == date(2026, 11, 26)


def test_feedback_counts_fifteen_working_days_from_the_referral():
    deadline = current_deadline(
        "referred", received_on=MONDAY, referred_on=date(2026, 11, 25), holidays={}
    )
    assert deadline == Deadline(Step.FEEDBACK, date(2026, 12, 16))


def test_a_reopened_appeal_gets_a_new_reply_deadline():
    deadline = current_deadline(
        "reopened", received_on=MONDAY, reopened_on=date(2026, 12, 7), holidays={}
    )
    assert deadline == Deadline(Step.REPLY, date(2026, 12, 10))


def test_nothing_is_due_once_replied_closed_or_rejected():
    for state in ("replied", "feedback", "closed", "rated", "rejected"):
        assert current_deadline(state, received_on=MONDAY, holidays={}) is None


def test_holidays_and_make_up_days_move_the_date():
    # New Year's Day 2027 is a Friday: received Thursday, review due Monday.
    holidays = {date(2027, 1, 1): True}
    deadline = current_deadline("received", received_on=date(2026, 12, 31), holidays=holidays)
    assert deadline.due_on == date(2027, 1, 4)
    # A Saturday made a workday (调休) counts.
    make_up = {date(2026, 11, 28): False}
    assert reply_due(date(2026, 11, 25), make_up) == date(2026, 11, 28)


def test_colours_turn_yellow_then_red_as_working_days_pass():
    due = date(2026, 11, 26)  # a Thursday
    assert colour(due, MONDAY, {}) is Colour.GREEN
    assert colour(due, date(2026, 11, 25), {}) is Colour.YELLOW
    assert colour(due, due, {}) is Colour.YELLOW
    assert colour(due, date(2026, 11, 27), {}) is Colour.RED


def test_a_weekend_before_the_due_day_makes_friday_yellow():
    due = date(2026, 11, 30)  # a Monday
    assert colour(due, date(2026, 11, 26), {}) is Colour.GREEN
    assert colour(due, FRIDAY, {}) is Colour.YELLOW
