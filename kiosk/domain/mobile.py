# SPDX-License-Identifier: GPL-3.0-or-later
"""Mobile numbers visitors give for a reply: mainland China mobiles, 11 digits from 1."""

from __future__ import annotations

import re

# A mainland mobile: 11 digits, from 13 to 19 (the one place this rule lives).
MOBILE = re.compile(r"1[3-9]\d{9}")
_SEPARATORS = str.maketrans("", "", " -\u3000")


class InvalidMobile(ValueError):
    """Text that is not a mobile number; the message says why, in plain words."""


def parse_mobile(text: str) -> str:
    """Normalise what a visitor typed (spaces, dashes, +86) to 11 digits, or raise."""
    number = text.translate(_SEPARATORS)
    # Full-width digits from a Chinese input method count as digits; superscripts and other
    # "digits" that are not decimal digits (¹²³, ①) do not (int() refuses them).
    number = "".join(str(int(c)) if c.isdecimal() else c for c in number)
    for prefix in ("+86", "0086"):
        number = number.removeprefix(prefix)
    if not (number.isascii() and number.isdigit()):
        raise InvalidMobile("a mobile number has only digits")
    if len(number) != 11:
        raise InvalidMobile(f"a mobile number has 11 digits, this has {len(number)}")
    if not MOBILE.fullmatch(number):
        raise InvalidMobile("a mobile number starts with 13 to 19")
    return number


LAST_DIGITS = 4  # what a progress lookup asks for besides the tracking code


def last_four(mobile: str) -> str:
    """The last 4 digits of a stored mobile (what a progress lookup asks for)."""
    return "".join(c for c in mobile if c.isdigit())[-LAST_DIGITS:]
