# SPDX-License-Identifier: GPL-3.0-or-later
"""The kiosk fleet in a real headless Chromium (issue 15 §3): a district technician sees every
kiosk of the district with its colour and cause, a kiosk's refused records with their reasons
and never a visitor's data, issues an enrolment code that enrols a kiosk, and revokes it after
confirming. Screenshots at 1366x768 and 360x740 (screenshots/console-fleet*)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from central.core.config import CHINA_TIME
from tests.central.console_fixtures import (
    FIRST_PASSWORD,
    PASSWORD,
    ConsoleSite,
    fresh_mobile,
    new_code,
)
from tests.helpers.central import EnrolledKiosk, enrol
from tests.helpers.phone import Browser


def sign_in(browser: Browser, console: ConsoleSite, login: str, lands_on: str) -> None:
    browser.driver.delete_all_cookies()
    browser.open(f"{console.url}/console/login")
    browser.type("login", login)
    browser.type("password", console.passwords.get(login, FIRST_PASSWORD))
    browser.follow("sign-in")
    if "/console/password" in browser.driver.current_url:
        browser.type("old", console.passwords.get(login, FIRST_PASSWORD))
        browser.type("new", PASSWORD)
        browser.follow("save-password")
        console.passwords[login] = PASSWORD
    assert browser.driver.current_url.endswith(lands_on), browser.text


def fits(browser: Browser) -> None:
    viewport, page = browser.widths()
    assert page <= viewport, f"{page} px wide in a {viewport} px window"


def heartbeat(kiosk: EnrolledKiosk, **changes) -> None:
    now = datetime.now(UTC).astimezone(CHINA_TIME)
    body = {
        "version": "1.4.0",
        "last_pull": now.isoformat(),
        "last_push": now.isoformat(),
        "outbox": {"pending": 0, "sent": 5, "quarantined": 0},
        "disk_free_bytes": 30 * 1024**3,
        "clock": now.isoformat(),
    } | changes
    answer = kiosk.post(f"/api/v1/stations/{kiosk.station_id}/heartbeat", body)
    assert answer.status_code == 200, answer.text


def row(browser: Browser, device_id: str):
    return browser.driver.find_element("css selector", f'tr[data-device="{device_id}"]')


def test_a_technician_sees_the_fleet_issues_a_code_and_revokes_a_kiosk(console, desktop, phone):
    mobile, code = fresh_mobile(), new_code()
    console.appeal(console.kiosk_a, code, name="贺秀英", mobile=mobile, text="楼道灯坏了")
    slow = datetime.now(UTC) - timedelta(hours=2, minutes=5)
    heartbeat(
        console.kiosk_a,
        outbox={"pending": 2, "sent": 40, "quarantined": 1},
        quarantined_items=[
            {
                "kind": "appeal",
                "reason": "invalid: body.category: empty",
                "created_at": "2026-12-01T09:30:00+08:00",
            }
        ],
        disk_free_bytes=600 * 1024**2,
        clock=slow.astimezone(CHINA_TIME).isoformat(),
    )
    heartbeat(console.kiosk_b)

    sign_in(desktop, console, "tech", lands_on="/console/fleet")
    red = row(desktop, console.kiosk_a.device_id)
    assert red.get_attribute("data-colour") == "red"
    assert "1 条记录无法发送：invalid: body.category: empty" in red.text
    assert "时钟慢了 2 小时" in red.text and "磁盘快满" in red.text
    assert row(desktop, console.kiosk_b.device_id).get_attribute("data-colour") == "green"
    regions = [h.text for h in desktop.driver.find_elements("css selector", "h2.region")]
    assert {"文昌街道", "城南街道"} <= set(regions)
    fits(desktop)
    desktop.screenshot("fleet", full=True)
    desktop.open(f"{console.url}/console/fleet?lang=en")
    red = row(desktop, console.kiosk_a.device_id)
    assert "clock 2 hours slow" in red.text and "disk almost full" in red.text
    assert "时钟" not in red.text
    desktop.screenshot("fleet-en", full=True)
    desktop.open(f"{console.url}/console/fleet?lang=zh")

    desktop.follow("show-visit")
    shown = {
        r.get_attribute("data-device")
        for r in desktop.driver.find_elements("css selector", "tr[data-device]")
    }
    assert console.kiosk_a.device_id in shown and console.kiosk_b.device_id not in shown

    desktop.open(f"{console.url}/console/fleet/{console.kiosk_a.device_id}")
    assert "invalid: body.category: empty" in desktop.find("quarantined").text
    desktop.screenshot("fleet-kiosk", full=True)
    # A technician sees kiosks only: no visitor's name, mobile or text, and no appeals.
    for page in ("/console/fleet", f"/console/fleet/{console.kiosk_a.device_id}"):
        desktop.open(console.url + page)
        assert (
            mobile not in desktop.driver.page_source and "贺秀英" not in desktop.driver.page_source
        )
    assert [
        a.get_attribute("href").rsplit("/", 1)[-1]
        for a in desktop.driver.find_elements("css selector", "header nav a")
    ] == ["fleet"]
    desktop.open(f"{console.url}/console/appeals/{code}")
    assert "您没有权限" in desktop.text

    # An enrolment code from the page enrols a kiosk, which then shows in the list.
    desktop.open(f"{console.url}/console/fleet")
    desktop.choose("code-station", "城南联络站")
    desktop.follow("issue-code")
    notice = desktop.find("notice").text
    assert "城南联络站 的一次性登记码" in notice
    enrolment = notice.split("：", 1)[1].split("（")[0]
    answer = enrol(console.url, enrolment, device_name="二楼一体机")
    assert answer.status_code == 201, answer.text
    new = answer.json()
    desktop.open(f"{console.url}/console/fleet")
    assert "登记后从未联网" in row(desktop, new["device_id"]).text

    # Revoking asks for a confirmation; then the kiosk's token stops working.
    desktop.open(f"{console.url}/console/fleet/{new['device_id']}")
    desktop.follow("revoke")
    assert "请先勾选确认" in desktop.find("problem").text
    desktop.click("revoke-confirm")
    desktop.follow("revoke")
    assert "已停用这台一体机" in desktop.find("notice").text
    assert desktop.find("kiosk-state").get_attribute("data-colour") == "grey"
    revoked = EnrolledKiosk(console.url, "station-b", new["device_id"], new["device_token"], "")
    assert revoked.post("/api/v1/stations/station-b/heartbeat", {}).status_code == 401

    sign_in(phone, console, "tech", lands_on="/console/fleet")
    fits(phone)
    phone.screenshot("fleet", full=True)
    phone.open(f"{console.url}/console/fleet/{console.kiosk_a.device_id}")
    fits(phone)
    phone.screenshot("fleet-kiosk", full=True)


def test_staff_and_viewers_cannot_open_the_fleet(console, desktop):
    for login in ("staff-a", "viewer"):
        sign_in(desktop, console, login, lands_on="/console/")
        desktop.open(f"{console.url}/console/fleet")
        assert "您没有权限" in desktop.text
        desktop.open(f"{console.url}/console/fleet/{console.kiosk_a.device_id}")
        assert "您没有权限" in desktop.text
