# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 10: the rating access was a reusable bearer token for 30 minutes, not bound to
the browser, and worked again after the appeal was re-closed. Now it rates once, from the
browser that passed the last-4 check, for the record as it was then."""

from __future__ import annotations

from kiosk.domain.tracking import display
from tests.central.web.phone.test_pages import close_appeal, leave_message, new_mobile
from tests.helpers.phone import Phone, field_value


def closed_appeal(phone_station) -> tuple[Phone, str, str]:
    visitor, mobile = Phone(phone_station.url), new_mobile()
    code = leave_message(visitor, mobile=mobile)
    close_appeal(phone_station, code)
    visitor.get(f"/p/{code}")
    visitor.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert 'id="rate-form"' in visitor.page
    return visitor, code, mobile


def state_of(phone_station, code: str) -> str:
    listing = phone_station.cli("appeals", "list", "--station", "demo-station")
    return next(line for line in listing.splitlines() if display(code) in line)


def test_the_access_does_not_work_from_another_browser(phone_station):
    visitor, code, _ = closed_appeal(phone_station)
    access = field_value(visitor.page, "access")
    other = Phone(phone_station.url)
    other.get(f"/p/{code}")  # a browser of its own: its own cookie and form token
    answer = other.submit(f"/p/{code}/rate", {"rating": "dissatisfied"}, access=access)
    assert answer.status_code == 403 and "页面已过期" in other.text
    assert "closed" in state_of(phone_station, code)


def test_the_access_rates_once(phone_station):
    visitor, code, _ = closed_appeal(phone_station)
    access = field_value(visitor.page, "access")
    assert visitor.submit(f"/p/{code}/rate", {"rating": "satisfied"}).status_code == 200
    again = visitor.submit(f"/p/{code}/rate", {"rating": "dissatisfied"}, access=access)
    assert again.status_code == 409 and "现在不能评价" in visitor.text
    assert "rated" in state_of(phone_station, code)


def test_an_access_from_before_a_re_close_is_refused(phone_station):
    visitor, code, mobile = closed_appeal(phone_station)
    access = field_value(visitor.page, "access")
    # Staff reopen what was closed too soon, work it again and close it again.
    for state in ("reopened", "assigned", "replied", "closed"):
        phone_station.cli("appeals", "move", display(code), state, "--note", "再次办理")
    answer = visitor.submit(f"/p/{code}/rate", {"rating": "dissatisfied"}, access=access)
    assert answer.status_code == 409 and "现在不能评价" in visitor.text
    # A fresh look (the digits again) gives a fresh access that rates.
    visitor.get(f"/p/{code}")
    visitor.submit(f"/p/{code}", {"last4": mobile[-4:]})
    assert visitor.submit(f"/p/{code}/rate", {"rating": "satisfied"}).status_code == 200
    assert "感谢您的评价" in visitor.text
