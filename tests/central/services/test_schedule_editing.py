# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing a reception schedule as the console does: a rule from the form's fields with its
next 12 days from the kiosk's own domain code, and one day cancelled or moved with a public
reason that the snapshot carries; wrong input refused in words, nothing saved."""

from datetime import date, time

import pytest
from sqlalchemy import select

from central.models import AuditEntry, Holiday, HolidayYear
from central.services.rosters import RosterEntry, ScheduleLoss, import_roster, schedule_losses
from central.services.schedules import (
    ScheduleError,
    change_occurrence,
    create_schedule,
    delete_schedule,
    describe_rule,
    edited_schedule,
    find_schedule,
    import_schedules,
    next_dates,
    rule_form,
    rule_from_form,
    station_schedules,
    update_people,
    update_schedule,
)
from central.services.snapshot import schedule_entity
from kiosk.domain.deputies import Level
from kiosk.domain.reception import ReceptionSchedule, Status
from tests.central.services.conftest import FRIDAY

MONDAYS = ReceptionSchedule(
    id="mondays",
    title="周一接待日",
    rule="DTSTART:20261102\nRRULE:FREQ=WEEKLY;BYDAY=MO",
    start=time(9),
    end=time(11, 30),
    deputy_ids=("a-0",),
    place="一楼接待室",
)
FORM = {"title": "周一接待日", "start": "09:00", "end": "11:30", "place": "一楼接待室"}


@pytest.fixture
def station(world):
    import_schedules(world.session, "a", [MONDAYS])
    world.session.flush()
    return world


def test_the_form_reads_back_the_common_shapes_and_keeps_others_as_text():
    assert rule_form(MONDAYS.rule).repeat == "weekly"
    assert describe_rule(MONDAYS.rule) == "每周一"
    monthly = rule_from_form(
        {"repeat": "monthly", "first": "2026-12-04", "weekday": "FR", "nth": "1", "until": ""}
    )
    assert monthly == "DTSTART:20261204\nRRULE:FREQ=MONTHLY;BYDAY=1FR"
    assert describe_rule(monthly) == "每月第一个星期五"
    biweekly = rule_from_form(
        {"repeat": "biweekly", "first": "2026-12-02", "weekday": "WE", "until": "2027-06-30"}
    )
    assert rule_form(biweekly).until == "2027-06-30"
    odd = "DTSTART:20261102\nRRULE:FREQ=WEEKLY;BYDAY=MO,TH\nEXDATE:20261105"
    assert rule_form(odd).repeat == "custom" and describe_rule(odd) == "自定义规则"


def test_the_preview_gives_the_next_12_days_with_holidays_as_the_kiosk_has_them(station):
    session = station.session
    session.add(HolidayYear(year=2027, source="test"))
    session.add(Holiday(day=date(2027, 1, 4), kind="holiday", name="元旦"))
    session.flush()
    values = FORM | {"repeat": "weekly", "first": "2026-12-07", "weekday": "MO"}
    schedule, dropped = edited_schedule(MONDAYS, values)
    days = next_dates(session, "a", schedule, date(2026, 12, 3))
    assert len(days) == 12 and not dropped
    assert days[0].day == date(2026, 12, 7) and days[-1].day == date(2027, 2, 22)
    assert next(d for d in days if d.day == date(2027, 1, 4)).holiday.name == "元旦"


def test_a_day_is_cancelled_moved_and_restored_with_a_public_reason(station):
    session, who = station.session, station.who("staff-a")
    values = {"day": "2026-12-14", "action": "cancel", "reason": "代表集中视察"}
    change_occurrence(session, who, "a", "mondays", values, now=FRIDAY)
    moved = {
        "day": "2026-12-21",
        "action": "move",
        "moved_to": "2026-12-23",
        "new_start": "",
        "new_end": "",
        "reason": "会议室维修",
    }
    change_occurrence(session, who, "a", "mondays", moved, now=FRIDAY)
    (schedule,) = station_schedules(session, "a")
    days = {(d.day, d.status): d for d in next_dates(session, "a", schedule, date(2026, 12, 10))}
    assert days[(date(2026, 12, 14), Status.CANCELLED)].reason == "代表集中视察"
    assert days[(date(2026, 12, 23), Status.MOVED)].reason == "会议室维修"
    assert (date(2026, 12, 21), Status.MOVED_AWAY) in days
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.login == "staff-a"))
    assert {"schedule.cancel", "schedule.move"} <= set(actions)

    restore = {"day": "2026-12-14", "action": "restore"}
    change_occurrence(session, who, "a", "mondays", restore, now=FRIDAY)
    (schedule,) = station_schedules(session, "a")
    assert [c.day for c in schedule.changes] == [date(2026, 12, 21)]


def test_wrong_input_is_refused_in_words_and_nothing_is_saved(station):
    session = station.session
    for values, field, words in (
        ({"day": "2026-12-15", "action": "cancel", "reason": "x"}, "day", "按规则没有接待"),
        ({"day": "2026-12-14", "action": "cancel", "reason": ""}, "reason", "请写明原因"),
        ({"day": "12/14", "action": "cancel", "reason": "x"}, "day", "应写成 2026-12-07"),
        ({"day": "2026-12-14", "action": "move", "reason": "x"}, "moved_to", "换一个日期"),
    ):
        with pytest.raises(ScheduleError, match=words) as refused:
            change_occurrence(session, None, "a", "mondays", values, now=FRIDAY)
        assert refused.value.field == field
    for values, field in (
        (FORM | {"repeat": "custom", "rule": "RRULE:FREQ=WEEKLY"}, "rule"),
        (FORM | {"repeat": "weekly", "first": "", "weekday": "MO"}, "first"),
        (
            FORM | {"repeat": "weekly", "first": "2026-12-07", "end": "08:00", "weekday": "MO"},
            "end",
        ),
    ):
        with pytest.raises(ScheduleError) as refused:
            update_schedule(session, None, "a", "mondays", values, now=FRIDAY)
        assert refused.value.field == field
    assert schedule_entity(find_schedule(session, "a", "mondays")) == MONDAYS


def test_a_new_rule_drops_the_changes_of_days_it_no_longer_has(station):
    session = station.session
    values = {"day": "2026-12-14", "action": "cancel", "reason": "视察"}
    change_occurrence(session, None, "a", "mondays", values, now=FRIDAY)
    form = FORM | {"repeat": "weekly", "first": "2026-12-02", "weekday": "WE", "until": ""}
    dropped = update_schedule(session, None, "a", "mondays", form, now=FRIDAY)
    assert [c.day for c in dropped] == [date(2026, 12, 14)]
    (schedule,) = station_schedules(session, "a")
    assert schedule.rule == "DTSTART:20261202\nRRULE:FREQ=WEEKLY;BYDAY=WE"
    assert schedule.changes == ()


NEW = FORM | {"title": "周三代表接待", "theme": "加装电梯", "repeat": "weekly"}
NEW |= {"first": "2026-12-02", "weekday": "WE", "until": ""}


def test_staff_create_a_schedule_whose_deputies_take_turns_and_delete_it(station):
    session, who = station.session, station.who("staff-a")
    # Chosen out of roster order: the turns follow the roster's order.
    made = create_schedule(
        session, who, "a", NEW | {"per_occurrence": "1"}, ["a-1", "a-0"], now=FRIDAY
    )
    assert made.deputy_ids == ("a-0", "a-1") and made.per_occurrence == 1
    saved = station_schedules(session, "a")
    assert [s.id for s in saved] == ["mondays", made.id]
    days = next_dates(session, "a", saved[1], date(2026, 12, 1), count=4)
    assert [(d.day, d.deputy_ids) for d in days] == [
        (date(2026, 12, 2), ("a-0",)),
        (date(2026, 12, 9), ("a-1",)),
        (date(2026, 12, 16), ("a-0",)),
        (date(2026, 12, 23), ("a-1",)),
    ]
    assert saved[1].theme == "加装电梯" and saved[1].title == "周三代表接待"
    # Every chosen deputy every time: no rotation.
    everyone = create_schedule(
        session, who, "a", NEW | {"per_occurrence": "2"}, ["a-0", "a-1"], now=FRIDAY
    )
    assert everyone.per_occurrence is None

    assert delete_schedule(session, who, "a", made.id, now=FRIDAY) == "周三代表接待"
    assert [s.id for s in station_schedules(session, "a")] == ["mondays", everyone.id]
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.login == "staff-a"))
    assert {"schedule.create", "schedule.delete"} <= set(actions)


def test_a_new_schedule_with_wrong_input_is_refused_naming_the_field(station):
    session = station.session
    for values, chosen, field, words in (
        (NEW, [], "deputies", "请至少选一位代表"),
        (NEW, ["b-0"], "deputies", "本站代表名单里没有 b-0"),
        (NEW | {"per_occurrence": "3"}, ["a-0", "a-1"], "per_occurrence", "只选了 2 位"),
        (NEW | {"per_occurrence": "一"}, ["a-0"], "per_occurrence", "整数"),
        (NEW | {"repeat": "custom", "rule": "RRULE:FREQ=WEEKLY"}, ["a-0"], "rule", "DTSTART"),
        (NEW | {"title": " "}, ["a-0"], "title", "请填写名称"),
        (NEW | {"weekday": ""}, ["a-0"], "weekday", "星期几"),
    ):
        with pytest.raises(ScheduleError, match=words) as refused:
            create_schedule(session, None, "a", values, chosen, now=FRIDAY)
        assert refused.value.field == field
    assert [s.id for s in station_schedules(session, "a")] == ["mondays"]


def test_a_roster_import_takes_removed_deputies_off_the_schedules(station):
    session = station.session
    made = create_schedule(session, None, "a", NEW, ["a-0", "a-1"], now=FRIDAY)
    # Only 王建国 (a-1) stays: 林嘉禾 (a-0) leaves both schedules, MONDAYS is left empty.
    stays = [RosterEntry("a-1", "王建国", (Level.CITY,))]
    assert schedule_losses(session, "a", {"a-0": "林嘉禾"}) == [
        ScheduleLoss("mondays", "周一接待日", ("林嘉禾",), emptied=True),
        ScheduleLoss(made.id, "周三代表接待", ("林嘉禾",), emptied=False),
    ]
    change = import_roster(session, "a", stays, now=FRIDAY)
    assert [loss.schedule_id for loss in change.schedules] == ["mondays", made.id]
    assert {s.id: s.deputy_ids for s in station_schedules(session, "a")} == {
        "mondays": (),
        made.id: ("a-1",),
    }


def test_the_deputies_and_theme_of_a_schedule_are_changed_with_the_same_checks(station):
    session, who = station.session, station.who("staff-a")
    values = {"theme": "老旧小区改造", "per_occurrence": "1"}
    changed = update_people(session, who, "a", "mondays", values, ["a-1", "a-0"], now=FRIDAY)
    assert changed.deputy_ids == ("a-0", "a-1") and changed.per_occurrence == 1
    (saved,) = station_schedules(session, "a")
    assert saved.theme == "老旧小区改造" and saved.deputy_ids == ("a-0", "a-1")
    assert saved.rule == MONDAYS.rule  # the rule and its changes stay
    with pytest.raises(ScheduleError, match="请至少选一位代表") as refused:
        update_people(session, who, "a", "mondays", values, [], now=FRIDAY)
    assert refused.value.field == "deputies"
    assert station_schedules(session, "a")[0].deputy_ids == ("a-0", "a-1")
    actions = session.scalars(select(AuditEntry.action).where(AuditEntry.login == "staff-a"))
    assert "schedule.people" in set(actions)
