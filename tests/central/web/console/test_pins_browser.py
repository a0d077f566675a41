# SPDX-License-Identifier: GPL-3.0-or-later
"""Deputies' kiosk PINs in a real headless Chromium (issue 15 §1): staff set the PIN a deputy
chose, are refused in words for a short PIN or two different ones (the PIN typed is never sent
back into the page), and viewers have no PINs page. Screenshots at 1366x768 and 360x740
(the new PIN shown once: tests/e2e/test_pin_from_console.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.demo import DEMO_PIN
from tests.central.console_fixtures import ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

SHOTS = Path("/tmp/shots-publish")
DEPUTY = "demo-06"


def shot(browser: Browser, name: str) -> None:
    path = browser.screenshot(name, full=True)
    SHOTS.mkdir(exist_ok=True)
    for made in path.parent.glob(f"console-{name}_*"):
        shutil.copy(made, SHOTS / made.name)


def choose(browser: Browser, pin: str, again: str) -> None:
    details = browser.find(f"action-choose-{DEPUTY}")
    if details.get_attribute("open") is None:
        details.find_element("css selector", "summary").click()
    browser.type(f"pin-{DEPUTY}-1", pin)
    browser.type(f"pin-{DEPUTY}-2", again)
    browser.follow(f"choose-{DEPUTY}-save")


def test_staff_set_the_pin_a_deputy_chose(console: ConsoleSite, desktop, phone):
    sign_in(desktop, console, "staff-a", "/console/")
    desktop.nav("nav-pins")
    choose(desktop, "1234", "1234")
    assert desktop.find("problem").text == "PIN 要6到8位数字。"
    assert desktop.find(f"pin-{DEPUTY}-1").get_attribute("value") == ""  # never sent back
    choose(desktop, "24681357", "24681375")
    assert desktop.find("problem").text == "两次输入的PIN不一样。"
    choose(desktop, DEMO_PIN, DEMO_PIN)  # the demo's own, for the other tests of this server
    assert "PIN已保存" in desktop.find("notice").text
    row = desktop.driver.find_element("css selector", f'tr[data-deputy="{DEPUTY}"]')
    assert "已设置" in row.text
    shot(desktop, "pins")
    fits(desktop)

    sign_in(phone, console, "staff-a", "/console/")
    phone.open(f"{console.url}/console/pins")
    fits(phone)
    shot(phone, "pins")


def test_viewers_have_no_pins_page(console: ConsoleSite, desktop):
    sign_in(desktop, console, "viewer", "/console/")
    assert not desktop.driver.find_elements("id", "nav-pins")
    desktop.open(f"{console.url}/console/pins")
    assert "您没有权限" in desktop.find("message").text
