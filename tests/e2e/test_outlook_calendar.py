# SPDX-License-Identifier: GPL-3.0-or-later
"""A calendar exported from Outlook (TZID "China Standard Time" with its VTIMEZONE, a deleted
day, a cancelled exception) uploaded by the station's staff in the console reaches a real
kiosk's schedule screen with its next pull (issue 15 §1)."""

from datetime import date

from kiosk.sync.enrolment import enrol
from tests.central.console_fixtures import PASSWORD, Staff
from tests.helpers.calendars import outlook
from tests.helpers.phone import field_value
from tests.helpers.qt import descendants


def test_an_outlook_calendar_uploaded_in_the_console_shows_on_the_kiosk(
    make_kiosk, station, tmp_path
):
    # The kiosk's clock says Monday 2026-11-23: the series starts that day; 11-30 was deleted
    # in Outlook, 12-07 cancelled with a reason.
    text = outlook(date(2026, 11, 23), date(2026, 11, 30), date(2026, 12, 7), date(2027, 3, 29))
    output = station.cli(
        "user", "create", "clerk", "--name", "林干事", "--role", "staff", "--station", "qinghe"
    ).stdout
    first = output.split("one-time password: ")[1].split()[0]
    clerk = Staff(station.server.url)
    clerk.sign_in("clerk", first)
    clerk.post("/console/password", {"old": first, "new": PASSWORD})
    clerk.get("/console/schedules")
    answer = clerk.http.post(
        f"{station.server.url}/console/schedules/qinghe/calendar",
        data={"csrf": field_value(clerk.page, "csrf")},
        files={"file": ("接待日.ics", text.encode(), "text/calendar")},
        timeout=30,
    )
    assert answer.status_code == 200 and "已导入 1 个接待安排" in answer.text, answer.text

    code = station.cli("enrolment-code", "--station", "qinghe").stdout.split(": ", 1)[1].split()[0]
    enrol(tmp_path / "data" / "kiosk.sqlite3", station.server.url, code)
    kiosk = make_kiosk()
    qtbot = kiosk.visitor.qtbot
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾测试联络站", timeout=20_000)
    visitor = kiosk.visitor
    visitor.tap("scheduleButton")
    assert visitor.find("mark_2026-11-23").isVisible()
    # Deleted from the series in Outlook (EXDATE): no reception mark on that day.
    cell = visitor.find("day_2026-11-30")
    marks = [i for i in descendants(cell) if i.objectName() == "mark_2026-11-30"]
    assert marks and not marks[0].isVisible()
    visitor.tap("day_2026-11-23")
    texts = [str(i.property("text")) for i in descendants(visitor.find("dayCard"))]
    assert any("周一代表接待日" in t for t in texts)
    assert any("09:00" in t and "11:30" in t for t in texts)
    visitor.screenshot("schedule-outlook")
    visitor.tap("nextMonth")
    visitor.tap("day_2026-12-07")
    texts = [str(i.property("text")) for i in descendants(visitor.find("dayCard")) if i.isVisible()]
    assert any("本次接待取消：代表参加集中视察，本次接待取消" in t for t in texts)
    assert visitor.find("mark_2026-12-14").isVisible()
    visitor.screenshot("schedule-outlook-cancelled")
