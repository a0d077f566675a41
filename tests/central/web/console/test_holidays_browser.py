# SPDX-License-Identifier: GPL-3.0-or-later
"""Holidays and 调休 in a real headless Chromium (issue 15 §1): an admin opens a year not yet
published, adds a day off and a make-up workday, is refused in words for a make-up workday on
a weekday (what was typed kept), makes a day ordinary again and declares the year complete.
Reviewers have no holidays page. Screenshots at 1366x768 and 360x740."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.central.console_fixtures import ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

SHOTS = Path("/tmp/shots-publish")
YEAR = "2031"  # far from every other test's due dates


def shot(browser: Browser, name: str) -> None:
    path = browser.screenshot(name, full=True)
    SHOTS.mkdir(exist_ok=True)
    for made in path.parent.glob(f"console-{name}_*"):
        shutil.copy(made, SHOTS / made.name)


def set_date(browser: Browser, element_id: str, day: str) -> None:
    browser.driver.execute_script(
        "document.getElementById(arguments[0]).value = arguments[1]", element_id, day
    )


def add_day(browser: Browser, day: str, kind: str, name: str) -> None:
    set_date(browser, "day", day)
    browser.choose("kind", kind)
    browser.type("holiday-name", name)
    browser.follow("add-day")


def test_an_admin_keeps_a_years_holidays(console: ConsoleSite, desktop, phone):
    sign_in(desktop, console, "chief", "/console/")
    desktop.open(f"{console.url}/console/holidays?year={YEAR}")
    assert "还没有发布" in desktop.find("year-state").text
    add_day(desktop, f"{YEAR}-10-01", "放假", "国庆节")
    assert "期限已重新计算" in desktop.find("notice").text
    add_day(desktop, f"{YEAR}-10-02", "放假", "国庆节")
    add_day(desktop, f"{YEAR}-09-28", "调休上班", "国庆节调休")  # a Sunday
    add_day(desktop, f"{YEAR}-09-29", "调休上班", "国庆节调休")  # a Monday
    assert desktop.find("problem").text == f"{YEAR}-09-29 是工作日，只有周末才能设为调休上班。"
    assert desktop.find("holiday-name").get_attribute("value") == "国庆节调休"
    assert desktop.find("day").get_attribute("value") == f"{YEAR}-09-29"
    days = desktop.find("day-list").text
    assert "10-01 三" in days and "调休上班" in days

    desktop.follow(f"clear-{YEAR}-10-02")
    row = desktop.driver.find_element("css selector", f'tr[data-day="{YEAR}-10-02"]')
    assert "普通日" in row.text
    desktop.follow("cover-year")
    assert "已完整" in desktop.find("year-state").text
    shot(desktop, "holidays")
    fits(desktop)

    sign_in(phone, console, "chief", "/console/")
    phone.open(f"{console.url}/console/holidays?year={YEAR}")
    fits(phone)
    shot(phone, "holidays")


def test_reviewers_have_no_holidays_page(console: ConsoleSite, desktop):
    sign_in(desktop, console, "reviewer", "/console/")
    assert not desktop.driver.find_elements("id", "nav-holidays")
    desktop.open(f"{console.url}/console/holidays")
    assert "您没有权限" in desktop.find("message").text
