# SPDX-License-Identifier: GPL-3.0-or-later
"""What a visitor types into a form, checked: appeal text, names, places, phone numbers.

Every check returns a `Problem` (or None) instead of changing the text: the field keeps
exactly what was typed, and the screen shows a plain message for the problem next to it
(kiosk/qml/Kiosk/Labels.qml, `problem()`). The rules are written down in docs/appeals.md.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from kiosk.domain.mobile import MOBILE

# Appeal text: long enough for a case with addresses and dates, short enough to read on the
# duty console and in an SMS-sized summary; staff ask for details by phone.
TEXT_LIMIT = 500
NAME_LIMIT = 30
PLACE_LIMIT = 60
TOPIC_LIMIT = 100
# The most a phone field takes (a keypad, a web form): 11 digits, an area code, +86, spaces.
PHONE_LONGEST = 20


class Problem(StrEnum):
    EMPTY = "empty"
    TOO_LONG = "too_long"
    EMOJI = "emoji"
    CONTROL = "control"
    BIDI = "bidi"
    PHONE_DIGITS = "phone_digits"  # something other than digits
    MOBILE_FORMAT = "mobile_format"  # 11 digits but not a mainland mobile
    PHONE_LENGTH = "phone_length"  # neither a mobile (11) nor a landline with area code


# Bidirectional formatting characters: invisible, and they can make text read differently
# from how it is stored (the "Trojan Source" trick).
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Line breaks and tabs are ordinary in a paragraph of appeal text; other controls are not.
_ALLOWED_CONTROLS = frozenset("\n\t")
_EMOJI_RANGES = (
    (0x1F000, 0x1FAFF),  # emoticons, pictographs, transport, flags, supplemental symbols
    (0x2600, 0x27BF),  # miscellaneous symbols and dingbats
    (0x2B50, 0x2B55),  # stars and circles used as emoji
    (0xFE0F, 0xFE0F),  # emoji presentation selector
    (0x200D, 0x200D),  # zero-width joiner (emoji sequences)
    (0xE0020, 0xE007F),  # tag characters (flag sequences)
)


def _is_emoji(char: str) -> bool:
    point = ord(char)
    return any(low <= point <= high for low, high in _EMOJI_RANGES)


def check_text(text: str, limit: int = TEXT_LIMIT, *, multiline: bool = True) -> Problem | None:
    """The first problem of a free-text field, or None. Empty means only whitespace too."""
    if not text.strip():
        return Problem.EMPTY
    if len(text) > limit:
        return Problem.TOO_LONG
    for char in text:
        if char in _BIDI:
            return Problem.BIDI
        if _is_emoji(char):
            return Problem.EMOJI
        if unicodedata.category(char) in ("Cc", "Cs") and not (
            multiline and char in _ALLOWED_CONTROLS
        ):
            return Problem.CONTROL
    return None


def check_name(name: str) -> Problem | None:
    return check_text(name, NAME_LIMIT, multiline=False)


def check_place(place: str) -> Problem | None:
    return check_text(place, PLACE_LIMIT, multiline=False)


def check_topic(topic: str) -> Problem | None:
    """An appointment's topic is optional: empty is fine, the rest as any text."""
    return None if not topic.strip() else check_text(topic, TOPIC_LIMIT, multiline=False)


_SEPARATORS = re.compile(r"[\s\-()（）]")
# Area code (0 + 2 or 3 digits: 010, 021, 0571, ...) then a 7- or 8-digit number.
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")


def normalise_phone(text: str) -> str:
    """Digits only: spaces, dashes and brackets dropped, and a leading +86/0086 country code."""
    digits = _SEPARATORS.sub("", text)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix) and len(digits) > len(prefix) + 10:
            digits = digits[len(prefix) :]
    return digits


def check_phone(text: str, *, landline: bool = True) -> Problem | None:
    """A mainland mobile (11 digits, 1[3-9]...) or, when allowed, a landline with area code."""
    digits = normalise_phone(text)
    if not digits:
        return Problem.EMPTY
    if not digits.isascii() or not digits.isdigit():
        return Problem.PHONE_DIGITS
    if digits.startswith("1"):
        return None if MOBILE.fullmatch(digits) else Problem.MOBILE_FORMAT
    if landline and _LANDLINE.fullmatch(digits):
        return None
    return Problem.PHONE_LENGTH
