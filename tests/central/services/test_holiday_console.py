# SPDX-License-Identifier: GPL-3.0-or-later
"""Holidays and 调休 from the console (issue 15 §1): an admin's day off moves an open appeal's
due date in the same transaction, and clearing it moves it back; refusals in words; only
admins; every change audited."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from central.models import AuditEntry, Holiday
from central.services import holidays
from central.services.permissions import Refused
from central.services.publishing import PublishRefused
from tests.central.services.conftest import FRIDAY


def test_a_day_off_moves_an_open_appeals_due_date_and_back(world):
    appeal = world.appeal("K7QM4XPD8", "a")  # received Friday 2026-11-20: review due Monday
    assert appeal.due_on == date(2026, 11, 23)
    admin = world.who("admin")
    holidays.console_set_day(world.session, admin, "2026-11-23", "holiday", "测试假日", now=FRIDAY)
    world.session.refresh(appeal)
    assert appeal.due_on == date(2026, 11, 24)
    holidays.console_clear_day(world.session, admin, date(2026, 11, 23), now=FRIDAY)
    world.session.refresh(appeal)
    assert appeal.due_on == date(2026, 11, 23)
    holidays.console_set_day(world.session, admin, "2026-11-21", "workday", "调休", now=FRIDAY)
    world.session.refresh(appeal)
    assert appeal.due_on == date(2026, 11, 21)  # the Saturday is worked
    kinds = {h.day: h.kind for h in world.session.scalars(select(Holiday))}
    assert kinds == {date(2026, 11, 23): "normal", date(2026, 11, 21): "workday"}
    actions = [
        (e.action, e.target)
        for e in world.session.scalars(
            select(AuditEntry).where(AuditEntry.action.like("holiday.%"))
        )
    ]
    assert actions == [
        ("holiday.holiday", "2026-11-23"),
        ("holiday.clear", "2026-11-23"),
        ("holiday.workday", "2026-11-21"),
    ]


@pytest.mark.parametrize(
    ("day", "kind", "name", "key"),
    [
        ("2026-13-01", "holiday", "元旦", "date_unreadable"),
        ("2026-11-23", "workday", "调休", "workday_on_weekday"),
        ("2026-11-23", "holiday", " ", "field_needed"),
        ("2026-11-23", "normal", "x", "day_kind_unknown"),
    ],
)
def test_bad_days_are_refused_in_words(world, day, kind, name, key):
    with pytest.raises(PublishRefused) as refused:
        holidays.console_set_day(world.session, world.who("admin"), day, kind, name, now=FRIDAY)
    assert refused.value.key == key


def test_only_admins_change_the_table(world):
    for login in ("reviewer", "staff-a", "viewer", "tech"):
        with pytest.raises(Refused):
            holidays.console_set_day(
                world.session, world.who(login), "2026-11-23", "holiday", "假", now=FRIDAY
            )
    with pytest.raises(PublishRefused) as refused:
        holidays.console_seed_year(world.session, world.who("admin"), 2099, now=FRIDAY)
    assert refused.value.key == "year_unknown_to_seed"
