# SPDX-License-Identifier: GPL-3.0-or-later
"""Publishing a station's content in a real headless Chromium (issue 15 §1): staff edit the
profile, upload a photo, add, edit, reorder and delete rules, publish and withdraw notices;
bad input (an empty title, a window that ends before it starts, a file that is no picture, a
photo too large) is refused in words on the page with what was typed kept, never a 500.
Viewers and technicians find no way in. Screenshots at 1366x768 and 360x740."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.central.console_fixtures import STATION_B, ConsoleSite
from tests.central.web.console.test_fleet_browser import fits, sign_in
from tests.helpers.phone import Browser

SHOTS = Path("/tmp/shots-publish")
PAGE = f"/console/stations/{STATION_B}"


def shot(browser: Browser, name: str) -> None:
    path = browser.screenshot(name, full=True)
    SHOTS.mkdir(exist_ok=True)
    for made in path.parent.glob(f"console-{name}_*"):
        shutil.copy(made, SHOTS / made.name)


def set_date(browser: Browser, element_id: str, day: str) -> None:
    browser.driver.execute_script(
        "document.getElementById(arguments[0]).value = arguments[1]", element_id, day
    )


def problem(browser: Browser) -> str:
    return browser.find("problem").text


def test_staff_are_refused_in_words_and_keep_what_they_typed(
    console: ConsoleSite, desktop, tmp_path
):
    sign_in(desktop, console, "staff-b", "/console/")
    desktop.open(f"{console.url}/console/stations")
    assert desktop.driver.current_url.endswith(PAGE)

    # An empty title: the body typed stays.
    desktop.type("notice-title", "   ")
    desktop.type("notice-body", "周六上午停电，暂停接待。")
    desktop.follow("publish-notice")
    assert problem(desktop) == "请填写“标题”。"
    assert desktop.find("notice-body").get_attribute("value") == "周六上午停电，暂停接待。"

    # A window that ends before it starts.
    desktop.type("notice-title", "停电通知")
    set_date(desktop, "notice-from", "2026-12-10")
    set_date(desktop, "notice-until", "2026-12-01")
    desktop.follow("publish-notice")
    assert "停止显示的日期早于开始显示的日期" in problem(desktop)
    assert desktop.find("notice-title").get_attribute("value") == "停电通知"
    assert desktop.find("notice-until").get_attribute("value") == "2026-12-01"
    shot(desktop, "publish-refused")

    # A file that is no picture, whatever its name says.
    fake = tmp_path / "站点照片.jpg"
    fake.write_bytes(b"%PDF-1.7\n this is a document")
    desktop.find("photo-file").send_keys(str(fake))
    desktop.follow("upload-photo")
    assert "不是 JPG、PNG 或 WebP 图片" in problem(desktop)

    # Too large: the page's script says so before uploading ...
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(6 * 1024 * 1024))
    desktop.find("photo-file").send_keys(str(huge))
    desktop.click("upload-photo")
    assert "照片太大了" in desktop.find("photo-problem").text
    # ... and the server says the same to a browser without it.
    desktop.driver.execute_script(
        "document.getElementById('photo-file').removeAttribute('data-max-bytes')"
    )
    desktop.follow("upload-photo")
    assert "照片太大了（6.0 MB），最大 5 MB" in problem(desktop)

    # An empty station name.
    desktop.type("p-name", "")
    desktop.type("p-address", "城南路 1 号")
    desktop.follow("save-profile")
    assert problem(desktop) == "请填写“站点名称”。"
    assert desktop.find("p-address").get_attribute("value") == "城南路 1 号"


def test_staff_keep_their_station_content_current(console: ConsoleSite, desktop, phone, tmp_path):
    sign_in(desktop, console, "staff-b", "/console/")
    desktop.open(f"{console.url}{PAGE}")
    desktop.type("p-address", "城南路 1 号")
    desktop.type("p-hours", "周一至周五 9:00-17:00，每月15日接待日")
    desktop.type("p-phone", "0571-8888 1234")
    desktop.type("p-intro", "城南联络站设在社区服务中心二楼，驻站代表12名。")
    desktop.follow("save-profile")
    assert desktop.find("notice").text == "基本信息已保存。"
    assert desktop.find("p-hours").get_attribute("value") == "周一至周五 9:00-17:00，每月15日接待日"

    picture = tmp_path / "door.png"
    Image.new("RGB", (320, 200), (179, 38, 30)).save(picture)
    desktop.find("photo-file").send_keys(str(picture))
    desktop.follow("upload-photo")
    assert desktop.find("notice").text == "照片已上传。"
    loaded = desktop.driver.execute_script(
        "const i = document.getElementById('station-photo'); return i.complete && i.naturalWidth"
    )
    assert loaded == 320

    for title, body in (("接待制度", "每月15日接待。"), ("学习制度", "每季度集中学习一次。")):
        desktop.type("rule-title", title)
        desktop.type("rule-body", body)
        desktop.follow("add-rule")
        if desktop.find("action-rule-new").get_attribute("open") is None:
            desktop.click_css("#action-rule-new summary")
    rules = desktop.driver.find_elements("css selector", "#rule-list li[data-rule]")
    first, second = (rule.get_attribute("data-rule") for rule in rules)
    desktop.follow(f"rule-{second}-up")
    assert desktop.find("rule-list").text.index("学习制度") < desktop.find("rule-list").text.index(
        "接待制度"
    )
    desktop.click_css(f"#action-rule-{second} summary")
    desktop.type(f"rule-{second}-title", "代表学习制度")
    desktop.follow(f"rule-{second}-save")
    assert "1. 代表学习制度" in desktop.find("rule-list").text

    desktop.type("notice-title", "元旦接待安排")
    desktop.type("notice-body", "1月1日放假，不安排接待。")
    desktop.follow("publish-notice")
    assert "显示中" in desktop.find("notice-list").text
    shot(desktop, "publish-station")
    fits(desktop)

    sign_in(phone, console, "staff-b", "/console/")
    phone.open(f"{console.url}{PAGE}")
    fits(phone)
    shot(phone, "publish-station")

    desktop.follow(f"rule-{first}-delete")
    assert desktop.find("notice").text == "制度已删除。"
    assert "接待制度" not in desktop.find("rule-list").text.replace("代表学习制度", "")


def test_a_reviewer_chooses_among_the_stations_in_scope(console: ConsoleSite, desktop):
    sign_in(desktop, console, "reviewer", "/console/")
    desktop.nav("nav-stations")
    links = desktop.driver.find_elements("css selector", "#stations a[data-station]")
    assert len(links) == 2
    shot(desktop, "publish-stations")


@pytest.mark.parametrize("login", ["viewer", "tech"])
def test_viewers_and_technicians_find_no_way_in(console: ConsoleSite, desktop, login):
    sign_in(desktop, console, login, "/console/fleet" if login == "tech" else "/console/")
    assert not desktop.driver.find_elements("id", "nav-stations")
    desktop.open(f"{console.url}{PAGE}")
    assert "您没有权限" in desktop.find("message").text
