# SPDX-License-Identifier: GPL-3.0-or-later
"""Departments per region in a real headless Chromium (issue 15 §1): a district reviewer adds
a street's department with its contact and liaison, edits it, is refused in words (a name
twice, an empty name) with what was typed kept, and the appeal page's referral offers it.
Screenshots at 1366x768 and 360x740."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.central.console_fixtures import ConsoleSite, fresh_mobile, new_code
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

SHOTS = Path("/tmp/shots-publish")


def shot(browser: Browser, name: str) -> None:
    path = browser.screenshot(name, full=True)
    SHOTS.mkdir(exist_ok=True)
    for made in path.parent.glob(f"console-{name}_*"):
        shutil.copy(made, SHOTS / made.name)


def test_a_reviewer_keeps_a_streets_departments(console: ConsoleSite, desktop, phone):
    sign_in(desktop, console, "reviewer", "/console/")
    desktop.nav("nav-departments")
    desktop.type("d-name", "街道城管科")
    desktop.choose("d-region", "　文昌街道")
    desktop.type("d-contact", "0571-8765 4321")
    desktop.type("d-liaison", "赵科长")
    desktop.follow("add-department")
    assert desktop.find("notice").text == "部门已保存。"
    item = desktop.driver.find_element("xpath", "//li[@data-department][.//b[text()='街道城管科']]")
    department_id = item.get_attribute("data-department")
    assert "联络人：赵科长" in item.text and "0571-8765 4321" in item.text

    desktop.type("d-name", "街道城管科")
    desktop.choose("d-region", "　文昌街道")
    desktop.type("d-liaison", "孙科长")
    desktop.follow("add-department")
    assert desktop.find("problem").text == "这个区域已经有“街道城管科”了。"
    assert desktop.find("d-liaison").get_attribute("value") == "孙科长"

    fid = f"department-{department_id}"
    desktop.click_css(f"#action-{fid} summary")
    desktop.type(f"{fid}-name", " ")
    desktop.follow(f"{fid}-save")
    assert desktop.find("problem").text == "请填写“部门名称”。"
    desktop.type(f"{fid}-name", "街道城管执法中队")
    desktop.type(f"{fid}-liaison", "钱队长")
    desktop.follow(f"{fid}-save")
    assert "钱队长" in desktop.find("departments").text
    shot(desktop, "departments")
    fits(desktop)

    code = new_code()
    console.appeal(console.kiosk_a, code, mobile=fresh_mobile())
    desktop.open(f"{console.url}/console/appeals/{code}")
    desktop.follow("do-accept")
    desktop.choose("deputy-assign", "林嘉禾")
    desktop.follow("do-assign")
    offered = desktop.find("department-refer").get_attribute("textContent")
    assert "街道城管执法中队 钱队长 0571-8765 4321" in offered  # whom to call

    sign_in(phone, console, "reviewer", "/console/")
    phone.open(f"{console.url}/console/departments")
    fits(phone)
    shot(phone, "departments")
