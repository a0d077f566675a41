# SPDX-License-Identifier: GPL-3.0-or-later
"""The phone pages in 繁體 (issue 16 §1): every word translated, chosen by the 简 / 繁 / EN
switch on every page (remembered) or by a browser set to Traditional Chinese; in a real
Chromium at 360x740 the pages fit. Screenshots: screenshots/phone-*-zh-TW."""

from __future__ import annotations

from collections.abc import Iterator

import opencc
import pytest

from central.web.phone.text import TEXT, translator
from central.web.phone.text_zh_tw import TEXT_ZH_TW
from tests.central.phone_fixtures import STATION
from tests.central.web.phone.test_pages import leave_message, new_mobile
from tests.helpers.phone import Browser, Phone


def test_every_phone_text_has_a_traditional_entry():
    assert set(TEXT_ZH_TW) == set(TEXT)
    assert all(text.strip() for text in TEXT_ZH_TW.values())
    # Written in Traditional characters: converting them to Traditional changes nothing.
    to_traditional = opencc.OpenCC("s2tw")
    simplified_left = {k: t for k, t in TEXT_ZH_TW.items() if to_traditional.convert(t) != t}
    assert simplified_left == {}
    # The placeholders a page fills in are the same as in Simplified.
    for key, text in TEXT_ZH_TW.items():
        assert sorted(_fields(text)) == sorted(_fields(TEXT[key][0])), key


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


def test_traditional_on_request_and_remembered(phone_station):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01?lang=zh-TW")
    assert "給代表留言" in phone.text and "近期接待日" in phone.text
    assert "林嘉禾" in phone.text and "全國人大代表" in phone.text
    assert 'lang="zh-TW"' in phone.page
    assert "星期" in phone.text  # dates as in Chinese
    phone.get(f"/a/{STATION}")  # the cookie keeps it
    assert "請選擇要約見的代表" in phone.text
    phone.get("/d/demo-01?lang=zh")
    assert "给代表留言" in phone.text


def test_every_page_offers_simplified_traditional_and_english(phone_station):
    phone = Phone(phone_station.url)
    code = leave_message(phone, mobile=new_mobile())
    for path in ("/d/demo-01", f"/a/{STATION}", f"/p/{code}", "/d/nobody"):
        phone.get(path)
        for language, name in (("zh", "简"), ("zh-TW", "繁"), ("en", "EN")):
            assert f'href="{path}?lang={language}"' in phone.page, path
            assert f">{name}</a>" in phone.page
        assert 'id="lang-zh" aria-current="true"' in phone.page  # the one shown is marked


@pytest.mark.parametrize("header", ["zh-TW,zh;q=0.9", "zh-HK", "zh-Hant-MO,en;q=0.5"])
def test_a_phone_set_to_traditional_chinese_gets_traditional(phone_station, header):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01", headers={"Accept-Language": header})
    assert "給代表留言" in phone.text


@pytest.mark.parametrize("header", ["zh-CN,zh;q=0.9", "en-US,en;q=0.9", ""])
def test_other_phones_get_simplified_unless_they_choose(phone_station, header):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01", headers={"Accept-Language": header})
    assert "给代表留言" in phone.text
    # A choice made on the switch wins over the browser's setting.
    phone.get("/d/demo-01?lang=zh-TW", headers={"Accept-Language": header})
    phone.get("/d/demo-01", headers={"Accept-Language": "zh-CN"})
    assert "給代表留言" in phone.text


def test_messages_about_what_was_typed_are_in_traditional(phone_station):
    phone = Phone(phone_station.url)
    phone.get("/d/demo-01?lang=zh-TW")
    answer = phone.submit("/d/demo-01", {"category": "", "text": "", "mobile": "123"})
    assert answer.status_code == 400
    assert "請修改下面標出的內容" in phone.text and "請填寫留言內容" in phone.text
    assert "手機號碼應為11位數字" in phone.text


def test_the_translator_falls_back_to_simplified_for_an_unknown_language():
    assert translator("xx")("send") == TEXT["send"][0]
    assert translator("zh-TW")("wrong_last4", left=3).endswith("還可以再試3次。")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    browser = Browser()
    yield browser
    browser.close()


def test_the_pages_in_traditional_fit_a_phone(phone_station, browser):
    browser.open(f"{phone_station.url}/d/demo-02?lang=zh-TW")
    assert "給代表留言" in browser.text and "省人大代表" in browser.text
    _fits(browser)
    browser.screenshot("deputy-zh-TW", full=True)
    browser.follow("send")
    assert "請填寫留言內容" in browser.text
    _fits(browser)
    browser.screenshot("deputy-errors-zh-TW", full=True)
    browser.open(f"{phone_station.url}/a/{STATION}")
    assert "請選擇要約見的代表" in browser.text
    _fits(browser)
    browser.screenshot("appointment-deputies-zh-TW")
    browser.follow("deputy-demo-02")
    _fits(browser)
    browser.screenshot("appointment-form-zh-TW", full=True)
    browser.open(f"{phone_station.url}/p/222222222")
    assert "手機號碼後4位" in browser.text
    _fits(browser)
    browser.screenshot("progress-lookup-zh-TW")
    browser.follow("lang-zh")  # the switch: back to Simplified on the same page
    assert "手机号后4位" in browser.text


def _fits(browser: Browser) -> None:
    viewport, page = browser.widths()
    assert viewport == 360 and page <= viewport
