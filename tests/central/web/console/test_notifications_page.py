# SPDX-License-Identifier: GPL-3.0-or-later
"""The console's notifications page in a real headless Chromium, on a real server whose
notification worker posts to a real HTTP receiver: station staff see their channel and the
notices, and a failed one, tried again from the page, arrives (1366x768 and 360x740)."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait
from sqlalchemy import select, update

from central.core.config import Settings
from central.core.db import open_database
from central.launch import running_central
from central.models import Notice
from tests.central.console_fixtures import ConsoleSite, console_site, new_code
from tests.central.phone_fixtures import STATION
from tests.central.web.console.test_browser import DESKTOP, fits, sign_in
from tests.helpers.phone import Browser
from tests.helpers.receivers import HttpReceiver

SHOTS = Path("/tmp/shots-notify")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[ConsoleSite, HttpReceiver]]:
    with (
        HttpReceiver(default=(500, {"errcode": -1, "errmsg": "system busy"})) as robot,
        running_central(tmp_path_factory.mktemp("notify-console")) as server,
    ):
        site = console_site(server)
        server.cli(
            "notify", "channels", "add", "--kind", "webhook_wecom", "--station", STATION,
            "--target", robot.url + "/cgi-bin/webhook/send?key=SECRETKEY",
            "--name", "文昌站工作群", "--quiet", "",
        )  # fmt: skip
        yield site, robot


def poll(condition, timeout: float = 20.0) -> None:
    """Wait until `condition()` holds, looking every 0.1 s."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        threading.Event().wait(0.1)


def shot(browser: Browser, name: str) -> None:
    path = browser.screenshot(name, full=True)
    SHOTS.mkdir(exist_ok=True)
    for made in path.parent.glob(path.stem.rsplit("_", 1)[0] + "*.png"):
        shutil.copy(made, SHOTS / made.name)


def test_staff_see_a_failed_notice_and_try_it_again_until_it_arrives(site):
    console, robot = site
    code = new_code()
    console.appeal(console.kiosk_a, code)
    robot.wait_for(1)  # the worker tried: the robot answered 500
    database = open_database(Settings(data_dir=console.server.data_dir))

    def tried_once() -> bool:  # the worker records the try just after the answer
        with database.reader() as session:
            return session.scalar(select(Notice.attempts)) == 1

    poll(tried_once)
    # Seven more tries an hour apart are the clock's business: say they happened.
    with database.writer.begin() as session:
        session.execute(update(Notice).values(state="failed", attempts=8, last_error="HTTP 500"))
    desktop, phone = Browser(size=DESKTOP, prefix="console"), Browser(prefix="console")
    try:
        for browser, size in ((phone, "phone"), (desktop, "desktop")):
            sign_in(browser, console, "staff-a")
            browser.nav("nav-notifications")
            text = browser.text
            assert "文昌站工作群" in text and "企业微信群机器人" in text
            assert "SECRETKEY" not in text  # the robot's key stays in the database
            assert "1条发送失败" in text and "发送失败" in text and "HTTP 500" in text
            fits(browser)
            shot(browser, f"notifications-failed-{size}")
        robot.default = (200, {"errcode": 0, "errmsg": "ok"})
        row = desktop.driver.find_element("css selector", "tr[data-state=failed]")
        notice_id = row.get_attribute("data-notice")
        desktop.follow(f"retry-{notice_id}")
        assert "已安排重新发送" in desktop.text
        arrived = robot.wait_for(2)[1].json()["markdown"]["content"]
        assert arrived.startswith("**【新诉求】**") and code in arrived
        desktop.open(f"{console.url}/console/notifications")

        def recorded(driver) -> bool:  # the worker records it just after the robot answered
            driver.refresh()
            return "已发送" in desktop.text

        WebDriverWait(desktop.driver, 20).until(recorded)
        shot(desktop, "notifications-sent-desktop")
        phone.driver.refresh()
        shot(phone, "notifications-sent-phone")
    finally:
        desktop.close()
        phone.close()


def test_the_page_is_for_staff_and_admins_only(site):
    console, _ = site
    reader = console.staff("viewer")
    reader.get("/console/notifications")
    assert reader.status == 403
    staff_b = console.staff("staff-b")
    staff_b.get("/console/notifications")
    # Station B's staff see no channel of station A's.
    assert "文昌站工作群" not in staff_b.text and "还没有通知渠道" in staff_b.text
    staff_b.get("/console/notifications?lang=en")
    assert staff_b.status == 200 and "No channels yet" in staff_b.text


def test_a_channel_for_visitor_texts_is_named_so_and_the_others_do_not_carry_them(site):
    console, _ = site
    console.server.cli(
        "notify", "channels", "add", "--kind", "sms_gateway", "--station", STATION,
        "--target", "http://127.0.0.1:9/sms/send", "--name", "群众短信",
        "--kinds", "visitor_progress",
    )  # fmt: skip
    desktop, phone = Browser(size=DESKTOP, prefix="console"), Browser(prefix="console")
    try:
        for browser, size in ((phone, "phone"), (desktop, "desktop")):
            sign_in(browser, console, "staff-a")
            browser.nav("nav-notifications")
            text = browser.text
            assert "群众短信" in text and "群众进度短信" in text  # its name, the kind it carries
            assert "全部（群众短信除外）" in text  # the group robot: every kind but those
            # Its quiet hours are the visitor texts' own, not the channel's default.
            row = browser.driver.find_element("css selector", "tr[data-channel='2']").text
            assert "群众短信21:00-08:00" in row and "22:00-07:30" not in row
            fits(browser)
            shot(browser, f"notifications-visitor-{size}")
    finally:
        desktop.close()
        phone.close()


def test_staff_add_a_group_robot_in_the_page_and_turn_it_off(site):
    """No shell needed for the robots offices use: a wrong address is refused in words with
    what was typed kept; the robot added carries the next appeal's notice; off stops it."""
    console, _ = site
    phone = Browser(prefix="console")
    try:
        sign_in(phone, console, "staff-a")
        phone.nav("nav-notifications")
        phone.choose("r-kind", "钉钉群机器人")
        phone.type("r-name", "钉钉值班群")
        phone.type("r-target", "ftp://oapi.example.cn/robot/send?access_token=T")
        phone.follow("add-robot-button")
        assert "Webhook 地址应以 https:// 开头" in phone.text
        assert phone.driver.find_element("id", "r-name").get_attribute("value") == "钉钉值班群"
        shot(phone, "notifications-robot-refused")
        phone.type("r-target", "https://oapi.example.cn/robot/send?access_token=TOKEN123")
        phone.type("r-secret", "SECabc123")
        phone.follow("add-robot-button")
        assert "机器人已添加。" in phone.text
        row = phone.driver.find_element("xpath", "//tr[.//b[text()='钉钉值班群']]")
        channel_id = row.get_attribute("data-channel")
        assert "钉钉" in row.text and "TOKEN123" not in phone.text  # the key stays hidden
        fits(phone)
        shot(phone, "notifications-robot-added")

        code = new_code()
        console.appeal(console.kiosk_a, code)
        database = open_database(Settings(data_dir=console.server.data_dir))

        def queued_for_robot() -> bool:
            with database.reader() as session:
                return (
                    session.scalar(select(Notice.id).where(Notice.channel_id == int(channel_id)))
                    is not None
                )

        poll(queued_for_robot)
        phone.follow(f"switch-{channel_id}")
        assert "已更改。" in phone.text
        row = phone.driver.find_element("css selector", f"tr[data-channel='{channel_id}']")
        assert "已停用" in row.text or "停用" in row.text
        assert "启用" in row.text  # the button turns it back on
    finally:
        phone.close()
