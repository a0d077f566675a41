# SPDX-License-Identifier: GPL-3.0-or-later
"""The console in a real headless Chromium: a reviewer works a kiosk appeal from the inbox to
closed by clicking, the visitor's progress page agrees on the due date and colour, and every
console page is screenshotted at 1366x768 and 360x740 (screenshots/console-*)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from central.core.config import CHINA_TIME
from tests.central.console_fixtures import (
    FIRST_PASSWORD,
    PASSWORD,
    ConsoleSite,
    fresh_mobile,
    new_code,
    seed_appointment,
)
from tests.helpers.phone import Browser

DESKTOP = (1366, 768)


def sign_in(browser: Browser, console: ConsoleSite, login: str, shot: bool = False) -> None:
    browser.driver.delete_all_cookies()
    browser.open(f"{console.url}/console/login")
    if shot:
        browser.screenshot("login")
    browser.type("login", login)
    browser.type("password", console.passwords.get(login, FIRST_PASSWORD))
    browser.follow("sign-in")
    if "/console/password" in browser.driver.current_url:
        assert "首次登录" in browser.text
        if shot:
            browser.screenshot("password")
        browser.type("old", console.passwords.get(login, FIRST_PASSWORD))
        browser.type("new", PASSWORD)
        browser.follow("save-password")
        console.passwords[login] = PASSWORD
    assert browser.driver.current_url.endswith("/console/"), browser.text


def fits(browser: Browser) -> None:
    viewport, page = browser.widths()
    assert page <= viewport, f"{page} px wide in a {viewport} px window"


def open_action(browser: Browser, action: str) -> None:
    """Unfold an action's form, as a click on its title does (unless it is open already)."""
    details = browser.find(f"action-{action}")
    if details.get_attribute("open") is None:
        details.find_element("css selector", "summary").click()


def due_on_page(browser: Browser) -> tuple[str, str]:
    element = browser.find("due").find_element("css selector", "[data-colour]")
    return element.get_attribute("data-colour"), re.search(r"\d{4}-\d\d-\d\d", element.text)[0]


def test_a_reviewer_works_a_kiosk_appeal_to_closed_and_the_visitor_follows(console, desktop, phone):
    code, mobile = new_code(), fresh_mobile()
    console.appeal(
        console.kiosk_a, code, mobile=mobile, text="文昌路口红绿灯坏了三天，孩子上学过马路很危险"
    )
    sign_in(desktop, console, "journey", shot=True)
    desktop.type("q", code)
    desktop.follow("search")
    desktop.click_css(f'tr[data-code="{code}"] a')
    desktop.find("text")
    assert "红绿灯坏了三天" in desktop.text
    assert mobile not in desktop.text  # masked until "show"
    assert due_on_page(desktop)[0] == "yellow"  # the review is due within a working day

    desktop.follow("do-accept")
    assert "已受理" in desktop.find("state").text
    desktop.choose("deputy-assign", "林嘉禾")
    desktop.follow("do-assign")
    assert desktop.find("assigned").text == "林嘉禾"
    colour, due = due_on_page(desktop)

    # The visitor's progress page shows the same due date and colour.
    phone.open(f"{console.url}/p/{code}")
    phone.type("last4", mobile[-4:])
    phone.follow("look-up")
    shown = phone.find("due")
    assert shown.get_attribute("data-colour") == colour and due in shown.text
    assert "已交林嘉禾代表办理" in phone.text
    phone.screenshot("visitor-progress", full=True)

    open_action(desktop, "refer")
    desktop.choose("department-refer", "区交通运输局")
    desktop.type("internal-refer", "需要交警配合")
    desktop.follow("do-refer")
    assert desktop.find("department").text == "区交通运输局"
    assert "需要交警配合" in desktop.find("timeline").text
    open_action(desktop, "feedback")
    desktop.find("note-feedback").send_keys("信号灯已于今日修复。")
    desktop.follow("do-feedback")
    open_action(desktop, "close")
    desktop.follow("do-close")
    assert "已办结" in desktop.find("state").text
    steps = desktop.find("timeline").text
    for state in ("已受理", "已交代表办理", "已转有关部门", "部门已反馈", "已办结"):
        assert state in steps
    desktop.screenshot("appeal-closed", full=True)

    phone.open(f"{console.url}/p/{code}")
    phone.type("last4", mobile[-4:])
    phone.follow("look-up")
    seen = phone.text
    assert "信号灯已于今日修复" in seen and "需要交警配合" not in seen  # internal stays inside
    assert "请对办理结果评价" in seen


def test_on_a_phone_the_inbox_shows_appeals_first_and_filters_on_a_tap(console, desktop, phone):
    console.appeal(console.kiosk_a, new_code(), mobile=fresh_mobile())
    sign_in(phone, console, "chief")
    box = phone.find("filter-box")
    assert box.get_attribute("open") is None
    first_row = phone.driver.find_element("css selector", "#appeals tbody tr")
    assert first_row.rect["y"] < 740, "the first appeal is below the first screen"
    phone.screenshot("inbox-phone-first-screen")
    phone.click("filter-toggle")
    assert phone.find("f-state").is_displayed()
    phone.choose("f-state", "全部")
    phone.follow("apply-filters")
    assert phone.find("filter-box").get_attribute("open") is not None
    assert "已选 1 项" in phone.find("filter-toggle").text
    sign_in(desktop, console, "chief")
    assert desktop.find("f-state").is_displayed()


def test_every_console_page_fits_both_screens(console, desktop, phone):
    code, mobile = new_code(), fresh_mobile()
    console.appeal(console.kiosk_a, code, mobile=mobile)
    callback = new_code()
    console.callback(console.kiosk_a, callback, fresh_mobile())
    tomorrow = (datetime.now(UTC).astimezone(CHINA_TIME) + timedelta(days=1)).date()
    seed_appointment(console, new_code(), tomorrow)
    for browser in (desktop, phone):
        sign_in(browser, console, "chief", shot=browser is phone)
        for name, path in (
            ("inbox", "/console/"),
            ("appeal", f"/console/appeals/{code}"),
            ("callback", f"/console/appeals/{callback}"),
            ("appointments", "/console/appointments"),
            ("overdue", "/console/overdue"),
            ("audit", "/console/audit"),
            ("accounts", "/console/accounts"),
            ("departments", "/console/departments"),
            ("inbox-en", "/console/?lang=en"),
        ):
            browser.open(console.url + path)
            assert "Internal Server Error" not in browser.text
            fits(browser)
            browser.screenshot(name, full=True)
        browser.open(f"{console.url}/console/appeals/{code}?lang=zh")
        browser.follow("reveal")
        assert mobile in browser.text
        fits(browser)
        browser.screenshot("appeal-revealed", full=True)
        browser.open(f"{console.url}/console/appeals/{callback}")
        browser.type("cb-note", "第一次打没人接")
        browser.follow("callback-no_answer")
        assert "无人接听" in browser.find("callbacks").text
    sign_in(desktop, console, "chief", shot=True)
