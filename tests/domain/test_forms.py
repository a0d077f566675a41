# SPDX-License-Identifier: GPL-3.0-or-later
"""The forms' steps and field rules, once: the kiosk's form, its screens and the phone pages."""

from __future__ import annotations

import pytest

from central.services import phone
from kiosk.domain.contact import Problem
from kiosk.domain.forms import (
    FLOWS,
    LIMITS,
    PHONE_PAGE_LIMITS,
    check_step,
    checked_steps,
    flow,
    kind_of,
)


@pytest.mark.parametrize(
    ("kind", "checked"),
    [
        ("appeal", ("category", "text", "block", "contact")),
        ("callback", ("category", "contact")),
        ("appointment", ("day", "contact")),
    ],
)
def test_each_kind_checks_its_own_steps_on_submitting(kind: str, checked: tuple) -> None:
    assert checked_steps(kind) == checked
    assert set(checked) <= set(flow(kind))


def test_an_unknown_kind_is_an_appeal() -> None:
    assert kind_of("nonsense") == "appeal"
    assert flow("nonsense") == FLOWS[kind_of("appeal")]
    assert flow("appointment")[0] == "deputy" and flow("appeal")[0] == "category"


def test_the_kiosks_limits() -> None:
    assert LIMITS == {"text": 500, "block": 60, "name": 30, "topic": 100, "phone": 20}


def test_a_step_checks_only_its_fields_and_the_kind_decides_which() -> None:
    fields = {"name": "", "phone": "13912345678", "topic": "x" * 101}
    assert check_step("callback", "contact", fields) == {"phone": None}
    assert check_step("appeal", "contact", fields) == {"name": Problem.EMPTY, "phone": None}
    assert check_step("appointment", "contact", fields)["topic"] is Problem.TOO_LONG
    assert check_step("appeal", "block", {"block": "x" * 61}) == {"block": Problem.TOO_LONG}
    assert check_step("appointment", "day", {"day": ""}) == {"day": Problem.EMPTY}
    assert check_step("appeal", "review", fields) == {}


def test_the_phone_pages_check_with_the_domains_limits() -> None:
    assert phone.LIMITS is PHONE_PAGE_LIMITS
    form = {
        "category": "其他",
        "text": "x" * 2001,
        "block": "",
        "name": "林" * 51,
        "mobile": "13912345678",
        "consent": "yes",
    }
    checked = phone.check_message(form, ["其他"])
    assert checked.errors == {"text": "text_too_long", "name": "too_long"}
    form |= {"text": "x" * 2000, "name": "林" * 50}
    assert phone.check_message(form, ["其他"]).errors == {}
