# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages in a real headless Chromium at 360x740: each page fits the screen, and the
forms work through the browser as a visitor fills them in. Screenshots: screenshots/phone-*."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.domain.tracking import display
from tests.central.phone_fixtures import STATION
from tests.helpers.phone import Browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    browser = Browser()
    yield browser
    browser.close()


def fits(browser: Browser) -> None:
    """Nothing wider than the phone's screen: no sideways scrolling."""
    viewport, page = browser.widths()
    assert viewport == 360 and page <= viewport


def test_a_message_left_on_a_deputys_page_is_followed_on_the_progress_page(phone_station, browser):
    browser.open(f"{phone_station.url}/d/demo-01")
    fits(browser)
    assert "林嘉禾" in browser.text and "近期接待日" in browser.text
    browser.screenshot("deputy", full=True)

    browser.follow("send")  # nothing filled in: every problem is named
    assert "请修改下面标出的内容" in browser.text and "请填写留言内容" in browser.text
    fits(browser)
    browser.screenshot("deputy-errors", full=True)

    browser.choose("category", "城市建设")
    browser.type("text", "文昌路口的人行道砖松动，老人容易绊倒")
    browser.type("block", "文昌社区")
    browser.type("name", "陈阿姨")
    browser.type("mobile", "138 0013 8000")
    browser.click("consent")
    browser.follow("send")
    code = browser.find("code").text
    assert "您的查询编号" in browser.text
    fits(browser)
    browser.screenshot("message-received")

    browser.follow("progress-link")
    assert "手机号后4位" in browser.text
    fits(browser)
    browser.screenshot("progress-lookup")
    browser.type("last4", "0000")
    browser.follow("look-up")
    assert "还可以再试4次" in browser.text
    browser.screenshot("progress-wrong")
    browser.type("last4", "8000")
    browser.follow("look-up")
    assert "已受理登记" in browser.text and "城市建设" in browser.text
    fits(browser)
    browser.screenshot("progress", full=True)

    for state in ("accepted", "assigned", "replied", "closed"):
        phone_station.cli("appeals", "move", code, state, "--note", f"{state} 的说明")
    browser.open(f"{phone_station.url}/p/{code.replace('-', '')}")
    browser.type("last4", "8000")
    browser.follow("look-up")
    assert "请对办理结果评价" in browser.text
    browser.screenshot("progress-closed", full=True)
    browser.follow("rate-dissatisfied")
    assert "已重新交办" in browser.text and "重新办理" in browser.text
    # (A phone's appeal is not in the kiosks' snapshot: the staff listing shows it.)
    listing = phone_station.cli("appeals", "list", "--station", STATION)
    assert "reopened" in next(line for line in listing.splitlines() if code in line)
    fits(browser)
    browser.screenshot("progress-reopened", full=True)


def test_an_appointment_is_requested_through_the_browser(phone_station, browser):
    browser.open(f"{phone_station.url}/a/{STATION}")
    fits(browser)
    browser.screenshot("appointment-deputies")
    browser.follow("deputy-demo-02")
    fits(browser)
    browser.screenshot("appointment-form", full=True)
    browser.click_css('input[name="day"]')
    browser.type("topic", "小区停车位不够")
    browser.type("name", "刘先生")
    browser.type("mobile", "13900007777")
    browser.click("consent")
    browser.follow("send")
    code = browser.find("code").text
    assert "约见申请已提交" in browser.text and "周晓喆" in browser.text
    browser.screenshot("appointment-received")
    listing = phone_station.cli("appointments", "list", "--station", STATION)
    assert code in listing and "requested" in listing
    phone_station.cli("appointments", "decline", code, "--note", "该日代表外出，请改约")
    browser.follow("progress-link")
    browser.type("last4", "7777")
    browser.follow("look-up")
    assert "未能安排" in browser.text and "请改约" in browser.text
    browser.screenshot("appointment-progress", full=True)
    browser.follow("rebook")  # straight back to that deputy's reception days
    assert "周晓喆" in browser.text and "接待日" in browser.text
    assert display(code.replace("-", "")) == code


def test_the_pages_in_english(phone_station, browser):
    browser.open(f"{phone_station.url}/d/demo-05?lang=en")
    fits(browser)
    assert "Leave a message" in browser.text
    browser.screenshot("deputy-en", full=True)
    browser.open(f"{phone_station.url}/p/222222222")
    assert "Last 4 digits of your mobile" in browser.text
    browser.screenshot("progress-lookup-en")
