# SPDX-License-Identifier: GPL-3.0-or-later
"""Schedules and holidays staff enter on the server (.ics, chinesecalendar) reach the kiosk's
schedule screen through a real pull."""

import json

from kiosk.sync.enrolment import enrol
from tests.helpers.qt import descendants

CALENDAR = (
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//staff//\r\n"
    "BEGIN:VEVENT\r\nUID:mondays@qinghe\r\nDTSTART;TZID=Asia/Shanghai:20261005T090000\r\n"
    "DTEND;TZID=Asia/Shanghai:20261005T113000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n"
    "SUMMARY:周一接待日\r\nX-KIOSK-DEPUTIES:d1\r\nX-KIOSK-INVITED:区民政局\r\nEND:VEVENT\r\n"
    "BEGIN:VEVENT\r\nUID:mondays@qinghe\r\nRECURRENCE-ID;TZID=Asia/Shanghai:20261130T090000\r\n"
    "DTSTART;TZID=Asia/Shanghai:20261130T090000\r\nDTEND;TZID=Asia/Shanghai:20261130T113000\r\n"
    "STATUS:CANCELLED\r\nDESCRIPTION:集中视察\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)


def test_an_ics_and_the_holiday_table_reach_the_schedule_screen(
    make_kiosk, station, tmp_path, qtbot
):
    roster = tmp_path / "roster.json"
    roster.write_text(json.dumps([{"id": "d1", "name": "林嘉禾", "levels": "city"}]), "utf-8")
    station.cli("roster", "import", "--station", "qinghe", str(roster))
    schedules = tmp_path / "schedules.ics"
    schedules.write_text(CALENDAR, "utf-8")
    station.cli("schedules", "import", "--station", "qinghe", str(schedules))
    station.cli("holidays", "seed", "--year", "2026")
    output = station.cli("enrolment-code", "--station", "qinghe").stdout
    enrol(
        tmp_path / "data" / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0]
    )
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾测试联络站", timeout=20_000)
    visitor = kiosk.visitor
    visitor.tap("scheduleButton")
    visitor.tap("day_2026-11-30")
    texts = [i.property("text") for i in descendants(visitor.find("dayCard")) if i.isVisible()]
    assert any("本次接待取消：集中视察" in str(t) for t in texts)
    visitor.tap("previousMonth")
    visitor.tap("day_2026-10-05")
    assert "国庆节" in visitor.text("dayHoliday")
    assert "区民政局" in visitor.text("invitedDepartments")
    visitor.screenshot("schedule-synced")
