# SPDX-License-Identifier: GPL-3.0-or-later
"""PIN rules: a deputy's PIN is 6 to 8 digits, the admin PIN 4 to 12; the pads take as many."""

from __future__ import annotations

import pytest

from kiosk.domain.pins import (
    ADMIN_PIN_LONGEST,
    ADMIN_PIN_PATTERN,
    PIN_LONGEST,
    PIN_PATTERN,
    PIN_RULE,
    hash_pin,
)
from kiosk.store import admin_pin


@pytest.mark.parametrize(
    ("pin", "ok"),
    [
        ("12345", False),
        ("123456", True),
        ("12345678", True),
        ("123456789", False),
        ("12345a", False),
    ],
)
def test_a_deputy_pin_is_six_to_eight_digits(pin: str, ok: bool) -> None:
    assert bool(PIN_PATTERN.fullmatch(pin)) is ok
    assert PIN_LONGEST == 8


def test_a_pin_outside_the_rule_is_not_hashed() -> None:
    with pytest.raises(ValueError, match=PIN_RULE):
        hash_pin("123")


def test_the_admin_pin_is_four_to_twelve_digits_and_the_store_uses_that_rule() -> None:
    assert ADMIN_PIN_LONGEST == 12
    assert ADMIN_PIN_PATTERN.fullmatch("2580") and ADMIN_PIN_PATTERN.fullmatch("1" * 12)
    assert not ADMIN_PIN_PATTERN.fullmatch("258") and not ADMIN_PIN_PATTERN.fullmatch("1" * 13)
    assert admin_pin.PIN_PATTERN is ADMIN_PIN_PATTERN
    with pytest.raises(ValueError, match="4 to 12 digits"):
        admin_pin.hash_pin("1" * 13)
