# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's header in a real headless Chromium: the pages sit in menus (诉求 / 发布 /
统计 / 设备 / 账户, <details> elements) so that the admin's 18 links stay on one line at
1366x768 and are usable at 360x740, by tap and by keyboard; every role finds exactly the
pages it may open. Screenshots: screenshots/console-nav-{admin,staff,deputy}_*."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from argon2 import PasswordHasher
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from central.core.config import Settings
from central.core.db import open_database
from central.services import accounts
from central.services.accounts import NewAccount
from central.services.permissions import Role, allowed
from central.web.console.pages import DEPUTY_NAV, NAV_GROUPS
from tests.central.console_fixtures import FIRST_PASSWORD, STATION, ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

ROLES = {  # login -> (role, the page it lands on)
    "chief": ("admin", "/console/"),
    "staff-a": ("staff", "/console/"),
    "reviewer": ("reviewer", "/console/"),
    "viewer": ("viewer", "/console/"),
    "tech": ("technician", "/console/fleet"),
    "nav-deputy": ("deputy", "/console/my"),
}


@pytest.fixture(scope="module")
def site(console: ConsoleSite) -> ConsoleSite:
    """The console with a deputy's account too (林嘉禾's colleague demo-09)."""
    database = open_database(Settings(data_dir=console.server.data_dir))
    quick = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    saved, accounts._hasher = accounts._hasher, quick
    try:
        with database.writer.begin() as session:
            new = NewAccount(
                "nav-deputy", "导航代表", "deputy", station_id=STATION, deputy_id="demo-09"
            )
            accounts.create_account(session, new, FIRST_PASSWORD, now=datetime.now(UTC))
    finally:
        accounts._hasher = saved
    return console


def expected(role: str) -> set[str]:
    groups = DEPUTY_NAV if role == Role.DEPUTY else NAV_GROUPS
    return {
        "nav-" + (path.strip("/").split("/")[-1] or "inbox")
        for _, pages in groups
        for path, _, action in pages
        if allowed(role, action)
    }


def links(browser: Browser) -> set[str]:
    found = browser.driver.find_elements("css selector", "#nav a")
    return {a.get_attribute("id") for a in found}


def on_one_line(browser: Browser) -> bool:
    """The header's brand, menus and account all on one line (their middles level)."""
    middles = browser.driver.execute_script(
        "return [...document.querySelectorAll('header>b, #nav>a, #nav>details>summary,"
        " header .me')].map(e => { const r = e.getBoundingClientRect();"
        " return (r.top + r.bottom) / 2; })"
    )
    return max(middles) - min(middles) < 8


@pytest.mark.parametrize("login", list(ROLES))
def test_every_role_finds_exactly_its_pages_on_one_line(site, desktop, login):
    role, lands_on = ROLES[login]
    sign_in(desktop, site, login, lands_on=lands_on)
    assert links(desktop) == expected(role)
    assert on_one_line(desktop), desktop.driver.find_element("css selector", "header").text
    fits(desktop)
    if role == "admin":
        assert len(links(desktop)) == 18
        # Menus: only their titles show until one is opened.
        assert desktop.driver.find_element("id", "menu-publish").text == "发布"
        assert not desktop.find("nav-holidays").is_displayed()
    if login in ("chief", "staff-a", "nav-deputy"):
        name = {"chief": "admin", "staff-a": "staff", "nav-deputy": "deputy"}[login]
        if role != "deputy":
            desktop.click_css("#menu-publish summary")
        desktop.screenshot(f"nav-{name}")


def test_a_menu_opens_by_tap_and_by_keyboard_and_closes_again(site, desktop):
    sign_in(desktop, site, "chief", lands_on="/console/")
    desktop.click_css("#menu-publish summary")
    assert desktop.find("nav-schedules").is_displayed()
    # Another menu opened closes the first; a tap elsewhere closes both.
    desktop.click_css("#menu-accounts summary")
    assert desktop.find("nav-audit").is_displayed()
    assert not desktop.find("nav-schedules").is_displayed()
    desktop.click_css("main h1")
    assert not desktop.find("nav-audit").is_displayed()
    # The keyboard: Tab to 发布, Enter opens it, Tab to its first page, Enter goes there.
    summary = desktop.driver.find_element("css selector", "#menu-publish summary")
    summary.send_keys(Keys.ENTER)
    assert desktop.find("nav-stations").is_displayed()
    desktop.driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    assert not desktop.find("nav-stations").is_displayed()
    assert desktop.driver.switch_to.active_element == summary
    summary.send_keys(Keys.ENTER)
    summary.send_keys(Keys.TAB)
    assert desktop.driver.switch_to.active_element.get_attribute("id") == "nav-stations"
    desktop.driver.switch_to.active_element.send_keys(Keys.ENTER)
    WebDriverWait(desktop.driver, 20).until(lambda d: d.current_url.endswith("/stations"))
    desktop.nav("nav-schedules")
    assert desktop.driver.current_url.endswith("/console/schedules")
    # Where one is, its menu's title is marked.
    assert "here" in desktop.driver.find_element("id", "menu-publish").get_attribute("class")


@pytest.mark.parametrize("login", ["chief", "staff-a", "nav-deputy"])
def test_on_a_phone_the_menus_fit_and_lead_to_their_pages(site, phone, login):
    role, lands_on = ROLES[login]
    sign_in(phone, site, login, lands_on=lands_on)
    fits(phone)
    name = {"chief": "admin", "staff-a": "staff", "nav-deputy": "deputy"}[login]
    phone.screenshot(f"nav-{name}")
    if role == "deputy":
        phone.nav("nav-record")
        assert phone.driver.current_url.endswith("/console/my/record")
        return
    phone.click_css("#menu-appeals summary")
    fits(phone)
    phone.screenshot(f"nav-{name}-open")
    phone.nav("nav-overdue")
    assert phone.driver.current_url.endswith("/console/overdue")
    phone.nav("nav-rosters")
    assert phone.driver.current_url.endswith("/console/rosters")
