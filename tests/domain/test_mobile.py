# SPDX-License-Identifier: GPL-3.0-or-later
import pytest

from kiosk.domain.mobile import InvalidMobile, last_four, parse_mobile


@pytest.mark.parametrize(
    "typed",
    [
        "13800138000",
        "138 0013 8000",
        "138-0013-8000",
        "+86 138 0013 8000",
        "１３８００１３８０００",
    ],
)
def test_a_mobile_is_read_as_a_visitor_types_it(typed):
    assert parse_mobile(typed) == "13800138000"


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("1380013800", "11 digits, this has 10"),
        ("12800138000", "starts with 13 to 19"),
        ("1380013800x", "only digits"),
        ("010-12345678", "starts with 13 to 19"),
    ],
)
def test_what_is_not_a_mobile_says_why(typed, why):
    with pytest.raises(InvalidMobile, match=why):
        parse_mobile(typed)


def test_the_last_four_digits_ignore_what_is_not_a_digit():
    assert last_four("138 0013 8000") == "8000"
    assert last_four("") == ""
