# SPDX-License-Identifier: GPL-3.0-or-later
"""Reception schedules in a real headless Chromium (issue 15 §1): staff import a calendar,
change a rule and see its next 12 days before saving (the kiosk's own domain code), cancel one
day and move another with a public reason that the kiosks' snapshot carries, and export the
.ics back. Screenshots at 1366x768 and 360x740 (screenshots/console-schedule*)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import icalendar
import requests

from central.core.config import CHINA_TIME
from tests.central.console_fixtures import STATION_B, ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser


def next_weekday(weekday: int, after: date) -> date:
    return after + timedelta(days=(weekday - after.weekday()) % 7 or 7)


def calendar(first: date) -> str:
    return (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//phone//\r\n"
        f"BEGIN:VEVENT\r\nUID:tuesdays@b\r\nDTSTART;TZID=Asia/Shanghai:{first:%Y%m%d}T090000\r\n"
        f"DTEND;TZID=Asia/Shanghai:{first:%Y%m%d}T113000\r\nRRULE:FREQ=WEEKLY;BYDAY=TU\r\n"
        "SUMMARY:周二接待日\r\nLOCATION:城南联络站一楼\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )


def set_date(browser: Browser, element_id: str, day: date) -> None:
    """A date field's value as the date picker would set it (typing depends on the locale)."""
    element = browser.find(element_id)
    browser.driver.execute_script("arguments[0].value = arguments[1]", element, day.isoformat())


def days(browser: Browser) -> list[tuple[str, str]]:
    rows = browser.driver.find_elements("css selector", "#next-days tr[data-day]")
    return [(r.get_attribute("data-day"), r.get_attribute("data-status")) for r in rows]


def test_staff_edit_a_rule_with_a_preview_and_cancel_and_move_days(
    console: ConsoleSite, desktop, phone, tmp_path
):
    today = datetime.now(UTC).astimezone(CHINA_TIME).date()
    tuesday = next_weekday(1, today)
    ics = tmp_path / "接待日.ics"
    ics.write_text(calendar(tuesday), encoding="utf-8")
    sign_in(desktop, console, "staff-b", lands_on="/console/")
    desktop.nav("nav-schedules")
    desktop.find("ics-file").send_keys(str(ics))
    desktop.follow("import-ics")
    assert "已导入 1 个接待安排" in desktop.find("notice").text
    assert "每周二" in desktop.find("schedules").text

    desktop.follow("edit-tuesdays")
    assert len(days(desktop)) == 12 and days(desktop)[0] == (tuesday.isoformat(), "held")
    # Every other Thursday: previewed first, nothing saved until "保存".
    thursday = next_weekday(3, today)
    desktop.choose("repeat", "每两周")
    set_date(desktop, "first", thursday)
    desktop.choose("weekday", "星期四")
    desktop.follow("preview-rule")
    assert "还没有保存" in desktop.find("preview-note").text
    shown = [d for d, _ in days(desktop)]
    assert shown[:3] == [(thursday + timedelta(days=14 * n)).isoformat() for n in range(3)]
    assert console.kiosk_b.snapshot().json()["schedules"][0]["rule"].endswith("BYDAY=TU")
    fits(desktop)
    desktop.screenshot("schedule-preview", full=True)
    desktop.follow("save-rule")
    assert "已保存" in desktop.find("notice").text
    (saved,) = console.kiosk_b.snapshot().json()["schedules"]
    assert saved["rule"] == f"DTSTART:{thursday:%Y%m%d}\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"

    # Cancel the second day without a reason: refused; with one: the kiosks get it.
    second = (thursday + timedelta(days=14)).isoformat()
    desktop.choose("change-day", f"{second} 周四")
    desktop.click("action-cancel")
    desktop.follow("apply-change")
    assert "请写明原因" in desktop.find("problem").text
    desktop.type("reason", "代表集中视察，暂停一次")
    desktop.follow("apply-change")
    assert f"已取消 {second} 的接待" in desktop.find("notice").text
    # Move the third day two days later.
    third = thursday + timedelta(days=28)
    desktop.choose("change-day", f"{third.isoformat()} 周四")
    desktop.click("action-move")
    set_date(desktop, "moved-to", third + timedelta(days=1))
    desktop.type("reason", "会议室维修")
    desktop.follow("apply-change")
    assert "已改期" in desktop.find("notice").text
    statuses = dict(days(desktop))
    assert statuses[second] == "cancelled"
    assert statuses[(third + timedelta(days=1)).isoformat()] == "moved"
    assert "代表集中视察，暂停一次" in desktop.find("next-days").text
    (saved,) = console.kiosk_b.snapshot().json()["schedules"]
    assert {"date": second, "cancelled": True, "reason": "代表集中视察，暂停一次"} in saved[
        "changes"
    ]
    fits(desktop)
    desktop.screenshot("schedule-edit", full=True)

    # The export holds the cancelled day as calendars read it.
    cookies = {c["name"]: c["value"] for c in desktop.driver.get_cookies()}
    answer = requests.get(
        f"{console.url}/console/schedules/{STATION_B}/calendar.ics", cookies=cookies, timeout=30
    )
    assert answer.headers["content-type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(answer.text).walk("VEVENT")
    assert any(str(e.get("STATUS")) == "CANCELLED" for e in events)
    desktop.follow("back")
    fits(desktop)
    desktop.screenshot("schedules", full=True)

    sign_in(phone, console, "staff-b", lands_on="/console/")
    phone.open(f"{console.url}/console/schedules")
    fits(phone)
    phone.screenshot("schedules", full=True)
    phone.open(f"{console.url}/console/schedules/{STATION_B}/edit/tuesdays")
    fits(phone)
    phone.screenshot("schedule-edit", full=True)


def test_viewers_cannot_open_schedules(console, desktop):
    sign_in(desktop, console, "viewer", lands_on="/console/")
    desktop.open(f"{console.url}/console/schedules")
    assert "您没有权限" in desktop.text
