# SPDX-License-Identifier: GPL-3.0-or-later
"""The deputy's workspace in a real headless Chromium on a 360x740 phone (issue 14 §1):
station staff hand over a code as a QR code (read from the screenshot, as a phone camera
would), the deputy opens the link, sets a password, sees the appeal assigned to them, shows
the visitor's mobile (audited), replies, and the visitor's progress page shows the reply.
Every workspace page is screenshotted at 360x740 and 1366x768 (screenshots/deputy-*)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
import requests
from PySide6.QtGui import QImage
from sqlalchemy import select

from central.core.config import Settings
from central.core.db import open_database
from central.models import AuditEntry
from tests.central.console_fixtures import (
    ConsoleSite,
    Staff,
    fresh_mobile,
    new_code,
    seed_appointment,
)
from tests.central.phone_fixtures import STATION
from tests.central.web.console.test_browser import DESKTOP, fits, sign_in
from tests.helpers.central import CHINA
from tests.helpers.phone import Browser
from tests.helpers.qt import decode_qr_codes

DEPUTY_PASSWORD = "my phone password 7"
DEPUTY_LOGIN = f"{STATION}.demo-01"


@pytest.fixture(scope="module")
def desktop() -> Iterator[Browser]:
    browser = Browser(size=DESKTOP, prefix="deputy")
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def phone() -> Iterator[Browser]:
    browser = Browser(prefix="deputy")
    yield browser
    browser.close()


def assigned_appeal(console: ConsoleSite, text: str, deputy: str = "demo-01") -> tuple[str, str]:
    """A kiosk appeal the reviewer accepted and assigned to 林嘉禾 (demo-01) or `deputy`."""
    code, mobile = new_code(), fresh_mobile()
    console.appeal(console.kiosk_a, code, mobile=mobile, text=text)
    reviewer = console.staff("reviewer")
    reviewer.get(f"/console/appeals/{code}")
    reviewer.post(f"/console/appeals/{code}/act", {"action": "accept"})
    reviewer.post(f"/console/appeals/{code}/act", {"action": "assign", "deputy": deputy})
    assert reviewer.status == 200, reviewer.text
    return code, mobile


def hand_over(console: ConsoleSite, desktop: Browser, shot: str = "") -> str:
    """Staff hand 林嘉禾 a code; the link as a phone's camera reads the QR code on screen."""
    sign_in(desktop, console, "staff-a")
    desktop.nav("nav-deputies")
    if shot:
        desktop.screenshot(shot)
    desktop.follow("hand-over-demo-01")
    assert "请林嘉禾代表用手机扫码登录" in desktop.text
    path = desktop.screenshot("hand-over")
    [link] = decode_qr_codes(QImage(str(path)))
    code = desktop.find("hand-over-code").text
    assert link == f"{console.url}/console/welcome#{_compact(code)}"
    return link


def _compact(shown: str) -> str:
    number, _, rest = shown.partition("-")
    return f"{number}-{rest.replace('-', '')}"


def deputy_signs_in_with(phone: Browser, link: str, shot: bool = False) -> None:
    phone.driver.delete_all_cookies()
    phone.open(link)
    assert phone.find("code").get_attribute("value")  # filled from the link's fragment
    assert "#" not in phone.driver.current_url  # and gone from the address bar
    if shot:
        phone.screenshot("welcome")
    phone.type("password", DEPUTY_PASSWORD)
    phone.type("again", DEPUTY_PASSWORD)
    phone.follow("set-password")
    assert phone.driver.current_url.endswith("/console/my"), phone.text


def test_a_deputy_signs_in_with_a_handed_over_code_and_replies_from_the_phone(
    console, desktop, phone
):
    code, mobile = assigned_appeal(console, "小区门口路灯坏了一个星期，晚上看不清路")
    link = hand_over(console, desktop)
    deputy_signs_in_with(phone, link)
    fits(phone)
    item = phone.find("my-appeals").find_element("css selector", f'li[data-code="{code}"]')
    assert "交办" in item.text and item.find_element("css selector", "[data-colour]")
    assert re.fullmatch(r"\d+ 件待回复，\d+ 件已超期，\d+ 件临期", phone.find("counts").text)
    item.find_element("css selector", "a").click()
    phone.find("text")
    assert "路灯坏了一个星期" in phone.find("text").text
    assert mobile not in phone.text and mobile[-4:] in phone.find("contact-mobile").text
    phone.follow("reveal")
    assert phone.find("contact-mobile").text == mobile
    database = open_database(Settings(data_dir=console.server.data_dir))
    with database.reader() as session:
        reveals = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "reveal", AuditEntry.target == code)
        ).all()
    assert [r.login for r in reveals] == [DEPUTY_LOGIN]
    phone.type("reply", "您好，已联系街道，路灯本周五前修好。")
    phone.follow("send-reply")
    assert "已答复" in phone.find("state").text
    assert "答复已发送" in phone.find("notice").text

    # The kiosk's next pull carries the reply (its lookup shows it) and the deputy's counts.
    snapshot = console.kiosk_a.snapshot().json()
    [progress] = [a for a in snapshot["appeals"] if a["tracking_code"] == code]
    assert progress["state"] == "replied" and "路灯本周五前修好" in progress["steps"][-1]["note"]
    assert set(snapshot["deputy_work"].get("demo-01", {})) <= {"open", "overdue", "due_soon"}
    assert snapshot["links"]["workspace"] == f"{console.url}/console/my"

    # The same items for scripts; another deputy's appeal is refused.
    http = requests.Session()
    signed = http.post(
        f"{console.url}/console/api/login",
        json={"login": DEPUTY_LOGIN, "password": DEPUTY_PASSWORD},
        timeout=30,
    )
    assert signed.status_code == 200, signed.text
    mine = http.get(f"{console.url}/console/api/my", timeout=30).json()
    assert code in {a["code"] for a in mine["appeals"]}
    for path in ("/console/my", f"/console/my/appeals/{code}", "/console/my/record"):
        english = http.get(f"{console.url}{path}?lang=en", timeout=30)
        assert english.status_code == 200 and "My items" in english.text, path
    other, _ = assigned_appeal(console, "别人的事项", deputy="demo-02")
    assert http.get(f"{console.url}/console/api/appeals/{other}", timeout=30).status_code == 403
    assert http.get(f"{console.url}/console/my/appeals/{other}", timeout=30).status_code == 403

    # The used link does not work twice.
    deputy_signs_in_again = Browser(prefix="deputy")
    try:
        deputy_signs_in_again.open(link)
        deputy_signs_in_again.type("password", DEPUTY_PASSWORD + "x")
        deputy_signs_in_again.type("again", DEPUTY_PASSWORD + "x")
        deputy_signs_in_again.follow("set-password")
        assert "已用过" in deputy_signs_in_again.find("problem").text
    finally:
        deputy_signs_in_again.close()

    # The visitor reads the reply on the progress page.
    visitor = Browser()
    try:
        visitor.open(f"{console.url}/p/{code}")
        visitor.type("last4", mobile[-4:])
        visitor.follow("look-up")
        assert "路灯本周五前修好" in visitor.text
    finally:
        visitor.close()


def test_every_workspace_page_at_both_sizes_and_a_referral_staff_confirm(console, desktop, phone):
    code, _mobile = assigned_appeal(console, "楼下餐馆油烟很大，窗户都不敢开")
    callback = new_code()
    console.callback(console.kiosk_a, callback, fresh_mobile())
    link = hand_over(console, desktop, shot="deputies")
    desktop.screenshot("hand-over")
    meeting = new_code()
    seed_appointment(console, meeting, (datetime.now(CHINA) + timedelta(days=3)).date())
    deputy_signs_in_with(phone, link, shot=True)
    phone.screenshot("my", full=True)
    fits(phone)
    # An appointment request: confirmed with a note the visitor reads, then done with a record.
    phone.type(f"note-{meeting}", "周四上午九点在联络站二楼见")
    phone.follow(f"answer-{meeting}-confirmed")
    assert "已答复约见" in phone.find("notice").text
    row = phone.find("my-appointments").find_element("css selector", f'li[data-code="{meeting}"]')
    assert "已确认" in row.text and "周四上午九点" in row.text
    phone.type(f"note-{meeting}", "已面谈，反映停车问题，转街道研究")
    phone.follow(f"answer-{meeting}-done")
    row = phone.find("my-appointments").find_element("css selector", f'li[data-code="{meeting}"]')
    assert "已见面" in row.text
    phone.follow(f"take-{callback}")
    assert "回电请求" in phone.text
    phone.follow("back")
    phone.click_css(f'#my-appeals li[data-code="{code}"] a')
    phone.find("propose").find_element("css selector", "summary").click()
    phone.choose("department", "区交通运输局")
    phone.type("reason", "油烟扰民归环保和城管，建议转办")
    phone.follow("send-proposal")
    assert "待工作人员确认" in phone.text
    phone.find("notes").find_element("css selector", "summary").click()
    phone.type("note", "周六去现场看看")
    phone.follow("add-note")
    phone.screenshot("appeal", full=True)
    fits(phone)
    # Yesterday at the kiosk: signed in 09:00 to 11:30, one reception record of 3 visitors.
    # (Other tests on this server may have given demo-01 days this year: counted as added.)
    day = (datetime.now(CHINA) - timedelta(days=1)).date()
    phone.follow("nav-record")
    totals = ("total-days", "total-hours", "total-receptions")
    before = {name: float(phone.find(name).text) for name in totals}
    if day.year == datetime.now(CHINA).year:
        attended(console, day)
    phone.nav("nav-record")
    assert "履职档案" in phone.text and phone.find("months")
    if day.year == datetime.now(CHINA).year:
        added = {name: float(phone.find(name).text) - before[name] for name in totals}
        assert added == {"total-days": 1, "total-hours": 2.5, "total-receptions": 1}
    phone.screenshot("record", full=True)
    fits(phone)

    # Staff see the deputy's note and proposal on the appeal's page, and confirm it.
    desktop.open(f"{console.url}/console/appeals/{code}")
    notes = desktop.find("deputy-notes").text
    assert "周六去现场看看" in notes and "油烟扰民归环保和城管" in notes
    desktop.nav("nav-referrals")
    row = desktop.find("referrals").find_element("css selector", f'tr[data-code="{code}"]')
    assert "油烟扰民" in row.text
    desktop.screenshot("referrals")
    proposal = row.get_attribute("data-proposal")
    desktop.follow(f"confirm-{proposal}")
    assert "没有待确认" in desktop.text
    phone.open(f"{console.url}/console/my/appeals/{code}")
    assert phone.find("state").text == "已转有关部门"
    assert phone.find("department").text == "区交通运输局"

    # The same pages on a desktop screen.
    sign_in_deputy(desktop, console)
    for name, path in (
        ("my", "/console/my"),
        ("appeal", f"/console/my/appeals/{code}"),
        ("record", "/console/my/record"),
    ):
        desktop.open(console.url + path)
        fits(desktop)
        desktop.screenshot(name)
    desktop.open(f"{console.url}/console/welcome")
    desktop.screenshot("welcome")
    for name, path in (("deputies", "/console/deputies"), ("referrals", "/console/referrals")):
        sign_in(phone, console, "staff-a")
        phone.open(console.url + path)
        fits(phone)
        phone.screenshot(name, full=True)


def attended(console: ConsoleSite, day: date) -> None:
    """A day at the station as the kiosk reports it: sign-in, sign-out, a reception record."""
    kiosk = console.kiosk_a

    def event(kind: str, hour: int, minute: int, body: dict) -> dict:
        at = datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA)
        return {
            "uuid": str(uuid.uuid4()),
            "kind": kind,
            "created_at": at.isoformat(timespec="seconds"),
            "body": {"deputy_id": "demo-01"} | body,
        }

    answer = kiosk.post_events(
        [
            event("attendance", 9, 0, {"action": "sign_in", "reason": "pin"}),
            event(
                "reception_record",
                10,
                0,
                {
                    "visitors": 3,
                    "topic": "加装电梯",
                    "tracking_codes": [],
                    "sealed": kiosk.seal({"notes": "三位居民反映加装电梯"}),
                },
            ),
            event("attendance", 11, 30, {"action": "sign_out", "reason": "manual"}),
        ]
    )
    assert {r["status"] for r in answer.json()["results"]} == {"created"}, answer.text


def sign_in_deputy(browser: Browser, console: ConsoleSite) -> None:
    browser.driver.delete_all_cookies()
    browser.open(f"{console.url}/console/login")
    browser.type("login", DEPUTY_LOGIN)
    browser.type("password", DEPUTY_PASSWORD)
    browser.follow("sign-in")
    assert browser.driver.current_url.endswith("/console/my"), browser.text


def test_staff_disable_a_lost_phone_and_the_deputy_is_signed_out_at_once(console, desktop, phone):
    link = hand_over(console, desktop)
    deputy_signs_in_with(phone, link)
    desktop.open(f"{console.url}/console/deputies")
    desktop.follow("disable-demo-01")
    assert "账户已停用" in desktop.find("notice").text
    row = desktop.find("deputies").find_element("css selector", 'tr[data-deputy="demo-01"]')
    assert "已停用" in row.text
    phone.open(f"{console.url}/console/my")
    assert phone.driver.current_url.endswith("/console/login")
    # A new code enables the account again.
    deputy_signs_in_with(phone, hand_over(console, desktop))


def test_bad_input_gets_a_clear_answer_and_never_a_server_error(console):
    staff = console.staff("staff-a")
    staff.get("/console/deputies")
    staff.post("/console/deputies/hand-over", {"station": STATION, "deputy": "nobody"})
    assert staff.status == 400 and "roster" in staff.text
    staff.post("/console/deputies/hand-over", {"station": "station-b", "deputy": "demo-01"})
    assert staff.status == 403
    staff.get("/console/deputies")  # a fresh form (the refusal page has none)
    staff.post("/console/deputies/hand-over", {"station": STATION, "deputy": "demo-03"})
    code = re.search(r'id="hand-over-code">([^<]+)<', staff.page)[1]
    staff.post("/console/referrals/abc", {"decision": "confirm"})
    assert staff.status == 404

    deputy = Staff(console.url)
    deputy.get("/console/welcome")
    deputy.post("/console/welcome", {"code": code, "password": "short", "again": "short"})
    assert deputy.status == 400 and "at least 10" in deputy.text
    wrong = code[:-1] + ("A" if code[-1] != "A" else "B")
    deputy.post("/console/welcome", {"code": wrong, "password": PW, "again": PW})
    assert deputy.status == 403 and "登录码不对" in deputy.text
    deputy.post("/console/welcome", {"code": code, "password": PW, "again": PW + "x"})
    assert deputy.status == 400 and "两次输入的密码不一样" in deputy.text
    deputy.post("/console/welcome", {"code": code, "password": PW, "again": PW})
    assert deputy.last_url.endswith("/console/my"), deputy.text
    deputy.get("/console/my/appeals/NOT-A-CODE")
    assert deputy.status == 404
    deputy.get("/console/my/record?year=abc")
    assert deputy.status == 200
    # The record prints as a PDF (履职档案): the link on the page and its download.
    assert 'id="record-pdf"' in deputy.page
    printed = deputy.http.get(deputy.url + "/console/my/record.pdf?year=2026", timeout=60)
    assert printed.status_code == 200 and printed.content.startswith(b"%PDF")
    assert printed.headers["content-type"] == "application/pdf"
    assert staff.http.get(staff.url + "/console/my/record.pdf", timeout=60).status_code == 403
    deputy.get("/console/my")
    deputy.post("/console/my/appointments/NOCODE", {"state": "confirmed"})
    assert deputy.status == 404
    staff.get("/console/my")
    assert staff.status == 403  # the workspace is a deputy's


PW = "another long password"
