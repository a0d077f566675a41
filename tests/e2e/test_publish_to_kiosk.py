# SPDX-License-Identifier: GPL-3.0-or-later
"""Issue 15 §1 end to end: station staff publish a notice and a rule in the console (real
Chromium) and upload the station's photo, and a real kiosk enrolled at that station shows all
three on its station page after its next pull, without a restart; a notice whose window has
not begun stays off the kiosk. A category added to the list the station offers is in the
kiosk's appeal form after a pull."""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageDraw

from central.core.config import CHINA_TIME
from kiosk.sync.enrolment import enrol
from tests.helpers.phone import Browser
from tests.helpers.qt import descendants

SHOTS = Path("/tmp/shots-publish")
PASSWORD = "a good long password"


@pytest.fixture
def staff_browser(station):
    output = station.cli(
        "user", "create", "zhang", "--name", "张站长", "--role", "staff", "--station", "qinghe"
    ).stdout
    first = re.search(r"one-time password: (\S+)", output)[1]
    browser = Browser(size=(1366, 768), prefix="publish")
    browser.open(f"{station.server.url}/console/login")
    browser.type("login", "zhang")
    browser.type("password", first)
    browser.follow("sign-in")
    browser.type("old", first)
    browser.type("new", PASSWORD)
    browser.follow("save-password")
    yield browser
    browser.close()


def set_date(browser: Browser, element_id: str, day: str) -> None:
    """A date field as its picker leaves it (typing into one depends on the browser's locale)."""
    browser.driver.execute_script(
        "document.getElementById(arguments[0]).value = arguments[1]", element_id, day
    )


def screen_texts(item) -> list[str]:
    return [str(i.property("text")) for i in descendants(item) if i.property("text")]


def test_staff_publish_a_notice_and_a_rule_and_the_kiosk_shows_them(
    make_kiosk, station, staff_browser, tmp_path, qtbot
):
    browser = staff_browser
    today = datetime.now(CHINA_TIME).date()
    browser.open(f"{station.server.url}/console/stations")
    assert "/console/stations/qinghe" in browser.driver.current_url  # their only station
    browser.type("notice-title", "12月15日代表接待日主题：加装电梯")
    browser.type("notice-body", "欢迎有加装电梯意愿的居民来站反映，代表邀请住建部门一同接待。")
    browser.follow("publish-notice")
    assert "通知已保存" in browser.find("notice").text
    # One more, whose window begins next week: kept, but not on the kiosk yet.
    browser.click_css("#action-notice-new summary")
    browser.type("notice-title", "下周才显示的通知")
    browser.type("notice-body", "还没到时间。")
    set_date(browser, "notice-from", (today + timedelta(days=7)).isoformat())
    browser.follow("publish-notice")
    assert "未到时间" in browser.find("notice-list").text
    browser.type("rule-title", "代表进站接待制度")
    browser.type("rule-body", "每月15日为代表接待日，驻站代表轮流进站接待群众。")
    browser.follow("add-rule")
    assert "代表进站接待制度" in browser.find("rule-list").text
    picture = tmp_path / "door.png"
    door = Image.new("RGB", (800, 360), (246, 238, 226))
    ImageDraw.Draw(door).rectangle((300, 60, 500, 360), fill=(179, 38, 30))
    door.save(picture)
    browser.find("photo-file").send_keys(str(picture))
    browser.follow("upload-photo")
    assert browser.find("notice").text == "照片已上传。"
    browser.screenshot("station-published", full=True)

    station.cli("category", "add", "加装电梯")  # the shared list: the station has no region

    output = station.cli("enrolment-code", "--station", station.station_id).stdout
    enrol(
        tmp_path / "data" / "kiosk.sqlite3", station.server.url, output.split(": ", 1)[1].split()[0]
    )
    kiosk = make_kiosk()
    qtbot.waitUntil(lambda: kiosk.backends.station.name == "青禾测试联络站", timeout=20_000)
    visitor = kiosk.visitor
    visitor.tap("stationInfoButton")
    page = visitor.find("stationInfoScreen")

    def shows_both() -> bool:
        texts = screen_texts(page)
        return any("加装电梯" in t for t in texts) and "代表进站接待制度" in texts

    qtbot.waitUntil(shows_both, timeout=20_000)
    photo = visitor.find("stationPhoto")
    loaded = lambda: photo.isVisible() and photo.property("implicitWidth") > 0  # noqa: E731
    qtbot.waitUntil(loaded, timeout=20_000)
    visitor.screenshot("kiosk-published-photo").save(
        str(SHOTS / "kiosk-published-photo_1920x1080.png")
    )
    texts = screen_texts(page)
    assert not any("下周才显示" in t for t in texts)
    # Scrolled down to the notices, as a visitor would.
    flickable = visitor.find("stationInfoPage")
    bottom = flickable.property("contentHeight") - flickable.property("height")
    flickable.setProperty("contentY", max(0.0, bottom))
    image = visitor.screenshot("kiosk-published-notice")
    SHOTS.mkdir(exist_ok=True)
    image.save(str(SHOTS / "kiosk-published-notice_1920x1080.png"))

    # The category added on the server is a button of the kiosk's appeal form.
    qtbot.waitUntil(lambda: "加装电梯" in kiosk.backends.intake._categories, timeout=20_000)
    visitor.tap("homeButton")
    visitor.tap("appealButton")
    assert visitor.text("category_8") == "加装电梯"
    visitor.screenshot("kiosk-published-category").save(
        str(SHOTS / "kiosk-published-category_1920x1080.png")
    )
    for shot in Path("screenshots").glob("publish-station-published*"):
        shutil.copy(shot, SHOTS / shot.name)
