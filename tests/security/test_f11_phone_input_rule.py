# SPDX-License-Identifier: GPL-3.0-or-later
"""Finding 11: the phone pages took NUL, control characters and bidi overrides the kiosk
refuses. Both now check free text by the domain's one rule (kiosk.domain.contact)."""

from __future__ import annotations

import re

import pytest

from kiosk.domain.contact import Problem, check_text
from tests.central.phone_fixtures import STATION
from tests.central.web.phone.test_pages import appeals_with_text, message
from tests.helpers.phone import Phone, field_value

ODD = {
    "nul": ("路灯\x00坏了", "内容里有看不见的控制字符"),
    "escape": ("路灯\x1b[31m坏了", "内容里有看不见的控制字符"),
    "bidi": ("路灯\u202e坏了", "内容里有看不见的控制字符"),
    "emoji": ("路灯坏了😡", "请不要使用表情符号"),
}


@pytest.mark.parametrize("field", ["text", "name", "block"])
@pytest.mark.parametrize("kind", list(ODD))
def test_the_message_form_refuses_what_the_kiosk_refuses(phone_station, field, kind):
    value, words = ODD[kind]
    assert check_text(value) in (Problem.CONTROL, Problem.BIDI, Problem.EMOJI)  # the kiosk's
    visitor = Phone(phone_station.url)
    visitor.get("/d/demo-01")
    answer = visitor.submit("/d/demo-01", message(**{field: value}))
    assert answer.status_code == 400, visitor.text
    assert words in visitor.text and "请修改下面标出的内容" in visitor.text
    if field == "text":
        assert appeals_with_text(phone_station, value) == 0
    assert field_value(visitor.page, field) == value  # what was typed is kept to correct


def test_the_appointment_form_refuses_control_characters(phone_station):
    visitor = Phone(phone_station.url)
    visitor.get(f"/a/{STATION}?deputy=demo-01")
    day = re.search(r'name="day" value="([^"]+)"', visitor.page).group(1)
    fields = {"day": day, "topic": "电梯\u2066加装", "name": "赵六", "consent": "yes"}
    answer = visitor.submit(f"/a/{STATION}", fields | {"mobile": "13912340000"})
    assert answer.status_code == 400 and "内容里有看不见的控制字符" in visitor.text


def test_line_breaks_in_a_message_are_still_fine(phone_station):
    visitor = Phone(phone_station.url)
    visitor.get("/d/demo-01")
    answer = visitor.submit("/d/demo-01", message(text="第一段\r\n第二段\t完"))
    assert answer.status_code == 200, visitor.text
