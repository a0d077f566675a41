# SPDX-License-Identifier: GPL-3.0-or-later
"""Schedules over plain HTTP: a broken calendar is refused with what is wrong and changes
nothing; other stations, unknown schedules and wrong forms are answered in words, never 500."""

from __future__ import annotations

from tests.central.console_fixtures import STATION, ConsoleSite
from tests.central.web.console.test_rosters_http import send


def test_a_broken_calendar_is_refused_in_words_and_changes_nothing(console: ConsoleSite):
    staff = console.staff("staff-a")
    staff.get("/console/schedules")
    before = console.kiosk_a.snapshot().json()["schedules"]
    path = f"/console/schedules/{STATION}/calendar"
    broken = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x@y\r\n"
        "DTSTART;TZID=China Standard Time:20261207T090000\r\nDTEND;TZID=China Standard "
        "Time:20261207T113000\r\nRRULE:FREQ=WEEKLY;BYDAY=XX\r\nSUMMARY:周一接待日\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    answer = send(staff, path, {}, ("outlook.ics", broken.encode()))
    assert answer.status_code == 400
    assert "日历文件没有导入，接待安排没有任何改动" in staff.text
    assert "第3行起的事件“周一接待日”，RRULE：重复规则读不懂" in staff.text
    truncated = broken.replace("END:VEVENT\r\nEND:VCALENDAR\r\n", "")
    answer = send(staff, path, {}, ("cut.ics", truncated.encode()))
    assert answer.status_code == 400 and "日历不完整" in staff.text
    answer = send(staff, path, {}, ("x.ics", b"\xff\xfe\x00garbage"))
    assert answer.status_code == 400
    assert console.kiosk_a.snapshot().json()["schedules"] == before


def test_other_stations_and_unknown_schedules_are_plain_answers(console: ConsoleSite):
    staff = console.staff("staff-a")
    assert staff.get("/console/schedules/station-b/calendar.ics").status_code == 404
    assert staff.get(f"/console/schedules/{STATION}/edit/nope").status_code == 404
    assert "没有这个接待安排" in staff.text
    assert staff.get("/console/schedules/station-b/edit/tuesdays").status_code == 404
    exported = staff.get(f"/console/schedules/{STATION}/calendar.ics")
    assert exported.status_code == 200 and "BEGIN:VCALENDAR" in exported.text
    schedule = console.kiosk_a.snapshot().json()["schedules"][0]["id"]
    staff.get(f"/console/schedules/{STATION}/edit/{schedule}")
    answer = staff.post(
        f"/console/schedules/{STATION}/edit/{schedule}/change",
        {"day": "not a day", "action": "cancel", "reason": "x"},
    )
    assert answer.status_code == 400 and "应写成 2026-12-07" in staff.text
    staff.get(f"/console/schedules/{STATION}/edit/{schedule}")
    answer = staff.post(
        f"/console/schedules/{STATION}/edit/{schedule}",
        {"do": "save", "title": "", "start": "09:00", "end": "11:00", "repeat": "custom"},
    )
    assert answer.status_code == 400 and "请填写名称" in staff.text
    viewer = console.staff("viewer")
    assert viewer.get("/console/schedules").status_code == 403


def test_staff_delete_a_schedule_and_the_kiosks_lose_it(console: ConsoleSite):
    staff = console.staff("staff-a")
    before = [s["id"] for s in console.kiosk_a.snapshot().json()["schedules"]]
    staff.get(f"/console/schedules/{STATION}/new")
    made = staff.post(
        f"/console/schedules/{STATION}/new",
        {"do": "save", "title": "临时接待", "start": "14:00", "end": "16:00",
         "repeat": "monthly", "first": "2026-12-01", "weekday": "FR", "nth": "-1",
         "deputies": console.kiosk_a.snapshot().json()["deputies"][0]["id"]},
    )  # fmt: skip
    assert made.status_code == 200 and "已新建“临时接待”" in staff.text
    schedules = console.kiosk_a.snapshot().json()["schedules"]
    (new,) = [s for s in schedules if s["id"] not in before]
    assert new["rule"] == "DTSTART:20261201\nRRULE:FREQ=MONTHLY;BYDAY=-1FR"
    answer = staff.post(f"/console/schedules/{STATION}/edit/{new['id']}/delete", {})
    assert answer.status_code == 200 and "已删除“临时接待”" in staff.text
    assert [s["id"] for s in console.kiosk_a.snapshot().json()["schedules"]] == before
    staff.get("/console/schedules")
    gone = staff.post(f"/console/schedules/{STATION}/edit/{new['id']}/delete", {})
    assert gone.status_code == 404 and "没有这个接待安排" in staff.text
    other = staff.post("/console/schedules/station-b/new", {"do": "save", "title": "x"})
    assert other.status_code == 404
