# SPDX-License-Identifier: GPL-3.0-or-later
"""Visitors' data rights in a real headless Chromium (issue 15 §4): an admin finds a person's
records at two stations by mobile, corrects the name, erases them after confirming; the appeals
stay in the inbox with their state and category (the figures), without the person's data.
Only admins open the page. Screenshots at 1366x768 and 360x740 (screenshots/console-privacy*)."""

from __future__ import annotations

import pytest
import requests

from tests.central.console_fixtures import ConsoleSite, fresh_mobile, new_code
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser


def refs(browser: Browser) -> list[str]:
    rows = browser.driver.find_elements("css selector", "#records tr[data-ref]")
    return [r.get_attribute("data-ref") for r in rows]


def test_an_admin_finds_corrects_and_erases_a_persons_data(console: ConsoleSite, desktop, phone):
    mobile = fresh_mobile()
    a, b, callback = new_code(), new_code(), new_code()
    console.appeal(console.kiosk_a, a, name="贺秀英", mobile=mobile, text="楼道灯坏了一个月")
    console.appeal(console.kiosk_b, b, name="贺秀英", mobile=mobile, text="公交站没有遮雨棚")
    console.callback(console.kiosk_a, callback, mobile)

    sign_in(desktop, console, "chief", lands_on="/console/")
    desktop.open(f"{console.url}/console/privacy")
    desktop.type("p-mobile", mobile)
    desktop.follow("find")
    assert sorted(refs(desktop)) == sorted([a, b, callback])
    records = desktop.find("records").text
    assert "贺秀英" in records and "楼道灯坏了一个月" in records and "公交站没有遮雨棚" in records
    assert mobile not in desktop.driver.current_url
    fits(desktop)
    desktop.screenshot("privacy-found", full=True)

    desktop.type("c-name", "贺秀兰")
    desktop.follow("correct")
    assert "已更正 3 条记录" in desktop.find("notice").text
    assert "贺秀兰" in desktop.find("records").text and "贺秀英" not in desktop.find("records").text

    # The person asks for a copy: the export button's form posted with the browser's session
    # (the console's CSP lets no script fetch, so the download is made outside the page).
    form = desktop.find("export-form")
    fields = {
        f.get_attribute("name"): f.get_attribute("value")
        for f in form.find_elements("css selector", "input[type=hidden]")
    }
    cookies = {c["name"]: c["value"] for c in desktop.driver.get_cookies()}
    answer = requests.post(form.get_attribute("action"), data=fields, cookies=cookies, timeout=30)
    status, disposition = answer.status_code, answer.headers["content-disposition"]
    copy = answer.content.decode("utf-8")
    assert status == 200 and disposition.startswith("attachment") and mobile not in disposition
    assert copy.startswith("\ufeff记录,编号,联络站")
    assert copy.count("贺秀兰") == 3 and "楼道灯坏了一个月" in copy and "回电请求" in copy
    desktop.screenshot("privacy-export", full=True)

    phone.driver.delete_all_cookies()
    sign_in(phone, console, "chief", lands_on="/console/")
    phone.open(f"{console.url}/console/privacy")
    phone.type("p-mobile", mobile)
    phone.follow("find")
    fits(phone)
    phone.screenshot("privacy-found", full=True)

    desktop.follow("erase")
    assert "请先勾选确认" in desktop.find("problem").text
    desktop.type("p-mobile", mobile)
    desktop.follow("find")
    desktop.click("erase-confirm")
    desktop.follow("erase")
    assert "已删除 3 条记录中的个人信息" in desktop.find("notice").text
    desktop.screenshot("privacy-erased", full=True)
    desktop.type("p-mobile", mobile)
    desktop.follow("find")
    assert "没有找到这个手机号的记录" in desktop.find("nothing-found").text

    # The appeals themselves stay, as the figures count them: state, category, station.
    desktop.open(f"{console.url}/console/appeals/{a}")
    facts = desktop.find("facts").text
    assert "交通出行" in facts and "已受理登记" in desktop.find("state").text
    assert "楼道灯" not in desktop.text and "贺秀" not in desktop.text

    audit = desktop
    audit.open(f"{console.url}/console/audit?action=privacy.find")
    assert "privacy.find" in audit.text and mobile not in audit.text
    audit.open(f"{console.url}/console/audit?action=privacy.export")
    assert "privacy.export" in audit.text and "3 records" in audit.text


@pytest.mark.parametrize("login", ["reviewer", "staff-a", "viewer", "tech"])
def test_only_admins_open_the_privacy_page(console: ConsoleSite, desktop, login):
    sign_in(desktop, console, login, lands_on="/console/fleet" if login == "tech" else "/console/")
    assert "个人信息" not in desktop.find("me").find_element("xpath", "..").text
    desktop.open(f"{console.url}/console/privacy")
    assert "您没有权限" in desktop.text
