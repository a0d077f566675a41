# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 5: the appointment (and message) "repeat" answer gave the earlier visitor's code to
anyone who sent the same mobile, deputy and day within 10 minutes. A repeat now shows a code
only to the browser that was given it; from anyone else the same details are a new request."""

from __future__ import annotations

import re

from tests.central.phone_fixtures import STATION
from tests.central.web.phone.test_pages import leave_message, new_mobile
from tests.helpers.phone import Phone


def request_appointment(phone: Phone, mobile: str) -> str:
    phone.get(f"/a/{STATION}?deputy=demo-01")
    day = re.search(r'name="day" value="([^"]+)"', phone.page).group(1)
    fields = {"day": day, "topic": "加装电梯", "name": "赵六", "mobile": mobile, "consent": "yes"}
    answer = phone.submit(f"/a/{STATION}", fields)
    assert answer.status_code == 200, phone.text
    return phone.code()


def test_someone_else_sending_the_same_appointment_does_not_get_its_code(phone_station):
    mobile = new_mobile()
    visitor, stranger = Phone(phone_station.url), Phone(phone_station.url)
    code = request_appointment(visitor, mobile)

    other = request_appointment(stranger, mobile)
    assert other != code
    assert code not in stranger.page and "已提交过相同的内容" not in stranger.text

    # The visitor's own second tap (the back button, a resend) still gets the same code.
    assert request_appointment(visitor, mobile) == code
    assert "已提交过相同的内容" in visitor.text


def test_someone_else_sending_the_same_message_does_not_get_its_code(phone_station):
    mobile = new_mobile()
    visitor, stranger = Phone(phone_station.url), Phone(phone_station.url)
    code = leave_message(visitor, mobile=mobile, text="楼道灯不亮")
    other = leave_message(stranger, mobile=mobile, text="楼道灯不亮")
    assert other != code and code not in stranger.page
    assert leave_message(visitor, mobile=mobile, text="楼道灯不亮") == code


def test_a_forged_list_of_codes_in_the_cookie_is_ignored(phone_station):
    mobile = new_mobile()
    visitor, stranger = Phone(phone_station.url), Phone(phone_station.url)
    code = request_appointment(visitor, mobile)
    stranger.http.cookies.set("sent", f"{code}.{'0' * 32}")
    assert request_appointment(stranger, mobile) != code
