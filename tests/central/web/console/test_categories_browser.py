# SPDX-License-Identifier: GPL-3.0-or-later
"""Categories and response templates per region in a real headless Chromium (issue 15 §1,
issue 13's left-over): a district reviewer gives a street its own categories (the street's
kiosk receives them, the other street's does not) and a template for one category and step;
staff working an appeal of that category find it first in the step's form, change it before
sending, and the visitor's timeline holds what was sent. Screenshots at 1366x768, 360x740."""

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


def test_a_street_gets_its_own_categories_and_a_template_staff_then_use(
    console: ConsoleSite, desktop, phone
):
    sign_in(desktop, console, "reviewer", "/console/")
    desktop.nav("nav-categories")
    desktop.choose("region", "　文昌街道")
    desktop.follow("show-region")
    assert "沿用“城东区”" in desktop.find("list-source").text or "沿用通用类别" in desktop.text
    desktop.type("category-name", "加装电梯")
    desktop.follow("add-category")
    assert desktop.find("list-source").text == "本区域自己的类别。"
    assert "加装电梯" in desktop.find("category-list").text
    desktop.type("category-name", "加装电梯")
    desktop.follow("add-category")
    assert desktop.find("problem").text == "已经有“加装电梯”这个类别了。"

    # The street's kiosk receives its list at its next pull; the other street's does not.
    assert "加装电梯" in console.kiosk_a.snapshot().json()["categories"]
    assert "加装电梯" not in console.kiosk_b.snapshot().json()["categories"]

    # A template without words is refused, the choice kept.
    desktop.choose("template-step", "受理")
    desktop.choose("template-category", "交通出行")
    desktop.follow("add-template")
    assert desktop.find("problem").text == "请填写“模板内容”。"
    assert desktop.find("template-category").get_attribute("value") == "交通出行"
    desktop.type("template-text", "您反映的{category}问题已受理，街道将会同交警中队处理。")
    desktop.follow("add-template")
    assert "街道将会同交警中队处理" in desktop.find("template-list").text
    shot(desktop, "categories")
    fits(desktop)

    code, mobile = new_code(), fresh_mobile()
    console.appeal(console.kiosk_a, code, mobile=mobile, text="路口没有红绿灯")
    sign_in(desktop, console, "staff-a", "/console/")
    desktop.open(f"{console.url}/console/appeals/{code}")
    offered = desktop.find("template-accept").text
    assert offered.index("会同交警中队") < offered.index("我们将尽快交代表办理")
    note = desktop.find("note-accept")
    assert note.get_attribute("value") == "您反映的交通出行问题已受理，街道将会同交警中队处理。"
    note.send_keys("预计下周安装。")
    desktop.follow("do-accept")
    assert "街道将会同交警中队处理。预计下周安装。" in desktop.find("timeline").text

    sign_in(phone, console, "reviewer", "/console/")
    phone.open(f"{console.url}/console/categories")
    phone.choose("region", "　文昌街道")
    phone.follow("show-region")
    fits(phone)
    shot(phone, "categories")

    # Back as it was for the other tests of this server: the street inherits again.
    sign_in(desktop, console, "reviewer", "/console/")
    desktop.open(f"{console.url}/console/categories")
    desktop.choose("region", "　文昌街道")
    desktop.follow("show-region")
    template = desktop.driver.find_element("css selector", "#template-list li[data-template]")
    template_id = template.get_attribute("data-template")
    desktop.click_css(f"#action-template-{template_id} summary")
    desktop.follow(f"template-{template_id}-delete")
    assert desktop.find("notice").text == "模板已删除。"
    desktop.follow("inherit")
    assert "沿用" in desktop.find("list-source").text
    assert "加装电梯" not in console.kiosk_a.snapshot().json()["categories"]


def test_staff_and_viewers_have_no_categories_page(console: ConsoleSite, desktop):
    for login in ("staff-a", "viewer"):
        sign_in(desktop, console, login, "/console/")
        assert not desktop.driver.find_elements("id", "nav-categories")
        desktop.open(f"{console.url}/console/categories")
        assert "您没有权限" in desktop.find("message").text
