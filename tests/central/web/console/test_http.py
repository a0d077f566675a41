# SPDX-License-Identifier: GPL-3.0-or-later
"""The console over real HTTP against a real server process: sign-in, scopes, roles, reveals,
CSRF, the JSON API, and the visitor's progress page agreeing with the console."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import requests

from central.core.config import CHINA_TIME
from tests.central.console_fixtures import (
    PASSWORD,
    STATION_B,
    Staff,
    fresh_mobile,
    new_code,
    seed_appointment,
)
from tests.helpers.phone import Phone


def test_nothing_without_signing_in_and_wrong_passwords_lock_the_account(console):
    anonymous = Staff(console.url)
    anonymous.get("/console/")
    assert anonymous.last_url.endswith("/console/login")
    assert requests.get(console.url + "/console/api/appeals", timeout=30).status_code == 401
    for _ in range(5):
        anonymous.sign_in("locked", "not the password")
        assert anonymous.status == 403
    assert "账户已锁定到" in anonymous.text
    session_cookie = anonymous.http.cookies.get("console_session")
    assert session_cookie is None


def test_first_sign_in_forces_a_new_password_and_cookies_are_strict(console):
    person = Staff(console.url)
    answer = person.sign_in("staff-a", console.passwords.get("staff-a", "first password 1"))
    cookie = (
        next(c for c in answer.history[0].headers.get_all("set-cookie") or [])
        if False
        else (answer.history[0].headers["set-cookie"])
    )
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/console" in cookie
    if "/console/password" in person.last_url:
        assert "首次登录" in person.text
        person.get("/console/")  # nothing else until the password is changed
        assert person.last_url.endswith("/console/password")


def test_a_station_s_staff_never_see_another_station_s_appeal(console):
    code_a, code_b = new_code(), new_code()
    console.appeal(console.kiosk_a, code_a, text="甲站的诉求")
    console.appeal(console.kiosk_b, code_b, text="乙站的诉求")
    staff_b = console.staff("staff-b")
    staff_b.get("/console/?state=all")
    assert code_b in staff_b.codes() and code_a not in staff_b.codes()
    staff_b.get(f"/console/appeals/{code_a}")
    assert staff_b.status == 403 and "甲站的诉求" not in staff_b.text
    staff_b.get(f"/console/appeals/{code_b}")
    assert staff_b.status == 200 and "乙站的诉求" in staff_b.text
    # The API answers the same way.
    assert (
        staff_b.http.get(f"{console.url}/console/api/appeals/{code_a}", timeout=30).status_code
        == 403
    )
    listed = staff_b.http.get(f"{console.url}/console/api/appeals?state=all", timeout=30).json()
    assert {a["station_id"] for a in listed["appeals"]} == {STATION_B}
    # Nor can they act on it, even with a valid token of their own.
    staff_b.get(f"/console/appeals/{code_b}")
    staff_b.post(f"/console/appeals/{code_a}/act", {"action": "accept", "note": "x"})
    assert staff_b.status == 403


def test_a_viewer_never_sees_a_name_a_mobile_or_a_text(console):
    code = new_code()
    mobile = fresh_mobile()
    console.appeal(console.kiosk_a, code, name="赵秘密", mobile=mobile, text="只给工作人员看的内容")
    viewer = console.staff("viewer")
    pages = ("/console/?state=all", f"/console/appeals/{code}", "/console/overdue")
    figures = ("/console/figures", "/console/figures?kind=year&year=2026")
    exports = ("/console/figures/export.csv?table=categories", "/console/figures/export.xlsx")
    for path in pages + figures + exports:
        viewer.get(path)
        assert viewer.status == 200
        for secret in ("赵秘密", mobile, mobile[-4:], "只给工作人员看的内容"):
            assert secret not in viewer.page, path
    detail = viewer.http.get(f"{console.url}/console/api/appeals/{code}", timeout=30).json()
    assert (detail["name"], detail["mobile"], detail["text"]) == ("", "", "")
    viewer.get(f"/console/appeals/{code}")
    viewer.post(f"/console/appeals/{code}/reveal")
    assert viewer.status == 403


def test_every_reveal_is_in_the_audit_log_and_its_csv(console):
    code = new_code()
    mobile = fresh_mobile()
    console.appeal(console.kiosk_a, code, mobile=mobile)
    staff = console.staff("staff-a")
    staff.get(f"/console/appeals/{code}")
    assert mobile not in staff.page and mobile[:3] + "****" + mobile[-4:] in staff.text
    staff.post(f"/console/appeals/{code}/reveal")
    assert mobile in staff.text and "已记入审计日志" in staff.text
    chief = console.staff("chief")
    chief.get(f"/console/audit?action=reveal&target={code}")
    assert "staff-a" in chief.text and code in chief.text and "127.0.0.1" in chief.text
    exported = chief.http.get(f"{console.url}/console/audit.csv?action=reveal", timeout=30)
    assert exported.headers["content-type"].startswith("text/csv")
    assert any(code in line and "staff-a" in line for line in exported.text.splitlines())
    assert mobile not in exported.text  # the log says what was shown, never the data itself
    staff.get("/console/audit")
    assert staff.status == 403


def test_changes_need_the_session_s_csrf_token(console):
    code = new_code()
    console.appeal(console.kiosk_a, code)
    staff = console.staff("staff-a")
    answer = staff.http.post(
        f"{console.url}/console/appeals/{code}/act",
        data={"action": "accept", "note": "x", "csrf": "forged"},
        timeout=30,
    )
    assert answer.status_code == 403
    staff.get(f"/console/appeals/{code}")
    assert "已受理登记" in staff.text  # still received


def test_the_json_api_works_an_appeal_and_the_visitor_sees_the_same_due_date(console):
    code = new_code()
    mobile = fresh_mobile()
    console.appeal(console.kiosk_a, code, mobile=mobile)
    staff = console.staff("reviewer")  # signs in through the pages once (password change)
    api = requests.Session()
    signed = api.post(
        f"{console.url}/console/api/login",
        json={"login": "reviewer", "password": PASSWORD},
        timeout=30,
    ).json()
    headers = {"X-CSRF-Token": signed["csrf"]}
    found = api.post(
        f"{console.url}/console/api/appeals/search", json={"q": mobile}, headers=headers, timeout=30
    ).json()
    assert [a["code"] for a in found["appeals"]] == [code]
    # Searching by mobile is a POST: the number never reaches the access log.
    assert mobile not in (console.server.data_dir / "server.log").read_text()
    for body in (
        {"action": "accept", "note": "已受理"},
        {"action": "assign", "deputy": "demo-01"},
    ):
        answer = api.post(
            f"{console.url}/console/api/appeals/{code}/actions",
            json=body,
            headers=headers,
            timeout=30,
        )
        assert answer.status_code == 200, answer.text
    detail = answer.json()
    assert detail["state"] == "assigned" and detail["deadline"] == "reply"
    refused = api.post(
        f"{console.url}/console/api/appeals/{code}/actions",
        json={"action": "close"},
        headers=headers,
        timeout=30,
    )
    assert refused.status_code == 409
    assert (
        api.post(
            f"{console.url}/console/api/appeals/{code}/actions",
            json={"action": "reply"},
            timeout=30,
        ).status_code
        == 403
    )  # no CSRF header
    # The visitor's progress page: the same due date and colour as the console.
    phone = Phone(console.url)
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": mobile[-4:]})
    shown = re.search(r'id="due" data-colour="(\w+)">([0-9-]+)', phone.page)
    assert shown and (shown.group(2), shown.group(1)) == (detail["due_on"], detail["colour"])
    staff.get(f"/console/appeals/{code}")
    assert f'data-colour="{detail["colour"]}">' in staff.page and detail["due_on"] in staff.text
    # And the kiosk's snapshot carries the same date.
    snapshot = console.kiosk_a.snapshot().json()
    (row,) = [a for a in snapshot["appeals"] if a["tracking_code"] == code]
    assert row["due_on"] == detail["due_on"]


def test_an_appointment_answered_in_the_console_reaches_the_visitor(console):
    code = new_code()
    tomorrow = (datetime.now(UTC).astimezone(CHINA_TIME) + timedelta(days=1)).date()
    seed_appointment(console, code, tomorrow)
    staff = console.staff("staff-a")
    staff.get("/console/appointments")
    assert code in staff.page.replace("-", "") and "137****7000" in staff.text
    assert "13700137000" not in staff.page
    staff.post(f"/console/appointments/{code}/reveal")
    assert "钱女士 13700137000" in staff.text and "已记入审计日志" in staff.text
    staff.post(f"/console/appointments/{code}", {"state": "confirmed", "note": "请上午9点到二楼"})
    assert "已确认" in staff.text
    other = console.staff("staff-b")
    other.get("/console/appointments")
    assert code not in other.page.replace("-", "")
    phone = Phone(console.url)
    phone.get(f"/p/{code}")
    phone.submit(f"/p/{code}", {"last4": "7000"})
    assert "已确认" in phone.text and "请上午9点到二楼" in phone.text
