# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15 §1 end to end: station staff make a new reception schedule in the console (real
Chromium): refused in words naming the field while nothing typed is lost (no deputy chosen, a
rule that cannot be read), then the next 12 days previewed with whose turn each is, then saved,
and its deputies and theme changed on its edit page; a real kiosk enrolled at that station shows
the new days after its next pull, without a restart. Screenshots:
screenshots/publish-schedule*_1366x768* and _360x740*."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from kiosk.sync.enrolment import enrol
from tests.e2e.test_publish_to_kiosk import SHOTS, screen_texts, set_date, staff_browser
from tests.helpers.phone import Browser

__all__ = ["staff_browser"]  # the fixture, shared with the publishing test


def day_rows(browser: Browser) -> list[tuple[str, str]]:
    rows = browser.driver.find_elements("css selector", "#next-days tr[data-day]")
    return [
        (r.get_attribute("data-day"), r.find_elements("css selector", "td")[2].text) for r in rows
    ]


def test_staff_create_a_schedule_and_the_kiosk_shows_its_days(
    make_kiosk, station, staff_browser, tmp_path, qtbot
):
    roster = tmp_path / "roster.json"
    people = [{"id": "d1", "name": "林嘉禾", "levels": "city"}]
    people.append({"id": "d2", "name": "周晓喆", "levels": "county"})
    roster.write_text(json.dumps(people), encoding="utf-8")
    station.cli("roster", "import", "--station", "qinghe", str(roster))
    browser = staff_browser
    browser.open(f"{station.server.url}/console/schedules")
    browser.follow("new-schedule")
    browser.type("title", "周三代表接待日")
    browser.type("theme", "加装电梯")
    browser.choose("weekday", "星期三")
    set_date(browser, "first", "2026-11-23")  # the kiosk's clock: Monday 2026-11-23
    browser.follow("create-schedule")
    assert browser.find("problem").text == "接待代表：请至少选一位代表"
    assert "wrong" in browser.find("deputies").get_attribute("class")
    assert browser.find("title").get_attribute("value") == "周三代表接待日"
    assert browser.find("theme").get_attribute("value") == "加装电梯"
    browser.screenshot("schedule-new-refused", full=True)

    browser.click("deputy-d1")
    browser.click("deputy-d2")
    browser.type("per-occurrence", "1")
    browser.choose("repeat", "自定义规则（iCalendar 格式）")
    browser.type("rule", "RRULE:FREQ=WEEKLY;BYDAY=WE")
    browser.follow("preview-rule")
    assert "规则读不懂" in browser.find("problem").text
    assert browser.find("rule").get_attribute("value") == "RRULE:FREQ=WEEKLY;BYDAY=WE"
    assert browser.find("deputy-d1").is_selected() and browser.find("deputy-d2").is_selected()
    assert browser.find("per-occurrence").get_attribute("value") == "1"

    browser.choose("repeat", "每周")
    browser.follow("preview-rule")
    assert "还没有保存" in browser.find("preview-note").text
    rows = day_rows(browser)
    assert len(rows) == 12
    # One deputy each Wednesday, in turns.
    assert {("林嘉禾" in text) != ("周晓喆" in text) for _, text in rows} == {True}
    assert ("林嘉禾" in rows[0][1]) != ("林嘉禾" in rows[1][1])
    assert station.query("SELECT count(*) FROM schedule")[0][0] == 0
    browser.screenshot("schedule-new-preview", full=True)
    browser.follow("create-schedule")
    assert "已新建“周三代表接待日”" in browser.find("notice").text
    assert len(day_rows(browser)) == 12  # now its edit page, with the same 12 days
    # On its edit page: nobody left on it is refused, the theme typed kept; then 周晓喆 alone.
    browser.click("deputy-d1")
    browser.click("deputy-d2")
    browser.type("theme", "加装电梯和停车")
    browser.follow("save-people")
    assert browser.find("problem").text == "接待代表：请至少选一位代表"
    assert browser.find("theme").get_attribute("value") == "加装电梯和停车"
    browser.click("deputy-d2")
    browser.type("per-occurrence", "")
    browser.follow("save-people")
    assert "接待代表和主题已保存" in browser.find("notice").text
    assert {text.split()[-1] for _, text in day_rows(browser)} == {"周晓喆"}
    browser.screenshot("schedule-edit-people", full=True)

    output = station.cli("enrolment-code", "--station", "qinghe").stdout
    enrol(
        tmp_path / "data" / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0]
    )
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾测试联络站", timeout=20_000)
    visitor = kiosk.visitor
    visitor.tap("scheduleButton")
    qtbot.waitUntil(lambda: visitor.find("mark_2026-11-25").isVisible(), timeout=20_000)
    visitor.tap("day_2026-11-25")
    texts = screen_texts(visitor.find("dayCard"))
    assert any("周三代表接待日" in t for t in texts), texts
    assert any("周晓喆" in t for t in texts) and not any("林嘉禾" in t for t in texts), texts
    assert any("加装电梯和停车" in t for t in texts), texts
    SHOTS.mkdir(exist_ok=True)
    visitor.screenshot("kiosk-schedule-created").save(
        str(SHOTS / "kiosk-schedule-created_1920x1080.png")
    )

    # The same page on a phone, signed in with the same session.
    phone = Browser(prefix="publish")
    try:
        phone.open(f"{station.server.url}/console/login")
        for cookie in browser.driver.get_cookies():
            phone.driver.add_cookie({"name": cookie["name"], "value": cookie["value"]})
        phone.open(f"{station.server.url}/console/schedules/qinghe/new")
        assert phone.widths()[0] == phone.widths()[1]
        phone.screenshot("schedule-new", full=True)
        phone.open(f"{station.server.url}/console/schedules")
        phone.screenshot("schedules-list", full=True)
    finally:
        phone.close()
    browser.open(f"{station.server.url}/console/schedules")
    browser.screenshot("schedules-list", full=True)
    for shot in Path("screenshots").glob("publish-schedule*"):
        shutil.copy(shot, SHOTS / shot.name)
